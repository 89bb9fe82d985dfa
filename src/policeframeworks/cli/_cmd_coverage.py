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
from typing import Any, TextIO

from ._main import EXIT_OK, UsageError, add_format
from ._output import emit, wrap
from ._userfiles import add_user_files, load_user_data

COVERAGE_CSV = ("source", "target_framework", "target", "status")
MATRIX_COLUMNS = ("source", "target", "lower", "upper", "covered", "touched", "reviewed", "leaves")


def register(sub: Any) -> None:
    """Add ``coverage`` to the subparsers ``sub``."""
    p = sub.add_parser(
        "coverage",
        help="how much of framework TARGET framework SOURCE covers (or --matrix for all pairs)",
        description="Coverage of TARGET by SOURCE: the lower bound (covered leaf principles) and the upper "
        "bound (touched), with every target's status; --explain adds the mappings behind each.",
    )
    p.add_argument("source", metavar="SOURCE", nargs="?", help="the covering framework id")
    p.add_argument("target", metavar="TARGET", nargs="?", help="the covered framework id")
    p.add_argument("--explain", action="store_true", help="list the mappings behind each target's status")
    p.add_argument("--matrix", action="store_true", help="coverage of every framework by every other")
    add_user_files(p)
    add_format(p)
    p.set_defaults(handler=cmd_coverage)


def check_framework_ids(catalog: Any, named: list[tuple[str, str]]) -> None:
    """Check ``(role, id)`` pairs are framework ids; one line per bad id, as one :class:`UsageError`.

    A principle id is told apart from a misspelled framework id.

    Example:
        >>> from policeframeworks import load_catalog
        >>> check_framework_ids(load_catalog(), [("SOURCE", "uscm"), ("TARGET", "8cantwait")])
        Traceback (most recent call last):
        ...
        policeframeworks.cli._main.UsageError: SOURCE: unknown framework id 'uscm' (did you mean 'uscm-2020'?)
        TARGET: unknown framework id '8cantwait' (did you mean '8cantwait-2020'?)
    """
    from ..exceptions import UnknownIdError

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


def mapping_record(m: Any) -> dict[str, Any]:
    """A mapping as a stable JSON object (the keys of ``show`` and ``coverage --explain``)."""
    c = m.citation
    return {
        "source": m.source,
        "relationship": str(m.relationship),
        "target": m.target,
        "strength": m.strength,
        "rationale_type": str(m.rationale_type),
        "basis": str(m.basis),
        "rationale": m.rationale,
        "opposing": m.opposing,
        "mapped_by": m.mapped_by,
        "citation": None
        if c is None
        else {"publisher": c.publisher, "title": c.title, "url": c.url, "date": c.date, "locator": c.locator},
    }


def mapping_line(m: Any) -> str:
    """One mapping in words: ``SOURCE RELATIONSHIP TARGET (STRENGTH/10)``."""
    return f"{m.source} {m.relationship} {m.target} ({m.strength}/10)"


def cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    """Coverage of TARGET by SOURCE, or the matrix of every pair, over the bundled or the user's data."""
    if args.matrix:
        if args.source is not None:
            raise UsageError("coverage --matrix takes no SOURCE or TARGET")
        if args.explain:
            raise UsageError("--explain works with SOURCE TARGET, not with --matrix")
        catalog, crosswalk = load_user_data(args)
        return _matrix(catalog, crosswalk, args.format, out)
    if args.source is None or args.target is None:
        raise UsageError("coverage needs SOURCE and TARGET framework ids (or --matrix)")
    catalog, crosswalk = load_user_data(args)
    check_framework_ids(catalog, [("SOURCE", args.source), ("TARGET", args.target)])
    report = crosswalk.coverage(args.source, args.target)
    targets = []
    for leaf in report.leaves:
        row: dict[str, Any] = {"target": leaf, "status": _status(report, leaf)}
        if args.explain:
            row["mappings"] = [mapping_record(m) for m in report.explain(leaf).mappings]
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
        out.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
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
        emit(rows, columns, "csv", out)
        return EXIT_OK
    n = len(report.leaves)
    src = catalog.framework(report.source)
    tgt = catalog.framework(report.target)
    reviewed = sum(1 for t in targets if t["status"] != "not_reviewed")
    lines = [
        wrap(f"Coverage of {tgt.id} ({tgt.short_title}) by {src.id} ({src.short_title})"),
        f"lower bound {report.lower:.2f}: {len(report.covered)} of {n} leaf principles covered",
        f"upper bound {report.upper:.2f}: {len(report.touched)} of {n} touched",
        f"reviewed:    {reviewed} of {n} have a mapping (not_reviewed: no mapping either way)",
    ]
    if report.incomplete:
        lines.append(wrap(f"incomplete in the catalog: {', '.join(report.incomplete)}"))
    out.write("\n".join(lines) + "\n\n")
    if not args.explain:
        emit(rows, columns, "table", out, table_columns=["target", "status"], keep=["target"])
        return EXIT_OK
    blocks = []
    for t in targets:
        block = [_wrap_id_text(f"{t['target']}: {t['status']}", indent="")]
        block += [_wrap_id_text(_record_line(m), indent="    ") for m in t["mappings"]]
        blocks.append("\n".join(block))
    out.write("\n".join(blocks) + "\n")
    return EXIT_OK


def _wrap_id_text(text: str, *, indent: str) -> str:
    """Wrap at spaces only, so ids stay whole."""
    import textwrap

    return "\n".join(
        textwrap.wrap(
            text,
            80,
            initial_indent=indent,
            subsequent_indent=indent + "  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def _status(report: Any, leaf: str) -> str:
    return str(report.status(leaf))


def _record_line(m: dict[str, Any]) -> str:
    return f"{m['source']} {m['relationship']} {m['target']} ({m['strength']}/10)"


def matrix_rows(catalog: Any, frameworks: Any = None, *, crosswalk: Any = None) -> list[dict[str, Any]]:
    """One row per (source, target) pair of the crosswalk's matrix (default: every framework).

    ``crosswalk`` defaults to the catalog's own.
    """
    matrix = (catalog.crosswalk if crosswalk is None else crosswalk).matrix(frameworks)
    rows = []
    for s, t, lower, upper in matrix.rows():
        r = matrix.report(s, t)
        rows.append(
            {
                "source": s,
                "target": t,
                "lower": lower,
                "upper": upper,
                "covered": len(r.covered),
                "touched": len(r.touched),
                "reviewed": sum(1 for leaf in r.leaves if str(r.status(leaf)) != "not_reviewed"),
                "leaves": len(r.leaves),
            }
        )
    return rows


def _matrix(catalog: Any, crosswalk: Any, fmt: str, out: TextIO) -> int:
    rows = matrix_rows(catalog, crosswalk=crosswalk)
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
        emit(rows, MATRIX_COLUMNS[:-1], fmt, out)
        return EXIT_OK
    if fmt == "csv":
        rows = [dict(r, lower=f"{r['lower']:.3f}", upper=f"{r['upper']:.3f}") for r in rows]
    emit(rows, MATRIX_COLUMNS, fmt, out)
    return EXIT_OK
