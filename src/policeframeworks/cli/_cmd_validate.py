"""``validate FILE...``: check data files and report every problem with its file and path.

What a file holds is told from its top-level keys by :func:`policeframeworks.io._files.resolve_type`, so every
kind of document the library registers is checked the same way: framework files, crosswalk files (JSON or
TOML; crosswalks also as CSV), assessment files and assessments files (``{"assessments": [...]}``), whose
frameworks must be bundled; and column-map files (a ``columns`` table for ``assess import --columns``), whose
targets must be known fields or principle ids of one framework. A crosswalk file is also checked against the
bundled catalog (unknown ids, with the closest suggested) and linted
(:meth:`policeframeworks.Crosswalk.lint`); each lint problem is a data problem.

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
from ._progress import check_each

COLUMNS = ("file", "kind", "status", "detail")


def register(sub: Any) -> None:
    """Add ``validate`` to the subparsers ``sub``."""
    p = sub.add_parser(
        "validate",
        help="check data files (frameworks, crosswalks, assessments, column maps) and list every problem",
        description="Check each FILE (JSON or TOML) and list every problem with its path. "
        "What a file holds is told from its keys.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="a data file to check")
    add_format(p)
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Validate every file; rows to ``out``, one line per problem to stderr; the exit code of the worst."""
    rows, code = check_each(args.files, _check, args.err, label="validating")
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
            if _is_column_map(data):
                row["kind"] = "column-map"
                obj = _column_map(path)
            else:
                cls = resolve_type(data, file)
                row["kind"] = _kind_name(cls)
                obj = (
                    _crosswalk(path)
                    if row["kind"] == "crosswalk"
                    else _convert.from_builtins(data, cls, file=file)
                )
                _check_assessment_frameworks(obj, file)
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


def _is_column_map(data: Any) -> bool:
    """Whether a document is a column map (a ``columns`` table) rather than a registered kind of file."""
    from collections.abc import Mapping

    from ..io._files import DOCUMENT_TYPES

    return (
        isinstance(data, Mapping)
        and "columns" in data
        and not any(test(data) for _, _, test in DOCUMENT_TYPES)
    )


class ColumnMap:
    """A column map file as read by :func:`policeframeworks.io.read_assessments_csv` (``columns=FILE``)."""

    def __init__(self, columns: dict[str, str], framework: str | None) -> None:
        self.columns = columns
        self.framework = framework


def _column_map(path: Any) -> ColumnMap:
    """A column map file, checked as far as can be without the spreadsheet.

    Its shape is checked by the reader itself; each target must be a field the reader knows (``name``,
    ``state``, ..., and the long layout's ``principle_id``, ``status``, ...) or a principle id of the
    bundled catalog, all of one framework. Whether the headers exist needs the CSV (``assess import``).
    """
    from .._catalog import load_catalog
    from .._suggest import first_or_none
    from ..exceptions import Problem, ValidationError
    from ..io._csv import FIELDS, LONG_FIELDS, _load_column_map

    table = dict(_load_column_map(path))
    catalog = load_catalog()
    fields = [*FIELDS, *LONG_FIELDS]
    problems: list[Problem] = []
    frameworks: dict[str, str] = {}
    for header, target in table.items():
        where = f"columns.{header}"
        if not header.strip():
            problems.append(Problem(where, "an empty header"))
        if target in fields:
            continue
        if ":" in target and target in catalog:
            frameworks.setdefault(target.split(":", 1)[0], header)
            continue
        ids = [pid for fw in catalog.frameworks for pid in fw.principle_ids]
        problems.append(
            Problem(
                where,
                f"{target!r} is neither a field name nor a principle id of the bundled catalog",
                suggestion=first_or_none(target, [*fields, *ids]),
            )
        )
    if len(frameworks) > 1:
        named = ", ".join(f"{fw} (e.g. {header!r})" for fw, header in frameworks.items())
        problems.append(Problem("columns", f"principles of several frameworks: {named}; a map is for one"))
    if problems:
        raise ValidationError(problems, file=str(path))
    return ColumnMap(table, next(iter(frameworks), None))


def _check_assessment_frameworks(obj: object, file: str) -> None:
    """Assessments of frameworks that are not bundled cannot be checked or scored: a problem each."""
    from .._assessment import Assessment, AssessmentSet
    from .._catalog import load_catalog
    from .._suggest import first_or_none
    from ..exceptions import Problem, ValidationError

    if isinstance(obj, Assessment):
        items = [("", obj)]
    elif isinstance(obj, AssessmentSet):
        items = [(f"assessments[{i}].", a) for i, a in enumerate(obj.assessments)]
    else:
        return
    ids = load_catalog().framework_ids
    problems = [
        Problem(
            f"{prefix}framework_id",
            f"{a.framework_id!r} is not a bundled framework, so the findings cannot be checked",
            suggestion=first_or_none(a.framework_id, ids),
        )
        for prefix, a in items
        if a.framework_id not in ids
    ]
    if problems:
        raise ValidationError(problems, file=file)


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
    from .._assessment import Assessment, AssessmentSet

    if isinstance(obj, Assessment):
        return f"{obj.jurisdiction}, {obj.as_of}: {_count_of(len(obj.findings), 'finding')}"
    if isinstance(obj, AssessmentSet):
        fws = ", ".join(dict.fromkeys(a.framework_id for a in obj.assessments)) or "none"
        return f"{_count_of(len(obj), 'assessment')} of {fws}"
    if isinstance(obj, ColumnMap):
        of = f", {obj.framework}" if obj.framework else ""
        return f"{_count_of(len(obj.columns), 'column')}{of}"
    mappings = getattr(obj, "mappings", None)
    if isinstance(mappings, tuple):
        return f"{len(mappings)} mappings, ids known, lints clean"
    ident = getattr(obj, "id", None)
    return str(ident) if ident is not None else type(obj).__name__


def _count(n: int) -> str:
    return _count_of(n, "problem")


def _count_of(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
