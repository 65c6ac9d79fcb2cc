"""Every figure traceable: what each glued value is, and what it was computed from.

A section's `figures(ed)` returns a `Register`: for each glue key, the text as printed and a
`Figure` recording its raw value, a one-line definition, the numerator and denominator of a
share, the questions, periods and data files it comes from, the forces it counts and the
sources it cites. `glue_figures` glues the text for the prose and the register itself as one
JSON record (`nsc_figures`) in the executed notebook, which the build reads to publish the
register page, `figures.csv` and `figures.json` (publish.py, register.py).

Two kinds: a *figure* (a number, a share, a name chosen by the data) is linked from the prose
to its register entry; a *text* (a sentence or a label assembled from the data) is registered
with its inputs but not linked, since a link around a whole sentence would read badly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from nsc_report.data import Edition, provenance
from nsc_report.data.provenance import FILES, PUBLIC
from nsc_report.present import fmt, labels, words

RECORD = "nsc_figures"  # the glue key of a notebook's register
# The status of a list of forces that is not printed: which Commissioners made the commitment,
# where the commitments are constructed (`forces_status` of a register entry).
UNPUBLISHED = "unpublished"


@dataclass(frozen=True)
class Figure:
    text: str                                   # as printed
    raw: int | float | str | None
    definition: str                             # one line, plain English
    kind: Literal["figure", "text"] = "figure"
    numerator: int | float | None = None
    denominator: int | float | None = None
    questions: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    forces: tuple[str, ...] | None = None       # codes of the forces counted, where it counts
    files: tuple[str, ...] = ()                 # short names, see FILES
    sources: tuple[str, ...] = ()               # source ids in edition.yml
    # The meaning of a figure a published source states (stated.yml), whose status and
    # citation it then takes: the same quantity carries one status on every page.
    stated: str | None = None
    # For a sentence made of other figures of the register (their keys): it takes their
    # status and sources, so a published figure it prints is not marked by the sentence.
    parts: tuple[str, ...] = ()
    # For a sentence that marks its own figures, each where it stands ("10‡ of the 13
    # questions"): it holds a published figure beside constructed ones, so a mark at its end,
    # which marks every figure in the sentence (the key), would mark the published one too.
    # Printed as it is, with no mark after it.
    inline: bool = False
    # Of the forces counted, those whose place in the list a published source states (a
    # force's own public answer, where the rest of the answers are constructed).
    public_forces: tuple[str, ...] = ()
    # The finding in plain words, read after the figure ("of stalking cases result in a
    # conviction"), for a reader who has nothing else: a social card and its post. A
    # definition is for the register (question codes, counting rules); a figure without a
    # finding is not shown on a card.
    finding: str | None = None
    # Printed in a chart or a map (its title, caption or legend), where no glue role finds it:
    # the pages that print it so, "" for its own chapter; the register counts them.
    charted: tuple[str, ...] = ()


def _plain(value: Any) -> int | float | str | None:
    """numpy and pandas scalars as plain JSON values."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


