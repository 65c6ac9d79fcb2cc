"""What each YAML file of an edition may hold (pydantic models, strict: an unknown key is an
error), and the vocabularies the CSV files use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from nsc_report.infra.untrusted import phone_number, web_address

# The status of an answer, from the most to the least complete (the order the scorecard
# uses). What each is printed as is in notebooks/labels.ftl (label-status).
STATUSES = ("answered", "partial", "not_held", "refused_s12", "refused_other", "no_response")


# An answer not keyed in yet: `intake import` codes a row of the workbook that was left
# untouched (no status, value or note) as no response with this note, dated. It is what the row
# will be if no answer comes, so the report, the validator and the workbook need no status of
# their own for it, and the 2024 edition's outputs do not change; `status` counts these rows as
# not yet answered, `check` lists them before publication and the next workbook leaves them
# blank to be keyed in.
NOT_YET = "Not yet answered (as of import {day})"
_NOT_YET = re.compile(r"Not yet answered \(as of import \d{4}-\d{2}-\d{2}\)")


def not_yet(status: object, note: object) -> bool:
    """Whether a row of the returns is an answer still to come (see NOT_YET)."""
    return status == "no_response" and isinstance(note, str) and bool(
        _NOT_YET.fullmatch(note.strip()))


# Statuses for which a figure is required, allowed, or must be absent.
VALUE_REQUIRED = {"answered"}


VALUE_OPTIONAL = {"partial"}


REGIONS = [
    "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West", "Wales",
]


SECTIONS = ["reports", "other_offences", "officers", "spo"]


SPO_APPLICATIONS = ("Q9", "Q10")


SPO_OUTCOMES = ("Q11", "Q12", "Q13")


def _checked(value: str, problem: str | None, kind: str) -> str:
    """The value, or the error that names what was expected (reported with file and key)."""
    if problem is None or not value:
        return value
    raise PydanticCustomError(kind, problem)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Period(_Strict):
    label: str = Field(min_length=1)
    short: str = Field(min_length=1)


# How far a figure can be trusted, strongest first: real and cited; real, with a caveat;
# constructed. A figure takes the weakest status of the sources and files it comes from.
STATUSES_OF_DATA = ("published", "unverified", "illustrative")


DataStatus = Literal["published", "unverified", "illustrative"]


class SourceCheck(_Strict):
    """A check of a source, as recorded: who made it and what they checked against what."""

    by: str = Field(min_length=1)
    what: str = Field(min_length=1)


class Source(_Strict):
    citation: str = Field(min_length=1)
    status: DataStatus
    caveat: str | None = None
    # A copy of the source document kept with the edition (sources/...), against which the
    # quotations and stated figures taken from it are checked word for word by every build.
    document: str | None = None
    # A check made by someone, recorded; without it or a document, no check is claimed.
    checked: SourceCheck | None = None
    # What of the source is not published (the forces' answers to a request): the report
    # then does not count it among its published sources.
    unpublished: str | None = None
    # When it was made public: the day (2024-04-18), or the month (2024-04) where only that
    # is known. An edition uses only what was public by its data cut-off: `nsc-report check`
    # lists a source dated to the month of the cut-off, or later, until its day is found.
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}(-\d{2})?$")

    @property
    def verified(self) -> bool:
        return self.status == "published"


class DataFile(_Strict):
    """The status of one of the edition's data files (a file not listed is published)."""

    status: DataStatus
    caveat: str | None = None


