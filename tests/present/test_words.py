"""The words layer (present/words.py): Fluent files read with clear errors, values escaped for
the target, numbers printed by fmt while Fluent's plural rules see the number, and no message
ever printed with a hole in it."""

from __future__ import annotations

import html
import math
from pathlib import Path

import pytest
from docutils import nodes
from helpers import myst_doctree, myst_html

from nsc_report.infra.untrusted import markdown_text
from nsc_report.notebook import session
from nsc_report.present import fmt, words

WORDS = """\
# $who: a name; $n: how many.
greeting = Hello { $who }, you have { $n ->
        [0] no messages
        [one] { $n } message
       *[other] { $n } messages
    }.
plain = Nothing to fill in.
quoted = { $who } said: { $what }
link = <a href="{ $page }">{ $who }</a>
wrapped = <p>{ $inner }</p>
flag = { $ok ->
        [yes] fine
       *[no] not fine
    }
"""

HOSTILE = ["<script>alert(1)</script>", "{{glue}}", "[x](javascript:alert(1))",
           "{eval-rst}`.. raw:: html` **bold**", "`code` and $math$ and ~~strike~~",
           "# heading\n\n- item", '" onmouseover="alert(2)']


def make(tmp_path: Path, text: str = WORDS, name: str = "demo", locale: str = "en-GB"
         ) -> words.Words:
    (tmp_path / f"{name}.ftl").write_text(text, "utf-8")
    return words.Words(name, locale, where=tmp_path)


def test_a_message_is_rendered_with_its_values(tmp_path):
    w = make(tmp_path)
    assert w.text("greeting", who="Ann", n=0) == "Hello Ann, you have no messages."
    assert w.text("greeting", who="Ann", n=1) == "Hello Ann, you have 1 message."
    # Numbers are printed by fmt (thousands separators), and still select the plural.
    assert w.text("greeting", who="Ann", n=12345) == "Hello Ann, you have 12,345 messages."
    assert w.text("plain") == "Nothing to fill in."
    assert w.text("flag", ok=True) == "fine" and w.text("flag", ok=False) == "not fine"
    assert "\u2068" not in w.text("greeting", who="Ann", n=2)  # no bidi isolation marks


def test_numbers_keep_fmt_and_their_plural_category(tmp_path):
    w = make(tmp_path)
    assert w.text("greeting", who="A", n=words.number(2.25, 1)) == "Hello A, you have 2.2 messages."
    assert w.text("greeting", who="A", n=words.number(1.0, 1)) == "Hello A, you have 1 message."
    assert w.text("greeting", who="A", n=words.count(1)) == "Hello A, you have 1 message."
    assert w.text("quoted", who="A", what=words.pct(66.666)) == f"A said: {fmt.pct(66.666)}"
    assert w.text("quoted", who="A", what=words.signed_pct(4.06)) == "A said: +4.1%"
    assert words.count(1234).text == fmt.count(1234)


def test_a_value_from_outside_is_text_for_every_target(tmp_path):
    w = make(tmp_path)
    for value in HOSTILE:
        assert w.text("quoted", who=value, what=value) == f"{value} said: {value}"
        assert w.html("link", page=value, who=value) == (
            f'<a href="{html.escape(value)}">{html.escape(value)}</a>')
        assert w.markdown("quoted", who=value, what=value) == (
            f"{markdown_text(value)} said: {markdown_text(value)}")


def test_a_long_value_is_printed_whole_even_inside_a_variant(tmp_path):
    """Fluent refuses a placeable of more than 1,000 characters: a version listing a hundred
    figures, or a force's long note, failed the build (a variant holding the value counts)."""
    w = make(tmp_path, WORDS + "listed = { $some ->\n        [yes] Figures: { $what }.\n"
                              "       *[no] None.\n    }\n")
    long = ", ".join(f"forces/force-{i}/pub_group_text <b>" for i in range(120))
    assert w.text("listed", some=True, what=long) == f"Figures: {long}."
    assert w.html("listed", some=True, what=long) == f"Figures: {html.escape(long)}."
    assert w.markdown("quoted", who="A", what=long) == f"A said: {markdown_text(long)}"


@pytest.mark.parametrize("config", ["myst", "commonmark"])
def test_hostile_values_in_markdown_stay_words_in_myst(tmp_path, config):
    w = make(tmp_path)
    for value in HOSTILE:
        rendered = w.markdown("quoted", who="Force", what=value)
        page = myst_html(rendered, config)
        for markup in ("<script", "<a ", "<h1", "<ul", "<code", "<strong", "<em>", "<del"):
            assert markup not in page, (value, page)
        tree = myst_doctree(rendered, config)
        assert not list(tree.findall(nodes.raw)) and not list(tree.findall(nodes.reference))
        assert " ".join(value.split()) in tree.astext()


def test_rendered_words_go_into_a_message_of_their_own_target_only(tmp_path):
    w = make(tmp_path)
    link = w.html("link", page="a.html", who="<A>")
    assert w.html("wrapped", inner=link) == '<p><a href="a.html">&lt;A&gt;</a></p>'
    # A plain string of markup is escaped: only the layer's own output is trusted.
    assert w.html("wrapped", inner='<a href="x">') == "<p>&lt;a href=&quot;x&quot;&gt;</p>"
    with pytest.raises(words.WordsError, match="rendered for html, not markdown"):
        w.markdown("wrapped", inner=link)
    listed = w.listing([link, "<b>"], "html")
    assert listed == '<a href="a.html">&lt;A&gt;</a> and &lt;b&gt;'


