"""`nsc-report check`: everything that stands between an edition and its publication.

Each problem names its file and line: illustrative data, a figure that is not published
printed without its caveat, a quotation that is not in its source, answers not yet in (a
force's rows of the returns left blank at import), `FILL IN` markers and last
year's values marked `BEFORE PUBLICATION`, what is carried over unchanged from the previous
edition (chapters, quotations, source documents), empty contact fields, facts about who
oversees a force or about a counting-rule change that were not checked against a source, and
links in the book's words that leave the site. The edition can be published only when the list
is empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nsc_report.data import (
    FILL_IN,
    DataValidationError,
    Edition,
    edition_paths,
    load_edition,
    not_yet,
)
from nsc_report.data.carried import carried_over, marked
from nsc_report.data.needs import LATER
from nsc_report.infra import files
from nsc_report.infra.untrusted import shortened
from nsc_report.present import labels, words
from nsc_report.publishing import press_check, register, review
from nsc_report.publishing.config import edition_chapters
from nsc_report.publishing.review import plain_count

LINK_OUT = re.compile(r"(?:\]\(|href=[\"'])(https?://[^)\"'\s]+)")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    what: str
    kind: str = ""  # for the one-line summary, where the words alone would not tell it
    count: int = 1  # how many the summary counts (one problem may list several forces)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}"


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


def _line_of(path: Path, pattern: str, after: str | None = None) -> int | None:
    """The first line matching `pattern` (after the first line matching `after`)."""
    started = after is None
    for number, line in enumerate(_lines(path), 1):
        if not started:
            started = bool(re.search(after, line))
            continue
        if re.search(pattern, line):
            return number
    return None


def _provenance(ed: Edition, meta_path: Path, root: Path) -> Iterator[Problem]:
    label = _label(meta_path, root)
    w = words.of(ed, "check")
    for name, entry in ed.meta.data_files.items():
        if entry.status == "illustrative":
            yield Problem(label, _line_of(meta_path, rf"^\s+{re.escape(name)}:", "^data_files:"),
                          w.text("check-illustrative-file", file=name), kind=ILLUSTRATIVE)
    for key, source in ed.meta.sources.items():
        line = _line_of(meta_path, rf"^\s+{re.escape(key)}:", "^sources:")
        if source.status == "illustrative":
            yield Problem(label, line, w.text("check-illustrative-source", key=key),
                          kind=ILLUSTRATIVE)
        elif source.status == "unverified" and not (source.caveat or "").strip():
            yield Problem(label, line, w.text("check-unverified-no-caveat", key=key),
                          kind=NO_CAVEAT)


def _fill_in(ed: Edition, paths: Iterable[Path], root: Path) -> Iterator[Problem]:
    """Values still to fill in, and last year's values standing in until publication."""
    w = words.of(ed, "check")
    for path in paths:
        for number, m in marked("\n".join(_lines(path))):
            # The key, its note and the value standing in, each cut at a word boundary (the
            # raw line, cut at 80 characters, ended mid-word: "this edition's t").
            yield Problem(_label(path, root), number, w.text(
                "check-still-marked", mark=m.mark, has_key=bool(m.key), key=m.key,
                value=m.value, has_value=bool(m.value) and m.mark not in m.value,
                note=m.note, line=m.line), kind=MARKED[m.mark])


def _contacts(ed: Edition, meta_path: Path, root: Path) -> Iterator[Problem]:
    label = _label(meta_path, root)
    w = words.of(ed, "check")
    if ed.meta.help is None:
        yield Problem(label, None, w.text("check-no-help"), kind=CONTACTS)
        return
    for key, value in ed.meta.help.model_dump().items():
        if not str(value).strip():
            yield Problem(label, _line_of(meta_path, rf"^\s+{key}:", "^help:"),
                          w.text("check-help-empty", key=key), kind=CONTACTS)


def _oversight(ed: Edition, root: Path) -> Iterator[Problem]:
    path = edition_paths(ed.directory.parent, ed.meta.edition)["oversight"]
    label = _label(path, root)
    day = ed.meta.publication_date.isoformat()
    w = words.of(ed, "check")
    for row, record in enumerate(ed.oversight.to_dict("records"), 1):
        current = record["from"] <= day and (not record["until"] or day <= record["until"])
        if current and record["checked"] != "yes":
            yield Problem(label, row + 1, w.text("check-oversight-unchecked",
                                                 body=str(record["body"]),
                                                 note=str(record["note"])), kind=UNCHECKED)


