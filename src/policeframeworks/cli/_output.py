"""Rendering rows as an 80-column table, JSON or CSV, for every listing command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")


def emit(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    out: TextIO,
    *,
    width: int | None = None,
) -> None:
    """Write ``rows`` (dicts with at least ``columns``) in format ``fmt`` to ``out``.

    JSON is a list of objects with every key of each row; CSV and tables show ``columns`` in order.
    """
    if fmt == "json":
        out.write(json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        out.write(buf.getvalue())
    else:
        out.write(table(rows, columns, width=width))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, width: int | None = None) -> str:
    """A plain-text table that fits ``width`` columns (80 by default, or the terminal's width if smaller).

    The widest columns are wrapped until the table fits.

    Example:
        >>> print(table([{"id": "a", "title": "First"}], ["id", "title"]), end="")
        id  title
        --  -----
        a   First
    """
    if width is None:
        width = min(80, shutil.get_terminal_size((80, 24)).columns)
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    gap = 2
    budget = width - gap * (len(columns) - 1)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k])
        floor = max(len(columns[i]), 8)
        if widths[i] <= floor:
            break
        widths[i] -= 1
    lines = [_line(list(columns), widths), _line(["-" * w for w in widths], widths)]
    for r in cells:
        wrapped = [textwrap.wrap(v, w) or [""] for v, w in zip(r, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[k] if k < len(w) else "" for w in wrapped], widths))
    return "\n".join(lines) + "\n"


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
