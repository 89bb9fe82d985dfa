"""Coverage of one framework by another: statuses, the four figures, explanations, the matrix.

    >>> from policeframeworks import load_catalog
    >>> cw = load_catalog().crosswalk
    >>> report = cw.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.touched_share <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/moving-vehicles" in report.covered
    True

The rule (``docs/explanation/coverage-bounds.md`` says it at length). ``coverage(F, T)`` counts the **leaf
principles** of T (framing statements are never counted). Every mapping with one end in F (a principle of F
at any depth, or F as a whole) and the other in T (a principle of T, or T as a whole) is read from F's side
as "s REL x"; it **bears on** every leaf of T at or below x (every leaf of T when x is T). Each leaf t of T
then has exactly one status:

- ``covered``: a mapping bearing on t is ``equal`` or ``superset`` (meeting s meets t);
- ``touched``: a mapping bearing on t is ``subset`` or ``intersects``, and none covers t;
- ``no_relationship``: the whole of F was reviewed against t and nothing relates: ``no_relationship``
  mappings bearing on t whose source ends together take in every leaf of F (F as a whole does), or a
  declared complete review of F and T (:class:`~policeframeworks.Review`), with no positive mapping. A
  ``no_relationship`` between one principle of F and t says nothing about F's other principles;
- ``not_reviewed``: anything else. Like ``unknown`` in an assessment, it is never read as "no overlap".

A mapping flagged ``opposing`` (one subject, opposite demands) never covers or touches: meeting one side
works against the other. It counts as a review of its two principles that found nothing in F's favour,
as a ``no_relationship`` would. Over T's n leaves: ``lower = covered / n`` (met for sure),
``touched_share = (covered + touched) / n``, ``upper = (n - no_relationship) / n`` (everything not known to
be unrelated) and ``reviewed_share = 1 - not_reviewed / n``. A framework covers itself fully. Frameworks
the catalog holds only in part (``complete = false``) are named in ``CoverageReport.incomplete``: their
figures are about the part held.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from collections.abc import Mapping as AbcMapping
from typing import TYPE_CHECKING

import attrs

from .._ids import parent_id_of
from .._mapping import Mapping, Review
from ._index import _Use, leaves_below

if TYPE_CHECKING:
    from ._core import Crosswalk

__all__ = [
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Explanation",
    "coverage_label",
]


class CoverageStatus(enum.StrEnum):
    """A target's status in one coverage report (see :class:`CoverageReport`)."""

    COVERED = "covered"
    TOUCHED = "touched"
    NO_RELATIONSHIP = "no_relationship"
    NOT_REVIEWED = "not_reviewed"


_ORDER = tuple(CoverageStatus)


def coverage_label(lower: float, upper: float, reviewed_share: float = 1.0) -> str:
    """How every output of this library prints one coverage figure pair (one cell of a matrix).

    ``n/r`` when nothing was reviewed; otherwise the bounds in whole percents, ``29%`` when they agree and
    ``29-71%`` when they do not, with a ``*`` when the pair is only partly reviewed (its upper bound
    counts the not-reviewed leaves as possibly covered). A pair that is not wholly reviewed is never a
    bare percentage.

    Args:
        lower: the lower bound, in [0, 1].
        upper: the upper bound, in [0, 1].
        reviewed_share: the share of target leaves reviewed, in [0, 1].

    Example:
        >>> coverage_label(0.25, 0.25), coverage_label(2 / 7, 5 / 7)
        ('25%', '29-71%')
        >>> coverage_label(0.18, 0.53, reviewed_share=0.65), coverage_label(0.0, 1.0, reviewed_share=0.0)
        ('18-53%*', 'n/r')
        >>> coverage_label(0.5, 0.501, reviewed_share=0.999)  # a partial review is never one number
        '50-50%*'
    """
    if reviewed_share <= 0:
        return "n/r"
    lo, hi = round(100 * lower), round(100 * upper)
    if reviewed_share < 1:
        return f"{lo}-{hi}%*"
    return f"{lo}%" if lo == hi else f"{lo}-{hi}%"


