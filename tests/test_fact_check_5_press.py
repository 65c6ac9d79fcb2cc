"""What the fifth fact-check found in the published statistics' source lines, the short forms of
the pledge finding, the release pack's words and the cards (docs/reviews/fact-check-5-2026-12-07.md,
Part B: B3, B5, B8 and B9). Made from the sections and the templates, without a build; the
printed pack is checked in tests/test_press.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.printing import briefing
from nsc_report.publishing import cards
from nsc_report.publishing.cardtext import MARGIN, SOURCE_SIZE, WIDTH, text_width, wrap
from nsc_report.publishing.release_render import body_html
from nsc_report.sections import published, reports

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION, lazy=True)


def _code(ed, name: str) -> str:
    return str(ed.forces.set_index("force_name").at[name, "force_code"])


def _figs(ed, code: str) -> dict[str, str]:
    return {"pub_recorded_text": published.recorded_sentence(ed, code),
            "pub_charge_text": published.charge_sentence(ed, code),
            "pub_court_text": published.court_sentence(ed, code),
            "pub_orders_text": published.orders_sentence(ed, code)}


def test_city_of_london_is_credited_only_with_the_sources_that_hold_its_figures(ed):
    """B3: its page named the Ministry of Justice and the BBC's answers, which hold nothing
    for it, and printed the June 2021 file's "Lincolnshire and North Yorkshire did not
    answer" as if it had answered."""
    code = _code(ed, "City of London")
    said = published.notice(ed, code).text
    assert "from the Home Office and the Office for National Statistics." in said, said
    assert "Ministry of Justice" not in said and "BBC" not in said
    listed = published.sources_list(ed, code).text
    assert "did not answer" not in listed
    cited, _, empty = listed.partition("Read, with no figure for City of London:")
    assert empty, listed
    for title in ("Stalking prosecutions and convictions", "Stalking Protection Orders"):
        assert title not in cited and title in empty
    # Its briefing and local note: no compiler whose series they print no figure of.
    credit = briefing.published_html(ed, _figs(ed, code), code)
    compiled = re.search(r"Compiled by ([^;]+);", credit)
    assert compiled and compiled.group(1) == "Home Office, BBC Shared Data Unit", credit


@pytest.mark.parametrize("name", ["Dyfed-Powys", "Thames Valley", "City of London",
                                  "Lincolnshire"])
def test_a_credit_line_names_only_series_the_document_prints_for_the_force(ed, name: str):
    """B3, the class: the fixed credit named the ONS (whose series no briefing prints) and the
    BBC Data Unit on every briefing and local note."""
    code = _code(ed, name)
    credit = briefing.published_html(ed, _figs(ed, code), code)
    compiled = re.search(r"Compiled by ([^;]+);", credit).group(1).split(", ")
    assert "Office for National Statistics" not in compiled
    expected = {ed.public.sources[s].compiler
                for s in published.held(ed, code, briefing.PRINTED_SERIES)}
    assert set(compiled) == expected
    for s in published.SERIES:
        if not published.holds(ed, code, s):
            assert ed.public.sources[s].citation not in published.sources_list(ed, code).text


def test_every_short_form_of_the_pledge_says_which_years_it_compares(ed):
    """B5: "recorded fewer" on the landing page, the briefings, the key findings and the
    reports card, with no period and nothing it is fewer than."""
    r = reports.figures(ed)
    later, earlier = r["reports_period_current"], r["reports_period_previous"]
    assert (later, earlier) == ("year ending March 2023", "year ending March 2022")
    phrase = f"fewer stalking offences in the {later} than in the {earlier}"
    assert phrase in r["reports_pledge_key"]
    # The card's finding, shorter so that a post holds it whole beside its caveat, source and
    # address (test_release_day), compares the same two years in the same words.
    assert f"recorded fewer in the {later} than in the {earlier}" in r.figures[
        "reports_share_decreased"].finding
    w = words.of(ed, "briefing")
    line = w.text("briefing-national-fewer", share="67%", increased="5", comparable="9",
                  case="most-fewer", more="some", period=later, previous=earlier)
    assert phrase in line
    # The reports card sets the finding beside its figure in four lines at most: whole.
    finding = r.figures["reports_share_decreased"].finding
    left = MARGIN + text_width(r["reports_share_decreased"], 150, bold=True) + 40
    caption = wrap(finding, 30, WIDTH - MARGIN - left, lines=4)
    assert not caption[-1].endswith("…") and " ".join(caption).endswith(earlier), caption
    key = (ROOT / "data" / EDITION / "press" / "key-findings.md").read_text()
    assert ("recorded fewer in the\n  {fig}`reports/reports_period_current` than in the "
            "{fig}`reports/reports_period_previous`") in key


