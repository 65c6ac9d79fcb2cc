"""A command starts without paying for what it never uses."""

from __future__ import annotations

import subprocess
import sys


def test_no_process_of_ours_compiles_the_iri_grammar():
    """jsonschema imports rfc3987-syntax, which compiles a grammar for 1.2 s, whenever it is
    installed; the package says it is absent before anything imports jsonschema."""
    code = ("import nsc_report.cli.main, nbformat, jsonschema, sys; "
            "print('rfc3987_syntax' in sys.modules and sys.modules['rfc3987_syntax'] is not None)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_notebooks_are_still_validated_against_their_schema():
    import nbformat
    import pytest

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("1"))
    nbformat.validate(nb)
    nb.cells[0]["cell_type"] = "no such type"
    with pytest.raises(nbformat.ValidationError):
        nbformat.validate(nb)
