"""Long tables back to objects: assessments, jurisdictions and crosswalks from any frame type.

The readers take any frame narwhals knows (pandas, Polars, PyArrow, DuckDB, PySpark; lazy ones are
collected) and build the objects back, checking every row: each problem names the row and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import (
    Assessment,
    Citation,
    Crosswalk,
    Derivation,
    Evidence,
    Finding,
    Jurisdiction,
    Mapping,
    Problem,
    ValidationError,
    load_catalog,
)
from ._build import jurisdiction_key
from ._schema import STRUCTS

if TYPE_CHECKING:
    from .. import Catalog

__all__ = ["to_assessments", "to_crosswalk", "to_jurisdictions"]

_EVIDENCE_FIELDS = tuple(name for name, _ in STRUCTS["evidence"])


def _rows(frame: Any) -> list[dict[str, Any]]:
    """Any frame's rows as plain dicts (lazy frames are collected; pyarrow tables read directly)."""
    import narwhals as nw

    try:
        import pyarrow as pa

        if isinstance(frame, pa.Table):
            return list(frame.to_pylist())
    except ImportError:  # pragma: no cover - pyarrow comes with the frames extra
        pass
    df = nw.from_native(frame)
    if isinstance(df, nw.LazyFrame):
        df = df.collect()
    return [{k: _cell(v) for k, v in row.items()} for row in df.rows(named=True)]


def _cell(value: Any) -> Any:
    """A cell as Python: pandas' NaN for a missing value is None, a numpy integer an int."""
    if isinstance(value, float) and value != value:
        return None
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        return value.item()
    return value


def _wanted(rows: list[dict[str, Any]], table: str) -> list[Problem]:
    if not rows:
        return []
    missing = [
        c.name for c in _table_columns(table) if c.required and c.type != "array" and c.name not in rows[0]
    ]
    return [Problem(c, "required column missing") for c in missing]


def _table_columns(table: str) -> Any:
    from ._schema import TABLES

    return TABLES[table]


def _list(value: Any) -> list[Any]:
    """A list column's cell (None, a list, a numpy array, or a list of (key, value) pairs) as a list."""
    return [] if value is None else list(value)


def _evidence_of(value: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(**{f: e.get(f) for f in _EVIDENCE_FIELDS}) for e in _list(value))


def _jurisdiction_of(row: dict[str, Any]) -> Jurisdiction:
    return Jurisdiction(
        name=row["name"],
        state=row.get("state"),
        kind=row["kind"],
        fips=row.get("fips"),
        ori=row.get("ori"),
        attributes={a["name"]: a["value"] for a in _list(row.get("attributes"))},
    )


def _problems_at(exc: ValidationError, where: str) -> list[Problem]:
    return [p.within(where) for p in exc.problems]


_ASSESSMENT_KEY = ("jurisdiction_key", "framework_id", "as_of", "assessor", "method")
_ASSESSMENT_SAME = (
    "name",
    "state",
    "kind",
    "fips",
    "ori",
    "reported_total",
    "assessment_evidence",
    "assessment_notes",
    "attributes",
)


def to_assessments(frame: Any) -> tuple[Assessment, ...]:
    """Assessments from a ``findings`` table (any frame type), in order of their first row.

    Rows belong to one assessment when they share jurisdiction key, framework, date, assessor and method;
    their other assessment columns must then agree. Every problem in every row is reported at once.

    Raises:
        ValidationError: a missing column, a bad value (named by row and column), or rows of one assessment
            that disagree.

    Example:
        >>> import pyarrow as pa
        >>> from policeframeworks import frames
        >>> t = pa.table({"name": ["Springfield"], "state": ["IL"], "kind": ["city"],
        ...               "framework_id": ["8cantwait-2020"], "as_of": ["2020"], "assessor": ["me"],
        ...               "method": ["document-review"], "principle_id": ["8cantwait-2020:duty-to-intervene"],
        ...               "status": ["yes"]})
        >>> frames.to_assessments(t)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          rows[0].status: 'yes' is not one of adopted, partial, not_adopted, unknown, not_applicable
    """
    rows = _rows(frame)
    problems = _wanted(rows, "findings")
    problems = [p for p in problems if p.path != "jurisdiction_key"]  # derived; recomputed here
    if problems:
        raise ValidationError(problems)
    groups: dict[tuple[Any, ...], list[int]] = {}
    juris: dict[int, Jurisdiction] = {}
    for i, row in enumerate(rows):
        try:
            j = _jurisdiction_of(row)
        except ValidationError as exc:
            problems += _problems_at(exc, f"rows[{i}]")
            continue
        juris[i] = j
        key = (jurisdiction_key(j), *(row[c] for c in _ASSESSMENT_KEY[1:]))
        groups.setdefault(key, []).append(i)
    out: list[Assessment] = []
    for members in groups.values():
        first = rows[members[0]]
        for i in members[1:]:
            for c in _ASSESSMENT_SAME:
                if _norm(rows[i].get(c)) != _norm(first.get(c)):
                    problems.append(
                        Problem(f"rows[{i}].{c}", f"differs from rows[{members[0]}] of the same assessment")
                    )
        found: list[Finding] = []
        for i in members:
            row = rows[i]
            if row.get("principle_id") is None and row.get("status") is None:
                continue
            try:
                found.append(
                    Finding(
                        principle_id=row.get("principle_id"),  # type: ignore[arg-type]
                        status=row.get("status"),  # type: ignore[arg-type]
                        note=row.get("note"),
                        evidence=_evidence_of(row.get("evidence")),
                        derived_from=tuple(Derivation(**d) for d in _list(row.get("derived_from"))),
                    )
                )
            except ValidationError as exc:
                problems += _problems_at(exc, f"rows[{i}]")
        rt = first.get("reported_total")
        try:
            out.append(
                Assessment(
                    jurisdiction=juris[members[0]],
                    framework_id=first["framework_id"],
                    as_of=first["as_of"],
                    assessor=first["assessor"],
                    method=first["method"],
                    findings=tuple(found),
                    reported_total=None if rt is None else int(rt),
                    evidence=_evidence_of(first.get("assessment_evidence")),
                    notes=tuple(_list(first.get("assessment_notes"))),
                )
            )
        except ValidationError as exc:
            problems += _problems_at(exc, f"rows[{members[0]}]")
    if problems:
        raise ValidationError(problems)
    return tuple(out)


