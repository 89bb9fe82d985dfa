"""Derived mappings: relationships implied by chaining asserted mappings across frameworks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs

from .._mapping import Mapping, end_framework_id
from .._relationship import Relationship

__all__ = ["DerivedMapping", "derive_mappings"]


@attrs.frozen(kw_only=True)
class DerivedMapping:
    """A relationship implied by composing asserted mappings; never mixed with them.

    Attributes:
        source: the first id of the path.
        relationship: the composed relationship (see :meth:`Relationship.compose`).
        target: the last id of the path.
        path: the asserted mappings it came from, each read in the direction of the path (so
            ``path[0].source == source``, ``path[-1].target == target``, and each step's target is the
            next step's source).
    """

    source: str
    relationship: Relationship
    target: str
    path: tuple[Mapping, ...]

    @property
    def via(self) -> tuple[str, ...]:
        """The ids the path passes through, between source and target."""
        return tuple(m.target for m in self.path[:-1])


def derive_mappings(mappings: Iterable[Mapping], *, max_hops: int = 3) -> tuple[DerivedMapping, ...]:
    """The derived mappings of asserted ``mappings`` (see :meth:`Crosswalk.derive` for the rule)."""
    adjacency: dict[str, list[tuple[str, Relationship, Mapping]]] = defaultdict(list)
    asserted: set[tuple[str, str]] = set()
    for m in mappings:
        if m.is_self_mapping:
            continue
        adjacency[m.source].append((m.target, m.relationship, m))
        inv = m.inverse()
        adjacency[m.target].append((m.source, inv.relationship, inv))
        asserted.add((m.source, m.target))
        asserted.add((m.target, m.source))
    found: dict[tuple[str, Relationship, str], DerivedMapping] = {}
    for start in list(adjacency):
        frontier: list[tuple[str, Relationship, tuple[Mapping, ...]]] = [
            (nxt, rel, (m,)) for nxt, rel, m in adjacency[start]
        ]
        for _ in range(max_hops - 1):
            grown: list[tuple[str, Relationship, tuple[Mapping, ...]]] = []
            for node, rel, path in frontier:
                visited = {start, *(p.target for p in path)}
                for nxt, step, m in adjacency.get(node, ()):
                    if nxt in visited:
                        continue
                    composed = rel.compose(step)
                    if composed is None:
                        continue
                    new_path = (*path, m)
                    grown.append((nxt, composed, new_path))
                    key = (start, composed, nxt)
                    if (
                        key not in found
                        and (start, nxt) not in asserted
                        and end_framework_id(start) != end_framework_id(nxt)
                    ):
                        found[key] = DerivedMapping(
                            source=start, relationship=composed, target=nxt, path=new_path
                        )
            frontier = grown
    return tuple(found.values())
