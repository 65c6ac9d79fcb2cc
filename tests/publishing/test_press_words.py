"""What the press pack, the social cards and the local notes say, rendered from the committed
2024 edition without a build (the register of the committed executed notebooks in book/, or
the sections' registers computed now): a third fact-check found a headline crediting the
release with a definition it never gave, "only 11 could say" where 16 could say something, two
scopes for the 67%, "the release reports" inside the release, an internal field name printed
for a missing contact, register jargon on social cards, "35: years since the Trust was
founded", local notes that counted question-years and repeated the status as the force's note,
and the chart-data README copied into the notebooks ZIP."""

from __future__ import annotations

import html
import importlib
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import DATA, EDITION, ROOT

from nsc_report.data import STATUSES, load_edition
from nsc_report.infra.notebooks import read_notebook
from nsc_report.infra.user_cache import CACHE_ENV
from nsc_report.measures import force as m
from nsc_report.present import words
from nsc_report.present.labels import statuses
from nsc_report.printing import briefing
from nsc_report.printing.press import _resolved, findings_body, sources
from nsc_report.printing.press_notes import answers_by_status, note_body
from nsc_report.publishing import cards, register
from nsc_report.publishing.release_render import document_text

# The release's own words for its headline figure (../shared/source/press-release-2024.txt).
RATE_WORDS = "of stalking cases result in a conviction"
# What a reader of a card or a post cannot know: question codes, the register's legends and
# file words.
JARGON = re.compile(r"\bQ\d+\b|answers file|\(detailed:|both years' Q|edition\.yml|help\.\w+")


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION)


@pytest.fixture(scope="module")
def pack(ed) -> dict[str, str]:
    """The release (its text for e-mail) and the key findings (their text), as `nsc-report
    press` writes them, from the register of the committed notebooks."""
    book = register.build(ROOT / "book", [])
    with words.reading_from(ROOT / "notebooks"):
        w = words.of(ed, "press")
        src = sources(ed, book, "../html/")
        release, _ = document_text(_resolved(ed, "release", src, w), ed.meta.language, None)
        findings = findings_body(ed, _resolved(ed, "key-findings", src, w), dict(src.figures), w)
    # Blocks apart; a mark stays on its figure.
    text = re.sub(r"<(?=li|p\b|h1|span class=\"source)", " <", findings)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return {"release": release, "key-findings": re.sub(r"\s+", " ", text)}


def _lines_with(text: str, figure: str) -> list[str]:
    return [line for line in re.split(r"\n|(?<=\.) ", text) if figure in line]


def test_the_headline_rate_is_printed_in_the_releases_words(pack, ed):
    rate = register.build(ROOT / "book", []).by_id()["attrition/att_rate"]["text"]
    for name, text in pack.items():
        printed = _lines_with(text, rate)
        assert printed, name
        for line in printed:
            # The release gives no definition: none is credited to it.
            assert RATE_WORDS in line and "offences police record" not in line, (name, line)
    assert pack["release"].splitlines()[0].startswith(f"Only {rate} {RATE_WORDS}")


def test_the_attrition_chart_does_not_credit_the_release_with_its_definition(ed):
    from nsc_report.sections import attrition

    with words.reading_from(ROOT / "notebooks"):
        title = attrition.chart(ed).title
    assert title.endswith("in these counts: the same figure as the rate the Trust's release "
                          "states")


def test_the_pack_says_what_the_published_figures_say_and_no_more(pack):
    findings = pack["key-findings"]
    # 11 gave a detailed breakdown; 5 more gave part of it: "only 11 could say" is false.
    assert "could say how often" not in findings and "could say how often" not in pack["release"]
    # (The 5 is the rest of the release's 27, less its 11 and 11: published, unmarked.)
    assert re.search(r"could give a detailed breakdown of how often stalking was charged as "
                     r"another offence; 5 gave part of it", findings)
    # The 67% in the release's scope, as the release states it, in both documents.
    for text in pack.values():
        (line,) = [li for li in _lines_with(text, "67%")]
        assert "both years" not in line, line


def test_the_release_does_not_speak_of_itself_or_print_field_names(pack, ed):
    assert not ed.meta.help.press_contact  # the committed edition has none yet
    release = pack["release"]
    assert "the release reports" not in release and "Trust's release" not in release
    assert "stating that it did not collate pre-charge information" in release
    for text in pack.values():
        assert not re.search(r"edition\.yml|help\.\w+|not yet given", text)
    assert "available for comment by arrangement: contact details to follow." in release


def test_the_pledge_is_in_one_scope_wherever_the_share_is_printed(ed):
    from nsc_report.sections import reports

    with words.reading_from(ROOT / "notebooks"):
        r = reports.figures(ed)
        national = briefing.national_figures(ed, ROOT / "book")
    share = r["reports_share_decreased"]
    for said in (r["reports_pledge_summary"], share + " " + r["reports_pledge_key"],
                 next(line for line in national if line.startswith(share))):
        assert "both years" not in said and "Commissioner" in said, said
    # How that share is counted is said once, in the chapter, and that the release does not say.
    assert f"release gives {share} of the responding forces" in r["reports_share_scope"]
    assert "without saying how it counted forces that did not give figures for both years" in (
        r["reports_share_scope"])
    (other,) = [line for line in national if "detailed breakdown" in line]
    # The 5 that gave part of it: the rest of the release's 27, less 11 and 11 (published).
    assert other.startswith("11 forces could give a detailed breakdown") and (
        "5 gave part of it" in other)


