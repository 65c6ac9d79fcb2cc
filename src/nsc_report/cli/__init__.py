"""The command line: parses the arguments and calls the library, one call per command.

May import anything; nothing imports it.
"""

from nsc_report.cli.main import main

__all__ = ["main"]
