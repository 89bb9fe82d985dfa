"""``assess agreement FILE...``: agreement among any number of coders, with intervals and a review sheet.

Rows: one per principle and one ``pooled``, for all coders (three or more) and for each pair; columns
:data:`AGREEMENT_COLUMNS` (CSV and JSON; every statistic has a value, an interval and, when undefined, the
reason). The table shows :data:`TABLE_STATISTICS` with their intervals, for all coders (and each pair
with ``--pairs``), numbers the principles, and lists the reasons for undefined values under it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from policeframeworks import Statistic

from ._assess_files import Read, add_inputs, read_inputs
from ._common import EXIT_OK, CommandGroup, Console, UsageError, add_format, output_file

if TYPE_CHECKING:
    from policeframeworks import AgreementStats

_STATS = tuple(s.value for s in Statistic)
#: Columns of ``assess agreement`` (CSV; JSON objects have the same keys).
AGREEMENT_COLUMNS = (
    "principle",
    "coders",
    "items",
    "jointly_missing",
    "single_coded",
    *(f"{s}{part}" for s in _STATS for part in ("", "_low", "_high", "_undefined")),
)
#: Statistics the table shows (short name, statistic).
TABLE_STATISTICS = (
    ("agree", "percent_agreement"),
    ("alpha", "krippendorff_alpha_nominal"),
    ("ac1", "gwet_ac1"),
)


def register(assess: CommandGroup) -> None:
    """Add ``assess agreement``."""
    agree = assess.add(
        "agreement",
        help="agreement among coders: kappa, alpha, AC1 with intervals; a review sheet of disagreements",
        description="Agreement among the coders (assessors) of the same jurisdictions, frameworks and dates, "
        "read from any number of files: percent agreement, Cohen's kappa (pairs), Fleiss' kappa, "
        "Krippendorff's alpha (nominal and ordinal) and Gwet's AC1, per principle, per coder pair and "
        "pooled, each with a seeded bootstrap interval. Items every coder left unknown are left out and "
        "counted unless --include-jointly-missing.",
        handler=cmd_agreement,
    )
    add_inputs(agree)
    agree.add_argument(
        "--include-jointly-missing",
        action="store_true",
        help="count items every coder left unknown as agreement on 'unknown'",
    )
    agree.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="replicates (default 1000)")
    agree.add_argument("--seed", type=int, default=0, help="seed of the replicates (default 0)")
    agree.add_argument("--confidence", type=float, default=0.95, help="interval coverage (default 0.95)")
    agree.add_argument("--pairs", action="store_true", help="table: a row for every pair of coders too")
    agree.add_argument("--review-sheet", metavar="CSV", help="write every disagreement to this CSV file")
    agree.add_argument("--force", action="store_true", help="replace an existing review sheet")
    add_format(agree)


def _check_duplicates(items: list[Read]) -> None:
    from policeframeworks import Problem, ValidationError

    first: dict[tuple[Any, ...], str] = {}
    problems = []
    for r in items:
        a = r.assessment
        key = (a.jurisdiction.key, a.framework_id, a.as_of, a.assessor)
        if key in first:
            problems.append(
                Problem(
                    "",
                    f"{r.where}: {a.assessor!r} coded {a.jurisdiction}, {a.framework_id}, {a.as_of} twice "
                    f"(first at {first[key]})",
                )
            )
        first.setdefault(key, r.where)
    if problems:
        raise ValidationError(problems)


def cmd_agreement(args: argparse.Namespace, console: Console) -> int:
    """Agreement among the codings in FILE..., and optionally the review sheet."""
    from policeframeworks import agreement, disagreements
    from policeframeworks.io import write_review_sheet

    sheet = output_file(args.review_sheet, force=args.force) if args.review_sheet else None
    if args.bootstrap < 0:
        raise UsageError(f"--bootstrap must be 0 or more, not {args.bootstrap}")
    if not 0 < args.confidence < 1:
        raise UsageError(f"--confidence must be between 0 and 1, not {args.confidence}")
    items = read_inputs(args)
    _check_duplicates(items)
    assessments = [r.assessment for r in items]
    result = agreement(
        assessments,
        include_jointly_missing=args.include_jointly_missing,
        n_bootstrap=args.bootstrap,
        confidence=args.confidence,
        seed=args.seed,
    )
    if sheet is not None:
        write_review_sheet(disagreements(assessments), sheet)
        console.info(f"wrote {sheet}")
    rows = [agreement_record(row) for row in result.rows]
    if args.format != "table":
        console.emit(rows, AGREEMENT_COLUMNS, args.format, keep=["principle"])
        return EXIT_OK
    whole = result.pooled.coders
    shown = [
        (row, rec) for row, rec in zip(result.rows, rows, strict=True) if args.pairs or row.coders == whole
    ]
    numbers = {pid: str(i) for i, pid in enumerate(result.principle_ids, start=1)}
    reasons: dict[str, int] = {}
    table = []
    for row, rec in shown:
        cells: dict[str, Any] = {"#": numbers.get(rec["principle"], rec["principle"])}
        if args.pairs:
            cells["coders"] = rec["coders"]
        cells.update(n=rec["items"], joint=rec["jointly_missing"])
        for short, stat in TABLE_STATISTICS:
            e = row[stat]
            percent = stat == "percent_agreement"
            if e.value is None:
                reasons[e.undefined or ""] = reasons.get(e.undefined or "", 0) + 1
                cells[short], cells[f"{short} CI"] = "undef.", ""
                continue
            cells[short] = f"{100 * e.value:.1f}" if percent else f"{e.value:.3f}"
            if e.low is None or e.high is None:
                cells[f"{short} CI"] = ""
            elif percent:
                cells[f"{short} CI"] = f"{100 * e.low:.0f}\N{EN DASH}{100 * e.high:.0f}"
            else:
                cells[f"{short} CI"] = f"{e.low:.2f}\N{EN DASH}{e.high:.2f}"
        table.append(cells)
    columns = ["#", *(["coders"] if args.pairs else []), "n", "joint"]
    columns += [c for short, _ in TABLE_STATISTICS for c in (short, f"{short} CI")]
    console.emit(table, columns, "table")
    level = f"{result.confidence:.0%}"
    console.write(f"coders: {', '.join(result.coders)}; units: {result.units}\n")
    for pid, number in numbers.items():
        console.write(f"{number}: {pid}\n")
    joint = " (included in n)" if result.include_jointly_missing else " (left out)"
    notes = [
        f"n: items coded by two or more; joint: items every coder left unknown{joint}; agree in percent",
        f"CI: {level} percentile bootstrap, {result.n_bootstrap} replicates, seed {result.seed}",
        *(f"undef. ({count}x): {reason}" for reason, count in reasons.items()),
    ]
    for note in notes:
        console.write(console.wrap(note, indent="  ", first="") + "\n")
    return EXIT_OK


def agreement_record(row: AgreementStats) -> dict[str, Any]:
    """One scope as a flat record with :data:`AGREEMENT_COLUMNS`.

    Example:
        >>> import attrs
        >>> from policeframeworks import agreement, load_seed_assessments
        >>> k = load_seed_assessments()[0]
        >>> rec = agreement_record(agreement([k, attrs.evolve(k, assessor="b")], n_bootstrap=0).pooled)
        >>> rec["principle"], rec["items"], rec["cohen_kappa"], rec["cohen_kappa_undefined"]
        ('pooled', 1, None, "both coders gave every item 'adopted': chance agreement is 1 and kappa is 0/0")
    """
    rec: dict[str, Any] = {
        "principle": row.principle_id or "pooled",
        "coders": "+".join(row.coders),
        "items": row.items,
        "jointly_missing": row.jointly_missing,
        "single_coded": row.single_coded,
    }
    for s in _STATS:
        e = row.estimates.get(s)  # type: ignore[call-overload]
        rec[s] = e.value if e else None
        rec[f"{s}_low"] = e.low if e else None
        rec[f"{s}_high"] = e.high if e else None
        rec[f"{s}_undefined"] = e.undefined if e else "Cohen's kappa compares exactly two coders"
    return rec
