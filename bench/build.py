"""Build-time benchmark: cold build, no-change rebuild, narrative-only edit, one data change.

Runs in a scratch copy of the project (the repository's book/ and _build/ are not touched),
all scenarios side by side in one run, and prints a table with each time and its ratio to the
cold build. Machines here are shared and noisy: compare ratios, not absolute seconds.

    python bench/build.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info",
                                ".pytest_cache", ".ruff_cache")


def build(root: Path, *extra: str) -> tuple[float, int]:
    """Seconds for one `nsc-report build`, and how many notebooks it executed."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "nsc_report.cli", "build", "--root",
                             str(root), *extra], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return seconds, len(re.findall(r"\] executed ", result.stdout))


def edit_narrative(root: Path) -> None:
    page = root / "book" / "introduction.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn added sentence of narrative.\n",
                    encoding="utf-8")


def edit_data(root: Path) -> None:
    path = root / "data" / "2024" / "foi_returns.csv"
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["question_id"] == "Q9" and r["status"] == "answered")
    row["value"] = str(int(row["value"]) + 1)
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run_once(scratch: Path) -> dict[str, tuple[float, int]]:
    root = scratch / "project"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(ROOT, root, ignore=IGNORE)
    steps: list[tuple[str, Callable[[Path], None] | None, tuple[str, ...]]] = [
        ("cold build (execute all, full Sphinx)", None, ("--force",)),
        ("rebuild, nothing changed", None, ()),
        ("rebuild after editing narrative only", edit_narrative, ()),
        ("rebuild after changing one data file", edit_data, ()),
    ]
    times = {}
    for label, change, extra in steps:
        if change:
            change(root)
        times[label] = build(root, *extra)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs; the median is reported")
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory(prefix="nsc-bench-") as scratch:
        for i in range(args.repeat):
            print(f"run {i + 1} of {args.repeat} ...", file=sys.stderr, flush=True)
            runs.append(run_once(Path(scratch)))
    labels = list(runs[0])
    cold = statistics.median(r[labels[0]][0] for r in runs)
    print(f"\n| scenario | seconds (median of {args.repeat}) | ratio to cold | notebooks run |")
    print("|---|---:|---:|---:|")
    for label in labels:
        seconds = statistics.median(r[label][0] for r in runs)
        executed = runs[-1][label][1]
        print(f"| {label} | {seconds:.1f} | {seconds / cold:.2f} | {executed} |")


if __name__ == "__main__":
    main()
