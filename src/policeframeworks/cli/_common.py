"""What every command of the command line shares: the parser, the console, exit codes, usage errors.

How to add a command (nothing else needs to change: ``--help`` and the completion scripts are generated
from the parser, :func:`policeframeworks.cli.build_parser`):

1. Write ``cli/_cmd_NAME.py`` with ``register(commands: CommandGroup) -> None``. In it,
   ``p = commands.add("name", help="one line for the list", description="what it does", handler=cmd_name)``
   adds the command (``commands.group(...)`` adds a group such as ``assess``, whose ``.add`` adds its
   subcommands); give ``p`` its arguments with ``p.add_argument`` and, for a listing, ``add_format(p)``.
2. Write the handler, ``def cmd_name(args: argparse.Namespace, console: Console) -> int``: rows go out
   through ``console.emit`` (build them with the ``policeframeworks.io`` records), other text through
   ``console.write``, JSON or other data through ``console.data``, notes through ``console.note``. A mistake
   in the call raises :class:`UsageError` (exit code 2); the library's own errors are left to propagate
   (``_main`` turns them into one line each and an exit code).
3. Import the module in ``cli/_main.py`` and add it to ``COMMAND_MODULES`` (the order ``--help`` lists them).
   A new ``assess`` subcommand is a module ``cli/_assess_NAME.py`` with ``register(assess: CommandGroup)``,
   added to ``SUBCOMMANDS`` in ``cli/_cmd_assess.py`` instead.

To add an option to an existing command, add it in that command's ``register``. Import only the public
``policeframeworks`` API and this package's helpers, and import heavy libraries inside the handler, so that
``policeframeworks --help`` stays fast. Test it with ``run(...)`` from ``tests/clihelpers.py``.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ..exceptions import PoliceFrameworksError
from ._output import render, wrap

if TYPE_CHECKING:
    from policeframeworks import Catalog

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2

#: The listing formats every listing command takes (``--format``).
FORMATS = ("table", "json", "csv")

#: Narrowest table the console lays out, whatever the terminal says.
MIN_WIDTH = 40


class UsageError(PoliceFrameworksError):
    """A mistake in how the command was called (exit code 2); several mistakes are one line each."""


class Console:
    r"""Where a command writes: the listing to ``out``, notes and progress to ``err``, in ``width`` columns.

    Text meant to be read (tables, trees, prose: :meth:`write` and :meth:`emit` in the table format) has
    control characters and bidirectional overrides escaped (``\x1b``), so a title in a data file cannot
    move the cursor, recolour or rewrite the terminal. Data formats (JSON, CSV, GraphML, ...) written
    with :meth:`data` are left as they are, except on a terminal, where they are escaped the same way.

    Example:
        >>> import io
        >>> console = Console(io.StringIO(), io.StringIO(), width=80)
        >>> console.write("Bad \x1b[31mtitle\n")
        >>> print(console.out.getvalue(), end="")
        Bad \x1b[31mtitle
        >>> console.data('"\x1b"\n')  # not a terminal: data is written as it is
        >>> console.out.getvalue().endswith('"\x1b"\n')
        True
    """

    def __init__(self, out: TextIO, err: TextIO, *, width: int | None = None) -> None:
        self.out = out
        self.err = err
        self.width = terminal_width(out) if width is None else max(MIN_WIDTH, width)
        self.is_terminal = _isatty(out)

    def write(self, text: str) -> None:
        """Write text meant to be read, escaped."""
        self.out.write(terminal_safe(text))

    def data(self, text: str) -> None:
        """Write a data format (JSON, CSV, ...) as it is, escaped only when ``out`` is a terminal."""
        self.out.write(terminal_safe(text) if self.is_terminal else text)

    def emit(
        self,
        rows: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        fmt: str,
        *,
        table_columns: Sequence[str] | None = None,
        keep: Sequence[str] = ("id",),
    ) -> None:
        """Rows as a table in this console's width, or as JSON or CSV (see :func:`._output.emit`)."""
        text = render(rows, columns, fmt, width=self.width, table_columns=table_columns, keep=keep)
        if fmt == "table":
            self.write(text)
        else:
            self.data(text)

    def note(self, text: str) -> None:
        """A ``note: ...`` line on ``err`` (stdout keeps only the listing)."""
        self.err.write(terminal_safe(f"note: {text}") + "\n")

    def info(self, text: str) -> None:
        """An informational line (``wrote FILE``) on ``err``."""
        self.err.write(terminal_safe(text) + "\n")

    def wrap(self, text: str, *, indent: str = "", first: str | None = None) -> str:
        """``text`` wrapped for this console (at most 80 columns: prose is read, not scanned)."""
        return wrap(text, indent=indent, first=first, width=min(80, self.width))


#: A command's handler: reads its arguments, writes to the console, returns the exit code.
Handler = Callable[[argparse.Namespace, Console], int]

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional marks and overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with every character that could drive a terminal written as an escape, as Python would.

    Tabs and newlines are kept; everything else below space, DEL, the C1 controls and the bidirectional
    marks and overrides become ``\x1b``, ``\u202e``, ...

    Example:
        >>> print(terminal_safe("a\x1b[2Jb\u202ec\td"))
        a\x1b[2Jb\u202ec	d
    """
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def terminal_width(out: TextIO) -> int:
    """The width tables are laid out in: ``COLUMNS`` if set, the terminal's width, or 80 on a pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    if _isatty(out):
        try:
            return max(MIN_WIDTH, os.get_terminal_size(out.fileno()).columns)
        except (OSError, ValueError, AttributeError):
            pass
    return 80


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Parser(argparse.ArgumentParser):
    """An argument parser that keeps a public record of its arguments and subcommands.

    ``arguments`` lists the :class:`argparse.Action` of every argument added (``--help`` included), and
    ``commands`` is the :class:`CommandGroup` of its subcommands, if any: what completion scripts and the
    CLI reference are generated from.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.arguments: list[argparse.Action] = []
        self.commands: CommandGroup | None = None
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Add an argument (as :meth:`argparse.ArgumentParser.add_argument`) and record it."""
        action = super().add_argument(*args, **kwargs)
        self.arguments.append(action)
        return action

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message (control characters escaped, as every line), exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {terminal_safe(message)}\n")


class CommandGroup:
    """The subcommands of a parser: ``policeframeworks COMMAND`` or ``policeframeworks assess SUBCOMMAND``.

    Example:
        >>> root = Parser(prog="tool")
        >>> commands = CommandGroup(root, name="tool")
        >>> p = commands.add("hello", help="say hello", description="Say hello.", handler=lambda a, c: 0)
        >>> sorted(commands.parsers), root.parse_args(["hello"]).command_name
        (['hello'], 'hello')
    """

    def __init__(self, parser: Parser, *, name: str, metavar: str = "COMMAND") -> None:
        self.parser = parser
        self.name = name
        self.parsers: dict[str, Parser] = {}
        self.helps: dict[str, str] = {}
        dest = "command" if parser.commands is None and name == parser.prog else None
        self._sub = parser.add_subparsers(
            dest=dest or f"{name.replace(' ', '_')}_command", metavar=metavar, parser_class=Parser
        )
        parser.commands = self

    def add(self, name: str, *, help: str, description: str, handler: Handler | None = None) -> Parser:
        """Add subcommand ``name``: a line for the list, a description for its own ``--help``, a handler."""
        full = name if self.name == self.parser.prog else f"{self.name} {name}"
        p = self._sub.add_parser(name, help=help, description=description)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.set_defaults(command_name=full, command_parser=p)
        if handler is not None:
            p.set_defaults(handler=handler)
        self.parsers[name] = p
        self.helps[name] = help
        return p

    def group(self, name: str, *, help: str, description: str, metavar: str = "SUBCOMMAND") -> CommandGroup:
        """Add a command that has subcommands of its own; called without one, it prints its help (exit 2)."""
        p = self.add(name, help=help, description=description)
        full = name if self.name == self.parser.prog else f"{self.name} {name}"
        return CommandGroup(p, name=full, metavar=metavar)


def add_format(
    parser: argparse.ArgumentParser, choices: Sequence[str] = FORMATS, default: str | None = "table"
) -> None:
    """Give a command ``--format`` (also accepted before the command: ``policeframeworks --format csv``)."""
    shown = f"default: {default}" if default is not None else "no default"
    parser.add_argument(
        "--format", choices=choices, default=None, help=f"output format: {', '.join(choices)} ({shown})"
    )
    parser.set_defaults(format_choices=tuple(choices), format_default=default)


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``options``, or an empty string.

    Example:
        >>> did_you_mean("jsn", ["table", "json", "csv"])
        " (did you mean 'json'?)"
    """
    close = difflib.get_close_matches(word.casefold(), options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_word(option: str, value: str | None, words: Sequence[str], *, what: str = "") -> str | None:
    """An option's value as one of ``words`` (compared ignoring case), or a :class:`UsageError` naming them.

    Example:
        >>> check_word("--kind", "citty", ["city", "county"])
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: --kind: 'citty' is not one of city, county (...)
    """
    if value is None or value.casefold() in words:
        return None if value is None else value.casefold()
    expected = f"is not {what}" if what else f"is not one of {', '.join(words)}"
    hint = did_you_mean(value, words)
    if what and not hint:
        hint = f"; expected one of {', '.join(words)}"
    raise UsageError(f"{option}: {value!r} {expected}{hint}")


def check_framework_ids(catalog: Catalog, named: Sequence[tuple[str, str]]) -> None:
    """Check ``(role, id)`` pairs are framework ids; one line per bad id, as one :class:`UsageError`.

    A principle id is told apart from a misspelled framework id.

    Example:
        >>> from policeframeworks import load_catalog
        >>> check_framework_ids(load_catalog(), [("SOURCE", "uscm"), ("TARGET", "8cantwait")])
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: SOURCE: unknown framework id 'uscm' (did you mean ...?)
        TARGET: unknown framework id '8cantwait' (did you mean '8cantwait-2020'?)
    """
    from policeframeworks import UnknownIdError

    lines = []
    for role, value in named:
        if value in catalog.framework_ids:
            continue
        if ":" in value and value in catalog:
            fw_id = value.split(":", 1)[0]
            lines.append(f"{role}: {value!r} is a principle; expected a framework id such as {fw_id!r}")
            continue
        try:
            catalog.framework(value)
        except UnknownIdError as exc:
            lines.append(f"{role}: {exc}")
    if lines:
        raise UsageError("\n".join(lines))


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 assessment``, ``2 assessments`` (``words`` for an irregular plural).

    Example:
        >>> plural(1, "assessment"), plural(0, "mapping"), plural(2, "body", "bodies")
        ('1 assessment', '0 mappings', '2 bodies')
    """
    return f"{n} {word if n == 1 else words or word + 's'}"


def input_file(path: str | os.PathLike[str], *, suffixes: Sequence[str] = (".json", ".toml")) -> Path:
    """Check a file named on the command line: it exists, is not a directory, has a known extension.

    Raises:
        UsageError: the file is missing, a directory, or of another type (exit code 2).

    Example:
        >>> input_file("no-such-file.toml")
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: no-such-file.toml: no such file
    """
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{p}: no such file")
    if p.is_dir():
        raise UsageError(f"{p}: is a directory, expected a file")
    suffix = p.suffix.lower()
    if suffix not in suffixes:
        more = did_you_mean(suffix, suffixes) if suffix else ""
        expected = " or ".join(suffixes)
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
        policeframeworks.cli._common.UsageError: .: is a directory, expected a file
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
