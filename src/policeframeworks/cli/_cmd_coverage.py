"""``coverage SOURCE TARGET [--explain]`` and ``coverage --matrix``: how much of a framework another covers.

The coverage of target framework T by source framework S counts T's leaf principles, each exactly one of
*covered* (a principle of S is ``equal`` to it or a ``superset`` of it), *touched* (some other positive
relationship), *no_relationship* (the whole of S was reviewed against it, nothing relates) or *not_reviewed*
(anything else, never read as "no overlap"). Four figures follow: lower bound = covered / leaves, touched
share = (covered + touched) / leaves, upper bound = (leaves - no_relationship) / leaves, reviewed share =
1 - not_reviewed / leaves (see ``docs/explanation/coverage-bounds.md``). A pair is printed as
:func:`policeframeworks.coverage_label` prints it: ``n/r`` when nothing was reviewed, and a range marked
``*`` when it was partly reviewed, never a bare percentage.

Output formats (stable):

- ``coverage S T``: table: a summary (the four figures with their counts), then one row per target leaf,
  columns ``target, status``; with ``--explain``, each target with the mappings (and declared reviews)
  behind its status instead. CSV: one row per target leaf, columns ``source, target_framework, target,
  status``, plus ``mappings`` with ``--explain`` (each mapping written ``SOURCE RELATIONSHIP TARGET
  (STRENGTH/10)``, joined with ``; ``). JSON: one object with ``source, target, label, lower,
  touched_share, upper, reviewed_share, counts`` (``covered, touched, no_relationship, not_reviewed``: the
  four statuses, adding up to ``leaves``), ``leaves`` (a number), the leaf lists ``covered, touched``
  (covered ones included) ``, uncovered, no_relationship, not_reviewed``, ``incomplete``, ``reviews`` (the
  declared complete reviews of the pair) and ``targets`` (one object per leaf: ``target, status`` and,
  with ``--explain``, ``mappings``, each a mapping object as in ``show``).
- ``coverage --matrix``: JSON and CSV: one row per (source, target) pair, columns
  :data:`MATRIX_COLUMNS` (:func:`policeframeworks.io.coverage_record`: ``source, target, lower, upper,
  covered, touched`` (covered ones included)``, reviewed, leaves``, then ``label, touched_share,
  reviewed_share, no_relationship, not_reviewed``; figures rounded to 3 decimals in CSV, exact in JSON).
  The table shows ``source, target, coverage`` (the label) and the four counts by status as ``cov, tch``
  (touched, not covered) ``, unrel, unrev`` with ``of`` the number of leaves, then a legend.

``--framework-file FILE`` adds the user's frameworks to the catalog and ``--crosswalk FILE`` the user's
mappings to the bundled crosswalk (``--replace``: instead of it), for both forms (see
:mod:`policeframeworks.cli._userfiles`).

Usage mistakes (exit code 2, one line each): an unknown framework id (with the closest ids), a principle id
where a framework id is expected, SOURCE and TARGET together with ``--matrix``, or only one of them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._common import EXIT_OK, CommandGroup, Console, UsageError, add_format, check_framework_ids
from ._output import wrap
from ._userfiles import add_user_files, load_user_data

if TYPE_CHECKING:
    from policeframeworks import CoverageReport, Crosswalk

COVERAGE_CSV = ("source", "target_framework", "target", "status")
#: The columns of ``coverage --matrix`` in CSV (the keys of :func:`policeframeworks.io.coverage_record`).
MATRIX_COLUMNS = (
    "source",
    "target",
    "lower",
    "upper",
    "covered",
    "touched",
    "reviewed",
    "leaves",
    "label",
    "touched_share",
    "reviewed_share",
    "no_relationship",
    "not_reviewed",
)
_SHARES = ("lower", "upper", "touched_share", "reviewed_share")
#: The matrix table's short headers for the four counts by status.
_TABLE_COUNTS = ("cov", "tch", "unrel", "unrev")


def register(commands: CommandGroup) -> None:
    """Add ``coverage`` to the subparsers ``sub``."""
    p = commands.add(
        "coverage",
        help="how much of framework TARGET framework SOURCE covers (or --matrix for all pairs)",
        description="Coverage of TARGET by SOURCE: every target leaf covered, touched, no_relationship or "
        "not_reviewed, and four figures: lower bound (covered), touched share, upper bound (all but "
        "no_relationship) and reviewed share; --explain adds the mappings and reviews behind each status. "
        "--matrix: every pair.",
        handler=cmd_coverage,
    )
    p.add_argument("source", metavar="SOURCE", nargs="?", help="the covering framework id")
    p.add_argument("target", metavar="TARGET", nargs="?", help="the covered framework id")
    p.add_argument("--explain", action="store_true", help="list the mappings behind each target's status")
    p.add_argument("--matrix", action="store_true", help="coverage of every framework by every other")
    add_user_files(p)
    add_format(p)


def cmd_coverage(args: argparse.Namespace, console: Console) -> int:
    """Coverage of TARGET by SOURCE, or the matrix of every pair, over the bundled or the user's data."""
    from policeframeworks import io

    if args.matrix:
        if args.source is not None:
            raise UsageError("coverage --matrix takes no SOURCE or TARGET")
        if args.explain:
            raise UsageError("--explain works with SOURCE TARGET, not with --matrix")
        catalog, crosswalk = load_user_data(args)
        return _matrix(crosswalk, args.format, console)
    if args.source is None or args.target is None:
        raise UsageError("coverage needs SOURCE and TARGET framework ids (or --matrix)")
    catalog, crosswalk = load_user_data(args)
    check_framework_ids(catalog, [("SOURCE", args.source), ("TARGET", args.target)])
    report = crosswalk.coverage(args.source, args.target)
    targets = []
    for leaf in report.leaves:
        row: dict[str, Any] = {"target": leaf, "status": str(report.status(leaf))}
        if args.explain:
            why = report.explain(leaf)
            row["mappings"] = [io.mapping_record(m) for m in why.mappings]
            row["reviews"] = [io.review_record(r) for r in why.reviews]
        targets.append(row)
    if args.format == "json":
        import json

        figures = io.coverage_record(report)
        record = {
            "source": report.source,
            "target": report.target,
            "lower": report.lower,
            "upper": report.upper,
            "leaves": len(report.leaves),
            "covered": list(report.covered),
            "touched": list(report.touched),
            "uncovered": list(report.uncovered),
            "incomplete": list(report.incomplete),
            "targets": targets,
            **{k: figures[k] for k in ("label", "touched_share", "reviewed_share")},
            "counts": {str(k): n for k, n in report.counts.items()},
            "no_relationship": list(report.no_relationship),
            "not_reviewed": list(report.not_reviewed),
            "reviews": [io.review_record(r) for r in report.reviews],
        }
        console.data(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    rows = [
        {
            "source": report.source,
            "target_framework": report.target,
            "target": t["target"],
            "status": t["status"],
            "mappings": [_record_line(m) for m in t.get("mappings", [])],
        }
        for t in targets
    ]
    columns = [*COVERAGE_CSV, *(["mappings"] if args.explain else [])]
    if args.format == "csv":
        console.emit(rows, columns, "csv")
        return EXIT_OK
    src = catalog.framework(report.source)
    tgt = catalog.framework(report.target)
    lines = [console.wrap(f"Coverage of {tgt.id} ({tgt.short_title}) by {src.id} ({src.short_title})")]
    lines += summary_lines(report, console)
    if report.incomplete:
        lines.append(console.wrap(f"incomplete in the catalog: {', '.join(report.incomplete)}"))
    console.write("\n".join(lines) + "\n\n")
    if not args.explain:
        console.emit(rows, columns, "table", table_columns=["target", "status"], keep=["target"])
        return EXIT_OK
    blocks = []
    for t in targets:
        block = [console.wrap(f"{t['target']}: {t['status']}", first="", indent="  ")]
        block += [console.wrap(_record_line(m), first="    ", indent="      ") for m in t["mappings"]]
        block += [console.wrap(_review_line(r), first="    ", indent="      ") for r in t["reviews"]]
        blocks.append("\n".join(block))
    console.write("\n".join(blocks) + "\n")
    return EXIT_OK


def summary_lines(report: CoverageReport, console: Console | None = None) -> list[str]:
    r"""The label and four figures of a coverage report, each with the counts it comes from.

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = load_catalog().crosswalk.coverage("uscm-2020", "uscm-2020")
        >>> print("\n".join(summary_lines(r)))
        shown as        100%
        lower bound     1.00: 19 of 19 leaf principles covered
        touched share   1.00: 19 of 19 covered or touched (0 touched only)
        upper bound     1.00: 19 of 19 not known to be unrelated (0 no_relationship)
        reviewed share  1.00: 19 of 19 reviewed (0 not_reviewed)
    """
    n = len(report.leaves)
    c = report.counts
    lines = [
        f"shown as        {report.label}",
        f"lower bound     {report.lower:.2f}: {c['covered']} of {n} leaf principles covered",
        f"touched share   {report.touched_share:.2f}: {c['covered'] + c['touched']} of {n} covered or "
        f"touched ({c['touched']} touched only)",
        f"upper bound     {report.upper:.2f}: {n - c['no_relationship']} of {n} not known to be unrelated "
        f"({c['no_relationship']} no_relationship)",
        f"reviewed share  {report.reviewed_share:.2f}: {n - c['not_reviewed']} of {n} reviewed "
        f"({c['not_reviewed']} not_reviewed)",
    ]
    if c["not_reviewed"]:
        lines.append(
            (console.wrap if console is not None else wrap)(
                "not_reviewed leaves count as possibly covered in the upper bound: nobody compared them "
                "with the whole source framework, which is not a finding of no overlap"
            )
        )
    return lines


def _review_line(r: dict[str, Any]) -> str:
    return f"declared {r['scope']} review of {r['source']} and {r['target']} ({r['reviewer']}, {r['date']})"


def _record_line(m: dict[str, Any]) -> str:
    return f"{m['source']} {m['relationship']} {m['target']} ({m['strength']}/10)"


def _matrix(crosswalk: Crosswalk, fmt: str, console: Console) -> int:
    from policeframeworks import io
    from policeframeworks.crosswalk import PARTLY_REVIEWED_NOTE

    matrix = crosswalk.matrix()
    rows = io.coverage_matrix_records(matrix)
    if fmt == "table":  # short headers for the four counts, so the table fits 80 columns
        short = []
        for r in rows:
            counts = matrix.report(r["source"], r["target"]).counts.values()
            short.append(
                {
                    "source": r["source"],
                    "target": r["target"],
                    "coverage": r["label"],
                    **dict(zip(_TABLE_COUNTS, counts, strict=True)),
                    "of": r["leaves"],
                }
            )
        console.emit(short, ["source", "target", "coverage", *_TABLE_COUNTS, "of"], fmt)
        legend = (
            "coverage: lower-upper bound; leaves of the target: cov covered, tch touched (not covered), "
            f"unrel no_relationship, unrev not_reviewed, of: all. {PARTLY_REVIEWED_NOTE}"
        )
        console.write("\n" + console.wrap(legend) + "\n")
        return EXIT_OK
    if fmt == "csv":
        rows = [dict(r, **{k: f"{r[k]:.3f}" for k in _SHARES}) for r in rows]
    console.emit(rows, MATRIX_COLUMNS, fmt)
    return EXIT_OK
