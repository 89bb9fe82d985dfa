"""``assess import|score|project|summary|agreement``: assessments of jurisdictions from the command line.

Files: ``assess import`` reads a spreadsheet (CSV, see :func:`policeframeworks.io.read_assessments_csv`) and
writes an *assessments file*, ``{"assessments": [...]}`` (:class:`policeframeworks.AssessmentSet`, JSON by
default). The other subcommands read assessments files and single assessment files (JSON or TOML, as
``docs/reference/assessment-files.md`` describes), any number of assessments per file.

Output formats (stable; the full lists are in ``docs/cli.md``):

- ``assess score`` (and the summary ``assess import`` prints): one row per assessment, columns
  :data:`SCORE_COLUMNS`; JSON objects add ``jurisdiction``, ``lower_fraction``, ``upper_fraction`` and the
  ids per status (``adopted_ids``, ...).
- ``assess project``: one row per principle of the framework projected onto (its scored leaves, and any other
  principle with a projected finding), columns :data:`PROJECT_COLUMNS`; JSON: one object per assessment
  (:func:`projection_record`).
- ``assess summary``: per framework, one row per scored principle (:data:`SUMMARY_COLUMNS`) or, with
  ``--distribution``, one row per number adopted (:data:`DISTRIBUTION_COLUMNS`); JSON: one object per
  framework (:func:`summary_record`).
- ``assess agreement``: see :mod:`policeframeworks.cli._cmd_agreement`.

Mistakes: a CSV with bad cells or headers gives one line per problem (row, column, value; a header that
nearly matches a principle names it and the options that resolve it, ``--columns`` or ``--attribute``)
and exit code 1; an unknown ``--framework`` or ``--onto`` gives the closest ids and exit code 2; a missing
file, a directory, or a file that holds something else than assessments exits with code 2.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._main import EXIT_OK, UsageError, add_format, input_file, output_file
from ._output import emit, wrap
from ._progress import Progress

if TYPE_CHECKING:
    from .._analysis import AdoptionSummary
    from .._assessment import Assessment, Score

#: Columns of ``assess score`` (CSV, and the keys every JSON object has).
SCORE_COLUMNS = (
    "file",
    "name",
    "state",
    "kind",
    "framework",
    "as_of",
    "assessor",
    "method",
    "scored",
    "applicable",
    "adopted",
    "partial",
    "not_adopted",
    "unknown",
    "not_applicable",
    "reported_total",
    "lower",
    "upper",
)
#: Columns of ``assess project`` (CSV).
PROJECT_COLUMNS = (
    "name",
    "state",
    "kind",
    "as_of",
    "assessor",
    "source_framework",
    "framework",
    "principle_id",
    "scored",
    "status",
    "derived_from",
)
#: Columns of ``assess summary`` (CSV): per scored principle.
SUMMARY_COLUMNS = (
    "framework",
    "principle_id",
    "adopted",
    "partial",
    "not_adopted",
    "unknown",
    "not_applicable",
)
#: Columns of ``assess summary --distribution`` (CSV): per number of principles adopted.
DISTRIBUTION_COLUMNS = ("framework", "adopted", "exactly", "lower", "upper")

#: How many rows the table summary of ``assess import`` shows (JSON and CSV show every row).
IMPORT_TABLE_ROWS = 20

_ASSESSMENT_SUFFIXES = (".json", ".toml")


def register(sub: Any) -> None:
    """Add ``assess`` and its subcommands to the subparsers ``sub``."""
    p = sub.add_parser(
        "assess",
        help="import, score, project, summarize and compare assessments of jurisdictions",
        description="Assessments of jurisdictions against frameworks. Import a spreadsheet once, then "
        "score, project, summarize and compare the assessments files it writes.",
    )
    p.set_defaults(handler=_no_subcommand(p))
    commands = p.add_subparsers(dest="assess_command", metavar="SUBCOMMAND")

    imp = commands.add_parser(
        "import",
        help="read a spreadsheet (CSV) of assessments and write an assessments file (JSON)",
        description="Read assessments from CSV (columns recognised by header; see docs/cli.md), write them "
        "as an assessments file (JSON, atomically) and print one summary row per assessment. Every bad "
        "cell is reported with its row and column.",
    )
    imp.add_argument("csv", metavar="CSV", help="the spreadsheet, saved as CSV (UTF-8)")
    imp.add_argument("--framework", required=True, metavar="ID", help="the framework assessed against")
    imp.add_argument(
        "--columns", metavar="MAP", help="a column map file (TOML or JSON with a [columns] table)"
    )
    imp.add_argument("--layout", choices=("wide", "long"), default="wide", help="one row per jurisdiction "
                     "(wide, the default) or per finding (long)")  # fmt: skip
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
        "--out",
        metavar="FILE",
        help="the assessments file to write (.json or .toml; default: CSV's name with .json; '-' for stdout)",
    )
    imp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_format(imp)
    imp.set_defaults(handler=cmd_import)

    score = commands.add_parser(
        "score",
        help="counts and bounds on adoption for each assessment",
        description="Score each assessment: counts per status and the lower and upper bound on adoption "
        "(unknown never counts as not adopted).",
    )
    score.add_argument("files", metavar="FILE", nargs="+", help="an assessment or assessments file")
    score.add_argument("--explain", action="store_true", help="the table explains each score in words")
    add_format(score)
    score.set_defaults(handler=cmd_score)

    project = commands.add_parser(
        "project",
        help="project assessments onto another framework through the crosswalk",
        description="Each assessment seen through the bundled crosswalk as an assessment of framework ID, "
        "with the mappings behind each projected status.",
    )
    project.add_argument("file", metavar="FILE", help="an assessment or assessments file")
    project.add_argument("--onto", required=True, metavar="ID", help="the framework to project onto")
    project.add_argument(
        "--out", metavar="FILE", help="also write the projected assessments (.json or .toml)"
    )
    project.add_argument("--force", action="store_true", help="replace --out FILE if it exists")
    add_format(project)
    project.set_defaults(handler=cmd_project)

    summary = commands.add_parser(
        "summary",
        help="adoption over many assessments, per framework",
        description="Adoption over the assessments in FILEs, per framework: counts per principle, or with "
        "--distribution the jurisdictions by number of principles adopted (with bounds where unknowns "
        "leave it open). One assessment per jurisdiction and framework; --latest keeps the most recent.",
    )
    summary.add_argument("files", metavar="FILE", nargs="+", help="an assessment or assessments file")
    summary.add_argument("--distribution", action="store_true", help="rows per number of principles adopted")
    summary.add_argument(
        "--latest", action="store_true", help="keep the most recent assessment of each jurisdiction"
    )
    add_format(summary)
    summary.set_defaults(handler=cmd_summary)

    from ._cmd_agreement import add_parser as add_agreement

    add_agreement(commands)


def _no_subcommand(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace, TextIO], int]:
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        raise UsageError("assess needs a subcommand: import, score, project, summary or agreement")

    return handler


# --- Reading assessments files ------------------------------------------------------------------


def read_assessments(name: str) -> list[tuple[Assessment, str]]:
    """The assessments in an assessment or assessments file, each with where it is.

    Where is ``FILE`` for a single assessment file, ``FILE: assessments[i]`` in an assessments file.

    Raises:
        UsageError: the file is missing, a directory, of another extension, or holds something else
            (a framework, a crosswalk, ...).
        ValidationError: the file's content has problems, or names a framework that is not bundled.

    Example:
        >>> read_assessments("nowhere.json")
        Traceback (most recent call last):
        ...
        policeframeworks.cli._main.UsageError: nowhere.json: no such file
    """
    from .. import _convert
    from .._assessment import Assessment, AssessmentSet
    from .._catalog import load_catalog
    from .._suggest import first_or_none
    from ..exceptions import Problem, ValidationError
    from ..io._files import read_document, resolve_type
    from ._cmd_validate import _kind_name

    path = input_file(name, suffixes=_ASSESSMENT_SUFFIXES)
    data, file = read_document(path)
    try:
        cls = resolve_type(data, file)
    except ValidationError:
        cls = None
    if cls not in (Assessment, AssessmentSet):
        what = f"holds a {_kind_name(cls)}" if cls is not None else "does not hold assessments"
        raise UsageError(f"{name}: {what}; expected an assessment or assessments file")
    obj = _convert.from_builtins(data, cls, file=file)
    assert isinstance(obj, (Assessment, AssessmentSet))
    items = [(obj, "")] if isinstance(obj, Assessment) else [
        (a, f"assessments[{i}]") for i, a in enumerate(obj.assessments)
    ]  # fmt: skip
    catalog = load_catalog()
    problems = [
        Problem(
            f"{where}.framework_id" if where else "framework_id",
            f"{a.framework_id!r} is not a bundled framework",
            suggestion=first_or_none(a.framework_id, catalog.framework_ids),
        )
        for a, where in items
        if a.framework_id not in catalog.framework_ids
    ]
    if problems:
        raise ValidationError(problems, file=file)
    return [(a, f"{name}: {where}" if where else name) for a, where in items]


def _read_many(names: Sequence[str]) -> list[tuple[Assessment, str, str]]:
    """Every assessment of every file as ``(assessment, where, file)``; all files' problems together."""
    from ..exceptions import Problem, ValidationError

    out: list[tuple[Assessment, str, str]] = []
    problems: list[Problem] = []
    for name in names:
        try:
            out += [(a, where, name) for a, where in read_assessments(name)]
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return out


