"""The words of four chapters (protection orders, attrition, reports, data gaps) live in their
words files beside the templates (issue 32): the code holds no sentence, an author's edit to a
words file is what the chapter prints, and every variant renders with the values the
sections give the 2024 edition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT
from test_words_out_of_code import sentences

from nsc_report.data import Edition, load_edition
from nsc_report.present import proof, words
from nsc_report.sections import attrition, data_gaps, reports, spo

MODULES = {"spo": spo, "attrition": attrition, "reports": reports, "data-gaps": data_gaps}
# What each template asks its section for (notebooks/<template>.md).
CALLS = {"spo": ("figures", "chart"), "attrition": ("figures", "chart", "series"),
         "reports": ("figures", "chart"), "data-gaps": ("figures", "chart", "scores_table")}


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION)


@pytest.mark.parametrize("section", MODULES)
def test_the_section_holds_no_sentence_and_its_words_file_stands_beside_its_template(section):
    module = MODULES[section]
    assert sentences(Path(module.__file__).read_text("utf-8")) == []
    assert section in module.TEMPLATES
    assert (ROOT / "notebooks" / f"{section}.ftl").is_file()
    assert (ROOT / "notebooks" / f"{section}.md").is_file()


@pytest.fixture(scope="module")
def recorded(ed: Edition) -> list[words.Call]:
    with words.recording() as calls:
        for section, module in MODULES.items():
            with words.context(section):
                for call in CALLS[section]:
                    getattr(module, call)(ed)
    return calls


def test_every_variant_renders_with_the_values_the_sections_give(recorded):
    sheet = {s.name: s for s in proof.sheet(words.PROJECT_FOLDER, recorded, "en-GB")}
    for section in MODULES:
        variants = [(e.message, v) for e in sheet[section].entries for v in e.variants]
        assert not sheet[section].errors, sheet[section].errors
        for message, v in variants:
            assert v.text.strip(), (section, message, v.condition)
            for hole in ("{$", "{ $", "None", "nan", "\u2068"):
                assert hole not in v.text, (section, message, v.text)
        real = [v for _, v in variants if v.values.startswith("real")]
        assert len(real) > len(variants) / 2, section  # most with the edition's own values
    texts = {v.text for s in sheet.values() for e in s.entries for v in e.variants}
    assert any(t.startswith("Police in England and Wales recorded ") and "stalking offences in "
               "the year ending" in t for t in texts)
    assert "One force made none at all." in texts


def test_an_edit_to_a_words_file_is_what_the_chapters_print(ed, tmp_path):
    """Each chapter's glued sentences and chart words come from its words file, not the code."""
    for path in words.files(words.PROJECT_FOLDER):
        shutil.copy(path, tmp_path / path.name)
    edits = {"spo.ftl": ("One force made none at all.", "Just one force made none."),
             "attrition.ftl": ("Police in England and Wales recorded", "The police recorded"),
             "reports.ftl": ("Dot chart of the percentage change",
                             "Dots showing the percentage change"),
             "data-gaps.ftl": ("Grid of { $asked }", "A grid of { $asked }")}
    for name, (before, after) in edits.items():
        text = (tmp_path / name).read_text("utf-8")
        assert before in text, name
        (tmp_path / name).write_text(text.replace(before, after), "utf-8")
    with words.reading_from(tmp_path):
        assert spo.figures(ed)["spo_zero_text"] == "Just one force made none."
        assert attrition.figures(ed)["att_series_text"].startswith("The police recorded ")
        assert reports.chart(ed).alt_text.startswith("Dots showing the percentage change")
        assert data_gaps.chart(ed).alt_text.startswith("A grid of ")
