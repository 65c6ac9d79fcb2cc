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
from pathlib import Path

import nbformat
import pandas as pd

from nsc_report.data import Edition, provenance
from nsc_report.infra import files
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.infra.untrusted import markdown_plain
from nsc_report.layout import Layout, slug
from nsc_report.printing.pdf import PdfError, print_pages
from nsc_report.publishing.downloads import chart_outputs
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.register import glued
from nsc_report.sections import force, published

STYLE = (Path(__file__).parent / "briefing.css").read_text(encoding="utf-8")



def recommendations(edition: Edition) -> list[str]:
    """The edition's recommendations, as its own chapter titles them ('## 1. ...')."""
    text = files.read_text(edition.directory / "chapters" / "recommendations.md",
                           within=edition.directory.parent)
    return re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)


def national_figures(ed: Edition, notebooks: Path) -> list[str]:
    """The report's headline findings, in the words of its landing page, with the figures the
    chapters' executed notebooks glued."""
    a, g, r, s, o, oo = (_glued(notebooks / f"{name}.ipynb") for name in (
        "attrition", "data-gaps", "reports", "spo", "officers", "other-offences"))
    mark = provenance.returns(ed).mark
    from_answers = [
        f"{g['gaps_responded']} of {g['gaps_asked']} police forces gave any figures in reply to "
        f"our request.",
        f"{r['reports_share_decreased']} of responding forces whose Commissioner pledged more "
        f"reports recorded fewer; only {r['reports_increased']} recorded more.",
        f"{s['spo_band_low']} forces applied for {s['spo_band_low_label']} Stalking Protection "
        f"Orders in a whole year.",
        f"{o['officers_at_least_one']} forces said they had a dedicated stalking officer; "
        f"{o['officers_none']} said they had none.",
        f"{oo['oo_detailed']} forces could say how often stalking was charged as another crime.",
    ]
    return [
        f"Only {a['att_rate']} of stalking cases result in a conviction, as the Trust's release "
        f"states. {a['att_counts_caveat']}",
        *(f"{line}{mark}" for line in from_answers),
    ]


def standing_html(executed: Path, name: str) -> str:
    """The force's standing chart as its executed notebook drew it (image, text alternative and
    data table), or what the notebook said instead where the force gave no figures."""
    for meta, data in chart_outputs([executed]):
        if meta["name"] == name:
            table = pd.read_csv(io.StringIO(meta["csv"]), dtype=str, keep_default_na=False)
            table = table.drop(columns=["Data status"], errors="ignore")
            alt = data["text/plain"].splitlines()[-1]
            return (f'<figure class="chart" role="img" aria-label="{html.escape(alt)}">'
                    f'{data["image/svg+xml"]}</figure>'
                    + _table(meta["title"], list(table.columns), table.values.tolist()))
    said = [o["data"]["text/markdown"] for c in nbformat.read(executed, as_version=4).cells
            if "standing_chart" in c.source for o in c.get("outputs", [])
            if "text/markdown" in o.get("data", {})]
    # What the page says in Markdown, as words (its data were escaped for Markdown).
    return "".join(f"<p>{html.escape(markdown_plain(text))}</p>" for text in said)


def _glued(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise PdfError(f"{path} has not been executed: run `nsc-report execute` first")
    return glued(path)


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(
        (f'<th scope="row">{html.escape(c)}</th>' if i == 0 else f"<td>{html.escape(c)}</td>")
        for i, c in enumerate(row)) + "</tr>" for row in rows)
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def published_html(ed: Edition, figs: dict[str, str]) -> str:
    """The force's published statistics, as its page words them, boxed apart from the answers
    and unmarked: real figures with their sources."""
    sentences = "".join(f"<p>{html.escape(figs[key])}</p>" for key in (
        "pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text"))
    # Who compiled each series; the full citations are on the force's web page.
    cited = ", ".join(dict.fromkeys(ed.public.sources[k].compiler for k in published.SERIES))
    return (f'<section class="published" aria-labelledby="published-heading">'
            f'<h2 id="published-heading">Published statistics '
            f'<span class="tag">real figures, not answers to our request</span></h2>'
            f"{sentences}<p class=\"sources\">Compiled by {html.escape(cited)}; every "
            f"source, with its licence, is cited on the force's page of the web report.</p>"
            f"</section>")


