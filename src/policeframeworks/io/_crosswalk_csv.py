"""Crosswalk CSV: the NIST IR 8477 STRM template's columns in its order, then this library's own.

``FDE#`` is the source id and ``Target ID #`` the target id; the name and description columns are filled
from the catalog for people reading the sheet and are not read back. Then come basis, opposing, mapped by,
and the citation's parts. ``STRM Relationship`` is written in IR 8477 wording (``subset of``) and read in any
spelling :meth:`Relationship.parse <policeframeworks.Relationship.parse>` accepts. On import, spaces around
ids, words and numbers are ignored; text cells (notes, mapped by, citation) are read as written. CSV holds
the mappings only: the STRM template has no place for a declared review.

This module turns a crosswalk into CSV text and CSV text into mappings; the public functions
(:func:`policeframeworks.io.read_crosswalk_csv` and its siblings) build the crosswalk.
"""

from __future__ import annotations

import csv
import io as _stdio
from typing import TYPE_CHECKING, Any

import attrs

from .. import _convert
from .._mapping import Mapping, is_end_id
from .._relationship import Relationship
from .._suggest import first_or_none
from ..crosswalk._checks import id_problems, unknown_end
from ..crosswalk._graph import CITATION_FIELDS
from ..exceptions import Problem, ValidationError
from ._cells import csv_text, unescape_cell

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk

__all__ = [
    "CSV_COLUMNS",
    "REQUIRED_CSV_COLUMNS",
    "field_column",
    "format_csv",
    "parse_csv",
    "raw_mapping_problems",
]

#: The CSV header: NIST IR 8477 STRM template columns in order, then this library's own.
CSV_COLUMNS = (
    "FDE#",
    "FDE Name",
    "Focal Document Element (FDE)",
    "STRM Rationale",
    "STRM Relationship",
    "Strength of Relationship",
    "Target Title",
    "Target ID #",
    "Target Description",
    "Notes",
    "Basis",
    "Opposing",
    "Mapped By",
    "Citation Publisher",
    "Citation Title",
    "Citation URL",
    "Citation Date",
    "Citation Locator",
)

_IR8477_WORDS = {
    Relationship.EQUAL: "equal",
    Relationship.SUBSET: "subset of",
    Relationship.SUPERSET: "superset of",
    Relationship.INTERSECTS: "intersects with",
    Relationship.NO_RELATIONSHIP: "no relationship",
}


def _names(catalog: Catalog, end: str) -> tuple[str, str]:
    if end in catalog.framework_ids:
        fw = catalog.framework(end)
        return fw.short_title, fw.title
    if end in catalog:
        p = catalog.principle(end)
        return p.title, p.text
    return "", ""


def format_csv(cw: Crosswalk) -> str:
    """The crosswalk as CSV text (header :data:`CSV_COLUMNS`, one row per mapping, in order)."""
    rows: list[list[str]] = [list(CSV_COLUMNS)]
    for m in cw.mappings:
        source_name, source_text = _names(cw.catalog, m.source)
        target_name, target_text = _names(cw.catalog, m.target)
        cite = [getattr(m.citation, f) or "" for f in CITATION_FIELDS] if m.citation else [""] * 5
        row = [
            m.source,
            source_name,
            source_text,
            m.rationale_type.value,
            _IR8477_WORDS[m.relationship],
            str(m.strength),
            target_name,
            m.target,
            target_text,
            m.rationale,
            m.basis.value,
            "yes" if m.opposing else "no",
            m.mapped_by,
            *cite,
        ]
        rows.append(row)
    return csv_text(rows)


