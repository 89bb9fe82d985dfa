"""Projection: an assessment of one framework seen through a crosswalk as findings on another.

Pure: the crosswalk and the target framework are passed in; :meth:`Assessment.project` builds the
projected assessment from what :func:`project_findings` returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ._finding import Derivation, Finding, Status
from ._ids import framework_id_of, is_principle_id
from ._model import Framework
from ._relationship import Relationship

if TYPE_CHECKING:
    from ._assessment import Assessment

__all__ = ["Related", "project_findings", "reference_findings"]


class Related(Protocol):
    """What projection needs of a crosswalk: ``related(principle_id)`` read from that principle's side."""

    def related(self, principle_id: str, *, relationships: Any = None) -> tuple[Any, ...]: ...


def project_findings(
    self: Assessment, onto_framework_id: str, crosswalk: Related, target_fw: Framework | None
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """The projected findings and notes (see :meth:`Assessment.project` for the rules).

    With a crosswalk that has ``coverage(source, target)`` and a ``catalog``, the mappings read per target
    leaf are those coverage uses, compiled once per (source, target) pair into a :class:`_Table` (cached
    on a :class:`~policeframeworks.Crosswalk`); with anything else, only ``related(principle_id)`` on each
    finding.
    """
    if callable(getattr(crosswalk, "coverage", None)) and hasattr(crosswalk, "catalog"):
        findings: tuple[Finding, ...] = tuple(
            _table(crosswalk, self.framework_id, onto_framework_id).apply(self)
        )
    else:
        reached = _reached_by_related(self, onto_framework_id, crosswalk, target_fw)
        findings = _findings(reached, target_fw)
    notes = [
        f"Projected from the {self.framework_id} assessment of {self.as_of} by {self.assessor} "
        f"({self.method}) through a crosswalk."
    ]
    if self.reported_total is not None:
        notes.append(
            f"The source reported {self.reported_total} adopted without naming all of them; only named "
            "findings are projected."
        )
    return findings, tuple(notes)


def _findings(reached: dict[str, list[Derivation]], target_fw: Framework | None) -> tuple[Finding, ...]:
    """The projected findings from the derivations per target, in the target framework's order."""
    order = {pid: i for i, pid in enumerate(target_fw.principle_ids)} if target_fw else {}
    findings = []
    for target in sorted(reached, key=lambda t: (order.get(t, len(order)), t)):
        status, why = _project_one(reached[target])
        findings.append(Finding(principle_id=target, status=status, derived_from=tuple(why)))
    return tuple(findings)


def _rollup(statuses: Iterable[Status]) -> Status:
    """The status a parent (or a whole framework) has from its leaves' statuses (see ``project``)."""
    found = [s for s in statuses if s is not Status.NOT_APPLICABLE]
    if not found:
        return Status.NOT_APPLICABLE
    if all(s is Status.ADOPTED for s in found):
        return Status.ADOPTED
    if any(s in (Status.ADOPTED, Status.PARTIAL) for s in found):
        return Status.PARTIAL
    if all(s is Status.NOT_ADOPTED for s in found):
        return Status.NOT_ADOPTED
    return Status.UNKNOWN


def _status_reader(self: Assessment, catalog: Any, source_fw: Framework) -> Callable[[str], Status]:
    """A source end's status as projection reads it: its finding, or what the leaves below it add up to."""
    statuses: dict[str, Status] = {}

    def status_of(end: str) -> Status:
        found = statuses.get(end)
        if found is None:
            own = self.by_principle.get(end)
            if own is not None:
                found = own.status
            elif end == source_fw.id:
                found = _rollup(self.status_of(p.id) for p in source_fw.leaves())
            else:
                p = catalog.principle(end)
                leaves = [q.id for q in p.walk() if q.is_leaf]
                found = Status.UNKNOWN if leaves == [end] else _rollup(self.status_of(q) for q in leaves)
            statuses[end] = found
        return found

    return status_of


def reference_findings(self: Assessment, onto: str, crosswalk: Any) -> tuple[Finding, ...]:
    """The projected findings through a crosswalk with ``coverage`` and ``catalog``, by the rule as written.

    The reference form of the rule, read afresh from the coverage report on every call and built through
    the checking constructors: :meth:`Assessment.project` uses the compiled :class:`_Table` instead, and
    the tests check that the two agree on random crosswalks and assessments.
    """
    reached = _reached_by_coverage(self, onto, crosswalk)
    return _findings(reached, crosswalk.catalog.framework(onto))


def _reached_by_coverage(self: Assessment, onto: str, crosswalk: Any) -> dict[str, list[Derivation]]:
    """Per target leaf, the derivations from the mappings coverage reads as bearing on it."""
    catalog = crosswalk.catalog
    status_of = _status_reader(self, catalog, catalog.framework(self.framework_id))
    report = crosswalk.coverage(self.framework_id, onto)
    reached: dict[str, list[Derivation]] = {}
    for leaf in report.leaves:
        for m in report.explain(leaf).mappings:
            if not m.relationship.touches or m.opposing:
                continue
            st = status_of(m.source)
            if st in (Status.UNKNOWN, Status.NOT_APPLICABLE):
                continue
            if st is Status.NOT_ADOPTED and m.target != leaf:
                continue  # equal to a parent says nothing certain against one of its leaves
            reached.setdefault(leaf, []).append(
                Derivation(source=m.source, relationship=m.relationship, target=leaf, source_status=st)
            )
    return reached


#: A source's status in a table key: its finding's status, or None without a finding.
_Key = tuple[Status | None, ...]
#: One target leaf of a table: the leaf, its sources, (source, relationship, on the leaf itself?) per
#: mapping bearing on it, and the projected finding (or None) already built per key.
_Rule = tuple[str, tuple[str, ...], tuple[tuple[str, Relationship, bool], ...], dict[_Key, Finding | None]]
#: How many projected findings one target leaf keeps by its sources' statuses; past it (a leaf that very
#: many sources bear on), further findings are built on every call instead of kept.
_KEPT_PER_LEAF = 4096
_SKIPPED = (None, Status.UNKNOWN, Status.NOT_APPLICABLE)
_MISSING: Any = object()


class _Table:
    """The projection of one framework onto another through one crosswalk, compiled once.

    Per target leaf (in the target's order), the positive mappings coverage reads as bearing on it,
    read from the source's side. A leaf's projected finding depends only on the statuses of those
    mappings' sources, so each finding is built (and checked) once per distinct tuple of statuses and
    then shared: findings are frozen.
    """

    __slots__ = ("_catalog", "_rollup", "_rules", "_source_fw")

    def __init__(self, crosswalk: Any, source: str, onto: str) -> None:
        catalog = crosswalk.catalog
        source_fw = catalog.framework(source)
        report = crosswalk.coverage(source, onto)
        order = {pid: i for i, pid in enumerate(catalog.framework(onto).principle_ids)}
        rules: list[_Rule] = []
        for leaf in sorted(report.leaves, key=lambda t: (order.get(t, len(order)), t)):
            entries = tuple(
                (str(m.source), m.relationship, m.target == leaf)
                for m in report.explain(leaf).mappings
                if m.relationship.touches and not m.opposing
            )
            if entries:
                rules.append((leaf, tuple(e[0] for e in entries), entries, {}))
        leaves = set(source_fw.leaf_ids)
        self._rules = tuple(rules)
        # Sources that are not leaves of the source framework: read through the roll-up of their leaves.
        self._rollup = any(s not in leaves for r in rules for s in r[1])
        self._catalog = catalog
        self._source_fw = source_fw

    def apply(self, a: Assessment) -> list[Finding]:
        """The projected findings of one assessment of the table's source framework."""
        get = a.by_principle.get
        status_of = _status_reader(a, self._catalog, self._source_fw) if self._rollup else None
        out = []
        for leaf, sources, entries, kept in self._rules:
            if status_of is None:
                key: _Key = tuple([None if (f := get(s)) is None else f.status for s in sources])
            else:
                key = tuple([status_of(s) for s in sources])
            found = kept.get(key, _MISSING)
            if found is _MISSING:
                found = _finding_for(leaf, entries, key)
                if len(kept) < _KEPT_PER_LEAF:
                    kept[key] = found
            if found is not None:
                out.append(found)
        return out


def _finding_for(leaf: str, entries: tuple[tuple[str, Relationship, bool], ...], key: _Key) -> Finding | None:
    """The projected finding on ``leaf`` when its sources have the statuses in ``key`` (None: none)."""
    ds = [
        Derivation(source=source, relationship=rel, target=leaf, source_status=st)
        for (source, rel, on_leaf), st in zip(entries, key, strict=True)
        if st not in _SKIPPED and (on_leaf or st is not Status.NOT_ADOPTED)
    ]
    if not ds:
        return None
    status, why = _project_one(ds)
    return Finding(principle_id=leaf, status=status, derived_from=tuple(why))


def _table(crosswalk: Any, source: str, onto: str) -> _Table:
    """The compiled table, cached in ``Crosswalk.projection_tables`` per (source, target) pair.

    Other objects with ``related`` (which may change between calls) compile it on each call.
    """
    memo: dict[tuple[str, str], _Table] | None = getattr(crosswalk, "projection_tables", None)
    if memo is None:
        return _Table(crosswalk, source, onto)
    found = memo.get((source, onto))
    if found is None:
        found = memo[(source, onto)] = _Table(crosswalk, source, onto)
    return found


def _reached_by_related(
    self: Assessment, onto_framework_id: str, crosswalk: Related, target_fw: Framework | None
) -> dict[str, list[Derivation]]:
    """Per target principle, the derivations from the mappings ``related`` returns on each finding."""
    framing = target_fw.framing_ids if target_fw is not None else None
    reached: dict[str, list[Derivation]] = {}
    for f in self.findings:
        if f.status in (Status.UNKNOWN, Status.NOT_APPLICABLE):
            continue
        for m in crosswalk.related(f.principle_id):
            target = str(m.target)
            if (
                str(m.source) != f.principle_id
                or not is_principle_id(target)
                or framework_id_of(target) != onto_framework_id
                or (framing is not None and target in framing)
                or getattr(m, "opposing", False)
            ):
                continue
            rel = Relationship(str(m.relationship))
            if rel is Relationship.NO_RELATIONSHIP:
                continue
            reached.setdefault(target, []).append(
                Derivation(source=f.principle_id, relationship=rel, target=target, source_status=f.status)
            )
    return reached


_COVERS = (Relationship.EQUAL, Relationship.SUPERSET)


def _project_one(ds: Sequence[Derivation]) -> tuple[Status, list[Derivation]]:
    def pick(status: Status, rels: Iterable[Relationship]) -> list[Derivation]:
        wanted = set(rels)
        return [d for d in ds if d.source_status is status and d.relationship in wanted]

    covered = pick(Status.ADOPTED, _COVERS)
    if covered:
        return Status.ADOPTED, covered
    partial = pick(Status.ADOPTED, (Relationship.SUBSET, Relationship.INTERSECTS)) + pick(
        Status.PARTIAL, _COVERS
    )
    if partial:
        return Status.PARTIAL, partial
    denied = pick(Status.NOT_ADOPTED, (Relationship.EQUAL,))
    if denied:
        return Status.NOT_ADOPTED, denied
    return Status.UNKNOWN, list(ds)
