"""The edition's data as accessible spreadsheets, in XLSX and ODS, to the Analysis Function's
standard for releasing statistics in spreadsheets.

One `Workbook` describes the content once: a cover sheet (title, publisher, period, source,
contact and the data's status), a contents sheet, a notes sheet, and one table per sheet with
its title in cell A1, its source, units and notes (`[note N]`) in the headers, no merged cells
and no blank rows or columns inside a table. Numbers are typed as numbers; a missing value is
`[x]`, explained on the notes sheet. `gptables` writes the XLSX; the ODS is written with
`odfpy` to the same layout, so that both hold the same cells.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nsc_report.data import Edition, provenance
from nsc_report.infra.files import FIXED_ZIP_TIME
from nsc_report.present import labels, words

# The columns of reference/forces.csv that are the project's own (the short names and the
# tile map's positions), not the ONS's: its source line says so.
OUR_COLUMNS = ("short_name", "tile_x", "tile_y")
MISSING = "[x]"  # the standard's shorthand for a value that is not available
NOTE = re.compile(r"\$\$([a-z_]+)\$\$")


@dataclass(frozen=True)
class Sheet:
    name: str                    # the sheet's name (no spaces)
    title: str                   # in A1; may reference notes as $$ref$$
    table: pd.DataFrame          # numbers typed as numbers, missing values as MISSING
    source: str
    units: dict[str, str] = field(default_factory=dict)       # column -> unit
    column_notes: dict[str, str] = field(default_factory=dict)  # column -> $$ref$$


@dataclass(frozen=True)
class Workbook:
    title: str
    intro: list[str]
    about: list[str]
    contact: list[str]
    notes: dict[str, str]        # ref -> text, in the order they are numbered
    sheets: list[Sheet]
    created: dt.datetime
    publisher: str
    one_table: str               # what the contents and notes sheets say of their layout
    instructions: str            # the same on each table's sheet, with what an empty cell means


def _typed(frame: pd.DataFrame, numeric: list[str]) -> pd.DataFrame:
    """Numbers as numbers (whole numbers as int), and MISSING where a number is absent; yes or
    no for true or false; a column with nothing in it left out (no blank columns)."""
    out = frame.copy()
    out = out[[c for c in out.columns if c in numeric or out[c].replace("", pd.NA).notna().any()]]
    for column in out.columns:
        if pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map({True: "yes", False: "no"})
    for column in numeric:
        out[column] = [MISSING if pd.isna(v) else (int(v) if float(v).is_integer() else float(v))
                       for v in pd.to_numeric(out[column], errors="coerce")]
    return out.astype(object).where(out.notna(), "").reset_index(drop=True)


def _national(edition: Edition) -> pd.DataFrame:
    """The national figures with each row's status and caveat, from its source (the counts
    from press coverage are unverified, and say so in their row)."""
    sources = [edition.source(s) for s in edition.national["source_id"]]
    return edition.national.assign(data_status=[s.status for s in sources],
                                   caveat=[s.caveat or "" for s in sources])


def _commitments(edition: Edition) -> pd.DataFrame:
    """The commitments as the workbook gives them, from the one account each force page gives
    (`provenance.commitment`): each force by name, whether its body made the commitment (a
    force with no Commissioner is said to have none, not to have said no), or that it is not
    published in this edition where the row is constructed; what is said has the status and
    the source of what it rests on. An act of a named office is never given from constructed
    data, marked or not."""
    w = words.of(edition, "spreadsheets")
    on = dt.date(edition.meta.pcc_commitment_year, 6, 30)
    names = edition.forces.set_index("force_code")["force_name"]
    rows = []
    for code in edition.commitments["force_code"]:
        said = provenance.commitment(edition, code)
        cited = [edition.source(s).citation for s in said.sources]
        if said.case == "none":
            cited.append(edition.overseer(code, on)["source"])
        status, caveat = said.provenance.status, said.provenance.caveat
        if said.case == "unpublished":
            # Nothing stated, nothing cited: the row has the status of the constructed list
            # it withholds, and its caveat says why it gives nothing.
            withheld = provenance.of(edition, ("commitments",))
            status = withheld.status
            caveat = w.text("spreadsheets-commitment-withheld", caveat=withheld.caveat).strip()
        rows.append({"force_code": code, "force_name": names.get(code, code),
                     "commitment": w.text("spreadsheets-commitment", case=said.case),
                     "data_status": status, "caveat": caveat, "source": "; ".join(cited)})
    return pd.DataFrame(rows)


def workbook(edition: Edition, returns: pd.DataFrame, published: pd.DataFrame) -> Workbook:
    """The workbook of an edition: its answers (`returns`, as in the CSV download), the
    published statistics (`published`, as in theirs), the national figures, the commitments,
    the forces and the questions."""
    meta = edition.meta
    w = words.of(edition, "spreadsheets")
    report = {"title": meta.title, "edition": meta.edition}
    answers = edition.source(f"foi_{meta.edition}").citation
    # What the answers are: said on the cover and in the status note.
    state = {"status": provenance.returns(edition).status,
             "caveat": provenance.illustrative_caveat(edition) or ""}
    notes = {
        "status": w.text("spreadsheets-note-status", **state),
        "missing": w.text("spreadsheets-note-missing", missing=MISSING),
        "periods": w.text("spreadsheets-note-periods"),
        "published": w.text("spreadsheets-note-published"),
    }
    # The sources the answers' rows cite (a force's own public answer), if any.
    cited = (sorted({str(s) for s in returns["source_id"] if pd.notna(s) and str(s).strip()})
             if "source_id" in returns.columns else [])
    if cited:
        notes["public"] = w.text("spreadsheets-note-public", sources="; ".join(
            f"{s}: {edition.source(s).citation}" for s in cited))
    ours = [c for c in edition.forces.columns if c in OUR_COLUMNS]
    sheets = [
        Sheet("FOI_returns", w.text("spreadsheets-returns-title", **report),
              _typed(returns, ["value"]), w.text("spreadsheets-source", citation=answers),
              units={"value": "count"}, column_notes={"value": "$$missing$$",
                                                      "period": "$$periods$$",
                                                      **({"source_id": "$$public$$"}
                                                         if cited else {})}),
        Sheet("Published_statistics", w.text("spreadsheets-published-title"),
              _typed(published, ["value"]), w.text("spreadsheets-published-source"),
              units={"value": "count"}, column_notes={"value": "$$missing$$",
                                                      "period": "$$periods$$"}),
        Sheet("National_figures", w.text("spreadsheets-national-title", edition=meta.edition),
              _typed(_national(edition), ["value"]), w.text("spreadsheets-national-source"),
              column_notes={"value": "$$missing$$"}),
        Sheet("PCC_commitments", w.text("spreadsheets-commitments-title"),
              _typed(_commitments(edition), []), w.text("spreadsheets-commitments-source")),
        Sheet("Forces", w.text("spreadsheets-forces-title", forces=len(edition.forces)),
              _typed(edition.forces, []),
              w.text("spreadsheets-forces-source", ours=", ".join(ours),
                     has_ours=bool(ours))),
        Sheet("Questions", w.text("spreadsheets-questions-title", edition=meta.edition),
              _typed(edition.questions.assign(
                  periods=edition.questions["periods"].map("; ".join)), []),
              w.text("spreadsheets-report-source", **report)),
    ]
    h = meta.help
    contact = [f"{meta.publisher}"] + ([w.text("spreadsheets-website", website=h.website)]
                                       if h and h.website else [])
    return Workbook(
        title=w.text("spreadsheets-title", **report),
        intro=[w.text("spreadsheets-intro", **report, publisher=meta.publisher,
                      date=labels.publication_day(edition)),
               w.text("spreadsheets-period",
                      period=edition.period_label(meta.current_period)),
               w.text("spreadsheets-status", **state), w.text("spreadsheets-charts")],
        about=[w.text("spreadsheets-about-answers", citation=answers),
               w.text("spreadsheets-about-published")],
        contact=contact, notes=notes, sheets=sheets,
        created=dt.datetime.combine(meta.publication_date, dt.time()),
        publisher=meta.publisher, one_table=w.text("spreadsheets-one-table"),
        instructions=w.text("spreadsheets-instructions", missing=MISSING))


def _used_notes(wb: Workbook) -> dict[str, str]:
    """The notes in the order a reader first meets them (as gptables numbers them)."""
    found: list[str] = []
    for sheet in wb.sheets:
        for text in (sheet.title, *sheet.column_notes.values()):
            found += [ref for ref in NOTE.findall(text) if ref not in found]
    return {ref: wb.notes[ref] for ref in found}


# A table's cells are the data's text (the report's note on an answer among them): XlsxWriter
# would write a string starting with '=' as a formula and one that looks like an address as a
# hyperlink. Strings stay strings (see infra/untrusted.py and "Trust model" in the README).
TEXT_CELLS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


@contextlib.contextmanager
def _cells_as_text() -> Iterator[None]:
    """gptables turns any table cell shaped '[text](address)' into a hyperlink (and stops on
    an address XlsxWriter does not know, such as javascript:); our tables hold no links, so
    that parsing is switched off for the table's cells while the workbook is written. Titles,
    notes and the cover, which are ours, are left to gptables."""
    from gptables.core.wrappers import GPWorksheet

    parse = GPWorksheet._parse_table_urls
    GPWorksheet._parse_table_urls = lambda self, gptable: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        GPWorksheet._parse_table_urls = parse  # type: ignore[method-assign]


def to_xlsx(wb: Workbook) -> bytes:
    import gptables as gpt

    notes = _used_notes(wb)
    def by_position(names: dict[str, str], table: pd.DataFrame) -> dict[int, str] | None:
        # gptables renames a column as it adds its unit: name columns by position.
        return {list(table.columns).index(c): v for c, v in names.items()} or None

    with warnings.catch_warnings():
        # It warns of every empty cell; what an empty cell means is said on each sheet.
        warnings.filterwarnings("ignore", message=r"\s*Empty or null cell")
        tables = {s.name: gpt.GPTable(
            table=s.table, table_name=f"{s.name.lower()}_table", title=s.title,
            source=s.source, instructions=wb.instructions, units=by_position(s.units, s.table),
            table_notes=by_position(s.column_notes, s.table)) for s in wb.sheets}
    cover = gpt.Cover(title=wb.title, intro=wb.intro, about=wb.about, contact=wb.contact)
    with tempfile.TemporaryDirectory() as scratch, _cells_as_text():
        path = Path(scratch) / "book.xlsx"
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\s*Empty or null cell")
            book = gpt.produce_workbook(
                str(path), sheets=tables, cover=cover,
                notes_table=pd.DataFrame({"Note reference": list(notes),
                                          "Note text": list(notes.values())}),
                contentsheet_options={"instructions": wb.one_table},
                notesheet_options={"instructions": wb.one_table}, workbook_options=TEXT_CELLS)
        book.set_properties({"title": wb.title, "author": wb.publisher,
                             "created": wb.created})
        book.close()
        return path.read_bytes()


# --- ODS: the same cells, written with odfpy ---------------------------------------------------

def _cells(wb: Workbook) -> dict[str, list[list[object]]]:
    """Every sheet's rows as gptables lays them out (cover, contents, notes, tables)."""
    notes = _used_notes(wb)
    number = {ref: i for i, ref in enumerate(notes, 1)}

    def text(value: str) -> str:
        return NOTE.sub(lambda m: f"[note {number[m.group(1)]}]", value)

    sheets: dict[str, list[list[object]]] = {
        "Cover": [[wb.title], ["Introductory information"], *([line] for line in wb.intro),
                  ["About these data"], *([line] for line in wb.about), ["Contact"],
                  *([line] for line in wb.contact)],
        "Contents": [["Table of contents"], [wb.one_table], ["Sheet name", "Table description"],
                     *([s.name, NOTE.sub("", s.title)] for s in wb.sheets)],
        "Notes": [["Notes"], [wb.one_table], ["Note number", "Note text"],
                  *([number[ref], note] for ref, note in notes.items())],
    }
    for s in wb.sheets:
        header = []
        for column in s.table.columns:
            parts = [str(column)]
            if column in s.units:
                parts.append(f"({s.units[column]})")
            if column in s.column_notes:
                parts.append(text(s.column_notes[column]))
            header.append("\n".join(parts))
        sheets[s.name] = [[text(s.title)], [wb.instructions], [s.source], header,
                          *(list(row) for row in s.table.itertuples(index=False))]
    return sheets


