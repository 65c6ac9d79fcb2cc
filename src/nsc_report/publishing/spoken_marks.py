"""A mark's word for a screen reader where the mark stands inside brackets, or before one.

Each mark on a page carries its word for a screen reader in brackets (" (illustrative)",
labels.ftl label-mark-html). Inside a sentence's own brackets ("fell (15‡ forces)") that would be
heard as a bracket inside a bracket, and before one ("3,276‡ (of the 26‡ forces") as a bracket
beside a bracket, so there the word follows a comma instead ("15, illustrative, forces"), as a
text alternative says it (phrasing.spoken). Applied to each page's body when it is written
(sphinx_ext); what the eye sees is unchanged.
"""

from __future__ import annotations

import re

from nsc_report.present.phrasing import closing_comma

_TOKENS = re.compile(r"(<[^>]*>)")
_HIDDEN = re.compile(r'<span class="nsc-visually-hidden">$')
_WORD = re.compile(r"^ \(([^()<]+)\)$")
# Where a run of text ends: brackets left open in one cell or paragraph do not reach the next.
_BLOCK_END = re.compile(r"^</(p|li|td|th|caption|figcaption|h[1-6]|dd|dt|div|blockquote|pre|"
                        r"table|section|figure)\b", re.I)
_RAW = re.compile(r"^<(script|style)\b", re.I)


def _visible_after(tokens: list[str], start: int, enough: int = 3) -> str:
    """The text a reader meets after tokens[start:] begins (tags left out)."""
    out = ""
    for token in tokens[start:]:
        if not token.startswith("<"):
            out += token
            if len(out.strip()) >= enough:
                break
    return out


def in_brackets(body: str) -> str:
    """`body` with the screen reader's word of every mark inside, before or after a bracket
    said after a comma."""
    tokens = _TOKENS.split(body)
    out: list[str] = []
    depth, raw_end, i, before = 0, "", 0, ""  # before: the text read last
    while i < len(tokens):
        token = tokens[i]
        if raw_end:  # inside a script or a style: not text
            raw_end = "" if token.lower().startswith(raw_end) else raw_end
        elif token.startswith("<"):
            raw = _RAW.match(token)
            if raw:
                raw_end = f"</{raw.group(1).lower()}"
            elif _BLOCK_END.match(token):
                depth, before = 0, ""
            elif _HIDDEN.match(token) and i + 1 < len(tokens):
                # The word is heard, not seen: its own brackets do not count.
                word = _WORD.match(tokens[i + 1])
                said, after = tokens[i + 1], _visible_after(tokens, i + 2)
                if word and depth:
                    said = f", {word.group(1)}{closing_comma(after)}"
                elif word and (after.lstrip().startswith("(")
                               or before.rstrip().endswith(")")):  # none beside a bracket
                    said = f", {word.group(1)}"
                out += [token, said]
                i += 2
                continue
        else:
            depth = max(0, depth + token.count("(") - token.count(")"))
            # The mark's symbol itself is not what the reader heard before its word.
            before = token if token.strip().strip("‡†") else before
        out.append(token)
        i += 1
    return "".join(out)