def test_lists_are_the_languages_and_equal_fmt_in_english(tmp_path):
    w = make(tmp_path)
    for n in range(5):
        items = [f"item {i}" for i in range(n)]
        assert w.listing(items) == fmt.listing(items)


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    bad = "ok = fine\n\nbroken = Hello { $who\nnext = more\n"
    with pytest.raises(words.WordsError, match=r"bad\.ftl, line 3: Expected token") as info:
        make(tmp_path, bad, "bad").text("ok")
    assert "broken" in str(info.value)
    with pytest.raises(words.WordsError, match=r"twice.ftl, line 2: .*'a' is defined twice"):
        make(tmp_path, "a = one\na = two\n", "twice").text("a")


def test_an_unknown_message_or_a_missing_value_is_an_error_never_a_hole(tmp_path):
    w = make(tmp_path)
    with pytest.raises(words.WordsError, match=r"demo\.ftl: no message 'nope'"):
        w.text("nope")
    with pytest.raises(words.WordsError, match=r"demo\.ftl, line 2: .*Unknown external: n"):
        w.text("greeting", who="Ann")
    for value in (None, math.nan, 2.5, [1]):
        with pytest.raises(words.WordsError, match=r"demo\.ftl, line 2: .*\$n"):
            w.text("greeting", who="Ann", n=value)
    with pytest.raises(words.WordsError, match="not a locale"):
        words.Words("demo", "xx-nowhere", where=tmp_path)
    with pytest.raises(Exception, match="there is nothing there"):
        words.Words("absent", where=tmp_path).text("x")


def test_a_words_file_that_is_a_link_is_refused(tmp_path):
    (tmp_path / "real.ftl").write_text("a = b\n")
    (tmp_path / "linked.ftl").symlink_to(tmp_path / "real.ftl")
    with pytest.raises(Exception, match="symbolic link"):
        words.Words("linked", where=tmp_path).text("a")


def test_welsh_has_six_plural_categories_and_the_layer_selects_each(tmp_path):
    cy = make(tmp_path, """\
dogs = { $n ->
        [zero] dim cŵn
        [one] { $n } ci
        [two] { $n } gi
        [few] { $n } chi
        [many] { $n } chi (many)
       *[other] { $n } ci (other)
    }
""", "cy", "cy")
    got = {n: cy.text("dogs", n=n) for n in (0, 1, 2, 3, 6, 4, 1000)}
    assert got == {0: "dim cŵn", 1: "1 ci", 2: "2 gi", 3: "3 chi", 6: "6 chi (many)",
                   4: "4 ci (other)", 1000: "1,000 ci (other)"}
    assert len(set(got.values())) == 7 and len({v.split(" ", 1)[-1] for v in got.values()}) == 6


def test_the_provenance_hook_marks_the_placeholder_in_each_target(tmp_path, monkeypatch):
    """Issue 33 appends a figure's mark to its placeholder: the hook sees status and target."""
    w = make(tmp_path)
    seen = []

    def mark(status, target):
        seen.append((status, target))
        return {"text": "‡", "markdown": "\\‡", "html": "<sup>‡</sup>"}[target] if status else ""

    monkeypatch.setattr(words, "provenance_mark", mark)
    n = words.count(3, status="illustrative")
    assert w.text("greeting", who="A", n=n) == "Hello A, you have 3‡ messages."
    assert w.html("quoted", who="A", what=n) == "A said: 3<sup>‡</sup>"
    assert w.text("greeting", who="A", n=4) == "Hello A, you have 4 messages."
    assert ("illustrative", "html") in seen


def test_the_folder_is_the_one_named_then_the_kernels_then_the_projects(tmp_path, monkeypatch):
    monkeypatch.delenv(words.FOLDER_ENV, raising=False)
    assert words.folder() == words.PROJECT_FOLDER
    monkeypatch.setenv(words.FOLDER_ENV, str(tmp_path))
    assert words.folder() == tmp_path
    with words.reading_from(tmp_path / "other"):
        assert words.folder() == tmp_path / "other"
    assert session.WORDS_ENV == words.FOLDER_ENV  # what the kernel sets is what is read


def test_recording_keeps_what_each_message_was_given(tmp_path):
    w = make(tmp_path)
    with words.recording() as calls, words.context("Durham"):
        w.text("greeting", who="Ann", n=2)
    w.text("plain")
    assert [(c.message, c.args, c.context, c.target) for c in calls] == [
        ("greeting", {"who": "Ann", "n": 2}, "Durham", "text")]


def test_sentences_run_in_turn_each_escaped_for_its_target():
    """A run of whole sentences (one per note, per measure): empty ones dropped, a value made
    safe for the target, words already rendered for it kept as they are."""
    w = words.Words("published")
    assert w.sentences(["One.", "", "Two <b>."]) == "One. Two <b>."
    html = w.sentences([words.Rendered("<em>One</em>.", "html"), "Two <b>."], "html")
    assert html == "<em>One</em>. Two &lt;b&gt;." and html.target == "html"
    assert w.sentences([]) == ""
