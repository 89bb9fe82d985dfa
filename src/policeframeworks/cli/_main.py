"""Argument parsing and error handling for the ``policeframeworks`` command.

Exit codes (also in ``docs/cli.md``):

- ``0``: success.
- ``1``: the data has problems: a file that does not validate, a crosswalk that does not lint, a CSV with a
  bad cell, a file that is not UTF-8 or not valid JSON/TOML, an output that cannot be written.
- ``2``: the command was called wrongly: an unknown option, an unknown framework or principle id, a file that
  does not exist, a directory where a file is expected, an unsupported file extension, an output file that
  exists (without ``--force``).

Every error is one line on stderr per problem (``error: FILE: PATH: what was expected (did you mean ...?)``);
a traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
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


def add_common(parser: argparse.ArgumentParser) -> None:
    """Let ``--debug`` also follow the subcommand (``policeframeworks show x --debug``)."""
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def input_file(path: str | os.PathLike[str], *, suffixes: Sequence[str] = (".json", ".toml")) -> Path:
    """Check a file named on the command line: it exists, is not a directory, has a known extension.

    Raises:
        UsageError: the file is missing, a directory, or of another type (exit code 2).

    Example:
        >>> input_file("no-such-file.toml")
        Traceback (most recent call last):
        ...
        policeframeworks.cli._main.UsageError: no-such-file.toml: no such file
    """
    from .._suggest import first_or_none

    p = Path(path)
    if not p.exists():
        raise UsageError(f"{p}: no such file")
    if p.is_dir():
        raise UsageError(f"{p}: is a directory, expected a file")
    suffix = p.suffix.lower()
    if suffix not in suffixes:
        hint = first_or_none(suffix, suffixes) if suffix else None
        expected = " or ".join(suffixes)
        more = f" (did you mean {hint!r}?)" if hint else ""
        raise UsageError(f"{p}: unsupported file type {suffix or '(none)'!r}; expected {expected}{more}")
    return p


def output_file(path: str | os.PathLike[str], *, force: bool) -> Path:
    """Check a file to be written: not a directory, its folder exists, not there already unless ``force``.

    Raises:
        UsageError: the path is a directory, its folder is missing, or it exists and ``force`` is False.

    Example:
        >>> output_file(".", force=True)
        Traceback (most recent call last):
        ...
        policeframeworks.cli._main.UsageError: .: is a directory, expected a file
    """
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{p}: is a directory, expected a file")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{p}: folder {folder} does not exist")
    if p.exists() and not force:
        raise UsageError(f"{p}: already exists; use --force to replace it")
    return p


#: Modules of this package that add subcommands: each has ``register(subparsers) -> None`` and sets
#: ``handler`` (a :data:`Handler`) on every parser it adds. Listed in the order ``--help`` shows them.
COMMAND_MODULES = (
    "_cmd_catalog",
    "_cmd_coverage",
    "_cmd_crosswalk",
    "_cmd_diff",
    "_cmd_endorsements",
    "_cmd_assess",
    "_cmd_validate",
    "_cmd_report",
)


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
    _add_debug_everywhere(sub)
    return parser


def _add_debug_everywhere(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for child in dict.fromkeys(sub.choices.values()):
        add_common(child)
        for action in child._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_debug_everywhere(action)


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
    args.err = err
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
        for line in str(exc).splitlines():  # a UsageError may list several problems, one per line
            err.write(f"error: {line}\n")
        return EXIT_USAGE
    except (DataFileError, PoliceFrameworksError) as exc:
        if args.debug:
            raise
        err.write(f"error: {exc}\n")
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        if args.debug:
            raise
        err.write("error: interrupted\n")
        return 130
    except OSError as exc:  # e.g. a report folder without write permission
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        err.write(f"error: {where}{exc.strerror or exc}\n")
        return EXIT_DATA
    except Exception as exc:  # a bug: one line, and how to see more
        if args.debug:
            raise
        err.write(f"error: internal error ({type(exc).__name__}: {exc}); run with --debug for details\n")
        return EXIT_DATA
    return code