class Help(_Strict):
    """Where a reader can find help and the report: printed on every page and briefing. A
    field no cited source gives stays empty; `nsc-report check` reports it."""

    helpline_name: str
    helpline_phone: str
    helpline_source: str
    website: str
    website_source: str
    site_url: str = ""        # the published web book's address
    press_contact: str = ""   # an e-mail address or a telephone number
    # Where the software that computes every figure, and the data it reads, are published (a
    # repository's address); until it is given, no page says they are published.
    source_url: str = ""

    # Each becomes a link (href="tel:...", href="https://...") on every page: only a number or
    # an address of an allowed scheme is accepted (infra/untrusted.py); empty until filled in.
    @field_validator("helpline_phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return _checked(value, phone_number(value), "phone")

    @field_validator("website", "site_url", "source_url")
    @classmethod
    def _address(cls, value: str) -> str:
        return _checked(value, web_address(value), "web_address")

    @field_validator("press_contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        address = value if value.lower().startswith("mailto:") else f"mailto:{value}"
        if phone_number(value) is None or web_address(address, mail=True) is None:
            return value
        return _checked(value, "an e-mail address or a telephone number of digits and spaces",
                        "contact")

    @staticmethod
    def short(url: str) -> str:
        """A web address as printed: 'https://www.suzylamplugh.org/' -> 'www.suzylamplugh.org'."""
        return re.sub(r"^https?://", "", url).rstrip("/")


class Requests(_Strict):
    """What the Freedom of Information letters need beyond the codebook: the address the
    answers go to (FOIA s.8(1)(b): a request states an address for correspondence). `requests`
    refuses to write letters while it is empty."""

    reply_to: str = ""  # an e-mail address

    @field_validator("reply_to")
    @classmethod
    def _mail(cls, value: str) -> str:
        address = value if value.lower().startswith("mailto:") else f"mailto:{value}"
        if web_address(address, mail=True) is None:
            return value.removeprefix("mailto:").removeprefix("MAILTO:")
        return _checked(value, "an e-mail address for the forces' answers, such as "
                               "foi@example.org", "reply_to")


class FundingAsk(_Strict):
    amount_gbp: int = Field(gt=0)
    as_printed: str
    source: str


class Organisation(_Strict):
    trust_founded_years_ago: int = Field(gt=0)
    helpline_started: int
    helpline_victims_supported: int = Field(gt=0)
    source: str


class NextEdition(_Strict):
    """The next edition's publication date, once it is announced (the editions page shows it
    and offers it as a calendar file). The next edition's own edition.yml takes its place as
    soon as it sets a date that is not marked for later."""

    publication_date: dt.date


class EditionMeta(_Strict):
    edition: str = Field(pattern=r"^\d{4}$")
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    subtitle: str
    theme: str
    publisher: str
    publication_date: dt.date
    # The edition's data cut-off: it uses only published values published by then (its
    # publication date when not given), so that a later edition's data never reach it.
    data_cut_off: dt.date | None = None
    awareness_week: str
    language: str
    illustrative: bool
    forces_asked: int = Field(gt=0)
    periods: dict[str, Period]
    current_period: str
    previous_period: str
    # The edition this one is compared with (year on year); its questions are linked to this
    # one's by `same_as` in questions.yml.
    previous_edition: str | None = Field(default=None, pattern=r"^\d{4}$")
    pcc_commitment_year: int
    organisation: Organisation
    funding_ask: FundingAsk
    sources: dict[str, Source]
    # The status of the data files that are not simply published (see DataFile).
    data_files: dict[str, DataFile] = Field(default_factory=dict)
    help: Help | None = None
    next_edition: NextEdition | None = None
    requests: Requests | None = None

    @property
    def cut_off(self) -> dt.date:
        return self.data_cut_off or self.publication_date


class Question(_Strict):
    id: str = Field(pattern=r"^Q\d+$")
    wording: str = Field(min_length=1)
    periods: list[str] = Field(min_length=1)
    unit: str
    section: Literal["reports", "other_offences", "officers", "spo"]
    # The id of the same question in the previous edition's codebook, when it is asked again.
    same_as: str | None = Field(default=None, pattern=r"^Q\d+$")
    # How the question differs from the previous edition's, in plain words (its figures are then
    # shown side by side but not compared).
    changed: str | None = Field(default=None, min_length=1)


class Codebook(_Strict):
    questions: list[Question] = Field(min_length=1)


class CpsAnswer(_Strict):
    question: str
    status: Literal["answered", "partial", "not_collated", "not_held", "refused", "no_response"]
    answer: str
    source: str
    # The CPS's own words, as the source reports them (checked word for word against it).
    quote: str | None = None


class Quotation(_Strict):
    """A quotation printed in the book, checked against the source document it comes from."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    who: str = Field(min_length=1)             # as the source names the speaker
    role: str | None = None                    # as the source gives it, at that time
    source: str                                # a source id in edition.yml with a document
    text: str = Field(min_length=1)


class Quotations(_Strict):
    quotations: list[Quotation]


class PreRelease(_Strict):
    """Someone outside the team who had the findings, or the embargoed release pack, before
    publication (pre_release.yml): printed in the Code of Practice statement."""

    who: str = Field(min_length=1)
    role: str | None = None
    what: str = Field(min_length=1)          # "the embargoed release pack", "the findings"
    # When they received it: a date on or before publication, or "not recorded".
    received: dt.date | Literal["not recorded"]
    source: str | None = None                # a source id in edition.yml that shows it


class PreReleaseList(_Strict):
    # Whether the list is everyone who had the findings before publication (true), or only
    # those the edition's sources show, others not recorded (false): the statement says "N
    # people had them" only when it is true. Required: a list is never taken to be complete.
    complete: bool
    pre_release: list[PreRelease]


class StatedFigure(_Strict):
    """A figure a published source states (stated.yml): the book's figures of this meaning
    take the source's status and citation, and must print as `text`."""

    text: str = Field(min_length=1)            # as the book prints it: "27", "67%"
    source: str                                # a source id in edition.yml with a document
    quote: str = Field(min_length=1)           # the source's words that state it, verbatim


class StatedFigures(_Strict):
    stated: dict[str, StatedFigure]


class Change(_Strict):
    """One change made in a new version: a correction (an error put right, in a figure, its
    words, a chart, a download or the layout) or a revision (new or revised data, or a change
    in how a figure or sentence is made that leaves what it says unchanged), what changed,
    why, and the figures (register ids) it touched."""

    kind: Literal["correction", "revision"]
    what: str = Field(min_length=1)
    why: str = Field(min_length=1)
    figures: list[str] = Field(default_factory=list)


class Version(_Strict):
    """A published version of an edition (revisions.yml)."""

    version: str = Field(pattern=r"^\d+\.\d+$")
    date: dt.date
    summary: str = Field(min_length=1)
    changes: list[Change] = Field(default_factory=list)


class Revisions(_Strict):
    versions: list[Version] = Field(min_length=1)


TRACKER_COLUMNS = ["force_code", "force_name", "reference", "date_sent", "date_received",
                   "internal_review", "ico_complaint"]
# A tracker written before the names were kept has no force_name column; it is read as it is.
TRACKER_OPTIONAL = frozenset({"force_name"})
TRACKER_DATES = TRACKER_COLUMNS[3:]
# The one request that is not to a force, by its code and name in the tracker and letters.
CPS_CODE, CPS_NAME = "CPS", "Crown Prosecution Service"


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


OVERSIGHT_KINDS = {
    "pcc": "Police and Crime Commissioner",
    "pfcc": "Police, Fire and Crime Commissioner",
    "mayor": "mayor holding the powers of a Police and Crime Commissioner",
    "mopac": "Mayor's Office for Policing and Crime",
    "police_authority": "police authority",
}


# The bodies that hold a Police and Crime Commissioner's powers (all but a police authority).
COMMISSIONER_KINDS = ("pcc", "pfcc", "mayor", "mopac")
