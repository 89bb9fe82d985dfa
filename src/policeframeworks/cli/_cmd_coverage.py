"""``coverage SOURCE TARGET [--explain]`` and ``coverage --matrix``: how much of a framework another covers.

The coverage of target framework T by source framework S counts T's leaf principles: a leaf is *covered*
when a principle of S is ``equal`` to it or a ``superset`` of it, *touched* when some mapping relates them.
The lower bound is covered / leaves, the upper bound touched / leaves (see ``docs/cli.md`` and the
crosswalk's documentation for the rule for parents).

Output formats (stable):

- ``coverage S T``: table: a summary (bounds with counts), then one row per target leaf, columns
  ``target, status``; with ``--explain``, each target with its mappings below it instead. CSV: one row
  per target leaf, columns ``source, target_framework, target, status``, plus ``mappings`` with
  ``--explain`` (each mapping written ``SOURCE RELATIONSHIP TARGET (STRENGTH/10)``, joined with ``; ``).
  JSON: one object with ``source, target, lower, upper, leaves, covered, touched, uncovered, incomplete``
  and ``targets`` (one object per leaf: ``target, status`` and, with ``--explain``, ``mappings``, each a
  mapping object as in ``show``).
- ``coverage --matrix``: one row per (source, target) pair, columns ``source, target, lower, upper, covered,
  touched, reviewed, leaves`` (bounds rounded to 3 decimals in table and CSV, exact in JSON; the table shows
  the counts as ``n/leaves``; ``reviewed``
  counts the target leaves with any mapping from the source, ``no_relationship`` included, so 0 means the
  pair was never reviewed rather than found to have nothing in common).

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
from ._userfiles import add_user_files, load_user_data

if TYPE_CHECKING:
    from policeframeworks import CoverageReport, Crosswalk

COVERAGE_CSV = ("source", "target_framework", "target", "status")
MATRIX_COLUMNS = ("source", "target", "lower", "upper", "covered", "touched", "reviewed", "leaves")


def register(commands: CommandGroup) -> None:
    """Add ``coverage`` to the subparsers ``sub``."""
    p = commands.add(
        "coverage",
        help="how much of framework TARGET framework SOURCE covers (or --matrix for all pairs)",
        description="Coverage of TARGET by SOURCE: the lower bound (covered leaf principles) and the upper "
        "bound (touched), with every target's status; --explain adds the mappings behind each. "
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
        row: dict[str, Any] = {"target": leaf, "status": _status(report, leaf)}
        if args.explain:
            row["mappings"] = [io.mapping_record(m) for m in report.explain(leaf).mappings]
        targets.append(row)
    if args.format == "json":
        import json

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
    n = len(report.leaves)
    src = catalog.framework(report.source)
    tgt = catalog.framework(report.target)
    reviewed = sum(1 for t in targets if t["status"] != "not_reviewed")
    lines = [
        console.wrap(f"Coverage of {tgt.id} ({tgt.short_title}) by {src.id} ({src.short_title})"),
        f"lower bound {report.lower:.2f}: {len(report.covered)} of {n} leaf principles covered",
        f"upper bound {report.upper:.2f}: {len(report.touched)} of {n} touched",
        f"reviewed:    {reviewed} of {n} have a mapping (not_reviewed: no mapping either way)",
    ]
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
        blocks.append("\n".join(block))
    console.write("\n".join(blocks) + "\n")
    return EXIT_OK


def _status(report: CoverageReport, leaf: str) -> str:
    return str(report.status(leaf))


def _record_line(m: dict[str, Any]) -> str:
    return f"{m['source']} {m['relationship']} {m['target']} ({m['strength']}/10)"


def _matrix(crosswalk: Crosswalk, fmt: str, console: Console) -> int:
    from policeframeworks import io

    rows = io.coverage_matrix_records(crosswalk.matrix())
    if fmt == "table":  # counts shown as "n/leaves" so the table fits 80 columns
        rows = [
            dict(
                r,
                lower=f"{r['lower']:.3f}",
                upper=f"{r['upper']:.3f}",
                **{k: f"{r[k]}/{r['leaves']}" for k in ("covered", "touched", "reviewed")},
            )
            for r in rows
        ]
        console.emit(rows, MATRIX_COLUMNS[:-1], fmt)
        return EXIT_OK
    if fmt == "csv":
        rows = [dict(r, lower=f"{r['lower']:.3f}", upper=f"{r['upper']:.3f}") for r in rows]
    console.emit(rows, MATRIX_COLUMNS, fmt)
    return EXIT_OK
