"""The register of figures: every glued figure says what it is and where it comes from."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import DATA, EDITION, ROOT, Built, copy_data, rewrite_csv, run_cli, small_data

from nsc_report.data import load_edition
from nsc_report.execution.run import execute
from nsc_report.present.figures import Register
from nsc_report.publishing import register, review


def committed() -> register.BookRegister:
    return review.from_notebooks(ROOT / "book", DATA / EDITION / "chapters")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def names() -> dict[str, str]:
    return {r["force_code"]: r["force_name"] for r in rows(DATA / "reference" / "forces.csv")}


# --- the Register API --------------------------------------------------------------------------

def test_a_share_records_its_numerator_and_denominator():
    ed = load_edition(DATA, EDITION)
    r = Register(ed, questions=("Q9",), periods=(ed.meta.current_period,))
    assert r.share("x", 2, 8, "two of eight") == "25%"
    entry = r.record()["figures"]["x"]
    assert (entry["numerator"], entry["denominator"], entry["raw"]) == (2, 8, 25.0)
    assert entry["files"] == ["data/2024/foi_returns.csv", "data/2024/questions.yml"]
    assert entry["sources"] == [ed.source("foi_2024").citation]
    assert entry["periods"] == ["year ending March 2023"]


def test_a_share_of_an_empty_group_says_so_in_words_never_zero():
    """Valid data can leave a group empty (no force gave the figure): the share is what the
    section says instead, with no raw value, and a share with no such words is refused."""
    ed = load_edition(DATA, EDITION)
    r = Register(ed, questions=("Q9",))
    assert r.share("x", 0, 0, "none of none", empty="none") == "none"
    entry = r.record()["figures"]["x"]
    assert (entry["text"], entry["raw"], entry["denominator"]) == ("none", None, 0)
    json.dumps(r.record(), allow_nan=False)
    with pytest.raises(ZeroDivisionError, match="'y'"):
        r.share("y", 0, 0, "none of none")


def test_a_count_of_forces_must_list_as_many_forces():
    ed = load_edition(DATA, EDITION)
    r = Register(ed)
    with pytest.raises(ValueError, match="counts 2 but lists 1"):
        r.count("x", 2, "two forces", forces=["E23000008"])
    with pytest.raises(KeyError, match="twice"):
        r.count("y", 1, "one", forces=["E23000008"])
        r.count("y", 1, "one", forces=["E23000008"])


# --- the committed register ------------------------------------------------------------------

def test_every_glued_figure_has_a_register_entry():
    reg = committed()
    pages = register.page_texts(ROOT / "book", review.markdown_pages(
        ROOT / "book", DATA / EDITION / "chapters"))
    assert register.unregistered(reg) == []
    printed = register.references(pages)
    assert len(printed) > 300  # chapters, summary, landing page and 43 force pages
    for entry in reg.entries:
        assert entry["definition"].strip(), entry["id"]
        assert entry["text"].strip() or entry["kind"] == "text", entry["id"]
    headline = reg.by_id()["attrition/att_rate"]
    assert headline["text"] == "1.7%" and "index" in headline["pages"]
    # The headline cites the release that states it; our arithmetic on the (unverified) counts
    # behind it is registered beside it.
    assert headline["status"] == "published"
    exact = reg.by_id()["attrition/att_rate_exact"]
    assert (exact["numerator"], exact["denominator"]) == (2196, 131200)
    assert exact["status"] == "unverified"


def test_forces_counted_are_those_the_data_give():
    """Recomputed from the CSV files, not from the package."""
    reg, who = committed().by_id(), names()
    answers = rows(DATA / EDITION / "foi_returns.csv")
    value = {(r["force_code"], r["question_id"], r["period"]): r for r in answers}
    codes = list(who)

    def forces(fid: str) -> set[str]:
        return set(reg[fid]["forces"])

    gave = {c for c in codes if any(r["force_code"] == c and r["status"] in ("answered",
                                                                         "partial")
                                    and r["value"] for r in answers)}
    assert forces("data-gaps/gaps_responded") == {who[c] for c in gave}
    assert reg["data-gaps/gaps_responded"]["raw"] == len(gave)

    def total(code: str) -> int | None:
        parts = [value[(code, q, "ye_mar_2023")] for q in ("Q9", "Q10")]
        if all(p["status"] in ("answered", "partial") and p["value"] for p in parts):
            return sum(int(p["value"]) for p in parts)
        return None

    low = {who[c] for c in codes if total(c) is not None and total(c) <= 10}
    assert forces("spo/spo_band_low") == low and reg["spo/spo_band_low"]["text"] == str(len(low))
    officers = {who[c] for c in codes if value[(c, "Q6", "at_request")]["value"]
                and int(value[(c, "Q6", "at_request")]["value"]) > 0}
    assert forces("officers/officers_at_least_one") == officers
    pledged = {r["force_code"] for r in rows(DATA / EDITION / "pcc_commitments.csv")
               if r["committed"] == "true"}

    def q1(code: str, period: str) -> int | None:
        row = value[(code, "Q1", period)]
        return int(row["value"]) if row["status"] in ("answered", "partial") and row[
            "value"] else None

    fell = {who[c] for c in codes if c in pledged and c in gave
            and q1(c, "ye_mar_2022") is not None and q1(c, "ye_mar_2023") is not None
            and q1(c, "ye_mar_2023") < q1(c, "ye_mar_2022")}
    # Which forces they are is not printed while the commitments are constructed (no act of a
    # named office from constructed data): the count is, and the list says it is withheld.
    decreased = reg["reports/reports_decreased"]
    assert not decreased["forces"] and decreased["forces_status"] == "unpublished"
    assert decreased["raw"] == len(fell)


@pytest.mark.build  # executes every notebook of the edition
def test_changing_one_answer_changes_exactly_what_depends_on_it(tmp_path: Path):
    data = tmp_path / "data"
    copy_data(data)

    def edit(table: list[dict[str, str]]) -> None:
        row = next(r for r in table if (r["force_code"], r["question_id"]) == ("E23000008",
                                                                             "Q11"))
        row["value"] = str(int(row["value"]) + 1)  # Durham: one more order stopped in-force

    rewrite_csv(data / EDITION / "foi_returns.csv", edit)
    rewrite_csv(data / EDITION / "national.csv", lambda table: [
        dict(r, value="131300") if (r["measure"], r["period"]) == ("recorded_stalking",
                                                                   "unconfirmed") else r
        for r in table])
    book = tmp_path / "book"
    execute(ROOT / "notebooks", book, load_edition(data, EDITION))
    changed = register.compare(committed(), review.from_notebooks(book, data / EDITION /
                                                                  "chapters"))
    # 2,196 / 131,300 still rounds to 1.7% (and 1.67%, and 17 per 1,000): only the count and
    # what is left of it move; Durham's Q11 is printed only as the national total.
    # Each count moves with the phrases that print it with its noun ("131,300 stalking
    # offences"), registered beside it.
    by_id = {c.id: c for c in changed}
    assert set(by_id) == {"spo/spo_not_authorised", "spo/spo_not_authorised_applications",
                          "attrition/att_recorded", "attrition/att_recorded_stalking_offences",
                          "attrition/att_recorded_recorded_stalking_offences",
                          "attrition/att_not_convicted"}
    assert by_id["attrition/att_recorded_stalking_offences"].new == "131,300 stalking offences"
    assert (by_id["attrition/att_recorded"].old, by_id["attrition/att_recorded"].new) == (
        "131,200", "131,300")
    assert by_id["attrition/att_not_convicted"].new == "129,104"
    spo = by_id["spo/spo_not_authorised"]
    assert int(spo.new.replace(",", "")) == int(spo.old.replace(",", "")) + 1
    assert spo.pages == ["spo"]


# --- review: what changed ----------------------------------------------------------------------

def test_compare_prints_each_changed_figure_with_its_pages(tmp_path: Path):
    before = json.loads(register.to_json(committed()))
    for entry in before["figures"]:
        if entry["id"] == "spo/spo_band_low":
            entry["text"] = "13"
    before["figures"] = [e for e in before["figures"] if e["id"] != "spo/spo_band_mid"]
    (tmp_path / "figures.json").write_text(json.dumps(before))
    result = run_cli("figures", "--compare", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    band = next(line for line in lines if line.startswith("spo/spo_band_low "))
    # (the map's legend on find-your-force prints the band's count too: fact-check 8, B9)
    assert "13 -> 12" in band and "(spo, find-your-force, index, summary)" in band
    assert any(line.startswith("spo/spo_band_mid ") and "(new) -> 8" in line for line in lines)
    assert "2 published figures changed" in result.stdout


def test_compare_reads_a_git_revision(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "book", repo / "book")
    shutil.copytree(DATA / EDITION / "chapters", repo / "data" / EDITION / "chapters")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "book"], check=True)
    at_head = review.from_git(repo, "HEAD", EDITION)
    assert register.compare(at_head, committed()) == []
    with pytest.raises(review.ReviewError, match="not a git revision"):
        review.from_git(repo, "no-such-revision", EDITION)


@pytest.mark.build  # executes every notebook of the edition
def test_fresh_execution_shows_what_the_data_now_give(tmp_path: Path):
    """What `make test` prints when nbval fails: the committed notebooks against the data (of
    nine forces here: a national figure is compared the same whatever the number of forces,
    and a fifth of the notebooks are executed)."""
    data = small_data(DATA, tmp_path / "data")
    rewrite_csv(data / EDITION / "national.csv", lambda table: [
        dict(r, value="2200") if r["measure"] == "convicted" else r for r in table])
    result = run_cli("figures", "--data-dir", str(data), "--out", str(tmp_path / "out"),
                     "--fresh", "--compare", str(ROOT / "book"))
    assert result.returncode == 0, result.stderr
    assert "attrition/att_convicted" in result.stdout
    assert "2,196 -> 2,200" in result.stdout
    assert not (ROOT / "book" / "figures-fresh").exists()


# --- the built site ------------------------------------------------------------------------------

@pytest.mark.build
def test_each_figure_in_the_text_links_to_its_entry(built: Built):
    reg = {e["id"]: e for e in json.loads(
        register.register_json(built.html / "book" / "downloads").read_text())["figures"]}
    register_page = BeautifulSoup(built.page("figures"), "html.parser")
    ids = {el["id"] for el in register_page.select("tr[id]")}
    assert len(ids) == len(reg)
    linked = 0
    for page in sorted((built.html / "book").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a.nsc-figure"):
            target = link["href"].split("#")[1]
            entry = next(e for e in reg.values() if register.anchor(e["id"]) == target)
            # The figure itself, or the figure with its noun ("27 forces") linked to it.
            assert (link.get_text() == entry["text"]
                    or link.get_text().startswith(entry["text"] + " ")), (page.name, target)
            assert link["data-definition"] == entry["definition"]
            assert target in ids
            linked += 1
    # Every page that glues a figure links it; a figure printed within a sentence of several
    # figures or a chart's title is marked there, not linked (its `printed_within` pages).
    assert linked >= sum(len(set(e["pages"]) - set(e.get("printed_within") or []))
                         for e in reg.values() if e["kind"] == "figure")
    assert any(e.get("printed_within") for e in reg.values())
    index = BeautifulSoup(built.page("index"), "html.parser")
    rate = next(a for a in index.select("a.nsc-figure") if a.get_text() == "1.7%")
    assert rate["href"] == "figures.html#fig-attrition-att_rate"
    # The headline cites the release that states it; the arithmetic on the press counts has
    # its own entry, marked unverified.
    entry = register_page.select_one("#fig-attrition-att_rate").get_text(" ")
    # Its data are named as a reader finds them (the workbook), not by a repository path.
    assert "press release" in entry and "the national figures the report cites" in entry
    assert "data/2024/" not in entry
    exact = register_page.select_one("#fig-attrition-att_rate_exact").get_text(" ")
    assert "2196 ÷ 131200" in exact and "unverified" in exact
    downloads = built.html / "book" / "downloads"
    csv_rows = list(csv.DictReader((downloads / "figures-illustrative.csv").open()))
    assert len(csv_rows) == len(reg)


@pytest.mark.build
def test_every_registered_value_is_printed_as_registered(built: Built):
    """Sentences and labels too: each value's text is on every page the register names."""
    def plain(text: str) -> str:
        text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("‘", "'")
        return (" ".join(text.split()).replace(" .", ".").replace(" ,", ",")
                .replace(" :", ":").replace(" ;", ";").replace(" )", ")"))

    texts: dict[str, str] = {}
    checked = 0
    for entry in json.loads(register.register_json(built.html / "book" / "downloads").read_text())[
            "figures"]:
        for page in entry["pages"]:
            path = built.html / "book" / f"{page}.html"
            if not path.exists():
                continue  # a page of the printed report only
            if page not in texts:
                soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                for mark in soup.select(".nsc-mark"):  # a sentence's mark before its full stop
                    mark.decompose()
                # The text a chart writes (its layers' text marks: a count at a bar's end) is
                # printed on the page too.
                labels = []
                for script in soup.select('script[type="application/json"][id$="-spec"]'):
                    spec = json.loads(script.string or "{}")
                    fields = {layer["encoding"]["text"]["field"] for layer in spec.get("layer", [])
                              if "field" in (layer.get("encoding") or {}).get("text", {})}
                    labels += [str(row[f]) for rows in spec.get("datasets", {}).values()
                               for row in rows for f in fields if f in row]
                texts[page] = plain(" ".join([soup.select_one("main").get_text(" "), *labels]))
            # A sentence that marks its own figures (fact-check 5, B7) holds its marks in its
            # text: taken out of it, as out of the page.
            expected = plain(entry["text"])
            if entry.get("inline"):
                expected = expected.replace("‡", "").replace("†", "")
            assert expected in texts[page], (entry["id"], page)
            checked += 1
    assert checked > 600  # every chapter, the landing page, the summary and 43 force pages


@pytest.mark.build
def test_the_pdf_has_the_register_annex(built: Built):
    if not built.pdf.exists():
        pytest.skip("no PDF (Chromium missing)")
    from helpers import pdf_pages

    text = "\n".join(pdf_pages(built.pdf))
    annex = " ".join(text[text.rindex("Annex: where each figure comes from"):].split())
    assert "1.7%" in annex and "headline conviction rate" in annex
