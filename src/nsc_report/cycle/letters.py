"""The Freedom of Information request letters of an edition, written from its codebook.

One letter per force and one for the Crown Prosecution Service, each with its reference
(`NSC-<edition>-<force code>`), the questions with their periods and what the periods mean, and
the date by which the law requires an answer. Written as Markdown (to send as an email or keep
on file) and printed to PDF with the same Chromium route as the report. The edition is read
refusing only what the letters print (`load_for_letters`): they go out in January, while the
facts of publication are still last year's, marked for later. The force letters ask for the
codebook's periods and the CPS letter for the current period; validation holds the codebook
to the current and previous periods, so that both ask for the same years.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

from nsc_report.data import Edition, Issue, load_edition
from nsc_report.data.models import CPS_NAME
from nsc_report.errors import NscReportError
from nsc_report.infra import atomic
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.layout import slug
from nsc_report.measures.requests import CPS, DEADLINE_WORKING_DAYS, deadline
from nsc_report.present import labels, words
from nsc_report.printing.pdf import ChromiumMissing, find_chromium, print_pages

STYLE = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
  color: #1f2430; }
h1 { font-size: 15pt; color: #3b2a5c; margin: 0 0 4mm; }
h2 { font-size: 12pt; color: #3b2a5c; margin: 6mm 0 2mm; }
/* A heading stays on the page of what it introduces (it was left at the foot of page 1). */
h1, h2 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h2 + ul, h2 + ol, h2 + p { break-before: avoid; page-break-before: avoid; }
ol li { margin-bottom: 2mm; }
p.ref { color: #4d5563; }
"""


# The settings of edition.yml a letter prints (by their top-level key): a value still marked
# FILL IN elsewhere (the title, a source) does not stop the letters, which go out in January.
LETTER_KEYS = {"edition", "publisher", "language", "periods", "current_period",
               "previous_period", "requests"}
# How a period is asked for when its label is not a span of time ("at the time of the
# request (early 2025)"): the label already says when, and takes no "for the".
WHEN = ("at ", "as at ", "on ", "in ", "during ")
SLUG_LIMIT = 60  # characters of a name kept in a letter's file name
YEAR_ENDING = re.compile(r"ye_(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)_(\d{4})")


def load_for_letters(data_dir: Path, edition: str) -> Edition:
    """The edition's codebook and metadata, refusing only what the letters need: a value still
    marked FILL IN among LETTER_KEYS or in the codebook, or any other problem in them (a
    question whose periods are not the edition's current and previous ones among them)."""
    meta = Path(data_dir) / edition / "edition.yml"
    lines = meta.read_text(encoding="utf-8").splitlines() if meta.is_file() else []

    def unused(issue: Issue) -> bool:
        if not issue.file.endswith("edition.yml") or issue.marked_line is None:
            return False
        top = next((line.split(":")[0] for line in reversed(lines[:issue.marked_line])
                    if line[:1].isalpha()), "")
        return top not in LETTER_KEYS

    ed = load_edition(data_dir, edition, lazy=True, unfinished_ok=unused)
    reply_to(ed)
    return ed


def reply_to(edition: Edition) -> str:
    """The address the answers go to; refused when edition.yml gives none, since a letter
    goes out with an address for correspondence or not at all (FOIA s.8(1)(b))."""
    address = edition.meta.requests.reply_to if edition.meta.requests else ""
    if not address:
        raise LettersError(
            f"{edition.directory / 'edition.yml'}: 'requests: reply_to:' is empty: the e-mail "
            f"address the forces send their answers to, which every letter prints (a request "
            f"must give an address for correspondence). Add it, such as\n  requests:\n    "
            f"reply_to: foi@example.org\nthen run `nsc-report requests` again; no letter was "
            f"written.")
    return address


def reference(edition: Edition, code: str) -> str:
    return f"NSC-{edition.meta.edition}-{code}"


