"""The crosswalk: mappings over a catalog, seen as a graph, with explained coverage, dispositions and lint.

    >>> from policeframeworks import load_catalog
    >>> cw = load_catalog().crosswalk
    >>> report = cw.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/chokehold-ban" in report.covered
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
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Mapping as AbcMapping
from typing import TYPE_CHECKING, Any

import attrs

from ._ids import parent_id_of
from ._mapping import CrosswalkDocument, Mapping, Review, end_framework_id, review_problems
from ._relationship import Relationship
from .exceptions import Problem, UnknownIdError, ValidationError

if TYPE_CHECKING:
    import networkx as nx

    from ._catalog import Catalog

__all__ = [
    "PARTLY_REVIEWED_NOTE",
    "coverage_label",
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Crosswalk",
    "DerivedMapping",
    "Disposition",
    "Explanation",
    "LintKind",
    "LintProblem",
]


class Disposition(enum.StrEnum):
    """Where a principle stands in a crosswalk: mapped, reviewed with nothing in common, or not reviewed."""

    MAPPED = "mapped"
    NO_RELATIONSHIP = "no_relationship"
    NOT_REVIEWED = "not_reviewed"


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
    def counts(self) -> dict[CoverageStatus, int]:
        """How many leaves at or below the target have each status (all four keys, in order)."""
        found = dict.fromkeys(_ORDER, 0)
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


# One use of a mapping inside a coverage report: (index into Crosswalk.mappings, read reversed?).
_Use = tuple[int, bool]
# A use read from one side: (source end, target end, 2 covers / 1 touches / 0 no relationship, use).
_Oriented = tuple[str, str, int, _Use]


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
        >>> [m.source for m in r.explain("uscm-2020:sanctity-of-life/chokehold-ban").covering]
        ['8cantwait-2020:ban-chokeholds-and-strangleholds']
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
    _statuses: dict[str, CoverageStatus] = attrs.field(alias="_statuses", eq=False, repr=False)
    _uses: dict[str, list[_Use]] = attrs.field(alias="_uses", eq=False, repr=False)
    _crosswalk: Crosswalk = attrs.field(alias="_crosswalk", eq=False, repr=False)

    def _share(self, k: int) -> float:
        return k / len(self.leaves) if self.leaves else 0.0

    @property
    def counts(self) -> dict[CoverageStatus, int]:
        """How many leaves have each status: covered, touched (not covered), no_relationship, not_reviewed.

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
        """The lower bound: covered leaves over all leaves (met for sure; in [0, 1])."""
        return self._share(len(self.covered))

    @property
    def touched_share(self) -> float:
        """Covered and touched leaves over all leaves (some positive relationship; in [0, 1])."""
        return self._share(len(self.touched))

    @property
    def upper(self) -> float:
        """The upper bound: leaves not known to be unrelated over all leaves, ``(n - no_relationship) / n``.

        A not-reviewed leaf counts as possibly covered, as ``unknown`` does in an assessment score.
        Never below :attr:`touched_share`.
        """
        return self._share(len(self.leaves) - len(self.no_relationship))

    @property
    def reviewed_share(self) -> float:
        """The share of leaves whose status is known: ``1 - not_reviewed / n`` (in [0, 1])."""
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

    def status(self, target_id: str | None = None) -> CoverageStatus:
        """The status of a leaf, a parent or the whole target (see :meth:`explain`)."""
        if target_id is not None and target_id in self._statuses:
            return self._statuses[target_id]
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
        leaves = cw._leaves_below(target_id, self.target)
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
        status = self._statuses[leaf]
        read = [self._crosswalk._read(i, rev) for i, rev in sorted(set(self._uses_of(leaf)))]
        positive = status in (CoverageStatus.COVERED, CoverageStatus.TOUCHED)
        return Explanation(
            target=leaf,
            status=status,
            mappings=tuple(m for m in read if _positive(m) == positive),
            by_identity=self.is_identity,
            reviews=self.reviews if status is CoverageStatus.NO_RELATIONSHIP else (),
        )

    def to_record(self) -> dict[str, Any]:
        """The figures and counts as plain data (what the CLI's JSON and CSV outputs hold for a pair).

        Example:
            >>> from policeframeworks import load_catalog
            >>> rec = load_catalog().crosswalk.coverage("uscm-2020", "uscm-2020").to_record()
            >>> rec["label"], rec["covered"], rec["not_reviewed"], rec["upper"]
            ('100%', 17, 0, 1.0)
        """
        counts = self.counts
        return {
            "source": self.source,
            "target": self.target,
            "leaves": len(self.leaves),
            **{str(s): counts[s] for s in _ORDER},
            "lower": self.lower,
            "touched_share": self.touched_share,
            "upper": self.upper,
            "reviewed_share": self.reviewed_share,
            "label": self.label,
        }


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

    def records(self) -> list[dict[str, Any]]:
        """:meth:`CoverageReport.to_record` for every pair, sources in order, then targets."""
        return [self.reports[(s, t)].to_record() for s in self.frameworks for t in self.frameworks]


