"""The `nsc-report` command: validate, execute, build, pdf, report, press, check, figures, proof,
preview, new-section, new-edition, requests, status and intake (see README.md).

Each command parses its options and makes one call into the library; every error the library
raises is an `NscReportError`, printed with what it left unchanged, whose exit code ends the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
from collections.abc import Callable

from nsc_report import book
from nsc_report.cli.options import EDITION, RUN, attach, port_problem
from nsc_report.data import load_edition
from nsc_report.errors import EXIT_DATA, NscReportError
from nsc_report.infra.progress import Progress

EXIT_USAGE = 2  # as argparse exits for an option out of range
EDITION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
PROGRESS = Progress()  # a live display on a terminal, plain lines in logs


def _project(args: argparse.Namespace) -> book.Project:
    return book.Project(args.root, args.data_dir, args.edition, out=getattr(args, "out", None),
                        force=getattr(args, "force", False),
                        workers=getattr(args, "workers", None),
                        timeout=getattr(args, "timeout", book.DEFAULT_TIMEOUT),
                        progress=PROGRESS, embargo=getattr(args, "embargo", None))


# --- the book --------------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace) -> int:
    book.validate(_project(args))
    return 0


def cmd_execute(args: argparse.Namespace) -> int:
    book.execute_notebooks(_project(args))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    return book.build_site(_project(args))


def cmd_report(args: argparse.Namespace) -> int:
    return book.build_site(_project(args), with_pdf=True)


def cmd_pdf(args: argparse.Namespace) -> int:
    return book.print_report(_project(args))


def cmd_press(args: argparse.Namespace) -> int:
    return book.press(_project(args))


def cmd_figures(args: argparse.Namespace) -> int:
    book.figures(_project(args), compare=args.compare, fresh=args.fresh, write=args.write)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    return 0 if book.publication_check(_project(args)) else EXIT_DATA


def cmd_proof(args: argparse.Namespace) -> int:
    return book.proof(_project(args))


def cmd_preview(args: argparse.Namespace) -> int:
    # Loaded only to serve: a web server and a file watcher that no other command needs.
    from nsc_report.authoring.preview import run

    problem = port_problem(args.host, args.port)
    if problem:  # said now, not after the first build
        print(f"error: {problem}.\nNothing was built.", file=sys.stderr)
        return EXIT_USAGE

    return run(_project(args), host=args.host, port=args.port)


# --- the yearly cycle ------------------------------------------------------------------------

# The yearly cycle's commands load their modules when run: spreadsheets, Markdown, the bank
# holidays and the printer are not needed by the book commands, and every rebuild starts this
# program.

def cmd_requests(args: argparse.Namespace) -> int:
    from nsc_report.cycle import letters

    folder = (args.out or args.root / "_build" / "requests" / args.edition).resolve()
    letters.send(args.data_dir, args.edition, folder, args.sent, pdf=not args.no_pdf,
                 root=args.root, progress=PROGRESS)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from nsc_report.cycle import status
    from nsc_report.measures.requests import statuses

    # The tracker and the forces' names: a value still marked FILL IN elsewhere is no matter.
    ed = load_edition(args.data_dir, args.edition, lazy=True, unfinished_ok=lambda _: True)
    today = args.today or dt.date.today()
    status.status_table(statuses(status.tracker_of(ed), status.names(ed), today), today,
                        PROGRESS, status.keyed(ed))
    return 0


def cmd_new_edition(args: argparse.Namespace) -> int:
    from nsc_report.cycle import new_edition

    written = new_edition.new_edition(args.data_dir.resolve(), args.edition, args.previous)
    new_edition.announce(written, args.data_dir.resolve(), args.edition, args.root, PROGRESS)
    return 0


def cmd_intake_workbook(args: argparse.Namespace) -> int:
    from nsc_report.cycle import intake

    path = intake.write_workbook(load_edition(args.data_dir, args.edition, lazy=True), args.out)
    PROGRESS.message(f"Wrote {path}: key the answers into the 'Answers' sheet, then run "
                     f"`nsc-report intake import {path} --edition {args.edition}`.")
    return 0


def cmd_intake_import(args: argparse.Namespace) -> int:
    from nsc_report.cycle import intake

    done = intake.import_workbook(args.file, args.data_dir, args.edition)
    PROGRESS.message(f"{done.keyed.summary()}. Checked {args.file} and wrote {done.path}.")
    if done.keyed.not_yet or done.keyed.partly:
        PROGRESS.message(f"The rows left blank are coded no_response with the note "
                         f"'{done.note}' (`status` counts them as not yet answered, `check` "
                         f"lists them): import again as answers come.")
    return 0


# --- authoring -------------------------------------------------------------------------------

def cmd_new_section(args: argparse.Namespace) -> int:
    from nsc_report.authoring.scaffold import new_section

    written = new_section(args.root, args.name, args.title, args.narrative, args.part)
    for path in written:
        PROGRESS.message(f"  wrote {path.relative_to(args.root)}")
    PROGRESS.message(f"  added book/{args.name} to _toc.yml ({args.part})")
    PROGRESS.message("Next: `make report` builds the chapter; `make test` runs its test. "
                     "Replace the example figure and chart with your own.")
    return 0


# name -> (help, options, handler); a name with a space is a subcommand ("intake import").
Command = tuple[str, tuple[str, ...], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, Command] = {
    "preview": ("serve the book on localhost, rebuilt as you edit",
                (*EDITION, "out", "timeout", "host", "port"), cmd_preview),
    "validate": ("check an edition's data", EDITION, cmd_validate),
    "execute": ("validate, then run the notebooks with papermill", (*EDITION, *RUN),
                cmd_execute),
    "build": ("validate, execute, then build the HTML book", (*EDITION, *RUN, "embargo"),
              cmd_build),
    "pdf": ("print the PDF from the book (needs Chromium)", (*EDITION, "out", "embargo"),
            cmd_pdf),
    "report": ("build the HTML book and the PDF", (*EDITION, *RUN, "embargo"), cmd_report),
    "press": ("the release pack: the press release (HTML, PDF, Word, text), the key findings "
              "and a local note per force, into <out>/press/", (*EDITION, "out", "embargo"),
              cmd_press),
    "check": ("everything that stands between the edition and its publication (exit 0 only "
              "when there is nothing)", EDITION, cmd_check),
    "proof": ("every sentence of the words files (notebooks/*.ftl) with each of its variants, "
              "into <out>/proof/index.html", (*EDITION, "out"), cmd_proof),
    "figures": ("the register of figures; with --compare, the figures that changed",
                (*EDITION, "out", "workers", "timeout", "compare", "fresh", "write"),
                cmd_figures),
    "requests": ("write the FOI request letters (Markdown and PDF)",
                 (*EDITION, "letters-out", "sent", "no-pdf"), cmd_requests),
    "status": ("who has answered the requests, and who is overdue", (*EDITION, "today"),
               cmd_status),
    "new-section": ("add a chapter: template, modules, test and _toc.yml entry",
                    ("name", "title", "narrative", "part", "root"), cmd_new_section),
    "new-edition": ("start next year's edition from this one's (data, codebook, chapters)",
                    ("new-edition", "from", "root", "data-dir"), cmd_new_edition),
    "intake workbook": ("write the workbook to key the answers into",
                        ("workbook-out", *EDITION), cmd_intake_workbook),
    "intake import": ("check a keyed-in workbook (.xlsx or .ods) and write foi_returns.csv "
                      "from it", ("file", *EDITION), cmd_intake_import),
}
GROUPS = {"intake": "key the answers in with a spreadsheet"}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="nsc-report", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)
    groups: dict[str, argparse._SubParsersAction] = {}
    for name, (help_text, options, handler) in COMMANDS.items():
        group, _, leaf = name.rpartition(" ")
        if group and group not in groups:
            groups[group] = sub.add_parser(group, help=GROUPS[group]).add_subparsers(
                dest=f"{group}_command", required=True)
        command = (groups[group] if group else sub).add_parser(leaf, help=help_text)
        attach(command, options)
        command.set_defaults(handler=handler)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if not _resolve(args):
            return EXIT_DATA
        return args.handler(args)
    except NscReportError as exc:
        print(exc.report(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        # What the interrupted browser left pending is collected as the process ends: asyncio
        # would log each with a traceback, after this line has said what happened.
        logging.getLogger("asyncio").disabled = True
        print("\nInterrupted: the executed notebooks, the last site and the last PDF are as "
              "they were before this build.", file=sys.stderr)
        return 130


def _resolve(args: argparse.Namespace) -> bool:
    """The project folder, edition and data folder the options leave to their defaults."""
    args.root = args.root.resolve()
    if "data_dir" in vars(args):
        args.data_dir = args.data_dir or args.root / "data"
    if "edition" in vars(args) and args.command != "new-edition":
        args.edition = args.edition or book.default_edition(args.root)
        if not EDITION_NAME.fullmatch(args.edition):
            print(f"error: --edition {args.edition!r}: expected the name of a folder in "
                  f"{args.data_dir}, such as 2024 (letters, digits, '-' and '_' only; no '/' "
                  f"or '..').\nNothing was written.", file=sys.stderr)
            return False
    return True
