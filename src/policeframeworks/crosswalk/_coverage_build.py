"""Building a coverage report: the statuses of a target framework's leaves from the crosswalk's uses.

The rule is stated in :mod:`._coverage`, beside the report types.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._ids import parent_id_of
from ._coverage import CoverageReport
from ._index import _Use

if TYPE_CHECKING:
    from ._core import Crosswalk

__all__ = ["coverage_report"]


def coverage_report(cw: Crosswalk, source: str, target: str) -> CoverageReport:
    """The coverage report of ``target`` by ``source`` (both known framework ids) over ``cw`` (cached)."""
    cache = cw._coverage_memo
    found = cache.get((source, target))
    if found is None:
        found = cache[(source, target)] = _build(cw, source, target)
    return found


def _build(cw: Crosswalk, source: str, target: str) -> CoverageReport:
    st = cw._structure
    leaves = st.framework_leaves[target]
    below = st.leaves_below
    source_leaves = frozenset(st.framework_leaves[source])
    same = source == target
    covered_x: set[str] = set()
    touched_x: set[str] = set()
    # For each target end x: the source leaves reviewed against it with nothing in F's favour (whole_x: all).
    unrelated_x: dict[str, set[str]] = {}
    whole_x: set[str] = set()
    uses: dict[str, list[_Use]] = {}
    opposing = _opposing(cw)
    for s, x, kind, use in cw._buckets.get((source, target), ()):
        if same and s == x:
            continue
        if x != target and x not in below:
            continue  # an id not in the catalog (a crosswalk built with check_ids=False)
        found = uses.get(x)
        if found is None:
            uses[x] = [use]
        else:
            found.append(use)
        if kind and use[0] in opposing:
            kind = 0
        if kind == 2:
            covered_x.add(x)
        elif kind == 1:
            touched_x.add(x)
        elif s == source:
            whole_x.add(x)
        else:
            compared = unrelated_x.get(x)
            if compared is None:
                compared = unrelated_x[x] = set()
            compared.update(below.get(s, (s,)))
    reviews = tuple(r for r in cw.reviews if r.pair == {source, target})

    def below_of(x: str) -> tuple[str, ...]:
        return leaves if x == target else below[x]

    covers: set[str] = set(leaves) if same else set()
    for x in covered_x:
        covers.update(below_of(x))
    touches: set[str] = set()
    for x in touched_x:
        touches.update(below_of(x))
    unrelated: set[str] = set(leaves) if reviews else set()
    if not reviews and source_leaves:
        candidates: set[str] = set()
        for x in whole_x:
            unrelated.update(below_of(x))
        for x, compared in unrelated_x.items():
            if x not in whole_x:
                (unrelated if compared >= source_leaves else candidates).update(below_of(x))
        if candidates and not source_leaves <= set().union(*unrelated_x.values()):
            candidates = set()  # the principle-level rows do not take in all of the source together
        # A leaf whose ends (itself, its ancestors, the whole target) are each compared with part of the
        # source may still be compared with all of it between them.
        for leaf in candidates - unrelated - covers - touches:
            ends = [leaf, *_ancestors(leaf), target]
            if _all_of(source_leaves, [unrelated_x.get(x, ()) for x in ends]):
                unrelated.add(leaf)
    if not (covers or touches or unrelated):  # nothing known: a common case, kept cheap
        covered: tuple[str, ...] = ()
        touched: tuple[str, ...] = ()
        no_relationship: tuple[str, ...] = ()
        uncovered, not_reviewed = leaves, leaves
    else:
        touches -= covers
        unrelated -= covers | touches
        covered = tuple(p for p in leaves if p in covers) if covers else ()
        touched = tuple(p for p in leaves if p in covers or p in touches) if touches else covered
        uncovered = tuple(p for p in leaves if p not in covers) if covers else leaves
        no_relationship = tuple(p for p in leaves if p in unrelated) if unrelated else ()
        known = len(touched) + len(no_relationship)
        not_reviewed = (
            tuple(p for p in leaves if p not in covers and p not in touches and p not in unrelated)
            if known < len(leaves)
            else ()
        )
    return CoverageReport(
        source=source,
        target=target,
        leaves=leaves,
        covered=covered,
        touched=touched,
        uncovered=uncovered,
        incomplete=tuple(f for f in dict.fromkeys((source, target)) if not st.complete[f]),
        no_relationship=no_relationship,
        not_reviewed=not_reviewed,
        reviews=reviews,
        _sets=(frozenset(covers), frozenset(touches), frozenset(unrelated)),
        _uses=uses,
        _crosswalk=cw,
    )


def _opposing(cw: Crosswalk) -> frozenset[int]:
    """The positions of the mappings flagged ``opposing`` (cached per crosswalk)."""
    return cw._opposing_memo


def _ancestors(principle_id: str) -> Iterator[str]:
    parent = parent_id_of(principle_id)
    while parent is not None:
        yield parent
        parent = parent_id_of(parent)


def _all_of(everything: frozenset[str], parts: list[Any]) -> bool:
    """Whether the parts together take in every element of ``everything`` (a non-empty set)."""
    if not everything:
        return False
    seen: set[str] = set()
    for part in parts:
        seen.update(part)
    return everything <= seen
