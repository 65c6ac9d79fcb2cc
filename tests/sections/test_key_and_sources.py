"""The key of marks is true of the sentences it keys, and what a page states cites its source
(fact-check 4, findings B5, B8 and B7).

B5: sentences made from constructed data carry one mark, at their end, while the key said
"Figures without a mark are published statistics": the bare figures inside such a sentence
read as published. The key now says, on the web, on paper and in briefings, that a mark at the
end of a sentence marks every figure in it; and a sentence the build marks at its end holds no
figure in an earlier, unmarked sentence ("Stalking offences recorded: 834. Of the 26 ...‡").
B8: a named Commissioner's act is printed with the source it rests on, in the sentence.
B7: no page sends a reader to the edition's data folder, which is not published."""

from __future__ import annotations

import re

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import Edition, load_edition
from nsc_report.measures import force as m
from nsc_report.present import words
from nsc_report.sections import force

NOTTINGHAMSHIRE = "E23000019"
# A sentence end inside a text: a stop, then a space and a capital (not a decimal point).
INNER_STOP = re.compile(r"[.!?]\s+[A-Z]")
RULE = "end of a sentence"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def test_every_key_says_what_a_mark_at_a_sentences_end_covers():
    with words.reading_from(ROOT / "notebooks"):
        web = str(words.Words("site").html("site-provenance-published"))
        briefing = str(words.Words("briefing").html("briefing-notice", short="Illustrative data",
                                                    caveat="Constructed.", mark="‡"))
        running = words.Words("briefing").text("briefing-running", mark="‡", who="Kent")
        printed = words.Words("print").text(
            "print-legend", illustrative=True, illustrative_mark="‡",
            illustrative_caveat="Constructed.", unverified=False, unverified_mark="†",
            unverified_caveat="", publisher="NSC")
        unverified = words.Words("print").text(
            "print-legend", illustrative=False, illustrative_mark="‡", illustrative_caveat="",
            unverified=True, unverified_mark="†", unverified_caveat="Unchecked.",
            publisher="NSC")
    for key in (web, briefing, printed, unverified):
        assert RULE in key or "sentence that ends with" in key, key
        assert "in a sentence without one" in key, key
    assert "sentence ending" in running


def test_a_force_pages_marked_sentences_are_each_one_sentence(ed: Edition):
    """The build marks a constructed text at its end: each must be one sentence, so that the
    mark covers every figure in it (B5: "Stalking offences recorded: 834." stood unmarked)."""
    with words.reading_from(ROOT / "notebooks"):
        for code in ed.forces["force_code"]:
            for s in m.standing(ed, code):
                text = force.standing_sentence(ed, code, s)
                assert not INNER_STOP.search(text), (code, text)


def test_the_public_commitment_cites_its_source_in_the_sentence(ed: Edition):
    with words.reading_from(ROOT / "notebooks"):
        text = force.figures(ed, NOTTINGHAMSHIRE).figures["force_pcc_text"].text
    row = ed.commitments.set_index("force_code").loc[NOTTINGHAMSHIRE]
    citation = ed.source(str(row["source_id"])).citation
    assert citation and citation in text, text


def test_no_page_sends_readers_to_the_unpublished_data_folder():
    unpublished = re.compile(r"README in the edition|edition's data folder", re.I)
    chapters = ROOT / "data" / "2024" / "chapters"
    sources = [*(ROOT / "notebooks").glob("*.ftl"), *chapters.glob("*")]
    found = [p.name for p in sources if p.is_file() and unpublished.search(p.read_text("utf-8"))]
    assert not found


def test_a_force_without_answers_is_not_said_to_have_no_figures(ed: Edition):
    """B8: City of London's page and briefing said "this page has no figures for it" above its
    published statistics."""
    with words.reading_from(ROOT / "notebooks"):
        text = words.Words("force").text("force-intro-no-figures", who="City of London",
                                         forces=43, region="London", illustrative=True,
                                         status="no_response", mark="‡")
    assert "no figures for it" not in text and "no figures from its answers" in text
