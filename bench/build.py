"""Build-time benchmark, side by side in one run, against Jupyter Book's own way as reference.

In a scratch copy of the project (the repository's book/ and _build/ are not touched), each run
times these scenarios in turn:

- cold build: every notebook executed on warm kernels, Sphinx from an empty output folder;
- reference: the same book built by `jupyter-book build` with `execute_notebooks: "force"`
  (Jupyter Book executes the notebooks itself, one after another), from an empty output folder;
- the reference rebuilt with nothing changed;
- our rebuild with nothing changed, after a narrative edit, after editing one data file
  (pcc_commitments.csv), after editing one section module (sections/spo.py);
- then the preview scenarios of `bench/preview.py`: five kinds of edit, each timed from the
  file's save to its new text in a page open in Chromium (Playwright), in `nsc-report preview`
  and, beside it, as a one-shot `nsc-report build` and page load; medians of
  `--preview-repeat`; `--soak N` also saves N times in the preview and prints its memory.

The scratch copy's own `src/` is put first on PYTHONPATH (kernels inherit it), so that editing a
module of the copy is what the build sees. Machines here are shared and noisy: compare ratios
from one run, not seconds across runs.

    python bench/build.py [--repeat 3] [--preview-repeat 5] [--soak 200] [--no-preview]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info",
                                ".pytest_cache", ".ruff_cache")
REFERENCE = "Jupyter Book, serial execution (reference)"
REFERENCE_NOCHANGE = "Jupyter Book, rebuild with nothing changed"


def _run(command: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env,
                            cwd=root)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def build(root: Path, *extra: str) -> tuple[float, int]:
    """Seconds for one `nsc-report build`, and how many notebooks it executed."""
    start = time.perf_counter()
    result = _run([sys.executable, "-m", "nsc_report.cli", "build", "--root", str(root),
                   *extra], root)
    seconds = time.perf_counter() - start
    return seconds, len(re.findall(r"^\s+executed ", result.stdout, re.MULTILINE))


def jupyter_book(root: Path) -> tuple[float, int]:
    """Seconds for one `jupyter-book build` of the reference copy, and notebooks executed."""
    start = time.perf_counter()
    result = _run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(root)],
                  root)
    seconds = time.perf_counter() - start
    return seconds, len(re.findall(r"Executing notebook", result.stdout + result.stderr))


def reference_copy(project: Path, target: Path) -> Path:
    """The same book for Jupyter Book to execute itself: the executed notebooks of book/ (as
    papermill wrote them, parameters included), built with `execute_notebooks: force`."""
    shutil.copytree(project, target, ignore=IGNORE)
    config_path = target / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": "force", "timeout": 600}
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def edit_narrative(root: Path) -> None:
    append(root / "data" / "2024" / "chapters" / "introduction.md",
           "\nAn added sentence of narrative.\n")


def edit_data(root: Path) -> None:
    path = root / "data" / "2024" / "pcc_commitments.csv"
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(reversed(rows))  # same facts, new bytes: readers must re-run


def edit_module(root: Path) -> None:
    append(root / "src" / "nsc_report" / "sections" / "spo.py", "\n# an edit\n")


def run_once(scratch: Path) -> dict[str, tuple[float, int]]:
    root, ref = scratch / "project", scratch / "reference"
    for folder in (root, ref):
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(ROOT, root, ignore=IGNORE)
    reference_copy(ROOT, ref)
    times = {"cold build (all notebooks on warm kernels, full Sphinx)": build(root, "--force"),
             REFERENCE: jupyter_book(ref), REFERENCE_NOCHANGE: jupyter_book(ref)}
    steps: list[tuple[str, Callable[[Path], None] | None]] = [
        ("rebuild, nothing changed", None),
        ("rebuild after editing narrative only", edit_narrative),
        ("rebuild after editing pcc_commitments.csv", edit_data),
        ("rebuild after editing sections/spo.py", edit_module),
    ]
    for label, change in steps:
        if change:
            change(root)
        times[label] = build(root)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs; the median is reported")
    parser.add_argument("--preview-repeat", type=int, default=5,
                        help="saves per preview scenario; the median is reported")
    parser.add_argument("--soak", type=int, default=0,
                        help="then this many saves in the preview, for its memory")
    parser.add_argument("--no-preview", action="store_true", help="the build scenarios only")
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory(prefix="nsc-bench-") as scratch:
        for i in range(args.repeat):
            print(f"run {i + 1} of {args.repeat} ...", file=sys.stderr, flush=True)
            runs.append(run_once(Path(scratch)))
    labels = list(runs[0])
    reference = statistics.median(r[REFERENCE][0] for r in runs)
    print(f"\n| scenario | seconds (median of {args.repeat}) | ratio to reference "
          f"| notebooks run |")
    print("|---|---:|---:|---:|")
    for label in labels:
        seconds = statistics.median(r[label][0] for r in runs)
        executed = runs[-1][label][1]
        print(f"| {label} | {seconds:.1f} | {seconds / reference:.2f} | {executed} |")
    nochange = statistics.median(r["rebuild, nothing changed"][0] for r in runs)
    jb_nochange = statistics.median(r[REFERENCE_NOCHANGE][0] for r in runs)
    cold = statistics.median(r[labels[0]][0] for r in runs)
    print(f"\nCold build: {reference / cold:.2f}x faster than the reference. No-change rebuild: "
          f"{nochange / jb_nochange:.2f}x the time of Jupyter Book's no-change rebuild.")
    if not args.no_preview:
        import preview  # bench/preview.py, beside this file

        print(f"\nPreview, medians of {args.preview_repeat} saves:\n", flush=True)
        print(preview.table(preview.run(args.preview_repeat, args.soak)))


if __name__ == "__main__":
    main()