def file_stem(edition: Edition, code: str, name: str) -> str:
    """A letter's file name without its suffix: the reference and the authority's name as a
    slug ('NSC-2025-E23000013-cleveland'), so that a person finds a force's letter by its name.
    The slug keeps only a-z, 0-9 and hyphens (the name is data: no path, dot or space gets
    through) and is cut short; a name with no such letter leaves the reference alone."""
    words = slug(name)[:SLUG_LIMIT].strip("-")
    return reference(edition, code) + (f"-{words}" if words else "")


def _period(edition: Edition, pid: str) -> str:
    return edition.period_label(pid)


def asked_for(edition: Edition, periods: list[str]) -> words.Rendered:
    """'for the year ending March 2023 and the year ending March 2024'; a label that says
    when by itself ('at the time of the request (early 2025)') is printed as it is."""
    w = words.of(edition, "letters")
    said = [_period(edition, p) for p in periods]
    spans = [w.markdown("letters-period-span", label=label) for label in said
             if not label.lower().startswith(WHEN)]
    points = [label for label in said if label.lower().startswith(WHEN)]
    return w.markdown("letters-asked-for", case="both" if spans and points else (
        "spans" if spans else "points"), spans=w.listing(spans, "markdown"),
        points=w.listing(points, "markdown"))


