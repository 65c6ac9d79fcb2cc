"""The data layer: load and validate one edition's data.

Every problem is collected before anything is reported, so that an author sees all of them at
once; each names the file, the row (1-based, header excluded, with its line in the file), the
column, the bad value and what was expected. `load_edition` is the way in; the modules below
are its parts (models, readers, the core files, the other tables, the Edition). May import
`errors`, and of `infra` the file reader and the checks of untrusted text only.
"""

from nsc_report.data.core import _Context, _load_core
from nsc_report.data.edition import Edition, load_edition
from nsc_report.data.issues import DataValidationError, Issue
from nsc_report.data.models import (
    COMMISSIONER_KINDS,
    NOT_YET,
    OVERSIGHT_KINDS,
    REGIONS,
    SECTIONS,
    SPO_APPLICATIONS,
    SPO_OUTCOMES,
    STATUSES,
    STATUSES_OF_DATA,
    VALUE_OPTIONAL,
    VALUE_REQUIRED,
    Codebook,
    CpsAnswer,
    DataFile,
    EditionMeta,
    Help,
    Question,
    Quotation,
    Source,
    not_yet,
)
from nsc_report.data.paths import edition_files, edition_paths
from nsc_report.data.readers import FILL_IN, MAX_COUNT, MAX_FILE_BYTES
from nsc_report.data.tables import _load_returns

__all__ = [
    "COMMISSIONER_KINDS", "FILL_IN", "MAX_COUNT", "MAX_FILE_BYTES", "NOT_YET", "OVERSIGHT_KINDS",
    "REGIONS", "SECTIONS", "SPO_APPLICATIONS", "SPO_OUTCOMES", "STATUSES", "STATUSES_OF_DATA",
    "VALUE_OPTIONAL", "VALUE_REQUIRED", "Codebook", "CpsAnswer", "DataFile",
    "DataValidationError", "Edition", "EditionMeta", "Help", "Issue", "Question", "Quotation",
    "Source", "_Context", "_load_core", "_load_returns", "edition_files", "edition_paths",
    "load_edition", "not_yet",
]