def briefing_html(ed: Edition, code: str, figs: dict[str, str], national: list[str],
                  recs: list[str], web_page: str, standing: str,
                  embargo: Embargo | None = None) -> str:
    """The briefing page, from the figures and words the force's executed notebook glued and
    its standing chart (`standing`, see standing_html); `embargo` heads every page."""
    meta = ed.meta
    who = force.name(ed, code)
    answers = force.answers_table(ed, code).frame
    answer_rows = [[q.split(": ", 1)[0], q.split(": ", 1)[1], p, a]
                   for q, p, a in zip(answers["Question"], answers["Period"], answers["Answer"],
                                      strict=True)]
    prov = provenance.returns(ed)
    mark = html.escape(prov.mark)
    notice, running, kicker = "", "", "briefing"
    if prov.status == "illustrative":
        notice = (f'<p class="notice"><strong>{provenance.ILLUSTRATIVE_SHORT}.</strong> '
                  f"{html.escape(prov.caveat)} Every figure marked {mark} is computed from "
                  f"these constructed data.</p>")
        running = (f"Illustrative briefing: figures marked {prov.mark} are constructed, not "
                   f"{who}'s real answers")
        kicker = "illustrative briefing"
    held = f' --embargo: "{embargo.label}";' if embargo else ""  # its words are ours: no quote
    h = meta.help
    help_line = (f'<p class="help"><strong>Worried about stalking?</strong> Call the '
                 f"{html.escape(h.helpline_name)} on {html.escape(h.helpline_phone)}, or visit "
                 f"{html.escape(h.short(h.website))}. In an emergency, call 999.</p>"
                 if h else "")
    site = (f" at {html.escape(h.short(h.site_url))}/{html.escape(web_page)}"
            if h and h.site_url else f" ({html.escape(web_page)} of the web report)")
    subtitle = ("An illustrative briefing: how the report presents a force's answers, with "
                "constructed figures" if prov.status == "illustrative" else
                "What the force told the National Stalking Consortium, and how it compares")
    sentences = " ".join(html.escape(figs[k]) + f'<sup class="mark">{mark}</sup>' for k in (
        "force_spo_text", "force_pcc_text", "force_officers_text") if figs[k])
    return f"""<!DOCTYPE html>
<html lang="{html.escape(meta.language)}"><head><meta charset="utf-8">
<title>{html.escape(who)}: {html.escape(meta.title)} ({meta.edition}), briefing</title>
<style>{STYLE}
:root {{ --running: "{running.replace('"', "'")}";{held} }}</style></head><body><main>
<header><p class="kicker">{html.escape(meta.awareness_week)} · {kicker}</p>
<h1>{html.escape(who)}{" (illustrative data)" if prov.status == "illustrative" else ""}</h1>
<p class="meta">{html.escape(subtitle)}. To send to {html.escape(ed.overseer(code)["body"])}.
{html.escape(meta.title)}, edition {meta.edition}, published
{meta.publication_date:%-d %B %Y}.</p></header>
{notice}
<h2>In brief</h2>
<p>{html.escape(figs['force_intro'])}<sup class="mark">{mark}</sup></p>
<p>{sentences}</p>
<h2>Its answers</h2>
{_table(f"{who}: its answer to each question", ["Question", "Asked", "Period", "Answer"],
        answer_rows)}
<section class="page2">
<h2>Where it stands among the forces</h2>
{standing}
{published_html(ed, figs)}
<h2>The national picture</h2>
<ul class="figures">{"".join(f"<li>{html.escape(n)}</li>" for n in national)}</ul>
<h2>What must change</h2>
<ol class="recs">{"".join(f"<li>{html.escape(r)}</li>" for r in recs)}</ol>
{help_line}
<footer>{html.escape(force.foi_source(ed))} The full report, with this force's page{site},
explains every figure and its source. {html.escape(meta.publisher)}.</footer>
</section></main></body></html>
"""


def print_briefings(layout: Layout, edition: Edition, progress: Progress = PLAIN,
                    embargo: Embargo | None = None) -> list[Path]:
    """Write <out>/pdf/forces/<force>-<edition>-briefing.pdf for every force, in one browser
    session; return the paths. Unchanged briefings are kept as they are; `embargo` heads
    every page of each."""

    target_dir = layout.pdf_dir / "forces"
    target_dir.mkdir(parents=True, exist_ok=True)
    pages = layout.work / "briefings"
    pages.mkdir(parents=True, exist_ok=True)
    national, recs = national_figures(edition, layout.notebooks), recommendations(edition)
    code_version = hashlib.sha256(Path(__file__).read_bytes() + (
        Path(__file__).parent / "pdf.py").read_bytes()).hexdigest()
    todo: list[tuple[str, str, Path, str]] = []
    paths = []
    for code, who in edition.forces[["force_code", "force_name"]].itertuples(index=False):
        name = force.briefing_name(edition, code)
        executed = layout.notebooks / "forces" / f"{slug(who)}.ipynb"
        doc = briefing_html(edition, code, _glued(executed), national, recs,
                            f"book/forces/{slug(who)}.html",
                            standing_html(executed, f"standing-{slug(who)}"), embargo)
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

    print_pages([(target, f"{who}: briefing, {edition.meta.title} ({edition.meta.edition})",
                  doc) for who, doc, target, _ in todo], edition, pages,
                subject="What a force told us about stalking, and how it compares")
    for who, _, _, digest in todo:
        (pages / f"{slug(who)}.sha").write_text(digest)
    progress.message(f"  printed {len(todo)} force briefing(s) into {target_dir}")
    return paths