# --- Records --------------------------------------------------------------------------------------


def score_record(a: Assessment, score: Score, file: str | None = None) -> dict[str, Any]:
    """One assessment's score as a stable JSON object (the CSV columns are :data:`SCORE_COLUMNS`).

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> k = load_seed_assessments()[0]
        >>> r = score_record(k, k.score())
        >>> r["jurisdiction"], r["adopted"], r["reported_total"], r["lower"], r["upper"], r["applicable"]
        ('Kankakee, IL', 1, 5, 5, 5, 8)
    """
    j = a.jurisdiction
    return {
        "file": file,
        "jurisdiction": str(j),
        "name": j.name,
        "state": j.state,
        "kind": str(j.kind),
        "framework": score.framework_id,
        "as_of": a.as_of,
        "assessor": a.assessor,
        "method": str(a.method),
        "scored": score.scored,
        "applicable": score.applicable,
        "adopted": score.adopted,
        "partial": score.partial,
        "not_adopted": score.not_adopted,
        "unknown": score.unknown,
        "not_applicable": score.not_applicable,
        "reported_total": score.reported_total,
        "lower": score.lower,
        "upper": score.upper,
        "lower_fraction": score.lower_fraction,
        "upper_fraction": score.upper_fraction,
        "adopted_ids": list(score.adopted_ids),
        "partial_ids": list(score.partial_ids),
        "not_adopted_ids": list(score.not_adopted_ids),
        "unknown_ids": list(score.unknown_ids),
        "not_applicable_ids": list(score.not_applicable_ids),
    }


