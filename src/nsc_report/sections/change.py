"""Section: what changed since the previous edition (year on year), and the same per force.

The chapter exists only for an edition with a `previous_edition`; a force page shows its own
comparison then, and nothing otherwise. The words are in `notebooks/change.ftl`, beside the
template.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import STATUSES, Edition, provenance
from nsc_report.infra.untrusted import html_in_markdown
from nsc_report.layout import slug
from nsc_report.measures import change as m
from nsc_report.present import fmt, labels, words
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("change",)


def _signed(n: int) -> str:
    if n == 0:
        return words.Words("change").text("change-no-change")
    return f"+{fmt.count(n)}" if n > 0 else f"−{fmt.count(-n)}"


def _pct(p: float | None) -> str:
    # One decimal place, as a force's page gives its change in recorded stalking: the same
    # change must not read '+1%' in one place and '+0.7%' in another.
    if p is None:
        return ""
    return f"{'+' if p > 0 else '−' if p < 0 else ''}{abs(p):.1f}%"


def change_words(change: int | None, pct: float | None) -> str:
    """'+12 (+9.1%)', '−3 (−4.0%)', 'no change'."""
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
    w = words.of(ed, "change")
    r = Register(ed, files=("questions", "returns", f"{before}/questions.yml",
                            f"{before}/foi_returns.csv"))
    r.text("change_previous", prev.meta.edition, w.text("change-def-previous"),
           files=("meta",))
    r.text("change_edition", ed.meta.edition, w.text("change-def-edition"), files=("meta",))
    r.count("change_linked", len(found), w.text("change-def-linked"), questions=())
    r.count("change_asked", len(ed.questions), w.text("change-def-asked"), questions=())
    every = tuple(link.qid for link in found)
    r.count("change_compared", len(compared), w.text("change-def-compared"), questions=every)
    r.count("change_up", len(up), w.text("change-def-up", up=len(up), questions=w.listing(up)),
            questions=every)
    r.count("change_down", len(down), w.text("change-def-down", down=len(down),
                                             questions=w.listing(down)), questions=every)
    r.text("change_changed_text", w.text("change-changed", changed=len(changed),
                                         questions=w.listing(changed)),
           w.text("change-def-changed-text"), questions=())
    r.text("change_new_text", w.text("change-new", new=len(new), questions=w.listing(new),
                                     previous=prev.meta.edition),
           w.text("change-def-new-text"), questions=())
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("change_asked", "questions"),
                      ("change_compared", "questions")):
        r.counted(key, noun)
    return r


def _columns(ed: Edition) -> Callable[..., str]:
    """The tables' column headings (change.ftl), by kind and, where one has it, edition."""
    w = words.of(ed, "change")
    return lambda kind, edition="": w.text("change-column", column=kind, edition=str(edition))


def national_table(ed: Edition) -> Table:
    prev = ed.previous
    assert prev is not None
    w = words.of(ed, "change")
    col = _columns(ed)
    rows = []
    for c in m.national_changes(ed):
        link = c.link
        # Why a total is not compared, or which revised figures it includes, is said in the
        # Change column itself: a column of notes made the table wider than the page.
        if c.change is None:
            said = (w.text("change-national-note", **_how(link)) if not link.comparable
                    else w.text("change-national-note", case="no-force"))
        else:
            said = change_words(c.change, c.pct_change)
            if c.revised:
                said = w.text("change-national-revised", change=said, revised=c.revised,
                              period=prev.period_label(link.previous_period, short=True),
                              printed=words.count(c.printed_total or 0),
                              previous=prev.meta.edition)
        rows.append({
            col("question"): f"{link.qid}: {link.wording}",
            col("periods"): w.text("change-periods",
                              previous=prev.period_label(link.previous_period, short=True),
                              current=ed.period_label(link.period, short=True)),
            col("edition", prev.meta.edition):
                fmt.count(c.previous_total) if c.previous_total is not None else "–",
            col("edition", ed.meta.edition): fmt.count(c.total) if c.total is not None else "–",
            col("change"): said,
            col("both"): fmt.count(c.both),
            col("only", ed.meta.edition): fmt.count(c.only_now),
            col("only", prev.meta.edition): fmt.count(c.only_before),
        })
    frame = pd.DataFrame(rows)
    return Table("change-national",
                 w.text("change-national-caption", previous=prev.meta.edition,
                        current=ed.meta.edition), frame,
                 status=answers_status(ed), marked=tuple(frame.columns[2:]))


def answers_status(ed: Edition) -> str:
    """The status of what compares the answers of two editions: the weaker of the two. Each
    cell of a table computed from them carries its mark."""
    assert ed.previous is not None
    return provenance.weakest((provenance.returns(ed).status,
                               provenance.returns(ed.previous).status))


def forces_table(ed: Edition) -> Table:
    """Per force: how many linked questions it answered in full in each edition."""
    prev = ed.previous
    assert prev is not None
    changes = m.force_changes(ed)
    names = ed.forces.set_index("force_code")["force_name"]
    col = _columns(ed)
    rows = []
    for code, group in changes.groupby("force_code", sort=False):
        before = int((group["previous_status"] == "answered").sum())
        now = int((group["status"] == "answered").sum())
        rows.append({col("force"): names[code], col("answered", prev.meta.edition):
                     fmt.count(before), col("answered", ed.meta.edition): fmt.count(now),
                     col("difference"): _signed(now - before)})
    caption = words.of(ed, "change").text("change-forces-caption", previous=prev.meta.edition,
                                          current=ed.meta.edition)
    frame = pd.DataFrame(rows)
    return Table("change-forces", caption, frame, links=force_links(ed),
                 status=answers_status(ed), marked=tuple(frame.columns[1:]))


