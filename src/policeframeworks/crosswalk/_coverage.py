"""Coverage of one framework by another: reports, explanations, the matrix.

    >>> from policeframeworks import load_catalog
    >>> cw = load_catalog().crosswalk
    >>> report = cw.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/moving-vehicles" in report.covered
    True

Coverage (the rule, precisely). ``coverage(F, T)`` counts the **leaf principles** of T (framing statements
are never counted). Every mapping with one end in F (a principle of F, or F as a whole) and the other in T
(a principle of T, or T as a whole) is read from F's side as "s REL x", and then:

- x a leaf: the mapping bears on x.
- x a parent principle: the mapping bears on every leaf below x. ``equal``/``superset`` cover them all
  (a parent's wording includes its children's), ``subset``/``intersects`` touch them all (the upper bound
  is an over-estimate by design: what touches a part may touch any of it), ``no_relationship`` says
  each of them was reviewed and shares nothing.
- x the whole framework T: as for a parent, over every leaf of T.
- s may be a principle of F at any depth, or F itself (coverage assumes all of F is met). Mappings whose
  ends are framing statements are not used.

A leaf is **covered** when some mapping bearing on it is ``equal`` or ``superset``, **touched** when some
mapping bearing on it is anything but ``no_relationship`` (covered leaves are touched). Each leaf is
counted once, however many mappings bear on it: ``lower = covered / leaves`` and ``upper = touched /
leaves``. A parent is covered when all the leaves below it are (a direct ``equal``/``superset`` mapping to
the parent makes that so). A framework covers itself fully. Frameworks that the catalog holds only in
part (``complete = false``) are named in ``CoverageReport.incomplete``: their figures are about the part
held. A parent's wording beyond its children is not a separate unit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .._ids import parent_id_of
from .._mapping import Mapping

if TYPE_CHECKING:
    from ._core import Crosswalk

__all__ = ["CoverageMatrix", "CoverageReport", "CoverageStatus", "Explanation", "coverage_report"]


class CoverageStatus(enum.StrEnum):
    """A target's status in one coverage report."""

    COVERED = "covered"
    TOUCHED = "touched"
    NO_RELATIONSHIP = "no_relationship"
    NOT_REVIEWED = "not_reviewed"


@attrs.frozen(kw_only=True)
class Explanation:
    """Why a target has its status in a coverage report.

    Attributes:
        target: the target id asked about (a leaf, a parent, or the target framework).
        status: covered, touched (but not covered), reviewed with no relationship, or not reviewed.
        mappings: every mapping behind the status, read from the source framework's side (so each
            ``.source`` is in the source framework, each ``.target`` is the target, one of its ancestors or
            descendants, or the target framework as a whole).
        by_identity: True when the source and target frameworks are the same (a framework covers itself).
    """

    target: str
    status: CoverageStatus
    mappings: tuple[Mapping, ...]
    by_identity: bool = False

    @property
    def covering(self) -> tuple[Mapping, ...]:
        """The mappings that cover (``equal`` or ``superset``)."""
        return tuple(m for m in self.mappings if m.relationship.covers)

    def __str__(self) -> str:
        lines = [
            f"{self.target}: {self.status.value}" + (" (the framework itself)" if self.by_identity else "")
        ]
        lines += [f"  {m.source} {m.relationship.value} {m.target} ({m.strength}/10)" for m in self.mappings]
        return "\n".join(lines)


# One use of a mapping inside a coverage report: (index into Crosswalk.mappings, read reversed?).
_Use = tuple[int, bool]
# A use read from one side: (source end, target end, 2 covers / 1 touches / 0 no relationship, use).
_Oriented = tuple[str, str, int, _Use]


