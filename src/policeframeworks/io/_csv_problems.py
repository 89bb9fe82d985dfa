"""The problems of one spreadsheet, stated once each: a problem repeated on many rows is grouped.

Example:
    >>> from policeframeworks.exceptions import Problem
    >>> found = [Problem(f"row {r}, column 'Ban'", "'maybe' is not a status") for r in range(2, 93)]
    >>> [str(p) for p in group_problems(found)]
    ["row 2, column 'Ban': 'maybe' is not a status (and 90 more rows like it: 3, 4, 5, 6, 7, ...)"]
    >>> [str(p) for p in missing_defaults({"as_of": 91})]
    ["as_of: no 'as_of' column and no default: all 91 rows need one; add the column or pass as_of=... (on the command line --as-of)"]
"""  # noqa: E501

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from ..exceptions import Problem

__all__ = ["group_problems", "missing_defaults"]

_ROW = re.compile(r"\Arow (\d+)(?:, (.*))?\Z")
#: How many further row numbers a grouped problem lists.
SHOWN = 5


def group_problems(problems: Iterable[Problem]) -> list[Problem]:
    """The problems, each one repeated on several data rows stated once, with the count of the others.

    Repeated means: the same column, message and suggestion. The first row's problem stands for the group
    and names the first few other rows; the order of first appearance is kept.
    """
    groups: dict[tuple[str, str, str | None, str | None], list[tuple[Problem, int]]] = {}
    order: list[tuple[str, str, str | None, str | None] | Problem] = []
    for p in problems:
        m = _ROW.match(p.path)
        if m is None or m.group(1) == "1":
            order.append(p)
            continue
        key = (m.group(2) or "", p.message, p.suggestion, p.file)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((p, int(m.group(1))))
    out: list[Problem] = []
    for item in order:
        if isinstance(item, Problem):
            out.append(item)
            continue
        (first, _), *more = groups[item]
        if not more:
            out.append(first)
            continue
        rows = ", ".join(str(r) for _, r in more[:SHOWN]) + (", ..." if len(more) > SHOWN else "")
        like = "row" if len(more) == 1 else "rows"
        out.append(
            attrs.evolve(first, message=f"{first.message} (and {len(more)} more {like} like it: {rows})")
        )
    return out


def missing_defaults(missing: Mapping[str, int]) -> list[Problem]:
    """One problem per field that rows needed with neither a column nor a default, with the row count."""
    out = []
    for field, n in missing.items():
        flag = "--" + field.replace("_", "-")
        if field == "name":
            out.append(Problem("row 1", "no jurisdiction name column ('name', 'jurisdiction' or 'city')"))
            continue
        rows = "the 1 row needs" if n == 1 else f"all {n} rows need"
        out.append(
            Problem(
                field,
                f"no {field!r} column and no default: {rows} one; add the column or pass {field}=... "
                f"(on the command line {flag})",
                code="missing_default",
                field=field,
            )
        )
    return out
