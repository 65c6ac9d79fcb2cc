"""Text from outside stays text, wherever it goes: the one place that says how.

Forces' answers and notes (foi_returns.csv, the workbooks they return) and published series come
from outside the report; see "Trust model" in the README. Whatever they contain, a page shows
it as the words it is and a spreadsheet holds it as a string:

- HTML: `html_text` escapes (markupsafe) for element content and quoted attribute values;
  `css_string` for the inside of a CSS string (the printed page's running header).
- Markdown and MyST: `markdown_text` makes a run of inline text that myst-parser renders as the
  same text: no HTML, link, emphasis, role, directive or substitution survives, and the line it
  stands in keeps its layout (whitespace, newlines included, becomes single spaces).
  `markdown_plain` gives the words back (a briefing prints a page's Markdown output as text).
  `html_in_markdown` keeps an HTML block embedded in Markdown one block (no blank line inside).
- Plain text and Word documents: `plain_text` turns control characters, line breaks and
  bidirectional overrides into a space.
- Spreadsheets: a cell that starts as a formula would (OWASP's CSV injection rule: = + - @,
  tab, carriage return) is written as a string cell in XLSX and ODS; in CSV, which has no
  types, `csv_cell` puts a single quote before it, which `csv_original` takes off again.
- Links: only an address that `web_address` accepts (https, http, mailto) or a telephone
  number `phone_number` accepts ever becomes a link; `tel_href` writes the href.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import escape

# --- HTML ------------------------------------------------------------------------------------


def html_text(value: object) -> str:
    """Text for HTML element content or a quoted attribute value: & < > " ' escaped."""
    return str(escape(str(value)))


def css_string(value: object) -> str:
    """The inside of a double-quoted CSS string (content: "..."): a backslash, a quote, a line
    break or a '<' cannot end the string, the rule or the style element."""
    return "".join(ch if ch.isprintable() and ch not in '\\"<>' else f"\\{ord(ch):x} "
                   for ch in str(value))


# --- plain text (email, Word documents) ------------------------------------------------------

# Control characters (a terminal's escape sequences among them), the line and paragraph
# separators and the bidirectional overrides and isolates that can reorder what a reader sees.
_NOT_PLAIN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]+")


def plain_text(value: object) -> str:
    """Text for a plain-text email or a Word document: what would control a terminal, break a
    line or reorder the words becomes one space (and every character is one XML may hold)."""
    return _NOT_PLAIN.sub(" ", str(value))


# --- Markdown and MyST -----------------------------------------------------------------------

