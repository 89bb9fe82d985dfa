"""Rendering rows as an 80-column table, JSON or CSV, for every listing command."""

from __future__ import annotations

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
    table_columns: Sequence[str] | None = None,
    keep: Sequence[str] = ("id",),
) -> None:
    """Write ``rows`` (dicts with at least ``columns``) in format ``fmt`` to ``out``.

    JSON is a list of objects with every key of each row; CSV shows ``columns`` in order, and so do tables
    unless ``table_columns`` (a shorter list that fits 80 columns) is given; table columns named in ``keep``
    (by default ``id``) are never wrapped. In CSV, lists are joined with
    ``"; "``, booleans are ``true``/``false``, a missing value is an empty cell, and a cell a spreadsheet
    would run as a formula is escaped (:func:`policeframeworks.io.escape_cell`).

    Example:
        >>> import sys
        >>> rows = [{"id": "a", "themes": ["x", "y"], "ok": True}]
        >>> emit(rows, ["id", "themes", "ok"], "csv", sys.stdout)
        id,themes,ok
        a,x; y,true
        >>> emit(rows, ["id"], "json", sys.stdout)
        [
          {
            "id": "a",
            "themes": [
              "x",
              "y"
            ],
            "ok": true
          }
        ]
    """
    if fmt == "json":
        out.write(json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        from ..io import csv_text

        out.write(csv_text([list(columns), *([_cell(row.get(c)) for c in columns] for row in rows)]))
    else:
        out.write(table(rows, table_columns or columns, width=width, keep=keep))


def wrap(text: str, *, indent: str = "", first: str | None = None, width: int = 80) -> str:
    """``text`` wrapped to ``width`` columns, every line starting with ``indent`` (the first with ``first``).

    Example:
        >>> print(wrap("one two three", indent="  ", width=9))
          one two
          three
    """
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    return "\n".join(lines) if lines else (indent if first is None else first).rstrip()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    width: int | None = None,
    keep: Sequence[str] = (),
) -> str:
    """A plain-text table that fits ``width`` columns (80 by default, or the terminal's width if smaller).

    Columns of prose (cells with spaces) are wrapped, widest first, down to 16 characters, then down to their
    longest word (at least 8) if still needed. Columns of single tokens (ids, paths, numbers, words such as
    ``no_relationship``) and columns named in ``keep`` are never wrapped, so they stay whole for copying:
    only when such a column is too wide for the line is the table wider than ``width``.

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
    # Narrow prose columns (cells with spaces) first, so ids and numbers stay whole where possible.
    prose = [any(" " in r[i] for r in cells) for i in range(len(columns))]
    phases = [
        [max(len(c), 16) if prose[k] else widths[k] for k, c in enumerate(columns)],
        [max(len(c), 8, _longest_word(cells, k)) if prose[k] else widths[k] for k, c in enumerate(columns)],
    ]
    for floors in phases:
        for k, c in enumerate(columns):
            if c in keep:
                floors[k] = widths[k]
    for floors in phases:
        while sum(widths) > budget:
            shrinkable = [k for k in range(len(widths)) if widths[k] > floors[k]]
            if not shrinkable:
                break
            i = max(shrinkable, key=lambda k: widths[k])
            widths[i] -= 1
    lines = [_line(list(columns), widths), _line(["-" * w for w in widths], widths)]
    for r in cells:
        wrapped = [textwrap.wrap(v, w) or [""] for v, w in zip(r, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[k] if k < len(w) else "" for w in wrapped], widths))
    return "\n".join(lines) + "\n"


def _longest_word(cells: list[list[str]], k: int) -> int:
    return max([0, *(len(word) for r in cells for word in r[k].split())])


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