def _bounds(r: dict[str, Any]) -> str:
    return f"{r['lower']}-{r['upper']} of {r['applicable']}"


def _emit_scores(rows: list[dict[str, Any]], fmt: str, out: TextIO, *, limit: int | None = None) -> None:
    if fmt != "table":
        emit(rows, SCORE_COLUMNS, fmt, out)
        return
    shown = rows if limit is None else rows[:limit]
    table = [dict(r, bounds=_bounds(r)) for r in shown]
    emit(
        table,
        SCORE_COLUMNS,
        "table",
        out,
        table_columns=["jurisdiction", "framework", "as_of", "adopted", "partial", "unknown", "bounds"],
        keep=["framework", "as_of"],
    )
    if len(rows) > len(shown):
        out.write(f"... and {len(rows) - len(shown)} more (--format csv or json lists every one)\n")


def projection_record(source: Assessment, projected: Assessment) -> dict[str, Any]:
    """A projected assessment as a stable JSON object.

    Keys: ``name, state, kind, as_of, assessor, source_framework, framework``, ``mappings`` (how many
    crosswalk mappings the projected findings rest on: the sum of their ``derived_from``), ``score`` (as
    :func:`score_record`), ``notes`` and ``findings``: one object per principle of the target framework that
    is scored (a leaf) or has a projected finding, in framework order, with ``principle_id, scored, status``
    and ``derived_from`` (objects ``source, relationship, target, source_status``).

    Example:
        >>> from policeframeworks import load_catalog, load_seed_assessments
        >>> k = load_seed_assessments()[0]
        >>> r = projection_record(k, k.project("uscm-2020", load_catalog().crosswalk))
        >>> r["framework"], r["mappings"] >= 1
        ('uscm-2020', True)
    """
    from .._assessment import _bundled_framework

    fw = _bundled_framework(projected.framework_id)
    assert fw is not None  # read_assessments and check_framework_ids only let bundled ids through
    score = projected.score()
    findings = []
    for p in fw.iter_principles():
        f = projected.finding(p.id)
        if f is None and not p.is_leaf:
            continue
        findings.append(
            {
                "principle_id": p.id,
                "scored": p.is_leaf,
                "status": str(projected.status_of(p.id)),
                "derived_from": [
                    {
                        "source": d.source,
                        "relationship": str(d.relationship),
                        "target": d.target,
                        "source_status": str(d.source_status),
                    }
                    for d in (f.derived_from if f is not None else ())
                ],
            }
        )
    j = source.jurisdiction
    return {
        "name": j.name,
        "state": j.state,
        "kind": str(j.kind),
        "as_of": source.as_of,
        "assessor": source.assessor,
        "source_framework": source.framework_id,
        "framework": projected.framework_id,
        "mappings": sum(len(f.derived_from) for f in projected.findings),
        "score": score_record(projected, score),
        "notes": list(projected.notes),
        "findings": findings,
    }