def _counting_rules(ed: Edition, root: Path) -> Iterator[Problem]:
    """A counting-rule change the book can print (in force by the publication date) that was
    not checked against its source."""
    path = edition_paths(ed.directory.parent, ed.meta.edition)["counting_rules"]
    w = words.of(ed, "check")
    for row, change in enumerate(ed.counting_rules, 1):
        if change.day <= ed.meta.publication_date and not change.checked:
            yield Problem(_label(path, root), row + 1, w.text(
                "check-rule-unchecked", month=labels.month(ed, change.day), note=str(change.note)),
                kind=UNCHECKED)


def _source_dates(ed: Edition, meta_path: Path, root: Path) -> Iterator[Problem]:
    """A source not shown to be public by the data cut-off: dated after it, or only to its
    month (or a later one), so that the day must still be found."""
    w = words.of(ed, "check")
    cut_off = ed.meta.cut_off
    for key, source in ed.meta.sources.items():
        if source.published is None:
            continue
        day = len(source.published) == 10
        when = dt.date.fromisoformat(source.published if day else f"{source.published}-01")
        if (when > cut_off) if day else (when.year, when.month) >= (cut_off.year, cut_off.month):
            yield Problem(_label(meta_path, root), _line_of(meta_path, rf"^\s+{key}:", "^sources:"),
                          w.text("check-source-date", citation=source.citation, day=day,
                                 when=labels.date(ed, when) if day else labels.month(ed, when),
                                 cut_off=labels.date(ed, cut_off)), kind=UNCHECKED)


def _not_yet(ed: Edition, root: Path) -> Iterator[Problem]:
    """Answers not yet in (rows `intake import` found untouched): one problem that lists the
    forces, each at the line of its first such row in the file's order, with what to do said
    once (said force by force it was 39 near-identical lines). They build as no response;
    published, they must be that on purpose."""
    path = edition_paths(ed.directory.parent, ed.meta.edition)["returns"]
    returns = ed.returns.reset_index(drop=True)  # in the file's order: row i on line i + 2
    waiting = returns[[not_yet(s, n) for s, n in zip(returns["status"], returns["note"],
                                                     strict=True)]]
    if waiting.empty:
        return
    w = words.of(ed, "check")
    forces = sorted(waiting.groupby("force_code", sort=False), key=lambda g: g[1].index[0])
    listed = "; ".join(w.text(
        "check-not-yet-in-force", force=str(rows["force_name"].iloc[0]), code=str(code),
        count=plain_count(len(rows)), line=str(int(rows.index[0]) + 2))
        for code, rows in forces)
    notes = shortened("; ".join(dict.fromkeys(str(n) for n in waiting["note"])), 120)
    yield Problem(_label(path, root), int(waiting.index[0]) + 2, w.text(
        "check-not-yet-in", forces=plain_count(len(forces)),
        answers=plain_count(len(waiting)), notes=notes, list=listed),
        kind=NOT_YET_IN, count=len(forces))


def _links(ed: Edition, paths: Iterable[Path], root: Path, allowed: set[str]
           ) -> Iterator[Problem]:
    w = words.of(ed, "check")
    for path in paths:
        for number, line in enumerate(_lines(path), 1):
            for url in LINK_OUT.findall(line):
                if url.rstrip("/") not in allowed:
                    yield Problem(_label(path, root), number,
                                  w.text("check-link-out", url=url), kind=LINKS)


def word_files(root: Path, ed: Edition) -> list[Path]:
    """The book's own words: chapters, the edition's chapters and the templates."""
    return sorted([*(root / "book").glob("*.md"), *edition_chapters(ed),
                   *(root / "notebooks").glob("*.md")])


