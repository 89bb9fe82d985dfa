"""Crosswalk lint: problems as data (unknown ids, duplicates, contradictions, subset cycles)."""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._mapping import Mapping, Review
from .._relationship import Relationship
from ..exceptions import UnknownIdError
from ._checks import check_end, review_id_problems

if TYPE_CHECKING:
    from ._core import Crosswalk

__all__ = ["LintKind", "LintProblem", "lint_crosswalk"]


class LintKind(enum.StrEnum):
    """The kinds of problem :meth:`Crosswalk.lint` finds."""

    UNKNOWN_ID = "unknown-id"
    SELF_MAPPING = "self-mapping"
    DUPLICATE = "duplicate"
    CONFLICTING = "conflicting"
    INVERSE_DISAGREES = "inverse-disagrees"
    RELATED_AND_UNRELATED = "related-and-unrelated"
    SUBSET_BOTH_WAYS = "subset-both-ways"
    SUBSET_CYCLE = "subset-cycle"
    REVIEW_UNKNOWN_FRAMEWORK = "review-unknown-framework"
    REVIEW_INCOMPLETE_FRAMEWORK = "review-incomplete-framework"
    DUPLICATE_REVIEW = "duplicate-review"


@attrs.frozen(kw_only=True)
class LintProblem:
    """One problem in a crosswalk, as data.

    Attributes:
        kind: what sort of problem.
        mappings: the mappings involved, as asserted.
        indices: their positions in ``Crosswalk.mappings``.
        message: what is wrong, in words.
        reviews: the declared reviews involved (for the ``review-...`` kinds).
        review_indices: their positions in ``Crosswalk.reviews``.
    """

    kind: LintKind
    mappings: tuple[Mapping, ...]
    indices: tuple[int, ...]
    message: str
    reviews: tuple[Review, ...] = ()
    review_indices: tuple[int, ...] = ()

    def __str__(self) -> str:
        where = ", ".join(
            [*(f"mappings[{i}]" for i in self.indices), *(f"reviews[{i}]" for i in self.review_indices)]
        )
        return f"{self.kind.value}: {where}: {self.message}"


def lint_crosswalk(cw: Crosswalk) -> tuple[LintProblem, ...]:
    """The lint problems of a crosswalk (see :meth:`Crosswalk.lint` for the checks)."""
    self = cw
    problems: list[LintProblem] = []

    def add(kind: LintKind, indices: Sequence[int], message: str) -> None:
        problems.append(
            LintProblem(
                kind=kind,
                mappings=tuple(self.mappings[i] for i in indices),
                indices=tuple(indices),
                message=message,
            )
        )

    for i, m in enumerate(self.mappings):
        for end in (m.source, m.target):
            if end not in self.catalog:
                try:
                    check_end(self.catalog, end)
                except UnknownIdError as exc:
                    add(LintKind.UNKNOWN_ID, [i], str(exc))
        if m.is_self_mapping:
            add(LintKind.SELF_MAPPING, [i], f"{m.source!r} is mapped to itself")

    # Group by unordered pair and rationale type, each mapping read from the smaller id's side.
    groups: dict[tuple[str, str, str], list[tuple[int, Relationship, bool]]] = defaultdict(list)
    for i, m in enumerate(self.mappings):
        if m.is_self_mapping:
            continue
        a, b = sorted((m.source, m.target))
        forward = m.source == a
        rel = m.relationship if forward else m.relationship.inverse()
        groups[(a, b, m.rationale_type.value)].append((i, rel, forward))
    for (a, b, rtype), members in groups.items():
        by_rel: dict[Relationship, list[tuple[int, bool]]] = defaultdict(list)
        for i, rel, forward in members:
            by_rel[rel].append((i, forward))
        for rel, same in by_rel.items():
            if len(same) > 1:
                add(
                    LintKind.DUPLICATE,
                    [i for i, _ in same],
                    f"{a} {rel.value} {b} ({rtype}) is stated {len(same)} times",
                )
        rels = set(by_rel)
        if len(rels) < 2:
            continue
        first = {rel: same[0] for rel, same in by_rel.items()}
        if Relationship.NO_RELATIONSHIP in rels:
            for rel in rels - {Relationship.NO_RELATIONSHIP}:
                add(
                    LintKind.RELATED_AND_UNRELATED,
                    [first[Relationship.NO_RELATIONSHIP][0], first[rel][0]],
                    f"{a} and {b} ({rtype}) are stated both {rel.value} and no_relationship",
                )
        touching = sorted(r for r in rels if r.touches)
        if {Relationship.SUBSET, Relationship.SUPERSET} <= rels and Relationship.EQUAL not in rels:
            add(
                LintKind.SUBSET_BOTH_WAYS,
                [first[Relationship.SUBSET][0], first[Relationship.SUPERSET][0]],
                f"{a} and {b} ({rtype}) are each stated a subset of the other, without equal",
            )
            touching = [r for r in touching if r not in (Relationship.SUBSET, Relationship.SUPERSET)] + [
                Relationship.SUBSET
            ]
        for x_index, x in enumerate(touching):
            for y in touching[x_index + 1 :]:
                (i, fi), (j, fj) = first[x], first[y]
                kind = LintKind.CONFLICTING if fi == fj else LintKind.INVERSE_DISAGREES
                mi, mj = self.mappings[i], self.mappings[j]
                add(
                    kind,
                    [i, j],
                    f"{a} and {b} ({rtype}): {mi.source} {mi.relationship.value} {mi.target}, "
                    f"but {mj.source} {mj.relationship.value} {mj.target}",
                )
    _lint_hierarchy(self, add)
    _lint_cycles(self, add)
    problems += _lint_reviews(self)
    return tuple(problems)


