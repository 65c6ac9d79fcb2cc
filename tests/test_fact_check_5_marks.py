"""What the fifth fact-check found about marks and words on the force pages (docs/reviews,
fact-check-5, B1, B7 and B9), tested on the built site and its register, and on the local
notes as `nsc-report press` writes them."""
from __future__ import annotations

import html
import json
import re

from helpers import EDITION, ROOT, Built

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.printing.press_notes import note_body
from nsc_report.publishing.register import glued

MARK = r'<sup class="nsc-mark nsc-mark-(\w+)"[^>]*>.*?</sup>'
STOP = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _register(built: Built) -> list[dict]:
    return json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]


def _paragraphs(page: str) -> list[str]:
    """A page's paragraphs and list items, as HTML, without scripts and styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.findall(r"<(?:p|li)\b[^>]*>(.*?)</(?:p|li)>", page, re.S)


def _marked_text(fragment: str) -> str:
    """A paragraph as a reader sees it: each mark as \x01, each linked figure printed with no
    mark after it (a published figure) between \x02 and \x03."""
    fragment = re.sub(MARK, "\x01", fragment, flags=re.S)
    fragment = re.sub(r'<a class="nsc-figure"[^>]*>([^<]*)</a>(?!\x01)',
                      lambda m: "\x02" + m.group(1) + "\x03", fragment)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)))
    return text.replace("’", "'")  # (the site prints an apostrophe curly)


def _pages(built: Built) -> dict[str, str]:
    book = built.html / "book"
    return {p.relative_to(book).with_suffix("").as_posix(): p.read_text(encoding="utf-8")
            for p in sorted([*book.glob("*.html"), *book.glob("forces/*.html")])}


def test_no_sentence_marked_at_its_end_holds_a_published_figure(built: Built):
    """B7: a mark at the end of a sentence marks every figure in it (the key), so such a
    sentence must hold no published figure: "No force‡ answered all 13 questions in full; the
    most complete force answered 92% of them‡" marked the 13 questions asked, and "That puts
    it in the band of 11 to 30 cases … with 7 other forces‡" the release's band."""
    found = []
    for name, page in _pages(built).items():
        for para in _paragraphs(page):
            for sentence in STOP.split(_marked_text(para)):
                sentence = sentence.strip()
                if re.search(r"\x01[.!?]?[”\")]*$", sentence) and "\x02" in sentence:
                    found.append((name, sentence.replace("\x01", "‡")))
    assert found == []
    # A sentence assembled from the data is one text of the register: the published counts
    # of its notebook (a count with its noun, "13 questions") must not stand inside a text
    # that is marked at its end (one that marks its own figures, `inline`, is not).
    figures = _register(built)
    counted = {}
    for f in figures:
        if f["kind"] == "text" and f["status"] == "published" and len(f.get("parts") or []) == 1:
            counted.setdefault(f["notebook"], set()).add(f["text"])
    # The release's bands ("11 to 30"), published labels of figures, wherever they are printed.
    labels = {f["text"] for f in figures
              if f["kind"] == "text" and f["status"] == "published" and f["key"].endswith("_label")}
    assert "11 to 30" in labels
    inside = [(f["id"], c) for f in figures
              if f["kind"] == "text" and f["status"] != "published" and not f.get("inline")
              and not f.get("parts")
              for c in counted.get(f["notebook"], set()) | labels
              if re.search(rf"(?<![\w.,]){re.escape(c)}\b", f["text"])]
    assert inside == []
    data_gaps = _marked_text(built.page("data-gaps"))
    assert "No force\x01 answered all \x0213\x03 questions in full; the most complete force " \
           "answered 92%\x01 of them." in data_gaps


