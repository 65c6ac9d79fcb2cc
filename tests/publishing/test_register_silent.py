"""A sentence a page prints only where it applies (a force's public answer, fact-check 5 B6)
is registered on every force page; where it prints nothing it has no entry in the register,
and is not reported as a glued figure without one."""

from __future__ import annotations

from helpers import ROOT

from nsc_report.publishing import register


def test_an_empty_sentence_has_no_entry_and_is_not_missing() -> None:
    book = register.build(ROOT / "book", [])
    by_id = book.by_id()
    south_yorkshire = by_id["forces/south-yorkshire/force_public_text"]
    assert south_yorkshire["text"].startswith("South Yorkshire has said that it has")
    assert south_yorkshire["status"] == "published"
    assert "forces/durham/force_public_text" not in by_id
    assert "forces/durham/force_public_text" in book.silent
    assert "forces/durham/force_public_text" in book.printed  # the template glues it
    assert register.unregistered(book) == []