# What starts markup inside a line, under CommonMark and the MyST extensions the book may use:
# backslash escapes, code spans and fences (`), emphasis (* _), links, images and footnotes
# ([ ] !), raw HTML and autolinks (< >), entities (&), roles, substitutions and attributes
# ({ }), math ($), strikethrough (~) and tables (|).
_INLINE = re.compile(r"([\\`*_\[\]{}<>&$~|])")
# What starts a block at the start of a line: a heading, a list, a quote, a thematic break,
# a fence, a MyST comment, target or block break, a definition: any punctuation there.
# (A signed number, "-7.0%", starts no block: left as it is.)
_LINE_START = re.compile(r"^(?![-+]\d)([!-/:-@\[-`{-~])")
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(?= |$)")  # "1. " starts a list; "1.7%" does not
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_text(value: object) -> str:
    """A run of inline Markdown that renders as `value`'s words and nothing else.

    Whitespace (newlines, tabs, line separators) becomes single spaces, so a note can neither
    end the line, list item or table it stands in nor start a block of its own; every
    character that could open inline markup is escaped with a backslash, which CommonMark
    allows before any ASCII punctuation. Punctuation that matters only at the start of a line
    (#, -, +, >, :, %, 1.) is escaped there only, so that ordinary notes stay as they were.
    """
    text = " ".join(str(value).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ORDERED_ITEM.sub(r"\1\\\2", text)
    if not text.startswith("\\"):
        text = _LINE_START.sub(r"\\\1", text)
    return text


def markdown_plain(markdown: str) -> str:
    """The words of Markdown made with `markdown_text`: its backslash escapes removed."""
    return _ESCAPED.sub(r"\1", markdown)


def html_in_markdown(markup: str) -> str:
    """An HTML block to embed in Markdown: CommonMark ends an HTML block at a blank line, after
    which the rest would be read as Markdown, so line breaks (only ever inside escaped text
    here) are written as character references, which HTML reads as the same whitespace."""
    return markup.replace("\r", "&#13;").replace("\n", "&#10;")


# --- spreadsheets ------------------------------------------------------------------------------

# OWASP's CSV injection guidance: a cell starting with one of these may be read as a formula
# (or a DDE command). The full-width forms are included: some spreadsheet programs normalise
# them. A plain signed number ("-4", "+12.5%") is a number to a spreadsheet, not a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?")


def formula_like(value: object) -> bool:
    """Whether a spreadsheet program could take this string for a formula."""
    return (isinstance(value, str) and value.startswith(FORMULA_START)
            and not _PLAIN_NUMBER.fullmatch(value))


def csv_cell(value: Any) -> Any:
    """A CSV field that no spreadsheet program runs: a formula-like string gets a leading
    single quote (shown as text, and removed by `csv_original`); anything else as it is."""
    return f"'{value}" if formula_like(value) else value


def csv_original(value: Any) -> Any:
    """The text `csv_cell` was given (for a program that reads our CSV back)."""
    if isinstance(value, str) and value.startswith("'") and formula_like(value[1:]):
        return value[1:]
    return value


def csv_rows(rows: list[list[Any]]) -> list[list[Any]]:
    return [[csv_cell(v) for v in row] for row in rows]


def csv_frame(frame: Any) -> Any:
    """A pandas DataFrame with `csv_cell` applied to its text columns (a copy; the columns of
    numbers keep their type, so that they are written as before)."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column])
                or pd.api.types.is_bool_dtype(out[column])):
            out[column] = out[column].map(csv_cell)
    return out


def csv_text(text: str) -> str:
    """CSV text with its formula-like fields neutralised; unchanged text kept byte for byte."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    safe = csv_rows(rows)
    if safe == rows:
        return text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(safe)
    return buffer.getvalue()


# --- links --------------------------------------------------------------------------------------

WEB_SCHEMES = ("https", "http")
_NOT_IN_URL = r"\s\x00-\x1f\x7f<>\"'`\\"  # spaces, control characters, quotes, brackets
_WEB = re.compile(rf"(https?)://[^{_NOT_IN_URL}/?#@]+(/[^{_NOT_IN_URL}]*)?", re.IGNORECASE)
_MAILTO = re.compile(rf"mailto:[^{_NOT_IN_URL}@:/?]+@[^{_NOT_IN_URL}@:/?]+\.[^{_NOT_IN_URL}@:/?]+",
                     re.IGNORECASE)
_PHONE = re.compile(r"\+?[0-9][0-9 ]*")


def web_address(url: str, *, mail: bool = False) -> str | None:
    """Why `url` may not be a link (None if it may): an http or https address with a host,
    or with `mail`, a mailto: address; no other scheme (javascript:, data:, file:), no spaces
    or quotes."""
    allowed = (*WEB_SCHEMES, "mailto") if mail else WEB_SCHEMES
    schemes = "https:// or http://" if not mail else "https://, http:// or mailto:"
    if _WEB.fullmatch(url) or (mail and _MAILTO.fullmatch(url)):
        return None
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme and re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme) and scheme not in allowed:
        return f"a web address starting {schemes} (the scheme '{scheme}:' is not allowed)"
    return f"a web address starting {schemes}, with a host and no spaces or quotes"


def phone_number(phone: str) -> str | None:
    """Why `phone` may not be a telephone link (None if it may): digits and spaces, with a
    leading + for an international number."""
    if _PHONE.fullmatch(phone):
        return None
    return "a telephone number of digits and spaces, with a leading + if international"


def tel_href(phone: str) -> str:
    """The href of a telephone link: 'tel:' and the number's digits (a leading + kept)."""
    if phone_number(phone) is not None:
        raise ValueError(f"not a telephone number: {phone!r}")
    return "tel:" + re.sub(r"\s+", "", phone)


ELLIPSIS = "…"


def shortened(value: object, width: int) -> str:
    """A value quoted in a message, at most `width` characters: cut at the last word boundary
    before the limit and ended with an ellipsis, never inside a word ("this edition's t")."""
    text = " ".join(str(value).split())
    if len(text) <= width:
        return text
    cut = text[:width - len(ELLIPSIS) + 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut[:width - len(ELLIPSIS)]
    return head.rstrip(" ,;:.-") + ELLIPSIS
