"""A two-page A4 briefing per force, for a charity to send to its Police and Crime Commissioner.

Each briefing is an HTML page built here from the same section functions the force pages glue
from (so its figures are the report's figures), printed by Chromium in one browser session for
all forces: the force's answers, its standing, the national headline figures and the
recommendations, under the report's cover colours, with the illustrative-data notice where it
applies. A briefing whose page has not changed since it was last printed is not printed again.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import nbformat
import pandas as pd

from nsc_report.data import Edition, provenance
from nsc_report.data.models import Help
from nsc_report.infra import files
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.infra.untrusted import markdown_plain
from nsc_report.layout import Layout, slug
from nsc_report.measures.reports import commitment_summary
from nsc_report.present import labels, phrasing, words
from nsc_report.present.charts import after_notice, embedded_spec, static_svg
from nsc_report.printing.pdf import PdfError, print_pages
from nsc_report.publishing.downloads import chart_outputs
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.register import glued, marked, self_marked
from nsc_report.sections import foi_source, force, overseer, published

STYLE = (Path(__file__).parent / "briefing.css").read_text(encoding="utf-8")



def recommendations(edition: Edition) -> list[str]:
    """The edition's recommendations, as its own chapter titles them ('## 1. ...')."""
    text = files.read_text(edition.directory / "chapters" / "recommendations.md",
                           within=edition.directory.parent)
    return re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)


def national_figures(ed: Edition, notebooks: Path) -> list[str]:
    """The report's headline findings, in the words of its landing page, with the figures the
    chapters' executed notebooks glued."""
    # Each figure with the mark of its own status (the release's 27 is published, the 43 forces'
    # answers behind it constructed): a mark per line would put one status on both.
    a, g, r, s, o, oo = (_glued(notebooks / f"{name}.ipynb", marks=True) for name in (
        "attrition", "data-gaps", "reports", "spo", "officers", "other-offences"))
    w = words.of(ed, "briefing")
    pledge = commitment_summary(ed)  # which words fit the counts ("only 5" after "0%" did not)
    return [
        # The rate alone, the release's: the counts it is set beside (and their caveat) are in
        # the report's attrition chapter, not on the briefing.
        w.text("briefing-national-rate", rate=a["att_rate"]),
        w.text("briefing-national-responded", responded=g["gaps_responded"],
               asked=g["gaps_asked"]),
        w.text("briefing-national-fewer", share=r["reports_share_decreased"],
               increased=r["reports_increased"], comparable=r["reports_comparable"],
               case=pledge.pledge, more="some" if pledge.increased else "none",
               period=r["reports_period_current"], previous=r["reports_period_previous"]),
        w.text("briefing-national-spo", forces=s["spo_band_low"], band=s["spo_band_low_label"]),
        w.text("briefing-national-officers", some=o["officers_at_least_one"],
               none=o["officers_none"]),
        w.text("briefing-national-other", detailed=oo["oo_detailed"],
               partial=oo["oo_partial"]),
    ]


# The standing chart on a briefing's page: drawn this wide (px) with rows this far apart (px),
# and printed 120 mm wide (briefing.css), its smallest text (12 px) prints at 6.3 pt.
PRINT_WIDTH, PRINT_ROW = 640, 44


