"""Setting text on a social card: widths, line breaks and the card drawn as SVG.

The cards are drawn as SVG and rasterised by vl-convert (resvg), which the charts already use:
no browser, the same pixels on every run. SVG does not break lines, so the lines are broken
here, measured with the advance widths of Liberation Sans (the report's type family, metrically
compatible with Arial and Helvetica), regular and bold, in thousandths of the font size.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
INK, MUTED, ACCENT, WASH, EMBARGO_RED = "#1b1f24", "#4d5563", "#3b2a5c", "#f4f1f8", "#a4001d"

# Advance widths of the printable ASCII characters (32 to 126), regular then bold.
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 "
    "722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 "
    "556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 "
    "260 334 584")
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 "
    "722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 "
    "556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 "
    "280 389 584")
WIDTHS = {False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
          True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True))}
# Beyond ASCII, the characters the report prints (regular, bold).
for _char, (_regular, _bold) in {"’": (222, 278), "‘": (222, 278), "“": (333, 500),
                                 "”": (333, 500), "–": (556, 556), "—": (1000, 1000),
                                 "…": (1000, 1000), "£": (556, 556), "€": (556, 556),
                                 "†": (556, 556), "‡": (556, 556), "·": (333, 333),
                                 "÷": (549, 549)}.items():
    WIDTHS[False][_char], WIDTHS[True][_char] = _regular, _bold
UNKNOWN = 611  # a letter the table lacks (an accented one): as wide as the widest lower case


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set at `size` pixels."""
    table = WIDTHS[bold]
    return sum(table.get(c, UNKNOWN) for c in text) * size / 1000


# The card's source line: set at this size, in at most this many lines (one fewer under a
# caveat).
SOURCE_SIZE, SOURCE_LINES = 20, 3


def fits(text: str, size: float, width: float, lines: int, bold: bool = False) -> bool:
    """Whether `text` sets in `lines` lines of `width` pixels without being cut."""
    return len(wrap(text, size, width, bold, lines=10 ** 6)) <= lines


def wrap(text: str, size: float, width: float, bold: bool = False,
         lines: int = 3) -> list[str]:
    """`text` broken into at most `lines` lines of at most `width` pixels, between words (a
    word wider than a line is cut where the line ends); what does not fit ends the last line
    with an ellipsis."""
    words: list[str] = []
    for word in text.split():
        while text_width(word, size, bold) > width:  # cut an over-long word to the width
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    out: list[str] = []
    for word in words:
        trial = f"{out[-1]} {word}" if out else word
        if out and text_width(trial, size, bold) <= width:
            out[-1] = trial
        else:
            out.append(word)
    if len(out) <= lines:
        return out
    last = out[lines - 1]
    while last and text_width(last + "…", size, bold) > width:
        last = last[:-1].rstrip()
    return [*out[:lines - 1], last + "…"]


@dataclass
class Canvas:
    """An SVG card drawn from the top down."""

    items: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.items.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" '
                          f'fill="{fill}"/>')

    def text(self, x: float, y: float, text: str, size: float, fill: str = INK,
             bold: bool = False, anchor: str = "start") -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.items.append(f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" '
                          f'font-size="{size:g}"{weight} fill="{fill}" '
                          f'text-anchor="{anchor}">{html.escape(text)}</text>')

    def lines(self, x: float, y: float, lines: list[str], size: float, fill: str = INK,
              bold: bool = False, leading: float = 1.2) -> float:
        """Lines from baseline `y` down; returns the baseline of the last."""
        for i, line in enumerate(lines):
            self.text(x, y + i * size * leading, line, size, fill, bold)
        return y + (len(lines) - 1) * size * leading

    def svg(self, label: str) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
                f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{html.escape(label)}">'
                + "".join(self.items) + "</svg>")


@dataclass(frozen=True)
class Face:
    """What a card shows: its words and figure, all from the register and the edition."""

    kicker: str
    title: str
    figure: str = ""          # as printed, from the register
    mark: str = ""            # its provenance mark (‡ illustrative, † unverified)
    caption: str = ""         # what the figure is (the register's definition), or a subtitle
    caveat: str = ""          # the caveat that goes with the mark
    source: str = ""          # its source line, as printed (cards.ftl: cards-face-source)
    address: str = ""         # the site's address, as printed
    embargo: str = ""         # EMBARGOED UNTIL ...


def draw(face: Face, label: str) -> str:
    """The card as SVG (1200 x 630)."""
    c = Canvas()
    c.rect(0, 0, WIDTH, HEIGHT, "#ffffff")
    right = WIDTH - MARGIN
    if face.embargo:
        c.rect(0, 0, WIDTH, 56, EMBARGO_RED)
        c.text(MARGIN, 38, face.embargo, 26, "#ffffff", bold=True)
        top = 56
    else:
        c.rect(0, 0, WIDTH, 14, ACCENT)
        top = 14
    c.text(MARGIN, top + 52, face.kicker, 24, MUTED)
    size = 50 if face.figure else 60
    y = c.lines(MARGIN, top + 52 + 66, wrap(face.title, size, right - MARGIN, bold=True,
                                           lines=2 if face.figure else 3), size, bold=True,
                leading=1.12)
    if face.figure:
        base = y + 168
        # Set at 150 px, smaller if that would not fit the card's width.
        big = min(150.0, 150 * (right - MARGIN - 80) / text_width(face.figure, 150, bold=True))
        fig_w = text_width(face.figure, big, bold=True)
        c.text(MARGIN, base, face.figure, big, ACCENT, bold=True)
        mark_w = 0.0
        if face.mark:
            c.text(MARGIN + fig_w + 4, base - 62, face.mark, 76, ACCENT, bold=True)
            mark_w = text_width(face.mark, 76, bold=True) + 4
        left = MARGIN + fig_w + mark_w + 40
        if right - left >= 380:
            caption = wrap(face.caption, 30, right - left, lines=4)
            first = base - 105 + (4 - len(caption)) * 18
            c.lines(left, first + 30, caption, 30, INK)
        else:
            c.lines(MARGIN, base + 46, wrap(face.caption, 28, right - MARGIN, lines=1), 28, INK)
    elif face.caption:
        c.lines(MARGIN, y + 64, wrap(face.caption, 32, right - MARGIN, lines=3), 32, MUTED)
    foot = HEIGHT - 34
    c.rect(0, HEIGHT - 128, WIDTH, 128, WASH)
    notes = []
    if face.caveat:
        notes += wrap(f"{face.mark} {face.caveat}", SOURCE_SIZE, right - MARGIN, bold=True,
                      lines=1)
    if face.source:
        notes += wrap(face.source, SOURCE_SIZE, right - MARGIN, lines=SOURCE_LINES - len(notes))
    c.lines(MARGIN, HEIGHT - 128 + 34, notes, 20, INK, leading=1.25)
    if face.address:
        c.text(right, foot + 14, face.address, 20, MUTED, anchor="end")
    return c.svg(label)