def test_a_force_page_marks_each_constructed_figure_and_not_the_questions_asked(built: Built):
    """B1 and B7: "could not, or did not, give a full answer to 10 of the 13 questions. Each
    is listed here with what it said instead‡" left the constructed 10 unmarked and the list
    under it too; "it answered 6 of the 13 questions in full …‡" marked the 13."""
    pages = {k: v for k, v in _pages(built).items() if k.startswith("forces/")}
    assert len(pages) == 43
    some = 0
    for name, page in pages.items():
        gaps = re.search(r'<section id="what-it-could-not-tell-us">(.*?)</section>', page, re.S)
        assert gaps, name
        paras = [_marked_text(p) for p in _paragraphs(gaps.group(1))]
        said = paras[0]
        if "could not, or did not, give a full answer to" in said:
            some += 1
            assert re.search(r"give a full answer to \d+\x01 of the 13 questions\. ", said), said
            assert said.endswith("with how the report coded its answer."), said
        else:
            assert "\x01" in said, (name, said)  # "gave no figure‡ in answer to any …"
        # Every statement of its answers under the sentence ends with their mark.
        for item in paras[1:]:
            if item.strip() != "Nothing: every answer was complete.":
                assert re.search(r"\x01\.?$", item.strip()), (name, item)
        intro = next(p for p in map(_marked_text, _paragraphs(page)) if "is one of the" in p)
        assert "\x01" in intro, (name, intro)
        assert not re.search(r"\x01\.?$", intro.strip()), (name, intro)  # none at its end
        assert not re.search(r"\b\d+ of the 13 questions", intro), (name, intro)
    assert some >= 25
    dyfed = _marked_text(built.page("forces/dyfed-powys"))
    assert ("Dyfed-Powys could not, or did not, give a full answer to 10\x01 of the 13 "
            "questions. Each is listed here with how the report coded its answer.") in dyfed
    assert ("Q1 Number of stalking offences recorded, year ending March 2022: information "
            "not held in a retrievable form\x01") in dyfed


def test_a_force_that_gave_no_figure_is_said_so_with_the_mark_and_whose_note_it_is(
        built: Built):
    """B1: "Every question: refused: other exemption. Refused under section 31 (law
    enforcement)." named an exemption a real force supposedly used, unmarked, from constructed
    data, and read the report's coding note as the force's words."""
    north = _marked_text(built.page("forces/northamptonshire"))
    assert "Every question: refused" not in north
    assert ("Every question, as the report coded its answer: refused: other exemption; the "
            "report's note on it: Refused under section 31 (law enforcement)\x01.") in north
    london = _marked_text(built.page("forces/city-of-london"))
    assert ("Every question, as the report coded its answer: no response received by the "
            "report's deadline\x01.") in london
    assert "did not respond to our Freedom of Information request\x01, so" in london


def test_a_local_note_gives_the_reports_coding_notes_as_the_reports():
    """B1: local notes printed "(the force's note: Refused under section 31 (law
    enforcement))": the notes are the report's coding notes, not the force's words."""
    ed = load_edition(ROOT / "data", EDITION)
    codes = dict(zip(ed.forces["force_name"], ed.forces["force_code"], strict=True))
    with words.reading_from(ROOT / "notebooks"):
        page = note_body(ed, codes["Northamptonshire"],
                         glued(ROOT / "book" / "forces" / "northamptonshire.ipynb"), "its page")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "force's note" not in text and "force's words" not in text
    assert "; the report's note on it: Refused under section 31, law enforcement)‡" in text
    assert "refused: other exemption (13‡ of 13 questions)" in text
    for words_file in (ROOT / "notebooks").glob("*.ftl"):
        printed = "\n".join(line for line in words_file.read_text(encoding="utf-8").splitlines()
                            if not line.startswith("#"))
        assert "force's note" not in printed and "force's words" not in printed, words_file


def test_a_missing_rate_says_which_of_its_inputs_is_missing(built: Built):
    """B9: "… per 1,000 recorded offences: Hertfordshire gave no figure", though it gave its
    SPO figures: it gave no recorded offences, so it has no rate."""
    herts = _marked_text(built.page("forces/hertfordshire"))
    assert ("per 1,000 recorded offences: Hertfordshire gave its figures for orders but not "
            "the number of stalking offences it recorded in the year ending March 2023") in herts
    rates = ("Cases with an SPO application, counted by kind of order, per 1,000 recorded "
             "offences: ", "Change in recorded stalking since ")
    checked = 0
    for name, page in _pages(built).items():
        if not name.startswith("forces/"):
            continue
        text = _marked_text(page)
        for start in rates:
            for said in re.findall(re.escape(start) + r"[^(]*", text):
                checked += 1
                assert "gave no figure, so" not in said, (name, said)
    assert checked >= 43