def summary_record(summary: AdoptionSummary) -> dict[str, Any]:
    """An adoption summary as a stable JSON object.

    Keys: ``framework, assessments, undetermined, unknown_findings, mean, median`` (None when some
    jurisdiction's number adopted is a range), ``mean_bounds, median_bounds`` (``[least, most]``),
    ``all_adopted, none_adopted`` (jurisdictions, as text), ``principles`` (rows of
    :data:`SUMMARY_COLUMNS`) and ``distribution`` (rows of :data:`DISTRIBUTION_COLUMNS`).

    Example:
        >>> from policeframeworks import load_seed_assessments, summarize
        >>> r = summary_record(summarize(load_seed_assessments()))
        >>> r["assessments"], r["mean"], r["distribution"][5]
        (1, 5.0, {'framework': '8cantwait-2020', 'adopted': 5, 'exactly': 1, 'lower': 1, 'upper': 1})
    """
    fw = summary.framework_id
    mean_bounds, median_bounds = summary.mean_bounds, summary.median_bounds
    return {
        "framework": fw,
        "assessments": summary.assessments,
        "undetermined": summary.undetermined,
        "unknown_findings": summary.unknown_findings,
        "mean": summary.mean,
        "median": summary.median,
        "mean_bounds": None if mean_bounds is None else list(mean_bounds),
        "median_bounds": None if median_bounds is None else list(median_bounds),
        "all_adopted": [str(j) for j in summary.all_adopted],
        "none_adopted": [str(j) for j in summary.none_adopted],
        "principles": [{"framework": fw, **r} for r in summary.to_records()],
        "distribution": [{"framework": fw, **r} for r in summary.distribution_records()],
    }


# --- import -------------------------------------------------------------------------------------