#: What the ``*`` of :func:`coverage_label` means, for legends and footnotes.
PARTLY_REVIEWED_NOTE = (
    "* partly reviewed: the upper bound counts the not-reviewed leaves as possibly covered; "
    "n/r: nothing reviewed"
)


@attrs.frozen(kw_only=True)
class Explanation:
    """Why a target has its status in a coverage report.

    Attributes:
        target: the target id asked about (a leaf, a parent, or the target framework).
        status: covered, touched (but not covered), reviewed with no relationship, or not reviewed.
        mappings: the mappings behind the status, read from the source framework's side (so each
            ``.source`` is in the source framework, each ``.target`` is the target, one of its ancestors or
            descendants, or the target framework as a whole): for a covered or touched leaf, the positive
            mappings bearing on it; otherwise the ``no_relationship`` (and ``opposing``) mappings bearing
            on it, which say which parts of the source were compared with it. For a parent or the whole
            framework, those of its leaves.
        by_identity: True when the source and target frameworks are the same (a framework covers itself).
        reviews: the declared complete reviews of the two frameworks, when one of them made a leaf
            ``no_relationship``.
        parts: for a parent or the whole framework, the explanation of each leaf below it, in document
            order (empty for a leaf).
    """

    target: str
    status: CoverageStatus
    mappings: tuple[Mapping, ...]
    by_identity: bool = False
    reviews: tuple[Review, ...] = ()
    parts: tuple[Explanation, ...] = ()

    @property
    def covering(self) -> tuple[Mapping, ...]:
        """The mappings that cover (``equal`` or ``superset``, not ``opposing``)."""
        return tuple(m for m in self.mappings if m.relationship.covers and not m.opposing)

    @property
    def counts(self) -> dict[str, int]:
        """How many leaves at or below the target have each status, all four keys in order."""
        found: dict[str, int] = dict.fromkeys(_ORDER, 0)
        for part in self.parts or (self,):
            found[part.status] += 1
        return found

    def __str__(self) -> str:
        head = f"{self.target}: {self.status.value}" + (" (the framework itself)" if self.by_identity else "")
        if not self.parts:
            lines = [head]
            lines += [f"  {_line(m)}" for m in self.mappings]
            lines += [f"  {_review_line(r)}" for r in self.reviews]
            return "\n".join(lines)
        counts = self.counts
        n = sum(counts.values())
        lines = [head, "  " + ", ".join(f"{counts[s]} {s.value}" for s in _ORDER) + f" (of {n} leaves)"]
        for status in _ORDER:
            for part in (p for p in self.parts if p.status is status):
                lines += ["  " + line for line in str(part).splitlines()]
        return "\n".join(lines)


def _positive(m: Mapping) -> bool:
    """Whether a mapping counts for coverage: a relationship that touches, not flagged opposing."""
    return m.relationship.touches and not m.opposing


def _line(m: Mapping) -> str:
    return f"{m.source} {m.relationship.value} {m.target} ({m.strength}/10)" + (
        " [opposing]" if m.opposing else ""
    )


def _review_line(r: Review) -> str:
    return f"declared {r.scope.value} review of {r.source} and {r.target} ({r.reviewer}, {r.date})"


