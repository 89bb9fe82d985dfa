"""Findings and what they rest on: statuses, evidence, derivations (frozen attrs classes, no I/O)."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._ids import is_framework_id, is_principle_id
from ._relationship import Relationship
from ._validate import date_problem, enum_problem, nonempty, raise_problems, to_enum, typed_tuple_problems
from .exceptions import Problem

__all__ = [
    "STATUSES",
    "Derivation",
    "Evidence",
    "Finding",
    "Method",
    "Status",
    "evidence_tuple",
    "finding_tuple",
    "to_method",
]


class Status(enum.StrEnum):
    """The status of one principle in one assessment.

    ``unknown`` means "not assessed or not said"; it never counts as ``not_adopted``.
    ``not_applicable`` takes the principle out of the count of applicable principles.
    """

    ADOPTED = "adopted"
    PARTIAL = "partial"
    NOT_ADOPTED = "not_adopted"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Method(enum.StrEnum):
    """How an assessment was made. ``derived``: projected from another assessment through a crosswalk."""

    DOCUMENT_REVIEW = "document-review"
    SELF_REPORT = "self-report"
    SURVEY = "survey"
    DERIVED = "derived"


#: Every status, in the order of :class:`Status`.
STATUSES = tuple(Status)


def _to_status(value: Status | str) -> Status:
    return to_enum(Status, value)


def to_method(value: Method | str) -> Method:
    return to_enum(Method, value)


def _to_relationship(value: Relationship | str) -> Relationship:
    return to_enum(Relationship, value)


def evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _derivation_tuple(value: Iterable[Derivation]) -> tuple[Derivation, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def finding_tuple(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _optional_text(field: str, value: object) -> Problem | None:
    return None if value is None else nonempty(field, value)


@attrs.frozen(kw_only=True)
class Evidence:
    """What a finding rests on.

    Attributes:
        title: the document's title.
        url: where it is (``http(s)://``), if online.
        publisher: who published it.
        date: the document's date (ISO, possibly reduced).
        section: section, page or paragraph.
        quote: the exact words relied on, copied from the document.
        retrieved: the date the document was read (ISO).

    Example:
        >>> Evidence(title="General Order 300", quote="Officers shall intervene.").quote
        'Officers shall intervene.'
    """

    title: str
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    section: str | None = None
    quote: str | None = None
    retrieved: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = [
            p
            for p in (
                nonempty("title", self.title),
                _optional_text("publisher", self.publisher),
                _optional_text("section", self.section),
                _optional_text("quote", self.quote),
                date_problem("date", self.date, required=False),
                date_problem("retrieved", self.retrieved, required=False),
            )
            if p
        ]
        if self.url is not None and not (
            isinstance(self.url, str) and self.url.startswith(("http://", "https://"))
        ):
            problems.append(Problem("url", f"{self.url!r} is not an http:// or https:// address"))
        raise_problems(problems)


@attrs.frozen(kw_only=True)
class Derivation:
    """One crosswalk mapping a projected finding came from, as read from the source principle's side.

    Attributes:
        source: the principle of the assessed framework (or the assessed framework as a whole).
        relationship: how the source relates to the target (``superset``: meeting the source meets the
            target).
        target: the principle of the framework projected onto.
        source_status: the source's status in the assessment projected (for a parent principle without a
            finding of its own, or the whole framework, the status its leaves add up to; see
            :meth:`~policeframeworks.Assessment.project`).

    Example:
        >>> d = Derivation(source="a:x", relationship="superset", target="b:y", source_status="adopted")
        >>> str(d)
        'a:x (adopted) superset b:y'
    """

    source: str
    relationship: Relationship = attrs.field(converter=_to_relationship)
    target: str
    source_status: Status = attrs.field(converter=_to_status)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not (
            isinstance(self.source, str) and (is_principle_id(self.source) or is_framework_id(self.source))
        ):
            problems.append(
                Problem("source", f"{self.source!r} is neither a principle id nor a framework id", code="id")
            )
        if not (isinstance(self.target, str) and is_principle_id(self.target)):
            problems.append(Problem("target", f"{self.target!r} is not a principle id", code="id"))
        for p in (
            enum_problem("relationship", self.relationship, Relationship),
            enum_problem("source_status", self.source_status, Status),
        ):
            if p:
                problems.append(p)
        raise_problems(problems)

    def __str__(self) -> str:
        return f"{self.source} ({self.source_status}) {self.relationship} {self.target}"


@attrs.frozen(kw_only=True)
class Finding:
    """The status of one principle in an assessment, and what it rests on.

    Attributes:
        principle_id: a principle of the assessment's framework.
        status: adopted, partial, not_adopted, unknown or not_applicable.
        evidence: the documents the finding rests on.
        note: the assessor's note.
        derived_from: for a projected finding, the crosswalk mappings it came from.

    Example:
        >>> f = Finding(principle_id="8cantwait-2020:duty-to-intervene", status="adopted")
        >>> f.status is Status.ADOPTED
        True
    """

    principle_id: str
    status: Status = attrs.field(converter=_to_status)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=evidence_tuple)
    note: str | None = None
    derived_from: tuple[Derivation, ...] = attrs.field(default=(), converter=_derivation_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not (isinstance(self.principle_id, str) and is_principle_id(self.principle_id)):
            problems.append(
                Problem("principle_id", f"{self.principle_id!r} is not a principle id", code="id")
            )
        p = enum_problem("status", self.status, Status)
        if p:
            problems.append(p)
        if self.note is not None:
            problems += [q for q in [nonempty("note", self.note)] if q]
        problems += typed_tuple_problems("evidence", self.evidence, Evidence)
        problems += typed_tuple_problems("derived_from", self.derived_from, Derivation)
        raise_problems(problems)