@dataclass
class Register:
    """The figures of one notebook, built with defaults shared by the section."""

    edition: Edition
    questions: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    figures: dict[str, Figure] = field(default_factory=dict)

    def _add(self, key: str, figure: Figure) -> str:
        if key in self.figures:
            raise KeyError(f"figure {key!r} registered twice")
        self.figures[key] = figure
        return figure.text

    def _meta(self, questions: Iterable[str] | None, periods: Iterable[str] | None,
              files: Iterable[str] | None, sources: Iterable[str] | None) -> dict[str, Any]:
        q = tuple(self.questions if questions is None else questions)
        f = tuple(self.files if files is None else files)
        s = tuple(self.sources if sources is None else sources)
        if q:  # a figure from the answers: the returns, the codebook and this edition's requests
            f = tuple(dict.fromkeys(("returns", "questions", *f)))
            s = tuple(dict.fromkeys((f"foi_{self.edition.meta.edition}", *s)))
        return {"questions": q, "periods": tuple(self.periods if periods is None else periods),
                "files": f, "sources": s}

    def count(self, key: str, n: int | float, definition: str, *,
              forces: Iterable[str] | None = None, questions: Iterable[str] | None = None,
              periods: Iterable[str] | None = None, files: Iterable[str] | None = None,
              sources: Iterable[str] | None = None, stated: str | None = None,
              finding: str | None = None, parts: Iterable[str] = (),
              public_forces: Iterable[str] = ()) -> str:
        """A whole number (of forces, when `forces` lists the ones counted). `parts`: the
        figures it is worked out from ("the other 16" of 43 asked, 27 answering), whose status
        and sources it takes; the list of its forces keeps the status of its own data, but for
        `public_forces`, whose place in it a published source states."""
        counted = tuple(forces) if forces is not None else None
        if counted is not None and len(counted) != n:
            raise ValueError(f"figure {key!r}: counts {n} but lists {len(counted)} forces")
        public = tuple(public_forces)
        if public and not set(public) <= set(counted or ()):
            raise ValueError(f"figure {key!r}: public forces {public} are not all counted")
        return self._add(key, Figure(fmt.count(n), _plain(n), definition, forces=counted,
                                     stated=stated, finding=finding, parts=tuple(parts),
                                     public_forces=public,
                                     **self._meta(questions, periods, files, sources)))

    def share(self, key: str, numerator: int | float, denominator: int | float,
              definition: str, *, places: int = 0, forces: Iterable[str] | None = None,
              questions: Iterable[str] | None = None, periods: Iterable[str] | None = None,
              files: Iterable[str] | None = None, sources: Iterable[str] | None = None,
              empty: str | None = None, stated: str | None = None,
              finding: str | None = None, parts: Iterable[str] = ()) -> str:
        """numerator / denominator as a percentage; `empty`, in words, where the group the share
        is of is empty (valid data can leave it so: a question no force answered). A share that
        may be of nothing must say what to print then, never a made-up 0%. `parts`: the figures
        of its numerator and denominator, whose status it takes (two published counts)."""
        if denominator == 0:
            if empty is None:
                raise ZeroDivisionError(f"figure {key!r}: a share of an empty group, and no "
                                        f"words (`empty`) to say so")
            raw = None
            text = empty
        else:
            raw = 100 * numerator / denominator
            text = fmt.pct(raw, places)
        return self._add(key, Figure(text, _plain(raw), definition,
                                     numerator=_plain(numerator), denominator=_plain(denominator),
                                     forces=tuple(forces) if forces is not None else None,
                                     stated=stated, finding=finding, parts=tuple(parts),
                                     **self._meta(questions, periods, files, sources)))

    def value(self, key: str, text: str, raw: Any, definition: str, *,
              numerator: int | float | None = None, denominator: int | float | None = None,
              forces: Iterable[str] | None = None, questions: Iterable[str] | None = None,
              periods: Iterable[str] | None = None, files: Iterable[str] | None = None,
              sources: Iterable[str] | None = None, finding: str | None = None,
              stated: str | None = None) -> str:
        """Any other figure: a rate, a median, a name picked by the data, an amount; or a
        figure a published source states (`stated`), recorded with the source's value and no
        numerator or denominator of the data (which would say it was computed from them)."""
        return self._add(key, Figure(text, _plain(raw), definition, finding=finding,
                                     stated=stated,
                                     numerator=_plain(numerator),
                                     denominator=_plain(denominator),
                                     forces=tuple(forces) if forces is not None else None,
                                     **self._meta(questions, periods, files, sources)))

    def text(self, key: str, text: str, definition: str, *,
             questions: Iterable[str] | None = None, periods: Iterable[str] | None = None,
             files: Iterable[str] | None = None, sources: Iterable[str] | None = None,
             forces: Iterable[str] | None = None, stated: str | None = None,
             parts: Iterable[str] = (), inline: bool = False) -> str:
        """A sentence or a label made from the data (registered, not linked); `parts`: the
        figures of this register it prints, whose status and sources it then has; `inline`:
        the text carries the mark of each figure in it that is not published, after that
        figure (words.count(n, status)), and is printed with no mark at its end."""
        made_of = tuple(parts)
        missing = [k for k in made_of if k not in self.figures]
        if missing:
            raise KeyError(f"figure {key!r} is made of figures not registered: {missing}")
        return self._add(key, Figure(text, text, definition, kind="text", stated=stated,
                                     forces=tuple(forces) if forces is not None else None,
                                     parts=made_of, inline=inline,
                                     **self._meta(questions, periods, files, sources)))

    def counted(self, key: str, noun: str) -> str:
        """The count `key` with its noun, as one text `<key>_<noun>` ("1 force", "27 forces";
        the nouns are those of `label-counted` in labels.ftl): a chapter glues it where it would
        otherwise type a plural noun after the count, which Markdown cannot put in the singular.
        It prints the count as the count prints, and takes its status and sources."""
        figure = self.figures[key]
        if not isinstance(figure.raw, int | float):
            raise TypeError(f"figure {key!r} is not a count: {figure.raw!r}")
        w = words.Words("labels", getattr(self.edition.meta, "language", None)
                        or words.DEFAULT_LOCALE)
        text = w.text("label-counted", n=words.figure(figure.raw, figure.text), noun=noun)
        return self.text(f"{key}_{noun.replace('-', '_')}", text, figure.definition,
                         questions=figure.questions, periods=figure.periods, files=figure.files,
                         sources=figure.sources, forces=figure.forces, parts=(key,))

    def in_chart(self, *keys: str, page: str = "") -> None:
        """The figures `keys` are printed in the section's chart (its title or caption, which
        mark them with `marked`), or in another page's chart or map (`page`, a notebook's id):
        the register's pages of each include that page."""
        for key in keys:
            f = self.figures[key]
            self.figures[key] = replace(f, charted=tuple(dict.fromkeys((*f.charted, page))))

    def marked(self, key: str) -> words.Int | words.Float:
        """The figure `key` as a value for words, with the status the register gives it (a
        published source's figure is published): printed outside the glued prose (a chart's
        title), it carries the same mark there as in the sentence."""
        figure = self.figures[key]
        if not isinstance(figure.raw, int | float):
            raise TypeError(f"figure {key!r} is not a number: {figure.raw!r}")
        return words.figure(figure.raw, figure.text, self.status_of(key))

    def mark_of(self, key: str, target: str = "text") -> str:
        """The mark the figure `key` carries where it is printed outside the glued prose (a
        bar's label, a chart's axis): none for a published figure."""
        return words.provenance_mark(self.status_of(key), target)

    def status_of(self, key: str) -> str:
        """The status `record` gives the figure `key`, without recording every other figure
        (a chart title marks three or four figures)."""
        f = self.figures[key]
        if f.parts:
            return provenance.weakest(self.status_of(k) for k in f.parts)
        return self._provenance(f)[0].status

    def _provenance(self, f: Figure) -> tuple[provenance.Provenance, str | None, str | None]:
        """How far a figure can be trusted: the weakest status of its files and sources, or,
        for a figure a source states, that source's (with the source). Where the data give
        another value the figure keeps its own status and says what the source states (the
        third value): `nsc-report check` lists it (valid data never stop a page from being
        computed)."""
        ed = self.edition
        said = ed.stated.get(f.stated) if f.stated else None
        if said is not None and said.text != f.text:
            return provenance.of(ed, f.files, f.sources), None, said.text
        if said is not None:
            return provenance.of(ed, (), (said.source,)), said.source, None
        return provenance.of(ed, f.files, f.sources), None, None

    @property
    def values(self) -> dict[str, str]:
        return {key: f.text for key, f in self.figures.items()}

    # Read like the mapping of key to printed text that sections used to return.
    def __getitem__(self, key: str) -> str:
        return self.figures[key].text

    def __contains__(self, key: object) -> bool:
        return key in self.figures

    def __iter__(self) -> Iterator[str]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)

    def record(self) -> dict[str, Any]:
        """The register as JSON: file paths and source citations resolved."""
        ed = self.edition
        folder = f"{ed.directory.parent.name}/{ed.meta.edition}"
        entries = {}
        for key, f in self.figures.items():
            entry = asdict(f)
            if not entry["parts"]:
                del entry["parts"]  # only a sentence made of figures records them
            if not entry["inline"]:
                del entry["inline"]  # only a sentence that marks its own figures says so
            if f.public_forces:  # only a list with a force a published source places in it
                entry["public_forces"] = [_force_name(ed, c) for c in f.public_forces]
            else:
                del entry["public_forces"]
            if entry["charted"]:
                entry["charted"] = list(f.charted)
            else:
                del entry["charted"]  # only a figure a chart prints says so
            if entry["finding"] is None:
                del entry["finding"]  # only a figure a card can show has one
            # A short name (FILES), or a path from the edition's folder (another edition's).
            entry["files"] = [_resolve_dots(f"{folder}/{FILES.get(name, name)}")
                              for name in f.files]
            entry["sources"] = [_citation(ed, s) for s in f.sources]
            entry["questions"] = list(f.questions)
            entry["periods"] = [ed.period_label(p) if p in ed.meta.periods
                                else labels.public_period(ed, p) for p in f.periods]
            # What a reader can find it in: the download that holds it, or what it is; the
            # paths (`files`) stay for the build's own checks, never printed.
            entry["data"] = _data_names(ed, f.files)
            entry["forces"], entry["forces_status"] = _forces(ed, f)
            prov, stated_by, entry["stated_differs"] = self._provenance(f)
            if stated_by is not None:
                entry["sources"] = list(dict.fromkeys([_citation(ed, stated_by),
                                                       *entry["sources"]]))
            entry["status"], entry["caveat"] = prov.status, prov.caveat
            if prov.caveats:  # each caveat on its own, for a page's note to say each once
                entry["caveats"] = list(prov.caveats)
            entries[key] = entry
        for key, f in self.figures.items():  # a sentence made of figures: as its figures
            if f.parts:
                made_of = [entries[k] for k in f.parts]
                status = provenance.weakest(e["status"] for e in made_of)
                entries[key]["status"] = status
                entries[key]["sources"] = list(dict.fromkeys(
                    s for e in made_of for s in e["sources"]))
                entries[key]["files"] = list(dict.fromkeys(x for e in made_of for x in e["files"]))
                entries[key]["data"] = list(dict.fromkeys(x for e in made_of for x in e["data"]))
                caveats = list(dict.fromkeys(c for e in made_of if e["status"] == status
                                             for c in e.get("caveats", ())))
                entries[key]["caveat"] = " ".join(caveats)
                entries[key].pop("caveats", None)
                if caveats:
                    entries[key]["caveats"] = caveats
                entries[key]["parts"] = list(f.parts)  # (asdict gave a tuple)
        return {"edition": ed.meta.edition, "figures": entries}


