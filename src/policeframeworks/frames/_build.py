"""Objects to long tables: findings, mappings, coverage and jurisdictions (the readers are in :mod:`._read`).

The builders return a :class:`pyarrow.Table` with the schema of :func:`arrow_schema`, or the same data in
another eager frame type (``backend="pandas"`` or ``"polars"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .. import (
    Assessment,
    AssessmentSet,
    Crosswalk,
    DerivedMapping,
    Evidence,
    Finding,
    Jurisdiction,
    Mapping,
    Problem,
    ValidationError,
)
from ._schema import FINDING_COLUMNS, STRUCTS, TABLES, arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa


__all__ = ["Backend", "coverage", "findings", "jurisdiction_key", "jurisdictions", "mappings"]

#: The frame types the builders return besides pyarrow's.
Backend = Literal["pyarrow", "pandas", "polars"]

_EVIDENCE_FIELDS = tuple(name for name, _ in STRUCTS["evidence"])


def jurisdiction_key(j: Jurisdiction) -> str:
    """The text form of :attr:`Jurisdiction.key <policeframeworks.Jurisdiction.key>`: ``jurisdiction_key``.

    Example:
        >>> from policeframeworks import Jurisdiction, frames
        >>> frames.jurisdiction_key(Jurisdiction(name="St. Paul", state="MN", kind="city"))
        'st paul|MN|city'
    """
    name, state, kind = j.key
    return f"{name}|{state or ''}|{kind}"


def _out(table: pa.Table, backend: Backend | None) -> Any:
    if backend is None or backend == "pyarrow":
        return table
    import narwhals as nw

    return nw.from_arrow(table, backend=backend).to_native()


def _evidence(items: Sequence[Evidence]) -> list[dict[str, str | None]]:
    return [{f: getattr(e, f) for f in _EVIDENCE_FIELDS} for e in items]


def _attributes(j: Jurisdiction) -> list[dict[str, str]]:
    return [{"name": k, "value": v} for k, v in j.attributes.items()]


def _jurisdiction_row(j: Jurisdiction) -> dict[str, Any]:
    return {
        "jurisdiction_key": jurisdiction_key(j),
        "name": j.name,
        "state": j.state,
        "kind": str(j.kind),
        "fips": j.fips,
        "ori": j.ori,
    }


def findings(assessments: Iterable[Assessment] | AssessmentSet, *, backend: Backend | None = None) -> Any:
    """The ``findings`` table: one row per finding, the assessment's fields repeated on each.

    An assessment without findings gets one row whose ``principle_id`` and ``status`` are null, so that
    every assessment survives the trip: :func:`to_assessments` gives back equal objects.

    Args:
        assessments: the assessments (or an :class:`~policeframeworks.AssessmentSet`).
        backend: None or ``"pyarrow"`` for a :class:`pyarrow.Table`; ``"pandas"`` or ``"polars"`` for one of
            theirs.

    Example:
        >>> from policeframeworks import frames, load_seed_assessments
        >>> t = frames.findings(load_seed_assessments())
        >>> t.select(["name", "principle_id", "status", "reported_total"]).to_pylist()
        [{'name': 'Kankakee', 'principle_id': '8cantwait-2020:duty-to-intervene', 'status': 'adopted', \
'reported_total': 5}]
        >>> frames.to_assessments(t) == load_seed_assessments()
        True
    """
    import pyarrow as pa

    items = assessments.assessments if isinstance(assessments, AssessmentSet) else tuple(assessments)
    schema = arrow_schema("findings")
    # A list per column, not a dict per row: each assessment's cells are worked out once and repeated by
    # reference on its findings' rows.
    cols: dict[str, list[Any]] = {name: [] for name in schema.names}
    per_assessment = [c for c in cols if c in _ASSESSMENT_COLUMNS]
    per_finding = [c for c in cols if c not in _ASSESSMENT_COLUMNS]
    for a in items:
        j = a.jurisdiction
        cells = {
            "jurisdiction_key": jurisdiction_key(j),
            "name": j.name,
            "state": j.state,
            "kind": str(j.kind),
            "fips": j.fips,
            "ori": j.ori,
            "framework_id": a.framework_id,
            "as_of": a.as_of,
            "assessor": a.assessor,
            "method": str(a.method),
            "reported_total": a.reported_total,
            "assessment_evidence": _evidence(a.evidence),
            "assessment_notes": list(a.notes),
            "attributes": _attributes(j),
        }
        rows = len(a.findings) or 1
        for c in per_assessment:
            cols[c].extend([cells[c]] * rows)
        for f in a.findings or (None,):
            found = _NO_FINDING if f is None else _finding_cells(f)
            for c in per_finding:
                cols[c].append(found.get(c))
    return _out(pa.Table.from_pydict(cols, schema=schema), backend)


_ASSESSMENT_COLUMNS = frozenset(c.name for c in TABLES["findings"]) - set(FINDING_COLUMNS)
#: The finding cells of the one row standing for an assessment without findings.
_NO_FINDING: dict[str, Any] = {
    "principle_id": None,
    "status": None,
    "note": None,
    "evidence": [],
    "derived_from": [],
}


def _finding_cells(f: Finding) -> dict[str, Any]:
    return {
        "principle_id": f.principle_id,
        "status": str(f.status),
        "note": f.note,
        "evidence": _evidence(f.evidence),
        "derived_from": [
            {
                "source": d.source,
                "relationship": str(d.relationship),
                "target": d.target,
                "source_status": str(d.source_status),
            }
            for d in f.derived_from
        ],
    }


def jurisdictions(items: Iterable[Jurisdiction | Assessment], *, backend: Backend | None = None) -> Any:
    """The ``jurisdictions`` table: one row per jurisdiction, in first-seen order, repeats left out.

    Args:
        items: jurisdictions, or assessments (their jurisdictions are taken). Two equal jurisdictions are one
            row; two with one key but other differences (a FIPS code on one only) are two rows.
        backend: as for :func:`findings`.

    Example:
        >>> from policeframeworks import frames, load_seed_assessments
        >>> frames.jurisdictions(load_seed_assessments()).column("jurisdiction_key").to_pylist()
        ['kankakee|IL|city']
    """
    import pyarrow as pa

    seen: dict[Jurisdiction, None] = {}
    for item in items:
        seen.setdefault(item.jurisdiction if isinstance(item, Assessment) else item, None)
    rows = [{**_jurisdiction_row(j), "attributes": _attributes(j)} for j in seen]
    return _out(pa.Table.from_pylist(rows, schema=arrow_schema("jurisdictions")), backend)


def _mapping_row(m: Mapping) -> dict[str, Any]:
    c = m.citation
    return {
        "source": m.source,
        "relationship": str(m.relationship),
        "target": m.target,
        "rationale_type": str(m.rationale_type),
        "strength": m.strength,
        "basis": str(m.basis),
        "rationale": m.rationale,
        "mapped_by": m.mapped_by,
        "opposing": m.opposing,
        "citation_publisher": c.publisher if c else None,
        "citation_title": c.title if c else None,
        "citation_url": c.url if c else None,
        "citation_date": c.date if c else None,
        "citation_locator": c.locator if c else None,
    }


def mappings(
    crosswalk: Crosswalk, *, derived: Sequence[DerivedMapping] | bool = False, backend: Backend | None = None
) -> Any:
    """The ``mappings`` table: the crosswalk's asserted mappings, then (if asked) derived ones.

    A derived row has the composed relationship, its ``path_id``, and its ``path``: the ``mapping_id`` of each
    asserted mapping it composes, with ``path_reversed`` saying which are read backwards. Derived rows are
    never mixed with asserted ones: their ``kind`` says which they are, and :func:`to_crosswalk` reads only
    the asserted rows.

    Args:
        crosswalk: the crosswalk.
        derived: True for ``crosswalk.derive()``, or the derived mappings to add (each step of each path must
            be a mapping of the crosswalk, possibly read backwards).
        backend: as for :func:`findings`.

    Example:
        >>> from policeframeworks import Crosswalk, frames, load_catalog
        >>> pick = {(m.source, m.target): m for m in load_catalog().crosswalk.mappings}
        >>> cw = Crosswalk([  # uscm equal 8cantwait, 8cantwait subset perf
        ...     pick["uscm-2020:sanctity-of-life/duty-to-intervene", "8cantwait-2020:duty-to-intervene"],
        ...     pick["8cantwait-2020:duty-to-intervene", "perf-2016:duty-to-intervene"]])
        >>> t = frames.mappings(cw, derived=True)
        >>> for row in t.select(["kind", "source", "relationship", "target", "path"]).to_pylist():
        ...     print(*row.values())
        asserted uscm-2020:sanctity-of-life/duty-to-intervene equal 8cantwait-2020:duty-to-intervene []
        asserted 8cantwait-2020:duty-to-intervene subset perf-2016:duty-to-intervene []
        derived uscm-2020:sanctity-of-life/duty-to-intervene subset perf-2016:duty-to-intervene [0, 1]
        derived perf-2016:duty-to-intervene superset uscm-2020:sanctity-of-life/duty-to-intervene [1, 0]
        >>> frames.to_crosswalk(t) == cw
        True
    """
    import pyarrow as pa

    rows: list[dict[str, Any]] = []
    index: dict[Mapping, int] = {}
    for i, m in enumerate(crosswalk.mappings):
        index.setdefault(m, i)
        rows.append(
            {
                "kind": "asserted",
                "mapping_id": i,
                "path_id": None,
                **_mapping_row(m),
                "path": [],
                "path_reversed": [],
            }
        )
    chosen = crosswalk.derive() if derived is True else () if derived is False else tuple(derived)
    problems: list[Problem] = []
    for k, d in enumerate(chosen):
        path: list[int] = []
        backwards: list[bool] = []
        for s, step in enumerate(d.path):
            if step in index:
                path.append(index[step])
                backwards.append(False)
            elif step.inverse() in index:
                path.append(index[step.inverse()])
                backwards.append(True)
            else:
                problems.append(Problem(f"derived[{k}].path[{s}]", "not a mapping of the crosswalk"))
        rows.append(
            {
                "kind": "derived",
                "mapping_id": None,
                "path_id": k,
                "source": d.source,
                "relationship": str(d.relationship),
                "target": d.target,
                "path": path,
                "path_reversed": backwards,
            }
        )
    if problems:
        raise ValidationError(problems)
    return _out(pa.Table.from_pylist(rows, schema=arrow_schema("mappings")), backend)


def coverage(
    crosswalk: Crosswalk,
    *,
    sources: Sequence[str] | None = None,
    targets: Sequence[str] | None = None,
    backend: Backend | None = None,
) -> Any:
    """The ``coverage`` table: the status of every target leaf for each (source, target) pair.

    The statuses are :meth:`Crosswalk.coverage <policeframeworks.Crosswalk.coverage>`'s own (this function
    asks it, pair by pair), so the table and the coverage reports cannot disagree. The pair of a framework
    with itself is left out.

    Args:
        crosswalk: the crosswalk.
        sources: source framework ids (default: every framework of the crosswalk's catalog).
        targets: target framework ids (default: the same as ``sources``).
        backend: as for :func:`findings`.

    Example:
        >>> from policeframeworks import frames, load_catalog
        >>> t = frames.coverage(load_catalog().crosswalk, sources=["8cantwait-2020"], targets=["uscm-2020"])
        >>> [r for r in t.to_pylist() if r["principle_id"] == "uscm-2020:sanctity-of-life/moving-vehicles"]
        [{'source': '8cantwait-2020', 'target': 'uscm-2020', \
'principle_id': 'uscm-2020:sanctity-of-life/moving-vehicles', 'status': 'covered'}]
    """
    import pyarrow as pa

    src = list(sources) if sources is not None else list(crosswalk.catalog.framework_ids)
    tgt = list(targets) if targets is not None else src
    cols: dict[str, list[str]] = {"source": [], "target": [], "principle_id": [], "status": []}
    for s in src:
        for t in tgt:
            if s == t:
                continue
            report = crosswalk.coverage(s, t)
            for leaf in report.leaves:
                cols["source"].append(s)
                cols["target"].append(t)
                cols["principle_id"].append(leaf)
                cols["status"].append(str(report.status(leaf)))
    return _out(pa.Table.from_pydict(cols, schema=arrow_schema("coverage")), backend)
