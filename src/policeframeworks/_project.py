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
    """The projected findings and notes (see :meth:`Assessment.project` for the rules)."""
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
