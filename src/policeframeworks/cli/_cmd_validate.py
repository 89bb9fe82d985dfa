"""``validate FILE...``: check data files and report every problem with its file and path.

What a file holds is told from its top-level keys by :func:`policeframeworks.io._files.resolve_type`, so every
kind of document the library registers is checked the same way: framework files, crosswalk files (JSON or
TOML; crosswalks also as CSV), assessment files and assessments files (``{"assessments": [...]}``), whose
frameworks must be bundled; column-map files (a ``columns`` table for ``assess import --columns``), whose
targets must be known fields or principle ids of one framework; and dataset descriptors (``path`` and
``based_on`` or ``framework``), checked and their CSV read as ``assess import --dataset`` reads it. A
crosswalk file is also checked against the bundled catalog (unknown ids, with the closest suggested) and
linted (:meth:`policeframeworks.Crosswalk.lint`); each lint problem is a data problem.

Output: every problem is one line on stderr (``error: FILE: PATH: message (did you mean ...?)``). On stdout,
one row per file; table and CSV columns ``file, kind, status, detail`` (status ``ok``, ``invalid`` or
``unusable``); JSON objects add ``problems``, a list of ``{"path", "message", "suggestion"}``.

Exit code: 0 when every file is valid; 1 when any file has data problems; 2 when any file could not be
checked at all (missing, a directory, an unsupported extension), which wins over 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._assess_files import unbundled_frameworks
from ._common import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    CommandGroup,
    Console,
    UsageError,
    add_format,
    input_file,
    plural,
)
from ._progress import check_each

if TYPE_CHECKING:
    from policeframeworks import Crosswalk

COLUMNS = ("file", "kind", "status", "detail")


def register(commands: CommandGroup) -> None:
    """Add ``validate`` to the subparsers ``sub``."""
    p = commands.add(
        "validate",
        help="check data files (frameworks, crosswalks, assessments, column maps) and list every problem",
        description="Check each FILE (JSON or TOML) and list every problem with its path. "
        "What a file holds is told from its keys.",
        handler=cmd_validate,
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="a data file to check")
    add_format(p)


def cmd_validate(args: argparse.Namespace, console: Console) -> int:
    """Validate every file; rows to ``out``, one line per problem to stderr; the exit code of the worst."""
    rows, code = check_each(args.files, _check, console.err, label="validating")
    console.emit(rows, COLUMNS, args.format)
    return code


def _check(name: str) -> tuple[dict[str, Any], list[str], int]:
    """One file: its row, its problem lines for stderr, and its exit code."""
    from policeframeworks import DataFileError, ValidationError, io

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
            row["kind"] = io.file_kind(path)
            if row["kind"] is None and _is_dataset(path):
                row["kind"] = "dataset"
                obj = Dataset(io.read_assessments(path))
            elif row["kind"] is None and _is_column_map(path):
                row["kind"] = "column-map"
                obj = _column_map(path)
            elif row["kind"] == "crosswalk":
                obj = _crosswalk(path)
            else:
                obj = io.load(path)
                _check_assessment_frameworks(obj, str(path))
    except ValidationError as exc:
        row.update(status="invalid", detail=plural(len(exc.problems), "problem"))
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


def _crosswalk(path: Path) -> Crosswalk:
    """A crosswalk file read with its ids checked against the bundled catalog, then linted.

    Lint problems are data problems: they are raised as one :class:`ValidationError`, rows numbered as a
    spreadsheet shows them for CSV files.
    """
    from policeframeworks import Problem, ValidationError, io

    cw = io.read_crosswalk(path)
    csv_rows = path.suffix.lower() == ".csv"
    problems = [
        Problem(
            ", ".join(
                [
                    *(f"row {i + 2}" if csv_rows else f"mappings[{i}]" for i in p.indices),
                    *(f"reviews[{i}]" for i in p.review_indices),
                ]
            ),
            f"{p.kind}: {p.message}",
        )
        for p in cw.lint()
    ]
    if problems:
        raise ValidationError(problems, file=str(path))
    return cw


def _is_column_map(path: Path) -> bool:
    """Whether a file of no known kind is a column map (a ``columns`` table), as far as it reads as one."""
    from policeframeworks import DataFileError, ValidationError, io

    try:
        io.read_column_map(path)
    except ValidationError as exc:
        return all(p.path.startswith("columns") for p in exc.problems)
    except DataFileError:
        return False
    return True


def _is_dataset(path: Path) -> bool:
    """Whether a file of no known kind is a dataset descriptor (``path`` and ``based_on`` or a framework)."""
    import json
    import tomllib

    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "path" in data and ("based_on" in data or "framework" in data)


class Dataset:
    """The assessments a dataset descriptor reads (:func:`policeframeworks.io.read_assessments`)."""

    def __init__(self, assessments: tuple[Any, ...]) -> None:
        self.assessments = assessments


class ColumnMap:
    """A column map file as read by :func:`policeframeworks.io.read_assessments_csv` (``columns=FILE``)."""

    def __init__(self, columns: dict[str, str]) -> None:
        self.columns = columns
        self.framework = next((t.split(":", 1)[0] for t in columns.values() if ":" in t), None)


def _column_map(path: Path) -> ColumnMap:
    """A column map file, checked by :func:`policeframeworks.io.read_column_map`."""
    from policeframeworks import io

    return ColumnMap(io.read_column_map(path))


def _check_assessment_frameworks(obj: object, file: str) -> None:
    """Assessments of frameworks that are not bundled cannot be checked or scored: a problem each."""
    from policeframeworks import Assessment, AssessmentSet, ValidationError, load_catalog

    if isinstance(obj, Assessment):
        items = [(obj, "")]
    elif isinstance(obj, AssessmentSet):
        items = [(a, f"assessments[{i}]") for i, a in enumerate(obj.assessments)]
    else:
        return
    problems = unbundled_frameworks(items, load_catalog(), why=", so the findings cannot be checked")
    if problems:
        raise ValidationError(problems, file=file)


def _describe(obj: object) -> str:
    from policeframeworks import Assessment, AssessmentSet, Framework

    if isinstance(obj, Framework):
        n = sum(1 for _ in obj.iter_principles())
        return f"{obj.id}: {plural(len(obj.principles), 'principle')}, {plural(n, 'provision')}"
    if isinstance(obj, Assessment):
        return f"{obj.jurisdiction}, {obj.as_of}: {plural(len(obj.findings), 'finding')}"
    if isinstance(obj, AssessmentSet):
        fws = ", ".join(dict.fromkeys(a.framework_id for a in obj.assessments)) or "none"
        return f"{plural(len(obj), 'assessment')} of {fws}"
    if isinstance(obj, Dataset):
        fws = ", ".join(dict.fromkeys(a.framework_id for a in obj.assessments)) or "none"
        return f"{plural(len(obj.assessments), 'assessment')} of {fws} read from its CSV"
    if isinstance(obj, ColumnMap):
        of = f", {obj.framework}" if obj.framework else ""
        return f"{plural(len(obj.columns), 'column')}{of}"
    mappings = getattr(obj, "mappings", None)
    if isinstance(mappings, tuple):
        return f"{plural(len(mappings), 'mapping')}, ids known, lints clean"
    ident = getattr(obj, "id", None)
    return str(ident) if ident is not None else type(obj).__name__
