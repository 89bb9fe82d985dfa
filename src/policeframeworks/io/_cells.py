"""Formula escaping of spreadsheet cells: one rule for every CSV the package writes, undone by its readers.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab, carriage return or line
feed, or the full-width forms U+FF1D, U+FF0B, U+FF0D, U+FF20 of the four; also after leading spaces) as a
formula. :func:`escape_cell` puts an apostrophe before such a cell, and before a cell that already starts
with an apostrophe followed by one of those or by another apostrophe; :func:`unescape_cell` removes one
apostrophe from a cell that starts with an apostrophe followed by one of them. So a written file reads
back equal: the two are inverses.

Every CSV the package writes goes through :func:`csv_text` (or :func:`escape_cell` cell by cell): the CLI's
``--format csv`` listings, :func:`~policeframeworks.io.crosswalk_to_csv`, the assessment and summary writers.
Every CSV reader of the package passes each cell through :func:`unescape_cell`.
"""

from __future__ import annotations

import csv
import io as _stdio
from collections.abc import Iterable, Sequence

__all__ = ["csv_text", "escape_cell", "is_formula", "unescape_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def is_formula(value: str) -> bool:
    """Whether a spreadsheet could run ``value`` as a formula (so it must be escaped before writing).

    Example:
        >>> [is_formula(v) for v in ("=1+1", "  @SUM(A1)", "-3", "plain", "'=1+1")]
        [True, True, True, False, False]
    """
    return value.lstrip(" ").startswith(_FORMULA_START)


def escape_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula.

    Example:
        >>> escape_cell("=1+1"), escape_cell("'=1+1"), escape_cell("plain")
        ("'=1+1", "''=1+1", 'plain')
    """
    if is_formula(value) or (value[:1] == "'" and (is_formula(value[1:]) or value[1:2] == "'")):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`.

    Example:
        >>> unescape_cell("'=1+1"), unescape_cell("''=1+1"), unescape_cell("'tis")
        ('=1+1', "'=1+1", "'tis")
    """
    if value[:1] == "'" and (is_formula(value[1:]) or value[1:2] == "'"):
        return value[1:]
    return value


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    r"""CSV text for ``rows`` (the header first), every cell escaped with :func:`escape_cell`.

    Lines end with ``\n``. A row holding a carriage return is quoted in full, since with ``\n`` line ends
    the ``csv`` module would not quote a lone ``\r`` and a reader would split the row there.

    Example:
        >>> print(csv_text([["city", "note"], ["=cmd|' /C calc'!A0", "a, b"]]), end="")
        city,note
        '=cmd|' /C calc'!A0,"a, b"
    """
    out = _stdio.StringIO()
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = [escape_cell(c) for c in row]
        (quoted if any("\r" in c for c in cells) else plain).writerow(cells)
    return out.getvalue()