@attrs.define
class _Structure:
    """What coverage needs to know about the catalog, computed once per crosswalk."""

    framework_leaves: dict[str, tuple[str, ...]]
    leaves_below: dict[str, tuple[str, ...]]
    framing: frozenset[str]
    complete: dict[str, bool]


def _to_mappings(value: Iterable[Mapping]) -> tuple[Mapping, ...]:
    return tuple(value)


def _to_reviews(value: Iterable[Review]) -> tuple[Review, ...]:
    return tuple(value)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@attrs.frozen
class Crosswalk:
    """An immutable collection of mappings over a catalog.

    ``Crosswalk(mappings, catalog=cat)`` checks that every id is in the catalog (a principle, a framing
    statement, or a whole framework) and raises one :class:`ValidationError` listing every unknown id with
    close matches; pass ``check_ids=False`` to build one anyway (for :meth:`lint`). Without ``catalog`` the
    bundled catalog is used. The bundled crosswalk is ``load_catalog().crosswalk``; files load with
    :meth:`load`. Two crosswalks are equal when their mappings and their declared reviews are, in order.

    Example:
        >>> from policeframeworks import Crosswalk, Mapping, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> for m in cw.related("policylink-pledge:training"):
        ...     print(m.source, m.relationship.value, m.target)
        policylink-pledge:training superset ilacp-naacp-2018:de-escalation-training
        policylink-pledge:training superset policylink-2014:training
        policylink-pledge:training intersects campaignzero-2015:training/implicit-bias
        policylink-pledge:training intersects campaignzero-2015:training/rigorous-and-sustained-training
        >>> Crosswalk([Mapping(source="uscm-2020:comunity", relationship="equal", target="uscm-2020",
        ...     rationale_type="semantic", strength=10, basis="analytic", rationale="r", mapped_by="me")])
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          mappings[0].source: unknown id 'uscm-2020:comunity' (did you mean 'uscm-2020:community'?)
    """

    mappings: tuple[Mapping, ...] = attrs.field(converter=_to_mappings)
    reviews: tuple[Review, ...] = attrs.field(default=(), kw_only=True, converter=_to_reviews)
    catalog: Catalog = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    check_ids: bool = attrs.field(default=True, kw_only=True, eq=False, repr=False)
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.catalog is None:
            from ._catalog import load_catalog

            object.__setattr__(self, "catalog", load_catalog())
        problems = [
            Problem(f"mappings[{i}]", f"expected a Mapping, got {type(m).__name__}")
            for i, m in enumerate(self.mappings)
            if not isinstance(m, Mapping)
        ]
        problems += review_problems(self.reviews, ())
        if not problems and self.check_ids:
            problems = [
                p
                for i, m in enumerate(self.mappings)
                for p in _id_problems(m, self.catalog, f"mappings[{i}]")
            ]
            problems += [
                p
                for i, r in enumerate(self.reviews)
                for p in _review_id_problems(r, self.catalog, f"reviews[{i}]")
            ]
        if problems:
            raise ValidationError(problems)

    def __repr__(self) -> str:
        """A short summary: how many mappings, over how many frameworks (never the mappings themselves).

        Example:
            >>> from policeframeworks import Crosswalk, load_catalog
            >>> Crosswalk([])
            Crosswalk(0 mappings over 0 frameworks)
            >>> m = load_catalog().crosswalk.mappings[0]  # from uscm-2020 to 8cantwait-2020
            >>> Crosswalk([m])
            Crosswalk(1 mapping over 2 frameworks)
        """
        n = len(self.mappings)
        ends = {end_framework_id(end) for m in self.mappings for end in (m.source, m.target)}
        reviews = f", {_count(len(self.reviews), 'declared review')}" if self.reviews else ""
        return f"Crosswalk({_count(n, 'mapping')} over {_count(len(ends), 'framework')}{reviews})"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """The same short summary for IPython's and Hypothesis' pretty printers."""
        p.text(repr(self))

    # ----------------------------------------------------------------- building and loading

    @classmethod
    def from_documents(
        cls,
        documents: Sequence[CrosswalkDocument],
        *,
        catalog: Catalog | None = None,
        sources: Sequence[str | None] = (),
    ) -> Crosswalk:
        """One crosswalk of the mappings of several documents, in order; unknown ids name their file.

        Args:
            documents: the crosswalk documents.
            catalog: the catalog the ids refer to (default: the bundled one).
            sources: for each document, the file it came from (used in error messages).

        Example:
            >>> from policeframeworks import Crosswalk
            >>> from policeframeworks._crosswalk import bundled_documents
            >>> len(Crosswalk.from_documents(bundled_documents()).mappings) > 30
            True
        """
        if catalog is None:
            from ._catalog import load_catalog

            catalog = load_catalog()
        problems: list[Problem] = []
        mappings: list[Mapping] = []
        reviews: list[Review] = []
        for n, doc in enumerate(documents):
            file = sources[n] if n < len(sources) else None
            for i, m in enumerate(doc.mappings):
                problems += [p.within("", file) for p in _id_problems(m, catalog, f"mappings[{i}]")]
                mappings.append(m)
            for i, r in enumerate(doc.reviews):
                problems += [p.within("", file) for p in _review_id_problems(r, catalog, f"reviews[{i}]")]
                reviews.append(r)
        if problems:
            raise ValidationError(problems)
        return cls(mappings, reviews=reviews, catalog=catalog, check_ids=False)

    @classmethod
    def load(
        cls, *paths: str | os.PathLike[str], catalog: Catalog | None = None, include_bundled: bool = True
    ) -> Crosswalk:
        """A crosswalk from crosswalk files (TOML, JSON or CSV), beside or instead of the bundled one.

        With ``include_bundled`` (the default) your mappings and declared reviews extend the catalog's own
        crosswalk; without it they replace it. Every problem in every file is reported in one
        :class:`ValidationError`. A CSV file holds mappings only (no declared reviews).

        Example:
            >>> import pathlib, tempfile
            >>> from policeframeworks import Crosswalk, load_catalog
            >>> folder = pathlib.Path(tempfile.mkdtemp())
            >>> cw = load_catalog().crosswalk
            >>> cw.to_csv(folder / "mine.csv")
            >>> Crosswalk.load(folder / "mine.csv", include_bundled=False).mappings == cw.mappings
            True
        """
        from .io._crosswalk import read_crosswalk_file

        if catalog is None:
            from ._catalog import load_catalog

            catalog = load_catalog()
        mappings: list[Mapping] = list(catalog.crosswalk.mappings) if include_bundled else []
        reviews: list[Review] = list(catalog.crosswalk.reviews) if include_bundled else []
        problems: list[Problem] = []
        for path in paths:
            try:
                found = read_crosswalk_file(path, catalog)
            except ValidationError as exc:
                problems += exc.problems
            else:
                mappings += found.mappings
                reviews += found.reviews
        if problems:
            raise ValidationError(problems)
        return cls(mappings, reviews=reviews, catalog=catalog)

    def with_mappings(self, mappings: Iterable[Mapping]) -> Crosswalk:
        """A new crosswalk with ``mappings`` added at the end (same catalog).

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.with_mappings([cw.mappings[0].inverse()]).mappings[-1] == cw.mappings[0].inverse()
            True
        """
        return Crosswalk(
            [*self.mappings, *mappings], reviews=self.reviews, catalog=self.catalog, check_ids=self.check_ids
        )

    def with_reviews(self, reviews: Iterable[Review]) -> Crosswalk:
        """A new crosswalk with ``reviews`` declared besides its own (same mappings, same catalog).

        Example:
            >>> from policeframeworks import Crosswalk, Review, load_catalog
            >>> cw = Crosswalk([], catalog=load_catalog())
            >>> cw.with_reviews([Review(source="perf-2016", target="peel-principles",
            ...                         scope="complete", reviewer="me", date="2026")])
            Crosswalk(0 mappings over 0 frameworks, 1 declared review)
        """
        return Crosswalk(
            self.mappings, reviews=[*self.reviews, *reviews], catalog=self.catalog, check_ids=self.check_ids
        )

    # ----------------------------------------------------------------- indexes (built lazily, cached)

    def _structure(self) -> _Structure:
        found: _Structure | None = self._cache.get("structure")
        if found is None:
            framework_leaves: dict[str, tuple[str, ...]] = {}
            leaves_below: dict[str, tuple[str, ...]] = {}
            framing: set[str] = set()
            complete: dict[str, bool] = {}
            for fw in self.catalog.frameworks:
                complete[fw.id] = fw.complete
                framework_leaves[fw.id] = tuple(p.id for p in fw.leaves())
                for p in fw.iter_principles():
                    leaves_below[p.id] = tuple(q.id for q in p.walk() if q.is_leaf)
                for top in fw.framing:
                    framing.update(q.id for q in top.walk())
            found = _Structure(framework_leaves, leaves_below, frozenset(framing), complete)
            self._cache["structure"] = found
        return found

    def _by_end(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] | None = self._cache.get("by_end")
        if found is None:
            found = defaultdict(list)
            for i, m in enumerate(self.mappings):
                found[m.source].append(i)
                if m.target != m.source:
                    found[m.target].append(i)
            self._cache["by_end"] = found
        return found

    def _buckets(self) -> dict[tuple[str, str], list[_Oriented]]:
        """Mapping uses by (source framework, target framework), each read from the first one's side.

        Entries are ``(s, x, kind, use)``: s in the first framework, x in the second, kind 2 when s covers x,
        1 when it only touches x, 0 for no relationship. Uses with a framing statement at either end are
        left out (framing is never counted).
        """
        found: dict[tuple[str, str], list[_Oriented]] | None = self._cache.get("buckets")
        if found is None:
            framing = self._structure().framing
            found = defaultdict(list)
            kind_of = {r: (2 if r.covers else 1 if r.touches else 0) for r in Relationship}
            kind_back = {r: kind_of[r.inverse()] for r in Relationship}
            for i, m in enumerate(self.mappings):
                a, b, r = m.source, m.target, m.relationship
                if a in framing or b in framing:
                    continue
                fa, fb = a.partition(":")[0], b.partition(":")[0]
                found[(fa, fb)].append((a, b, kind_of[r], (i, False)))
                found[(fb, fa)].append((b, a, kind_back[r], (i, True)))
            self._cache["buckets"] = found
        return found

    def _read(self, i: int, reversed_: bool) -> Mapping:
        m = self.mappings[i]
        return m.inverse() if reversed_ else m

    def _leaves_below(self, target_id: str, framework_id: str) -> tuple[str, ...]:
        st = self._structure()
        if target_id == framework_id:
            return st.framework_leaves[framework_id]
        leaves = st.leaves_below.get(target_id)
        if leaves is None or end_framework_id(target_id) != framework_id:
            from ._suggest import closest

            candidates = [framework_id, *(p for p in st.leaves_below if end_framework_id(p) == framework_id)]
            raise UnknownIdError(
                target_id, kind=f"target ({framework_id})", suggestions=closest(target_id, candidates)
            )
        return leaves

    def _check_end(self, end: str) -> None:
        if end not in self.catalog:
            from ._model import _unknown

            everything = [*self.catalog.framework_ids, *(p for f in self.catalog for p in f._index)]
            raise _unknown(end, "", everything)

    # ----------------------------------------------------------------- queries

    def related(
        self, principle_id: str, *, relationships: Iterable[Relationship | str] | None = None
    ) -> tuple[Mapping, ...]:
        """Every mapping touching an id (a principle, framing statement or framework), read from its side.

        Each returned mapping has ``.source == principle_id``: an incoming ``subset`` is returned as an
        outgoing ``superset``. Only mappings on the id itself are returned (not those on its parent, its
        children or its framework). ``relationships`` keeps only those relationships (as read from the
        id's side; any spelling :meth:`Relationship.parse` accepts).

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> [m.target for m in cw.related("policylink-2014:diversity", relationships=["subset"])]
            []
            >>> [m.target for m in cw.related("policylink-2014:diversity", relationships=["superset"])]
            ['ilacp-naacp-2018:diversity']

        Raises:
            UnknownIdError: the id is not in the catalog (close ids are suggested).
        """
        self._check_end(principle_id)
        wanted = None if relationships is None else {Relationship.parse(r) for r in relationships}
        out = []
        for i in self._by_end().get(principle_id, ()):
            read = self.mappings[i].reads_from(principle_id)
            if wanted is None or read.relationship in wanted:
                out.append(read)
        return tuple(out)

    def coverage(self, source_framework_id: str, target_framework_id: str) -> CoverageReport:
        """How much of the target framework the source framework covers (see the module docs for the rule).

        Example:
            >>> from policeframeworks import load_catalog
            >>> r = load_catalog().crosswalk.coverage("policylink-2014", "policylink-pledge")
            >>> for target in r.covered:
            ...     print(target)
            policylink-pledge:accountable-to-the-community
            policylink-pledge:reflect-and-respect-the-community
            >>> print(r.explain("policylink-pledge:training"))
            policylink-pledge:training: touched
              policylink-2014:training subset policylink-pledge:training (9/10)

        Raises:
            UnknownIdError: either framework id is unknown.
        """
        self.catalog.framework(source_framework_id)
        self.catalog.framework(target_framework_id)
        return self._coverage(source_framework_id, target_framework_id)

    def _coverage(self, source: str, target: str) -> CoverageReport:
        return coverage_report(self, source, target)

    def matrix(self, frameworks: Sequence[str] | None = None) -> CoverageMatrix:
        """Coverage of every framework by every other, diagonal included (default: every catalog framework).

        Example:
            >>> from policeframeworks import load_catalog
            >>> m = load_catalog().crosswalk.matrix(["policylink-2014", "policylink-pledge"])
            >>> [(s, t, round(lo, 2), round(up, 2)) for s, t, lo, up in m.rows()][1]
            ('policylink-2014', 'policylink-pledge', 0.29, 0.71)
        """
        ids = tuple(self.catalog.framework_ids if frameworks is None else frameworks)
        for f in ids:
            self.catalog.framework(f)
        reports = {(s, t): self._coverage(s, t) for s in ids for t in ids}
        return CoverageMatrix(frameworks=ids, reports=reports)

    def disposition(self, principle_id: str, *, against: str | None = None) -> Disposition:
        """Mapped, reviewed with no relationship, or not reviewed.

        A principle is ``mapped`` when a mapping other than ``no_relationship`` is on it or on one of its
        descendants, or when one on an ancestor or its whole framework is, read from that side, ``equal``
        or ``subset`` (so it holds for every part; a ``superset`` or ``intersects`` on a parent says nothing
        certain about a given child). It is ``no_relationship`` when it is not mapped and the whole of
        another framework was reviewed against it with nothing related: every leaf at or below it is
        ``no_relationship`` in that framework's coverage of its own (see :meth:`coverage`: a whole-framework
        ``no_relationship`` mapping, ``no_relationship`` mappings that together take in the whole other
        framework, or a declared complete review); else ``not_reviewed``. A ``no_relationship`` with one
        principle of the other framework says nothing about its other principles. With ``against`` (a
        framework id), only mappings whose other end is in that framework count, and only that framework's
        review. A framing statement (never counted in coverage) is ``no_relationship`` when a
        ``no_relationship`` mapping on it or an ancestor joins it to a whole framework.

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.disposition("uscm-2020:community", against="8cantwait-2020")
            <Disposition.NO_RELATIONSHIP: 'no_relationship'>
            >>> cw.disposition("uscm-2020:sanctity-of-life/foot-pursuits")
            <Disposition.NO_RELATIONSHIP: 'no_relationship'>
            >>> cw.disposition("perf-2016:first-aid")
            <Disposition.NOT_REVIEWED: 'not_reviewed'>

        Raises:
            UnknownIdError: not a principle or framing statement of the catalog.
        """
        principle = self.catalog.principle(principle_id)
        if against is not None:
            self.catalog.framework(against)
        by_end = self._by_end()
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
                read = self.mappings[i].reads_from(end)
                if against is not None and end_framework_id(read.target) != against:
                    continue
                rel = read.relationship
                if rel.touches and (n == 0 or n >= len(own) or rel in passed_down):
                    return Disposition.MAPPED
                if not rel.touches and n < len(own):
                    seen_no_relationship = True
        if not seen_no_relationship and not self.reviews:
            return Disposition.NOT_REVIEWED
        st = self._structure()
        leaves = st.leaves_below.get(principle_id)
        if leaves is None:  # a framing statement
            for end in own[:1] + own[2:]:
                for i in by_end.get(end, ()):
                    read = self.mappings[i].reads_from(end)
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
            report = coverage_report(self, other, own_fw)
            if all(report.status(leaf) is CoverageStatus.NO_RELATIONSHIP for leaf in leaves):
                return Disposition.NO_RELATIONSHIP
        return Disposition.NOT_REVIEWED

    def derive(self, *, max_hops: int = 3) -> tuple[DerivedMapping, ...]:
        """Relationships implied by chaining asserted mappings across frameworks, each with its path.

        Paths follow mappings in either direction (read accordingly), visit no id twice, and have 2 to
        ``max_hops`` steps; the relationship is composed step by step with :meth:`Relationship.compose`
        and the path is dropped as soon as nothing certain follows. A derived mapping joins ids of two
        different frameworks that no asserted mapping joins. For each (source, relationship, target)
        the shortest path found is kept. Derived mappings are returned apart; the crosswalk is unchanged.

        Example:
            >>> from policeframeworks import Crosswalk, Mapping
            >>> def m(s, r, t, n):
            ...     return Mapping(source=s, relationship=r, target=t, rationale_type="semantic",
            ...                    strength=n, basis="analytic", rationale="r", mapped_by="me")
            >>> cw = Crosswalk([
            ...     m("ilacp-naacp-2018:diversity", "subset", "policylink-2014:diversity", 7),
            ...     m("policylink-2014:diversity", "equal", "policylink-pledge:training", 10),
            ... ])
            >>> for d in cw.derive():
            ...     print(d.source, d.relationship.value, d.target, "via", *d.via)
            ilacp-naacp-2018:diversity subset policylink-pledge:training via policylink-2014:diversity
            policylink-pledge:training superset ilacp-naacp-2018:diversity via policylink-2014:diversity
            >>> from policeframeworks import load_catalog
            >>> load_catalog().crosswalk.derive()  # the bundled mappings imply nothing they do not state
            ()
        """
        adjacency: dict[str, list[tuple[str, Relationship, Mapping]]] = defaultdict(list)
        asserted: set[tuple[str, str]] = set()
        for m in self.mappings:
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

    # ----------------------------------------------------------------- lint

    def lint(self) -> tuple[LintProblem, ...]:
        """Problems as data: unknown ids, self-mappings, duplicates, contradictions, subset cycles.

        Checks (pairs are compared within one rationale type, since NIST IR 8477 allows one pair different
        relationships under different rationales): an id not in the catalog; a mapping from an id to
        itself; two mappings stating the same fact (also one and the other's inverse); one pair with two
        different relationships, stated the same way round (``conflicting``) or opposite ways round
        (``inverse-disagrees``); a pair both related and ``no_relationship``, also through a
        ``no_relationship`` on a parent or whole framework; ``subset`` both ways without ``equal``; a cycle
        of strict subsets through three or more ids; a declared review (:class:`Review`) of a framework the
        catalog does not hold, or holds only in part (``complete = false``), or of one pair twice. Strength
        against relationship and a citation for an
        explicit basis are checked when each :class:`Mapping` is built, so a crosswalk cannot hold those.

        Example:
            >>> import attrs
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.lint()
            ()
            >>> m = cw.mappings[0]
            >>> bad = cw.with_mappings([attrs.evolve(m, relationship="intersects", strength=5)])
            >>> [p.kind.value for p in bad.lint()]
            ['conflicting']
        """
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
                        self._check_end(end)
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
        self._lint_hierarchy(add)
        self._lint_cycles(add)
        problems += self._lint_reviews()
        return tuple(problems)

    def _lint_reviews(self) -> list[LintProblem]:
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
            for p in _review_id_problems(r, self.catalog, f"reviews[{i}]"):
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

    def _members(self, end: str) -> set[str]:
        """An end and everything it contains: a framework's principles, a principle's descendants."""
        if end in self.catalog.framework_ids:
            fw = self.catalog.framework(end)
            return {end, *fw._index}
        try:
            return {p.id for p in self.catalog.principle(end).walk()}
        except UnknownIdError:
            return {end}

    def _lint_hierarchy(self, add: Any) -> None:
        by_end = self._by_end()
        for i, m in enumerate(self.mappings):
            if m.relationship is not Relationship.NO_RELATIONSHIP or m.is_self_mapping:
                continue
            left, right = self._members(m.source), self._members(m.target)
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

    def _lint_cycles(self, add: Any) -> None:
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

    # ----------------------------------------------------------------- graphs and exports

    def to_networkx(self, *, multigraph: bool = False) -> nx.DiGraph[str]:
        """A fresh networkx graph: catalog ids as nodes, mappings as edges (source -> target).

        Nodes are every principle and framing statement of the catalog and every framework, with scalar
        attributes: ``kind`` (principle, framing or framework), ``framework``, ``title``, ``number``,
        ``themes`` (joined with ``;``), ``parent`` (empty at the top), ``leaf``. Edges carry
        ``relationship``, ``rationale_type``, ``strength``, ``basis``, ``rationale``, ``opposing``,
        ``mapped_by``, ``order`` (position in ``mappings``) and, with a citation, ``citation_publisher``,
        ``citation_title``, ``citation_url``, ``citation_date``, ``citation_locator``. ``G.graph`` holds
        the catalog data version and each framework's data version. A ``DiGraph`` holds one edge per
        ordered pair: if two mappings share one, ask for ``multigraph=True`` (a ``MultiDiGraph``).

        Example:
            >>> from policeframeworks import load_catalog
            >>> g = load_catalog().crosswalk.to_networkx()
            >>> g.edges["policylink-2014:diversity", "policylink-pledge:reflect-and-respect-the-community"][
            ...     "relationship"]
            'equal'

        Raises:
            ValidationError: two mappings share an ordered pair and ``multigraph`` is False.
        """
        from .io._crosswalk import build_graph

        return build_graph(self, multigraph=multigraph)

    @classmethod
    def from_networkx(cls, graph: Any, *, catalog: Catalog | None = None) -> Crosswalk:
        """The crosswalk a graph made by :meth:`to_networkx` (or read from its exports) holds.

        Edges are read in their ``order``; every problem is reported with the edge it is on.
        """
        from .io._crosswalk import crosswalk_from_graph

        return crosswalk_from_graph(graph, catalog=catalog)

    def to_graphml(self, path: str | os.PathLike[str]) -> None:
        """Write GraphML (reads back with ``networkx.read_graphml`` and :meth:`from_graphml`)."""
        from .io._crosswalk import write_graph

        write_graph(self, path, "graphml")

    def to_gexf(self, path: str | os.PathLike[str]) -> None:
        """Write GEXF (for Gephi; reads back with :meth:`from_gexf`)."""
        from .io._crosswalk import write_graph

        write_graph(self, path, "gexf")

    def to_node_link(self) -> dict[str, Any]:
        """Node-link data (``networkx.node_link_data(G, edges="edges")``), ready for ``json.dumps``."""
        from .io._crosswalk import node_link

        return node_link(self)

    @classmethod
    def from_graphml(cls, path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
        """Read a crosswalk written by :meth:`to_graphml`."""
        from .io._crosswalk import read_graph

        return read_graph(path, "graphml", catalog=catalog)

    @classmethod
    def from_gexf(cls, path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
        """Read a crosswalk written by :meth:`to_gexf`."""
        from .io._crosswalk import read_graph

        return read_graph(path, "gexf", catalog=catalog)

    @classmethod
    def from_node_link(cls, data: Any, *, catalog: Catalog | None = None) -> Crosswalk:
        """Read node-link data made by :meth:`to_node_link`."""
        from .io._crosswalk import from_node_link

        return from_node_link(data, catalog=catalog)

    def to_csv(self, path: str | os.PathLike[str] | None = None) -> str | None:
        """CSV in the column order of the NIST IR 8477 STRM template, then this library's own columns.

        CSV holds the mappings only: declared ``reviews`` are not written (the template has no place for
        them); keep them in a TOML or JSON document (:meth:`to_document`). Returns the text when ``path``
        is None, else writes the file atomically and returns None. See
        ``policeframeworks.io._crosswalk.CSV_COLUMNS`` for the columns.
        """
        from .io._crosswalk import crosswalk_to_csv

        text = crosswalk_to_csv(self)
        if path is None:
            return text
        from .io._files import write_text_atomic

        write_text_atomic(path, text)
        return None

    @classmethod
    def from_csv(
        cls, source: str | os.PathLike[str], *, catalog: Catalog | None = None, text: str | None = None
    ) -> Crosswalk:
        """Read a CSV crosswalk (a path, or ``text`` with ``source`` naming it); errors name row and column.

        Example:
            >>> from policeframeworks import Crosswalk, load_catalog
            >>> text = load_catalog().crosswalk.to_csv().replace(",intersects with,", ",intersectz,", 1)
            >>> Crosswalk.from_csv("mine.csv", text=text)
            Traceback (most recent call last):
            ...
            policeframeworks.exceptions.ValidationError: 1 problem in mine.csv:
              mine.csv: row 3, column 'STRM Relationship': 'intersectz' is not a relationship; expected one of equal, subset, superset, intersects, no_relationship or a known spelling of one (did you mean 'intersects'?)
        """  # noqa: E501
        from .io._crosswalk import crosswalk_from_csv

        return crosswalk_from_csv(source, catalog=catalog, text=text)

    def to_document(self, *, id: str, title: str, data_version: str) -> CrosswalkDocument:
        """A crosswalk document of these mappings (for ``policeframeworks.io.dump``).

        Example:
            >>> from policeframeworks import load_catalog
            >>> doc = load_catalog().crosswalk.to_document(id="copy", title="Copy", data_version="1")
            >>> len(doc.mappings) == len(load_catalog().crosswalk.mappings)
            True
        """
        return CrosswalkDocument(
            id=id, title=title, data_version=data_version, mappings=self.mappings, reviews=self.reviews
        )


def _id_problems(m: Mapping, catalog: Catalog, path: str) -> list[Problem]:
    return [
        _unknown_end(getattr(m, field), catalog, f"{path}.{field}" if path else field)
        for field in ("source", "target")
        if getattr(m, field) not in catalog
    ]


def _review_id_problems(r: Review, catalog: Catalog, path: str) -> list[Problem]:
    from ._suggest import closest

    out = []
    for field in ("source", "target"):
        fw = getattr(r, field)
        if fw not in catalog.framework_ids:
            found = closest(fw, list(catalog.framework_ids), n=1)
            out.append(
                Problem(
                    f"{path}.{field}", f"unknown framework {fw!r}", suggestion=found[0] if found else None
                )
            )
    return out


def _unknown_end(end: str, catalog: Catalog, path: str) -> Problem:
    """The problem for an id not in the catalog, with the closest id (same framework first) suggested."""
    from ._suggest import closest

    fw = end_framework_id(end)
    if fw in catalog.framework_ids:
        pool = [fw, *catalog.framework(fw)._index]
    else:
        pool = [*catalog.framework_ids, *(p for f in catalog for p in f._index)]
    found = closest(end, pool, n=1)
    return Problem(path, f"unknown id {end!r}", suggestion=found[0] if found else None)


def bundled_documents() -> tuple[CrosswalkDocument, ...]:
    """The bundled crosswalk documents listed under ``crosswalks`` in ``data/catalog.toml`` (cached)."""
    return _bundled()[0]


def bundled_sources() -> tuple[str, ...]:
    """The files the bundled crosswalk documents come from."""
    return _bundled()[1]


def _bundled() -> tuple[tuple[CrosswalkDocument, ...], tuple[str, ...]]:
    found: tuple[tuple[CrosswalkDocument, ...], tuple[str, ...]] | None = _BUNDLED.get("docs")
    if found is None:
        import tomllib
        from importlib import resources

        from . import _convert

        root = resources.files("policeframeworks.data")
        index = tomllib.loads(root.joinpath("catalog.toml").read_text(encoding="utf-8"))
        docs: list[CrosswalkDocument] = []
        names: list[str] = []
        problems: list[Problem] = []
        for name in index.get("crosswalks", []):
            file = f"policeframeworks/data/crosswalks/{name}.toml"
            text = root.joinpath("crosswalks", f"{name}.toml").read_text(encoding="utf-8")
            try:
                docs.append(_convert.from_builtins(tomllib.loads(text), CrosswalkDocument, file=file))
                names.append(file)
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        found = (tuple(docs), tuple(names))
        _BUNDLED["docs"] = found
    return found


def coverage_report(cw: Crosswalk, source: str, target: str) -> CoverageReport:
    """The coverage report of ``target`` by ``source`` (both known framework ids) over ``cw`` (cached)."""
    cache: dict[tuple[str, str], CoverageReport] = cw._cache.setdefault("coverage", {})
    found = cache.get((source, target))
    if found is None:
        found = cache[(source, target)] = _build(cw, source, target)
    return found


def _build(cw: Crosswalk, source: str, target: str) -> CoverageReport:
    st = cw._structure()
    leaves = st.framework_leaves[target]
    below = st.leaves_below
    source_leaves = frozenset(st.framework_leaves[source])
    same = source == target
    covered_x: set[str] = set()
    touched_x: set[str] = set()
    # For each target end x: the source leaves reviewed against it with nothing in F's favour.
    unrelated_x: dict[str, set[str]] = {}
    uses: dict[str, list[_Use]] = {}
    mappings = cw.mappings
    for s, x, kind, use in cw._buckets().get((source, target), ()):
        if same and s == x:
            continue
        if x != target and x not in below:
            continue  # an id not in the catalog (a crosswalk built with check_ids=False)
        uses.setdefault(x, []).append(use)
        if mappings[use[0]].opposing:
            kind = 0
        if kind == 2:
            covered_x.add(x)
        elif kind == 1:
            touched_x.add(x)
        else:
            unrelated_x.setdefault(x, set()).update(source_leaves if s == source else below.get(s, (s,)))
    reviews = tuple(r for r in cw.reviews if r.pair == {source, target})
    statuses: dict[str, CoverageStatus] = {}
    for leaf in leaves:
        ends = [leaf, *_ancestors(leaf), target]
        if same or any(x in covered_x for x in ends):
            statuses[leaf] = CoverageStatus.COVERED
        elif any(x in touched_x for x in ends):
            statuses[leaf] = CoverageStatus.TOUCHED
        elif reviews or _all_of(source_leaves, [unrelated_x.get(x, ()) for x in ends]):
            statuses[leaf] = CoverageStatus.NO_RELATIONSHIP
        else:
            statuses[leaf] = CoverageStatus.NOT_REVIEWED

    def having(*wanted: CoverageStatus) -> tuple[str, ...]:
        return tuple(p for p in leaves if statuses[p] in wanted)

    return CoverageReport(
        source=source,
        target=target,
        leaves=leaves,
        covered=having(CoverageStatus.COVERED),
        touched=having(CoverageStatus.COVERED, CoverageStatus.TOUCHED),
        uncovered=tuple(p for p in leaves if statuses[p] is not CoverageStatus.COVERED),
        incomplete=tuple(f for f in dict.fromkeys((source, target)) if not st.complete[f]),
        no_relationship=having(CoverageStatus.NO_RELATIONSHIP),
        not_reviewed=having(CoverageStatus.NOT_REVIEWED),
        reviews=reviews,
        _statuses=statuses,
        _uses=uses,
        _crosswalk=cw,
    )


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


_BUNDLED: dict[str, Any] = {}
