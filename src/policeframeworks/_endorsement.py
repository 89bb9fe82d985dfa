"""Endorsements and adoptions as data: who endorsed, adopted, built on or answered which framework.

An :class:`Endorsement` says that a body (an organization, a jurisdiction, an agency or an informal group)
stands in a :class:`Relation` to a framework or to one principle of it, when, and on what evidence. The
bundled ones live in ``policeframeworks/data/endorsements.toml`` and are queried through the catalog:
:meth:`~policeframeworks.Catalog.endorsements_of` (who endorsed this framework?) and
:meth:`~policeframeworks.Catalog.endorsed_by` (what did this body endorse?). The file format is described
in ``docs/reference/endorsements.md``.

Example:
    >>> from policeframeworks import Citation, Endorsement
    >>> src = Citation(publisher="X", title="Y", url="https://example.org")
    >>> e = Endorsement(endorser="Example City", endorser_kind="jurisdiction", relation="adopted",
    ...                 target="8cantwait-2020", date="2020-07", citation=src)
    >>> e.relation, e.target_framework, e.relation.is_support
    (<Relation.ADOPTED: 'adopted'>, '8cantwait-2020', True)
    >>> Endorsement(endorser="", endorser_kind="city", relation="endorses", target="8CW",
    ...             citation=src)
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 4 problems:
      endorser: must not be empty
      endorser_kind: 'city' is not one of organization, jurisdiction, agency, group
      relation: 'endorses' is not one of endorsed, ... answers (did you mean 'endorsed'?)
      target: '8CW' is neither a framework id nor a principle id
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._citation import Citation
from ._ids import framework_id_of, is_framework_id, is_principle_id
from ._validate import (
    date_problem,
    enum_problem,
    nonempty,
    raise_problems,
    str_tuple,
    string_tuple_problems,
    to_enum,
)
from .exceptions import Problem

__all__ = ["Endorsement", "EndorsementSet", "EndorserKind", "Relation"]


class Relation(enum.StrEnum):
    """How an endorser stands to a framework: a small, closed vocabulary.

    - ``endorsed``: states its support for the framework (or principle) without making it its own rules.
    - ``adopted``: takes the framework as its own policy or position (by a vote, a resolution, an order).
    - ``builds-on``: a later document of the endorser says it builds on the framework.
    - ``integrates``: the endorser's own framework says it incorporates the framework's recommendations.
    - ``answers``: the endorser published its framework as a response to this one, disagreeing with it.
      It is not support: :attr:`is_support` is False.

    Example:
        >>> [r.value for r in Relation if r.is_support]
        ['endorsed', 'adopted', 'builds-on', 'integrates']
    """

    ENDORSED = "endorsed"
    ADOPTED = "adopted"
    BUILDS_ON = "builds-on"
    INTEGRATES = "integrates"
    ANSWERS = "answers"

    @property
    def is_support(self) -> bool:
        """Whether the relation expresses support (every relation but ``answers``)."""
        return self is not Relation.ANSWERS


class EndorserKind(enum.StrEnum):
    """What sort of body an endorser is.

    ``organization``: an association, a non-profit, a campaign organization (USCM, the Illinois Municipal
    League, Campaign Zero). ``jurisdiction``: a city, county or state acting as such (a council vote).
    ``agency``: a police department, a state training board. ``group``: an informal group of people, such
    as the authors of a statement.
    """

    ORGANIZATION = "organization"
    JURISDICTION = "jurisdiction"
    AGENCY = "agency"
    GROUP = "group"


def _to_relation(value: Relation | str) -> Relation:
    return to_enum(Relation, value)


def _to_kind(value: EndorserKind | str) -> EndorserKind:
    return to_enum(EndorserKind, value)


def _ref_problem(field: str, value: object) -> Problem | None:
    if isinstance(value, str) and (is_framework_id(value) or is_principle_id(value)):
        return None
    return Problem(field, f"{value!r} is neither a framework id nor a principle id")


@attrs.frozen(kw_only=True)
class Endorsement:
    """One body's endorsement, adoption of, building on or answer to a framework (or one principle of it).

    Attributes:
        endorser: the body's name as it is usually written (``Illinois Municipal League``).
        endorser_kind: what sort of body it is.
        relation: how it stands to the target.
        target: the framework id, or a principle id when a single principle is meant.
        citation: where the endorsement is recorded.
        date: when, as an ISO date, possibly reduced; None when the date was not checked (say so in notes).
        via: the framework or principle of the catalog in which the endorser makes the statement, if any
            (ILACP/NAACP principle 4 endorses the Task Force's pillars; #8toAbolition answers 8 Can't Wait).
        notes: editorial notes: exact wording, uncertain dates, naming hazards.

    Example:
        >>> from policeframeworks import load_catalog
        >>> e = load_catalog().endorsements_of("ilacp-naacp-2018")[0]
        >>> e.endorser, e.relation.value, e.date
        ('Illinois Municipal League', 'endorsed', '2020-06-16')
    """

    endorser: str
    endorser_kind: EndorserKind = attrs.field(converter=_to_kind)
    relation: Relation = attrs.field(converter=_to_relation)
    target: str
    date: str | None = None
    via: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    citation: Citation

    def __attrs_post_init__(self) -> None:
        problems = [
            p
            for p in (
                nonempty("endorser", self.endorser),
                enum_problem("endorser_kind", self.endorser_kind, EndorserKind),
                enum_problem("relation", self.relation, Relation),
                _ref_problem("target", self.target),
            )
            if p
        ]
        problems += [p for p in [date_problem("date", self.date, required=False)] if p]
        if self.via is not None:
            problem = _ref_problem("via", self.via)
            if problem:
                problems.append(problem)
            elif isinstance(self.target, str) and framework_id_of(self.via) == framework_id_of(self.target):
                problems.append(
                    Problem(
                        "via", f"{self.via!r} is in the target's own framework; 'via' names the other side"
                    )
                )
        problems += string_tuple_problems("notes", self.notes, unique=False)
        if not isinstance(self.citation, Citation):
            problems.append(Problem("citation", "expected a Citation", code="type"))
        raise_problems(problems)

    @property
    def target_framework(self) -> str:
        """The id of the framework the target is or belongs to."""
        return framework_id_of(self.target)


def _to_endorsements(value: Iterable[Endorsement]) -> tuple[Endorsement, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class EndorsementSet:
    """An endorsements file: a data version and a list of endorsements, in the file's order.

    Attributes:
        data_version: the version of this data file; bump on every edit.
        endorsements: the endorsements.

    Example:
        >>> from policeframeworks import io
        >>> s = io.from_dict({"data_version": "1", "endorsements": [{
        ...     "endorser": "Example City", "endorser_kind": "jurisdiction", "relation": "adopted",
        ...     "target": "8cantwait-2020",
        ...     "citation": {"publisher": "X", "title": "Y", "url": "https://example.org"}}]},
        ...     EndorsementSet)
        >>> s.endorsements[0].endorser
        'Example City'
    """

    data_version: str
    endorsements: tuple[Endorsement, ...] = attrs.field(converter=_to_endorsements)

    def __attrs_post_init__(self) -> None:
        problems = [p for p in [nonempty("data_version", self.data_version)] if p]
        if not isinstance(self.endorsements, tuple):
            problems.append(Problem("endorsements", "expected a list of endorsements", code="type"))
        else:
            problems += [
                Problem(f"endorsements[{i}]", "expected an Endorsement", code="type")
                for i, e in enumerate(self.endorsements)
                if not isinstance(e, Endorsement)
            ]
        raise_problems(problems)
