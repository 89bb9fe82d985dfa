"""Argument parsing and error handling for the ``policeframeworks`` command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ..exceptions import DataFileError, PoliceFrameworksError, UnknownIdError, ValidationError
from ._output import FORMATS

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace, TextIO], int]


class UsageError(PoliceFrameworksError):
    """A mistake in how the command was called (exit code 2)."""


def add_format(parser: argparse.ArgumentParser) -> None:
    """Give a listing command the common ``--format table|json|csv`` option."""
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


#: Modules of this package that add subcommands: each has ``register(subparsers) -> None`` and sets
#: ``handler`` (a :data:`Handler`) on every parser it adds. Listed in the order ``--help`` shows them.
COMMAND_MODULES = ("_cmd_catalog",)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="policeframeworks",
        description="Police-reform frameworks as data: catalog, crosswalk coverage, assessments.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "handler", None) is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        code: int = args.handler(args, out)
    except ValidationError as exc:
        if args.debug:
            raise
        for problem in exc.problems:
            err.write(f"error: {problem}\n")
        return EXIT_DATA
    except (UnknownIdError, UsageError) as exc:
        if args.debug:
            raise
        err.write(f"error: {exc}\n")
        return EXIT_USAGE
    except (DataFileError, PoliceFrameworksError) as exc:
        if args.debug:
            raise
        err.write(f"error: {exc}\n")
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK
    return code