def standing_html(executed: Path, name: str) -> str:
    """The force's standing chart as its executed notebook computed it (image, its notice and
    caption, text alternative and data table), or what the notebook said instead where the
    force gave no figures."""
    for meta, data in chart_outputs([executed]):
        if meta["name"] == name:
            table = pd.read_csv(io.StringIO(meta["csv"]), dtype=str, keep_default_na=False)
            table = table.drop(columns=[labels.data_status_column()], errors="ignore")
            said = data["text/plain"].splitlines()  # title, its notice if any, text alternative
            notice = said[1] if len(said) > 2 else ""
            caption = f"{notice}. {meta['caption']}" if notice else meta["caption"]
            # Its values are of the answers: each carries their mark, as on the web.
            mark = provenance.MARKS.get(meta.get("status") or "", "")
            # Its text alternative as on the web: after the notice, marks said as words.
            described = phrasing.spoken(after_notice(notice, said[-1]))
            return (f'<figure class="chart" role="img" aria-label="{html.escape(described)}">'
                    f"{_print_svg(data, name)}"
                    f"<figcaption>{html.escape(caption)}</figcaption></figure>"
                    + _table(meta["title"], list(table.columns), table.values.tolist(),
                             marked=range(1, len(table.columns)), mark=mark,
                             published={tuple(c) for c in meta.get("published", ())}))
    said = [o["data"]["text/markdown"] for c in nbformat.read(executed, as_version=4).cells
            if "standing_chart" in c.source for o in c.get("outputs", [])
            if "text/markdown" in o.get("data", {})]
    # What the page says in Markdown, as words (its data were escaped for Markdown).
    return "".join(f"<p>{html.escape(markdown_plain(text))}</p>" for text in said)


def _print_svg(data: dict[str, str], name: str) -> str:
    """The chart drawn from the spec its page embeds, for print: its title and caption are the
    briefing's text (the notebook's image holds them, and printed two pages to the sheet its
    text fell to 3 pt), its rows closer together, at a fixed width."""
    spec = embedded_spec(data["text/html"], name)
    if spec is None:
        raise PdfError(f"the chart {name} has no Vega-Lite spec in its notebook's output")
    spec["width"] = PRINT_WIDTH
    if isinstance(spec.get("height"), dict) and "step" in spec["height"]:
        spec["height"] = {"step": PRINT_ROW}
    return static_svg(spec)


def _glued(path: Path, marks: bool = False) -> dict[str, str]:
    if not path.is_file():
        raise PdfError(f"{path} has not been executed: run `nsc-report execute` first")
    return marked(path) if marks else glued(path)


def _marks_html(text: str) -> str:
    """Words the code rendered (a chart's title, a sentence that marks its own figures),
    escaped, each provenance symbol in them printed as the briefing's mark."""
    escaped = html.escape(text)
    for glyph in provenance.MARKS.values():
        escaped = escaped.replace(glyph, f'<sup class="mark">{glyph}</sup>')
    return escaped


