"""Rendering rows as a table in the console's width, as JSON or as CSV, for every listing command."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

#: The narrowest a column of prose is wrapped to before the table is laid out as records instead.
PROSE_FLOOR = 16


def render(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    *,
    width: int = 80,
    table_columns: Sequence[str] | None = None,
    keep: Sequence[str] = ("id",),
) -> str:
    """``rows`` (dicts with at least ``columns``) as text in format ``fmt``: ``table``, ``json`` or ``csv``.

    JSON is a list of objects with every key of each row; CSV shows ``columns`` in order, and so do tables
    unless ``table_columns`` (a shorter list for people) is given; table columns named in ``keep`` (by
    default ``id``) are never wrapped at spaces (see :func:`table`). In CSV, lists are joined with ``"; "``,
    booleans are ``true``/``false``, a missing value is an empty cell, and a cell a spreadsheet would run as
    a formula is escaped (:func:`policeframeworks.io.escape_cell`).

    Example:
        >>> rows = [{"id": "a", "themes": ["x", "y"], "ok": True}]
        >>> print(render(rows, ["id", "themes", "ok"], "csv"), end="")
        id,themes,ok
        a,x; y,true
        >>> print(render(rows, ["id"], "json"), end="")
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
        return json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        from ..io import csv_text

        return csv_text([list(columns), *([cell(row.get(c)) for c in columns] for row in rows)])
    return table(rows, table_columns or columns, width=width, keep=keep)


def emit(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    out: TextIO,
    *,
    width: int = 80,
    table_columns: Sequence[str] | None = None,
    keep: Sequence[str] = ("id",),
) -> None:
    """Write :func:`render`'s text to ``out``.

    Example:
        >>> import sys
        >>> emit([{"id": "a"}], ["id"], "csv", sys.stdout)
        id
        a
    """
    out.write(render(rows, columns, fmt, width=width, table_columns=table_columns, keep=keep))


def wrap(text: str, *, indent: str = "", first: str | None = None, width: int = 80) -> str:
    """``text`` wrapped to ``width`` columns at spaces, each line starting with ``indent``.

    The first line starts with ``first`` instead, if given. Words longer than a line (ids, web addresses)
    are never broken.

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
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines) if lines else (indent if first is None else first).rstrip()


def cell(value: Any) -> str:
    """A value as a CSV cell: lists joined with ``"; "``, booleans ``true``/``false``, None empty."""
    if type(value) is str:  # the common case first (listings of many rows)
        return value
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
    width: int = 80,
    keep: Sequence[str] = (),
) -> str:
    """A plain-text table in ``width`` columns.

    Columns of single tokens (ids, paths, numbers, words such as ``no_relationship``) and columns named in
    ``keep`` are not wrapped, so they stay whole for copying; columns of prose (cells with spaces) are.
    When the table is too wide and its first column is of tokens and takes more than half the line (a
    listing of long ids), each row becomes a record instead: the first column on a line of its own, the
    others indented below it. Otherwise prose is wrapped, widest column first, down to 16 characters,
    then down to its longest word, and if even that does not fit, the rows become records. In records, a
    value longer than the line is broken after a ``/`` or ``:`` where it has one, so nothing runs past
    ``width``.

    Example:
        >>> print(table([{"id": "a", "title": "First"}], ["id", "title"]), end="")
        id  title
        --  -----
        a   First
        >>> long = {"id": "fw:" + "a-long-principle/" * 4 + "leaf", "title": "A title that reads well"}
        >>> print(table([long], ["id", "title"], width=60), end="")
        id
            title
        ---------
        fw:a-long-principle/a-long-principle/a-long-principle/
          a-long-principle/leaf
            A title that reads well
    """
    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    budget = width - 2 * (len(columns) - 1)
    prose = [any(" " in r[i] for r in cells) and c not in keep for i, c in enumerate(columns)]
    if sum(widths) > budget and len(columns) > 1 and not prose[0] and widths[0] > width // 2:
        return _records(cells, columns, width)  # a long key: its values would squeeze the rest
    floors = [max(len(c), PROSE_FLOOR) if prose[k] else widths[k] for k, c in enumerate(columns)]
    if not _shrink(widths, floors, budget):
        floors = [
            max(len(c), 8, _longest_word(cells, k)) if prose[k] else widths[k] for k, c in enumerate(columns)
        ]
        if not _shrink(widths, floors, budget):
            return _records(cells, columns, width)
    lines = [_line(list(columns), widths), _line(["-" * w for w in widths], widths)]
    for r in cells:
        wrapped = [textwrap.wrap(v, w) or [""] for v, w in zip(r, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[k] if k < len(w) else "" for w in wrapped], widths))
    return "\n".join(lines) + "\n"


def _shrink(widths: list[int], floors: list[int], budget: int) -> bool:
    """Narrow the widest shrinkable column one at a time until the widths fit ``budget``; whether they do."""
    while sum(widths) > budget:
        shrinkable = [k for k in range(len(widths)) if widths[k] > floors[k]]
        if not shrinkable:
            return False
        widths[max(shrinkable, key=lambda k: widths[k])] -= 1
    return True


def _records(cells: list[list[str]], columns: Sequence[str], width: int) -> str:
    """Rows as records: the first column's value on its own line, the other columns indented below."""
    indent = "    "
    labelled = len(columns) > 2
    head = [columns[0], *(indent + c for c in columns[1:])]
    lines = [*head, "-" * min(width, max(len(h) for h in head))]
    for r in cells:
        lines += _break(r[0], width)
        for c, v in zip(columns[1:], r[1:], strict=True):
            first = f"{indent}{c}: " if labelled else indent
            wrapped = textwrap.wrap(v, width, initial_indent=first, subsequent_indent=indent + "  ")
            lines += wrapped or ([first.rstrip()] if labelled else [])
    return "\n".join(lines) + "\n"


def _break(token: str, width: int) -> list[str]:
    """A value on lines of at most ``width``: broken after ``/`` or ``:`` where it can be, else anywhere."""
    if len(token) <= width:
        return [token]
    pieces = [p for p in re.split(r"(?<=[/:])", token) if p]
    lines: list[str] = []
    current = ""
    room = width
    for piece in pieces:
        while len(piece) > room:  # one piece longer than a line: break it where it must
            if current:
                lines.append(current)
                current, room = "", width - 2
                continue
            lines.append(piece[:room])
            piece, room = piece[room:], width - 2
        if len(current) + len(piece) > room:
            lines.append(current)
            current, room = "", width - 2
        current += piece
    if current:
        lines.append(current)
    return [lines[0], *("  " + line for line in lines[1:])]


def _longest_word(cells: list[list[str]], k: int) -> int:
    return max([0, *(len(word) for r in cells for word in r[k].split())])


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
