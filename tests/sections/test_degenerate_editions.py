"""Valid data never crashes a section (issue 30, item 6).

Hypothesis builds valid editions from the committed 2024 edition by changing foi_returns.csv
(every force silent on a question, nobody answering, a single responder, every figure zero, a
few small figures, an edition of one force), checks each with `load_edition`, then makes every
call of a section function that the templates in notebooks/ make (read from the templates
themselves, so that a new call is covered without editing this file) and renders the outputs.
Each must succeed; every figure glued must be text without NaN, NA or infinity; every register
must glue the same keys as the committed edition's (chapters and briefings name them); every
chart's specification must be valid JSON. Cheap: no notebook is executed and no book built
(one test at the end of this file does that, once, for the worst case).
"""

from __future__ import annotations

import ast
import csv
import functools
import importlib
import json
import math
import pkgutil
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import DATA, EDITION, ROOT, copy_data, run_cli, small_data
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nsc_report import sections
from nsc_report.data import Edition, load_edition
from nsc_report.execution.templates import (
    applies_to,
    section_calls,
    template_settings,
    templates,
)
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register

NO_FIGURE = ("not_held", "refused_s12", "refused_other", "no_response")
PARTIAL_NOTE = "Answered in part, without a figure"
# What a missing or impossible number prints as, if it reaches the page.
BAD_TEXT = re.compile(r"(?<![A-Za-z])(nan|NaN|inf)(?![A-Za-z])|<NA>")


# --- the calls the templates make ----------------------------------------------------------------

@functools.cache
def template_calls() -> tuple[tuple[str, dict[str, Any], tuple[str, ...]], ...]:
    """(template, its settings, its section calls) for every template."""
    found = tuple((t.stem, template_settings(t), tuple(section_calls(t)))
                  for t in templates(ROOT / "notebooks"))
    assert sum(len(calls) for _, _, calls in found) > 40, "the templates' calls were not found"
    return found


def _modules() -> dict[str, ModuleType]:
    """Every section module by the name a template imports it under."""
    return {info.name: importlib.import_module(f"{sections.__name__}.{info.name}")
            for info in pkgutil.iter_modules(sections.__path__)}


def outputs(ed: Edition, codes: list[str], skip: tuple[str, ...] = ()
            ) -> Iterator[tuple[str, Any]]:
    """What each template's calls return for this edition (per-force templates, for `codes`),
    but for calls of the modules named in `skip`."""
    namespace = {**_modules(), "ed": ed}
    done = set()
    for name, settings_, calls in template_calls():
        if not applies_to(settings_, ed):
            continue
        for code in codes if settings_.get("each") == "force" else [None]:
            for call in calls:
                if call.split(".")[0] in skip or (call, code) in done:
                    continue  # (a call two templates make is checked once)
                done.add((call, code))
                label = f"{name}: {call}" if code is None else f"{name}[{code}]: {call}"
                yield label, eval(call, {**namespace, "force_code": code})


# --- what every output must be -----------------------------------------------------------------

def check(label: str, out: Any, full: bool) -> None:
    """`full`: a chart's page markup and image too (vl-convert), not only its specification."""
    if isinstance(out, Register):
        for key, figure in out.figures.items():
            assert isinstance(figure.text, str), (label, key, figure.text)
            assert not BAD_TEXT.search(figure.text), (label, key, figure.text)
            if isinstance(figure.raw, float):
                assert math.isfinite(figure.raw), (label, key, figure.raw)
        json.dumps(out.record(), allow_nan=False)
        return
    if isinstance(out, AccessibleChart):
        for text in (out.title, out.caption, out.alt_text):
            assert not BAD_TEXT.search(text), (label, text)
        if full:
            json.dumps(out.web_spec(), allow_nan=False)  # the page's <script> must parse
            out.html(svg=out.svg())
        else:  # the data drawn, without Vega-Lite's schema check (slow)
            json.dumps(out.chart.to_dict(validate=False), allow_nan=False)
        out.csv()
        return
    if hasattr(out, "_repr_mimebundle_"):
        bundle = out._repr_mimebundle_()
        assert all(isinstance(v, str) for v in bundle.values()), label
    elif out is not None:
        text = getattr(out, "data", None)  # IPython's Markdown
        assert isinstance(text, str) and text.strip(), (label, out)
        assert not BAD_TEXT.search(text), (label, text)


@functools.cache
def committed_keys() -> dict[str, tuple[str, ...]]:
    """The keys each register of the committed edition glues, by call (forces alike)."""
    ed = load_edition(DATA, EDITION)
    return {re.sub(r"\[\w+\]", "", label): tuple(out.figures)
            for label, out in outputs(ed, [ed.forces["force_code"].iloc[0]])
            if isinstance(out, Register)}