def meaning(edition: Edition, pid: str) -> words.Rendered:
    """What a period covers, with its dates: '- *year ending March 2024*: from 1 April 2023 to
    31 March 2024'."""
    w = words.of(edition, "letters")
    label = _period(edition, pid)
    span = YEAR_ENDING.fullmatch(pid)
    if span:
        year, month = int(span.group(2)), dt.datetime.strptime(span.group(1), "%b").month
        after = dt.date(year + month // 12, month % 12 + 1, 1)  # the month after it ends
        start, last = after.replace(year=after.year - 1), after - dt.timedelta(days=1)
        return w.markdown("letters-period", kind="dates", label=label,
                          start=labels.date(edition, start), last=labels.date(edition, last))
    kind = "point" if label.lower().startswith(WHEN) else "other"
    return w.markdown("letters-period", kind=kind, label=label)


def letter(edition: Edition, code: str, name: str, sent: dt.date) -> str:
    """The request to one authority, as Markdown: the sentences are in notebooks/letters.ftl;
    here, the values and the lines' layout (a line ending in two spaces breaks the line)."""
    meta = edition.meta
    w = words.of(edition, "letters")
    due = deadline(sent)
    if code == CPS:
        questions = [w.markdown("letters-cps-question",
                                when=asked_for(edition, [meta.current_period]))]
        periods_used = [meta.current_period]  # the one period this letter asks about
    else:
        questions = [w.markdown("letters-question", id=q.id, wording=q.wording,
                                when=asked_for(edition, list(q.periods)))
                     for q in edition.questions.itertuples()]
        periods_used = sorted({p for ps in edition.questions["periods"] for p in ps},
                              key=list(meta.periods).index)
    definitions = "\n".join(meaning(edition, p) for p in periods_used)
    address = reply_to(edition)
    on = labels.date(edition, sent)
    lines = [
        w.markdown("letters-heading", edition=str(meta.edition)),
        "",
        "  \n".join([w.markdown("letters-reference", reference=reference(edition, code)),
                     w.markdown("letters-reply-to", address=address),
                     w.markdown("letters-sent", sent=on),
                     w.markdown("letters-to", name=name)]),  # a name is data: escaped
        "",
        w.markdown("letters-greeting"),
        "",
        w.markdown("letters-intro", publisher=meta.publisher, address=address),
        "",
        w.markdown("letters-questions-heading"),
        "",
        *[f"{i}. {text}" for i, text in enumerate(questions, 1)],
        "",
        w.markdown("letters-periods-heading"),
        "",
        definitions,
        "",
        w.markdown("letters-partial"),
        "",
        w.markdown("letters-deadline", days=DEADLINE_WORKING_DAYS, sent=on,
                   due=labels.date(edition, due)),
        "",
        w.markdown("letters-closing"),
        "",
        "  \n".join([w.markdown("letters-signed", publisher=meta.publisher),
                     w.markdown("letters-signed-address", address=address)]),
        "",
    ]
    return "\n".join(lines)


def authorities(edition: Edition) -> list[tuple[str, str]]:
    forces = list(edition.forces[["force_code", "force_name"]].itertuples(index=False,
                                                                          name=None))
    return [*forces, (CPS, CPS_NAME)]


def write_letters(edition: Edition, folder: Path, sent: dt.date, print_pdf: bool = True,
                  progress: Progress = PLAIN) -> list[Path]:
    """Write every letter as Markdown (and PDF, if asked and Chromium is there)."""
    from markdown_it import MarkdownIt

    folder.mkdir(parents=True, exist_ok=True)
    written, pages = [], []
    for code, name in authorities(edition):
        text = letter(edition, code, name, sent)
        path = folder / f"{file_stem(edition, code, name)}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        body = MarkdownIt("commonmark").render(text)
        pages.append((path.with_suffix(".pdf"), f"{reference(edition, code)}: {name}",
                      f'<!DOCTYPE html><html lang="{html.escape(edition.meta.language)}">'
                      f'<head><meta charset="utf-8"><title>'
                      f'{words.of(edition, "letters").html("letters-page-title", name=name)}'
                      f"</title><style>{STYLE}</style></head><body><main>"
                      f"{body}</main></body></html>"))
    progress.message(f"  wrote {len(written)} letters (Markdown)")
    if print_pdf:

        written += print_pages(pages, edition, folder / ".pages")
        progress.message(f"  printed {len(pages)} letters to PDF")
    return written


def default_sent() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date (so that the letters can be reproduced)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def shown(path: Path, root: Path) -> str:
    """A path as the user knows it: from the project folder when it is inside it."""
    return os.path.relpath(path, root) if path.resolve().is_relative_to(root) else str(path)


def send(data_dir: Path, edition: str, folder: Path, sent: dt.date | None, pdf: bool,
         root: Path, progress: Progress = PLAIN) -> None:
    """`nsc-report requests`: the letters, and the tracker they imply (tracker.csv: a row per
    letter with its reference and the date sent; rows already there are kept as they are)."""
    from nsc_report.cycle import tracker

    ed = load_for_letters(data_dir, edition)  # the codebook, not the answers
    sent = sent or default_sent()
    written = write_requests(ed, folder, sent, pdf=pdf, progress=progress)
    progress.message(f"{len(written)} files in {folder}")
    path = ed.directory / "tracker.csv"
    requests = [tracker.Request(code, name, reference(ed, code))
                for code, name in authorities(ed)]
    added = tracker.write_tracker(path, requests, sent)
    progress.message(f"{shown(path, root)}: {added} request(s) added (sent {sent}), "
                     f"{len(requests) - added} already tracked and kept as they were. Record "
                     f"each answer's date_received there; `nsc-report status --edition "
                     f"{edition}` lists who is overdue.")


def write_requests(edition: Edition, folder: Path, sent: dt.date | None, pdf: bool = True,
                   progress: Progress = PLAIN) -> list[Path]:
    """The letters of `nsc-report requests`: dated `sent` (or today), printed to PDF where
    Chromium is there (where it is not, the Markdown letters are still written)."""
    if pdf:
        try:
            find_chromium()
        except ChromiumMissing as exc:
            progress.message(f"PDF letters not written: {exc}")
            pdf = False
    if os.path.lexists(folder) and not folder.is_dir():
        raise LettersError(f"{folder}: expected a folder for the letters, but it is a file")
    # Written into a folder of their own and moved into place at the end: a run that fails
    # or is interrupted (printing takes a while) leaves the folder as it was.
    try:
        with atomic.filling(folder) as scratch:
            written = write_letters(edition, scratch, sent or default_sent(), print_pdf=pdf,
                                    progress=progress)
    except OSError as exc:
        raise LettersError(f"{folder}: the letters could not be written "
                           f"({exc.strerror or exc})") from None
    return [folder / path.relative_to(scratch) for path in written]


class LettersError(NscReportError):
    """The letters could not be written (a file in the folder's place, a full disk)."""
