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
    names, cols = _columns(frame)
    problems = _wanted([dict.fromkeys(names)] if cols["name"] else [], "findings")
    problems = [p for p in problems if p.path != "jurisdiction_key"]  # derived; recomputed here
    if problems:
        raise ValidationError(problems)
    n = len(cols["name"])
    groups: dict[tuple[Any, ...], list[int]] = {}
    juris: dict[int, Jurisdiction] = {}
    # One object per distinct cells: the rows of an assessment repeat its jurisdiction, and findings
    # repeat across assessments. Frozen objects, so sharing equal ones changes no value.
    built_j: dict[tuple[Any, ...], Jurisdiction] = {}
    j_cols = [cols[c] for c in ("name", "state", "kind", "fips", "ori", "attributes")]
    rest = [cols[c] for c in _ASSESSMENT_KEY[1:]]
    last: tuple[tuple[Any, ...], Jurisdiction] | None = None  # the previous row's cells and jurisdiction
    for i in range(n):
        cells = tuple(c[i] for c in j_cols)
        j = _same_as(last, cells)
        jkey = None if j is not None else _key(cells, 1)
        if j is None and jkey is not None:
            j = built_j.get(jkey)
        if j is None:
            try:
                j = _jurisdiction_at(cells)
            except ValidationError as exc:
                problems += _problems_at(exc, f"rows[{i}]")
                continue
            if jkey is not None:
                built_j[jkey] = j
        juris[i] = j
        last = (cells, j)
        key = (jurisdiction_key(j), *(c[i] for c in rest))
        groups.setdefault(key, []).append(i)
    same = [(c, cols[c]) for c in _ASSESSMENT_SAME]
    f_cols = [cols[c] for c in ("principle_id", "status", "note", "evidence", "derived_from")]
    built_f: dict[tuple[Any, ...], Finding] = {}
    out: list[Assessment] = []
    for members in groups.values():
        m0 = members[0]
        for i in members[1:]:
            for c, col in same:
                a, b = col[i], col[m0]
                if (a is not b or type(a) not in _PLAIN) and _differ(a, b):
                    problems.append(
                        Problem(f"rows[{i}].{c}", f"differs from rows[{m0}] of the same assessment")
                    )
        found: list[Finding] = []
        for i in members:
            cells = tuple(c[i] for c in f_cols)
            if cells[0] is None and cells[1] is None:
                continue
            fkey = _key(cells, 2)
            f = built_f.get(fkey) if fkey is not None else None
            if f is None:
                try:
                    f = _finding_at(cells)
                except ValidationError as exc:
                    problems += _problems_at(exc, f"rows[{i}]")
                    continue
                if fkey is not None:
                    built_f[fkey] = f
            found.append(f)
        rt = cols["reported_total"][m0]
        try:
            out.append(
                Assessment(
                    jurisdiction=juris[m0],
                    framework_id=cols["framework_id"][m0],
                    as_of=cols["as_of"][m0],
                    assessor=cols["assessor"][m0],
                    method=cols["method"][m0],
                    findings=tuple(found),
                    reported_total=None if rt is None else int(rt),
                    evidence=_evidence_of(cols["assessment_evidence"][m0]),
                    notes=tuple(_list(cols["assessment_notes"][m0])),
                )
            )
        except ValidationError as exc:
            problems += _problems_at(exc, f"rows[{m0}]")
    if problems:
        raise ValidationError(problems)
    return tuple(out)


_COLUMNS_READ = (
    "name",
    "state",
    "kind",
    "fips",
    "ori",
    "attributes",
    *_ASSESSMENT_KEY[1:],
    "reported_total",
    "assessment_evidence",
    "assessment_notes",
    "principle_id",
    "status",
    "note",
    "evidence",
    "derived_from",
)


def _columns(frame: Any) -> tuple[list[str], dict[str, list[Any]]]:
    """The frame's column names, and the cells ``to_assessments`` reads as a list per column.

    A column the frame lacks is all None. A PyArrow table is read a column at a time (no dict per row);
    other frames through their rows. Equal strings are shared (one ``str`` per distinct value in a call),
    so the objects built from many rows do not each hold their own copy.
    """
    seen: dict[str, str] = {}
    share = seen.setdefault
    names: list[str]
    raw: dict[str, list[Any]] = {}
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow comes with the frames extra
        pa = None
    if pa is not None and isinstance(frame, pa.Table):
        names = list(frame.column_names)
        n = frame.num_rows
        for c in _COLUMNS_READ:
            raw[c] = frame.column(c).to_pylist() if c in names else [None] * n
    else:
        rows = _rows(frame)
        names = list(rows[0]) if rows else []
        for c in _COLUMNS_READ:
            raw[c] = [r.get(c) for r in rows]
    out = {c: [share(v, v) if type(v) is str else v for v in col] for c, col in raw.items()}
    return names, out


#: Cell types whose ``==`` is what comparing their ``_norm`` forms gives (lists of plain values or dicts).
_PLAIN = frozenset({str, int, bool, list, type(None)})


def _differ(a: Any, b: Any) -> bool:
    """Whether two cells differ once made comparable (as ``_norm(a) != _norm(b)``, quicker when plain)."""
    if type(a) is type(b) and type(a) in _PLAIN:
        try:
            if a == b:
                return False
        except (TypeError, ValueError):  # pragma: no cover - a list of arrays: compare the long way
            pass
    return bool(_norm(a) != _norm(b))


def _same_as(
    last: tuple[tuple[Any, ...], Jurisdiction] | None, cells: tuple[Any, ...]
) -> Jurisdiction | None:
    """The previous row's jurisdiction if this row's jurisdiction cells equal its cells, else None.

    The rows of one assessment come together, so most rows are answered here without a key.
    """
    if last is None:
        return None
    try:
        return last[1] if cells == last[0] else None
    except (TypeError, ValueError):  # pragma: no cover - cells of arrays: look the row up the long way
        return None


def _key(cells: tuple[Any, ...], lists: int) -> tuple[Any, ...] | None:
    """A dict key standing for ``cells``, whose last ``lists`` cells are list columns; None if none can.

    With those lists empty (or None: both give empty tuples of parts) the other cells are the key;
    otherwise all the cells made hashable by ``_norm`` (a longer key, so the two kinds never meet).
    """
    for v in cells[-lists:]:
        if not (v is None or (type(v) is list and not v)):
            return _hashable(cells)
    key = cells[:-lists]
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _hashable(cells: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """``cells`` made hashable with ``_norm`` (lists of dicts become tuples), or None where they cannot be."""
    key = tuple(_norm(v) for v in cells)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _jurisdiction_at(cells: tuple[Any, ...]) -> Jurisdiction:
    name, state, kind, fips, ori, attributes = cells
    return Jurisdiction(
        name=name,
        state=state,
        kind=kind,
        fips=fips,
        ori=ori,
        attributes={a["name"]: a["value"] for a in _list(attributes)},
    )


def _finding_at(cells: tuple[Any, ...]) -> Finding:
    principle_id, status, note, evidence, derived_from = cells
    return Finding(
        principle_id=principle_id,
        status=status,
        note=note,
        evidence=_evidence_of(evidence),
        derived_from=tuple(Derivation(**d) for d in _list(derived_from)),
    )


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
