"""A principle's disposition in a crosswalk: mapped, reviewed with nothing in common, or not reviewed.

The rule is :meth:`Crosswalk.disposition <policeframeworks.Crosswalk.disposition>`'s.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from .._ids import parent_id_of
from .._mapping import end_framework_id
from .._relationship import Relationship
from ._coverage import CoverageStatus
from ._coverage_build import coverage_report

if TYPE_CHECKING:
    from ._core import Crosswalk

__all__ = ["Disposition", "disposition_of"]


class Disposition(enum.StrEnum):
    """Where a principle stands in a crosswalk: mapped, reviewed with nothing in common, or not reviewed."""

    MAPPED = "mapped"
    NO_RELATIONSHIP = "no_relationship"
    NOT_REVIEWED = "not_reviewed"


def disposition_of(cw: Crosswalk, principle_id: str, against: str | None) -> Disposition:
    """The disposition of a principle (or framing statement) of ``cw``'s catalog; see the method."""
    principle = cw.catalog.principle(principle_id)
    if against is not None:
        cw.catalog.framework(against)
    by_end = cw._by_end
    own = [principle_id, principle.framework_id]
    parent = parent_id_of(principle_id)
    while parent is not None:
        own.append(parent)
        parent = parent_id_of(parent)
    descendants = [p.id for p in principle.walk()][1:]
    seen_no_relationship = False
    passed_down = (Relationship.EQUAL, Relationship.SUBSET)
    for n, end in enumerate([*own, *descendants]):
        for i in by_end.get(end, ()):
            read = cw.mappings[i].reads_from(end)
            if against is not None and end_framework_id(read.target) != against:
                continue
            rel = read.relationship
            if rel.touches and (n == 0 or n >= len(own) or rel in passed_down):
                return Disposition.MAPPED
            if not rel.touches and n < len(own):
                seen_no_relationship = True
    if not seen_no_relationship and not cw.reviews:
        return Disposition.NOT_REVIEWED
    st = cw._structure
    leaves = st.leaves_below.get(principle_id)
    if leaves is None:  # a framing statement
        for end in own[:1] + own[2:]:
            for i in by_end.get(end, ()):
                read = cw.mappings[i].reads_from(end)
                if (
                    read.relationship is Relationship.NO_RELATIONSHIP
                    and read.target in st.framework_leaves
                    and (against is None or read.target == against)
                ):
                    return Disposition.NO_RELATIONSHIP
        return Disposition.NOT_REVIEWED
    own_fw = principle.framework_id
    others = [against] if against is not None else [f for f in st.framework_leaves if f != own_fw]
    for other in others:
        if other == own_fw:
            continue
        report = coverage_report(cw, other, own_fw)
        if all(report.status(leaf) is CoverageStatus.NO_RELATIONSHIP for leaf in leaves):
            return Disposition.NO_RELATIONSHIP
    return Disposition.NOT_REVIEWED
