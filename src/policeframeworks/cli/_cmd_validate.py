"""``validate FILE...``: check data files and report every problem with its file and path.

What a file holds is told from its top-level keys by :func:`policeframeworks.io._files.resolve_type`, so every
kind of document the library registers is checked the same way: framework files and crosswalk files (JSON or
TOML; crosswalks also as CSV). A crosswalk file is also checked against the bundled catalog (unknown ids, with
the closest suggested) and linted (:meth:`policeframeworks.Crosswalk.lint`); each lint problem is a data
problem.

Output: every problem is one line on stderr (``error: FILE: PATH: message (did you mean ...?)``). On stdout,
one row per file; table and CSV columns ``file, kind, status, detail`` (status ``ok``, ``invalid`` or
``unusable``); JSON objects add ``problems``, a list of ``{"path", "message", "suggestion"}``.

Exit code: 0 when every file is valid; 1 when any file has data problems; 2 when any file could not be
checked at all (missing, a directory, an unsupported extension), which wins over 1.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._main import EXIT_DATA, EXIT_OK, EXIT_USAGE, UsageError, add_format, input_file
from ._output import emit
from ._progress import Progress

COLUMNS = ("file", "kind", "status", "detail")


def register(sub: Any) -> None:
    """Add ``validate`` to the subparsers ``sub``."""
    p = sub.add_parser(
        "validate",
        help="check data files (frameworks, ...) and list every problem",
        description="Check each FILE (JSON or TOML) and list every problem with its path. "
        "What a file holds is told from its keys.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="a data file to check")
    add_format(p)
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Validate every file; rows to ``out``, one line per problem to stderr; the exit code of the worst."""
    rows: list[dict[str, Any]] = []
    code = EXIT_OK
    err: TextIO = args.err
    with Progress(err, "validating", total=len(args.files)) as progress:
        for name in args.files:
            row, problems, file_code = _check(name)
            rows.append(row)
            progress.close()
            for line in problems:
                err.write(f"error: {line}\n")
            code = max(code, file_code)
            progress.advance()
    emit(rows, COLUMNS, args.format, out)
    return code


def _check(name: str) -> tuple[dict[str, Any], list[str], int]:
    """One file: its row, its problem lines for stderr, and its exit code."""
    from .. import _convert
    from ..exceptions import DataFileError, ValidationError
    from ..io._files import read_document, resolve_type

    row: dict[str, Any] = {"file": name, "kind": None, "status": "ok", "detail": "", "problems": []}
    try:
        path = input_file(name, suffixes=(".json", ".toml", ".csv"))
    except UsageError as exc:
        row.update(status="unusable", detail=str(exc).removeprefix(f"{name}: "))
        row["problems"] = [{"path": "", "message": row["detail"], "suggestion": None}]
        return row, [str(exc)], EXIT_USAGE
    try:
        if path.suffix.lower() == ".csv":
            row["kind"] = "crosswalk"
            obj: object = _crosswalk(path)
        else:
            data, file = read_document(path)
            cls = resolve_type(data, file)
            row["kind"] = _kind_name(cls)
            obj = (
                _crosswalk(path)
                if row["kind"] == "crosswalk"
                else _convert.from_builtins(data, cls, file=file)
            )
    except ValidationError as exc:
        row.update(status="invalid", detail=_count(len(exc.problems)))
        row["problems"] = [
            {"path": p.path, "message": p.message, "suggestion": p.suggestion} for p in exc.problems
        ]
        return row, [str(p) for p in exc.problems], EXIT_DATA
    except DataFileError as exc:
        row.update(status="invalid", detail=str(exc).removeprefix(f"{name}: "))
        row["problems"] = [{"path": "", "message": row["detail"], "suggestion": None}]
        return row, [str(exc)], EXIT_DATA
    row["detail"] = _describe(obj)
    return row, [], EXIT_OK


def _crosswalk(path: Any) -> Any:
    """A crosswalk file read with its ids checked against the bundled catalog, then linted.

    Lint problems are data problems: they are raised as one :class:`ValidationError`, rows numbered as a
    spreadsheet shows them for CSV files.
    """
    from ..exceptions import Problem, ValidationError
    from ..io._crosswalk import read_crosswalk_file

    cw = read_crosswalk_file(path)
    csv_rows = path.suffix.lower() == ".csv"
    problems = [
        Problem(
            ", ".join(f"row {i + 2}" if csv_rows else f"mappings[{i}]" for i in p.indices),
            f"{p.kind}: {p.message}",
        )
        for p in cw.lint()
    ]
    if problems:
        raise ValidationError(problems, file=str(path))
    return cw


def _kind_name(cls: type) -> str:
    from ..io._files import DOCUMENT_TYPES

    target = f"{cls.__module__}:{cls.__qualname__}"
    for name, registered, _ in DOCUMENT_TYPES:
        if registered == target:
            return name
    return cls.__name__.lower()


def _describe(obj: object) -> str:
    from .._model import Framework

    if isinstance(obj, Framework):
        n = sum(1 for _ in obj.iter_principles())
        return f"{obj.id}: {len(obj.principles)} principles, {n} provisions"
    mappings = getattr(obj, "mappings", None)
    if isinstance(mappings, tuple):
        return f"{len(mappings)} mappings, ids known, lints clean"
    ident = getattr(obj, "id", None)
    return str(ident) if ident is not None else type(obj).__name__


def _count(n: int) -> str:
    return f"{n} problem{'s' if n != 1 else ''}"
