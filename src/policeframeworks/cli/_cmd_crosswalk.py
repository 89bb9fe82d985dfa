"""``crosswalk lint [FILE...]`` and ``crosswalk export``: check a crosswalk, write it for other tools.

``crosswalk lint`` with no FILE lints the bundled crosswalk; with files (TOML or JSON crosswalk documents, or
CSV in the columns ``crosswalk export --format csv`` writes), each file is read, its ids checked against the
bundled catalog, and linted on its own (see :meth:`policeframeworks.Crosswalk.lint` for what is checked).
Every problem is one line on stderr; stdout has one row per crosswalk, table and CSV columns ``crosswalk,
mappings, status, problems`` (status ``ok``, ``invalid`` or ``unusable``), JSON objects add ``details``, a
list of ``{"kind", "where", "message"}`` (``kind`` is a lint kind, or ``invalid`` for a problem that stops
the file from being read). Exit code 0 when clean, 1 when any problem is found, 2 when a file could not be
read at all (missing, a directory, an unsupported extension).

``crosswalk export --format graphml|gexf|json|csv|sssom|oscal [--out FILE] [--force]`` writes the bundled
crosswalk as GraphML, GEXF (for Gephi), node-link JSON, CSV (NIST IR 8477 STRM column order, then this
library's own columns), SSSOM/TSV or an OSCAL mapping collection (JSON), to stdout or, atomically, to FILE.
Without ``--format``, the format is taken from FILE's name (``.graphml``, ``.gexf``, ``.json``, ``.csv``,
``.sssom.tsv`` or ``.tsv``, ``.oscal.json``). ``--crosswalk FILE`` adds the mappings of the user's crosswalk
files after the bundled ones (``--replace``: exports only the user's), ``--framework-file FILE`` the user's
frameworks their ids may name (see :mod:`policeframeworks.cli._userfiles`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._common import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    CommandGroup,
    Console,
    UsageError,
    add_format,
    input_file,
    output_file,
    plural,
)
from ._progress import check_each
from ._userfiles import add_user_files, load_user_data

if TYPE_CHECKING:
    from policeframeworks import Crosswalk, Problem

LINT_COLUMNS = ("crosswalk", "mappings", "status", "problems")
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "sssom", "oscal")
BUNDLED = "(bundled)"


def register(commands: CommandGroup) -> None:
    """Add ``crosswalk lint`` and ``crosswalk export`` to the subparsers ``sub``."""
    inner = commands.group(
        "crosswalk",
        help="lint or export a crosswalk (lint, export)",
        description="Check a crosswalk (lint) or write it for other tools (export).",
        metavar="ACTION",
    )

    lint = inner.add(
        "lint",
        help="check a crosswalk for contradictions, duplicates and unknown ids",
        description="Lint the bundled crosswalk, or each FILE (TOML, JSON or CSV).",
        handler=cmd_lint,
    )
    lint.add_argument("files", metavar="FILE", nargs="*", help="a crosswalk file (default: the bundled one)")
    add_format(lint)

    export = inner.add(
        "export",
        help="write the bundled crosswalk as GraphML, GEXF, JSON, CSV, SSSOM or OSCAL",
        description="Write the bundled crosswalk as GraphML, GEXF (Gephi), node-link JSON, CSV, SSSOM/TSV "
        "(mapping tools) or an OSCAL mapping collection (compliance tools); with --crosswalk, with your "
        "mappings added (or, with --replace, yours alone).",
        handler=cmd_export,
    )
    add_format(export, EXPORT_FORMATS, default=None)
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_user_files(export)


def cmd_lint(args: argparse.Namespace, console: Console) -> int:
    """Lint the bundled crosswalk or each file; rows to ``out``, problems to stderr, the worst exit code."""
    from policeframeworks import load_catalog

    if args.files:
        rows, code = check_each(args.files, _lint_file, console.err, label="linting")
    else:
        row, lines = _lint_row(BUNDLED, load_catalog().crosswalk, csv_rows=False)
        rows, code = [row], (EXIT_DATA if lines else EXIT_OK)
        for line in lines:
            console.info(f"error: {line}")
    console.emit(rows, LINT_COLUMNS, args.format)
    return code


def _lint_row(name: str, cw: Crosswalk, *, csv_rows: bool) -> tuple[dict[str, Any], list[str]]:
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
    from policeframeworks import DataFileError, ValidationError, io

    try:
        path = input_file(name, suffixes=(".toml", ".json", ".csv", ".tsv"))
    except UsageError as exc:
        detail = {"kind": "unusable", "where": "", "message": str(exc).removeprefix(f"{name}: ")}
        row = {"crosswalk": name, "mappings": None, "status": "unusable", "problems": 1, "details": [detail]}
        return row, [str(exc)], EXIT_USAGE
    try:
        cw = io.read_crosswalk(path)
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


def _message(p: Problem) -> str:
    return str(p.message) + (f" (did you mean {p.suggestion!r}?)" if p.suggestion else "")


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    """Write the bundled (or the user's) crosswalk in the chosen format, to stdout or atomically to FILE."""
    import json

    from policeframeworks import io

    fmt: str | None = args.format
    target = None
    if args.out is not None:
        target = output_file(args.out, force=args.force)
        if fmt is None:
            fmt = _format_of(target.name)
            if fmt not in EXPORT_FORMATS:
                raise UsageError(
                    f"{target}: cannot tell the format from the extension; give --format "
                    f"({', '.join(EXPORT_FORMATS)})"
                )
    elif fmt is None:
        raise UsageError(f"crosswalk export needs --format ({', '.join(EXPORT_FORMATS)}) or --out FILE")
    _, cw = load_user_data(args)
    if fmt == "json":
        text = json.dumps(io.crosswalk_to_node_link(cw), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "sssom":
        text = io.crosswalk_to_sssom(cw)
    elif fmt == "oscal":
        text = json.dumps(io.crosswalk_to_oscal(cw), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        text = io.crosswalk_to_csv(cw)
    elif fmt == "graphml":
        text = io.crosswalk_to_graphml(cw)
    else:
        text = io.crosswalk_to_gexf(cw)
    if target is None:
        console.data(text)
    else:
        io.write_text_atomic(target, text, overwrite=args.force)
        console.info(f"wrote {target} ({plural(len(cw.mappings), 'mapping')})")
    return EXIT_OK


def _format_of(name: str) -> str:
    """The export format a file name asks for, by its extension (``.tsv`` is SSSOM, ``.oscal.json`` OSCAL)."""
    lower = name.lower()
    if lower.endswith(".tsv"):
        return "sssom"
    if lower.endswith(".oscal.json"):
        return "oscal"
    return lower.rpartition(".")[2] if "." in lower else ""
