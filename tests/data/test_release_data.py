"""What an edition records about its release: who had the findings before publication
(pre_release.yml) and the next edition's announced date (edition.yml), each checked on load,
and the Code of Practice statement made from the list (it said that nobody outside the team
saw the figures before publication, while the 2024 release quotes two people's responses)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.data import DataValidationError, load_edition
from nsc_report.sections import practice


def _write(data: Path, text: str) -> None:
    (data / EDITION / "pre_release.yml").write_text(text, encoding="utf-8")


def test_the_2024_list_names_who_responded_to_the_findings():
    ed = load_edition(DATA, EDITION)
    assert [e.who for e in ed.pre_release] == ["Emily Thornberry",
                                               "Deputy Chief Constable Paul Mills"]
    assert all(e.received == "not recorded" and e.source == "press_release_2024"
               for e in ed.pre_release)


def test_the_statement_comes_from_the_list_not_from_the_template():
    ed = load_edition(DATA, EDITION, lazy=True)
    said = practice.figures(ed)["cop_pre_release"]
    # The list holds only those the release shows (complete: false): the statement says so,
    # and never counts them as everyone who had the findings (fact-check 5, B4).
    assert not ed.pre_release_complete
    assert said.startswith("The release shows that before publication these 2 people outside "
                           "the team")
    assert "Before publication, 2 people" not in said
    assert said.endswith("Whether anyone else outside the team had them is not recorded.")
    assert "Emily Thornberry, Labour's Shadow Attorney General" in said
    assert "date not recorded" in said and "Nobody" not in said
    # The false claim is gone from the template: the statement is the glued one.
    template = (Path(__file__).parents[2] / "notebooks" / "code-of-practice.md").read_text()
    assert "Nobody outside the team" not in template
    assert "{glue:text}`cop_pre_release`" in template


def test_an_empty_list_and_no_list_are_said_differently(data_copy: Path):
    _write(data_copy, "complete: true\npre_release: []\n")
    ed = load_edition(data_copy, EDITION, lazy=True)
    assert practice.figures(ed)["cop_pre_release"].startswith("Nobody outside the team")
    # An empty list that is not complete records nothing: it is never "nobody".
    _write(data_copy, "complete: false\npre_release: []\n")
    ed = load_edition(data_copy, EDITION, lazy=True)
    assert "keeps no record" in practice.figures(ed)["cop_pre_release"]
    (data_copy / EDITION / "pre_release.yml").unlink()
    ed = load_edition(data_copy, EDITION, lazy=True)
    assert ed.pre_release is None
    assert "keeps no record" in practice.figures(ed)["cop_pre_release"]


def test_a_dated_entry_prints_its_date(data_copy: Path):
    _write(data_copy, "complete: true\npre_release:\n  - who: A Journalist\n    what: the "
                      "embargoed release pack\n    received: 2024-04-19\n")
    said = practice.figures(load_edition(data_copy, EDITION, lazy=True))["cop_pre_release"]
    assert said == ("Before publication, 1 person outside the team that writes the report had "
                    "its findings: A Journalist (the embargoed release pack; on 19 April 2024).")


@pytest.mark.parametrize(("entry", "key", "expected"), [
    ("who: X\n    what: the pack\n    received: 2024-05-01", "pre_release.0.received",
     "on or before the publication date"),
    ("who: X\n    what: the pack\n    received: last week", "pre_release.0.received",
     "not recorded"),
    ("who: X\n    what: the pack\n    received: not recorded\n    source: nowhere",
     "pre_release.0.source", "a source id"),
    ("who: X\n    received: not recorded", "pre_release.0.what", "field required"),
    ("who: X\n    what: the pack\n    received: not recorded\n    when: soon", "pre_release.0",
     "when"),
])
def test_a_bad_entry_is_named_by_file_and_key(data_copy: Path, entry: str, key: str,
                                               expected: str):
    _write(data_copy, f"complete: true\npre_release:\n  - {entry}\n")
    with pytest.raises(DataValidationError) as err:
        load_edition(data_copy, EDITION)
    text = str(err.value)
    assert "pre_release.yml" in text and key in text and expected in text, text


def test_a_list_must_say_whether_it_is_complete(data_copy: Path):
    _write(data_copy, "pre_release:\n  - who: X\n    what: the pack\n    received: not recorded\n")
    with pytest.raises(DataValidationError) as err:
        load_edition(data_copy, EDITION)
    text = str(err.value)
    assert "pre_release.yml" in text and "complete" in text, text


def test_the_next_edition_must_come_after_this_one(data_copy: Path):
    meta = data_copy / EDITION / "edition.yml"
    meta.write_text(meta.read_text() + "next_edition:\n  publication_date: 2024-04-01\n")
    with pytest.raises(DataValidationError) as err:
        load_edition(data_copy, EDITION)
    assert "next_edition.publication_date" in str(err.value)
    meta.write_text(meta.read_text().replace("2024-04-01", "2025-04-21"))
    assert str(load_edition(data_copy, EDITION).meta.next_edition.publication_date) == \
        "2025-04-21"
