"""``assess import CSV --framework ID``: a spreadsheet of assessments into an assessments file.

The spreadsheet is read by :func:`policeframeworks.io.read_assessments_csv`; the assessments file written is
an :class:`policeframeworks.AssessmentSet` (JSON by default), and one summary row per assessment is printed
(the columns of ``assess score``). A CSV with bad cells or headers gives one line per problem (row, column,
value; a header that nearly matches a principle names the options that resolve it, ``--columns`` or
``--attribute``) and exit code 1.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ._assess_files import ASSESSMENT_SUFFIXES, estimated_lines
from ._assess_score import SCORE_COLUMNS, emit_scores
from ._common import (
    EXIT_OK,
    CommandGroup,
    Console,
    UsageError,
    add_format,
    check_framework_ids,
    check_word,
    input_file,
    output_file,
    plural,
)
from ._output import cell
from ._progress import Progress

if TYPE_CHECKING:
    from collections.abc import Sequence

    from policeframeworks import Assessment, ValidationError

#: How many rows the table summary of ``assess import`` shows (JSON and CSV show every row).
IMPORT_TABLE_ROWS = 20

COLUMNS_HELP = """\
Columns are recognised by their header, ignoring case, spaces and underscores: the jurisdiction ('name',
'jurisdiction' or 'city'), 'state', 'kind', 'as_of', 'assessor', 'method', 'reported_total', and one column
per principle of the framework, headed by its id, its title or one of its aliases; a cell holds
its status (adopted, partial, not_adopted, unknown, not_applicable, or yes/no/1/0; empty is unknown). Any
other column is kept as an attribute of the jurisdiction (--unmapped error reports it instead). In the long
layout (--layout long) each row is one finding: 'principle_id' and 'status' columns, plus the
jurisdiction's columns. A column map (--columns FILE, TOML or JSON) names headers the reader cannot guess:
[columns] "Restricts holds?" = "8cantwait-2020:ban-chokeholds-and-strangleholds"."""


def register(assess: CommandGroup) -> None:
    """Add ``assess import``."""
    imp = assess.add(
        "import",
        help="read a spreadsheet (CSV) of assessments and write an assessments file (JSON)",
        description="Read assessments from CSV, write them as an assessments file (JSON, atomically) and "
        "print one summary row per assessment. Every bad cell is reported with its row and column.",
        handler=cmd_import,
    )
    imp.epilog = COLUMNS_HELP
    imp.add_argument("csv", metavar="CSV", nargs="?", help="the spreadsheet, saved as CSV")
    imp.add_argument(
        "--dataset",
        metavar="FILE",
        help="a dataset descriptor (TOML or JSON) naming the CSV, its framework, columns, defaults and "
        "source, instead of CSV and --framework",
    )
    imp.add_argument("--framework", metavar="ID", help="the framework assessed against (needed with CSV)")
    imp.add_argument(
        "--columns", metavar="MAP", help="a column map file (TOML or JSON with a [columns] table)"
    )
    imp.add_argument(
        "--layout",
        choices=("wide", "long"),
        default="wide",
        help="one row per jurisdiction (wide, the default) or per finding (long)",
    )
    imp.add_argument("--as-of", metavar="DATE", help="the date for rows without an as_of column")
    imp.add_argument("--assessor", metavar="NAME", help="the assessor for rows without an assessor column")
    imp.add_argument("--method", metavar="METHOD", help="the method for rows without a method column")
    imp.add_argument("--kind", metavar="KIND", help="the jurisdiction kind for rows without a kind column")
    imp.add_argument(
        "--unmapped",
        choices=("keep", "error"),
        default="keep",
        help="keep columns that map to nothing as attributes (default), or report them as errors; a "
        "header that nearly matches a principle is an error either way",
    )
    imp.add_argument(
        "--attribute",
        action="append",
        default=[],
        metavar="COLUMN",
        help="keep COLUMN as a jurisdiction attribute, whatever its header resembles (repeat for more; "
        "as 'attribute' in a column map)",
    )
    imp.add_argument(
        "--encoding", default="utf-8", metavar="NAME", help="the CSV's text encoding (cp1252, mac_roman, ...)"
    )
    imp.add_argument(
        "--delimiter", default=",", metavar="CHAR", help="the character between cells (';', or 'tab')"
    )
    imp.add_argument(
        "--blank",
        choices=("unknown", "not_adopted"),
        default="unknown",
        help="what an empty principle cell means (default unknown; not_adopted is noted in each assessment)",
    )
    imp.add_argument(
        "--partial", action="append", default=[], metavar="VALUE", help="a cell value read as partial (0.5)"
    )
    imp.add_argument(
        "--cell-quotes",
        action="store_true",
        help="a status followed by text in one cell: the text is the evidence quote",
    )
    imp.add_argument(
        "--short-rows",
        choices=("error", "blank"),
        default="error",
        help="a row with fewer cells than the header: an error (default), or its missing cells empty",
    )
    imp.add_argument(
        "--out",
        metavar="FILE",
        help="the assessments file to write (.json, .toml or .parquet; default: CSV's name with .json; '-' "
        "for stdout)",
    )
    imp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_format(imp)


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    """Read a CSV of assessments, write them as an assessments file, print a summary row per assessment."""
    from policeframeworks import JurisdictionKind, Method, ValidationError, io, load_catalog

    catalog = load_catalog()
    if args.dataset is not None:
        return _import_dataset(args, console)
    if args.csv is None or args.framework is None:
        raise UsageError("assess import needs CSV and --framework, or --dataset FILE")
    check_framework_ids(catalog, [("--framework", args.framework)])
    check_word("--method", args.method, [m.value for m in Method])
    check_word("--kind", args.kind, [k.value for k in JurisdictionKind])
    if args.as_of is not None and not _is_partial_date(args.as_of):
        raise UsageError(f"--as-of: {args.as_of!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    source = input_file(args.csv, suffixes=(".csv",))
    columns = None if args.columns is None else input_file(args.columns)
    column_map: Path | dict[str, str] | None = columns
    target: Path | None = None
    if args.out != "-":
        target = Path(args.out) if args.out is not None else source.with_suffix(".json")
        if target.suffix.lower() not in ASSESSMENT_SUFFIXES:
            raise UsageError(f"{target}: an assessments file ends with .json, .toml or .parquet")
        output_file(target, force=args.force)
    if args.attribute:
        try:
            column_map = io.with_attributes(columns, args.attribute)
        except ValidationError as exc:
            conflicts = [p for p in exc.problems if p.code == "attribute_conflict"]
            if conflicts:
                raise UsageError(
                    "\n".join(
                        f"--attribute {p.field!r}: the column map {p.file} {p.message}" for p in conflicts
                    )
                ) from None
            raise _cli_problems(exc) from None
    with Progress(console.err, f"reading {source.name}", total=estimated_lines(source, less=1)) as bar:
        try:
            items = io.read_assessments_csv(
                source,
                framework=args.framework,
                columns=column_map,
                layout=args.layout,
                catalog=catalog,
                as_of=args.as_of,
                assessor=args.assessor,
                method=None if args.method is None else args.method.casefold(),
                kind=None if args.kind is None else args.kind.casefold(),
                unmapped=args.unmapped,
                progress=bar.update,
                encoding=args.encoding,
                delimiter="\t" if args.delimiter == "tab" else args.delimiter,
                blank=args.blank,
                partial=args.partial,
                cell_quotes=args.cell_quotes,
                short_rows=args.short_rows,
            )
        except ValidationError as exc:
            bar.close()
            raise _cli_problems(exc) from None
    return _write_imported(items, args, console, source, target, args.framework)


def _import_dataset(args: argparse.Namespace, console: Console) -> int:
    """``assess import --dataset FILE``: read what a dataset descriptor describes."""
    from policeframeworks import JurisdictionKind, Method, ValidationError, io

    if args.csv is not None or args.framework is not None or args.columns is not None:
        raise UsageError(
            "--dataset names the CSV, its framework and columns: give no CSV, --framework or --columns"
        )
    check_word("--method", args.method, [m.value for m in Method])
    check_word("--kind", args.kind, [k.value for k in JurisdictionKind])
    if args.as_of is not None and not _is_partial_date(args.as_of):
        raise UsageError(f"--as-of: {args.as_of!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    source = input_file(args.dataset)
    target: Path | None = None
    if args.out != "-":
        target = Path(args.out) if args.out is not None else source.with_suffix(".json")
        if target.suffix.lower() not in ASSESSMENT_SUFFIXES:
            raise UsageError(f"{target}: an assessments file ends with .json, .toml or .parquet")
        if target.resolve() == source.resolve():
            raise UsageError(f"{target}: would replace the descriptor; pass --out FILE")
        output_file(target, force=args.force)
    with Progress(console.err, f"reading {source.name}") as bar:
        try:
            items = io.read_assessments(
                source,
                progress=bar.update,
                as_of=args.as_of,
                assessor=args.assessor,
                method=None if args.method is None else args.method.casefold(),
                kind=None if args.kind is None else args.kind.casefold(),
            )
        except ValidationError as exc:
            bar.close()
            raise _cli_problems(exc) from None
    framework = items[0].framework_id if items else "?"
    return _write_imported(items, args, console, source, target, framework)


def _write_imported(
    items: Sequence[Assessment],
    args: argparse.Namespace,
    console: Console,
    source: Path,
    target: Path | None,
    framework: str,
) -> int:
    from policeframeworks import AssessmentSet, io

    what = f"{plural(len(items), 'assessment')} of {framework} from {source}"
    if target is None:
        console.data(io.dumps(AssessmentSet(assessments=items), "json"))
        console.info(f"read {what}")
        return EXIT_OK
    with Progress(console.err, f"writing {target.name}", total=len(items)) as bar:
        io.dump_assessments(items, target, overwrite=args.force, progress=bar.update)
    console.info(f"wrote {target}: {what}")
    _emit_import_scores(items, str(source), args.format, console)
    return EXIT_OK


def _emit_import_scores(items: Sequence[Assessment], file: str, fmt: str, console: Console) -> None:
    """One score row per assessment, as ``assess score`` lists them, written in chunks as they are scored.

    The table shows the first :data:`IMPORT_TABLE_ROWS` (only those are scored); CSV and JSON list every
    one, JSON one object per line.
    """
    import json

    from policeframeworks import io

    if fmt == "table":
        emit_scores([io.score_record(a, file=file) for a in items[:IMPORT_TABLE_ROWS]], fmt, console)
        if len(items) > IMPORT_TABLE_ROWS:
            more = len(items) - IMPORT_TABLE_ROWS
            console.write(f"... and {more} more (--format csv or json lists every one)\n")
        return
    if fmt == "csv":
        console.data(io.csv_text([SCORE_COLUMNS]))
    else:
        console.data("[")
    with Progress(console.err, "scoring", total=len(items)) as bar:
        for start in range(0, len(items), _CHUNK):
            rows = [io.score_record(a, file=file) for a in items[start : start + _CHUNK]]
            if fmt == "csv":
                console.data(io.csv_text([cell(r.get(c)) for c in SCORE_COLUMNS] for r in rows))
            else:
                lead = ",\n" if start else "\n"
                console.data(lead + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
            bar.advance(len(rows))
    if fmt == "json":
        console.data("\n]\n" if items else "]\n")


#: How many score rows are built and written at a time.
_CHUNK = 2_000


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _is_partial_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real month and day."""
    import datetime

    if not _DATE.fullmatch(value):
        return False
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _cli_problems(exc: ValidationError) -> ValidationError:
    """The CSV reader's problems in command-line terms, told apart by their ``code``.

    A header that nearly matches a principle names the options that resolve it (the reader names the
    Python arguments); every other problem is the reader's own.
    """
    from policeframeworks import Problem, ValidationError

    kept: list[Problem] = []
    for p in exc.problems:
        if p.code == "near_miss_header":
            message = (
                "matches no principle or field, but nearly matches a principle; map it in a column map "
                f"(--columns) or pass --attribute {p.field.strip()!r}"
            )
            p = Problem(p.path, message, file=p.file, suggestion=p.suggestion, code=p.code, field=p.field)
        kept.append(p)
    return ValidationError(kept)
