"""The crosswalk's indexes, each built once per crosswalk (the crosswalk caches them).

What coverage needs of the catalog (leaves, framing statements, completeness), the mappings on each id, and
the uses of mappings by framework pair, read from either side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._mapping import Mapping, end_framework_id
from .._relationship import Relationship
from .._suggest import closest
from ..exceptions import UnknownIdError

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["Structure", "by_end", "catalog_structure", "framework_buckets", "leaves_below"]

# One use of a mapping inside a coverage report: (index into ``Crosswalk.mappings``, read reversed?).
_Use = tuple[int, bool]
# A use read from one side: (source end, target end, 2 covers / 1 touches / 0 no relationship, use).
_Oriented = tuple[str, str, int, _Use]


@attrs.define
class Structure:
    """What coverage needs to know about the catalog, computed once per crosswalk."""

    framework_leaves: dict[str, tuple[str, ...]]
    leaves_below: dict[str, tuple[str, ...]]
    framing: frozenset[str]
    complete: dict[str, bool]


def catalog_structure(catalog: Catalog) -> Structure:
    """The catalog's leaves per framework and per principle, its framing statements, its completeness."""
    framework_leaves: dict[str, tuple[str, ...]] = {}
    leaves_below: dict[str, tuple[str, ...]] = {}
    framing: set[str] = set()
    complete: dict[str, bool] = {}
    for fw in catalog.frameworks:
        complete[fw.id] = fw.complete
        framework_leaves[fw.id] = tuple(p.id for p in fw.leaves())
        for p in fw.iter_principles():
            leaves_below[p.id] = tuple(q.id for q in p.walk() if q.is_leaf)
        for top in fw.framing:
            framing.update(q.id for q in top.walk())
    return Structure(framework_leaves, leaves_below, frozenset(framing), complete)


def by_end(mappings: Sequence[Mapping]) -> dict[str, list[int]]:
    """Per id, the positions of the mappings with that id at either end."""
    found: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mappings):
        found[m.source].append(i)
        if m.target != m.source:
            found[m.target].append(i)
    return found


def framework_buckets(
    mappings: Sequence[Mapping], framing: frozenset[str]
) -> dict[tuple[str, str], list[_Oriented]]:
    """Mapping uses by (source framework, target framework), each read from the first one's side.

    Entries are ``(s, x, kind, use)``: s in the first framework, x in the second, kind 2 when s covers x,
    1 when it only touches x, 0 for no relationship. Uses with a framing statement at either end are
    left out (framing is never counted).
    """
    found = defaultdict(list)
    kind_of = {r: (2 if r.covers else 1 if r.touches else 0) for r in Relationship}
    kind_back = {r: kind_of[r.inverse()] for r in Relationship}
    for i, m in enumerate(mappings):
        a, b, r = m.source, m.target, m.relationship
        if a in framing or b in framing:
            continue
        fa, fb = a.partition(":")[0], b.partition(":")[0]
        found[(fa, fb)].append((a, b, kind_of[r], (i, False)))
        found[(fb, fa)].append((b, a, kind_back[r], (i, True)))
    return found


def leaves_below(structure: Structure, target_id: str, framework_id: str) -> tuple[str, ...]:
    """The leaves at or below a target (all of the framework's for the framework itself).

    Raises:
        UnknownIdError: ``target_id`` is not the framework nor one of its principles (close ids suggested).
    """
    if target_id == framework_id:
        return structure.framework_leaves[framework_id]
    leaves = structure.leaves_below.get(target_id)
    if leaves is None or end_framework_id(target_id) != framework_id:
        candidates = [
            framework_id,
            *(p for p in structure.leaves_below if end_framework_id(p) == framework_id),
        ]
        raise UnknownIdError(
            target_id, kind=f"target ({framework_id})", suggestions=closest(target_id, candidates)
        )
    return leaves