def test_the_release_pack_says_who_sent_the_requests_and_when_the_helpline_began():
    """B8: the standfirst had the Consortium ask the forces, the next line the Trust; and
    "Since 2010 the Trust has run the Helpline", where the release says the service was set
    up in 2010 and the Trust runs it."""
    release = (ROOT / "data" / EDITION / "press" / "release.md").read_text()
    assert "Consortium asked" not in release
    assert "Suzy Lamplugh Trust sent Freedom of Information" in release
    assert "has run the" not in release and "Since\n{fig}`methodology/org_helpline" not in release
    assert re.search(r"The Trust runs\s+the \{edition\}`help.helpline_name` and Advocacy "
                     r"Service, set up in\s+\{fig\}`methodology/org_helpline_started`", release)


def _card(ed, sources: list[str]) -> cards.Card:
    entry = {"id": "reports/reports_share_decreased", "text": "67%", "status": "published",
             "caveat": None, "finding": "of the responding forces recorded fewer stalking "
             "offences in the year ending March 2023 than in the year ending March 2022",
             "sources": sources}
    return cards.Card("reports", "reports.html", "Reports", entry)


LONG = ["Suzy Lamplugh Trust, press release for National Stalking Awareness Week, 22 April "
        "2024, on Freedom of Information requests to the 43 territorial police forces of "
        "England and Wales",
        "Police and Crime Commissioners' commitment to increase reports of stalking, 2022",
        "Freedom of Information answers of the 43 territorial police forces of England and "
        "Wales, year ending March 2022 and year ending March 2023"]


def test_a_post_never_cuts_a_citation(ed):
    """B9 (a): the posts ended "...police forces of England and..."."""
    post = cards.post_text(_card(ed, LONG), ed, "https://report.example.org/book/reports.html")
    assert "…" not in post.split("Source:")[-1]
    source = post.split("Source: ", 1)[1]
    kept = [s for s in LONG if s in source]
    assert kept == LONG[:len(kept)]
    if len(kept) < len(LONG):
        assert "cited in full in the report" in source or "the report, which cites" in source
    # The finding is kept whole where the sources can give way.
    assert "than in the year ending March 2022." in post


def test_a_card_source_line_is_never_cut(ed):
    """B9 (a): the reports card's source line ended "...increase reports of stalking…"."""
    face = cards.face(_card(ed, LONG), ed, None)
    lines = wrap(face.source, SOURCE_SIZE, WIDTH - 2 * MARGIN, lines=3)
    assert not lines[-1].endswith("…"), lines
    assert face.source.startswith("Source: " + LONG[0])


def test_a_notes_return_arrow_is_left_out_of_print():
    """B9 (b): release.pdf's notes ended with "↩", a link that points nowhere on paper."""
    from nsc_report.publishing.release import Document

    doc = Document(blocks=[], notes=[()])
    assert '<a class="back" href="#ref-1"' in body_html(doc, "en-GB")
    css = (ROOT / "src" / "nsc_report" / "printing" / "press.css").read_text()
    assert re.search(r"@media print \{\s*\.notes a\.back \{ display: none; \}", css)


def test_no_reader_facing_words_say_codebook_or_which_ones_is():
    """B9 (d) and (e): "13: questions in the codebook", and "12 forces: which ones is
    constructed" 111 times in the register."""
    for ftl in (ROOT / "notebooks").glob("*.ftl"):
        for line in ftl.read_text().splitlines():
            if line.lstrip().startswith("#"):
                continue
            assert "codebook" not in line, (ftl.name, line)
            assert "which ones is" not in line, (ftl.name, line)
