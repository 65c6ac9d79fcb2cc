"""A local note for each force, for local newsrooms (`nsc-report press`).

Made from the briefing's data, in the briefing's words where they are the same: the force's
published statistics first (real figures, boxed apart, with who compiled them), then its
answers to our requests grouped under what it told us (answered in full, in part, not held,
refused, no response), each question once, as the report counts it, with the report's coding
note on the answer where it says more than the status (the notes are the answers file's, the
report's own words about each answer, never the force's). The notes and the forces' names
are the data's: every value is escaped by the words layer or `html_text` before it enters
the page.
"""

from __future__ import annotations

from typing import Any

from nsc_report.data import STATUSES, Edition, provenance
from nsc_report.infra.untrusted import html_text
from nsc_report.layout import slug
from nsc_report.measures import force as m
from nsc_report.measures.gaps import scorecard
from nsc_report.present import labels, phrasing, words
from nsc_report.printing.briefing import help_html, published_html
from nsc_report.sections import foi_source, force


def answers_by_status(ed: Edition, code: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """(status in words, its questions) in the codebook's order of statuses. Each question is
    counted once, under the status the report counts it by (one definition, `gaps.scorecard`:
    a question asked about two years is answered in full only when both years were), as the
    force page and the data-gaps chapter count it; each with its answer for every period, as
    the force page words it, and the report's note on it only where it says more than the status
    (`m.beyond_label`, the force pages' rule)."""
    f = words.of(ed, "force")
    card = scorecard(ed)
    stands = dict(zip(card.loc[card["force_code"] == code, "question_id"],
                      card.loc[card["force_code"] == code, "status"], strict=True))
    a = m.answers(ed, code)
    named = labels.statuses(ed, list(STATUSES))
    a = a.assign(status_label=a["status"].map(named))
    # Set in a sentence's brackets, after a colon: no capital ("(at request)", ": no response").
    at_request = _lower_first(f.text("force-answers-at-request"))
    questions: dict[str, dict[str, Any]] = {}
    for _, r in a.iterrows():
        note = "" if r["note"] is None or r["note"] != r["note"] else str(r["note"])
        answer = force.answer_text(r, w=f)
        if r["status"] not in ("answered", "partial"):
            # "Information not held (the report's note on it: Information not held in a
            # retrievable form)" says it twice: the status in the note's words, once.
            said, note = m.beyond_label(str(r["status_label"]), note)
            answer = _lower_first(said)
        item = questions.setdefault(str(r["question_id"]), {
            "question": str(r["question_id"]), "wording": str(r["wording"]), "answers": []})
        item["answers"].append({
            "period": at_request if r["period"] == "at_request"
            else ed.period_label(r["period"], short=True), "answer": answer, "note": note})
    groups = []
    for status, label in named.items():
        these = [item for qid, item in questions.items() if stands.get(qid) == status]
        if these:
            groups.append((label, these))
    return groups


def note_body(ed: Edition, code: str, figs: dict[str, str], site_page: str) -> str:
    """The note's page body (HTML): heading, the published statistics, the answers.
    `site_page`: the force page's public address, or '' while the site has none."""
    meta = ed.meta
    who = force.name(ed, code)
    w = words.of(ed, "press")
    b = words.of(ed, "briefing")
    prov = provenance.returns(ed)
    illustrative = prov.status == "illustrative"
    notice = (b.html("briefing-notice", short=labels.illustrative_short(ed), caveat=prov.caveat,
                     mark=prov.mark) if illustrative else "")
    mark = f'<sup class="mark">{html_text(prov.mark)}</sup>' if prov.mark else ""
    groups = []
    asked = words.count(m.completeness(ed, code).asked)
    for label, questions in answers_by_status(ed, code):
        items = "".join("<li>" + w.html(
            "press-note-question", question=q["question"], wording=q["wording"],
            # one answer per period, each with its period ("834 (YE Mar 2023), Not held ...")
            answers=w.listing([_period(w, a) for a in q["answers"]], style="unit"))
            + f"{mark}</li>" for q in questions)
        # How many questions it answered so is of the answers: the count carries their mark.
        # A status with brackets of its own, set before the count's: they become a clause.
        status = w.html("press-note-status", status=phrasing.parenthetical(label),
                        count=words.count(len(questions)),
                        asked=asked, mark=words.Rendered(mark, "html"))
        groups.append(f"<h3>{status}</h3><ul>{items}</ul>")
    # What is published about the force itself (its Commissioner's commitment where its row is
    # real, an answer it made public), as its page and briefing say it: unmarked, from sources.
    stated = [figs[k] for k, real in (
        ("force_pcc_text", provenance.commitment(ed, code).case in ("made", "not-made")),
        ("force_public_text", bool(provenance.public_answers(ed, code)))) if real and figs.get(k)]
    public = (f"<h2>{w.html('press-note-public')}</h2>"
              + "".join(f"<p>{html_text(text)}</p>" for text in stated) if stated else "")
    help_line = help_html(b, meta.help)
    page_line = w.html("press-note-page", who=who, page=site_page,
                       where="site" if site_page else "none")
    kicker = w.html("press-note-kicker", illustrative=illustrative)
    heading = words.of(ed, "force").html("force-heading", who=who, illustrative=illustrative)
    about = w.html("press-note-meta", who=who, title=meta.title,
                   date=labels.publication_day(ed))
    return (f'<header><p class="kicker">{html_text(meta.awareness_week)} · {kicker}</p>'
            f'<h1>{heading}</h1><p class="meta">{about}</p></header>{notice}\n'
            f"{public}{published_html(ed, figs, code)}\n"
            f"<h2>{w.html('press-note-answers')}</h2>\n{''.join(groups)}\n"
            f"<p>{page_line}</p>{help_line}\n"
            f"<footer>{html_text(foi_source(ed))} {html_text(meta.publisher)}.</footer>")


def _period(w: words.Words, answer: dict[str, str]) -> str:
    """'Refused: cost limit, section 12 (YE Mar 2023; the report's note on it: ...)': the
    answer's own brackets, set before the period's, and the note's, set inside them, become a
    clause (no bracket beside or inside a bracket)."""
    return w.text("press-note-period", period=answer["period"],
                  answer=phrasing.parenthetical(answer["answer"]), noted=bool(answer["note"]),
                  note=phrasing.parenthetical(answer["note"]))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def note_name(ed: Edition, code: str) -> str:
    return f"{slug(force.name(ed, code))}-{ed.meta.edition}-local-note"
