"""The typed model of frameworks: citations, principles and frameworks (frozen attrs classes, no I/O).

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
import functools
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs

from ._ids import (
    framework_id_of,
    is_framework_id,
    is_principle_id,
    is_slug,
    parent_id_of,
)
from ._validate import (
    as_tuple,
    date_problem,
    enum_problem,
    nonempty,
    raise_problems,
    string_tuple_problems,
    to_enum,
    unknown_id,
)
from .exceptions import Problem

__all__ = ["Citation", "Framework", "FrameworkKind", "Principle", "Theme", "Wording"]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class Wording(enum.StrEnum):
    """How a principle's text relates to its source.

    ``verbatim``: the whole provision, word for word. ``excerpt``: words from the source, shortened.
    ``paraphrase``: our words, not a quotation.
    """

    VERBATIM = "verbatim"
    EXCERPT = "excerpt"
    PARAPHRASE = "paraphrase"


class FrameworkKind(enum.StrEnum):
    """What sort of document a framework is."""

    PRINCIPLES = "principles"
    POLICY_CHECKLIST = "policy-checklist"
    PLEDGE = "pledge"
    PILLARS = "pillars"
    PLATFORM = "platform"


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


def _to_kind(value: FrameworkKind | str) -> FrameworkKind:
    return to_enum(FrameworkKind, value)


def _to_themes(value: Iterable[Theme | str]) -> tuple[Theme, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(to_enum(Theme, v) for v in value)
    return value  # type: ignore[return-value]


# Concrete converters for the fields: the attrs mypy plugin types ``__init__`` from a converter's argument,
# and cannot do so from a generic one, so users' type checkers would reject a plain tuple.
def str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def _principle_tuple(value: Iterable[Principle]) -> tuple[Principle, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Citation:
    """Where a statement comes from.

    Attributes:
        publisher: who published the source.
        title: the source's title.
        url: an ``http(s)://`` address.
        date: ISO date of the source, possibly reduced (``2020``, ``2020-06``).
        locator: section, page or paragraph within the source.

    Example:
        >>> Citation(publisher="PolicyLink", title="Beyond Confrontation",
        ...          url="http://www.policylink.org/resources-tools/tools/beyond-confrontation",
        ...          locator="principle 3").locator
        'principle 3'
    """

    publisher: str
    title: str
    url: str
    date: str | None = None
    locator: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = [
            p
            for p in (
                nonempty("publisher", self.publisher),
                nonempty("title", self.title),
                nonempty("url", self.url),
            )
            if p
        ]
        if (
            isinstance(self.url, str)
            and self.url.strip()
            and not self.url.startswith(("http://", "https://"))
        ):
            problems.append(Problem("url", f"{self.url!r} is not an http:// or https:// address"))
        problems += [p for p in [date_problem("date", self.date, required=False)] if p]
        if self.locator is not None:
            problems += [p for p in [nonempty("locator", self.locator)] if p]
        raise_problems(problems)


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
    children: tuple[Principle, ...] = attrs.field(default=(), converter=_principle_tuple)

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


@attrs.frozen(kw_only=True)
class Framework:
    """A published set of principles or policy demands, as an ordered tree of principles.

    Attributes:
        id: a lowercase slug, unique in a catalog (``uscm-2020``).
        family: a slug shared by versions of one framework.
        version: the version label.
        title: the full title as published.
        short_title: a short name for tables.
        publisher: who published it.
        date: ISO date, possibly reduced (``2020-06``).
        date_note: how ``date`` is known when it is not the document's own stated date: the framework is
            undated and the date is inferred, or the date is an attribution rather than the date of the
            text (``None``: the source states it).
        kind: what sort of document it is.
        data_version: the version of the data for this framework.
        citation: the source of the framework.
        principles: the top-level principles, in document order.
        framing: statements that frame the principles but are not provisions (USCM's reference to
            Peel's principles); addressable by id and mappable, never counted in coverage or scores.
        preamble: text before the principles; a template keeps its placeholders.
        placeholders: a template's placeholders exactly as printed.
        complete: False when only part of the framework is held; ``missing`` then says what.
        missing: what is missing from an incomplete framework.
        notes: editorial notes (disputed dates, naming hazards, what was not verified).
        by_id: every principle and framing statement by id, in document order (read-only, computed once).
        leaf_ids: the ids of :meth:`leaves` (the scored and counted principles), in document order.
        framing_ids: the ids of the framing statements and everything below them.

    Example:
        >>> src = Citation(publisher="X", title="Y", url="https://example.org")
        >>> p = Principle(id="ex:one", title="One", text="First.", wording="paraphrase",
        ...               themes=("training",), citation=src)
        >>> fw = Framework(id="ex", family="ex", version="1", title="Example", short_title="Ex",
        ...                publisher="X", date="2024", kind="principles", data_version="1",
        ...                citation=src, principles=(p,))
        >>> fw.principle("ex:one").title
        'One'
        >>> fw.principle("ex:two")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.UnknownIdError: unknown principle id 'ex:two' (did you mean 'ex:one'?)
    """

    id: str
    family: str
    version: str
    title: str
    short_title: str
    publisher: str
    date: str
    kind: FrameworkKind = attrs.field(converter=_to_kind)
    data_version: str
    citation: Citation
    principles: tuple[Principle, ...] = attrs.field(converter=_principle_tuple)
    framing: tuple[Principle, ...] = attrs.field(default=(), converter=_principle_tuple)
    preamble: str | None = None
    placeholders: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    complete: bool = True
    missing: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    date_note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not (isinstance(self.id, str) and is_framework_id(self.id)):
            problems.append(
                Problem(
                    "id",
                    f"{self.id!r} is not a framework id (a lowercase slug such as 'uscm-2020')",
                    code="id",
                )
            )
        if not (isinstance(self.family, str) and is_slug(self.family)):
            problems.append(Problem("family", f"{self.family!r} is not a lowercase slug", code="id"))
        problems += [
            p
            for p in (
                nonempty("version", self.version),
                nonempty("title", self.title),
                nonempty("short_title", self.short_title),
                nonempty("publisher", self.publisher),
                nonempty("data_version", self.data_version),
                enum_problem("kind", self.kind, FrameworkKind),
            )
            if p
        ]
        problems += [p for p in [date_problem("date", self.date, required=True)] if p]
        if self.date_note is not None and (blank := nonempty("date_note", self.date_note)) is not None:
            problems.append(blank)
        if not isinstance(self.citation, Citation):
            problems.append(Problem("citation", "expected a Citation", code="type"))
        if not isinstance(self.complete, bool):
            problems.append(
                Problem("complete", f"expected true or false, got {self.complete!r}", code="type")
            )
        elif not self.complete and self.missing is None:
            problems.append(
                Problem("missing", "an incomplete framework must say what is missing", code="missing")
            )
        elif not self.complete and (blank := nonempty("missing", self.missing)) is not None:
            problems.append(blank)
        elif self.complete and self.missing is not None:
            problems.append(
                Problem("missing", "only an incomplete framework (complete = false) has 'missing'")
            )
        index: dict[str, Principle] = {}
        declared: dict[str, str] = {}
        for group in ("principles", "framing"):
            tops = getattr(self, group)
            if not isinstance(tops, tuple):
                problems.append(Problem(group, "expected a list of principles", code="type"))
                continue
            if group == "principles" and not tops:
                problems.append(Problem(group, "a framework needs at least one principle", code="missing"))
            for i, top in enumerate(tops):
                if not isinstance(top, Principle):
                    problems.append(Problem(f"{group}[{i}]", "expected a Principle", code="type"))
                    continue
                if isinstance(self.id, str) and (
                    top.framework_id != self.id or parent_id_of(top.id) is not None
                ):
                    problems.append(
                        Problem(
                            f"{group}[{i}].id",
                            f"{top.id!r} must be '{self.id}:<slug>' (this framework's id, ':' and one slug)",
                        )
                    )
                for path, p in _walk_with_paths(top, f"{group}[{i}]"):
                    if p.id in index:
                        problems.append(Problem(f"{path}.id", f"duplicate id {p.id!r}", code="duplicate_id"))
                    else:
                        index[p.id] = p
                    for j, other in enumerate(p.corresponds_to):
                        if other in declared:
                            problems.append(
                                Problem(
                                    f"{path}.corresponds_to[{j}]",
                                    f"{other!r} is already declared as corresponding to {declared[other]!r}",
                                    code="duplicate_id",
                                )
                            )
                        else:
                            declared[other] = p.id
        problems += string_tuple_problems("placeholders", self.placeholders, unique=True)
        problems += string_tuple_problems("notes", self.notes, unique=False)
        if self.preamble is not None:
            problems += [p for p in [nonempty("preamble", self.preamble)] if p]
        if isinstance(self.placeholders, tuple):
            texts = [self.preamble or ""] + [p.text for p in index.values()]
            for i, ph in enumerate(self.placeholders):
                if isinstance(ph, str) and ph and not any(ph in t for t in texts):
                    problems.append(
                        Problem(
                            f"placeholders[{i}]",
                            f"{ph!r} occurs neither in the preamble nor in any principle",
                        )
                    )
        raise_problems(problems)

    @functools.cached_property
    def by_id(self) -> Mapping[str, Principle]:
        """Every principle and framing statement by id, in document order (read-only, computed once).

        Example:
            >>> from policeframeworks import load_catalog
            >>> fw = load_catalog().framework("8cantwait-2020")
            >>> fw.by_id["8cantwait-2020:duty-to-intervene"].title
            'Duty to Intervene'
        """
        return MappingProxyType({p.id: p for top in (*self.principles, *self.framing) for p in top.walk()})

    @functools.cached_property
    def leaf_ids(self) -> tuple[str, ...]:
        """The ids of :meth:`leaves` (the scored and counted principles), in document order."""
        return tuple(p.id for p in self.leaves())

    @functools.cached_property
    def framing_ids(self) -> frozenset[str]:
        """The ids of the framing statements and everything below them."""
        return frozenset(p.id for top in self.framing for p in top.walk())

    def iter_principles(self) -> Iterator[Principle]:
        """Every principle of the tree, depth first in document order (framing statements excluded).

        Example:
            >>> from policeframeworks import load_catalog
            >>> fw = load_catalog().framework("uscm-2020")
            >>> sum(1 for _ in fw.iter_principles()) > len(fw.principles)
            True
        """
        for top in self.principles:
            yield from top.walk()

    def leaves(self) -> tuple[Principle, ...]:
        """The principles without sub-provisions, in document order."""
        return tuple(p for p in self.iter_principles() if p.is_leaf)

    @property
    def principle_ids(self) -> tuple[str, ...]:
        """The ids of :meth:`iter_principles`, in the same order."""
        return tuple(p.id for p in self.iter_principles())

    def principle(self, principle_id: str) -> Principle:
        """The principle (or framing statement) with this id, at any depth.

        Raises:
            UnknownIdError: no such id in this framework; the closest ids are suggested.
        """
        try:
            return self.by_id[principle_id]
        except KeyError:
            raise unknown_id(principle_id, "principle", self.by_id) from None

    def __contains__(self, principle_id: object) -> bool:
        return principle_id in self.by_id

    def parent(self, principle_id: str) -> Principle | None:
        """The parent of a principle, or None for a top-level one."""
        self.principle(principle_id)
        parent = parent_id_of(principle_id)
        return None if parent is None else self.by_id[parent]


def _walk_with_paths(p: Principle, path: str) -> Iterator[tuple[str, Principle]]:
    yield path, p
    for i, child in enumerate(p.children):
        yield from _walk_with_paths(child, f"{path}.children[{i}]")


attrs.resolve_types(Principle)
