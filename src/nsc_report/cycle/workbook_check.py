"""A returned workbook checked before any cell of it is read: what it is, how large it is and how
large it would become, in constant memory.

A workbook comes back from a force: it is untrusted. An .xlsx or .ods file is a zip archive of
XML; a few kilobytes of it can stand for a sheet of 17 billion cells (one value at XFD1048576:
the reader allocates the whole rectangle) or for gigabytes of XML (a zip bomb). So, before the
spreadsheet reader sees it:

- the archive: at most MAX_MEMBERS members, each inflated here in bounded chunks to check that
  it holds exactly what its header says (a member that lies about its size is refused), at
  most MAX_RATIO times its compressed size, and MAX_UNCOMPRESSED in all;
- the kind: an .xlsx is an Office Open XML workbook, an .ods an OpenDocument spreadsheet,
  whatever the file is called;
- the sheets: at most MAX_SHEETS, each streamed through a defused XML parser (no entities, no
  DTD) that records its declared dimension and the last row and column holding a cell: at most
  MAX_ROWS rows and MAX_COLUMNS columns;
- the answers sheet: a formula or an error value in it is reported by cell, since what it
  would be read as (its last computed value, or nothing) is not what anyone typed.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax import SAXException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml.common import DefusedXmlException
from defusedxml.sax import make_parser

MAX_MEMBERS = 200
MAX_UNCOMPRESSED = 100 * 2**20   # a full workbook of 20,000 answers is about 30 MB of XML
MAX_RATIO = 250                  # real sheets compress 10 to 100 times; a bomb about 1,000
MAX_SHEETS = 10
MAX_ROWS = 20_001                # the header and 20,000 answers
MAX_COLUMNS = 64                 # 9 are used; a few added are reported by the header check
CHUNK = 256 * 1024

XLSX_TYPES = "[Content_Types].xml"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class WorkbookRefused(Exception):
    """The file is not a workbook that can be read safely (what it is, in words)."""


@dataclass
class Finding:
    """A cell of the answers sheet that holds a formula or an error (A1 reference)."""

    cell: str
    value: str
    expected: str


def letters(index: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    name = ""
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _position(ref: str) -> tuple[int, int] | None:
    """'XFD1048576' -> (1048576, 16384); None for what is not a cell reference."""
    match = re.fullmatch(r"\$?([A-Za-z]{1,4})\$?(\d{1,9})", ref.strip())
    if not match:
        return None
    column = 0
    for char in match.group(1).upper():
        column = column * 26 + ord(char) - 64
    return int(match.group(2)), column


def _bounded(rows: int, columns: int, sheet: str, what: str) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise WorkbookRefused(
            f"sheet '{sheet}' {what} {letters(columns)}{rows}: a sheet may use at most "
            f"{MAX_ROWS - 1:,} rows below its header and {MAX_COLUMNS} columns "
            f"(to {letters(MAX_COLUMNS)}); clear the cells beyond them")


# --- the archive --------------------------------------------------------------------------------

def _entry_count(data: bytes) -> int:
    """The number of members the archive's end record declares, read before the archive is
    opened (opening it reads every member's header into memory)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise WorkbookRefused("it is not a zip archive, which every .xlsx and .ods file is")
    return struct.unpack("<H", data[end + 10:end + 12])[0]


def _inflate(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks, inflated here with every size checked: no chunk is
    produced beyond what the member declares."""
    name = info.filename
    head = data[info.header_offset:info.header_offset + 30]
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        raise WorkbookRefused(f"its member {name!r} is damaged")
    flags, method = struct.unpack("<HH", head[6:10])
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    if flags & 1:
        raise WorkbookRefused("it is encrypted: save it without a password")
    start = info.header_offset + 30 + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        raise WorkbookRefused(f"its member {name!r} is cut short")
    crc, total = 0, 0
    if method == zipfile.ZIP_STORED:
        pieces: Iterator[bytes] = (bytes(raw[i:i + CHUNK]) for i in range(0, len(raw), CHUNK))
    elif method == zipfile.ZIP_DEFLATED:
        pieces = _deflated(raw, name)
    else:
        raise WorkbookRefused(f"its member {name!r} is compressed in a way no spreadsheet "
                              f"program writes (method {method})")
    for piece in pieces:
        total += len(piece)
        if total > info.file_size:
            raise WorkbookRefused(f"its member {name!r} holds more than the "
                                  f"{info.file_size:,} bytes it declares (a zip bomb?)")
        crc = zlib.crc32(piece, crc)
        yield piece
    if total != info.file_size or crc != info.CRC:
        raise WorkbookRefused(f"its member {name!r} is damaged (its size or checksum is not "
                              f"what it declares)")


def _deflated(raw: memoryview, name: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-15)
    position = 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, CHUNK)
            elif position < len(raw):
                piece = inflater.decompress(raw[position:position + CHUNK], CHUNK)
                position += CHUNK
            else:
                raise WorkbookRefused(f"its member {name!r} is cut short")
            yield piece
    except zlib.error:
        raise WorkbookRefused(f"its member {name!r} is damaged") from None


def _open(data: bytes) -> zipfile.ZipFile:
    count = _entry_count(data)
    if count > MAX_MEMBERS:
        raise WorkbookRefused(f"it is an archive of {count:,} files; a workbook has a few "
                              f"dozen (at most {MAX_MEMBERS} are read)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError) as exc:
        raise WorkbookRefused(f"it is not a zip archive that can be read ({exc})") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise WorkbookRefused(f"it is an archive of more than {MAX_MEMBERS} files")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise WorkbookRefused(f"it would take {total:,} bytes unpacked, more than the "
                              f"{MAX_UNCOMPRESSED // 2**20} MB a workbook of answers needs")
    for m in members:
        if m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise WorkbookRefused(f"its member {m.filename!r} unpacks to {ratio:,} times its "
                                  f"packed size (a zip bomb?)")
    return archive


def _xml(data: bytes, info: zipfile.ZipInfo, handler: ContentHandler) -> None:
    """Stream one member through a defused, namespace-aware SAX parser."""
    parser = make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        for piece in _inflate(data, info):
            parser.feed(piece)
        parser.close()
    except (SAXException, DefusedXmlException) as exc:
        raise WorkbookRefused(f"its part {info.filename!r} is not well-formed XML that can be "
                              f"read safely ({exc})") from None


# --- the sheets --------------------------------------------------------------------------------

class _XlsxSheet(ContentHandler):
    """One worksheet: its declared dimension, the extent of its cells, its formulas."""

    def __init__(self, name: str, answers: bool) -> None:
        super().__init__()
        self.name, self.answers = name, answers
        self.findings: list[Finding] = []
        self.row, self.column, self.cell = 0, 0, ""
        self.formula: list[str] | None = None

    def startElementNS(self, name, qname, attrs):  # noqa: N802 - the SAX interface
        local = name[1]
        if local == "dimension":
            end = _position(str(attrs.get((None, "ref"), "A1")).split(":")[-1])
            if end:
                _bounded(*end, self.name, "declares cells up to")
        elif local == "row":
            given = str(attrs.get((None, "r"), ""))
            self.row = int(given) if given.isdigit() else self.row + 1
            self.column = 0  # a row without cells (a height set, say) holds nothing to read
        elif local == "c":
            place = _position(str(attrs.get((None, "r"), "")))
            self.row, self.column = place if place else (max(self.row, 1), self.column + 1)
            _bounded(self.row, self.column, self.name, "has a cell at")
            self.cell = f"{letters(self.column)}{self.row}"
            if self.answers and attrs.get((None, "t")) == "e":
                self.findings.append(Finding(self.cell, "an error value", "a value typed in, "
                                             "not a spreadsheet error (#N/A, #VALUE!, ...)"))
        elif local == "f" and self.answers:
            self.formula = []

    def characters(self, content):
        if self.formula is not None and sum(map(len, self.formula)) < 100:
            self.formula.append(content)

    def endElementNS(self, name, qname):  # noqa: N802 - the SAX interface
        if name[1] == "f" and self.formula is not None:
            self.findings.append(Finding(self.cell, "=" + "".join(self.formula)[:100],
                                         "a value typed in, not a formula (copy the cells "
                                         "and paste them as values)"))
            self.formula = None


class _OdsContent(ContentHandler):
    """content.xml: every table's name, the extent of its non-empty cells, its formulas."""

    def __init__(self, answers: str) -> None:
        super().__init__()
        self.answers, self.names, self.findings = answers, [], []
        self.sheet, self.row, self.column = "", 0, 0
        self.row_repeat, self.cell_repeat, self.row_used = 1, 1, 0
        self.in_cell, self.cell_used = False, False

    def startElementNS(self, name, qname, attrs):  # noqa: N802 - the SAX interface
        uri, local = name
        if uri != TABLE:
            if self.in_cell and local == "p":
                self.cell_used = True
            return
        if local == "table":
            self.sheet = str(attrs.get((TABLE, "name"), f"sheet {len(self.names) + 1}"))
            self.names.append(self.sheet)
            if len(self.names) > MAX_SHEETS:
                raise WorkbookRefused(f"it has more than {MAX_SHEETS} sheets")
            self.row = 0
        elif local == "table-row":
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
            self.column, self.row_used = 0, 0
        elif local in ("table-cell", "covered-table-cell"):
            self.cell_repeat = _repeat(attrs, "number-columns-repeated")
            self.in_cell = True
            self.cell_used = (OFFICE, "value-type") in attrs
            formula = attrs.get((TABLE, "formula"))
            if formula and self.sheet == self.answers:
                self.findings.append(Finding(
                    f"{letters(min(self.column + 1, 10**6))}{self.row + 1}", str(formula)[:100],
                    "a value typed in, not a formula (copy the cells and paste them as "
                    "values)"))

    def characters(self, content):
        if self.in_cell and content.strip():
            self.cell_used = True

    def endElementNS(self, name, qname):  # noqa: N802 - the SAX interface
        uri, local = name
        if uri != TABLE:
            return
        if local in ("table-cell", "covered-table-cell"):
            self.column += self.cell_repeat
            if self.cell_used:  # repeated empty cells (to the sheet's edge) are no content
                self.row_used = self.column
                _bounded(self.row + 1, self.column, self.sheet, "has a cell at")
            self.in_cell = False
        elif local == "table-row":
            self.row += self.row_repeat
            if self.row_used:
                _bounded(self.row, self.row_used, self.sheet, "has a cell at")


def _repeat(attrs, key: str) -> int:
    text = str(attrs.get((TABLE, key), "1"))
    return int(text) if text.isdigit() and int(text) > 0 else 1


# --- the way in ---------------------------------------------------------------------------------

def check(data: bytes, kind: str, answers: str) -> list[Finding]:
    """Raise WorkbookRefused if the workbook (`kind`: 'xlsx' or 'ods') is not what it says or
    exceeds a limit; return the formulas and error values of the sheet named `answers`."""
    archive = _open(data)
    names = {m.filename: m for m in archive.infolist()}
    if kind == "ods":
        mimetype = names.get("mimetype")
        if mimetype is None or b"".join(_inflate(data, mimetype)).strip() != ODS_MIMETYPE \
                or "content.xml" not in names:
            raise WorkbookRefused("it is not an OpenDocument spreadsheet (.ods), whatever its "
                                  "name says")
        content = _OdsContent(answers)
        for info in names.values():
            if info.filename == "content.xml":
                _xml(data, info, content)
            else:
                for _ in _inflate(data, info):
                    pass
        return content.findings
    if XLSX_TYPES not in names or "xl/workbook.xml" not in names:
        raise WorkbookRefused("it is not an Excel workbook (.xlsx), whatever its name says")
    sheets = _XlsxSheets()
    _xml(data, names["xl/workbook.xml"], sheets)
    if len(sheets.targets) > MAX_SHEETS:
        raise WorkbookRefused(f"it has {len(sheets.targets)} sheets; at most {MAX_SHEETS} "
                              f"are read")
    relations = _Relations()
    if "xl/_rels/workbook.xml.rels" in names:
        _xml(data, names["xl/_rels/workbook.xml.rels"], relations)
    parts = {relations.part(rid): sheet for sheet, rid in sheets.targets}
    findings: list[Finding] = []
    for info in names.values():
        sheet = parts.get(info.filename)
        if sheet is not None or info.filename.startswith("xl/worksheets/"):
            handler = _XlsxSheet(sheet or info.filename, sheet == answers)
            _xml(data, info, handler)
            findings += handler.findings
        else:
            for _ in _inflate(data, info):
                pass  # every member is inflated here once, so that none lies about its size
    return findings


class _XlsxSheets(ContentHandler):
    """xl/workbook.xml: each sheet's name and relationship id."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []

    def startElementNS(self, name, qname, attrs):  # noqa: N802 - the SAX interface
        if name[1] == "sheet":
            self.targets.append((str(attrs.get((None, "name"), "")),
                                 str(attrs.get((RELS, "id"), ""))))
            if len(self.targets) > MAX_SHEETS:
                raise WorkbookRefused(f"it has more than {MAX_SHEETS} sheets")


class _Relations(ContentHandler):
    """xl/_rels/workbook.xml.rels: where each relationship id's part is."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, str] = {}

    def startElementNS(self, name, qname, attrs):  # noqa: N802 - the SAX interface
        if name[1] == "Relationship" and len(self.targets) < MAX_MEMBERS:
            self.targets[str(attrs.get((None, "Id"), ""))] = str(attrs.get((None, "Target"), ""))

    def part(self, rid: str) -> str:
        target = self.targets.get(rid, "")
        return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