@attrs.frozen(kw_only=True)
class CoverageReport:
    """How much of a target framework a source framework covers, with reasons (module docs: the rule).

    Attributes:
        source: the source framework id.
        target: the target framework id.
        leaves: the target's leaf principles, in document order (the counted units).
        covered: the covered leaves, in document order.
        touched: the leaves some positive mapping reaches (covered ones included), in document order.
        uncovered: the leaves not covered, in document order.
        incomplete: the ids (among source and target) of frameworks the catalog holds only in part.
        no_relationship: the leaves the whole source framework was reviewed against, with nothing related.
        not_reviewed: the leaves neither related to the source framework nor reviewed against all of it.
        reviews: the declared complete reviews of the two frameworks (either way round).

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = load_catalog().crosswalk.coverage("8cantwait-2020", "uscm-2020")
        >>> [m.source for m in r.explain("uscm-2020:sanctity-of-life/moving-vehicles").covering]
        ['8cantwait-2020:ban-shooting-at-moving-vehicles']
        >>> sum(r.counts.values()) == len(r.leaves)
        True
    """

    source: str
    target: str
    leaves: tuple[str, ...]
    covered: tuple[str, ...]
    touched: tuple[str, ...]
    uncovered: tuple[str, ...]
    incomplete: tuple[str, ...]
    no_relationship: tuple[str, ...] = ()
    not_reviewed: tuple[str, ...] = ()
    reviews: tuple[Review, ...] = ()
    _sets: tuple[frozenset[str], frozenset[str], frozenset[str]] = attrs.field(
        alias="_sets", eq=False, repr=False
    )
    _uses: dict[str, list[_Use]] = attrs.field(alias="_uses", eq=False, repr=False)
    _crosswalk: Crosswalk = attrs.field(alias="_crosswalk", eq=False, repr=False)

    def _share(self, k: int) -> float:
        return k / len(self.leaves) if self.leaves else 0.0

    @property
    def counts(self) -> dict[str, int]:
        """How many leaves have each status (covered, touched but not covered, no_relationship, not_reviewed).

        The four add up to ``len(leaves)``. Keys are :class:`CoverageStatus` members, which also match
        their words (``counts["not_reviewed"]``).
        """
        return {
            CoverageStatus.COVERED: len(self.covered),
            CoverageStatus.TOUCHED: len(self.touched) - len(self.covered),
            CoverageStatus.NO_RELATIONSHIP: len(self.no_relationship),
            CoverageStatus.NOT_REVIEWED: len(self.not_reviewed),
        }

    @property
    def lower(self) -> float:
        """The lower bound, covered leaves over all leaves (met for sure; in [0, 1])."""
        return self._share(len(self.covered))

    @property
    def touched_share(self) -> float:
        """Covered and touched leaves over all leaves (some positive relationship; in [0, 1])."""
        return self._share(len(self.touched))

    @property
    def upper(self) -> float:
        """The upper bound, leaves not known to be unrelated over all leaves, ``(n - no_relationship) / n``.

        A not-reviewed leaf counts as possibly covered, as ``unknown`` does in an assessment score.
        Never below :attr:`touched_share`.
        """
        return self._share(len(self.leaves) - len(self.no_relationship))

    @property
    def reviewed_share(self) -> float:
        """The share of leaves whose status is known, ``1 - not_reviewed / n`` (in [0, 1])."""
        return 1.0 - self._share(len(self.not_reviewed)) if self.leaves else 0.0

    @property
    def label(self) -> str:
        """The bounds as every output prints them (:func:`coverage_label`): ``29-71%``, ``n/r``, ..."""
        return coverage_label(self.lower, self.upper, self.reviewed_share)

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

    def _leaf_set(self) -> frozenset[str]:
        sets = self._crosswalk._leaf_sets_memo
        found = sets.get(self.target)
        if found is None:
            found = sets[self.target] = frozenset(self.leaves)
        return found

    def _leaf_status(self, leaf: str) -> CoverageStatus:
        covers, touches, unrelated = self._sets
        if leaf in covers:
            return CoverageStatus.COVERED
        if leaf in touches:
            return CoverageStatus.TOUCHED
        if leaf in unrelated:
            return CoverageStatus.NO_RELATIONSHIP
        return CoverageStatus.NOT_REVIEWED

    def status(self, target_id: str | None = None) -> CoverageStatus:
        """The status of a leaf, a parent or the whole target (see :meth:`explain`)."""
        if target_id is not None and target_id in self._leaf_set():
            return self._leaf_status(target_id)
        return self.explain(target_id).status

    def explain(self, target_id: str | None = None) -> Explanation:
        """The status of a target principle (or of the whole target framework) and what made it.

        A leaf's explanation lists the mappings behind its status (read from the source's side) and, when
        a declared review made it ``no_relationship``, that review. A parent (or the whole framework, the
        default) is covered when all its leaves are, touched when any is covered or touched,
        ``no_relationship`` when all its leaves are, else ``not_reviewed``; its ``parts`` explain each
        leaf, and ``counts`` count them.

        Example:
            >>> from policeframeworks import load_catalog
            >>> r = load_catalog().crosswalk.coverage("policylink-2014", "policylink-pledge")
            >>> e = r.explain()
            >>> e.counts == r.counts, len(e.parts) == len(r.leaves)
            (True, True)

        Raises:
            UnknownIdError: ``target_id`` is not a principle of the target framework (framing statements
                are not targets); close ids are suggested.
        """
        cw = self._crosswalk
        target_id = self.target if target_id is None else target_id
        leaves = leaves_below(cw._structure, target_id, self.target)
        parts = tuple(self._explain_leaf(leaf) for leaf in leaves)
        if len(parts) == 1 and parts[0].target == target_id:
            return parts[0]
        statuses = {p.status for p in parts}
        if statuses == {CoverageStatus.COVERED}:
            status = CoverageStatus.COVERED
        elif statuses & {CoverageStatus.COVERED, CoverageStatus.TOUCHED}:
            status = CoverageStatus.TOUCHED
        elif statuses == {CoverageStatus.NO_RELATIONSHIP}:
            status = CoverageStatus.NO_RELATIONSHIP
        else:
            status = CoverageStatus.NOT_REVIEWED
        return Explanation(
            target=target_id,
            status=status,
            mappings=tuple(dict.fromkeys(m for p in parts for m in p.mappings)),
            by_identity=self.is_identity,
            reviews=tuple(dict.fromkeys(r for p in parts for r in p.reviews)),
            parts=parts,
        )

    def _explain_leaf(self, leaf: str) -> Explanation:
        status = self._leaf_status(leaf)
        read = [self._crosswalk._read(i, rev) for i, rev in sorted(set(self._uses_of(leaf)))]
        positive = status in (CoverageStatus.COVERED, CoverageStatus.TOUCHED)
        return Explanation(
            target=leaf,
            status=status,
            mappings=tuple(m for m in read if _positive(m) == positive),
            by_identity=self.is_identity,
            reviews=self.reviews if status is CoverageStatus.NO_RELATIONSHIP else (),
        )


