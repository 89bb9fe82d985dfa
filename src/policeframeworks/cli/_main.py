"""The ``policeframeworks`` command: its parser, and how errors become exit codes.

Exit codes (also in the documentation of the command line):

- ``0``: success (also ``--help`` and ``--version``).
- ``1``: the data has problems: a file that does not validate, a crosswalk that does not lint, a CSV with a
  bad cell, a file that is not UTF-8 or not valid JSON/TOML, an output that cannot be written.
- ``2``: the command was called wrongly: no command, an unknown option, an unknown framework or principle id,
  a file that does not exist, a directory where a file is expected, an unsupported file extension, an
  output file that exists (without ``--force``).

Every error is one line on stderr per problem (``error: FILE: PATH: what was expected (did you mean ...?)``).
``--debug`` also prints the traceback, and never changes the exit code.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, TextIO

from ..exceptions import PoliceFrameworksError, UnknownIdError, ValidationError
from . import (
    _cmd_assess,
    _cmd_catalog,
    _cmd_completion,
    _cmd_coverage,
    _cmd_crosswalk,
    _cmd_diff,
    _cmd_endorsements,
    _cmd_release,
    _cmd_report,
    _cmd_validate,
)
from ._common import EXIT_DATA, EXIT_OK, EXIT_USAGE, CommandGroup, Console, Parser, UsageError, did_you_mean

#: The modules that add commands, in the order ``--help`` lists them; each has ``register(CommandGroup)``.
COMMAND_MODULES = (
    _cmd_catalog,
    _cmd_coverage,
    _cmd_crosswalk,
    _cmd_diff,
    _cmd_endorsements,
    _cmd_assess,
    _cmd_validate,
    _cmd_report,
    _cmd_release,
    _cmd_completion,
)

DESCRIPTION = "Police-reform frameworks as data: catalog, crosswalk coverage, assessments."
EPILOG = (
    "Run 'policeframeworks COMMAND --help' for a command's options. Exit codes: 0 success, 1 the data has "
    "problems, 2 the command was called wrongly (no command at all prints this help and exits 2)."
)


class _VersionAction(argparse.Action):
    """``--version``: the package version and the bundled data's version, worked out only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version of the package and of its bundled data, and exit")
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(version_text() + "\n")
        parser.exit()


def version_text() -> str:
    """``policeframeworks VERSION (data DATA_VERSION, Python X.Y.Z)``."""
    import platform

    import policeframeworks

    try:
        data = f"data {policeframeworks.load_catalog().data_version}"
    except PoliceFrameworksError as exc:  # --version still answers when the bundled data is broken
        data = f"data unreadable: {exc}"
    return f"policeframeworks {policeframeworks.__version__} ({data}, Python {platform.python_version()})"


def build_parser() -> Parser:
    """The argument parser with every command; building it reads no file and imports no heavy library."""
    parser = Parser(prog="policeframeworks", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("-V", "--version", action=_VersionAction)
    parser.add_argument("--debug", action="store_true", help="also print the traceback of an error")
    parser.add_argument(
        "--format",
        dest="global_format",
        metavar="FORMAT",
        help="the command's output format (the same as giving --format after the command)",
    )
    parser.set_defaults(root_parser=parser)  # for commands that read the whole tree (completion)
    commands = CommandGroup(parser, name=parser.prog)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    parser = build_parser()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed help, the version or its message
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_USAGE
    console = Console(out, err)
    debug = bool(args.debug)
    try:
        return _run(parser, args, console)
    except ValidationError as exc:
        return _fail(console, [str(p) for p in exc.problems], EXIT_DATA, debug)
    except (UnknownIdError, UsageError) as exc:  # a UsageError may list several problems, one per line
        return _fail(console, str(exc).splitlines(), EXIT_USAGE, debug)
    except PoliceFrameworksError as exc:
        return _fail(console, [str(exc)], EXIT_DATA, debug)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail(console, ["interrupted"], 130, debug)
    except OSError as exc:  # e.g. a report folder without write permission
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(console, [f"{where}{exc.strerror or exc}"], EXIT_DATA, debug)
    except Exception as exc:  # a bug: one line, and how to see more
        line = f"internal error ({type(exc).__name__}: {exc})" + (
            "" if debug else "; run with --debug for details"
        )
        return _fail(console, [line], EXIT_DATA, debug)


def _run(parser: Parser, args: argparse.Namespace, console: Console) -> int:
    handler = getattr(args, "handler", None)
    if handler is None:  # no command, or a group (assess, crosswalk) without its subcommand
        shown: Parser = getattr(args, "command_parser", parser)
        console.write(shown.format_help())
        name = getattr(args, "command_name", None)
        names = ", ".join(shown.commands.parsers) if shown.commands is not None else ""
        if name:
            raise UsageError(f"{name} needs a subcommand: {names}")
        raise UsageError(f"{parser.prog} needs a command: {names}")
    _resolve_format(args)
    code: int = handler(args, console)
    return code


def _resolve_format(args: argparse.Namespace) -> None:
    """Settle ``args.format`` from ``--format`` before and after the command."""
    given: str | None = args.global_format
    choices: tuple[str, ...] | None = getattr(args, "format_choices", None)
    if choices is None:
        if given is not None:
            raise UsageError(f"--format: {args.command_name} has no --format option")
        return
    after: str | None = args.format
    if given is not None:
        if after is not None and after != given:
            raise UsageError(f"--format given twice: {given!r} before the command, {after!r} after it")
        if given not in choices:
            expected = ", ".join(choices)
            raise UsageError(
                f"--format: {given!r} is not a format of {args.command_name} ({expected})"
                + did_you_mean(given, choices)
            )
        args.format = given
    elif after is None:
        args.format = args.format_default


def _fail(console: Console, lines: Sequence[str], code: int, debug: bool) -> int:
    if debug:
        traceback.print_exc(file=console.err)
    for line in lines:
        console.info(f"error: {line}")
    return code
