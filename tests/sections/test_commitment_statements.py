"""What a force page, its briefing and the map say of a Commissioner and the 2022 commitment
comes from one account (`provenance.commitment`), row by row (fact-check 3, finding 11): the
public row (Nottinghamshire's) is stated, unmarked; a constructed row is never stated, marked
or not; a force with no Commissioner says so, unmarked (a real fact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import Edition, load_edition, provenance
from nsc_report.present import words
from nsc_report.printing.briefing import briefing_html
from nsc_report.sections import find_force, force

COMPLETE = ROOT / "tests" / "fixtures" / "complete"
NOTTINGHAMSHIRE, CITY_OF_LONDON, DYFED_POWYS = "E23000019", "E23000034", "W15000004"
ACT = re.compile(r"(made|did not make) the \d{4} commitment")


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


@pytest.fixture(scope="module")
def complete() -> Edition:
    return load_edition(COMPLETE, EDITION, lazy=True)


def _sentence(ed: Edition, code: str) -> tuple[str, str]:
    """The force page's sentence and the status its register gives it."""
    figure = force.figures(ed, code).figures["force_pcc_text"]
    return figure.text, provenance.of(ed, figure.files, figure.sources).status


def test_the_public_commitment_is_stated_and_the_constructed_ones_are_not(ed: Edition):
    stated = {}
    for code in ed.forces["force_code"]:
        text, status = _sentence(ed, code)
        assert status == "published", (code, text)  # nothing said rests on constructed data
        if ACT.search(text) and not text.startswith("Whether"):
            stated[code] = text
    assert list(stated) == [NOTTINGHAMSHIRE]
    assert stated[NOTTINGHAMSHIRE].startswith(
        "The Police and Crime Commissioner for Nottinghamshire made the 2022 commitment to "
        "increase reports of stalking. Source: ")
    london, _ = _sentence(ed, CITY_OF_LONDON)
    assert london.startswith("It has no Police and Crime Commissioner")
    assert _sentence(ed, DYFED_POWYS)[0].endswith("is not published in this edition.")


def test_the_briefing_marks_the_sentence_by_what_it_rests_on(ed: Edition):
    """The briefings printed every sentence in brief with the answers' mark: "... not published
    in this edition.‡" and City of London's "no Police and Crime Commissioner ...‡"."""
    with words.reading_from(ROOT / "notebooks"):
        for code in (DYFED_POWYS, CITY_OF_LONDON, NOTTINGHAMSHIRE):
            figs = force.figures(ed, code).values
            page = briefing_html(ed, code, figs, [], [], "page.html", "")
            pcc = words.Words("briefing").html("briefing-marked", text=figs["force_pcc_text"],
                                               mark="", marked=False)
            after = page[page.index(str(pcc)):][len(str(pcc)):]
            assert not after.startswith("<sup"), (code, after[:60])
            # The sentences from the constructed answers keep their mark.
            change = str(words.Words("briefing").html("briefing-marked", mark="‡", marked=True,
                                                      text=figs["force_change_text"]))
            assert change in page, code


def test_the_complete_edition_states_every_commissioners_commitment(complete: Edition):
    cases = {c: provenance.commitment(complete, c).case for c in complete.forces["force_code"]}
    assert cases[CITY_OF_LONDON] == "none" and "unpublished" not in cases.values()
    for code, case in cases.items():
        text, status = _sentence(complete, code)
        assert status == "published"
        assert bool(ACT.search(text)) == (case != "none"), (code, text)
        assert ("did not make" in text) == (case == "not-made"), (code, text)


def test_the_map_reads_the_same_account(ed: Edition, complete: Edition):
    """The map's commitment (only where no row is constructed) is the pages' account."""
    assert "pcc" not in [m.key for m in find_force.map_measures(ed)]
    table = find_force.map_table(complete, links=False).frame.set_index("Force")
    names = complete.forces.set_index("force_code")["force_name"]
    said = {"made": "yes", "not-made": "no", "none": "no PCC"}
    for code, name in names.items():
        assert table.at[name, "PCC commitment"] == said[provenance.commitment(complete,
                                                                            code).case], name


def test_a_constructed_row_of_a_complete_edition_is_withheld(tmp_path: Path):
    """One row marked constructed in an otherwise real edition: that force's page says its
    commitment is not published; the others are stated; the map no longer compares them."""
    import shutil

    data = Path(shutil.copytree(COMPLETE, tmp_path / "data"))
    meta = data / EDITION / "edition.yml"
    meta.write_text(meta.read_text("utf-8").replace("illustrative: false", "illustrative: true")
                    + "data_files:\n  pcc_commitments.csv:\n"
                    "    status: illustrative\n    caveat: One row is constructed.\n", "utf-8")
    path = data / EDITION / "pcc_commitments.csv"
    path.write_text(path.read_text("utf-8").replace(
        f"{DYFED_POWYS},true,pcc_pledge_2022,published", f"{DYFED_POWYS},true,,illustrative")
        .replace(f"{DYFED_POWYS},false,pcc_pledge_2022,published",
                 f"{DYFED_POWYS},false,,illustrative"), "utf-8")
    ed = load_edition(data, EDITION, lazy=True)
    assert _sentence(ed, DYFED_POWYS) == (
        "Whether the Police and Crime Commissioner for Dyfed-Powys made the 2022 commitment to "
        "increase reports of stalking is not published in this edition.", "published")
    assert ACT.search(_sentence(ed, NOTTINGHAMSHIRE)[0])
    assert "pcc" not in [m.key for m in find_force.map_measures(ed)]
