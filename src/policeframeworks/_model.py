"""The typed model of frameworks: a framework is an ordered tree of principles (frozen attrs classes, no I/O).

:class:`Citation` lives in :mod:`policeframeworks._citation` and :class:`Principle` (with :class:`Theme` and
:class:`Wording`) in :mod:`policeframeworks._principle`; they are re-exported here, where the package's
modules have always imported them from.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from ._citation import Citation
from ._ids import framework_id_of, is_framework_id, is_slug, parent_id_of
from ._principle import Principle, Theme, Wording, principle_tuple
from ._suggest import first_or_none
from ._validate import (
    date_problem,
    enum_problem,
    nonempty,
    raise_problems,
    str_tuple,
    string_tuple_problems,
    to_enum,
    unknown_id,
)
from .exceptions import Problem

__all__ = [
    "Citation",
    "Framework",
    "FrameworkKind",
    "Principle",
    "Theme",
    "Wording",
    "correspondence_problems",
]


class FrameworkKind(enum.StrEnum):
    """What sort of document a framework is."""

    PRINCIPLES = "principles"
    POLICY_CHECKLIST = "policy-checklist"
    PLEDGE = "pledge"
    PILLARS = "pillars"
    PLATFORM = "platform"


def _to_kind(value: FrameworkKind | str) -> FrameworkKind:
    return to_enum(FrameworkKind, value)


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
    principles: tuple[Principle, ...] = attrs.field(converter=principle_tuple)
    framing: tuple[Principle, ...] = attrs.field(default=(), converter=principle_tuple)
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


def correspondence_problems(frameworks: Iterable[Framework], by_id: Mapping[str, Framework]) -> list[Problem]:
    """Problems of declared correspondences across frameworks (a catalog's check).

    A ``corresponds_to`` that names a version among ``by_id`` must name a principle of it, and both
    frameworks must share a family; a version not among them is not checked.
    """
    problems: list[Problem] = []
    for i, fw in enumerate(frameworks):
        for p in fw.iter_principles():
            for j, other in enumerate(p.corresponds_to):
                where = f"frameworks[{i}] ({fw.id}): {p.id}: corresponds_to[{j}]"
                version = by_id.get(framework_id_of(other))
                if version is None:
                    continue
                if version.family != fw.family:
                    problems.append(
                        Problem(
                            where,
                            f"{other!r} is in {version.id!r} of family {version.family!r}, "
                            f"not this framework's family {fw.family!r}",
                        )
                    )
                elif other not in version:
                    problems.append(
                        Problem(
                            where,
                            f"{version.id!r} has no principle {other!r}",
                            suggestion=first_or_none(other, list(version.principle_ids)),
                            code="unknown_id",
                        )
                    )
    return problems
