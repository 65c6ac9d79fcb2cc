"""The `nsc-report` command: validate, execute, build, pdf, report, preview, new-section,
new-edition, requests, status, intake, figures and check (see README.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import sys
import time
import tomllib
from pathlib import Path

from nsc_report.data import DataValidationError, Edition, load_edition
from nsc_report.execution.run import DEFAULT_TIMEOUT, ExecutionError, execute
from nsc_report.infra.lock import BuildLocked, build_lock
from nsc_report.infra.progress import Progress
from nsc_report.layout import Layout, pdf_name
from nsc_report.publishing.archive import Site, site_for
from nsc_report.publishing.site import BuildError, build_html, copy_briefings

EXIT_DATA, EXIT_EXECUTE, EXIT_BUILD, EXIT_PDF, EXIT_LOCKED = 1, 2, 3, 4, 5
EDITION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def default_edition(root: Path) -> str:
    """The edition whose executed notebooks are committed in book/ (pyproject.toml)."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return str(config["tool"]["nsc-report"]["edition"])


def layout_for(root: Path, data_dir: Path, edition: str, out: Path | None) -> Layout:
    """The committed edition executes into book/ and publishes to _build/; anything else
    executes and publishes under its own folder and never touches book/."""
    committed = (data_dir.resolve() == (root / "data").resolve()
                 and edition == default_edition(root))
    if committed and out is None:
        return Layout(root=root, notebooks=root / "book", out=root / "_build",
                      work=root / "_build" / ".work" / edition)
    if out is None:
        key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:8]
        out = root / "_build" / "editions" / f"{edition}-{key}"
    out = out.resolve()
    if out == (root / "_build").resolve() and not committed:
        raise SystemExit("--out _build is reserved for the committed edition")
    return Layout(root=root, notebooks=out / "book", out=out, work=out / ".work")


PROGRESS = Progress()  # a live display on a terminal, plain lines in logs


def _log(message: str) -> None:
    PROGRESS.message(message)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


