"""Section: what changed since the previous edition (year on year), and the same per force.

The chapter exists only for an edition with a `previous_edition`; a force page shows its own
comparison then, and nothing otherwise.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition
from nsc_report.infra.untrusted import html_in_markdown, markdown_text
from nsc_report.layout import slug
from nsc_report.measures import change as m
from nsc_report.present import fmt
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("change",)


def _signed(n: int) -> str:
    return f"+{fmt.count(n)}" if n > 0 else ("no change" if n == 0 else f"−{fmt.count(-n)}")


def _pct(p: float | None) -> str:
    if p is None:
        return ""
    return f"{'+' if p > 0 else '−' if p < 0 else ''}{abs(p):.0f}%"


def change_words(change: int | None, pct: float | None) -> str:
    """'+12 (+9%)', '−3 (−4%)', 'no change'."""
    if change is None:
        return ""
    words = _signed(change)
    return f"{words} ({_pct(pct)})" if pct is not None and change else words


def figures(ed: Edition) -> Register:
    prev = ed.previous
    assert prev is not None, "the change chapter needs a previous_edition"
    found = m.links(ed)
    changes = m.national_changes(ed)
    compared = [c for c in changes if c.change is not None]
    up = [c.link.qid for c in compared if c.change > 0]
    down = [c.link.qid for c in compared if c.change < 0]
    changed = [link.qid for link in found if not link.comparable]
    new = m.unlinked(ed)
    before = f"../{prev.meta.edition}"
    r = Register(ed, files=("questions", "returns", f"{before}/questions.yml",
                            f"{before}/foi_returns.csv"))
    r.text("change_previous", prev.meta.edition, "the edition this one is compared with",
           files=("meta",))
    r.text("change_edition", ed.meta.edition, "this edition", files=("meta",))
    r.count("change_linked", len(found), "questions linked to one of the previous edition's "
            "(same_as in the codebook)", questions=())
    r.count("change_asked", len(ed.questions), "questions in this edition's codebook",
            questions=())
    every = tuple(link.qid for link in found)
    r.count("change_compared", len(compared), "linked questions whose totals could be "
            "compared (unchanged, and answered in full by some force in both editions)",
            questions=every)
    r.count("change_up", len(up), f"compared questions whose like-for-like total rose: "
            f"{fmt.listing(up) or 'none'}", questions=every)
    r.count("change_down", len(down), f"compared questions whose like-for-like total fell: "
            f"{fmt.listing(down) or 'none'}", questions=every)
    r.text("change_changed_text",
           "No question changed its wording or what it counts." if not changed else
           f"{fmt.listing(changed)} changed between the editions, so "
           f"{'its figures are' if len(changed) == 1 else 'their figures are'} shown side by "
           f"side but not compared.", "the linked questions that changed", questions=())
    r.text("change_new_text",
           "Every question was asked in both editions." if not new else
           f"{fmt.listing(new)} {'was' if len(new) == 1 else 'were'} not linked to a question "
           f"of the {prev.meta.edition} edition, so {'it has' if len(new) == 1 else 'they have'}"
           f" no comparison.", "the questions not linked to the previous edition", questions=())
    return r


def national_table(ed: Edition) -> Table:
    prev = ed.previous
    assert prev is not None
    rows = []
    for c in m.national_changes(ed):
        link = c.link
        if c.change is None:
            note = (f"Not compared: {link.changed}." if not link.comparable else
                    "Not compared: no force answered in full in both editions.")
        else:
            note = ""
        rows.append({
            "Question": f"{link.qid}: {link.wording}",
            "Periods": f"{prev.period_label(link.previous_period, short=True)} and "
                       f"{ed.period_label(link.period, short=True)}",
            f"{prev.meta.edition} edition":
                fmt.count(c.previous_total) if c.previous_total is not None else "–",
            f"{ed.meta.edition} edition": fmt.count(c.total) if c.total is not None else "–",
            "Change": change_words(c.change, c.pct_change) or "not compared",
            "Forces answering in full in both": fmt.count(c.both),
            f"Only {ed.meta.edition}": fmt.count(c.only_now),
            f"Only {prev.meta.edition}": fmt.count(c.only_before),
            "Note": note,
        })
    return Table("change-national",
                 f"Each question asked in both editions: totals over the forces that answered in "
                 f"full both times, {prev.meta.edition} and {ed.meta.edition}",
                 pd.DataFrame(rows))


def forces_table(ed: Edition) -> Table:
    """Per force: how many linked questions it answered in full in each edition."""
    prev = ed.previous
    assert prev is not None
    changes = m.force_changes(ed)
    names = ed.forces.set_index("force_code")["force_name"]
    rows = []
    for code, group in changes.groupby("force_code", sort=False):
        before = int((group["previous_status"] == "answered").sum())
        now = int((group["status"] == "answered").sum())
        rows.append({"Force": names[code], f"Answered in full in {prev.meta.edition}":
                     fmt.count(before), f"Answered in full in {ed.meta.edition}": fmt.count(now),
                     "Difference": _signed(now - before)})
    return Table("change-forces",
                 f"Questions asked in both editions that each force answered in full, "
                 f"{prev.meta.edition} and {ed.meta.edition}", pd.DataFrame(rows),
                 links=force_links(ed))


def _answer(status: str, value: float | None) -> str:
    if value is not None and pd.notna(value) and status in ("answered", "partial"):
        return fmt.count(value) + (" (in part)" if status == "partial" else "")
    return m.status_words(status)


def force_section(ed: Edition, code: str) -> Markdown | None:
    """The force's answers to the questions asked in both editions, side by side: a heading,
    a sentence and a table; nothing for an edition with no previous one."""
    prev = ed.previous
    if prev is None:
        return None
    rows = m.force_changes(ed)
    rows = rows[rows["force_code"] == code]
    found = {link.qid: link for link in m.links(ed)}
    name = str(ed.forces.set_index("force_code").at[code, "force_name"])
    frame = pd.DataFrame({
        "Question": [f"{q}: {found[q].wording}" for q in rows["qid"]],
        f"{prev.meta.edition} edition": [
            f"{_answer(r.previous_status, r.previous_value)} "
            f"({prev.period_label(found[r.qid].previous_period, short=True)})"
            for r in rows.itertuples()],
        f"{ed.meta.edition} edition": [
            f"{_answer(r.status, r.value)} ({ed.period_label(found[r.qid].period, short=True)})"
            for r in rows.itertuples()],
        "Change": [change_words(None if pd.isna(r.change) else int(r.change),
                                None if pd.isna(r.pct_change) else float(r.pct_change))
                   or _reason(r.reason, found[r.qid]) for r in rows.itertuples()],
    })
    compared = rows[rows["change"].notna()]
    lost = rows[(rows["previous_status"] == "answered") & (rows["status"] != "answered")]
    gained = rows[(rows["previous_status"] != "answered") & (rows["status"] == "answered")]
    parts = [f"{name} was asked {len(rows)} of this edition's questions in the "
             f"{prev.meta.edition} edition too."]
    parts.append(f"Its figures can be compared for {len(compared)} of them." if len(compared)
                 else "None of its figures can be compared: it did not answer in full in both "
                      "editions, or the question changed.")
    if len(lost):
        parts.append(f"It answered {fmt.listing(list(lost['qid']))} in full in "
                     f"{prev.meta.edition} but not in {ed.meta.edition}.")
    if len(gained):
        parts.append(f"It answered {fmt.listing(list(gained['qid']))} in full in "
                     f"{ed.meta.edition}, which it had not in {prev.meta.edition}.")
    table = Table(f"change-{slug(name)}",
                  f"{name}: its answers in the {prev.meta.edition} and {ed.meta.edition} editions",
                  frame)
    # The sentence and the table hold forces' names and the questions' wording: text, in
    # Markdown (markdown_text) and in the HTML block it embeds (html_in_markdown).
    return Markdown(f"## Since the {prev.meta.edition} edition\n\n"
                    f"{markdown_text(' '.join(parts))}\n\n{html_in_markdown(table.html())}\n")


def _reason(reason: str | None, link: m.Link) -> str:
    if reason == "question changed":
        return f"Not compared: the question changed ({link.changed})"
    return f"Not compared: {reason}" if reason else ""


def series_table(ed: Edition) -> Table:
    """Recorded stalking and the conviction rate for every year the edition holds."""
    s = m.national_series(ed)
    frame = pd.DataFrame({
        "Period": [ed.period_label(p) for p in s["period"]],
        "Stalking offences recorded by police": [
            fmt.count(v) if pd.notna(v) else "not held" for v in s["recorded_stalking"]],
        "Conviction rate": [fmt.pct(v, 1) if pd.notna(v) else "not held"
                            for v in s["conviction_rate"]],
        "Source": ["; ".join(ed.source(x).citation for x in ids) for ids in s["sources"]],
    })
    return Table("national-series", "Recorded stalking and the conviction rate in England and "
                 "Wales, every year this report holds", frame)