@attrs.frozen(kw_only=True)
class CoverageMatrix:
    """Coverage of every framework by every other (the diagonal is each framework covering itself).

    Attributes:
        frameworks: the framework ids, in order.
        reports: the report for each ``(source, target)`` pair.

    Example:
        >>> from policeframeworks import load_catalog
        >>> m = load_catalog().crosswalk.matrix()
        >>> m.lower("uscm-2020", "uscm-2020"), m.label("uscm-2020", "uscm-2020")
        (1.0, '100%')
        >>> m.label("perf-2016", "policylink-2014")  # no mapping joins them, no review declared
        'n/r'
    """

    frameworks: tuple[str, ...]
    reports: AbcMapping[tuple[str, str], CoverageReport] = attrs.field(eq=False)

    def report(self, source: str, target: str) -> CoverageReport:
        """The report for one pair."""
        return self.reports[(source, target)]

    def lower(self, source: str, target: str) -> float:
        """The lower bound for one pair."""
        return self.reports[(source, target)].lower

    def touched_share(self, source: str, target: str) -> float:
        """The touched share for one pair."""
        return self.reports[(source, target)].touched_share

    def upper(self, source: str, target: str) -> float:
        """The upper bound for one pair."""
        return self.reports[(source, target)].upper

    def reviewed_share(self, source: str, target: str) -> float:
        """The reviewed share for one pair."""
        return self.reports[(source, target)].reviewed_share

    def label(self, source: str, target: str) -> str:
        """The cell as printed (:func:`coverage_label`)."""
        return self.reports[(source, target)].label

    def rows(self) -> Iterator[tuple[str, str, float, float]]:
        """``(source, target, lower, upper)`` for every pair, sources in order, then targets."""
        for s in self.frameworks:
            for t in self.frameworks:
                r = self.reports[(s, t)]
                yield s, t, r.lower, r.upper
