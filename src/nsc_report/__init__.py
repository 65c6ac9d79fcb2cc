"""Compute, write and publish the National Stalking Consortium's annual report."""

import sys

__version__ = "0.1.0"

# jsonschema checks the "iri" format with rfc3987-syntax whenever that is installed (nbdime's
# Jupyter server brings it in), and rfc3987-syntax compiles its grammar as it is imported: 1.2 s
# in every process that reads a notebook (each command, each kernel), a third of a short
# command's time. No schema this project validates uses the format, and jsonschema skips a
# format check whose library is absent, as it does on a machine without it: say it is absent.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
