"""What an edition records about its release: who had its findings before publication
(pre_release.yml, printed in the Code of Practice statement), read and checked when first used.
"""

from __future__ import annotations

from pathlib import Path

from nsc_report.data.core import _Context
from nsc_report.data.issues import Issue
from nsc_report.data.models import PreReleaseList
from nsc_report.data.readers import _read_yaml


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
