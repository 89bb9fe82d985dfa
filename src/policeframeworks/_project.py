"""Projection: an assessment of one framework seen through a crosswalk as findings on another.

Pure: the crosswalk and the target framework are passed in; :meth:`Assessment.project` builds the
projected assessment from what :func:`project_findings` returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ._finding import Derivation, Finding, Status
from ._ids import framework_id_of, is_principle_id
from ._model import Framework
from ._relationship import Relationship

if TYPE_CHECKING:
    from ._assessment import Assessment

__all__ = ["Related", "project_findings"]


class Related(Protocol):
    """What projection needs of a crosswalk: ``related(principle_id)`` read from that principle's side."""

    def related(self, principle_id: str, *, relationships: Any = None) -> tuple[Any, ...]: ...


def project_findings(
    self: Assessment, onto_framework_id: str, crosswalk: Related, target_fw: Framework | None
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """The projected findings and notes (see :meth:`Assessment.project` for the rules).

    With a crosswalk that has ``coverage(source, target)`` and a ``catalog``, the mappings read per target
    leaf are those coverage uses; with anything else, only ``related(principle_id)`` on each finding.
    """
    if callable(getattr(crosswalk, "coverage", None)) and hasattr(crosswalk, "catalog"):
        reached = _reached_by_coverage(self, onto_framework_id, crosswalk)
    else:
        reached = _reached_by_related(self, onto_framework_id, crosswalk, target_fw)
    order = {pid: i for i, pid in enumerate(target_fw.principle_ids)} if target_fw else {}
    findings = []
    for target in sorted(reached, key=lambda t: (order.get(t, len(order)), t)):
        status, why = _project_one(reached[target])
        findings.append(Finding(principle_id=target, status=status, derived_from=tuple(why)))
    notes = [
        f"Projected from the {self.framework_id} assessment of {self.as_of} by {self.assessor} "
        f"({self.method}) through a crosswalk."
    ]
    if self.reported_total is not None:
        notes.append(
            f"The source reported {self.reported_total} adopted without naming all of them; only named "
            "findings are projected."
        )
    return tuple(findings), tuple(notes)


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


def _reached_by_coverage(self: Assessment, onto: str, crosswalk: Any) -> dict[str, list[Derivation]]:
    """Per target leaf, the derivations from the mappings coverage reads as bearing on it."""
    catalog = crosswalk.catalog
    source_fw = catalog.framework(self.framework_id)
    report = crosswalk.coverage(self.framework_id, onto)
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
