"""Is a quotation a verbatim passage of its source?

Only what a copy-editor may change without changing the words is normalised: runs of white
space, typographic quotation marks and apostrophes. An ellipsis ('...' or '…') may shorten a
quotation: the parts either side must then appear in the source in that order.
"""

from __future__ import annotations

import re

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def first_difference(quotation: str, source: str) -> str | None:
    """None when the quotation is verbatim; otherwise the first words of it that the source
    does not have (where the quotation departs from the source)."""
    document = normalise(source)
    position = 0
    for part in (p for p in ELLIPSIS.split(normalise(quotation)) if p):
        found = document.find(part, position)
        if found >= 0:
            position = found + len(part)
            continue
        words = part.split(" ")
        # The longest opening of this part that the source holds; the words after it differ.
        matched = 0
        for n in range(1, len(words) + 1):
            if document.find(" ".join(words[:n]), position) < 0:
                break
            matched = n
        return " ".join(words[matched:matched + 8])
    return None
