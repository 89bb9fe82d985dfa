"""Column maps for :func:`policeframeworks.io.read_assessments_csv`: read, checked and extended.

A column map names the spreadsheet headers the reader cannot guess: a ``[columns]`` table (TOML or JSON) of
``header = target``, each target a field the reader knows (``name``, ``state``, ..., the long layout's
``principle_id``, ``status``, ...), a principle id, or ``"attribute"`` (keep the column as an attribute of
the jurisdiction).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._csv import ATTRIBUTE, FIELDS, LONG_FIELDS, _hnorm, _load_column_map

__all__ = ["read_column_map", "with_attributes"]


def read_column_map(
    columns: Mapping[str, str] | str | os.PathLike[str], *, catalog: object | None = None
) -> dict[str, str]:
    """A column map (a file or a mapping), checked as far as it can be without the spreadsheet.

    Each target must be a field the reader knows, ``"attribute"``, or a principle id of ``catalog`` (default:
    the bundled catalog), all of one framework. Whether the headers exist needs the CSV.

    Raises:
        DataFileError: the file cannot be read.
        ValidationError: every problem: an empty header, an unknown target (with the closest suggested),
            principles of several frameworks.

    Example:
        >>> read_column_map({"City": "name", "Holds?": "8cantwait-2020:ban-chokeholds-and-strangleholds"})
        {'City': 'name', 'Holds?': '8cantwait-2020:ban-chokeholds-and-strangleholds'}
        >>> read_column_map({"City": "nmae"})
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          columns.City: 'nmae' is neither a field name nor a principle id of the bundled catalog (...)
    """
    from .._catalog import Catalog, load_catalog

    cat = catalog if isinstance(catalog, Catalog) else load_catalog()
    which = "the catalog" if isinstance(catalog, Catalog) else "the bundled catalog"
    table = dict(_load_column_map(columns))
    fields = [*FIELDS, *LONG_FIELDS, ATTRIBUTE]
    problems: list[Problem] = []
    frameworks: dict[str, str] = {}
    file = None if isinstance(columns, Mapping) else str(columns)
    for header, target in table.items():
        where = f"columns.{header}"
        if not header.strip():
            problems.append(Problem(where, "an empty header", code="empty_header"))
        if target in fields:
            continue
        if ":" in target and target in cat:
            frameworks.setdefault(target.split(":", 1)[0], header)
            continue
        ids = [pid for fw in cat.frameworks for pid in fw.principle_ids]
        problems.append(
            Problem(
                where,
                f"{target!r} is neither a field name nor a principle id of {which}",
                suggestion=first_or_none(target, [*fields, *ids]),
                code="unknown_target",
                field=header,
            )
        )
    if len(frameworks) > 1:
        named = ", ".join(f"{fw} (e.g. {header!r})" for fw, header in frameworks.items())
        problems.append(
            Problem(
                "columns", f"principles of several frameworks: {named}; a map is for one", code="frameworks"
            )
        )
    if problems:
        raise ValidationError(problems, file=file)
    return table


def with_attributes(
    columns: Mapping[str, str] | str | os.PathLike[str] | None, attributes: Iterable[str]
) -> dict[str, str]:
    """The column map ``columns`` (a file, a mapping or None) with each of ``attributes`` an attribute.

    Headers compare as the reader compares them (ignoring case, spaces and ``_``).

    Raises:
        ValidationError: the map sends one of ``attributes`` elsewhere (code ``attribute_conflict``, field
            the column), or the map itself has problems.

    Example:
        >>> with_attributes({"City": "name"}, ["Population"])
        {'City': 'name', 'Population': 'attribute'}
        >>> with_attributes({"City": "name"}, ["city"])
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          columns.City: maps 'City' to 'name', so 'city' cannot be kept as an attribute
    """
    merged = dict(_load_column_map(columns))
    by_key = {_hnorm(header): (header, target) for header, target in merged.items()}
    problems = []
    for column in attributes:
        header, target = by_key.get(_hnorm(column), (column, ATTRIBUTE))
        if target != ATTRIBUTE:
            problems.append(
                Problem(
                    f"columns.{header}",
                    f"maps {header!r} to {target!r}, so {column!r} cannot be kept as an attribute",
                    code="attribute_conflict",
                    field=column,
                )
            )
            continue
        merged[header] = ATTRIBUTE
        by_key[_hnorm(column)] = (header, ATTRIBUTE)
    if problems:
        raise ValidationError(
            problems, file=None if columns is None or isinstance(columns, Mapping) else str(columns)
        )
    return merged
