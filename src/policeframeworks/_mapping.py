"""Mappings between principles (or whole frameworks), and the crosswalk file that holds them (no I/O).

>>> from policeframeworks import Mapping
>>> m = Mapping(source="8cantwait-2020:duty-to-intervene", relationship="equal",
...             target="uscm-2020:sanctity-of-life/duty-to-intervene", rationale_type="semantic",
...             strength=10, basis="analytic", rationale="Both require intervening.", mapped_by="me")
>>> m.inverse().source
'uscm-2020:sanctity-of-life/duty-to-intervene'
>>> Mapping(source="a:x", relationship="subset", target="b:y", rationale_type="semantic",
...         strength=10, basis="explicit", rationale="r", mapped_by="me")
Traceback (most recent call last):
...
policeframeworks.exceptions.ValidationError: 2 problems:
  strength: 10 is not allowed with 'subset' (1-9; equal is 10, no_relationship is 0)
  citation: an explicit mapping needs a citation (the source that states the relationship)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._citation import Citation
from ._ids import framework_id_of, is_framework_id, is_principle_id, is_slug
from ._relationship import Basis, RationaleType, Relationship
from ._validate import (
    as_tuple,
    date_problem,
    enum_problem,
    nonempty,
    raise_problems,
    str_tuple,
    string_tuple_problems,
    to_enum,
)
from .exceptions import Problem, ValidationError

__all__ = ["CrosswalkDocument", "Mapping", "Review", "ReviewScope", "end_framework_id", "is_end_id"]


def is_end_id(value: object) -> bool:
    """Whether ``value`` can be an end of a mapping: a principle id or a whole framework's id.

    Example:
        >>> is_end_id("uscm-2020"), is_end_id("uscm-2020:community"), is_end_id("USCM")
        (True, True, False)
    """
    return isinstance(value, str) and (is_principle_id(value) or is_framework_id(value))


def end_framework_id(end: str) -> str:
    """The framework an end of a mapping belongs to (a framework id stands for itself).

    Example:
        >>> end_framework_id("uscm-2020:community"), end_framework_id("uscm-2020")
        ('uscm-2020', 'uscm-2020')
    """
    return framework_id_of(end)


def _to_relationship(value: Relationship | str) -> Relationship:
    if isinstance(value, str) and not isinstance(value, Relationship):
        try:
            return Relationship.parse(value)
        except ValidationError:
            pass
    return value  # type: ignore[return-value]


def _to_rationale_type(value: RationaleType | str) -> RationaleType:
    return to_enum(RationaleType, value)


def _to_basis(value: Basis | str) -> Basis:
    return to_enum(Basis, value)


@attrs.frozen(kw_only=True)
class Mapping:
    """One asserted fact: "source RELATIONSHIP target", with why, how strongly, and on whose word.

    Attributes:
        source: a principle id, or a framework id for the whole framework.
        relationship: how the source relates to the target (any spelling :meth:`Relationship.parse`
            accepts is normalised).
        target: a principle id, or a framework id for the whole framework.
        rationale_type: ``syntactic`` (same words), ``semantic`` (same meaning) or ``functional`` (same
            effect in practice).
        strength: 0-10, consistent with the relationship: equal is 10, no_relationship is 0, the others
            1-9.
        basis: ``explicit`` (a source states it; ``citation`` is then required) or ``analytic``.
        rationale: why, in words.
        mapped_by: who made the mapping.
        opposing: both speak to one subject with opposite demands (a stance conflict).
        citation: the source that states the relationship.

    The checks that need only the mapping itself (id syntax, strength against relationship, citation
    for an explicit basis) run when it is built; checks that need a catalog or other mappings are
    :meth:`Crosswalk.lint <policeframeworks.Crosswalk.lint>`'s.

    Example:
        >>> m = Mapping(source="policylink-2014:training", relationship="subset of",
        ...             target="policylink-pledge:training", rationale_type="syntactic", strength=9,
        ...             basis="analytic", rationale="The pledge adds mental health.", mapped_by="me")
        >>> m.relationship
        <Relationship.SUBSET: 'subset'>
        >>> m.inverse().relationship, m.inverse().inverse() == m
        (<Relationship.SUPERSET: 'superset'>, True)
    """

    source: str
    relationship: Relationship = attrs.field(converter=_to_relationship)
    target: str
    rationale_type: RationaleType = attrs.field(converter=_to_rationale_type)
    strength: int
    basis: Basis = attrs.field(converter=_to_basis)
    rationale: str
    opposing: bool = False
    citation: Citation | None = None
    mapped_by: str

    def __attrs_post_init__(self) -> None:
        raise_problems(self._problems())

    def _problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for field in ("source", "target"):
            value = getattr(self, field)
            if not is_end_id(value):
                problems.append(
                    Problem(
                        field,
                        f"{value!r} is neither a principle id (<framework-id>:<slug>[/<slug>...]) "
                        "nor a framework id (a lowercase slug)",
                    )
                )
        relationship_ok = isinstance(self.relationship, Relationship)
        if not relationship_ok:
            try:
                Relationship.parse(self.relationship)
            except ValidationError as exc:
                problems += list(exc.problems)
        problems += [
            p
            for p in (
                enum_problem("rationale_type", self.rationale_type, RationaleType),
                enum_problem("basis", self.basis, Basis),
                nonempty("rationale", self.rationale),
                nonempty("mapped_by", self.mapped_by),
            )
            if p
        ]
        if type(self.strength) is not int:
            problems.append(
                Problem("strength", f"expected an integer 0-10, got {self.strength!r}", code="type")
            )
        elif not 0 <= self.strength <= 10:
            problems.append(Problem("strength", f"{self.strength} is out of range (0-10)", code="range"))
        elif relationship_ok:
            low, high = self.relationship.strength_range
            if not low <= self.strength <= high:
                allowed = str(low) if low == high else f"{low}-{high}"
                problems.append(
                    Problem(
                        "strength",
                        f"{self.strength} is not allowed with {self.relationship.value!r} ({allowed}; "
                        "equal is 10, no_relationship is 0)",
                        code="range",
                    )
                )
        if not isinstance(self.opposing, bool):
            problems.append(
                Problem("opposing", f"expected true or false, got {self.opposing!r}", code="type")
            )
        if self.citation is not None and not isinstance(self.citation, Citation):
            problems.append(Problem("citation", "expected a Citation", code="type"))
        if self.basis == Basis.EXPLICIT and self.citation is None:
            problems.append(
                Problem(
                    "citation",
                    "an explicit mapping needs a citation (the source that states the relationship)",
                )
            )
        return problems

    def inverse(self) -> Mapping:
        """The same fact read from the target's side: ends swapped, relationship inverted, the rest kept.

        Example:
            >>> m = Mapping(source="a:x", relationship="superset", target="b", rationale_type="semantic",
            ...             strength=5, basis="analytic", rationale="r", mapped_by="me")
            >>> m.inverse().source, m.inverse().relationship.value, m.inverse().target
            ('b', 'subset', 'a:x')
        """
        return attrs.evolve(
            self, source=self.target, target=self.source, relationship=self.relationship.inverse()
        )

    def reads_from(self, end: str) -> Mapping:
        """This mapping read from ``end``'s side (itself if ``end`` is the source, else its inverse).

        Example:
            >>> m = Mapping(source="a:x", relationship="subset", target="b:y", rationale_type="semantic",
            ...             strength=5, basis="analytic", rationale="r", mapped_by="me")
            >>> m.reads_from("b:y").relationship.value
            'superset'

        Raises:
            ValueError: ``end`` is neither end of the mapping.
        """
        if end == self.source:
            return self
        if end == self.target:
            return self.inverse()
        raise ValueError(f"{end!r} is neither end of this mapping ({self.source} -> {self.target})")

    @property
    def is_self_mapping(self) -> bool:
        """Whether source and target are the same id."""
        return self.source == self.target


def _mappings_tuple(value: Iterable[Mapping]) -> tuple[Mapping, ...]:
    return as_tuple(value)


class ReviewScope(enum.StrEnum):
    """How much of a framework pair a :class:`Review` compared (only ``complete`` so far)."""

    COMPLETE = "complete"


def _to_scope(value: ReviewScope | str) -> ReviewScope:
    return to_enum(ReviewScope, value)


@attrs.frozen(kw_only=True)
class Review:
    """A declaration that two whole frameworks were compared leaf by leaf.

    Within a ``complete`` review, every pair of a leaf of ``source`` and a leaf of ``target`` was compared,
    so a pair that no positive mapping joins has no relationship (rather than "not reviewed"). The review
    is of unordered leaf pairs: it makes coverage of ``target`` by ``source`` and of ``source`` by
    ``target`` reviewed alike. The declaration states that a review happened; the mappings record what it
    found. :meth:`Crosswalk.lint <policeframeworks.Crosswalk.lint>` flags a review of a framework the
    catalog does not hold, or holds only in part (``complete = false``).

    Attributes:
        source: a framework id.
        target: another framework id.
        scope: ``complete`` (every leaf pair compared).
        reviewer: who reviewed.
        date: ISO date of the review, possibly reduced (``2026``, ``2026-12``).
        note: how the review was made, or where its log is.

    Example:
        >>> Review(source="uscm-2020", target="8cantwait-2020", scope="complete", reviewer="me",
        ...        date="2026-12-05").scope
        <ReviewScope.COMPLETE: 'complete'>
        >>> Review(source="uscm-2020", target="uscm-2020:community", scope="partial", reviewer="",
        ...        date="5 Dec")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 4 problems:
          target: 'uscm-2020:community' is not a framework id (a lowercase slug)
          scope: 'partial' is not one of complete
          reviewer: must not be empty
          date: '5 Dec' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    """

    source: str
    target: str
    scope: ReviewScope = attrs.field(converter=_to_scope)
    reviewer: str
    date: str
    note: str = ""

    def __attrs_post_init__(self) -> None:
        raise_problems(self._problems())

    def _problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for field in ("source", "target"):
            value = getattr(self, field)
            if not (isinstance(value, str) and is_framework_id(value)):
                problems.append(
                    Problem(field, f"{value!r} is not a framework id (a lowercase slug)", code="id")
                )
        if not problems and self.source == self.target:
            problems.append(Problem("target", f"a review joins two frameworks; both are {self.source!r}"))
        problems += [
            p
            for p in (enum_problem("scope", self.scope, ReviewScope), nonempty("reviewer", self.reviewer))
            if p
        ]
        problems += [p for p in [date_problem("date", self.date, required=True)] if p]
        if not isinstance(self.note, str):
            problems.append(
                Problem("note", f"expected a string, got {type(self.note).__name__} {self.note!r}")
            )
        return problems

    @property
    def pair(self) -> frozenset[str]:
        """The two framework ids, unordered (a review counts both ways)."""
        return frozenset((self.source, self.target))


def _reviews_tuple(value: Iterable[Review]) -> tuple[Review, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class CrosswalkDocument:
    """What a crosswalk file holds: its mappings and a little about them (no catalog needed).

    Build a :class:`~policeframeworks.Crosswalk` from one with a catalog to resolve its ids:
    ``Crosswalk(doc.mappings, catalog=cat)``, or load files with
    :func:`policeframeworks.io.read_crosswalk`.

    Attributes:
        id: a lowercase slug naming the crosswalk.
        title: a title.
        data_version: the version of this data file; bump on every edit.
        mappings: the mappings, in file order.
        frameworks: the frameworks the mappings join; when given, every end must belong to one of them
            (and so must every review's frameworks).
        notes: editorial notes.
        reviews: declared reviews of whole framework pairs (see :class:`Review`).

    Example:
        >>> m = Mapping(source="a:x", relationship="intersects", target="c:y", rationale_type="semantic",
        ...             strength=5, basis="analytic", rationale="r", mapped_by="me")
        >>> CrosswalkDocument(id="mine", title="Mine", data_version="1", mappings=(m,),
        ...                   frameworks=("a", "b"))
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          mappings[0].target: 'c:y' belongs to framework 'c', which is not in frameworks (a, b)
    """

    id: str
    title: str
    data_version: str
    mappings: tuple[Mapping, ...] = attrs.field(converter=_mappings_tuple)
    frameworks: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=_reviews_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not (isinstance(self.id, str) and is_slug(self.id)):
            problems.append(Problem("id", f"{self.id!r} is not a lowercase slug", code="id"))
        problems += [
            p for p in (nonempty("title", self.title), nonempty("data_version", self.data_version)) if p
        ]
        problems += string_tuple_problems("frameworks", self.frameworks, unique=True)
        problems += string_tuple_problems("notes", self.notes, unique=False)
        if not isinstance(self.mappings, tuple):
            problems.append(Problem("mappings", "expected a list of mappings", code="type"))
        else:
            allowed = set(self.frameworks) if isinstance(self.frameworks, tuple) else set()
            for i, m in enumerate(self.mappings):
                if not isinstance(m, Mapping):
                    problems.append(Problem(f"mappings[{i}]", "expected a Mapping", code="type"))
                    continue
                if not allowed:
                    continue
                for field in ("source", "target"):
                    fw = end_framework_id(getattr(m, field))
                    if fw not in allowed:
                        problems.append(
                            Problem(
                                f"mappings[{i}].{field}",
                                f"{getattr(m, field)!r} belongs to framework {fw!r}, which is not in "
                                f"frameworks ({', '.join(self.frameworks)})",
                            )
                        )
        problems += review_problems(self.reviews, self.frameworks)
        raise_problems(problems)


def review_problems(reviews: object, frameworks: object) -> list[Problem]:
    if not isinstance(reviews, tuple):
        return [Problem("reviews", "expected a list of reviews", code="type")]
    named = frameworks if isinstance(frameworks, tuple) else ()
    allowed = set(named)
    problems: list[Problem] = []
    for i, r in enumerate(reviews):
        if not isinstance(r, Review):
            problems.append(Problem(f"reviews[{i}]", "expected a Review", code="type"))
            continue
        for field in ("source", "target") if allowed else ():
            if getattr(r, field) not in allowed:
                problems.append(
                    Problem(
                        f"reviews[{i}].{field}",
                        f"{getattr(r, field)!r} is not in frameworks ({', '.join(named)})",
                    )
                )
    return problems


attrs.resolve_types(Mapping)
attrs.resolve_types(Review)
