"""Every option of the command line, declared once and attached only to the commands that use
it (see `COMMANDS` in main.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import math
import socket
from pathlib import Path
from typing import Any

from nsc_report.execution.run import DEFAULT_TIMEOUT
from nsc_report.publishing.embargo import Embargo, EmbargoError


def date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


# Each option is checked as it is parsed, before any work starts: a value out of range is a
# usage message (exit 2), never a traceback after minutes of building.

def workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number of 1 or more")
    return value


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number of seconds above 0")
    return value


def embargo(text: str) -> Embargo:
    try:
        return Embargo.parse(text)
    except EmbargoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a port from 1 to 65535")
    return int(text)


def xlsx(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".xlsx" or path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: expected the name of the .xlsx file to "
                                         f"write, such as answers-2025.xlsx")
    return path


def port_problem(host: str, number: int) -> str | None:
    """Why the preview could not serve on host:port (in use, or no such address), or None.
    Bound as the server binds (SO_REUSEADDR), so a port just released by a restart is free."""
    try:
        infos = socket.getaddrinfo(host, number, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"--host {host!r} is not an address of this machine ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"--port {number}: something else is serving on {host}:{number} "
                        f"(stop it, or choose another port with --port)")
            return f"--host {host!r} --port {number}: cannot serve there ({exc.strerror})"
    return None


OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "root": (("--root",), {"type": Path, "default": Path("."), "help": "project folder"}),
    "edition": (("--edition",), {"default": None,
                                 "help": "edition folder under the data dir"}),
    "data-dir": (("--data-dir",), {"type": Path, "default": None,
                                   "help": "data folder (default: data)"}),
    "out": (("--out",), {"type": Path, "default": None,
                         "help": "output folder for data other than the committed edition"}),
    "force": (("--force",), {"action": "store_true",
                             "help": "re-execute even if up to date"}),
    "workers": (("--workers",), {"type": workers, "default": None,
                                 "help": "warm kernels to run notebooks on (default: one per "
                                         "core)"}),
    "timeout": (("--timeout",), {"type": seconds, "default": DEFAULT_TIMEOUT,
                                 "help": "seconds one notebook may run before its kernel is "
                                         "replaced and it is tried once more"}),
    "embargo": (("--embargo",), {"type": embargo, "default": None, "metavar": "WHEN",
                                 "help": "mark every page of the site, the PDF and the "
                                         "briefings 'EMBARGOED UNTIL ...' (and noindex) until "
                                         "WHEN, a date and time with its offset from UTC, such "
                                         "as 2024-04-22T00:01+01:00; without it the build is "
                                         "the public one"}),
    "sent": (("--sent",), {"type": date, "default": None,
                           "help": "the date the letters go out, YYYY-MM-DD (default: today)"}),
    "no-pdf": (("--no-pdf",), {"action": "store_true", "help": "Markdown only"}),
    "letters-out": (("--out",), {"type": Path, "default": None,
                                 "help": "folder for the letters (default: "
                                         "_build/requests/<edition>)"}),
    "today": (("--today",), {"type": date, "default": None,
                             "help": "count working days up to this date, YYYY-MM-DD"}),
    "compare": (("--compare",), {"metavar": "REF", "default": None,
                                 "help": "a git revision, or a folder with a figures.json or "
                                         "executed notebooks, to compare the figures with"}),
    "fresh": (("--fresh",), {"action": "store_true",
                             "help": "execute the notebooks afresh (into a scratch folder) and "
                                     "compare those, instead of the committed ones"}),
    "write": (("--write",), {"type": Path, "default": None, "metavar": "DIR",
                             "help": "write figures.csv and figures.json into DIR"}),
    "host": (("--host",), {"default": "127.0.0.1", "help": "address to serve on"}),
    "port": (("--port",), {"type": port, "default": 8000, "help": "port to serve on"}),
    "name": (("name",), {"help": "file name of the chapter, e.g. victim-support"}),
    "title": (("--title",), {"required": True, "help": "the chapter's title"}),
    "narrative": (("--narrative",), {"action": "store_true",
                                     "help": "a Markdown chapter without data (no template or "
                                             "modules)"}),
    "part": (("--part",), {"default": "Findings", "help": "the _toc.yml part to add it to"}),
    "new-edition": (("edition",), {"help": "the new edition's year, e.g. 2025"}),
    "from": (("--from",), {"dest": "previous", "required": True,
                           "help": "the edition to start from, e.g. 2024"}),
    "workbook-out": (("--out",), {"type": xlsx, "required": True,
                                  "help": "the .xlsx file to write"}),
    "file": (("file",), {"type": Path, "help": "the workbook"}),
}

# Groups that several commands share.
EDITION = ("root", "edition", "data-dir")
RUN = ("out", "force", "workers", "timeout")


def attach(parser: argparse.ArgumentParser, names: tuple[str, ...]) -> None:
    for name in names:
        flags, settings = OPTIONS[name]
        parser.add_argument(*flags, **settings)