def check(root: Path, data_dir: Path, edition: str, loaded: Edition | None = None,
          notebooks: Path | None = None, pack: Path | None = None) -> list[Problem]:
    """Every problem standing between the edition and its publication (`loaded`: the edition
    already loaded and validated by the caller, so that it is not read again; `notebooks`: the
    executed notebooks, whose figures are compared with those of the published versions and
    of the release pack; `pack`: the release pack's folder, <out>/press/)."""
    meta_path = data_dir / edition / "edition.yml"
    try:
        ed = loaded or load_edition(data_dir, edition, templates=root / "notebooks")
    except DataValidationError as exc:
        # Invalid data (a quotation not found in its source among them) blocks publication;
        # nothing else can be checked until it is valid.
        return [Problem(i.file, None, str(i)[len(i.file):].lstrip(", :"), kind=INVALID)
                for i in exc.issues]
    problems = [*_provenance(ed, meta_path, root),
                *_fill_in(ed, [*ed.files, *edition_chapters(ed)], root),
                *(Problem(c.file, c.line, c.what, kind=CARRIED) for c in carried_over(
                    data_dir, edition, ed.meta.previous_edition)),
                *_contacts(ed, meta_path, root), *_oversight(ed, root),
                *_counting_rules(ed, root), *_source_dates(ed, meta_path, root),
                *_not_yet(ed, root)]
    allowed = {u.rstrip("/") for u in ((ed.meta.help.website, ed.meta.help.site_url)
                                       if ed.meta.help else ()) if u}
    problems += _links(ed, word_files(root, ed), root, allowed)
    current = (review.from_notebooks(notebooks, ed.directory / "chapters")
               if notebooks is not None and any(notebooks.glob("*.ipynb")) else None)
    if notebooks is not None:
        problems += _unrecorded_changes(ed, notebooks, root, current)
        problems += _stated_differs(ed, notebooks, root)
    problems += _press(ed, root, current, pack)
    return problems


def _stated_differs(ed: Edition, notebooks: Path, root: Path) -> Iterator[Problem]:
    """A figure the edition's source states (stated.yml) that the data give otherwise: the
    data or the statement is wrong, and the book cannot print both."""
    if not any(notebooks.glob("*.ipynb")):
        return
    path = edition_paths(ed.directory.parent, ed.meta.edition)["stated"]
    w = words.of(ed, "check")
    for e in review.from_notebooks(notebooks, ed.directory / "chapters").entries:
        if e.get("stated_differs") is not None:
            yield Problem(_label(path, root), None, w.text(
                "check-stated-differs", figure=e["id"], text=e["text"],
                stated=e["stated_differs"], meaning=e.get("stated") or ""), kind=INVALID)


def _press(ed: Edition, root: Path, current: register.BookRegister | None,
           pack: Path | None) -> Iterator[Problem]:
    """The release templates, and the written pack against the report's figures."""
    entries = current.by_id() if current is not None else None
    w = words.of(ed, "check")
    found = [*press_check.template_problems(ed, entries)]
    if entries is not None and pack is not None:
        found += press_check.pack_problems(ed, pack, entries)
    # Each message by its literal id, so that the words files' users can be found.
    said = {"check-press-unknown": lambda v: w.text("check-press-unknown", **v),
            "check-press-typed-number": lambda v: w.text("check-press-typed-number", **v),
            "check-press-typed-quote": lambda v: w.text("check-press-typed-quote", **v),
            "check-press-not-in-register": lambda v: w.text("check-press-not-in-register", **v),
            "check-press-differs": lambda v: w.text("check-press-differs", **v),
            "check-press-no-mark": lambda v: w.text("check-press-no-mark", **v),
            "check-press-quote-differs": lambda v: w.text("check-press-quote-differs", **v)}
    for path, line, message, values in found:
        yield Problem(_label(path, root), line, said[message](values), kind=PRESS)