def _forces(ed: Edition, f: Figure) -> tuple[list[str] | None, str | None]:
    """The names of the forces a figure counts, and the status of that list: the status of
    the data it was computed from, not of a source that states the figure's value (the
    release's 67% is published; which forces make it up is the constructed answers'). A list
    of forces by their Commissioner's commitment, where any row of the commitments is
    constructed, is not printed at all: its status says it is not published in this edition
    (an act of a named office is never printed from constructed data)."""
    if f.forces is None:
        return None, None
    if "commitments" in f.files and not provenance.may_name_commitments(ed):
        return None, UNPUBLISHED
    names = [_force_name(ed, code) for code in f.forces]
    return names, provenance.of(ed, f.files, f.sources).status


def _data_names(ed: Edition, files: Iterable[str]) -> list[str]:
    """Each file a figure was computed from, in words a reader can find it by."""
    w = words.Words("labels", getattr(ed.meta, "language", None) or words.DEFAULT_LOCALE)
    names = []
    for name in files:
        other = re.fullmatch(r"\.\./(\d{4})/([^/]+)", name)  # another edition's file
        short, download = provenance.held_in(ed, other.group(2) if other else name)
        where = "edition" if other else "download" if download else "none"
        names.append(w.text("label-data-file", file=short, where=where,
                            download=download or "", edition=other.group(1) if other else ""))
    return list(dict.fromkeys(names))


def _citation(ed: Edition, source_id: str) -> str:
    """An edition's source, or a published series ('public:<series>', data/public/)."""
    if source_id.startswith(PUBLIC):
        src = ed.public.sources[source_id[len(PUBLIC):]]
        return src.credit
    return ed.source(source_id).citation


def _resolve_dots(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == ".." and parts:
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def _force_name(ed: Edition, code: str) -> str:
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    return names.get(code, code)


def as_register(values: Register | Mapping[str, str]) -> Register | None:
    return values if isinstance(values, Register) else None
