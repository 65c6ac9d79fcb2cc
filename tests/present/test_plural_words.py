"""A count prints with its noun in the right number ("1 force", "2 forces"), chosen by the
language's plural rules in the words file, never "1 forces" (issue 32, the class of "applied
for 1, and 1 were granted").

The first test reads every words file: a value followed by a countable noun in the plural (or
by "were") must be the selector of a variant, so that its one-form can be written. The others
render the sentences a tester found wrong with the values that showed it.
"""

from __future__ import annotations

import re
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from nsc_report.present import words

# Countable nouns the report counts, in the plural, as they follow a number in its sentences.
PLURALS = ("forces", "questions", "days", "offences", "cases", "defendants", "orders",
           "figures", "answers", "outcomes", "applications", "officers", "requests")
# A number, then at most three words (recorded stalking ...) but not "of" (a share: "12% of
# the forces"), then a plural noun; or "were".
NOUN = "|".join(PLURALS)
COUNTED = re.compile(rf"\s+(?:(?:(?!of\b)[a-z-]+\s+){{0,3}}(?:{NOUN})\b|were\b)")
# Values followed by such words that are not counts (names, periods, lists), or never one:
# $of in force-standing's ranked variant (ranking needs two forces); $second, the SPO band's
# upper edge (30); $low_label, an SPO band's words ("10 or fewer").
NOT_COUNTS = {"year", "previous", "period", "questions", "who", "first", "last", "edition",
              "current", "label", "band", "months", "title", "top", "of", "second",
              "low_label"}


def _unselected(pattern: ftl.Pattern, selected: frozenset[str], found: list[str]) -> None:
    """Each value in `pattern` followed by a counted noun outside a variant chosen by it."""
    elements = pattern.elements
    for i, element in enumerate(elements):
        if not isinstance(element, ftl.Placeable):
            continue
        expression = element.expression
        if isinstance(expression, ftl.SelectExpression):
            chooser = expression.selector
            more = ({chooser.id.name} if isinstance(chooser, ftl.VariableReference)
                    else set())
            for variant in expression.variants:
                _unselected(variant.value, selected | more, found)
        elif isinstance(expression, ftl.VariableReference):
            name = expression.id.name
            after = elements[i + 1] if i + 1 < len(elements) else None
            text = after.value if isinstance(after, ftl.TextElement) else ""
            if name not in selected and name not in NOT_COUNTS and COUNTED.match(text):
                found.append(f"${name}{text[:40]!r}")


def test_every_count_followed_by_a_plural_noun_has_a_variant_for_one() -> None:
    problems = []
    for path in words.files(words.PROJECT_FOLDER):
        for entry in FluentParser().parse(path.read_text("utf-8")).body:
            if isinstance(entry, ftl.Message) and entry.value is not None:
                found: list[str] = []
                _unselected(entry.value, frozenset(), found)
                problems += [f"{path.name}: {entry.id.name}: {f}" for f in found]
    assert not problems, "a count with a plural noun and no [one] variant:\n" + "\n".join(
        problems)


def test_no_message_writes_a_plural_in_brackets() -> None:
    """'2 figure(s) changed': the variant for one is written instead."""
    found = [f"{path.name}: {line.strip()[:60]}" for path in words.files(words.PROJECT_FOLDER)
             for line in path.read_text("utf-8").splitlines()
             if not line.startswith("#") and re.search(r"[a-z]\(s\)", line)]
    assert not found, found


def test_the_check_reads_a_count_without_a_variant() -> None:
    """The check above can fail: a message of the old kind is found."""
    entry = FluentParser().parse("m = Of { $total } responding forces, { $c } were convicted\n"
                                 ).body[0]
    found: list[str] = []
    _unselected(entry.value, frozenset(), found)
    assert [f.split("'")[0] for f in found] == ["$total", "$c"]


def test_one_working_day() -> None:
    w = words.Words("methodology")
    text = w.text("methodology-timeliness", case="answered", on_time=1, requests=1, deadline=1,
                  late=0, unanswered=0, median=1)
    assert "1 of the 1 force answered" in text
    assert "deadline of 1 working day," in text and "was 1 working day." in text
    many = w.text("methodology-timeliness", case="answered", on_time=20, requests=43,
                  deadline=20, late=7, unanswered=16, median=words.number(12.5))
    assert "deadline of 20 working days," in many and "was 12.5 working days." in many


def test_one_force_in_the_titles_and_descriptions() -> None:
    spo = words.Words("spo")
    assert spo.text("spo-chart-title", low=1, forces=1, label="10 or fewer").startswith(
        "1 of 1 force applied")
    assert "1 force applied in" in spo.text(
        "spo-chart-alt", low=1, low_label="a", mid=0, mid_label="b", high=0, high_label="c",
        top="Durham", named=True, most=1234, median=words.count(1234))
    officers = words.Words("officers").text("officers-chart-alt", total=1, some=1, none=0,
                                            unstated=0)
    assert officers.startswith("Bar chart. Of 1 responding force,")
    reports = words.Words("reports").text("reports-chart-title", grouped=True, decreased=0,
                                          comparable=1, increased=0, forces=1)
    assert reports.startswith("0 of 1 force whose")
    alike = words.Words("reports").text("reports-chart-title", grouped=False, decreased=0,
                                        comparable=1, increased=0, forces=1)
    assert alike.startswith("0 of the 1 force that gave")
    gaps = words.Words("data-gaps").text(
        "data-gaps-chart-alt", asked=43, questions=13, responded=1, not_responded=42,
        no_response=40, refused_s12=1, other="1 refused under another exemption", over_half=1)
    assert "1 force gave at least one figure" in gaps and "1 force answered more" in gaps
    force = words.Words("force")
    intro = force.text("force-intro-no-figures", who="Durham", forces=1, region="North East",
                       illustrative=False, status="no_response", mark="")
    assert intro.startswith("Durham is the one police force of England and Wales we asked")
    court = words.Words("published").text(
        "published-court", given=True, period="2022", proceedings=1, who="Durham",
        convicted=True, c=1, national=False)
    assert "1 defendant was proceeded against" in court and "1 was convicted" in court


