"""Where an edition's files are, and how they are named in messages."""

from __future__ import annotations

from pathlib import Path


def edition_paths(data_dir: Path, edition: str) -> dict[str, Path]:
    folder = data_dir / edition
    return {"forces": data_dir / "reference" / "forces.csv", "meta": folder / "edition.yml",
            "questions": folder / "questions.yml", "returns": folder / "foi_returns.csv",
            "commitments": folder / "pcc_commitments.csv", "national": folder / "national.csv",
            "cps": folder / "cps.yml", "tracker": folder / "tracker.csv",
            "oversight": data_dir / "reference" / "oversight.csv",
            "counting_rules": data_dir / "reference" / "counting_rules.csv",
            "quotations": folder / "quotations.yml",
            "revisions": folder / "revisions.yml",
            "pre_release": folder / "pre_release.yml",
            "stated": folder / "stated.yml",
            # Published statistics belong to no edition: every edition reads the same ones.
            "public": data_dir / "public" / "series.csv",
            "public_sources": data_dir / "public" / "sources.yml"}


def edition_files(data_dir: Path, edition: str) -> list[Path]:
    """Every file an edition is built from, in a fixed order."""
    return list(edition_paths(Path(data_dir), edition).values())


def _label(path: Path, data_dir: Path) -> str:
    """Name files relative to the data folder's parent, e.g. 'data/2024/foi_returns.csv'."""
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)