def parse_csv(text: str, catalog: Catalog, name: str) -> list[Mapping]:
    """The mappings of CSV text written by :func:`format_csv` (or a spreadsheet in its columns), checked.

    Rows are numbered as a spreadsheet shows them (the header is row 1). Every problem in every row is
    reported in one :class:`ValidationError` naming ``name``, e.g. ``row 4, column 'STRM Relationship':
    'subsett' is not a relationship ... (did you mean 'subset'?)``; every id is checked against ``catalog``.
    """
    reader = csv.reader(_stdio.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        raise ValidationError(
            [Problem(f"row {len(rows) + 1}", f"not valid CSV ({exc})")], file=name
        ) from None
    if not rows:
        raise ValidationError([Problem("", "empty CSV file; expected a header row")], file=name)
    header = [unescape_cell(h).strip() for h in rows[0]]
    header_problems = _header_problems(header, rows[1:])
    if header_problems:
        raise ValidationError(header_problems, file=name)
    col = {h: i for i, h in enumerate(header) if h}
    problems: list[Problem] = []
    mappings: list[Mapping] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"row {number}"
        if len(row) != len(header):
            problems.append(Problem(where, f"has {len(row)} cells, the header has {len(header)}"))
            continue

        def cell(column: str, row: list[str] = row, strip: bool = True) -> str:
            i = col.get(column)
            if i is None:
                return ""
            value = unescape_cell(row[i])
            return value.strip() if strip else value

        data: dict[str, Any] = {
            "source": cell("FDE#"),
            "relationship": cell("STRM Relationship"),
            "target": cell("Target ID #"),
            "rationale_type": cell("STRM Rationale").lower(),
            "basis": cell("Basis").lower(),
            "rationale": cell("Notes", strip=False),
            "mapped_by": cell("Mapped By", strip=False),
        }
        row_problems: list[Problem] = []
        strength = cell("Strength of Relationship")
        if strength.isascii() and strength.isdigit():
            data["strength"] = int(strength)
        else:  # reported here; the model's own "missing" and range checks would only add noise
            row_problems.append(
                Problem("Strength of Relationship", f"expected a whole number 0-10, got {strength!r}")
            )
        opposing = cell("Opposing").lower()
        if opposing in ("yes", "true", "1"):
            data["opposing"] = True
        elif opposing not in ("", "no", "false", "0"):
            row_problems.append(Problem("Opposing", f"expected yes or no, got {opposing!r}"))
        cite = {
            f: cell(f"Citation {f.upper() if f == 'url' else f.title()}", strip=False)
            for f in CITATION_FIELDS
        }
        if any(cite.values()):
            data["citation"] = {k: v for k, v in cite.items() if v}
        mapping: Mapping | None = None
        try:
            mapping = _convert.from_builtins(data, Mapping)
        except ValidationError as exc:
            row_problems += [
                field_column(p, _CSV_FIELD_COLUMNS)
                for p in exc.problems
                if "strength" in data or p.path.lstrip(".") != "strength"
            ]
            row_problems += raw_mapping_problems(
                data, already=exc.problems, catalog=catalog, columns=_CSV_FIELD_COLUMNS
            )
        if mapping is not None:
            row_problems += [
                field_column(p.within(""), _CSV_FIELD_COLUMNS) for p in id_problems(mapping, catalog, "")
            ]
        for p in row_problems:
            problems.append(_at_row(p, where))
        if mapping is not None and not row_problems:
            mappings.append(mapping)
    if problems:
        raise ValidationError(problems, file=name)
    return mappings


#: Columns a crosswalk CSV must have; the others of :data:`CSV_COLUMNS` may be left out.
REQUIRED_CSV_COLUMNS = (
    "FDE#",
    "STRM Rationale",
    "STRM Relationship",
    "Strength of Relationship",
    "Target ID #",
    "Notes",
    "Basis",
    "Mapped By",
)


def _header_problems(header: list[str], body: list[list[str]]) -> list[Problem]:
    """Every problem of a crosswalk CSV header: missing, repeated, unknown or blank-but-filled columns.

    Nothing in a file is ignored: a column the reader does not know (a misspelt ``Oposing``) would be
    dropped without a word, so it is an error with a did-you-mean instead.
    """
    problems: list[Problem] = []
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    absent = [c for c in CSV_COLUMNS if c not in header]
    for c in REQUIRED_CSV_COLUMNS:
        if c not in header:
            problems.append(Problem("row 1", f"missing column {c!r}", suggestion=first_or_none(c, unknown)))
    seen: dict[str, int] = {}
    for i, h in enumerate(header, start=1):
        if not h:
            filled = next(
                (r for r, row in enumerate(body, start=2) if len(row) >= i and row[i - 1].strip()), None
            )
            if filled is not None:
                problems.append(
                    Problem(f"row 1, column {i}", f"has no header, but row {filled} has a value in it")
                )
        elif h in seen:
            problems.append(
                Problem(f"row 1, column {i}", f"{h!r} repeats column {seen[h]}; each column may appear once")
            )
        else:
            seen[h] = i
        if h in unknown:
            hint = first_or_none(h, absent) or first_or_none(h, CSV_COLUMNS)
            known = "" if hint else f"; the columns are {', '.join(CSV_COLUMNS)}"
            problems.append(
                Problem(
                    f"row 1, column {i}",
                    f"unknown column {h!r}, which would be ignored{known}",
                    suggestion=hint,
                )
            )
    return problems


_CSV_FIELD_COLUMNS = {
    "source": "FDE#",
    "relationship": "STRM Relationship",
    "target": "Target ID #",
    "rationale_type": "STRM Rationale",
    "strength": "Strength of Relationship",
    "basis": "Basis",
    "rationale": "Notes",
    "mapped_by": "Mapped By",
    "opposing": "Opposing",
    "citation": "Citation",
}


def field_column(p: Problem, columns: dict[str, str]) -> Problem:
    """A problem whose field path (``strength``, ``citation.url``) is put as a CSV column name."""
    path = p.path.lstrip(".")
    head, _, rest = path.partition(".")
    if head in columns:
        column = columns[head] + (f" {rest.upper() if rest == 'url' else rest.title()}" if rest else "")
        return attrs.evolve(p, path=column)
    return attrs.evolve(p, path=path)


def _at_row(p: Problem, where: str) -> Problem:
    path = f"{where}, column {p.path!r}" if p.path and not p.path.startswith("row") else (p.path or where)
    return attrs.evolve(p, path=path)


def raw_mapping_problems(
    data: Any,
    *,
    already: tuple[Problem, ...],
    catalog: Catalog,
    columns: dict[str, str] | None = None,
) -> list[Problem]:
    """Checks on a mapping's raw values, for when building it failed before its own checks could run.

    So one run reports an unknown relationship word, an unknown id and an out-of-range strength together.
    """
    if not isinstance(data, dict):
        return []
    seen = {p.path for p in already}
    found: list[Problem] = []
    for field in ("source", "target"):
        value = data.get(field)
        if isinstance(value, str) and not is_end_id(value):
            found.append(Problem(field, f"{value!r} is neither a principle id nor a framework id"))
        elif isinstance(value, str) and value not in catalog:
            found.append(unknown_end(value, catalog, field))
    strength = data.get("strength")
    if type(strength) is int and not 0 <= strength <= 10:
        found.append(Problem("strength", f"{strength} is out of range (0-10)"))
    out = [p for p in found if p.path not in seen]
    if columns is not None:
        out = [field_column(p, columns) for p in out]
    return out