#: The reader's advice on a near-miss header, in Python terms; the command line gives its options instead.
_NEAR_MISS_HINT = re.compile(r"; map it in 'columns' \(.*\) or declare it an attribute \(.*\)$")
_NO_DEFAULT = re.compile(r"no (as_of|assessor|method|kind): add a column '\1' or pass \1=\.\.\.")


def _cli_problems(exc: Any) -> Any:
    """The CSV reader's problems, each row's "no as_of" folded into one line naming ``--as-of``.

    The reader names the Python argument (``as_of=...``); the command line has an option instead.
    """
    from ..exceptions import Problem, ValidationError

    folded: dict[str, list[int]] = {}
    kept: list[Problem] = []
    file = None
    for p in exc.problems:
        hint = _NEAR_MISS_HINT.search(p.message)
        if hint is not None and p.path.startswith("row 1, column "):
            column = p.path.removeprefix("row 1, column ")
            message = p.message[: hint.start()] + (
                f"; map it in a column map (--columns) or pass --attribute {column}"
            )
            p = Problem(p.path, message, file=p.file, suggestion=p.suggestion)
        m = _NO_DEFAULT.fullmatch(p.message)
        row = p.path.removeprefix("row ")
        if m and row.isdigit():
            folded.setdefault(m.group(1), []).append(int(row))
            file = p.file
        else:
            kept.append(p)
    for field, rows in folded.items():
        where = f"row {rows[0]}" if len(rows) == 1 else f"rows {rows[0]}-{rows[-1]} ({len(rows)} rows)"
        option = "--" + field.replace("_", "-")
        kept.append(Problem(where, f"no {field}: add a column {field!r} or pass {option}", file=file))
    return ValidationError(kept)


def _declare_attributes(columns: Path | None, attributes: Sequence[str]) -> dict[str, str]:
    """The column map (read from ``columns``, if given) with each of ``attributes`` declared an attribute.

    Headers compare as the reader compares them (case, spaces, ``_``). A column the map sends elsewhere is
    a usage error: the two options disagree.
    """
    from ..io._csv import ATTRIBUTE, _hnorm, _load_column_map

    merged = dict(_load_column_map(columns))
    by_key = {_hnorm(header): (header, target) for header, target in merged.items()}
    for column in attributes:
        header, target = by_key.get(_hnorm(column), (column, ATTRIBUTE))
        if target != ATTRIBUTE:
            raise UsageError(
                f"--attribute {column!r}: the column map {columns} maps {header!r} to {target!r}"
            )
        merged[header] = ATTRIBUTE
        by_key[_hnorm(column)] = (header, ATTRIBUTE)
    return merged


