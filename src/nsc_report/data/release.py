"""What an edition records about its release, read and checked when first used: who had its
findings before publication (pre_release.yml, printed in the Code of Practice statement) and
the figures its published sources state (stated.yml), each quoted word for word.
"""

from __future__ import annotations

from pathlib import Path

from nsc_report.data import verbatim
from nsc_report.data.core import _Context
from nsc_report.data.issues import Issue
from nsc_report.data.models import PreReleaseList, StatedFigure, StatedFigures
from nsc_report.data.readers import _read_yaml
from nsc_report.infra import files


def _load_pre_release(path: Path, ctx: _Context, issues: list[Issue]) -> PreReleaseList | None:
    """pre_release.yml: everyone outside the team who received the findings or the embargoed
    pack before publication, each on or before the publication date, citing a known source.
    An edition without the file keeps no record (None): the statement then says so, rather
    than claim that nobody had them."""
    if not path.exists():
        return None
    label = ctx.label(path)
    found: PreReleaseList | None = _read_yaml(path, PreReleaseList, issues, label, ctx.data_dir)
    if found is None or ctx.meta is None:
        return found
    for i, entry in enumerate(found.pre_release):
        if entry.received != "not recorded" and entry.received > ctx.meta.publication_date:
            issues.append(Issue(label, None, f"pre_release.{i}.received", str(entry.received),
                                f"a date on or before the publication date, "
                                f"{ctx.meta.publication_date} (access after it is not "
                                f"pre-release access)"))
        if entry.source is not None and entry.source not in ctx.meta.sources:
            issues.append(Issue(label, None, f"pre_release.{i}.source", entry.source,
                                "a source id listed under 'sources' in edition.yml"))
    return found


def _load_stated(path: Path, ctx: _Context, issues: list[Issue]) -> dict[str, StatedFigure]:
    """stated.yml: the figures the edition's published sources state (the release's 27 of 43
    forces...), each with the words that state it, checked against the source's document. A
    figure the book computes with one of these meanings is printed with the source's status
    (present/figures.py), so that the same quantity never carries two. No file: none stated."""
    if not path.exists():
        return {}
    label = ctx.label(path)
    found: StatedFigures | None = _read_yaml(path, StatedFigures, issues, label, ctx.data_dir)
    if found is None:
        return {}
    for name, fig in found.stated.items():
        _check_verbatim(label, f"stated.{name}.quote", fig.quote, fig.source, ctx, issues)
    return dict(found.stated)


def _document(ctx: _Context, source_id: str) -> str | None:
    """The text of a source's document kept with the edition, or None."""
    source = ctx.meta.sources.get(source_id) if ctx.meta else None
    if source is None or source.document is None or ctx.meta is None:
        return None
    path = ctx.data_dir / ctx.meta.edition / source.document
    try:
        return files.read_text(path, within=ctx.data_dir / ctx.meta.edition / "sources")
    except files.UnreadableFile:
        return None  # reported where edition.yml names the document


def _check_verbatim(label: str, key: str, text: str, source_id: str, ctx: _Context,
                    issues: list[Issue]) -> None:
    sources = ctx.sources
    if sources is None:
        return  # edition.yml could not be read: it is reported on its own
    if source_id not in sources:
        issues.append(Issue(label, None, key.rsplit(".", 1)[0] + ".source", source_id,
                            "a source id listed under 'sources' in edition.yml"))
        return
    document = _document(ctx, source_id)
    if document is None:
        issues.append(Issue(label, None, key, None, f"a quotation from a source whose document "
                            f"is kept with the edition ('document:' of {source_id})"))
        return
    differs = verbatim.first_difference(text, document)
    if differs is not None:
        name = ctx.meta.sources[source_id].document if ctx.meta else source_id
        issues.append(Issue(label, None, key, verbatim.normalise(text)[:60] + "...",
                            f"a verbatim passage of {name}: the words from "
                            f"\"{differs}\" are not in the source"))