def _lint_reviews(self: Crosswalk) -> list[LintProblem]:
    """Declared reviews of a framework the catalog lacks or holds in part, and reviews stated twice."""
    out: list[LintProblem] = []

    def add(kind: LintKind, i: int, message: str, *, also: tuple[int, ...] = ()) -> None:
        idx = (*also, i)
        out.append(
            LintProblem(
                kind=kind,
                mappings=(),
                indices=(),
                message=message,
                reviews=tuple(self.reviews[j] for j in idx),
                review_indices=idx,
            )
        )

    first: dict[frozenset[str], int] = {}
    for i, r in enumerate(self.reviews):
        for p in review_id_problems(r, self.catalog, f"reviews[{i}]"):
            hint = f" (did you mean {p.suggestion!r}?)" if p.suggestion else ""
            add(LintKind.REVIEW_UNKNOWN_FRAMEWORK, i, f"{p.path}: {p.message}{hint}")
        for fw in (r.source, r.target):
            if fw in self.catalog.framework_ids and not self.catalog.framework(fw).complete:
                add(
                    LintKind.REVIEW_INCOMPLETE_FRAMEWORK,
                    i,
                    f"{r.source} and {r.target} are declared completely reviewed, but the catalog holds "
                    f"{fw} only in part (complete = false), so its missing principles were not compared",
                )
        if r.pair in first:
            add(
                LintKind.DUPLICATE_REVIEW,
                i,
                f"{r.source} and {r.target} are declared reviewed twice",
                also=(first[r.pair],),
            )
        first.setdefault(r.pair, i)
    return out


def _members(self: Crosswalk, end: str) -> set[str]:
    """An end and everything it contains: a framework's principles, a principle's descendants."""
    if end in self.catalog.framework_ids:
        fw = self.catalog.framework(end)
        return {end, *fw.by_id}
    try:
        return {p.id for p in self.catalog.principle(end).walk()}
    except UnknownIdError:
        return {end}


def _lint_hierarchy(self: Crosswalk, add: Any) -> None:
    by_end = self._by_end
    for i, m in enumerate(self.mappings):
        if m.relationship is not Relationship.NO_RELATIONSHIP or m.is_self_mapping:
            continue
        left, right = _members(self, m.source), _members(self, m.target)
        if len(left) == 1 and len(right) == 1:
            continue  # exact pairs are checked with the groups
        for x in left:
            for j in by_end.get(x, ()):
                other = self.mappings[j]
                if not other.relationship.touches or other.rationale_type != m.rationale_type:
                    continue
                y = other.target if other.source == x else other.source
                if y in right and {x, y} != {m.source, m.target}:
                    add(
                        LintKind.RELATED_AND_UNRELATED,
                        [i, j],
                        f"{m.source} no_relationship {m.target}, but {other.source} "
                        f"{other.relationship.value} {other.target} lies within them",
                    )


def _lint_cycles(self: Crosswalk, add: Any) -> None:
    import networkx as nx

    graphs: dict[str, nx.DiGraph[str]] = defaultdict(nx.DiGraph)
    for i, m in enumerate(self.mappings):
        if m.relationship is Relationship.SUBSET:
            graphs[m.rationale_type.value].add_edge(m.source, m.target, index=i)
        elif m.relationship is Relationship.SUPERSET:
            graphs[m.rationale_type.value].add_edge(m.target, m.source, index=i)
    for rtype, g in graphs.items():
        for component in nx.strongly_connected_components(g):
            if len(component) < 3:
                continue
            indices = sorted(
                d["index"] for u, v, d in g.edges(data=True) if u in component and v in component
            )
            add(
                LintKind.SUBSET_CYCLE,
                indices,
                f"strict subsets ({rtype}) form a cycle through {', '.join(sorted(component))}",
            )