def _check_word(option: str, value: str | None, words: Sequence[str]) -> None:
    from .._suggest import first_or_none

    if value is not None and value.casefold() not in words:
        hint = first_or_none(value.casefold(), words)
        more = f" (did you mean {hint!r}?)" if hint else ""
        raise UsageError(f"{option}: {value!r} is not one of {', '.join(words)}{more}")


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Read a CSV of assessments, write them as an assessments file, print a summary row per assessment."""
    from .. import io
    from .._assessment import AssessmentSet, JurisdictionKind, Method
    from .._catalog import load_catalog
    from .._ids import is_partial_date
    from ..exceptions import ValidationError
    from ._cmd_coverage import check_framework_ids

    catalog = load_catalog()
    check_framework_ids(catalog, [("--framework", args.framework)])
    _check_word("--method", args.method, [m.value for m in Method])
    _check_word("--kind", args.kind, [k.value for k in JurisdictionKind])
    if args.as_of is not None and not is_partial_date(args.as_of):
        raise UsageError(f"--as-of: {args.as_of!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    source = input_file(args.csv, suffixes=(".csv",))
    columns = None if args.columns is None else input_file(args.columns)
    column_map: Path | dict[str, str] | None = columns
    target: Path | None = None
    if args.out != "-":
        target = Path(args.out) if args.out is not None else source.with_suffix(".json")
        if target.suffix.lower() not in _ASSESSMENT_SUFFIXES:
            raise UsageError(f"{target}: an assessments file ends with .json or .toml")
        output_file(target, force=args.force)
    if args.attribute:
        try:
            column_map = _declare_attributes(columns, args.attribute)
        except ValidationError as exc:
            raise _cli_problems(exc) from None
    err: TextIO = args.err
    with Progress(err, f"reading {source.name}: rows") as bar:
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
                progress=lambda n: bar.set(n, label=bar.label),  # each call is drawn
            )
        except ValidationError as exc:
            bar.close()
            raise _cli_problems(exc) from None
    rows = []
    with Progress(err, "scoring", total=len(items)) as bar:
        for a in items:
            rows.append(score_record(a, a.score(), str(source)))
            bar.advance()
    document = AssessmentSet(assessments=items)
    if target is None:
        out.write(io.dumps(document, "json"))
        err.write(f"read {len(items)} assessments of {args.framework} from {source}\n")
        return EXIT_OK
    io.dump(document, target, overwrite=args.force)
    err.write(f"wrote {target}: {len(items)} assessments of {args.framework} from {source}\n")
    _emit_scores(rows, args.format, out, limit=IMPORT_TABLE_ROWS)
    return EXIT_OK


# --- score --------------------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    """One row per assessment: counts per status and bounds on adoption."""
    items = _read_many(args.files)
    rows = []
    explained = []
    with Progress(args.err, "scoring", total=len(items)) as bar:
        for a, where, file in items:
            s = a.score()
            rows.append(score_record(a, s, file))
            text = f"{a.jurisdiction} ({where}), {a.as_of}, {a.assessor}:\n{s.explain()}"
            explained.append("\n".join(_wrap_words(line) for line in text.splitlines()))
            bar.advance()
    if args.explain and args.format == "table":
        out.write("\n\n".join(explained) + "\n")
    else:
        _emit_scores(rows, args.format, out)
    return EXIT_OK


# --- project ------------------------------------------------------------------------------------


def cmd_project(args: argparse.Namespace, out: TextIO) -> int:
    """Project every assessment in FILE onto ``--onto`` through the bundled crosswalk."""
    from .. import io
    from .._assessment import AssessmentSet
    from .._catalog import load_catalog
    from ._cmd_coverage import check_framework_ids

    catalog = load_catalog()
    check_framework_ids(catalog, [("--onto", args.onto)])
    target = None
    if args.out is not None:
        target = Path(args.out)
        if target.suffix.lower() not in _ASSESSMENT_SUFFIXES:
            raise UsageError(f"{target}: an assessments file ends with .json or .toml")
        output_file(target, force=args.force)
    items = read_assessments(args.file)
    records = []
    projected = []
    with Progress(args.err, "projecting", total=len(items)) as bar:
        for a, _ in items:
            p = a.project(args.onto, catalog.crosswalk)
            projected.append(p)
            records.append(projection_record(a, p))
            bar.advance()
    if target is not None:
        io.dump(AssessmentSet(assessments=projected), target, overwrite=args.force)
        args.err.write(f"wrote {target}: {len(projected)} projected assessments\n")
    if args.format == "json":
        emit(records, (), "json", out)
        return EXIT_OK
    if args.format == "csv":
        rows = [
            {
                **{k: r[k] for k in PROJECT_COLUMNS[:7]},
                **f,
                "derived_from": [_derivation_words(d) for d in f["derived_from"]],
            }
            for r in records
            for f in r["findings"]
        ]
        emit(rows, PROJECT_COLUMNS, "csv", out)
        return EXIT_OK
    blocks = []
    for r in records:
        s = r["score"]
        head = wrap(
            f"{s['jurisdiction']} ({r['source_framework']}, {r['as_of']}, {r['assessor']}) projected onto "
            f"{r['framework']} through {r['mappings']} mapping{'s' if r['mappings'] != 1 else ''}: adopted "
            f"at least {s['lower']}, at most {s['upper']} of {s['applicable']}"
        )
        prefix = f"{r['framework']}:"
        rows = [
            {"principle": f["principle_id"].removeprefix(prefix), "status": f["status"]}
            for f in r["findings"]
        ]
        blocks.append(head + "\n\n" + _table(rows, ["principle", "status"]))
    out.write("\n".join(blocks))
    return EXIT_OK


def _wrap_words(line: str) -> str:
    """A line wrapped to 80 columns at spaces only (ids stay whole), continuation lines indented."""
    import textwrap

    indent = line[: len(line) - len(line.lstrip())]
    return "\n".join(
        textwrap.wrap(
            line,
            80,
            subsequent_indent=indent + "  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def _derivation_words(d: dict[str, str]) -> str:
    return f"{d['source']} ({d['source_status']}) {d['relationship']} {d['target']}"


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    from ._output import table

    return table(rows, columns, keep=[columns[0]])


# --- summary ------------------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    """Adoption over the assessments in FILEs, per framework."""
    from .._analysis import latest, summarize
    from ..exceptions import Problem, ValidationError

    items = [(a, where) for a, where, _ in _read_many(args.files)]
    if args.latest:
        kept = {id(a) for a in latest(a for a, _ in items)}
        items = [(a, where) for a, where in items if id(a) in kept]
    by_framework: dict[str, list[tuple[Assessment, str]]] = {}
    for a, where in items:
        by_framework.setdefault(a.framework_id, []).append((a, where))
    problems = []
    for group in by_framework.values():
        seen: dict[Any, str] = {}
        for a, where in group:
            if a.jurisdiction.key in seen:
                problems.append(
                    Problem(
                        "",
                        f"{where}: {a.jurisdiction} is assessed against {a.framework_id} again (first in "
                        f"{seen[a.jurisdiction.key]}); keep one per jurisdiction, or pass --latest",
                    )
                )
            else:
                seen[a.jurisdiction.key] = where
    if problems:
        raise ValidationError(problems)
    records = [summary_record(summarize(a for a, _ in group)) for group in by_framework.values()]
    key = "distribution" if args.distribution else "principles"
    columns = DISTRIBUTION_COLUMNS if args.distribution else SUMMARY_COLUMNS
    if args.format == "json":
        emit(records, (), "json", out)
        return EXIT_OK
    if args.format == "csv":
        emit([row for r in records for row in r[key]], columns, "csv", out)
        return EXIT_OK
    blocks = []
    for r in records:
        lines = [f"{r['framework']}: {r['assessments']} assessments"]
        if r["mean"] is not None:
            lines.append(f"adopted per jurisdiction: mean {r['mean']:.2f}, median {r['median']:g}")
        elif r["mean_bounds"] is not None:
            (mlo, mhi), (dlo, dhi) = r["mean_bounds"], r["median_bounds"]
            lines.append(
                wrap(
                    f"adopted per jurisdiction: mean between {mlo:.2f} and {mhi:.2f}, median between "
                    f"{dlo:g} and {dhi:g} ({r['undetermined']} jurisdictions have unknowns that leave "
                    "their number open)"
                )
            )
        lines.append(f"unknown findings: {r['unknown_findings']}")
        if args.distribution:
            rows = [
                {k: v for k, v in row.items() if k != "framework"}
                for row in r["distribution"]
            ]  # fmt: skip
            table = _table(rows, ["adopted", "exactly", "lower", "upper"])
        else:
            prefix = f"{r['framework']}:"
            rows = [
                {
                    "principle": row["principle_id"].removeprefix(prefix),
                    "adopted": row["adopted"],
                    "partial": row["partial"],
                    "not": row["not_adopted"],
                    "unknown": row["unknown"],
                    "n/a": row["not_applicable"],
                }
                for row in r["principles"]
            ]
            table = _table(rows, ["principle", "adopted", "partial", "not", "unknown", "n/a"])
        blocks.append("\n".join(lines) + "\n\n" + table)
    out.write("\n".join(blocks))
    return EXIT_OK