@attrs.frozen(kw_only=True)
class CoverageReport:
    """How much of a target framework a source framework covers, with reasons.

    Attributes:
        source: the source framework id.
        target: the target framework id.
        leaves: the target's leaf principles, in document order (the counted units).
        covered: the covered leaves, in document order.
        touched: the touched leaves (covered ones included), in document order.
        uncovered: the leaves not covered, in document order.
        incomplete: the ids (among source and target) of frameworks the catalog holds only in part.

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = load_catalog().crosswalk.coverage("8cantwait-2020", "uscm-2020")
        >>> r.explain("uscm-2020:community").status
        <CoverageStatus.NO_RELATIONSHIP: 'no_relationship'>
        >>> [m.source for m in r.explain("uscm-2020:sanctity-of-life/moving-vehicles").covering]
        ['8cantwait-2020:ban-shooting-at-moving-vehicles']
    """

    source: str
    target: str
    leaves: tuple[str, ...]
    covered: tuple[str, ...]
    touched: tuple[str, ...]
    uncovered: tuple[str, ...]
    incomplete: tuple[str, ...]
    _uses: dict[str, list[_Use]] = attrs.field(alias="_uses", eq=False, repr=False)
    _crosswalk: Crosswalk = attrs.field(alias="_crosswalk", eq=False, repr=False)

    @property
    def lower(self) -> float:
        """Covered leaves over all leaves (in [0, 1])."""
        return len(self.covered) / len(self.leaves) if self.leaves else 0.0

    @property
    def upper(self) -> float:
        """Touched leaves over all leaves (in [0, 1], never below :attr:`lower`)."""
        return len(self.touched) / len(self.leaves) if self.leaves else 0.0

    @property
    def is_identity(self) -> bool:
        """Whether source and target are the same framework."""
        return self.source == self.target

    def _uses_of(self, leaf: str) -> list[_Use]:
        """The uses bearing on a leaf: mappings on it, on an ancestor, or on the whole target framework."""
        found = list(self._uses.get(leaf, ()))
        parent = parent_id_of(leaf)
        while parent is not None:
            found += self._uses.get(parent, ())
            parent = parent_id_of(parent)
        found += self._uses.get(self.target, ())
        return found

    def status(self, target_id: str) -> CoverageStatus:
        """The status of a leaf, a parent or the whole target (see :meth:`explain`)."""
        return self.explain(target_id).status

    def explain(self, target_id: str) -> Explanation:
        """The status of a target principle (or the whole target framework) and the mappings behind it.

        A parent (or the whole framework) is covered when all its leaves are, touched when any is,
        ``no_relationship`` when every leaf was reviewed with nothing in common, else not reviewed.

        Raises:
            UnknownIdError: ``target_id`` is not a principle of the target framework (framing statements
                are not targets); close ids are suggested.
        """
        cw = self._crosswalk
        leaves = cw._leaves_below(target_id, self.target)
        covered = set(self.covered)
        touched = set(self.touched)
        uses: set[_Use] = set()
        reviewed = True
        for leaf in leaves:
            mine = self._uses_of(leaf)
            reviewed = reviewed and bool(mine)
            uses.update(mine)
        if all(leaf in covered for leaf in leaves):
            status = CoverageStatus.COVERED
        elif any(leaf in touched for leaf in leaves):
            status = CoverageStatus.TOUCHED
        elif reviewed:
            status = CoverageStatus.NO_RELATIONSHIP
        else:
            status = CoverageStatus.NOT_REVIEWED
        mappings = tuple(cw._read(i, rev) for i, rev in sorted(uses))
        return Explanation(target=target_id, status=status, mappings=mappings, by_identity=self.is_identity)


@attrs.frozen(kw_only=True)
class CoverageMatrix:
    """Coverage of every framework by every other (the diagonal is each framework covering itself).

    Attributes:
        frameworks: the framework ids, in order.
        reports: the report for each ``(source, target)`` pair.

    Example:
        >>> from policeframeworks import load_catalog
        >>> m = load_catalog().crosswalk.matrix()
        >>> m.lower("uscm-2020", "uscm-2020"), m.upper("8cantwait-2020", "uscm-2020") > 0
        (1.0, True)
    """

    frameworks: tuple[str, ...]
    reports: dict[tuple[str, str], CoverageReport] = attrs.field(eq=False)

    def report(self, source: str, target: str) -> CoverageReport:
        """The report for one pair."""
        return self.reports[(source, target)]

    def lower(self, source: str, target: str) -> float:
        """The lower bound for one pair."""
        return self.reports[(source, target)].lower

    def upper(self, source: str, target: str) -> float:
        """The upper bound for one pair."""
        return self.reports[(source, target)].upper

    def rows(self) -> Iterator[tuple[str, str, float, float]]:
        """``(source, target, lower, upper)`` for every pair, sources in order, then targets."""
        for s in self.frameworks:
            for t in self.frameworks:
                r = self.reports[(s, t)]
                yield s, t, r.lower, r.upper


def coverage_report(cw: Crosswalk, source: str, target: str) -> CoverageReport:
    """The coverage report of ``target`` by ``source`` (both known framework ids) over ``cw``."""
    self = cw
    st = self._structure()
    leaves = st.framework_leaves[target]
    below = st.leaves_below
    same = source == target
    covered_x: set[str] = set()
    touched_x: set[str] = set()
    uses: dict[str, list[_Use]] = {}
    for s, x, kind, use in self._buckets().get((source, target), ()):
        if same and s == x:
            continue
        if x != target and x not in below:
            continue  # an id not in the catalog (a crosswalk built with check_ids=False)
        found = uses.get(x)
        if found is None:
            uses[x] = [use]
        else:
            found.append(use)
        if kind == 2:
            covered_x.add(x)
        elif kind == 1:
            touched_x.add(x)
    covers: set[str] = set(leaves) if same else set()
    for x in covered_x:
        covers.update(leaves if x == target else below[x])
    touches = set(covers)
    for x in touched_x:
        touches.update(leaves if x == target else below[x])
    incomplete = tuple(f for f in dict.fromkeys((source, target)) if not st.complete[f])
    return CoverageReport(
        source=source,
        target=target,
        leaves=leaves,
        covered=tuple(p for p in leaves if p in covers),
        touched=tuple(p for p in leaves if p in touches),
        uncovered=tuple(p for p in leaves if p not in covers),
        incomplete=incomplete,
        _uses=uses,
        _crosswalk=self,
    )
