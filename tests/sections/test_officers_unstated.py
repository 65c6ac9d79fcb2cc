"""The forces that did not say whether they had a dedicated stalking officer are described by
what they did say (a fact-check found "some described officers ..., and some did not hold the
information" while 2 of the 8 had refused the question)."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.sections import officers


def test_the_other_forces_are_described_by_their_answers() -> None:
    ed = load_edition(DATA, EDITION)
    r = officers.figures(ed)
    # The 8 is the rest of the release's 27 (less its 7 and 12): published, unmarked; which
    # forces make up each kind is constructed, and each count says so where it stands.
    assert r["officers_unstated_text"] == (
        "The other 8 did not say either way: 3‡ described officers who work on stalking but not "
        "whether any is dedicated, 3‡ did not hold the information and 2‡ refused the question.")
    # The answers' note says no more than that (a fact-check found "among other duties",
    # which says that none is dedicated).
    assert "other duties" not in r["officers_unstated_text"]
    record = r.record()["figures"]
    assert record["officers_unstated"]["status"] == "published"
    assert record["officers_unstated_text"]["status"] == "illustrative"
    assert record["officers_unstated_text"]["inline"]  # no mark at its end over the 8
    for kind in ("described", "not_held", "refused"):
        assert record[f"officers_unstated_{kind}"]["status"] == "illustrative"


@pytest.mark.parametrize("described,not_held,refused,said", [
    (0, 3, 0, "The other 3 did not say either way: 3 did not hold the information."),
    (1, 0, 1, "The other 2 did not say either way: 1 described officers who work on "
              "stalking but not whether any is dedicated and 1 refused the question."),
    (0, 2, 2, "The other 4 did not say either way: 2 did not hold the information and 2 "
              "refused the question."),
    (0, 0, 0, "Each of them said one or the other."),
])
def test_each_mix_of_answers_reads_as_a_sentence(described, not_held, refused, said) -> None:
    w = words.Words("officers")
    assert w.text("officers-unstated", unstated=described + not_held + refused,
                  described=described, not_held=not_held, refused=refused) == said
