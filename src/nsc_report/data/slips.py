"""What a person keying answers in probably meant: '4,102' for 4102, 'Not held' for `not_held`,
a force's name for its code. A suggestion is only ever printed beside the problem; nothing is
corrected without the person who keyed it in (the figure is theirs to confirm).

In the data layer, so that `validate` (a cell of foi_returns.csv) and `intake import` (a cell
of a workbook) suggest the same thing: the tables attach it to their issues (`with_hints`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping

from nsc_report.data.core import _Context
from nsc_report.data.issues import Issue
from nsc_report.data.models import STATUSES

# What a person keying in the answers may write for a status: the words the report prints for
# it (notebooks/labels.ftl). Read, never printed: a cell that says one of them is taken to mean
# that status in the hint "did you mean `not_held`?".
STATUS_ALIASES: dict[str, tuple[str, ...]] = {
    "answered": ("answered in full",), "partial": ("answered in part",),
    "not_held": ("information not held",), "refused_s12": ("refused: cost limit (section 12)",),
    "refused_other": ("refused: other exemption",), "no_response": ("no response",)}

# Thousands written with separators: '4,102', '12 345', "1'000", with a no-break space too.
_GROUPED = re.compile(r"\d{1,3}(?:([,\s\u00a0\u202f'])\d{3})(?:\1\d{3})*")
_WHOLE_DECIMAL = re.compile(r"(\d+)\.0+")
# Words a force writes for nothing at all, and for no figure to give.
_ZERO = {"nil", "zero", "none recorded"}
_NO_FIGURE = {"n/a", "na", "-", "--", "unknown", "not known", "not available", "nk", "?"}


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-:().]+", " ", text.strip().lower()).strip()


def value(given: object) -> str | None:
    """A suggestion for a count that is not written in digits alone."""
    text = str(given).strip()
    if _GROUPED.fullmatch(text):
        return f"did you mean {re.sub(r'[^0-9]', '', text)}?"
    whole = _WHOLE_DECIMAL.fullmatch(text)
    if whole:
        return f"did you mean {int(whole.group(1))}?"
    if text.lower() in _ZERO:
        return "did you mean 0?"
    if text.lower() in _NO_FIGURE:
        return "leave the value empty and choose the status that says why there is no figure"
    return None


# A day written the British way (28/01/2025, 28.1.2025, 28-01-25): day, month, year.
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


def date(given: object) -> str | None:
    """A suggestion for a date not written as YYYY-MM-DD: '28/01/2025' -> 2025-01-28 (read
    day first, as dates are written in England and Wales)."""
    match = _DMY.fullmatch(str(given).strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        when = dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
    return f"did you mean {when.isoformat()}?"


def choice(given: object, choices: Mapping[str, Iterable[str]]) -> str | None:
    """A suggestion for a status, force code, question id or period that is not one:
    `choices` maps each allowed key to what else it goes by (a force's name, a period's
    label, a status's meaning). An exact match but for case, spaces and punctuation wins;
    otherwise the closest keys (difflib), at most two."""
    text = str(given).strip()
    if not text:
        return None
    aliases: dict[str, str] = {}
    for key, others in choices.items():
        for alias in (key, *others):
            aliases.setdefault(_norm(alias), key)
    exact = aliases.get(_norm(text))
    if exact is not None:
        return f"did you mean `{exact}`?"
    close = difflib.get_close_matches(_norm(text), list(aliases), n=4, cutoff=0.6)
    keys = list(dict.fromkeys(aliases[c] for c in close))[:2]
    if not keys:
        return None
    return "did you mean " + " or ".join(f"`{k}`" for k in keys) + "?"


def suggestion(issue: Issue, ctx: _Context) -> str | None:
    """What was probably meant, for a cell whose value is taken from a list (a status, force
    code, question id or period) or must be a count."""
    if issue.value in (None, "") or issue.column not in ("status", "value", "force_code",
                                                          "question_id", "period"):
        return None
    if issue.column == "value":
        if issue.expected.startswith("an empty 'value'"):  # a figure, with a no-figure status
            return "did you mean the status `answered` (or `partial`)?"
        return value(issue.value)
    if issue.column == "status":
        return choice(issue.value, {k: STATUS_ALIASES.get(k, ()) for k in STATUSES})
    if issue.column == "force_code" and ctx.forces is not None:
        return choice(issue.value, {c: [n] for c, n in zip(
            ctx.forces["force_code"], ctx.forces["force_name"], strict=True)})
    if issue.column == "question_id":
        return choice(issue.value, {q: [q[1:]] for q in ctx.question_periods})
    if issue.column == "period" and ctx.meta is not None:
        return choice(issue.value, {k: [p.label, p.short] for k, p in ctx.meta.periods.items()})
    return None


def with_hints(issues: list[Issue], start: int, label: str, ctx: _Context) -> None:
    """Attach a suggestion to each issue of the table `label` found since `start`, in place."""
    for i in range(start, len(issues)):
        issue = issues[i]
        if issue.file == label and issue.hint is None:
            hint = suggestion(issue, ctx)
            if hint:
                issues[i] = dataclasses.replace(issue, hint=hint)
