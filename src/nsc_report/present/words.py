"""The report's words: sentences in Project Fluent files beside the templates, values from code.

Each section's reader-facing sentences live in `notebooks/<section>.ftl`, beside its template,
where an author edits them like a chapter. The code passes values (numbers, names, statuses)
and the keys that pick a variant; it writes no sentence. `of(ed, "force")` gives a section's
words in the edition's language; `.text(id, **values)`, `.markdown(...)` and `.html(...)`
render one message for that target.

- Every string value is escaped for the target before it enters the message (plain text as it
  is; Markdown and MyST through `markdown_text`; HTML through `html.escape`), so a value can
  never become markup. The message itself is trusted author text, reviewed like a chapter.
- Numbers keep their number for Fluent's plural rules (CLDR, by locale: English has two
  categories, Welsh six) and are printed by `fmt`, as the report has always printed them.
- A syntax error, an unknown message, a missing value or a value of no known kind is an error
  naming the file and line; nothing is ever printed as `{$x}` or left empty.

Files are read from the templates' folder: the one `reading_from` names (a build of a project
folder), else the one in `FOLDER_ENV` (set by the execution engine in each kernel, which then
records the file a notebook read, so that an edit re-executes the notebooks that use it), else
the project's own `notebooks/`.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import babel
import babel.lists
from fluent.runtime import FluentBundle
from fluent.runtime.resolver import CurrentEnvironment, ResolverEnvironment
from fluent.runtime.types import FluentFloat, FluentInt, FluentType
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from nsc_report.data.provenance import MARKS
from nsc_report.errors import NscReportError
from nsc_report.infra.files import read_text, regular_file
from nsc_report.infra.kept import parsed
from nsc_report.infra.untrusted import markdown_text
from nsc_report.present import fmt

FOLDER_ENV = "NSC_REPORT_WORDS"  # set by notebook/session.py in each kernel
DEFAULT_LOCALE = "en-GB"
SUFFIX = ".ftl"
# The project's templates, where the package is run from its checkout (src/nsc_report/...).
PROJECT_FOLDER = Path(__file__).resolve().parents[3] / "notebooks"

# How a value is made safe for each target before it enters a message.
ESCAPE = {"text": str, "markdown": markdown_text, "html": lambda v: html.escape(str(v))}
YES, NO = "yes", "no"  # the keys a True or False selects


class WordsError(NscReportError):
    """A words file that cannot be read or parsed, or a message that cannot be rendered."""


# --- where the files are -------------------------------------------------------------------

_FOLDERS: list[Path] = []


def folder() -> Path:
    """The folder of the words files in use (see the module's docstring)."""
    if _FOLDERS:
        return _FOLDERS[-1]
    return Path(os.environ[FOLDER_ENV]) if os.environ.get(FOLDER_ENV) else PROJECT_FOLDER


@contextlib.contextmanager
def reading_from(path: Path) -> Iterator[None]:
    """Read the words files of this project folder's templates (a build of another checkout)."""
    _FOLDERS.append(Path(path))
    try:
        yield
    finally:
        _FOLDERS.pop()


def files(where: Path | None = None) -> list[Path]:
    """Every words file, one per section, sorted."""
    return sorted((where or folder()).glob(f"*{SUFFIX}"))


# --- a file, parsed ------------------------------------------------------------------------

@dataclass
class Resource:
    """One words file: its messages by id, in file order, and where each stands."""

    path: Path
    text: str
    messages: dict[str, ftl.Message]
    bundles: dict[str, FluentBundle] = field(default_factory=dict)  # by locale

    def line(self, node: ftl.SyntaxNode) -> int:
        # A message's span begins with its comment; its line is where its id stands.
        span = node.id.span if isinstance(node, ftl.Message | ftl.Term) else node.span
        return self.text.count("\n", 0, span.start if span else 0) + 1

    def where(self, message_id: str) -> str:
        return f"{self.path}, line {self.line(self.messages[message_id])}"

    def bundle(self, locale: str) -> FluentBundle:
        if locale not in self.bundles:
            bundle = _Bundle([locale], use_isolating=False)  # isolating marks would print
            bundle.add_resource(ftl.Resource(body=list(self.messages.values())))
            self.bundles[locale] = bundle
        return self.bundles[locale]


def _parse(path: Path) -> Resource:
    text = read_text(path, "a words file (Fluent)", within=path.parent)
    messages: dict[str, ftl.Message] = {}
    resource = Resource(path, text, messages)
    for entry in FluentParser(with_spans=True).parse(text).body:
        if isinstance(entry, ftl.Junk):  # Fluent skips what it cannot parse: we stop
            note = entry.annotations[0] if entry.annotations else None
            line = resource.line(entry)
            at = text.count("\n", 0, note.span.start) + 1 if note and note.span else line
            first = entry.content.strip().splitlines()[0] if entry.content.strip() else ""
            raise WordsError(
                f"{path}, line {line}: {note.message if note else 'not Fluent'} "
                f"({note.code if note else 'junk'}"
                + (f", noticed at line {at}" if at != line else "") + f"), in {first[:80]!r}")
        if isinstance(entry, ftl.Term):
            raise WordsError(f"{path}, line {resource.line(entry)}: a term (-{entry.id.name}) "
                             f"is not used here; write a message and refer to it")
        if isinstance(entry, ftl.Message):
            if entry.id.name in messages:
                raise WordsError(f"{path}, line {resource.line(entry)}: message "
                                 f"{entry.id.name!r} is defined twice (first at line "
                                 f"{resource.line(messages[entry.id.name])})")
            if entry.value is None:
                raise WordsError(f"{path}, line {resource.line(entry)}: message "
                                 f"{entry.id.name!r} has no text")
            messages[entry.id.name] = entry
    return resource


def load(section: str, where: Path | None = None) -> Resource:
    """A section's words file, parsed once per version of the file."""
    path = (where or folder()) / f"{section}{SUFFIX}"
    regular_file(path, path.parent, "a words file (Fluent)")  # what stands there, said plainly
    return parsed(path, _parse)


# --- values --------------------------------------------------------------------------------

def provenance_mark(status: str | None, target: str) -> str:
    """The mark a figure of this status carries where it is printed (none for published): a
    placeholder that carries a `status` (see `count`, `number`, `figure`), a table's cell or a
    chart's title. In plain text and Markdown the symbol itself (a briefing, a download, a
    chart's image); in HTML the site's mark, whose name a screen reader reads (labels.ftl)."""
    mark = MARKS.get(status or "", "")
    if not mark or target != "html":
        return mark
    from nsc_report.present import labels  # (which renders through this module)

    return labels.mark_html(status or "", mark)


def marks_html(text: str) -> str:
    """Plain text made of the report's words and figures (a chart's title), escaped for HTML,
    with each provenance symbol in it printed as the site's mark. Only for words the code
    rendered: a value from the data is escaped where it enters a message, never this."""
    escaped = html.escape(text)
    for status, mark in MARKS.items():
        escaped = escaped.replace(mark, provenance_mark(status, "html"))
    return escaped


def unmarked(text: str) -> str:
    """Text without its provenance symbols (an aria-label, which names the mark nowhere)."""
    for mark in MARKS.values():
        text = text.replace(mark, "")
    return text


class _Number:
    """A number as Fluent's plural rules see it, printed as `fmt` wrote it (and marked)."""

    text: str
    status: str | None
    target: str = "text"

    def format(self, locale: babel.Locale) -> str:
        return ESCAPE[self.target](self.text) + provenance_mark(self.status, self.target)

    def bound(self, target: str) -> _Number:
        raise NotImplementedError


class Int(_Number, FluentInt):
    def __new__(cls, value: int, text: str, status: str | None = None,
                target: str = "text") -> Int:
        self = FluentInt.__new__(cls, value)
        self.text, self.status, self.target = text, status, target
        return self

    def bound(self, target: str) -> Int:
        return Int(int(self), self.text, self.status, target)


class Float(_Number, FluentFloat):
    def __new__(cls, value: float, text: str, status: str | None = None,
                target: str = "text") -> Float:
        self = FluentFloat.__new__(cls, value)
        self.text, self.status, self.target = text, status, target
        return self

    def bound(self, target: str) -> Float:
        return Float(float(self), self.text, self.status, target)


def figure(value: int | float, text: str, status: str | None = None) -> Int | Float:
    """A number printed as `text` (made by `fmt`), whose plural category is `value`'s."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise WordsError(f"a figure needs a finite number, not {value!r}")
    if isinstance(value, int) or float(value).is_integer():
        return Int(int(value), text, status)
    return Float(float(value), text, status)


def count(n: int | float, status: str | None = None) -> Int | Float:
    return figure(n, fmt.count(n), status)


def number(value: float, places: int = 1, status: str | None = None) -> Int | Float:
    return figure(value, fmt.number(value, places), status)


def pct(value: float, places: int = 0, status: str | None = None) -> Int | Float:
    return figure(value, fmt.pct(value, places), status)


def signed_pct(value: float, places: int = 1, status: str | None = None) -> Int | Float:
    """A change in per cent with its sign: 4.06 -> '+4.1%'."""
    return figure(value, f"{value:+.{places}f}%", status)


class Rendered(str):
    """Words rendered as Markdown or HTML: safe to put into another message of that target.
    (Plain text is returned as a plain `str`: it needs no escaping, and goes everywhere a
    string goes, the register and the notebook's glue included.)"""

    target: str

    def __new__(cls, value: str, target: str) -> Rendered:
        self = super().__new__(cls, value)
        self.target = target
        return self

    def __getnewargs__(self) -> tuple[str, str]:  # copied and pickled with its target
        return str(self), self.target


class _Text(FluentType, str):
    """A string value: a selector compares it as it is; printed, it is escaped for the target."""

    def __new__(cls, value: str, target: str) -> _Text:
        self = str.__new__(cls, value)
        self.target = target  # type: ignore[attr-defined]
        return self

    def format(self, locale: babel.Locale) -> str:  # type: ignore[override]
        return ESCAPE[self.target](str(self))  # type: ignore[attr-defined]


class _Trusted(FluentType, str):
    """Words already rendered for this target (another message, a list of them)."""

    def format(self, locale: babel.Locale) -> str:  # type: ignore[override]
        return str(self)


def _value(name: str, value: Any, target: str) -> Any:
    """A value as the message receives it: escaped for the target, or a number for plurals."""
    if isinstance(value, _Number):
        return value.bound(target)
    if isinstance(value, Rendered):
        if value.target != target:
            raise TypeError(f"${name} was rendered for {value.target}, not {target}")
        return _Trusted(value)
    if isinstance(value, bool):
        return _Text(YES if value else NO, target)
    if isinstance(value, str):
        return _Text(value, target)
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy or pandas scalar
        value = value.item()
    if isinstance(value, int) and not isinstance(value, bool):
        return count(value).bound(target)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise TypeError(f"${name} has no value (a missing figure must pick a variant that "
                        f"says so, never print nothing)")
    if isinstance(value, float):
        raise TypeError(f"${name} is a float ({value!r}): say how to print it, with "
                        f"words.number, words.pct or words.figure")
    raise TypeError(f"${name} is a {type(value).__name__}: pass text or a number")


class _Bundle(FluentBundle):
    """fluent.runtime's bundle, given values already converted: its own conversion would
    turn the report's numbers back into plain Fluent numbers, printed by Babel, not `fmt`."""

    def format_pattern(self, pattern: Any, args: Mapping[str, Any] | None = None
                       ) -> tuple[Any, list[Exception]]:
        errors: list[Exception] = []
        env = ResolverEnvironment(context=self, current=CurrentEnvironment(args=dict(args or {})),
                                  errors=errors)
        try:
            return pattern(env), errors
        except ValueError as exc:
            return "", [*errors, exc]


# --- rendering -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Call:
    """A message rendered while recording (`recording`), for the proof sheet's real values."""

    section: str
    message: str
    target: str
    args: dict[str, Any]
    context: str


_RECORDINGS: list[list[Call]] = []
_CONTEXT: list[str] = []


@contextlib.contextmanager
def recording() -> Iterator[list[Call]]:
    """Every message rendered inside the block, with its values (for `nsc-report proof`)."""
    calls: list[Call] = []
    _RECORDINGS.append(calls)
    try:
        yield calls
    finally:
        _RECORDINGS.remove(calls)


@contextlib.contextmanager
def context(label: str) -> Iterator[None]:
    """What the values rendered inside the block belong to ('Durham'), for the proof."""
    _CONTEXT.append(label)
    try:
        yield
    finally:
        _CONTEXT.pop()


# The longest text value that enters a message as itself (see Words.render).
LONG_VALUE = 200


class Words:
    """One section's words in one language."""

    def __init__(self, section: str, locale: str = DEFAULT_LOCALE, where: Path | None = None):
        self.section, self.locale, self.where = section, locale, where
        try:
            self.babel = babel.Locale.parse(locale, sep="-")
        except (ValueError, babel.UnknownLocaleError):
            raise WordsError(f"language {locale!r}: not a locale Babel knows (such as en-GB "
                             f"or cy)") from None

    @property
    def resource(self) -> Resource:
        return load(self.section, self.where)

    def render(self, target: str, message_id: str, args: Mapping[str, Any]) -> str:
        resource = self.resource
        if message_id not in resource.messages:
            raise WordsError(f"{resource.path}: no message {message_id!r} (the code asks for "
                             f"it; add it to the file)")
        where = resource.where(message_id)
        try:
            values = {name: _value(name, value, target) for name, value in args.items()}
        except TypeError as exc:
            raise WordsError(f"{where}: message {message_id!r}: {exc}") from None
        # Fluent refuses a placeable of more than 1,000 characters (a long note from a force,
        # a version's list of figures): a long value enters as a short token, put back after.
        held = {}
        for name, value in values.items():
            if isinstance(value, _Text | _Trusted) and len(value) > LONG_VALUE:
                token = f"\ue000{len(held)}\ue001"
                held[token], values[name] = value.format(self.babel), _Trusted(token)
        bundle = resource.bundle(self.locale)
        text, errors = bundle.format_pattern(bundle.get_message(message_id).value, values)
        for token, value in held.items():
            text = str(text).replace(token, value)
        if errors:
            problems = "; ".join(dict.fromkeys(str(e) for e in errors))
            raise WordsError(f"{where}: message {message_id!r} cannot be rendered with "
                             f"{', '.join(sorted(args)) or 'no values'}: {problems}")
        for calls in _RECORDINGS:
            calls.append(Call(self.section, message_id, target, dict(args),
                              _CONTEXT[-1] if _CONTEXT else ""))
        return str(text) if target == "text" else Rendered(str(text), target)

    def text(self, message_id: str, /, **args: Any) -> str:
        """Plain text: a glued sentence, a chart's title, a register's definition."""
        return self.render("text", message_id, args)

    def markdown(self, message_id: str, /, **args: Any) -> Rendered:
        return Rendered(self.render("markdown", message_id, args), "markdown")

    def html(self, message_id: str, /, **args: Any) -> Rendered:
        return Rendered(self.render("html", message_id, args), "html")

    def listing(self, items: Iterable[str], target: str = "text", style: str = "standard"
                ) -> str:
        """'a, b and c' as the language lists things (CLDR), each item escaped for the target
        unless it is already words rendered for it."""
        safe = [str(i) if isinstance(i, Rendered) and i.target == target else ESCAPE[target](i)
                for i in items]
        joined = babel.lists.format_list(safe, style, self.babel) if safe else ""  # type: ignore[arg-type]
        return joined if target == "text" else Rendered(joined, target)

    def sentences(self, items: Iterable[str], target: str = "text") -> str:
        """Whole sentences, each a message already rendered, in turn as one paragraph (a run
        of notes, one per source or per measure, as many as the data hold). A sentence made of
        parts is a message with variants, never this; English and Welsh both write a space
        between sentences."""
        safe = [str(i) if isinstance(i, Rendered) and i.target == target else ESCAPE[target](i)
                for i in items if i]
        joined = " ".join(safe)
        return joined if target == "text" else Rendered(joined, target)


def of(ed: Any, section: str) -> Words:
    """A section's words in the edition's language (`language:` in edition.yml)."""
    return Words(section, getattr(ed.meta, "language", None) or DEFAULT_LOCALE)