def _table(caption: str, header: list[str], rows: list[list[str]],
           marked: Iterable[int] = (), mark: str = "",
           published: set[tuple[str, ...]] | None = None) -> str:
    """A table; each cell of a `marked` column that holds a value carries `mark`, the mark of
    its data (the briefing's key: figures marked ‡ are constructed), but for the cells a
    published source states (`published`: (row's name, column)); and so does each figure its
    caption (a chart's title) prints with one."""
    columns = set(marked) if mark else set()
    stated = published or set()
    sup = f'<sup class="mark">{html.escape(mark)}</sup>' if mark else ""

    def cell(row: list[str], i: int) -> str:
        c = row[i]
        if i == 0:
            return f'<th scope="row">{html.escape(c)}</th>'
        marks = i in columns and c.strip() and (row[0], header[i]) not in stated
        return f"<td>{html.escape(c)}{sup if marks else ''}</td>"

    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(cell(row, i) for i in range(len(row))) + "</tr>"
                   for row in rows)
    return (f"<table><caption>{_marks_html(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


# The series the briefing's (and the local note's) published sentences print, in order: the
# wider stalking-and-harassment group is on the force's web page only.
PRINTED_SERIES = (published.RECORDED, published.OUTCOMES, published.COURT, published.ORDERS,
                  published.ORDERS_2021)


def published_html(ed: Edition, figs: dict[str, str], code: str) -> str:
    """The force's published statistics, as its page words them, boxed apart from the answers
    and unmarked: real figures with their sources."""
    w = words.of(ed, "briefing")
    sentences = words.Rendered("".join(w.html("briefing-paragraph", text=figs[key]) for key in (
        "pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text")), "html")
    # Who compiled each series of which the sentences print a figure for this force (never a
    # compiler whose series holds nothing for it); the full citations are on its web page.
    mine = published.held(ed, code, PRINTED_SERIES)
    return w.html("briefing-published", sentences=sentences, held=len(mine),
                  compilers=published.compilers(ed, mine))


def help_html(w: words.Words, h: Help | None) -> str:
    """Where a reader can find help (the Helpline, its number, the Trust's site), saying only
    what the edition gives; the briefing's and the local note's."""
    if h is None:
        return ""
    return w.html("briefing-help", helpline=h.helpline_name, phone=h.helpline_phone,
                  has_phone=bool(h.helpline_phone), website=h.short(h.website),
                  has_site=bool(h.website))


def briefing_html(ed: Edition, code: str, figs: dict[str, str], national: list[str],
                  recs: list[str], web_page: str, standing: str,
                  embargo: Embargo | None = None,
                  inline: frozenset[str] = frozenset({"force_intro"})) -> str:
    """The briefing page, from the figures and words the force's executed notebook glued and
    its standing chart (`standing`, see standing_html); `embargo` heads every page; `inline`:
    the glued sentences that mark their own figures (register.self_marked), printed with
    their marks where they stand and none at their end."""
    meta = ed.meta
    who = force.name(ed, code)
    answers = force.answers_table(ed, code).frame
    question, period, answer = (answers[labels.column(ed, key)]
                                for key in ("question", "period", "answer"))
    answer_rows = [[q.split(": ", 1)[0], q.split(": ", 1)[1], p, a]
                   for q, p, a in zip(question, period, answer, strict=True)]
    w = words.of(ed, "briefing")
    prov = provenance.returns(ed)
    illustrative = prov.status == "illustrative"
    notice, running = "", ""
    if illustrative:
        notice = w.html("briefing-notice", short=labels.illustrative_short(ed),
                        caveat=prov.caveat, mark=prov.mark)
        running = w.text("briefing-running", mark=prov.mark, who=who)
    held = f' --embargo: "{embargo.label}";' if embargo else ""  # its words are ours: no quote
    h = meta.help
    help_line = help_html(w, h)
    site = ({"where": "site", "site": h.short(h.site_url)} if h and h.site_url else
            {"where": "none"})
    report = {"report": meta.title, "edition": str(meta.edition)}
    # Each sentence with the mark of what it rests on: the commitment's sentence says who
    # oversees the force, or states a real row, or that it is not published (none is marked).
    marks = {"force_pcc_text": provenance.commitment(ed, code).provenance.mark,
             # what the force made public itself rests on its source: published, unmarked
             "force_public_text": provenance.of(ed, (), [
                 a.source for a in provenance.public_answers(ed, code)]).mark}
    sentences = w.sentences((w.html("briefing-marked", text=words.Rendered(
        _marks_html(figs[k]), "html"), mark="", marked=False) if k in inline else
                             w.html("briefing-marked", text=figs[k], mark=marks.get(k, prov.mark),
                                    marked=bool(marks.get(k, prov.mark)))
                             for k in ("force_spo_text", "force_pcc_text", "force_change_text",
                                       "force_public_text", "force_officers_text")
                             if figs.get(k)), "html")
    return f"""<!DOCTYPE html>
<html lang="{html.escape(meta.language)}"><head><meta charset="utf-8">
<title>{w.html("briefing-title", who=who, **report)}</title>
<style>{STYLE}
:root {{ --running: "{running.replace('"', "'")}";{held} }}</style></head><body><main>
<header><p class="kicker">{html.escape(meta.awareness_week)} · {
    w.html("briefing-kicker", illustrative=illustrative)}</p>
<h1>{words.of(ed, "force").html("force-heading", who=who, illustrative=illustrative)}</h1>
{w.html("briefing-meta", subtitle=w.text("briefing-subtitle", illustrative=illustrative),
        body=overseer(ed, code), date=labels.publication_day(ed), **report)
}</header>
{notice}
<h2>{w.html("briefing-in-brief")}</h2>
<p>{_marks_html(figs['force_intro']) if 'force_intro' in inline else
     html.escape(figs['force_intro']) + f'<sup class="mark">{html.escape(prov.mark)}</sup>'}</p>
<p>{sentences}</p>
<h2>{w.html("briefing-its-answers")}</h2>
{_table(w.text("briefing-answers-caption", who=who), [labels.column(ed, key) for key in (
    "question", "asked", "period", "answer")], answer_rows, marked=(3,), mark=prov.mark)}
<section class="page2">
<h2>{w.html("briefing-where-it-stands")}</h2>
{standing}
{published_html(ed, figs, code)}
<h2>{w.html("briefing-national")}</h2>
<ul class="figures">{"".join(f"<li>{html.escape(n)}</li>" for n in national)}</ul>
<h2>{w.html("briefing-must-change")}</h2>
<ol class="recs">{"".join(f"<li>{html.escape(r)}</li>" for r in recs)}</ol>
{help_line}
{w.html("briefing-footer", source=foi_source(ed), page=web_page,
        publisher=meta.publisher, **site)}
</section></main></body></html>
"""


def briefing_pages(notebooks: Path, edition: Edition, embargo: Embargo | None = None
                   ) -> Iterator[tuple[str, str, str]]:
    """(force code, name, briefing page) for every force, from the executed notebooks."""
    with words.context("the chapters"):  # what the proof sheet says the values are from
        national, recs = national_figures(edition, notebooks), recommendations(edition)
    for code, who in edition.forces[["force_code", "force_name"]].itertuples(index=False):
        executed = notebooks / "forces" / f"{slug(who)}.ipynb"
        with words.context(who):
            page = briefing_html(edition, code, _glued(executed), national, recs,
                                 f"book/forces/{slug(who)}.html",
                                 standing_html(executed, f"standing-{slug(who)}"), embargo,
                                 inline=self_marked(executed))
        yield code, who, page


def print_briefings(layout: Layout, edition: Edition, progress: Progress = PLAIN,
                    embargo: Embargo | None = None) -> list[Path]:
    """Write <out>/pdf/forces/<force>-<edition>-briefing.pdf for every force, in one browser
    session; return the paths. Unchanged briefings are kept as they are; `embargo` heads
    every page of each."""
    with words.reading_from(layout.root / "notebooks"):  # this project's words
        return _print_briefings(layout, edition, progress, embargo)


def _print_briefings(layout: Layout, edition: Edition, progress: Progress,
                     embargo: Embargo | None) -> list[Path]:
    target_dir = layout.pdf_dir / "forces"
    target_dir.mkdir(parents=True, exist_ok=True)
    pages = layout.work / "briefings"
    pages.mkdir(parents=True, exist_ok=True)
    code_version = hashlib.sha256(Path(__file__).read_bytes() + (
        Path(__file__).parent / "pdf.py").read_bytes()).hexdigest()
    todo: list[tuple[str, str, Path, str]] = []
    paths = []
    for code, who, doc in briefing_pages(layout.notebooks, edition, embargo):
        name = force.briefing_name(edition, code)
        digest = hashlib.sha256((code_version + doc).encode()).hexdigest()
        target, stamp = target_dir / name, pages / f"{slug(who)}.sha"
        paths.append(target)
        if target.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        todo.append((who, doc, target, digest))
    for stale in set(target_dir.glob("*.pdf")) - set(paths):
        stale.unlink()  # a briefing under an earlier name (the edition became illustrative)
    if not todo:
        progress.message(f"  {len(paths)} force briefings up to date")
        return paths

    w = words.of(edition, "briefing")
    report = {"report": edition.meta.title, "edition": str(edition.meta.edition)}
    print_pages([(target, w.text("briefing-pdf-title", who=who, **report), doc)
                 for who, doc, target, _ in todo], edition, pages,
                subject=w.text("briefing-pdf-subject"))
    for who, _, _, digest in todo:
        (pages / f"{slug(who)}.sha").write_text(digest)
    progress.message(f"  printed {len(todo)} force briefing(s) into {target_dir}")
    return paths
