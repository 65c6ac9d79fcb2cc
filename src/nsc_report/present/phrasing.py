"""Words that shape text the report sets in a sentence: a note inside brackets (no bracket in
a bracket) and a text alternative read aloud (each mark said as its word)."""

from __future__ import annotations

import re

from nsc_report.data.provenance import MARKS
from nsc_report.present import words

_INNER = re.compile(r"\s*\(([^()]*)\)")


def closing_comma(after: str) -> str:
    """The comma that closes a clause set in the middle of a text (where words follow it), as
    the brackets it stands for closed it; none at the end or before punctuation."""
    return "," if after[:1].isspace() and after.lstrip()[:1].isalnum() else ""


def parenthetical(text: str) -> str:
    """Text a message sets inside brackets (an answer's status, the report's note on it): a
    bracketed part of its own becomes a clause after a comma ('refused: cost limit (section
    12)' -> 'refused: cost limit, section 12'), so that no bracket stands inside a bracket.
    Text whose brackets do not pair is left as it is."""
    if text.count("(") != text.count(")"):
        return text
    while True:
        found = _INNER.search(text)
        if found is None:
            return text
        after = text[found.end():]
        inner = found.group(1).strip()
        lead = ", " if found.start() else ""
        text = f"{text[:found.start()]}{lead}{inner}{closing_comma(after)}{after}"


def spoken(text: str) -> str:
    """Plain text with each provenance symbol said as the word a screen reader hears for the
    page's mark ("10‡" as "10 (illustrative)"; labels.ftl): a text alternative, which is
    read, not seen. Inside brackets the word follows a comma ("(8, illustrative, did not
    respond"), so that no bracket stands inside a bracket."""
    said = {mark: words.Words("labels").text("label-provenance", status=status)
            for status, mark in MARKS.items() if mark in text}
    if not said:
        return text
    out, depth = [], 0
    for i, char in enumerate(text):
        if char in said:
            if depth:
                out.append(f", {said[char]}{closing_comma(text[i + 1:])}")
            else:
                out.append(f" ({said[char]})")
            continue
        depth += (char == "(") - (char == ")")
        out.append(char)
    return "".join(out)
