"""The relationship vocabulary of a crosswalk (NIST IR 8477 set theory), with inverses and composition.

A mapping reads "source RELATIONSHIP target". ``subset`` and ``superset`` are each other's inverse;
``equal``, ``intersects`` and ``no_relationship`` are their own:

    >>> from policeframeworks import Relationship
    >>> Relationship.parse("Subset Of").inverse()
    <Relationship.SUPERSET: 'superset'>
    >>> Relationship.parse("not related to")
    <Relationship.NO_RELATIONSHIP: 'no_relationship'>
    >>> Relationship.EQUAL.compose(Relationship.SUBSET)
    <Relationship.SUBSET: 'subset'>
    >>> Relationship.SUBSET.compose(Relationship.INTERSECTS) is None
    True

No I/O here: this module belongs to the model layer.
"""

from __future__ import annotations

import enum
import re

from ._suggest import first_or_none
from .exceptions import Problem, ValidationError

__all__ = ["Basis", "RationaleType", "Relationship"]


class Relationship(enum.StrEnum):
    """How a source relates to a target, read "source REL target" (NIST IR 8477 set theory).

    ``equal``: the same content. ``subset``: the source's content is all within the target's (the target
    asks for more). ``superset``: the source holds all of the target and more, so meeting the source
    meets the target. ``intersects``: they share some content, each has some the other lacks.
    ``no_relationship``: reviewed, nothing in common (which differs from "not reviewed").

    Example:
        >>> Relationship.SUPERSET.covers, Relationship.INTERSECTS.covers
        (True, False)
        >>> [r.value for r in Relationship if r.touches]
        ['equal', 'subset', 'superset', 'intersects']
    """

    EQUAL = "equal"
    SUBSET = "subset"
    SUPERSET = "superset"
    INTERSECTS = "intersects"
    NO_RELATIONSHIP = "no_relationship"

    def inverse(self) -> Relationship:
        """The same fact read from the target's side (subset <-> superset, the others unchanged).

        Example:
            >>> Relationship.SUBSET.inverse(), Relationship.INTERSECTS.inverse()
            (<Relationship.SUPERSET: 'superset'>, <Relationship.INTERSECTS: 'intersects'>)
        """
        return _INVERSE[self]

    @property
    def covers(self) -> bool:
        """Whether meeting the source implies meeting the target (``equal`` or ``superset``)."""
        return self in (Relationship.EQUAL, Relationship.SUPERSET)

    @property
    def touches(self) -> bool:
        """Whether source and target share anything (every relationship but ``no_relationship``)."""
        return self is not Relationship.NO_RELATIONSHIP

    @property
    def strength_range(self) -> tuple[int, int]:
        """Strengths allowed with this relationship (10 for equal, 0 for none, 1-9 otherwise).

        Example:
            >>> Relationship.EQUAL.strength_range, Relationship.SUBSET.strength_range
            ((10, 10), (1, 9))
        """
        if self is Relationship.EQUAL:
            return (10, 10)
        if self is Relationship.NO_RELATIONSHIP:
            return (0, 0)
        return (1, 9)

    def compose(self, then: Relationship) -> Relationship | None:
        """The relationship of a to c implied by ``a self b`` and ``b then c``, or None if nothing is certain.

        The table: equal then r gives r, and r then equal gives r; subset then subset gives subset;
        superset then superset gives superset; every other pair (anything through ``intersects``,
        subset then superset, superset then subset, anything with ``no_relationship`` other than through
        ``equal``) gives no certain relationship.

        Example:
            >>> Relationship.SUPERSET.compose(Relationship.SUPERSET)
            <Relationship.SUPERSET: 'superset'>
            >>> Relationship.SUBSET.compose(Relationship.SUPERSET) is None
            True
        """
        if self is Relationship.EQUAL:
            return then
        if then is Relationship.EQUAL:
            return self
        if self is then and self in (Relationship.SUBSET, Relationship.SUPERSET):
            return self
        return None

    @classmethod
    def parse(cls, text: str | Relationship) -> Relationship:
        """The relationship a word or phrase names, accepting the spellings of other crosswalks.

        Case, spaces, hyphens and underscores do not matter. Accepted: the words of this library, NIST IR
        8477 (``subset of``, ``superset of``, ``intersects with``, ``no relationship``), NIST OLIR
        (``not related to``, ``equal``), OSCAL (``equal-to``, ``equivalent-to``, ``subset-of``,
        ``superset-of``, ``intersects-with``, ``no-relationship``), CISO Assistant (``not_related``,
        ``intersect``), MITRE mappings explorer (``non_mappable``) and a few plain forms (``equals``,
        ``equivalent``, ``identical``, ``unrelated``). ``none``, ``null``, ``nan`` and ``n/a`` are refused:
        spreadsheets and dataframes write them for an empty cell, which is not a review.

        Raises:
            ValidationError: anything else, with the closest accepted spelling suggested. The NIST IR 8477
                "supportive" words (``supports``, ``is supported by``, ``contrary``) are refused with a
                note: they are not set relationships and are not converted silently.

        Example:
            >>> Relationship.parse("intersects-with"), Relationship.parse("EQUIVALENT TO")
            (<Relationship.INTERSECTS: 'intersects'>, <Relationship.EQUAL: 'equal'>)
            >>> Relationship.parse("subsett")
            Traceback (most recent call last):
            ...
            policeframeworks.exceptions.ValidationError: 1 problem:
              relationship: 'subsett' is not a relationship; expected one of equal, subset, superset, intersects, no_relationship or a known spelling of one (did you mean 'subset'?)
        """  # noqa: E501
        if isinstance(text, Relationship):
            return text
        if not isinstance(text, str):
            raise ValidationError(
                [
                    Problem(
                        "relationship",
                        f"expected a relationship word, got {type(text).__name__} {text!r}",
                        code="enum",
                    )
                ]
            )
        key = _normalise(text)
        found = _SPELLINGS.get(key)
        if found is not None:
            return found
        if key in _MISSING:
            message = (
                f"{text!r} reads as a missing value (what a spreadsheet or dataframe writes for an empty "
                "cell), not as a relationship; write no_relationship if the pair was reviewed and nothing "
                "relates"
            )
            raise ValidationError([Problem("relationship", message)])
        if key in _SUPPORTIVE:
            message = (
                f"{text!r} is a NIST IR 8477 supportive relationship, not a set relationship; "
                "state the set relationship (equal, subset, superset, intersects or no_relationship)"
            )
            raise ValidationError([Problem("relationship", message)])
        words = ", ".join(r.value for r in cls)
        hint = first_or_none(key, _SPELLINGS)
        suggestion = _SPELLINGS[hint].value if hint is not None else None
        raise ValidationError(
            [
                Problem(
                    "relationship",
                    f"{text!r} is not a relationship; expected one of {words} or a known spelling of one",
                    suggestion=suggestion,
                    code="enum",
                )
            ]
        )


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold()).strip()


