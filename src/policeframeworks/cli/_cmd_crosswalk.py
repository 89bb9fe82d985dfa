"""``crosswalk lint [FILE...]`` and ``crosswalk export``: check a crosswalk, write it for other tools.

``crosswalk lint`` with no FILE lints the bundled crosswalk; with files (TOML or JSON crosswalk documents, or
CSV in the columns ``crosswalk export --format csv`` writes), each file is read, its ids checked against the
bundled catalog, and linted on its own (see :meth:`policeframeworks.Crosswalk.lint` for what is checked).
Every problem is one line on stderr; stdout has one row per crosswalk, table and CSV columns ``crosswalk,
mappings, status, problems`` (status ``ok``, ``invalid`` or ``unusable``), JSON objects add ``details``, a
list of ``{"kind", "where", "message"}`` (``kind`` is a lint kind, or ``invalid`` for a problem that stops
the file from being read). Exit code 0 when clean, 1 when any problem is found, 2 when a file could not be
read at all (missing, a directory, an unsupported extension).

``crosswalk export --format graphml|gexf|json|csv [--out FILE] [--force]`` writes the bundled crosswalk as
GraphML, GEXF (for Gephi), node-link JSON or CSV (NIST IR 8477 STRM column order, then this library's own
columns), to stdout or, atomically, to FILE. Without ``--format``, the format is taken from FILE's extension
(``.graphml``, ``.gexf``, ``.json``, ``.csv``). ``--crosswalk FILE`` adds the mappings of the user's crosswalk
files after the bundled ones (``--replace``: exports only the user's), ``--framework-file FILE`` the user's
frameworks their ids may name (see :mod:`policeframeworks.cli._userfiles`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ._main import EXIT_DATA, EXIT_OK, EXIT_USAGE, UsageError, add_format, input_file, output_file
from ._output import emit
from ._progress import check_each
from ._userfiles import add_user_files, load_user_data

LINT_COLUMNS = ("crosswalk", "mappings", "status", "problems")
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
BUNDLED = "(bundled)"


def register(sub: Any) -> None:
    """Add ``crosswalk lint`` and ``crosswalk export`` to the subparsers ``sub``."""
    p = sub.add_parser("crosswalk", help="lint or export a crosswalk (lint, export)")
    inner = p.add_subparsers(dest="crosswalk_command", metavar="ACTION")
    p.set_defaults(handler=_missing_action(p))

    lint = inner.add_parser(
        "lint",
        help="check a crosswalk for contradictions, duplicates and unknown ids",
        description="Lint the bundled crosswalk, or each FILE (TOML, JSON or CSV).",
    )
    lint.add_argument("files", metavar="FILE", nargs="*", help="a crosswalk file (default: the bundled one)")
    add_format(lint)
    lint.set_defaults(handler=cmd_lint)

    export = inner.add_parser(
        "export",
        help="write the bundled crosswalk as GraphML, GEXF, JSON or CSV",
        description="Write the bundled crosswalk as GraphML, GEXF (Gephi), node-link JSON or CSV; with "
        "--crosswalk, with your mappings added (or, with --replace, yours alone).",
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, help="default: from --out's extension")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_user_files(export)
    export.set_defaults(handler=cmd_export)


def _missing_action(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        raise UsageError("crosswalk needs an action: lint or export (see policeframeworks crosswalk --help)")

    return handler


def cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    """Lint the bundled crosswalk or each file; rows to ``out``, problems to stderr, the worst exit code."""
    from .._catalog import load_catalog

    err: TextIO = args.err
    if args.files:
        rows, code = check_each(args.files, _lint_file, err, label="linting")
    else:
        row, lines = _lint_row(BUNDLED, load_catalog().crosswalk, csv_rows=False)
        rows, code = [row], (EXIT_DATA if lines else EXIT_OK)
        for line in lines:
            err.write(f"error: {line}\n")
    emit(rows, LINT_COLUMNS, args.format, out)
    return code


def _lint_row(name: str, cw: Any, *, csv_rows: bool) -> tuple[dict[str, Any], list[str]]:
    problems = cw.lint()
    details = []
    lines = []
    for p in problems:
        where = ", ".join(
            [
                *(f"row {i + 2}" if csv_rows else f"mappings[{i}]" for i in p.indices),
                *(f"reviews[{i}]" for i in p.review_indices),
            ]
        )
        details.append({"kind": str(p.kind), "where": where, "message": p.message})
        prefix = f"{name}: " if name != BUNDLED else "bundled crosswalk: "
        lines.append(f"{prefix}{where}: {p.kind}: {p.message}")
    row = {
        "crosswalk": name,
        "mappings": len(cw.mappings),
        "status": "invalid" if problems else "ok",
        "problems": len(problems),
        "details": details,
    }
    return row, lines


def _lint_file(name: str) -> tuple[dict[str, Any], list[str], int]:
    """One crosswalk file: its row, its problem lines for stderr, and its exit code."""
    from ..exceptions import DataFileError, ValidationError
    from ..io._crosswalk import read_crosswalk_file

    try:
        path = input_file(name, suffixes=(".toml", ".json", ".csv"))
    except UsageError as exc:
        detail = {"kind": "unusable", "where": "", "message": str(exc).removeprefix(f"{name}: ")}
        row = {"crosswalk": name, "mappings": None, "status": "unusable", "problems": 1, "details": [detail]}
        return row, [str(exc)], EXIT_USAGE
    try:
        cw = read_crosswalk_file(path)
    except ValidationError as exc:
        details = [{"kind": "invalid", "where": p.path, "message": _message(p)} for p in exc.problems]
        row = {
            "crosswalk": name,
            "mappings": None,
            "status": "invalid",
            "problems": len(details),
            "details": details,
        }
        return row, [str(p) for p in exc.problems], EXIT_DATA
    except DataFileError as exc:
        detail = {"kind": "invalid", "where": "", "message": str(exc).removeprefix(f"{name}: ")}
        row = {"crosswalk": name, "mappings": None, "status": "invalid", "problems": 1, "details": [detail]}
        return row, [str(exc)], EXIT_DATA
    row, lines = _lint_row(name, cw, csv_rows=path.suffix.lower() == ".csv")
    return row, lines, EXIT_DATA if lines else EXIT_OK


def _message(p: Any) -> str:
    return str(p.message) + (f" (did you mean {p.suggestion!r}?)" if p.suggestion else "")


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Write the bundled (or the user's) crosswalk in the chosen format, to stdout or atomically to FILE."""
    import json

    from ..io._files import write_text_atomic

    fmt: str | None = args.format
    target = None
    if args.out is not None:
        target = output_file(args.out, force=args.force)
        if fmt is None:
            fmt = target.suffix.lower().lstrip(".")
            if fmt not in EXPORT_FORMATS:
                raise UsageError(
                    f"{target}: cannot tell the format from the extension; give --format "
                    f"({', '.join(EXPORT_FORMATS)})"
                )
    elif fmt is None:
        raise UsageError(f"crosswalk export needs --format ({', '.join(EXPORT_FORMATS)}) or --out FILE")
    _, cw = load_user_data(args)
    if fmt == "json":
        text = json.dumps(cw.to_node_link(), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        text = str(cw.to_csv())
    else:
        text = _graph_text(cw, fmt)
    if target is None:
        out.write(text)
    else:
        write_text_atomic(target, text, overwrite=args.force)
        args.err.write(f"wrote {target} ({len(cw.mappings)} mappings)\n")
    return EXIT_OK


def _graph_text(cw: Any, fmt: str) -> str:
    """GraphML or GEXF text, through the library's own writer (into a private temporary folder)."""
    import tempfile

    from ..io._crosswalk import write_graph

    with tempfile.TemporaryDirectory(prefix="policeframeworks-") as folder:
        path = Path(folder) / f"crosswalk.{fmt}"
        write_graph(cw, path, fmt)
        return path.read_text(encoding="utf-8")