def _unrecorded_changes(ed: Edition, notebooks: Path, root: Path,
                        current: register.BookRegister | None = None) -> Iterator[Problem]:
    """A figure that differs from the last version whose figures were recorded
    (revisions/v<version>/figures.json) must be listed by a later version in revisions.yml."""
    recorded = sorted((p.parent for p in (ed.directory / "revisions").glob("v*/figures.json")),
                      key=lambda d: tuple(map(int, d.name[1:].split("."))))
    path = edition_paths(ed.directory.parent, ed.meta.edition)["revisions"]
    w = words.of(ed, "check")
    if not any(notebooks.glob("*.ipynb")):
        return  # nothing executed yet to compare
    if not recorded:
        if len(ed.versions) == 1:
            return  # the first version: nothing published before it to compare with
        yield Problem(_label(path, root), None, w.text(
            "check-no-record", version=ed.version.version,
            folder=_label(ed.directory / "revisions" / f"v{ed.version.version}", root)),
            kind=UNRECORDED)
        return
    last = recorded[-1]
    before = register.from_json(files.read_text(last / "figures.json",
                                                 within=ed.directory.parent))
    if current is None:
        current = review.from_notebooks(notebooks, ed.directory / "chapters")
    entries = current.by_id()
    # The figures that state the versions themselves (read from revisions.yml alone) change
    # with every new version by definition: the version they state is its record.
    missing = sorted(c.id for c in register.compare(before, current)
                     if not recorded_since(ed, last.name[1:], entries.get(c.id), c.id))
    if missing:
        yield Problem(_label(path, root), None, w.text(
            "check-unrecorded", count=plain_count(len(missing)), version=last.name[1:],
            figures=", ".join(missing[:10]), more=len(missing) > 10,
            folder=_label(last, root)), kind=UNRECORDED)


def recorded_since(ed: Edition, version: str, entry: dict | None, figure: str) -> bool:
    """Whether a figure that changed since `version` was published needs no new entry in
    revisions.yml: a later version lists it, or it states the versions themselves (read from
    revisions.yml alone, it changes with every version by definition). `check` and
    `figures --compare` against a recorded version leave out the same figures."""
    number = tuple(map(int, version.split(".")))
    return _states_the_versions(entry) or any(
        figure in c.figures for v in ed.versions
        if tuple(map(int, v.version.split("."))) > number for c in v.changes)


def recorded_version(ed: Edition, folder: Path) -> str | None:
    """The version whose published figures `folder` records (the edition's revisions/v1.0
    gives '1.0'), or None for any other reference (a commit, a build, a folder elsewhere)."""
    try:
        rel = folder.resolve().relative_to((ed.directory / "revisions").resolve())
    except ValueError:
        return None
    found = re.fullmatch(r"v(\d+(?:\.\d+)*)", rel.as_posix())
    return found.group(1) if found else None


def _states_the_versions(entry: dict | None) -> bool:
    files = (entry or {}).get("files") or []
    return bool(files) and all(Path(f).name == "revisions.yml" for f in files)


# The kinds of problem the summary counts, each given where the problem is found (the
# summary's check-kind in check.ftl says each in words).
UNRECORDED, CARRIED, NOT_YET_IN = "unrecorded", "carried", "not-yet-in"
ILLUSTRATIVE, NO_CAVEAT, CONTACTS = "illustrative", "no-caveat", "contacts"
UNCHECKED, LINKS, INVALID, PRESS = "unchecked", "links", "invalid", "press"
MARKED = {FILL_IN: "fill-in", LATER: "before-publication"}


def kind_words(kind: str) -> str:
    """A kind of problem as the summary names it ('illustrative' -> 'illustrative data')."""
    return words.Words("check").text("check-kind", kind=kind)


def summary(problems: list[Problem], edition: str, elsewhere: bool = True) -> str:
    """One line: publishable, or not and why, counting each problem by the kind it was found
    as (not by its words: a line marked BEFORE PUBLICATION that says 'illustrative' is a
    marked line). `elsewhere`: printed by another command (the build), which then points to
    `nsc-report check` for the list; `check` itself prints the list just above."""
    w = words.Words("check")
    if not problems:
        return w.text("check-publishable", edition=edition)
    kinds: dict[str, int] = {}
    for p in problems:
        # Every problem `check` finds carries its kind; one made elsewhere may not.
        kind = p.kind or (
            ILLUSTRATIVE if "illustrative" in p.what else
            CONTACTS if p.what.startswith("help.") else
            UNCHECKED if "not checked" in p.what else
            MARKED[FILL_IN] if FILL_IN in p.what else
            MARKED[LATER] if LATER in p.what else
            LINKS if "leaves the site" in p.what else "other")
        kinds[kind] = kinds.get(kind, 0) + p.count
    # A list of counts, not a sentence: each item is a message; "; " parts them.
    why = "; ".join(w.text("check-summary-kind", kind=kind, count=plain_count(n))
                    for kind, n in kinds.items())
    return w.text("check-not-publishable", edition=edition, why=why, elsewhere=elsewhere)