_INVERSE = {
    Relationship.EQUAL: Relationship.EQUAL,
    Relationship.SUBSET: Relationship.SUPERSET,
    Relationship.SUPERSET: Relationship.SUBSET,
    Relationship.INTERSECTS: Relationship.INTERSECTS,
    Relationship.NO_RELATIONSHIP: Relationship.NO_RELATIONSHIP,
}

_SPELLINGS: dict[str, Relationship] = {
    **dict.fromkeys(
        ["equal", "equals", "equal to", "is equal to", "equivalent", "equivalent to", "identical", "same as"],
        Relationship.EQUAL,
    ),
    **dict.fromkeys(["subset", "subset of", "is subset of", "is a subset of"], Relationship.SUBSET),
    **dict.fromkeys(["superset", "superset of", "is superset of", "is a superset of"], Relationship.SUPERSET),
    **dict.fromkeys(
        ["intersects", "intersects with", "intersect", "intersect with", "intersection"],
        Relationship.INTERSECTS,
    ),
    **dict.fromkeys(
        [
            "no relationship",
            "no relation",
            "not related",
            "not related to",
            "non mappable",
            "unrelated",
        ],
        Relationship.NO_RELATIONSHIP,
    ),
}

_MISSING = {"none", "null", "nan", "n/a", "na", "nil"}
_SUPPORTIVE = {"supports", "is supported by", "supported by", "contrary", "contrary to"}


class RationaleType(enum.StrEnum):
    """Why a relationship was stated (NIST IR 8477): same words, same meaning, or same effect in practice.

    Example:
        >>> RationaleType("functional")
        <RationaleType.FUNCTIONAL: 'functional'>
    """

    SYNTACTIC = "syntactic"
    SEMANTIC = "semantic"
    FUNCTIONAL = "functional"


class Basis(enum.StrEnum):
    """Who says so: ``explicit`` (a source states the relationship; cite it) or ``analytic`` (our reading).

    Example:
        >>> Basis.EXPLICIT.value
        'explicit'
    """

    EXPLICIT = "explicit"
    ANALYTIC = "analytic"
