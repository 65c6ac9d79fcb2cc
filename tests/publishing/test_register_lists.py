"""The register of figures states no constructed list as published (fact-check 4, B1, B6, B7).

A figure's value may be published (the release states the 67%, the 7 forces with a dedicated
officer) while the list of which forces make it up comes from constructed answers: the list
carries its data's status on the page and in the downloads. Where which Commissioners made the
commitment is constructed, no list names forces by it at all. The release's 67% is defined in
the release's scope, with the report's own count beside it. And "computed from" names the data
as a reader finds them (a download), never by a path in the repository.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import re

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition, provenance
from nsc_report.publishing import register
from nsc_report.sections import registry

ED = load_edition(DATA, EDITION)


def _book() -> register.BookRegister:
    """The chapters' registers as the build gathers them (no page printing them)."""
    entries = []
    for template, module in registry().items():
        if (list(inspect.signature(module.figures).parameters) != ["ed"]
                or (template == "change" and ED.meta.previous_edition is None)):
            continue
        for key, figure in module.figures(ED).record()["figures"].items():
            entries.append({"id": f"{template}/{key}", "notebook": template, "key": key,
                            **figure, "pages": [template]})
    return register.BookRegister(entries, {})


BOOK = _book()
BY_ID = BOOK.by_id()


def _page_row(page: str, fid: str) -> str:
    found = re.search(rf'<tr id="{register.anchor(fid)}">(.*?)</tr>', page, flags=re.S)
    assert found, fid
    return found.group(1)


def _csv_rows() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(register.to_csv(BOOK)))}


def test_the_edition_has_constructed_answers_and_commitments() -> None:
    # What the tests below rest on: the committed edition's lists are constructed.
    assert provenance.returns(ED).status == "illustrative"
    assert not provenance.may_name_commitments(ED)


@pytest.mark.parametrize("fid", ["officers/officers_at_least_one", "spo/spo_band_low",
                                 "reports/reports_responding", "other-offences/oo_detailed"])
def test_a_published_figure_lists_its_forces_under_their_data_status(fid: str) -> None:
    """'7' (forces with a dedicated officer) is the release's figure; which 7 is the
    constructed answers': the list says so on the page, in the CSV and in the JSON."""
    entry = BY_ID[fid]
    assert entry["status"] == "published" and entry["forces"]
    assert entry["forces_status"] == "illustrative"
    row = _page_row(register.register_page(BOOK), fid)
    forces_cell = re.findall(r"<details>(.*?)</details>", row, flags=re.S)
    assert len(forces_cell) == 1
    assert "constructed" in forces_cell[0] and provenance.MARKS["illustrative"] in forces_cell[0]
    assert _csv_rows()[fid]["forces_status"] == "illustrative"
    by_json = {e["id"]: e for e in json.loads(register.to_json(BOOK))["figures"]}
    assert by_json[fid]["forces_status"] == "illustrative"


def test_no_force_is_named_by_its_commissioners_commitment_from_constructed_data() -> None:
    """The register named the 23 forces whose Commissioner "made the commitment", and the 10
    of them that recorded fewer under the status published: every list of forces by the
    commitment is withheld, on the page and in both downloads."""
    by_commitment = [e for e in BOOK.entries
                     if any(f.endswith("pcc_commitments.csv") for f in e["files"])
                     and e["forces_status"] is not None]
    ids = {e["id"] for e in by_commitment}
    assert {"reports/reports_pccs_committed", "reports/reports_decreased",
            "reports/reports_share_decreased", "reports/reports_increased"} <= ids
    page, rows = register.register_page(BOOK), _csv_rows()
    by_json = {e["id"]: e for e in json.loads(register.to_json(BOOK))["figures"]}
    names = set(ED.forces["force_name"])
    for e in by_commitment:
        assert e["forces"] is None and e["forces_status"] == "unpublished", e["id"]
        row = _page_row(page, e["id"])
        assert "not published in this edition" in row
        assert "<details>" not in row
        assert rows[e["id"]]["forces"] == "" and rows[e["id"]]["forces_status"] == "unpublished"
        assert by_json[e["id"]]["forces"] is None
    # Nor does any other list of the chapter name exactly the committed forces.
    committed = {ED.forces.set_index("force_code").at[c, "force_name"]
                 for c in ED.commitments.loc[ED.commitments["committed"], "force_code"]}
    assert committed <= names
    assert not [e["id"] for e in BOOK.entries if e.get("forces") and set(e["forces"]) == committed]


def test_where_the_commitments_are_real_their_lists_print_with_their_status(monkeypatch) -> None:
    """An edition whose every commitment row is real names the forces (with the status of the
    answers they are counted from)."""
    from nsc_report.sections import reports
    monkeypatch.setattr(provenance, "may_name_commitments", lambda ed: True)
    entry = reports.figures(ED).record()["figures"]["reports_decreased"]
    assert entry["forces"] and entry["forces_status"] == "illustrative"


def test_the_release_share_is_defined_in_the_release_scope_with_the_reports_own_count() -> None:
    """The 67% is printed as the release's ("of the responding forces whose Commissioner made
    that commitment"); the register defined it by the report's reading ("counted over those
    that gave both years") and never said that over all 16 the data give 62.5%."""
    from nsc_report.measures.reports import commitment_summary
    s = commitment_summary(ED)
    entry = BY_ID["reports/reports_share_decreased"]
    assert entry["status"] == "published" and entry["text"] == ED.stated[
        "committed_share_decreased"].text
    definition = entry["definition"]
    assert "release states" in definition
    assert "counted over those that gave both years" not in definition
    # The report's own counts, each with its mark (fact-check 8: they were printed bare).
    assert f"{s.decreased}‡ of the {s.comparable}‡" in definition
    assert s.responding_committed > s.comparable
    assert f"{100 * s.decreased / s.responding_committed:.1f}%‡" in definition
    assert "constructed" in definition  # the report's own count is of constructed answers
    # Recorded as the release's value, not as computed from the constructed counts.
    assert entry["numerator"] is None and entry["denominator"] is None
    assert entry["raw"] == 67


def test_computed_from_names_the_data_as_a_reader_finds_them_never_a_repository_path() -> None:
    """The page printed data/2024/foi_returns.csv, data/reference/forces.csv, ...; the
    downloads' `files` column the same. A reader is sent to the download that holds the data,
    or told what the data are."""
    page = register.register_page(BOOK)
    text = register.to_csv(BOOK) + register.to_json(BOOK)
    path = re.compile(r"data/(?:\d{4}|reference|public)/|\.yml\b|foi_returns\.csv")
    assert not path.findall(page)
    assert not path.findall(text)
    assert "files" not in next(csv.reader(io.StringIO(register.to_csv(BOOK))))
    answers = BY_ID["officers/officers_at_least_one"]["data"]
    assert any(provenance.download_name(ED, "foi-returns.csv") in d for d in answers)
    public = [e for e in BOOK.entries if any(f.endswith("public/series.csv") for f in e["files"])]
    assert public and all(any("published-statistics.csv" in d for d in e["data"])
                          for e in public)
    assert all(e["data"] for e in BOOK.entries if e["files"])