def cmd_requests(args: argparse.Namespace) -> int:
    from nsc_report.cycle.letters import default_sent, write_letters
    from nsc_report.printing.pdf import ChromiumMissing, find_chromium

    ed = load_edition(args.data_dir, args.edition, lazy=True)  # the codebook, not the answers
    folder = (args.out or args.root / "_build" / "requests" / args.edition).resolve()
    pdf = not args.no_pdf
    if pdf:
        try:
            find_chromium()
        except ChromiumMissing as exc:
            _log(f"PDF letters not written: {exc}")
            pdf = False
    written = write_letters(ed, folder, args.sent or default_sent(), print_pdf=pdf,
                            progress=_log)
    _log(f"{len(written)} files in {folder}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from nsc_report.cycle.status import status_table
    from nsc_report.measures.requests import statuses

    ed = load_edition(args.data_dir, args.edition, lazy=True)
    tracker = ed.tracker
    if tracker is None:
        print(f"error: {args.data_dir / args.edition / 'tracker.csv'} does not exist: add one "
              f"row per request (force_code, reference, date_sent, date_received, "
              f"internal_review, ico_complaint).", file=sys.stderr)
        return EXIT_DATA
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    today = args.today or dt.date.today()
    rows = statuses(tracker, names, today)
    status_table(rows, today, PROGRESS)
    return 0


def cmd_intake(args: argparse.Namespace) -> int:
    from nsc_report.cycle.intake import import_workbook, write_workbook

    root = args.root.resolve()
    edition = args.edition or default_edition(root)
    data_dir = args.data_dir or root / "data"
    try:
        if args.intake_command == "workbook":
            path = write_workbook(load_edition(data_dir, edition, lazy=True), args.out)
            _log(f"Wrote {path}: key the answers into the 'Answers' sheet, then run "
                 f"`nsc-report intake import {path} --edition {edition}`.")
        else:
            path = import_workbook(args.file, data_dir, edition)
            _log(f"Checked {args.file} and wrote {path}.")
    except DataValidationError as exc:
        print(f"error: {exc}\nNothing was written.", file=sys.stderr)
        return EXIT_DATA
    return 0


def cmd_new_edition(args: argparse.Namespace) -> int:
    from nsc_report.cycle.new_edition import EditionError, new_edition

    root = args.root.resolve()
    data_dir = (args.data_dir or root / "data").resolve()
    try:
        written = new_edition(data_dir, args.edition, args.previous)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_DATA
    for path in written:
        _log(f"  wrote {os.path.relpath(path, root)}")
    _log(f"Next: fill in every line marked FILL IN (`nsc-report validate --edition "
         f"{args.edition}` lists them), edit the codebook and the chapters in "
         f"{os.path.relpath(data_dir / args.edition, root)}/, then key in the answers.")
    return 0


def cmd_new_section(args: argparse.Namespace) -> int:
    from nsc_report.authoring.scaffold import ScaffoldError, new_section

    root = args.root.resolve()
    try:
        written = new_section(root, args.name, args.title, args.narrative, args.part)
    except ScaffoldError as exc:
        print(f"error: {exc}\nNothing was written.", file=sys.stderr)
        return EXIT_DATA
    for path in written:
        _log(f"  wrote {path.relative_to(root)}")
    _log(f"  added book/{args.name} to _toc.yml ({args.part})")
    _log("Next: `make report` builds the chapter; `make test` runs its test. Replace the "
         "example figure and chart with your own.")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from nsc_report.authoring.preview import run

    build_args = ["--edition", args.edition, "--data-dir", str(args.data_dir),
                  "--timeout", str(args.timeout)]
    if args.out is not None:
        build_args += ["--out", str(args.out)]
    site = layout_for(args.root, args.data_dir, args.edition, args.out).html
    return run(args.root, site, build_args, host=args.host, port=args.port)


def cmd_validate(args: argparse.Namespace) -> int:
    ed = load_edition(args.data_dir, args.edition)
    _log(f"{args.data_dir / args.edition}: valid ({len(ed.returns)} answers from "
         f"{ed.returns['force_code'].nunique()} forces, {len(ed.questions)} questions)")
    return 0


def _validated(args: argparse.Namespace) -> tuple[Layout, Edition]:
    layout = layout_for(args.root, args.data_dir, args.edition, args.out)
    _log(f"Validating {args.data_dir / args.edition}")
    return layout, load_edition(args.data_dir, args.edition)


def _execute(args: argparse.Namespace, layout: Layout, ed: Edition) -> None:
    _log(f"Executing notebooks into {layout.notebooks}")
    execute(args.root / "notebooks", layout.notebooks, ed, force=args.force,
            workers=args.workers, timeout=args.timeout, progress=PROGRESS,
            scratch=layout.work / "executing")


def cmd_execute(args: argparse.Namespace) -> int:
    layout, ed = _validated(args)
    with build_lock(layout.out):
        _execute(args, layout, ed)
    return 0


def cmd_build(args: argparse.Namespace, with_pdf: bool = False) -> int:
    start = time.perf_counter()
    layout, ed = _validated(args)  # bad data stops here, before anything is written
    site = site_for(args.data_dir, ed.meta.edition)
    with build_lock(layout.out):
        # Earlier editions first: the site holds each of them under editions/<year>/.
        archives, status = {}, 0
        for year in site.older:
            archive = archive_layout(layout, year)
            older = load_edition(args.data_dir, year)
            with PROGRESS.stage(f"Building the {year} edition for editions/{year}/"):
                _execute(args, archive, older)
                status = _build_one(archive, older, site.for_edition(year), {}, with_pdf) or status
            archives[year] = archive.html
        _execute(args, layout, ed)
        status = _build_one(layout, ed, site, archives, with_pdf) or status
    from nsc_report.publishing.check import check, summary

    _log(summary(check(args.root, args.data_dir, args.edition), args.edition))
    _log(f"Done in {time.perf_counter() - start:.1f} s: open {layout.html / 'index.html'}")
    return status


def archive_layout(layout: Layout, year: str) -> Layout:
    """Where an earlier edition is executed and built for the site's editions/<year>/."""
    out = layout.work.parent / "archive" / year
    return Layout(root=layout.root, notebooks=out / "book", out=out, work=out / ".work")


def _build_one(layout: Layout, ed: Edition, site: Site, archives: dict[str, Path],
               with_pdf: bool) -> int:
    pdf_file = layout.pdf_dir / pdf_name(ed)
    with PROGRESS.stage("Building the HTML book with Jupyter Book"):
        build_html(layout, ed, progress=PROGRESS.message,
                   pdf_file=pdf_file if pdf_file.exists() else None, site=site,
                   archives=archives)
    return _print(layout, ed, required=False) if with_pdf else 0


def cmd_figures(args: argparse.Namespace) -> int:
    """The register of figures, or with --compare the figures that changed since REF."""
    from nsc_report.publishing import register, review

    layout, ed = _validated(args)
    chapters = ed.directory / "chapters"
    notebooks = layout.notebooks
    if args.fresh:
        # What the data and code give now, executed beside (never into) the committed book.
        notebooks = layout.work / "figures-fresh" / "book"
        _log(f"Executing the notebooks afresh into {notebooks}")
        execute(args.root / "notebooks", notebooks, ed, workers=args.workers,
                timeout=args.timeout, progress=PROGRESS, scratch=notebooks.parent / "executing")
    current = review.from_notebooks(notebooks, chapters)
    if args.compare is None:
        figures = [e for e in current.entries if e["kind"] == "figure"]
        print(f"{len(current.entries)} registered values in {notebooks} "
              f"({len(figures)} figures linked from the text).")
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / "figures.csv").write_text(register.to_csv(current), encoding="utf-8")
            (args.write / "figures.json").write_text(register.to_json(current),
                                                     encoding="utf-8")
            print(f"Wrote figures.csv and figures.json to {args.write}")
        return 0
    try:
        before = review.load_reference(args.root, args.compare, ed.meta.edition, chapters)
    except review.ReviewError as exc:
        print(f"error: --compare {args.compare}: {exc}", file=sys.stderr)
        return EXIT_DATA
    print(review.table(register.compare(before, current), before))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 0 only when nothing stands between the edition and its publication."""
    from nsc_report.publishing.check import check, summary

    problems = check(args.root, args.data_dir, args.edition)
    for problem in problems:
        print(problem)
    print(summary(problems, args.edition))
    return EXIT_DATA if problems else 0


def cmd_pdf(args: argparse.Namespace) -> int:
    layout, ed = _validated(args)
    with build_lock(layout.out):
        return _print(layout, ed, required=True)


def _print(layout: Layout, ed: Edition, required: bool) -> int:
    """Print the PDF; without Chromium that is an error only when the PDF was asked for."""
    from nsc_report.printing.briefing import print_briefings
    from nsc_report.printing.pdf import ChromiumMissing, PdfError, print_pdf

    try:
        with PROGRESS.stage("Printing the PDF with Chromium"):
            path = print_pdf(layout, ed, progress=PROGRESS.message)
        with PROGRESS.stage(f"Printing {len(ed.forces)} force briefings"):
            print_briefings(layout, ed, progress=PROGRESS.message)
            copy_briefings(layout)
    except ChromiumMissing as exc:
        _log(f"PDF not written: {exc}")
        return EXIT_PDF if required else 0
    except PdfError as exc:
        print(f"error: the PDF could not be printed: {exc}. The last PDF is unchanged.",
              file=sys.stderr)
        return EXIT_PDF
    _log(f"  PDF written to {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nsc-report", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("preview", "serve the book on localhost, rebuilt as you edit"),
                            ("validate", "check an edition's data"),
                            ("execute", "validate, then run the notebooks with papermill"),
                            ("build", "validate, execute, then build the HTML book"),
                            ("pdf", "print the PDF from the book (needs Chromium)"),
                            ("report", "build the HTML book and the PDF"),
                            ("requests", "write the FOI request letters (Markdown and PDF)"),
                            ("status", "who has answered the requests, and who is overdue"),
                            ("figures", "the register of figures; with --compare, the figures "
                                        "that changed"),
                            ("check", "everything that stands between the edition and its "
                                      "publication (exit 0 only when there is nothing)")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--root", type=Path, default=Path("."), help="project folder")
        p.add_argument("--edition", default=None, help="edition folder under the data dir")
        p.add_argument("--data-dir", type=Path, default=None, help="data folder (default: data)")
        p.add_argument("--out", type=Path, default=None,
                       help="output folder for data other than the committed edition")
        p.add_argument("--force", action="store_true", help="re-execute even if up to date")
        p.add_argument("--workers", type=int, default=None,
                       help="warm kernels to run notebooks on (default: one per core)")
        if name == "requests":
            p.add_argument("--sent", type=_date, default=None,
                           help="the date the letters go out, YYYY-MM-DD (default: today)")
            p.add_argument("--no-pdf", action="store_true", help="Markdown only")
        if name == "status":
            p.add_argument("--today", type=_date, default=None,
                           help="count working days up to this date, YYYY-MM-DD")
        if name == "figures":
            p.add_argument("--compare", metavar="REF", default=None,
                           help="a git revision, or a folder with a figures.json or executed "
                                "notebooks, to compare the figures with")
            p.add_argument("--fresh", action="store_true",
                           help="execute the notebooks afresh (into a scratch folder) and "
                                "compare those, instead of the committed ones")
            p.add_argument("--write", type=Path, default=None, metavar="DIR",
                           help="write figures.csv and figures.json into DIR")
        if name == "preview":
            p.add_argument("--host", default="127.0.0.1", help="address to serve on")
            p.add_argument("--port", type=int, default=8000, help="port to serve on")
        p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                       help="seconds one notebook may run before its kernel is replaced and "
                            "it is tried once more")
    scaffold = sub.add_parser("new-section", help="add a chapter: template, modules, test and "
                                                  "_toc.yml entry")
    scaffold.add_argument("name", help="file name of the chapter, e.g. victim-support")
    scaffold.add_argument("--title", required=True, help="the chapter's title")
    scaffold.add_argument("--narrative", action="store_true",
                          help="a Markdown chapter without data (no template or modules)")
    scaffold.add_argument("--part", default="Findings", help="the _toc.yml part to add it to")
    scaffold.add_argument("--root", type=Path, default=Path("."), help="project folder")
    edition_parser = sub.add_parser("new-edition", help="start next year's edition from this "
                                                        "one's (data, codebook, chapters)")
    edition_parser.add_argument("edition", help="the new edition's year, e.g. 2025")
    edition_parser.add_argument("--from", dest="previous", required=True,
                                help="the edition to start from, e.g. 2024")
    edition_parser.add_argument("--root", type=Path, default=Path("."), help="project folder")
    edition_parser.add_argument("--data-dir", type=Path, default=None,
                                help="data folder (default: data)")
    intake = sub.add_parser("intake", help="key the answers in with a spreadsheet")
    intake_sub = intake.add_subparsers(dest="intake_command", required=True)
    for name, help_text in (("workbook", "write the workbook to key the answers into"),
                            ("import", "check a keyed-in workbook (.xlsx or .ods) and write "
                                       "foi_returns.csv from it")):
        p = intake_sub.add_parser(name, help=help_text)
        if name == "import":
            p.add_argument("file", type=Path, help="the workbook")
        else:
            p.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
        p.add_argument("--edition", default=None, help="edition folder under the data dir")
        p.add_argument("--root", type=Path, default=Path("."), help="project folder")
        p.add_argument("--data-dir", type=Path, default=None, help="data folder")
    args = parser.parse_args(argv)
    if args.command == "intake":
        return cmd_intake(args)
    if args.command == "new-section":
        return cmd_new_section(args)
    if args.command == "new-edition":
        return cmd_new_edition(args)
    args.root = args.root.resolve()
    args.edition = args.edition or default_edition(args.root)
    args.data_dir = args.data_dir or args.root / "data"
    if not EDITION_NAME.fullmatch(args.edition):
        print(f"error: --edition {args.edition!r}: expected the name of a folder in "
              f"{args.data_dir}, such as 2024 (letters, digits, '-' and '_' only; no '/' or "
              f"'..').\nNothing was written.", file=sys.stderr)
        return EXIT_DATA
    commands = {"preview": cmd_preview, "validate": cmd_validate, "execute": cmd_execute,
                "build": cmd_build, "pdf": cmd_pdf, "requests": cmd_requests,
                "status": cmd_status, "figures": cmd_figures, "check": cmd_check,
                "report": lambda a: cmd_build(a, with_pdf=True)}
    try:
        return commands[args.command](args)
    except DataValidationError as exc:
        print(f"error: {exc}\nNothing was written.", file=sys.stderr)
        return EXIT_DATA
    except ExecutionError as exc:
        print(f"error: notebook execution failed:\n{exc}\nThe executed notebooks and the last "
              f"build are unchanged.", file=sys.stderr)
        return EXIT_EXECUTE
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BUILD
    except BuildLocked as exc:
        print(f"error: {exc}\nNothing was written.", file=sys.stderr)
        return EXIT_LOCKED
    except KeyboardInterrupt:
        print("\nInterrupted: the executed notebooks, the last site and the last PDF are as "
              "they were before this build.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
