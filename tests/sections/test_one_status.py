"""One status per figure (issue 33): a figure a published source states (the release's 27 of
43 forces, 67%, 12/8/3 ...) is `published`, with that citation, on every page that computes
it; the same quantity never carries two statuses; and the build stops when the value the data
give is not the value the source states."""

from __future__ import annotations

import inspect
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from helpers import DATA, ROOT, executed_notebook

from nsc_report.data import DataValidationError, load_edition
from nsc_report.present.figures import Register
from nsc_report.publishing.check import check
from nsc_report.sections import registry

ED = load_edition(DATA, "2024")


def _chapter_entries() -> list[tuple[str, str, dict]]:
    """(section, key, register entry) of every chapter's figures (the force pages take a
    force and are read elsewhere)."""
    found = []
    for template, module in registry().items():
        if (list(inspect.signature(module.figures).parameters) != ["ed"]
                or (template == "change" and ED.meta.previous_edition is None)):
            continue
        for key, entry in module.figures(ED).record()["figures"].items():
            found.append((template, key, entry))
    return found


ENTRIES = _chapter_entries()


def test_figures_of_one_meaning_carry_one_status() -> None:
    """Two figures with the same definition, or stated by the same source as the same
    quantity, have one status (the 43 forces asked were `illustrative` in the Code of Practice
    statement and `published` in the methodology and the data gaps)."""
    groups: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for template, key, e in ENTRIES:
        if e["kind"] != "figure":
            continue
        groups[("definition", e["definition"].strip().lower())].add(
            (e["status"], f"{template}/{key}"))
        if e.get("stated"):
            groups[("stated", e["stated"])].add((e["status"], f"{template}/{key}"))
    mixed = {meaning: sorted(found) for meaning, found in groups.items()
             if len({status for status, _ in found}) > 1}
    assert not mixed


def test_the_release_figures_are_published_everywhere() -> None:
    stated = set(ED.stated)
    by_meaning: dict[str, list[str]] = defaultdict(list)
    for template, key, e in ENTRIES:
        if e.get("stated") in stated:
            assert e["status"] == "published", (template, key)
            assert e["sources"][0] == ED.source(ED.stated[e["stated"]].source).citation
            by_meaning[e["stated"]].append(f"{template}/{key}")
    # Every figure the release states is computed (and so checked) somewhere in the book.
    assert set(by_meaning) == stated
    assert {"code-of-practice/cop_asked", "data-gaps/gaps_asked",
            "methodology/meth_forces"} <= set(by_meaning["forces_asked"])
    assert "code-of-practice/cop_responded" in by_meaning["forces_responding"]


def test_a_sentence_made_of_figures_has_their_status() -> None:
    """The pledge finding prints the release's 67% and 5 in a sentence: the sentence is as
    published as they are (it printed 67% and 5 marked illustrative inside a sentence marked
    so), and a sentence of an illustrative count is illustrative."""
    entries = {key: e for template, key, e in ENTRIES if template == "reports"}
    for key in ("reports_pledge_heading", "reports_pledge_summary", "reports_pledge_key"):
        assert entries[key]["status"] == "published", key
        assert entries[key]["parts"][0] == "reports_share_decreased"
    r = Register(ED, questions=("Q1",), periods=(ED.meta.current_period,))
    r.count("made", 3, "an illustrative count")
    r.text("sentence", "Three were.", "a sentence of it", parts=("made",))
    record = r.record()["figures"]
    assert record["sentence"]["status"] == record["made"]["status"] == "illustrative"
    assert record["sentence"]["caveat"] == record["made"]["caveat"]
    with pytest.raises(KeyError, match="not registered"):
        r.text("other", "Four were.", "a sentence of nothing", parts=("absent",))


def test_a_stated_figure_the_data_do_not_give_is_not_passed_off_as_published() -> None:
    """Where the data give another value than the source states, the figure keeps the data's
    status and says what the source states (`nsc-report check` lists it)."""
    r = Register(ED, files=("returns",))
    r.count("responding", 26, "forces that gave any figures", stated="forces_responding")
    entry = r.record()["figures"]["responding"]
    assert (entry["status"], entry["stated_differs"]) == ("illustrative", "27")
    # An edition whose sources state nothing of that meaning keeps the data's status.
    r.count("x", 5, "d", stated="not-stated")
    assert r.record()["figures"]["x"]["status"] == "illustrative"


def test_check_lists_a_stated_figure_the_data_do_not_give(tmp_path: Path) -> None:
    r = Register(ED, files=("returns",))
    r.count("gaps_responded", 26, "forces that gave any figures", stated="forces_responding")
    executed_notebook(tmp_path / "data-gaps.ipynb", r.values, r.record())
    found = [p for p in check(ROOT, DATA, "2024", loaded=ED, notebooks=tmp_path)
             if p.kind == "invalid"]
    assert [p.file for p in found] == ["data/2024/stated.yml"]
    assert "data-gaps/gaps_responded computes 26, but the source states 27" in found[0].what


def test_a_stated_figure_is_quoted_word_for_word(data_copy: Path) -> None:
    path = data_copy / "2024" / "stated.yml"
    stated = yaml.safe_load(path.read_text(encoding="utf-8"))
    stated["stated"]["forces_responding"]["quote"] = "Of the 28 police forces that answered"
    path.write_text(yaml.safe_dump(stated), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"stated\.yml.*forces_responding"):
        load_edition(data_copy, "2024")


def test_an_edition_without_stated_figures_keeps_its_statuses(data_copy: Path) -> None:
    (data_copy / "2024" / "stated.yml").unlink()
    ed = load_edition(data_copy, "2024")
    assert ed.stated == {}
    r = Register(ed, files=("returns",))
    r.count("responding", 27, "forces that gave any figures", stated="forces_responding")
    assert r.record()["figures"]["responding"]["status"] == "illustrative"