def check_edition(data_dir: Path, codes: list[str] | None = None, full: bool = False,
                  skip: tuple[str, ...] = ()) -> None:
    ed = load_edition(data_dir, EDITION)  # valid: every file read and checked
    all_codes = list(ed.forces["force_code"])
    codes = [c for c in codes if c in all_codes] if codes else all_codes[:1]
    for label, out in outputs(ed, codes, skip):
        check(label, out, full)
        if isinstance(out, Register):
            assert tuple(out.figures) == committed_keys()[re.sub(r"\[\w+\]", "", label)], label


# --- editions built from the committed one -------------------------------------------------------

def _rewrite(path: Path, edit) -> None:
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    rows = edit(rows)
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _silence(row: dict[str, str], status: str) -> None:
    """No figure: a status that gives none, or a partial answer without one (with its note)."""
    row.update(status=status, value="", note=PARTIAL_NOTE if status == "partial" else "")


def apply(rows: list[dict[str, str]], changes: tuple) -> list[dict[str, str]]:
    """foi_returns.csv's rows after `changes`, kept valid: an SPO outcome (Q11-Q13) is never
    more than the force's applications (Q9 + Q10)."""
    for change in changes:
        kind, *args = change
        if kind == "silence":  # (question or None, period or None, status)
            question, period, status = args
            for row in rows:
                if question in (None, row["question_id"]) and period in (None, row["period"]):
                    _silence(row, status)
        elif kind == "responders":  # only these forces give any figure
            for row in rows:
                if row["force_code"] not in args[0]:
                    _silence(row, "no_response")
        elif kind == "values":  # every figure given becomes one of these, in turn
            given = [row for row in rows if row["value"]]
            for i, row in enumerate(given):
                row["value"] = str(args[0][i % len(args[0])])
    by_force: dict[str, dict[str, str]] = {}
    for row in rows:
        by_force.setdefault(row["force_code"], {})[row["question_id"]] = row["value"]
    for row in rows:
        mine = by_force[row["force_code"]]
        if row["question_id"] in ("Q11", "Q12", "Q13") and row["value"] and mine["Q9"] \
                and mine["Q10"]:
            row["value"] = str(min(int(row["value"]), int(mine["Q9"]) + int(mine["Q10"])))
    return rows


def build_edition(target: Path, changes: tuple, only_force: str | None = None) -> Path:
    """A scratch copy of data/ with `changes` made to the returns; with `only_force`, an
    edition of that one force (the reference list, oversight, commitments and published
    series cut down to it)."""
    copy_data(target)
    _rewrite(target / EDITION / "foi_returns.csv", lambda rows: apply(rows, changes))
    if only_force:
        for path in (target / "reference" / "forces.csv", target / "reference" / "oversight.csv",
                     target / EDITION / "pcc_commitments.csv",
                     target / EDITION / "foi_returns.csv"):
            _rewrite(path, lambda rows: [r for r in rows if r["force_code"] == only_force])
        _rewrite(target / "public" / "series.csv", lambda rows: [
            r for r in rows if r["force_code"] in (only_force, "K04000001")])
    return target


@functools.cache
def baseline() -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Force codes, question ids, and each question's periods, of the committed edition."""
    ed = load_edition(DATA, EDITION, lazy=True)
    periods = {q: list(ps) for q, ps in ed.questions.set_index("id")["periods"].items()}
    return list(ed.forces["force_code"]), list(periods), periods


CODES, QUESTIONS, PERIODS = baseline()
STATUS = st.sampled_from((*NO_FIGURE, "partial"))


@st.composite
def changes(draw: st.DrawFn) -> tuple:
    """A few changes, each making the edition more degenerate in one way."""
    options = [
        st.builds(lambda q, s: ("silence", q, None, s), st.sampled_from(QUESTIONS), STATUS),
        st.sampled_from(QUESTIONS).flatmap(lambda q: st.builds(
            lambda p, s: ("silence", q, p, s), st.sampled_from(PERIODS[q]), STATUS)),
        st.builds(lambda codes: ("responders", tuple(codes)),
                  st.lists(st.sampled_from(CODES), max_size=2, unique=True)),
        st.builds(lambda v: ("values", tuple(v)),
                  st.lists(st.integers(0, 3), min_size=1, max_size=3)),
    ]
    return tuple(draw(st.lists(st.one_of(options), min_size=1, max_size=3)))


# The degenerate editions the issue names, always tried (Durham answered; Cleveland did not).
NOBODY = (("silence", None, None, "no_response"),)
ALL_ZERO = (("values", (0,)),)
ONE_RESPONDER = (("responders", ("E23000008",)),)
NOT_HELD_Q1 = (("silence", "Q1", None, "not_held"),)  # and every question below


FROM_OTHER_FILES = ("published", "attrition")


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(changes=changes(), forces=st.lists(st.sampled_from(CODES), min_size=1, max_size=1),
       single=st.sampled_from([None, None, None, "E23000008", "E23000013"]))
