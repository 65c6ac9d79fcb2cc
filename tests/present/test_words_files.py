"""The words files in notebooks/ and the code that asks for their messages agree: every message
is used, every message asked for exists, and every variant renders with every value filled.

The uses are found in the code's syntax tree: a name bound to `words.of(ed, "<section>")` or
`words.Words("<section>")`, then `name.text("<message>", ...)` (or `.markdown`, `.html`). The
message id must be a literal, so that this test (and a reader) can see every use; a message
that picks its words by the data does so with a Fluent selector, not by a computed id.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report import sections as section_modules
from nsc_report.data import load_edition
from nsc_report.execution.templates import applies_to, section_calls, template_settings, templates
from nsc_report.present import proof, words
from nsc_report.printing.briefing import briefing_pages
from nsc_report.sections import force

PACKAGE = ROOT / "src" / "nsc_report"
METHODS = ("text", "markdown", "html")
LAYER = {PACKAGE / "present" / "words.py", PACKAGE / "present" / "proof.py"}  # not users
# Words files with no template beside them: the briefing (printed from the force pages), the
# PDF's cover and margins, the site's pages and notices around the chapters, the downloads and
# the data workbook, `nsc-report check`'s messages to authors, the words around every chart
# and table, and the request letters of the next edition.
WITHOUT_TEMPLATE = {"briefing", "print", "site", "downloads", "spreadsheets", "check", "edition",
                    "published", "counting-rules", "labels", "press", "cards", "charts",
                    "letters"}


def _section_of(node: ast.AST) -> str | None:
    """'force' for a call words.of(ed, "force") or words.Words("force") inside `node`."""
    for call in ast.walk(node):
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "words"):
            args = call.args[1:] if call.func.attr == "of" else (
                call.args[:1] if call.func.attr == "Words" else [])
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    return arg.value
                return "<not a literal>"
    return None


def uses(path: Path) -> tuple[set[tuple[str, str]], list[str]]:
    """The (section, message) pairs a module asks for, and the calls that cannot be read."""
    tree = ast.parse(path.read_text("utf-8"))
    bound: dict[str, set[str]] = defaultdict(set)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            section = _section_of(node.value)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if section and isinstance(target, ast.Name):
                    bound[target.id].add(section)
    found, problems = set(), []
    where = path.relative_to(ROOT)
    for name, sections in bound.items():
        if len(sections) != 1 or "<not a literal>" in sections:
            problems.append(f"{where}: {name} is bound to {sorted(sections)}: one literal "
                            f"section per name")
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in METHODS):
            continue
        receiver = node.func.value
        section = (next(iter(bound[receiver.id])) if isinstance(receiver, ast.Name)
                   and receiver.id in bound else _section_of(receiver))
        if section is None:
            continue
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{where}, line {node.lineno}: the message id is not a literal")
            continue
        found.add((section, first.value))
    return found, problems


def all_uses() -> tuple[set[tuple[str, str]], list[str]]:
    found, problems = set(), []
    for path in sorted(set(PACKAGE.rglob("*.py")) - LAYER):
        more, wrong = uses(path)
        found |= more
        problems += wrong
    return found, problems


def test_the_scan_finds_the_uses_it_should():
    found, _ = all_uses()
    assert ("force", "force-pcc") in found and ("force", "force-region-link") in found
    assert ("force", "force-heading") in found  # asked for in the briefing, through words.of
    assert ("briefing", "briefing-pdf-subject") in found
    # The words around every chart, the shared column headings and the request letters.
    assert ("charts", "charts-downloads") in found and ("labels", "label-column") in found
    assert ("letters", "letters-intro") in found and ("letters", "letters-period") in found
    assert len({m for s, m in found if s == "force"}) > 30


def test_every_message_asked_for_exists_and_every_message_is_used():
    found, problems = all_uses()
    assert not problems, "\n".join(problems)
    files = {p.stem: words.load(p.stem, words.PROJECT_FOLDER) for p in words.files(
        words.PROJECT_FOLDER)}
    missing = sorted(f"{s}: {m}" for s, m in found if s not in files or m not in files[s].messages)
    assert not missing, f"the code asks for messages its words file lacks: {missing}"
    unused = []
    for section, resource in files.items():
        asked = {m for s, m in found if s == section}
        reached = set(asked)
        for message in asked & set(resource.messages):
            reached |= proof.references(resource.messages[message], resource)
        unused += [f"{resource.where(m)}: {m}" for m in resource.messages if m not in reached]
    assert not unused, "messages no code uses (remove them, or use them):\n" + "\n".join(unused)


def test_every_words_file_belongs_to_code_that_uses_it():
    found, _ = all_uses()
    for path in words.files(words.PROJECT_FOLDER):
        assert path.stem in {section for section, _ in found}, f"{path}: no code uses it"
        # Beside its section's template, or the words of what no template makes.
        assert (path.parent / f"{path.stem}.md").is_file() or path.stem in WITHOUT_TEMPLATE, path


def _rendered(sections: list[proof.Section]) -> list[tuple[str, proof.Variant]]:
    return [(f"{s.path.name}: {e.message} [{v.condition}]", v)
            for s in sections for e in s.entries for v in e.variants]


def _source(section: proof.Section, message_id: str) -> str:
    """A message's own words in its file, with those of the messages it refers to."""
    resource = words.load(section.path.stem, section.path.parent)
    ids = [message_id, *proof.references(resource.messages[message_id], resource)]
    spans = [resource.messages[i].span for i in ids if i in resource.messages]
    return "\n".join(resource.text[span.start:span.end] for span in spans if span)


