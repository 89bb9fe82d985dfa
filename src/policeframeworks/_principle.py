"""Principles: one provision of a framework and its sub-provisions, with their vocabularies (no I/O).

Every principle validates itself when built and raises one :class:`~policeframeworks.ValidationError` listing
every problem found, with the field's path:

Every class validates itself when built and raises one :class:`~policeframeworks.ValidationError` listing
every problem found, with the field's path:

    >>> from policeframeworks import Citation, Principle
    >>> src = Citation(publisher="Example City", title="Example", url="https://example.org")
    >>> Principle(id="example:Value Life", title="", text="t", wording="verbatum", themes=(),
    ...           citation=src)
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 4 problems:
      id: 'example:Value Life' is not a principle id (<framework-id>:<slug>[/<slug>...], lowercase)
      title: must not be empty
      wording: 'verbatum' is not one of verbatim, excerpt, paraphrase (did you mean 'verbatim'?)
      themes: a principle needs at least one theme
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

import attrs

from ._citation import Citation
from ._ids import framework_id_of, is_principle_id, parent_id_of
from ._validate import (
    as_tuple,
    enum_problem,
    nonempty,
    raise_problems,
    str_tuple,
    string_tuple_problems,
    to_enum,
)
from .exceptions import Problem

__all__ = ["Principle", "Theme", "Wording", "principle_tuple"]


class Wording(enum.StrEnum):
    """How a principle's text relates to its source.

    ``verbatim``: the whole provision, word for word. ``excerpt``: words from the source, shortened.
    ``paraphrase``: our words, not a quotation.
    """

    VERBATIM = "verbatim"
    EXCERPT = "excerpt"
    PARAPHRASE = "paraphrase"


class Theme(enum.StrEnum):
    """The controlled vocabulary of themes; every principle carries at least one."""

    USE_OF_FORCE = "use-of-force"
    DE_ESCALATION = "de-escalation"
    DUTY_TO_INTERVENE = "duty-to-intervene"
    ACCOUNTABILITY = "accountability"
    TRANSPARENCY = "transparency"
    OVERSIGHT = "oversight"
    DATA_AND_REPORTING = "data-and-reporting"
    TRAINING = "training"
    DIVERSITY = "diversity"
    COMMUNITY_ENGAGEMENT = "community-engagement"
    DEMILITARIZATION = "demilitarization"
    ALTERNATIVES_TO_POLICING = "alternatives-to-policing"
    EQUAL_TREATMENT = "equal-treatment"
    LABOR_CONTRACTS = "labor-contracts"
    TECHNOLOGY = "technology"
    DECRIMINALIZATION = "decriminalization"
    REINVESTMENT = "reinvestment"
    TRUST_AND_LEGITIMACY = "trust-and-legitimacy"
    SANCTITY_OF_LIFE = "sanctity-of-life"
    PROCEDURAL_JUSTICE = "procedural-justice"
    OFFICER_WELLNESS = "officer-wellness"
    CRIME_PREVENTION = "crime-prevention"
    PUBLIC_EDUCATION = "public-education"
    INDEPENDENT_INVESTIGATION = "independent-investigation"
    PRIVACY = "privacy"
    YOUTH = "youth"


def _to_wording(value: Wording | str) -> Wording:
    return to_enum(Wording, value)


def _to_themes(value: Iterable[Theme | str]) -> tuple[Theme, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(to_enum(Theme, v) for v in value)
    return value  # type: ignore[return-value]


# A concrete converter for the fields: the attrs mypy plugin types ``__init__`` from a converter's argument,
# and cannot do so from a generic one, so users' type checkers would reject a plain tuple.
def principle_tuple(value: Iterable[Principle]) -> tuple[Principle, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Principle:
    """One provision of a framework, possibly with sub-provisions.

    Attributes:
        id: ``<framework-id>:<slug>``; a child's id is its parent's id, ``/`` and its own slug.
        title: the title as printed (or a short label, said so in ``notes``).
        text: the wording; ``wording`` says whether it is verbatim, an excerpt or a paraphrase.
        wording: how ``text`` relates to the source.
        themes: at least one theme from :class:`Theme`.
        citation: where the wording comes from.
        number: the number or letter as printed in the source, if any.
        aliases: other names (short forms, spreadsheet column names).
        corresponds_to: ids of the same provision in other versions of this framework (frameworks of the
            same ``family``) whose slug differs from this one's, at most one per version. Versions match by
            slug without it; see :func:`policeframeworks.diff`.
        notes: editorial notes.
        children: sub-provisions in document order.

    Example:
        >>> src = Citation(publisher="X", title="Y", url="https://example.org")
        >>> child = Principle(id="ex:force/chokehold-ban", title="Chokehold ban", text="Ban chokeholds.",
        ...                   wording="paraphrase", themes=("use-of-force",), citation=src)
        >>> p = Principle(id="ex:force", title="Force", text="Limit force.", wording="paraphrase",
        ...               themes=("use-of-force",), citation=src, children=(child,))
        >>> [q.id for q in p.walk()]
        ['ex:force', 'ex:force/chokehold-ban']
        >>> p.wording is Wording.PARAPHRASE
        True
    """

    id: str
    title: str
    text: str
    wording: Wording = attrs.field(converter=_to_wording)
    themes: tuple[Theme, ...] = attrs.field(converter=_to_themes)
    citation: Citation
    number: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    corresponds_to: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    children: tuple[Principle, ...] = attrs.field(default=(), converter=principle_tuple)

    def __attrs_post_init__(self) -> None:
        raise_problems(self._problems())

    def _problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if not (isinstance(self.id, str) and is_principle_id(self.id)):
            problems.append(
                Problem(
                    "id",
                    f"{self.id!r} is not a principle id (<framework-id>:<slug>[/<slug>...], lowercase)",
                    code="id",
                )
            )
        problems += [
            p
            for p in (
                nonempty("title", self.title),
                nonempty("text", self.text),
                enum_problem("wording", self.wording, Wording),
            )
            if p
        ]
        if not isinstance(self.themes, tuple):
            problems.append(Problem("themes", "expected a list of themes", code="type"))
        elif not self.themes:
            problems.append(Problem("themes", "a principle needs at least one theme", code="missing"))
        else:
            seen: set[object] = set()
            for i, theme in enumerate(self.themes):
                problem = enum_problem(f"themes[{i}]", theme, Theme)
                if problem:
                    problems.append(problem)
                elif theme in seen:
                    problems.append(
                        Problem(f"themes[{i}]", f"theme {str(theme)!r} is listed twice", code="duplicate")
                    )
                seen.add(theme)
        if not isinstance(self.citation, Citation):
            problems.append(Problem("citation", "expected a Citation", code="type"))
        if self.number is not None:
            problems += [p for p in [nonempty("number", self.number)] if p]
        problems += string_tuple_problems("aliases", self.aliases, unique=True)
        problems += self._correspondence_problems()
        problems += string_tuple_problems("notes", self.notes, unique=False)
        if not isinstance(self.children, tuple):
            problems.append(Problem("children", "expected a list of principles", code="type"))
        else:
            for i, child in enumerate(self.children):
                if not isinstance(child, Principle):
                    problems.append(Problem(f"children[{i}]", "expected a Principle", code="type"))
                elif isinstance(self.id, str) and parent_id_of(child.id) != self.id:
                    problems.append(
                        Problem(
                            f"children[{i}].id",
                            f"{child.id!r} must be this principle's id and one more slug: '{self.id}/<slug>'",
                        )
                    )
        return problems

    def _correspondence_problems(self) -> list[Problem]:
        if not isinstance(self.corresponds_to, tuple):
            return [Problem("corresponds_to", "expected a list of principle ids", code="type")]
        problems: list[Problem] = []
        own = framework_id_of(self.id) if isinstance(self.id, str) else None
        seen: dict[str, str] = {}
        for i, other in enumerate(self.corresponds_to):
            path = f"corresponds_to[{i}]"
            if not (isinstance(other, str) and is_principle_id(other)):
                problems.append(
                    Problem(
                        path,
                        f"{other!r} is not a principle id (<framework-id>:<slug>[/<slug>...])",
                        code="id",
                    )
                )
                continue
            version = framework_id_of(other)
            if version == own:
                problems.append(
                    Problem(path, f"{other!r} is in this principle's own framework; name another version")
                )
            elif version in seen:
                problems.append(
                    Problem(
                        path,
                        f"{other!r} and {seen[version]!r} are both in {version!r}; "
                        "a principle corresponds to at most one principle per version",
                    )
                )
            else:
                seen[version] = other
        return problems

    def walk(self) -> Iterator[Principle]:
        """This principle, then its descendants, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def framework_id(self) -> str:
        """The id of the framework this principle belongs to (the part of its id before ``:``)."""
        return framework_id_of(self.id)

    @property
    def is_leaf(self) -> bool:
        """Whether the principle has no sub-provisions."""
        return not self.children


attrs.resolve_types(Principle)