def to_ods(wb: Workbook) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in _cells(wb).items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, bool) or not isinstance(value, int | float):
                    cell = TableCell(valuetype="string")
                    for line in str(value).split("\n"):
                        cell.addElement(P(text=line))
                else:
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    return _stable_ods(buffer.getvalue(), wb)


def _sorted_namespaces(xml: bytes) -> bytes:
    """odfpy declares on the root namespaces in an order that changes from run to run, and
    more of them on a later document of the same process: keep the ones used, sorted."""
    start = xml.find(b"<", xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0)
    end = xml.find(b">", start)
    tag = xml[start:end]
    names = re.findall(rb'\sxmlns:[\w-]+="[^"]*"', tag)
    if not names:
        return xml
    body = xml[:start] + xml[end:]
    names = [n for n in names
             if re.search(rb"[<\s/]" + re.escape(n.split(b"=")[0][7:]) + rb":", body)]
    rest = re.sub(rb'\sxmlns:[\w-]+="[^"]*"', b"", tag)
    head, _, attrs = rest.partition(b" ")
    return (xml[:start] + head + b"".join(sorted(names)) + (b" " + attrs if attrs else b"")
            + xml[end:])


def _stable_ods(data: bytes, wb: Workbook) -> bytes:
    """odfpy stamps the time of writing in meta.xml and the zip: use the publication date,
    keeping `mimetype` first and stored, as ODF requires."""
    stamp = f"{wb.created:%Y-%m-%dT%H:%M:%S}".encode()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, content in entries:
            if name.endswith(".xml"):
                content = _sorted_namespaces(content)
            if name == "meta.xml":
                content = re.sub(rb"(<meta:creation-date>)[^<]*", rb"\g<1>" + stamp, content)
                content = re.sub(rb"(<dc:date>)[^<]*", rb"\g<1>" + stamp, content)
                content = re.sub(rb"<meta:generator>[^<]*</meta:generator>", b"", content)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return out.getvalue()