def _norm(value: Any) -> Any:
    """A cell made comparable across frame types (numpy arrays and lists of dicts become tuples)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    try:
        items = list(value)
    except TypeError:
        return value
    return tuple(tuple(sorted(v.items())) if isinstance(v, dict) else v for v in items)


def to_jurisdictions(frame: Any) -> tuple[Jurisdiction, ...]:
    """Jurisdictions from a ``jurisdictions`` table (any frame type), one per row, in order.

    Example:
        >>> from policeframeworks import frames, load_seed_assessments
        >>> frames.to_jurisdictions(frames.jurisdictions(load_seed_assessments()))
        (Jurisdiction(name='Kankakee', state='IL', kind=<JurisdictionKind.CITY: 'city'>, ...),)

    Raises:
        ValidationError: a missing column or a bad value, named by row and column.
    """
    rows = _rows(frame)
    problems = [p for p in _wanted(rows, "jurisdictions") if p.path != "jurisdiction_key"]
    out: list[Jurisdiction] = []
    for i, row in enumerate(rows if not problems else ()):
        try:
            out.append(_jurisdiction_of(row))
        except ValidationError as exc:
            problems += _problems_at(exc, f"rows[{i}]")
    if problems:
        raise ValidationError(problems)
    return tuple(out)


def to_crosswalk(frame: Any, *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk of the asserted rows of a ``mappings`` table (any frame type), in ``mapping_id`` order.

    Derived rows are left out (they follow from the asserted ones: see
    :meth:`Crosswalk.derive <policeframeworks.Crosswalk.derive>`).

    Raises:
        ValidationError: a missing column, a bad value or an unknown id, named by row and column.
    """
    rows = _rows(frame)
    problems = _wanted(rows, "mappings")
    found: list[tuple[int, Mapping]] = []
    for i, row in enumerate(rows if not problems else ()):
        if row.get("kind") != "asserted":
            continue
        try:
            c = None
            if row.get("citation_title") is not None or row.get("citation_url") is not None:
                c = Citation(
                    publisher=row.get("citation_publisher"),  # type: ignore[arg-type]
                    title=row.get("citation_title"),  # type: ignore[arg-type]
                    url=row.get("citation_url"),  # type: ignore[arg-type]
                    date=row.get("citation_date"),
                    locator=row.get("citation_locator"),
                )
            m = Mapping(
                source=row["source"],
                relationship=row["relationship"],
                target=row["target"],
                rationale_type=row.get("rationale_type"),  # type: ignore[arg-type]
                strength=row.get("strength"),  # type: ignore[arg-type]
                basis=row.get("basis"),  # type: ignore[arg-type]
                rationale=row.get("rationale"),  # type: ignore[arg-type]
                mapped_by=row.get("mapped_by"),  # type: ignore[arg-type]
                opposing=bool(row.get("opposing")),
                citation=c,
            )
        except ValidationError as exc:
            problems += _problems_at(exc, f"rows[{i}]")
            continue
        mid = row.get("mapping_id")
        found.append((i if mid is None else int(mid), m))
    if problems:
        raise ValidationError(problems)
    found.sort(key=lambda pair: pair[0])
    return Crosswalk([m for _, m in found], catalog=catalog if catalog is not None else load_catalog())