@example(changes=NOBODY, forces=["E23000008"], single=None)
@example(changes=ALL_ZERO, forces=["E23000008", "E23000013"], single=None)
@example(changes=ONE_RESPONDER, forces=["E23000008", "E23000013"], single=None)
@example(changes=NOBODY, forces=["E23000013"], single="E23000013")
@example(changes=ONE_RESPONDER, forces=["E23000008"], single="E23000008")
@example(changes=(*ALL_ZERO, ("silence", "Q1", "ye_mar_2022", "partial")), forces=["E23000008"],
         single=None)
@example(changes=NOT_HELD_Q1, forces=["E23000008"], single=None)
def test_a_valid_edition_never_crashes_a_section(changes: tuple, forces: list[str],
                                                  single: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = build_edition(Path(tmp) / "data", changes, single)
        # Published statistics and the national counts read nothing from the returns: they are
        # checked here only where the list of forces changes (and on every edition below).
        check_edition(data_dir, [*forces, single] if single else forces,
                      skip=() if single else FROM_OTHER_FILES)


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_force_gives_a_figure_for_one_question(tmp_path: Path, question: str) -> None:
    """Every question in turn, all `not_held`: each section says what it can."""
    data_dir = build_edition(tmp_path / "data", (("silence", question, None, "not_held"),))
    check_edition(data_dir, ["E23000008"], skip=FROM_OTHER_FILES)


def test_nobody_answers_renders_every_chart(tmp_path: Path) -> None:
    """Nobody gave a figure: every output drawn as the page shows it (image included)."""
    check_edition(build_edition(tmp_path / "data", NOBODY), ["E23000008"], full=True)


def test_the_calls_are_read_from_the_templates() -> None:
    """A template's new call is checked here without editing this file; a call that needs a
    name other than `ed` and `force_code` would fail loudly, not be skipped."""
    calls = [call for _, _, cs in template_calls() for call in cs]
    assert "force.standing_chart(ed, force_code)" in calls
    assert "spo.figures(ed)" in calls
    for call in calls:
        used = {n.id for n in ast.walk(ast.parse(call)) if isinstance(n, ast.Name)}
        assert used - set(_modules()) <= {"ed", "force_code"}, call


@pytest.mark.build
def test_an_edition_nobody_answered_builds(tmp_path: Path) -> None:
    """The worst case end to end: nobody gave a figure, and the book still builds (an edition of
    nine forces: nobody is nobody however many were asked)."""
    data_dir = small_data(build_edition(tmp_path / "full", NOBODY), tmp_path / "data")
    load_edition(data_dir, EDITION)
    result = run_cli("build", "--data-dir", str(data_dir), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


# --- the words a degenerate edition prints (issue 32) -----------------------------------------

# A count with its noun or verb in the plural: "1 forces", "of 1 forces", "1 were".
ONE_PLURAL = re.compile(r"(?<![\d.,£])\b1 (?:[a-z]+ ){0,2}(?:forces|questions|days|offences|"
                        r"cases|defendants|orders|figures|outcomes|applications)\b|\b1 were\b")


def printed(out: Any) -> Iterator[str]:
    """Every text an output prints: a register's figures, a chart's words, Markdown."""
    if isinstance(out, Register):
        yield from (f.text for f in out.figures.values())
    elif isinstance(out, AccessibleChart):
        yield from (out.title, out.caption, out.alt_text)
    elif out is not None:
        yield str(getattr(out, "data", "") or "")


def test_an_edition_of_one_force_speaks_of_one_force(tmp_path: Path) -> None:
    """One force asked, and it answered: every title, description and sentence says "1 force",
    and the workbook's Forces sheet counts the forces it lists (it said "The 43")."""
    from nsc_report.publishing import spreadsheets
    from nsc_report.publishing.downloads import published_table, returns_table

    data_dir = build_edition(tmp_path / "data", ONE_RESPONDER, "E23000008")
    ed = load_edition(data_dir, EDITION)
    wrong = [f"{label}: {m[0]!r} in {text[max(0, m.start() - 50):m.end() + 20]!r}"
             for label, out in outputs(ed, ["E23000008"])
             for text in printed(out) for m in ONE_PLURAL.finditer(text or "")]
    assert not wrong, "\n".join(wrong)
    book = spreadsheets.workbook(ed, returns_table(ed), published_table(ed))
    titles = [sheet.title for sheet in book.sheets if sheet.name == "Forces"]
    assert titles == ["The 1 police force of England and Wales, with their codes and regions"]


def test_large_counts_in_the_spo_description_have_thousands_separators(tmp_path: Path) -> None:
    """The SPO chart's description printed the most applications and the median as bare
    digits ("3000"); every number prints through fmt, as the register prints them."""
    from nsc_report.sections import spo

    ed = load_edition(build_edition(tmp_path / "data", (("values", (1500,)),)), EDITION)
    alt = spo.chart(ed).alt_text
    # Each with its mark, and the force unnamed where the answers are constructed (fact-check 8).
    assert "applied in the most cases did so in 3,000‡; the median was 3,000‡." in alt, alt
    assert spo.figures(ed).figures["spo_median"].text == "3,000"