def _answer(w: words.Words, ed: Edition, status: str, value: float | None) -> str:
    if value is not None and pd.notna(value) and status in ("answered", "partial"):
        return w.text("change-force-answer", partial=status == "partial",
                      value=words.count(float(value)))
    return labels.status(ed, status) if status in STATUSES else status


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
    w = words.of(ed, "change")
    col = _columns(ed)
    frame = pd.DataFrame({
        col("question"): [f"{q}: {found[q].wording}" for q in rows["qid"]],
        col("edition", prev.meta.edition): [
            # What the previous edition printed (a revised figure is in the Change column).
            f"{_answer(w, ed, r.previous_status, _printed(r.previous_value, r.revised_from))} "
            f"({prev.period_label(found[r.qid].previous_period, short=True)})"
            for r in rows.itertuples()],
        col("edition", ed.meta.edition): [
            f"{_answer(w, ed, r.status, r.value)} "
            f"({ed.period_label(found[r.qid].period, short=True)})"
            for r in rows.itertuples()],
        col("change"): [_force_change(w, r, found[r["qid"]], ed) for _, r in rows.iterrows()],
    })
    compared = rows[rows["change"].notna()]
    lost = rows[(rows["previous_status"] == "answered") & (rows["status"] != "answered")]
    gained = rows[(rows["previous_status"] != "answered") & (rows["status"] == "answered")]
    editions = {"previous": prev.meta.edition, "current": ed.meta.edition}
    summary = w.markdown("change-force-summary", name=name, asked=len(rows),
                         compared=len(compared), lost=len(lost),
                         lost_list=w.listing(list(lost["qid"]), "markdown"), gained=len(gained),
                         gained_list=w.listing(list(gained["qid"]), "markdown"), **editions)
    table = Table(f"change-{slug(name)}", w.text("change-force-caption", name=name, **editions),
                  frame, status=answers_status(ed), marked=tuple(frame.columns[1:]))
    # The sentence and the table hold forces' names and the questions' wording: text, in
    # Markdown (escaped by the words layer) and in the HTML block it embeds (html_in_markdown).
    return Markdown(f"{w.markdown('change-force-heading', previous=prev.meta.edition)}\n\n"
                    f"{summary}\n\n{html_in_markdown(table.html())}\n")


def _printed(value: object, revised_from: object) -> float | None:
    return _given(revised_from) if _given(revised_from) is not None else _given(value)


def _given(value: object) -> float | None:
    """A figure of measures.change.force_changes (empty cells are NaN or None)."""
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _force_change(w: words.Words, r: pd.Series, link: m.Link, ed: Edition) -> str:
    """A force's change on one question; where it revised the earlier figure, what the change
    is measured from and what the previous edition printed (measures.change.force_changes)."""
    change = _given(r["change"])
    said = change_words(None if change is None else int(change), _given(r["pct_change"]))
    if not said:
        return _reason(w, r["reason"], link, ed)
    was = _given(r["revised_from"])
    prev = ed.previous
    if was is None or prev is None:
        return said
    return w.text("change-force-revised", change=said,
                  revised=words.count(float(r["previous_value"])), was=words.count(was),
                  previous=prev.meta.edition,
                  period=prev.period_label(link.previous_period, short=True))


def _how(link: m.Link) -> dict[str, str]:
    """How a question changed, as the messages' case and values: the codebook's own words
    (noted), or what it was worded or counted before (wording, unit)."""
    if link.changed is not None:
        return {"case": "noted", "changed": link.changed}
    return {"case": link.how or "unit", "was": link.was or "", "unit": link.unit}


def _reason(w: words.Words, reason: str | None, link: m.Link, ed: Edition) -> str:
    """Why a force's answer is not compared (see measures.change.force_changes)."""
    if reason is None:
        return ""
    if reason == "changed":
        return w.text("change-force-reason", **_how(link))
    prev = ed.previous
    edition = ed.meta.edition if reason == "now" or prev is None else prev.meta.edition
    return w.text("change-force-reason", case=reason, edition=edition)


def series_table(ed: Edition) -> Table:
    """Recorded stalking and the conviction rate for every year the edition holds."""
    s = m.national_series(ed)
    col = _columns(ed)
    not_held = words.of(ed, "change").text("change-not-held")
    frame = pd.DataFrame({
        col("period"): [ed.period_label(p) for p in s["period"]],
        col("recorded"): [
            fmt.count(v) if pd.notna(v) else not_held for v in s["recorded_stalking"]],
        col("rate"): [fmt.pct(v, 1) if pd.notna(v) else not_held
                      for v in s["conviction_rate"]],
        col("source"): ["; ".join(ed.source(x).citation for x in ids) for ids in s["sources"]],
    })
    return Table("national-series", words.of(ed, "change").text("change-series-caption"), frame)
