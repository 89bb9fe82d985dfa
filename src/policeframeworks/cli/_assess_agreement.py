"""``assess agreement FILE_A FILE_B``: agreement between two coders.

One row per framework and one ``pooled`` row, columns :data:`AGREEMENT_COLUMNS`.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from ._assess_files import read_assessments
from ._common import EXIT_OK, CommandGroup, Console, add_format

if TYPE_CHECKING:
    from policeframeworks import AgreementStats

#: Columns of ``assess agreement``.
AGREEMENT_COLUMNS = ("scope", "pairs", "items", "agreed", "percent", "expected", "kappa", "degenerate")


def register(assess: CommandGroup) -> None:
    """Add ``assess agreement``."""
    agree = assess.add(
        "agreement",
        help="percent agreement and Cohen's kappa between two coders",
        description="Agreement between two codings of the same jurisdictions, frameworks and dates: "
        "percent agreement and Cohen's kappa, per framework and pooled.",
        handler=cmd_agreement,
    )
    agree.add_argument("file_a", metavar="FILE_A", help="the first coder's assessments")
    agree.add_argument("file_b", metavar="FILE_B", help="the second coder's assessments")
    add_format(agree)


def cmd_agreement(args: argparse.Namespace, console: Console) -> int:
    """Percent agreement and Cohen's kappa between the codings in FILE_A and FILE_B."""
    from policeframeworks import Problem, ValidationError, agreement

    first = read_assessments(args.file_a)
    second = read_assessments(args.file_b)
    try:
        result = agreement([r.assessment for r in first], [r.assessment for r in second])
    except ValidationError as exc:
        sides = {"first": (args.file_a, first), "second": (args.file_b, second)}
        problems = []
        for p in exc.problems:
            m = re.fullmatch(r"(first|second)(?:\[(\d+)\])?", p.path)
            if m is None:
                problems.append(p)
                continue
            file, items = sides[m.group(1)]
            where = items[int(m.group(2))].where if m.group(2) else file
            problems.append(Problem("", f"{where}: {p.message}", suggestion=p.suggestion))
        raise ValidationError(problems) from None
    pairs: dict[str, int] = {}
    for r in first:
        pairs[r.assessment.framework_id] = pairs.get(r.assessment.framework_id, 0) + 1
    rows = [_agreement_row(fw, pairs[fw], stats) for fw, stats in result.per_framework.items()] + [
        _agreement_row("pooled", result.pairs, result.pooled)
    ]
    if args.format == "table":
        rows = [
            dict(r, percent=f"{r['percent']:.1f}", expected=f"{r['expected']:.3f}", kappa=f"{r['kappa']:.3f}")
            for r in rows
        ]
    console.emit(rows, AGREEMENT_COLUMNS, args.format, keep=["scope"])
    return EXIT_OK


def _agreement_row(scope: str, pairs: int, stats: AgreementStats) -> dict[str, Any]:
    return {
        "scope": scope,
        "pairs": pairs,
        "items": stats.items,
        "agreed": stats.agreed,
        "percent": stats.percent,
        "expected": stats.expected,
        "kappa": stats.kappa,
        "degenerate": stats.degenerate,
    }