def _holes(sections: list[proof.Section]) -> list[str]:
    """Variants that print a placeholder unfilled, or a missing value as Python prints it
    ('None', 'nan'), but for those letters where the author wrote them ('None of the
    forces': the letters and the few after them stand so in the message's own words)."""
    found = []
    for s in sections:
        for e in s.entries:
            source = _source(s, e.message)
            for v in e.variants:
                for hole in ("{$", "{ $", "???", "\u2068", "None", "nan"):
                    # Python's None and nan as words, not inside one ("provenance").
                    pattern = rf"\b{hole}\b" if hole.isalpha() else re.escape(hole)
                    at = [m.start() for m in re.finditer(pattern, v.text)]
                    if any(not hole.isalpha() or v.text[i:i + len(hole) + 4] not in source
                           for i in at):
                        found.append(f"{s.path.name}: {e.message} [{v.condition}]: {v.text!r}")
    return found


@pytest.fixture(scope="module")
def recorded() -> list[words.Call]:
    """What the force page's code gives a handful of forces that cover most variants."""
    ed = load_edition(DATA, EDITION)
    codes = dict(zip(ed.forces["force_name"], ed.forces["force_code"], strict=True))
    with words.recording() as calls:
        for who in ("Durham", "Cleveland", "City of London", "Greater Manchester",
                    "Northumbria", "Hertfordshire", "West Yorkshire"):
            with words.context(who):
                force.figures(ed, codes[who])
                force.gaps_list(ed, codes[who])
                force.answers_table(ed, codes[who])
                force.region_links(ed, codes[who])
                force.standing_chart(ed, codes[who])
                force.briefing_link(ed, codes[who])
        # The briefings, from the committed executed notebooks (as `nsc-report pdf` prints them).
        for _ in itertools.islice(briefing_pages(ROOT / "book", ed), 3):
            pass
        # Every chapter, as its template calls its section (as `nsc-report proof` does).
        modules = {info.name: importlib.import_module(f"{section_modules.__name__}.{info.name}")
                   for info in pkgutil.iter_modules(section_modules.__path__)}
        for template in templates(ROOT / "notebooks"):
            settings = template_settings(template)
            if settings.get("each") or not applies_to(settings, ed):
                continue
            with words.context(template.stem):
                for call in section_calls(template):
                    eval(call, {**modules, "ed": ed})
    return calls


@pytest.mark.parametrize("real", [False, True], ids=["examples", "real values"])
def test_every_variant_of_every_message_renders_without_a_hole(recorded, real):
    sections = proof.sheet(words.PROJECT_FOLDER, recorded if real else [], "en-GB")
    assert sections and all(s.entries for s in sections)
    for where, variant in _rendered(sections):
        assert not variant.error, f"{where}: {variant.error}"
        assert variant.text.strip(), f"{where}: renders as nothing"
    assert not _holes(sections), "\n".join(_holes(sections))
    if real:
        texts = [v.text for _, v in _rendered(sections) if v.values.startswith("real")]
        assert any("Durham could not, or did not, give a full answer" in t for t in texts)
        assert any("forces said they had a dedicated stalking officer" in t for t in texts)
        assert any(t.startswith("Only ") and "could give a detailed breakdown of how often"
                   in t for t in texts)  # a chapter's chart, with the edition's figures


def test_every_selector_key_of_a_variant_can_be_reached_in_english():
    """A variant no value can select (a plural category English lacks) is a dead sentence."""
    sections = proof.sheet(words.PROJECT_FOLDER, [], "en-GB")
    dead = [where for where, v in _rendered(sections) if v.values.startswith("no value")]
    assert not dead, dead