def _staged(ed, tmp_path: Path) -> tuple[Path, dict]:
    """A staged book of the committed edition (its pages, and the register computed now by
    the sections each notebook glues), as the build hands it to the cards."""
    book = tmp_path / "book"
    (book / "downloads").mkdir(parents=True)
    for page in [*ROOT.joinpath("book").glob("*.md"), *ROOT.joinpath("book").glob("*.ipynb"),
                 *(DATA / EDITION / "chapters").glob("*.md")]:
        shutil.copy(page, book / page.name)
    entries = []
    with words.reading_from(ROOT / "notebooks"):
        for nb in sorted(book.glob("*.ipynb")):
            code = "\n".join(c.source for c in read_notebook(nb).cells)
            called = re.search(r"glue_figures\((\w+)\.figures\(ed\)\)", code)
            if called is None:
                continue
            module = importlib.import_module(f"nsc_report.sections.{called.group(1)}")
            for key, e in module.figures(ed).record()["figures"].items():
                entries.append({"id": f"{nb.stem}/{key}", "notebook": nb.stem, "key": key,
                                **e})
    (book / "downloads" / "figures.json").write_text(
        register.to_json(register.BookRegister(entries, {})), encoding="utf-8")
    return book, yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def test_every_card_speaks_to_a_reader_and_prints_no_exact_years(ed, tmp_path):
    book, toc = _staged(ed, tmp_path)
    with words.reading_from(ROOT / "notebooks"):
        planned = {c.name: c for c in cards.plan(book, toc, ed)}
        said = {name: (cards.face(c, ed, None), cards.alt_text(c, ed, None),
                       cards.post_text(c, ed, None)) for name, c in planned.items()}
    assert planned["other-offences"].figure["id"] == "other-offences/oo_detailed"
    for name, (face, alt, post) in said.items():
        assert not JARGON.search(" ".join((face.caption, alt, post))), (name, face.caption)
        if face.figure:
            assert face.caption == planned[name].figure["finding"]
    assert said["other-offences"][2].startswith(
        "11 of the 27 responding forces could give a detailed breakdown")
    assert said["index"][2].startswith(f"1.7% {RATE_WORDS}")
    # "over 35 years ago" is not a count of years: no card sets it, nor the answers file's rows.
    assert planned["about"].figure is None and planned["methodology"].figure is None
    entries = register.from_json((book / "downloads" / "figures.json").read_text()).by_id()
    years = entries["methodology/org_years"]
    assert "finding" not in years and years["definition"].startswith("a lower bound, not")


def test_a_figure_without_a_finding_in_plain_words_is_not_set_on_a_card(ed, tmp_path):
    book, toc = _staged(ed, tmp_path)
    path = book / "downloads" / "figures.json"
    figures = register.from_json(path.read_text())
    for e in figures.entries:
        e.pop("finding", None)
    path.write_text(register.to_json(figures), encoding="utf-8")
    with words.reading_from(ROOT / "notebooks"):
        assert all(c.figure is None for c in cards.plan(book, toc, ed))


def test_a_local_note_counts_questions_as_the_report_does_and_says_each_status_once(ed):
    with words.reading_from(ROOT / "notebooks"):
        labels = list(statuses(ed, list(STATUSES)).values())
        for code, who in ed.forces[["force_code", "force_name"]].itertuples(index=False):
            groups = dict(answers_by_status(ed, code))
            done = m.completeness(ed, code)
            assert sum(len(q) for q in groups.values()) == done.asked == 13, who
            assert len(groups.get("answered in full", [])) == done.answered, who
            assert len(groups.get("answered in part", [])) == done.partial, who
            for answer in (a for qs in groups.values() for q in qs for a in q["answers"]):
                # The force's note is never its status again, in the same words or more.
                for status in labels:
                    assert not answer["note"].lower().startswith(status), (who, answer)
        dyfed = ed.forces.set_index("force_name").at["Dyfed-Powys", "force_code"]
        page = note_body(ed, dyfed, register.glued(ROOT / "book" / "forces" /
                                                   "dyfed-powys.ipynb"), "its page")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    # Each count of the answers carries their mark; the 13 questions asked are published.
    assert "answered in full (3‡ of 13 questions)" in text
    assert "answered in part (1‡ of 13 questions)" in text
    assert "information not held (9‡ of 13 questions)" in text
    assert "the force's note" not in text
    assert "information not held in a retrievable form (YE Mar 2023)" in text


def test_the_notebooks_zip_says_what_it_holds(ed, tmp_path, monkeypatch):
    from nsc_report.publishing.downloads import download_names, write_downloads

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    notebooks = [ROOT / "book" / "officers.ipynb"]
    with words.reading_from(ROOT / "notebooks"):
        write_downloads(tmp_path / "downloads", ed, notebooks, ROOT / "book")
    names = download_names(ed)

    def readme(name: str) -> str:
        with zipfile.ZipFile(tmp_path / "downloads" / names[name]) as zf:
            return zf.read("README.txt").decode()

    charts, held = readme("chart-data.zip"), readme("notebooks.zip")
    assert "a 'Data status' column" in charts
    assert "status column says so" not in held and "Data status" not in held
    assert "ILLUSTRATIVE DATA" in held and "executed notebooks" in held