def test_the_data_gaps_description_says_what_it_counts() -> None:
    """Forces that refused under another exemption and forces that held no information are
    counted apart (measures/response.py), and the words name only the kinds the data hold: two
    forces that both refused are not said to have "refused ... or held no information" (the
    third fact-check, finding 18)."""
    w = words.Words("data-gaps")
    other = {(r, n): w.text("data-gaps-other", refused=r, not_held=n)
             for r in (0, 2) for n in (0, 1)}
    assert other[(2, 0)] == "2 refused under another exemption"
    assert other[(0, 1)] == "1 held no information"
    assert other[(2, 1)] == "2 refused under another exemption and 1 held no information"
    assert "no force" in other[(0, 0)]
    assert not any(" or held" in t for k, t in other.items() if k != (0, 0))
    alt = w.text("data-gaps-chart-alt", asked=43, questions=13, responded=27, not_responded=16,
                 no_response=10, refused_s12=3, other=other[(2, 0)], over_half=9)
    assert "3 refused on cost and 2 refused under another exemption." in alt
    assert "held no information" in w.text("data-gaps-def-silent", answer="not_held")
    assert "held no information" not in w.text("data-gaps-def-silent", answer="refused_other")
    chapter = " ".join((Path(words.PROJECT_FOLDER) / "data-gaps.md").read_text("utf-8").split())
    assert "and {glue:text}`gaps_other_text`." in chapter
    assert "or held no information" not in chapter


def test_the_conviction_rate_is_said_to_be_of_recorded_offences() -> None:
    """The rate divides convictions by recorded offences: it is not the share of cases that
    ended in a conviction, whatever the release's headline says (which the title attributes)."""
    w = words.Words("attrition")
    for stated in (True, False):
        title = w.text("attrition-chart-title", stated=stated, rate=words.pct(1.67, 1))
        assert "1.7% of the number of stalking offences police recorded" in title
        assert "cases result in" not in title and "ended in a conviction" not in title
    assert "release" in w.text("attrition-chart-title", stated=True, rate=words.pct(1.7, 1))


# --- the chapters' templates (notebooks/*.md, the edition's chapters) -------------------------

# A glued value, then the words a template types after it: a count followed by a plural noun
# (or "were") prints "1 forces" where the count is one, since Markdown cannot choose a variant.
# The count is glued with its noun instead (`<key>_<noun>`, label-counted in labels.ftl).
GLUED = re.compile(r"\{glue(?::text)?\}`(?:[^`]*::)?([a-z0-9_]+)(?::[^`]*)?`")
# The words after it: at most three words that are not "of" (a share: "12% of the forces") nor a
# verb of which the count is the subject ("3 gave any figures"), then a plural noun; or "were".
TEMPLATE_NOUNS = "|".join((*PLURALS, "sources", "convictions"))
TYPED = re.compile(rf"\s+(?:(?:(?!of\b|gave\b|could\b)[a-z-]+\s+){{0,3}}(?:{TEMPLATE_NOUNS})\b"
                   rf"|were\b)")
# Glued values a plural follows that are not counts: a rate printed rounded ("about 17
# convictions for every 1,000"), and an SPO band's words ("10 or fewer cases").
TEMPLATE_NOT_COUNTS = {"att_per_1000", "spo_band_low_label", "spo_band_mid_label",
                       "spo_band_high_label"}


def typed_plurals(text: str) -> list[str]:
    """Each glued count in `text` that a typed plural noun follows."""
    return [f"{m[1]}{text[m.end():m.end() + 30]!r}" for m in GLUED.finditer(text)
            if m[1] not in TEMPLATE_NOT_COUNTS and TYPED.match(text, m.end())]


def test_no_template_types_a_plural_noun_after_a_glued_count() -> None:
    root = Path(words.PROJECT_FOLDER).parent
    problems = [f"{path.relative_to(root)}: {found}"
                for path in sorted([*root.glob("notebooks/*.md"),
                                    *root.glob("data/*/chapters/*.md")])
                for found in typed_plurals(path.read_text("utf-8"))]
    assert not problems, ("a glued count followed by a typed plural noun prints '1 forces'; "
                          "glue the count with its noun (<key>_<noun>):\n" + "\n".join(problems))


def test_the_template_check_reads_a_typed_plural() -> None:
    """The check above can fail: the templates' old kind is found, and what is not a count is
    not."""
    text = ("Of the {glue:text}`officers_responding` forces, {glue:text}`cop_asked` police\n"
            "forces; {glue:text}`oo_malcomms` were charged; {glue:text}`cop_responded` gave any "
            "figures; {glue:text}`gaps_full_share` of answers; {glue:text}`meth_forces_forces`.")
    assert [f.split("'")[0] for f in typed_plurals(text)] == [
        "officers_responding", "cop_asked", "oo_malcomms"]


def test_a_count_glued_with_its_noun_is_in_its_number() -> None:
    w = words.Words("labels")
    for noun, one, many in (("forces", "1 force", "27 forces"),
                            ("police-forces", "1 police force", "27 police forces"),
                            ("were", "1 was", "27 were"), ("such-cases", "1 such case",
                                                            "27 such cases")):
        assert w.text("label-counted", n=words.count(1), noun=noun) == one
        assert w.text("label-counted", n=words.count(27), noun=noun) == many
    assert w.text("label-counted", n=words.count(1234), noun="offences") == "1,234 offences"
