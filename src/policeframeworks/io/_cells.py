"""Formula escaping of spreadsheet cells: one rule for every CSV the package writes, undone by its readers.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) as a
formula. :func:`escape_cell` puts an apostrophe before such a cell, and before a cell that already starts
with an apostrophe followed by one of those characters; :func:`unescape_cell` removes one apostrophe from a
cell that starts with an apostrophe followed by one of them. So a written file reads back equal.
"""

from __future__ import annotations

__all__ = ["escape_cell", "unescape_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula.

    Example:
        >>> escape_cell("=1+1"), escape_cell("'=1+1"), escape_cell("plain")
        ("'=1+1", "''=1+1", 'plain')
    """
    if value.startswith(_FORMULA_START) or (value[:1] == "'" and value[1:2] in (*_FORMULA_START, "'")):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`.

    Example:
        >>> unescape_cell("'=1+1"), unescape_cell("''=1+1"), unescape_cell("'tis")
        ('=1+1', "'=1+1", "'tis")
    """
    if value[:1] == "'" and value[1:2] in (*_FORMULA_START, "'"):
        return value[1:]
    return value
