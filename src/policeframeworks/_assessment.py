"""Assessments of jurisdictions against frameworks, and their honest scores (frozen attrs classes).

An :class:`Assessment` holds one jurisdiction's findings against one framework on one date by one assessor.
A principle without a finding is ``unknown``, and ``unknown`` never counts as ``not_adopted``: the score
gives bounds on adoption instead of a single number.

Example:
    >>> from policeframeworks import Assessment, Finding, Jurisdiction
    >>> a = Assessment(
    ...     jurisdiction=Jurisdiction(name="Springfield", state="IL", kind="city"),
    ...     framework_id="8cantwait-2020", as_of="2020-07-01", assessor="Example coder",
    ...     method="document-review",
    ...     findings=(Finding(principle_id="8cantwait-2020:duty-to-intervene", status="adopted"),
    ...               Finding(principle_id="8cantwait-2020:require-de-escalation", status="not_adopted")))
    >>> s = a.score()
    >>> (s.adopted, s.not_adopted, s.unknown, s.lower, s.upper)
    (1, 1, 6, 1, 7)
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Protocol

import attrs

from . import _convert
from ._ids import framework_id_of, is_framework_id, is_partial_date, is_principle_id
from ._model import (
    Framework,
    _enum_problem,
    _nonempty,
    _raise,
    _string_tuple_problems,
    _to_enum,
)
from ._relationship import Relationship
from ._states import STATES, state_code
from ._suggest import closest, first_or_none
from .exceptions import Problem, UnknownIdError, ValidationError

__all__ = [
    "Assessment",
    "AssessmentSet",
    "Derivation",
    "Evidence",
    "Finding",
    "Jurisdiction",
    "JurisdictionKind",
    "Method",
    "Score",
    "Status",
    "load_seed_assessments",
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


class JurisdictionKind(enum.StrEnum):
    """What sort of jurisdiction is assessed."""

    CITY = "city"
    COUNTY = "county"
    STATE = "state"
    AGENCY = "agency"


_STATUSES = tuple(Status)
_UNKNOWN = Status.UNKNOWN


def _to_status(value: Status | str) -> Status:
    return _to_enum(Status, value)


def _to_method(value: Method | str) -> Method:
    return _to_enum(Method, value)


def _to_kind(value: JurisdictionKind | str) -> JurisdictionKind:
    return _to_enum(JurisdictionKind, value)


def _to_relationship(value: Relationship | str) -> Relationship:
    return _to_enum(Relationship, value)


def _to_attributes(value: Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(value, MappingProxyType):
        return value
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _derivation_tuple(value: Iterable[Derivation]) -> tuple[Derivation, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _finding_tuple(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _optional_text(field: str, value: object) -> Problem | None:
    return None if value is None else _nonempty(field, value)


def _date_problem(field: str, value: object, *, required: bool) -> Problem | None:
    if value is None and not required:
        return None
    if not (isinstance(value, str) and is_partial_date(value)):
        return Problem(field, f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return None


_NAME_PUNCT = re.compile(r"[.,'\u2019`]")
_NAME_WORDS = {"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}


def name_key(name: str) -> str:
    """A jurisdiction name normalised for matching across files (the name itself is never changed).

    Case is ignored; full stops, commas and apostrophes are removed; hyphens count as spaces; runs of
    spaces collapse; and the words *saint*, *sainte*, *fort* and *mount* match their abbreviations
    *st*, *ste*, *ft* and *mt*.

    Example:
        >>> name_key("St. Paul") == name_key("St Paul") == name_key("Saint Paul") == name_key("ST  PAUL")
        True
        >>> name_key("Winston-Salem")
        'winston salem'
    """
    words = _NAME_PUNCT.sub("", name).replace("-", " ").casefold().split()
    return " ".join(_NAME_WORDS.get(w, w) for w in words)


_FIPS_RE = re.compile(r"\d{2}|\d{5}|\d{7}|\d{10}")
_ORI_RE = re.compile(r"[A-Z]{2}[A-Z0-9]{7}")


@attrs.frozen(kw_only=True)
class Jurisdiction:
    """A city, county, state or agency.

    Attributes:
        name: the name as given (never rewritten; :attr:`key` matches spelling variants).
        state: the USPS two-letter code of the state, district or territory (``"IL"``, ``"DC"``, ``"PR"``);
            None for a jurisdiction that is not in one.
        kind: city, county, state or agency.
        fips: the FIPS code where known (2, 5, 7 or 10 digits, kept as text so leading zeros stay).
        ori: the FBI originating agency identifier where known (9 characters, e.g. ``"ILxxxxxxx"``).
        attributes: other facts carried along (spreadsheet columns that map to no principle), by name.
            Values are non-empty text.

    Example:
        >>> j = Jurisdiction(name="St. Paul", state="MN", kind="city", attributes={"population": "311527"})
        >>> j.key == Jurisdiction(name="St Paul", state="MN", kind="city").key
        True
        >>> j.attributes["population"]
        '311527'
        >>> Jurisdiction(name="Austin", state="Texas", kind="town")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 2 problems:
          state: 'Texas' is not a two-letter state code (did you mean 'TX'?)
          kind: 'town' is not one of city, county, state, agency
    """

    name: str
    state: str | None = None
    kind: JurisdictionKind = attrs.field(converter=_to_kind)
    fips: str | None = None
    ori: str | None = None
    attributes: Mapping[str, str] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_to_attributes, hash=False
    )
    _key: tuple[str, str | None, str] = attrs.field(init=False, eq=False, repr=False, alias="_key")

    def __attrs_post_init__(self) -> None:
        problems = [p for p in (_nonempty("name", self.name),) if p]
        if not problems and self.name != self.name.strip():
            problems.append(Problem("name", f"{self.name!r} has surrounding spaces"))
        if self.state is not None and self.state not in STATES:
            hint = state_code(self.state) if isinstance(self.state, str) else None
            problems.append(
                Problem("state", f"{self.state!r} is not a two-letter state code", suggestion=hint)
            )
        kind = _enum_problem("kind", self.kind, JurisdictionKind)
        if kind:
            problems.append(kind)
        if self.fips is not None and not (isinstance(self.fips, str) and _FIPS_RE.fullmatch(self.fips)):
            problems.append(Problem("fips", f"{self.fips!r} is not a FIPS code (2, 5, 7 or 10 digits)"))
        if self.ori is not None and not (isinstance(self.ori, str) and _ORI_RE.fullmatch(self.ori)):
            problems.append(
                Problem("ori", f"{self.ori!r} is not an ORI (9 characters: state letters, then 7)")
            )
        if not isinstance(self.attributes, (MappingProxyType, Mapping)):
            problems.append(Problem("attributes", "expected a table of names to text"))
        else:
            for key, value in self.attributes.items():
                if not (isinstance(key, str) and key.strip() and key == key.strip()):
                    problems.append(Problem("attributes", f"{key!r} is not a usable attribute name"))
                elif not (isinstance(value, str) and value.strip() and value == value.strip()):
                    problems.append(
                        Problem(
                            f"attributes.{key}",
                            f"{value!r}: expected non-empty text without surrounding spaces",
                        )
                    )
        _raise(problems)
        object.__setattr__(self, "_key", (name_key(self.name), self.state, str(self.kind)))

    @property
    def key(self) -> tuple[str, str | None, str]:
        """The jurisdiction's identity across files, as ``(normalised name, state, kind)``.

        The name is normalised for matching only: case, full stops, commas, apostrophes and hyphens are
        ignored, and *Saint*, *Sainte*, *Fort* and *Mount* match *St*, *Ste*, *Ft* and *Mt*.
        """
        return self._key

    def __str__(self) -> str:
        return f"{self.name}, {self.state}" if self.state else self.name


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
                _nonempty("title", self.title),
                _optional_text("publisher", self.publisher),
                _optional_text("section", self.section),
                _optional_text("quote", self.quote),
                _date_problem("date", self.date, required=False),
                _date_problem("retrieved", self.retrieved, required=False),
            )
            if p
        ]
        if self.url is not None and not (
            isinstance(self.url, str) and self.url.startswith(("http://", "https://"))
        ):
            problems.append(Problem("url", f"{self.url!r} is not an http:// or https:// address"))
        _raise(problems)


def _padded(field: str, value: object) -> Problem | None:
    """A text with surrounding white space, which CSV cannot keep (its readers strip cells)."""
    if isinstance(value, str) and value != value.strip():
        return Problem(field, f"{value!r} has surrounding spaces; strip them")
    return None


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
            :meth:`Assessment.project`).

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
                Problem("source", f"{self.source!r} is neither a principle id nor a framework id")
            )
        if not (isinstance(self.target, str) and is_principle_id(self.target)):
            problems.append(Problem("target", f"{self.target!r} is not a principle id"))
        for p in (
            _enum_problem("relationship", self.relationship, Relationship),
            _enum_problem("source_status", self.source_status, Status),
        ):
            if p:
                problems.append(p)
        _raise(problems)

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
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence_tuple)
    note: str | None = None
    derived_from: tuple[Derivation, ...] = attrs.field(default=(), converter=_derivation_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not (isinstance(self.principle_id, str) and is_principle_id(self.principle_id)):
            problems.append(Problem("principle_id", f"{self.principle_id!r} is not a principle id"))
        p = _enum_problem("status", self.status, Status)
        if p:
            problems.append(p)
        if self.note is not None:
            problems += [q for q in [_nonempty("note", self.note)] if q]
        problems += _typed_tuple_problems("evidence", self.evidence, Evidence)
        problems += _typed_tuple_problems("derived_from", self.derived_from, Derivation)
        _raise(problems)


def _typed_tuple_problems(field: str, value: object, cls: type) -> list[Problem]:
    if not isinstance(value, tuple):
        return [Problem(field, f"expected a list of {cls.__name__}")]
    return [
        Problem(f"{field}[{i}]", f"expected {cls.__name__}, got {type(v).__name__}")
        for i, v in enumerate(value)
        if not isinstance(v, cls)
    ]


class _Scored:
    """What scoring needs to know about a framework: its scored (leaf) principles, in order."""

    __slots__ = ("all_ids", "framework", "framing", "leaf_ids", "leaf_set", "order")

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.leaf_ids = tuple(p.id for p in framework.leaves())
        self.leaf_set = frozenset(self.leaf_ids)
        ids = framework.principle_ids
        self.all_ids = frozenset(ids)
        self.order = {pid: i for i, pid in enumerate(ids)}
        self.framing = frozenset(p.id for top in framework.framing for p in top.walk())


_SCORED: dict[int, _Scored] = {}


def _scored(framework: Framework) -> _Scored:
    found = _SCORED.get(id(framework))
    if found is None or found.framework is not framework:
        found = _Scored(framework)
        if len(_SCORED) > 64:
            _SCORED.clear()
        _SCORED[id(framework)] = found
    return found


_BUNDLED: dict[str, Framework | None] = {}


def _bundled_framework(framework_id: str) -> Framework | None:
    """The bundled framework with this id, or None (looked up once per id)."""
    try:
        return _BUNDLED[framework_id]
    except KeyError:
        pass
    from ._catalog import load_catalog

    catalog = load_catalog()
    found = catalog.framework(framework_id) if framework_id in catalog.framework_ids else None
    if len(_BUNDLED) < 256:
        _BUNDLED[framework_id] = found
    return found


@attrs.frozen(kw_only=True)
class Score:
    """Counts and bounds on adoption for one assessment.

    Only a framework's leaves (principles without sub-provisions) are scored, so a provision and its own
    sub-provisions are never counted twice; findings on parent principles are kept but not counted.

    Bounds count principles:

    * ``lower`` is the number of principles certainly adopted: the adopted findings, or the reported total
      when the assessment has one (a reported total is a count of adopted principles, some of which may
      be unnamed). ``partial`` never counts in ``lower``.
    * ``upper`` is the most that could be adopted on the most generous reading: adopted + partial +
      unknown. With a reported total R the principles that are neither named adopted nor among the
      R are known not to be adopted, so ``upper`` is R + partial.

    Attributes:
        framework_id: the framework scored against.
        scored: how many principles are scored (the framework's leaves).
        applicable: scored principles not marked ``not_applicable``; fractions are of this.
        adopted: principles with an ``adopted`` finding (named).
        partial: principles with a ``partial`` finding.
        not_adopted: principles with a ``not_adopted`` finding.
        unknown: principles with an ``unknown`` finding or no finding at all.
        not_applicable: principles found not to apply.
        known: applicable principles with a finding other than ``unknown``.
        reported_total: the number of adopted principles the assessment reports without naming them all.
        lower: the lower bound on adopted principles.
        upper: the upper bound (adopted, partial, and unknown unless ruled out by a reported total).
        adopted_ids: the named adopted principles, in framework order (likewise for the other ``_ids``).

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> s = load_seed_assessments()[0].score()
        >>> (s.adopted, s.reported_total, s.unnamed_adopted, s.unknown, s.lower, s.upper)
        (1, 5, 4, 7, 5, 5)
    """

    framework_id: str
    scored: int
    applicable: int
    adopted: int
    partial: int
    not_adopted: int
    unknown: int
    not_applicable: int
    known: int
    reported_total: int | None
    lower: int
    upper: int
    adopted_ids: tuple[str, ...]
    partial_ids: tuple[str, ...]
    not_adopted_ids: tuple[str, ...]
    unknown_ids: tuple[str, ...]
    not_applicable_ids: tuple[str, ...]

    @property
    def unnamed_adopted(self) -> int:
        """How many adopted principles the reported total adds beyond the named ones (0 without one)."""
        return 0 if self.reported_total is None else self.reported_total - self.adopted

    @property
    def lower_fraction(self) -> float | None:
        """``lower`` as a fraction of the applicable principles (None when none applies)."""
        return self.lower / self.applicable if self.applicable else None

    @property
    def upper_fraction(self) -> float | None:
        """``upper`` as a fraction of the applicable principles (None when none applies)."""
        return self.upper / self.applicable if self.applicable else None

    @property
    def adopted_range(self) -> tuple[int, int]:
        """The least and the most principles that can be fully adopted (partial not counted).

        Example:
            >>> from policeframeworks import load_seed_assessments
            >>> load_seed_assessments()[0].score().adopted_range
            (5, 5)
        """
        most = self.adopted + self.unknown if self.reported_total is None else self.reported_total
        return (self.lower, most)

    def counts(self) -> dict[Status, int]:
        """The number of scored principles per status."""
        return {
            Status.ADOPTED: self.adopted,
            Status.PARTIAL: self.partial,
            Status.NOT_ADOPTED: self.not_adopted,
            Status.UNKNOWN: self.unknown,
            Status.NOT_APPLICABLE: self.not_applicable,
        }

    def explain(self) -> str:
        """The score in words.

        Example:
            >>> from policeframeworks import load_seed_assessments
            >>> print(load_seed_assessments()[0].score().explain())
            8cantwait-2020: 8 applicable principles.
            1 known adopted: 8cantwait-2020:duty-to-intervene.
            Reported total: 5 adopted; the other 4 are not named and are among the 7 unknown:
              8cantwait-2020:ban-chokeholds-and-strangleholds, 8cantwait-2020:require-de-escalation, ...
            Adopted: at least 5 of 8, at most 5 of 8.
        """
        lines = [f"{self.framework_id}: {self.applicable} applicable principles."]
        named = f": {', '.join(self.adopted_ids)}" if self.adopted_ids else ""
        lines.append(f"{self.adopted} known adopted{named}.")
        for word, ids in (
            ("partial", self.partial_ids),
            ("not adopted", self.not_adopted_ids),
            ("not applicable", self.not_applicable_ids),
        ):
            if ids:
                lines.append(f"{len(ids)} {word}: {', '.join(ids)}.")
        if self.reported_total is not None:
            lines.append(
                f"Reported total: {self.reported_total} adopted; the other {self.unnamed_adopted} are not "
                f"named and are among the {self.unknown} unknown:"
            )
            lines.append(f"  {', '.join(self.unknown_ids)}")
        elif self.unknown_ids:
            lines.append(f"{self.unknown} unknown: {', '.join(self.unknown_ids)}.")
        lines.append(
            f"Adopted: at least {self.lower} of {self.applicable}, at most {self.upper} of {self.applicable}."
        )
        return "\n".join(lines)


class _Related(Protocol):
    """What projection needs of a crosswalk: ``related(principle_id)`` read from that principle's side."""

    def related(self, principle_id: str, *, relationships: Any = None) -> tuple[Any, ...]: ...


def _rollup(statuses: Iterable[Status]) -> Status:
    """The status a parent (or a whole framework) has from its leaves' statuses (see ``project``)."""
    found = [s for s in statuses if s is not Status.NOT_APPLICABLE]
    if not found:
        return Status.NOT_APPLICABLE
    if all(s is Status.ADOPTED for s in found):
        return Status.ADOPTED
    if any(s in (Status.ADOPTED, Status.PARTIAL) for s in found):
        return Status.PARTIAL
    if all(s is Status.NOT_ADOPTED for s in found):
        return Status.NOT_ADOPTED
    return Status.UNKNOWN


@attrs.frozen(kw_only=True)
class Assessment:
    """One jurisdiction against one framework, on one date, by one assessor.

    Attributes:
        jurisdiction: who is assessed.
        framework_id: the framework assessed against.
        as_of: the date the findings describe (ISO, possibly reduced).
        assessor: who made the assessment (a person, a team, or the jurisdiction itself).
        method: document-review, self-report, survey or derived.
        findings: at most one per principle, only principles of the framework (not its framing
            statements). A principle without a finding is ``unknown``. Their order is kept but does not
            matter for equality.
        reported_total: the number of principles reported adopted where the source does not say which
            ("aligned with five of the eight"); it must be at least the adopted findings and at most the
            adopted plus unknown principles.
        evidence: what the assessment as a whole rests on (e.g. the statement of a reported total).
        notes: the assessor's notes.

    An assessment of a bundled framework is checked against it when built; for other frameworks, pass
    the framework to :meth:`check` or :meth:`score`.

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> kankakee = load_seed_assessments()[0]
        >>> str(kankakee.jurisdiction), kankakee.as_of, kankakee.reported_total
        ('Kankakee, IL', '2020-06-15', 5)
        >>> kankakee.status_of("8cantwait-2020:require-de-escalation")
        <Status.UNKNOWN: 'unknown'>
        >>> import attrs
        >>> attrs.evolve(kankakee, reported_total=9)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          reported_total: 9 adopted reported, but only 8 principles apply
    """

    jurisdiction: Jurisdiction
    framework_id: str
    as_of: str
    assessor: str
    method: Method = attrs.field(converter=_to_method)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_finding_tuple, eq=frozenset)
    reported_total: int | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    _by_principle: dict[str, Finding] = attrs.field(init=False, eq=False, repr=False, alias="_by_principle")

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.jurisdiction, Jurisdiction):
            problems.append(Problem("jurisdiction", "expected a Jurisdiction"))
        fw_ok = isinstance(self.framework_id, str) and is_framework_id(self.framework_id)
        if not fw_ok:
            problems.append(Problem("framework_id", f"{self.framework_id!r} is not a framework id"))
        for p in (
            _date_problem("as_of", self.as_of, required=True),
            _nonempty("assessor", self.assessor) or _padded("assessor", self.assessor),
            _enum_problem("method", self.method, Method),
        ):
            if p:
                problems.append(p)
        rt = self.reported_total
        if rt is not None and (type(rt) is not int or rt < 0):
            problems.append(Problem("reported_total", f"{rt!r} is not a whole number of principles"))
        problems += _typed_tuple_problems("evidence", self.evidence, Evidence)
        problems += _string_tuple_problems("notes", self.notes, unique=False)
        by_principle: dict[str, Finding] = {}
        if not isinstance(self.findings, tuple):
            problems.append(Problem("findings", "expected a list of findings"))
        else:
            for i, f in enumerate(self.findings):
                if not isinstance(f, Finding):
                    problems.append(Problem(f"findings[{i}]", f"expected Finding, got {type(f).__name__}"))
                elif f.principle_id in by_principle:
                    problems.append(
                        Problem(f"findings[{i}].principle_id", f"a second finding for {f.principle_id!r}")
                    )
                else:
                    by_principle[f.principle_id] = f
                    if fw_ok and framework_id_of(f.principle_id) != self.framework_id:
                        problems.append(
                            Problem(
                                f"findings[{i}].principle_id",
                                f"{f.principle_id!r} is not a principle of {self.framework_id!r}",
                            )
                        )
        object.__setattr__(self, "_by_principle", by_principle)
        if not problems and fw_ok:
            framework = _bundled_framework(self.framework_id)
            if framework is not None:
                problems += self._framework_problems(framework)
        _raise(problems)

    def _framework_problems(self, framework: Framework) -> list[Problem]:
        sc = _scored(framework)
        problems: list[Problem] = []
        if framework.id != self.framework_id:
            return [Problem("framework_id", f"assessment of {self.framework_id!r}, not of {framework.id!r}")]
        for i, f in enumerate(self.findings):
            if f.principle_id in sc.framing:
                problems.append(
                    Problem(
                        f"findings[{i}].principle_id",
                        f"{f.principle_id!r} is a framing statement of {framework.id!r}, not a principle",
                    )
                )
            elif f.principle_id not in sc.all_ids:
                problems.append(
                    Problem(
                        f"findings[{i}].principle_id",
                        f"{f.principle_id!r} is not a principle of {framework.id!r}",
                        suggestion=first_or_none(f.principle_id, sc.all_ids),
                    )
                )
        if self.reported_total is not None and not problems:
            counts = self._tally(sc)
            applicable = len(sc.leaf_ids) - len(counts[Status.NOT_APPLICABLE])
            adopted = len(counts[Status.ADOPTED])
            unknown = len(counts[Status.UNKNOWN])
            rt = self.reported_total
            if rt > applicable:
                problems.append(
                    Problem(
                        "reported_total", f"{rt} adopted reported, but only {applicable} principles apply"
                    )
                )
            elif rt < adopted:
                problems.append(
                    Problem("reported_total", f"{rt} adopted reported, but {adopted} findings say adopted")
                )
            elif rt > adopted + unknown:
                problems.append(
                    Problem(
                        "reported_total",
                        f"{rt} adopted reported, but only {adopted} adopted and {unknown} unknown principles "
                        "could be adopted (the rest are found partial, not adopted or not applicable)",
                    )
                )
        return problems

    def _tally(self, sc: _Scored) -> dict[Status, list[str]]:
        out: dict[Status, list[str]] = {s: [] for s in _STATUSES}
        get = self._by_principle.get
        unknown = out[_UNKNOWN]
        for pid in sc.leaf_ids:
            f = get(pid)
            if f is None:
                unknown.append(pid)
            else:
                out[f.status].append(pid)
        return out

    def _framework(self, framework: Framework | None) -> Framework:
        if framework is not None:
            return framework
        found = _bundled_framework(self.framework_id)
        if found is None:
            from ._catalog import load_catalog

            raise UnknownIdError(
                self.framework_id,
                kind="framework",
                suggestions=closest(self.framework_id, load_catalog().framework_ids),
            )
        return found

    def check(self, framework: Framework) -> None:
        """Check the findings and reported total against ``framework``.

        Raises:
            ValidationError: principles not in the framework (with did-you-mean), framing statements,
                or a reported total that contradicts the findings.
        """
        _raise(self._framework_problems(framework))

    def finding(self, principle_id: str) -> Finding | None:
        """The finding for a principle, or None."""
        return self._by_principle.get(principle_id)

    def status_of(self, principle_id: str) -> Status:
        """The status of a principle: its finding's, or ``unknown`` without one."""
        f = self._by_principle.get(principle_id)
        return _UNKNOWN if f is None else f.status

    def score(self, framework: Framework | None = None) -> Score:
        """Counts per status and bounds on adoption (see :class:`Score`).

        Args:
            framework: the framework assessed against; by default the bundled one with ``framework_id``.

        Raises:
            UnknownIdError: no framework given and ``framework_id`` is not bundled.
            ValidationError: the assessment does not fit the given framework.
        """
        fw = self._framework(framework)
        if framework is not None:
            self.check(fw)
        sc = _scored(fw)
        t = self._tally(sc)
        adopted = len(t[Status.ADOPTED])
        partial = len(t[Status.PARTIAL])
        unknown = len(t[Status.UNKNOWN])
        na = len(t[Status.NOT_APPLICABLE])
        rt = self.reported_total
        if rt is None:
            lower, upper = adopted, adopted + partial + unknown
        else:
            lower, upper = rt, rt + partial
        return Score(
            framework_id=fw.id,
            scored=len(sc.leaf_ids),
            applicable=len(sc.leaf_ids) - na,
            adopted=adopted,
            partial=partial,
            not_adopted=len(t[Status.NOT_ADOPTED]),
            unknown=unknown,
            not_applicable=na,
            known=len(sc.leaf_ids) - na - unknown,
            reported_total=rt,
            lower=lower,
            upper=upper,
            adopted_ids=tuple(t[Status.ADOPTED]),
            partial_ids=tuple(t[Status.PARTIAL]),
            not_adopted_ids=tuple(t[Status.NOT_ADOPTED]),
            unknown_ids=tuple(t[Status.UNKNOWN]),
            not_applicable_ids=tuple(t[Status.NOT_APPLICABLE]),
        )

    def project(self, onto_framework_id: str, crosswalk: _Related) -> Assessment:
        """This assessment seen through a crosswalk as an assessment of another framework.

        With a :class:`~policeframeworks.Crosswalk` (anything with ``coverage(source, target)`` and a
        ``catalog``), the mappings bearing on each **leaf** of the target are exactly those coverage uses
        (:meth:`CoverageReport.explain <policeframeworks.CoverageReport.explain>`): mappings on the leaf,
        an ancestor or the whole target framework, from a principle of the assessed framework at any depth
        or from the assessed framework as a whole, ``opposing`` ones left out. A parent principle's status
        is its own finding, or else what its leaves add up to, and the whole framework's is what all its
        leaves add up to: ``adopted`` when every applicable leaf is, ``partial`` when some are adopted or
        partial, ``not_adopted`` when every applicable leaf is not adopted, ``not_applicable`` when none
        applies, ``unknown`` otherwise. So projecting an assessment that adopts every principle gives
        ``adopted`` exactly on the leaves coverage calls covered and ``partial`` exactly on those it calls
        touched. A not-adopted source counts only through a mapping on the target leaf itself (an ``equal``
        to a parent says nothing certain against one of its leaves). With any other object that has only
        ``related(principle_id)``, only mappings between two principles are read, each on the principle it
        names.

        Rules (``../DESIGN.md``), for each target principle of ``onto_framework_id`` reached by a mapping
        from an assessed principle, the mapping read from the source's side:

        * ``adopted`` if an adopted source covers it (source ``equal`` to or a ``superset`` of the target);
        * ``partial`` if an adopted source only touches it (``subset`` or ``intersects``), or a partially
          adopted source covers it;
        * ``not_adopted`` only through ``equal`` to a not-adopted source;
        * ``unknown`` otherwise.

        Each projected finding lists in ``derived_from`` the mappings that gave its status (for an
        ``unknown`` one, every mapping considered). Targets no mapping reaches get no finding (so they
        are unknown). Only mappings to principles are used: mappings to a whole framework or to a framing
        statement are skipped, and so are ``opposing`` mappings (both speak to one subject with opposite
        demands, so adopting one says nothing in favour of the other). Sources with an ``unknown`` or
        ``not_applicable`` finding contribute nothing. The result has method ``derived``; a reported
        total is not carried over (which principles it counts is not known), and a note says so.
        Projecting onto the assessment's own framework returns the assessment unchanged.

        Args:
            onto_framework_id: the framework to project onto.
            crosswalk: an object with ``related(principle_id)`` returning mappings read from that
                principle's side (``m.source == principle_id``, ``m.target``, ``m.relationship``), such as
                ``load_catalog().crosswalk``.

        Example:
            >>> class Mapping:
            ...     def __init__(self, source, relationship, target):
            ...         self.source, self.relationship, self.target = source, relationship, target
            >>> class TinyCrosswalk:
            ...     def related(self, principle_id, *, relationships=None):
            ...         if principle_id == "8cantwait-2020:duty-to-intervene":
            ...             return (Mapping(principle_id, "equal",
            ...                             "uscm-2020:sanctity-of-life/duty-to-intervene"),)
            ...         return ()
            >>> from policeframeworks import load_seed_assessments
            >>> projected = load_seed_assessments()[0].project("uscm-2020", TinyCrosswalk())
            >>> [(f.principle_id, str(f.status)) for f in projected.findings]
            [('uscm-2020:sanctity-of-life/duty-to-intervene', 'adopted')]
            >>> str(projected.findings[0].derived_from[0])
            '8cantwait-2020:duty-to-intervene (adopted) equal uscm-2020:sanctity-of-life/duty-to-intervene'
        """
        if onto_framework_id == self.framework_id:
            return self
        target_fw = _bundled_framework(onto_framework_id)
        reached: dict[str, list[Derivation]] = {}
        if callable(getattr(crosswalk, "coverage", None)) and hasattr(crosswalk, "catalog"):
            target_fw = crosswalk.catalog.framework(onto_framework_id)
            reached = self._reached_by_coverage(onto_framework_id, crosswalk)
        else:
            reached = self._reached_by_related(onto_framework_id, crosswalk, target_fw)
        order = _scored(target_fw).order if target_fw else {}
        findings = []
        for target in sorted(reached, key=lambda t: (order.get(t, len(order)), t)):
            status, why = _project_one(reached[target])
            findings.append(Finding(principle_id=target, status=status, derived_from=tuple(why)))
        notes = [
            f"Projected from the {self.framework_id} assessment of {self.as_of} by {self.assessor} "
            f"({self.method}) through a crosswalk."
        ]
        if self.reported_total is not None:
            notes.append(
                f"The source reported {self.reported_total} adopted without naming all of them; only named "
                "findings are projected."
            )
        return Assessment(
            jurisdiction=self.jurisdiction,
            framework_id=onto_framework_id,
            as_of=self.as_of,
            assessor=self.assessor,
            method=Method.DERIVED,
            findings=tuple(findings),
            notes=tuple(notes),
        )

    def _reached_by_coverage(self, onto: str, crosswalk: Any) -> dict[str, list[Derivation]]:
        """Per target leaf, the derivations from the mappings coverage reads as bearing on it."""
        catalog = crosswalk.catalog
        source_fw = catalog.framework(self.framework_id)
        report = crosswalk.coverage(self.framework_id, onto)
        statuses: dict[str, Status] = {}

        def status_of(end: str) -> Status:
            found = statuses.get(end)
            if found is None:
                own = self._by_principle.get(end)
                if own is not None:
                    found = own.status
                elif end == source_fw.id:
                    found = _rollup(self.status_of(p.id) for p in source_fw.leaves())
                else:
                    p = catalog.principle(end)
                    leaves = [q.id for q in p.walk() if q.is_leaf]
                    found = _UNKNOWN if leaves == [end] else _rollup(self.status_of(q) for q in leaves)
                statuses[end] = found
            return found

        reached: dict[str, list[Derivation]] = {}
        for leaf in report.leaves:
            for m in report.explain(leaf).mappings:
                if not m.relationship.touches or m.opposing:
                    continue
                st = status_of(m.source)
                if st in (Status.UNKNOWN, Status.NOT_APPLICABLE):
                    continue
                if st is Status.NOT_ADOPTED and m.target != leaf:
                    continue  # equal to a parent says nothing certain against one of its leaves
                reached.setdefault(leaf, []).append(
                    Derivation(source=m.source, relationship=m.relationship, target=leaf, source_status=st)
                )
        return reached

    def _reached_by_related(
        self, onto_framework_id: str, crosswalk: _Related, target_fw: Framework | None
    ) -> dict[str, list[Derivation]]:
        """Per target principle, the derivations from the mappings ``related`` returns on each finding."""
        framing = _scored(target_fw).framing if target_fw is not None else None
        reached: dict[str, list[Derivation]] = {}
        for f in self.findings:
            if f.status in (Status.UNKNOWN, Status.NOT_APPLICABLE):
                continue
            for m in crosswalk.related(f.principle_id):
                target = str(m.target)
                if (
                    str(m.source) != f.principle_id
                    or not is_principle_id(target)
                    or framework_id_of(target) != onto_framework_id
                    or (framing is not None and target in framing)
                    or getattr(m, "opposing", False)
                ):
                    continue
                rel = Relationship(str(m.relationship))
                if rel is Relationship.NO_RELATIONSHIP:
                    continue
                reached.setdefault(target, []).append(
                    Derivation(source=f.principle_id, relationship=rel, target=target, source_status=f.status)
                )
        return reached


def _assessment_tuple(value: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class AssessmentSet:
    """A file of many assessments: ``{"assessments": [...]}``, each as in an assessment file, in order.

    What ``policeframeworks assess import`` writes, and what the ``assess`` commands read besides single
    assessment files. The assessments may be of several jurisdictions, frameworks, dates and assessors;
    nothing is merged or dropped.

    Attributes:
        assessments: the assessments, in the file's order.

    Example:
        >>> from policeframeworks import AssessmentSet, io, load_seed_assessments
        >>> s = AssessmentSet(assessments=load_seed_assessments())
        >>> list(io.to_dict(s)) == ["assessments"]
        True
        >>> io.from_dict(io.to_dict(s), AssessmentSet) == s
        True
        >>> io.from_dict({"assessments": [{"framework_id": "8cantwait-2020"}]}, AssessmentSet)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 4 problems:
          assessments[0].jurisdiction: required key missing
          assessments[0].as_of: required key missing
          assessments[0].assessor: required key missing
          assessments[0].method: required key missing
    """

    assessments: tuple[Assessment, ...] = attrs.field(converter=_assessment_tuple)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.assessments, tuple):
            _raise([Problem("assessments", "expected a list of assessments")])
        _raise(
            [
                Problem(f"assessments[{i}]", f"expected Assessment, got {type(a).__name__}")
                for i, a in enumerate(self.assessments)
                if not isinstance(a, Assessment)
            ]
        )

    def __len__(self) -> int:
        return len(self.assessments)


_COVERS = (Relationship.EQUAL, Relationship.SUPERSET)


def _project_one(ds: list[Derivation]) -> tuple[Status, list[Derivation]]:
    def pick(status: Status, rels: Iterable[Relationship]) -> list[Derivation]:
        wanted = set(rels)
        return [d for d in ds if d.source_status is status and d.relationship in wanted]

    covered = pick(Status.ADOPTED, _COVERS)
    if covered:
        return Status.ADOPTED, covered
    partial = pick(Status.ADOPTED, (Relationship.SUBSET, Relationship.INTERSECTS)) + pick(
        Status.PARTIAL, _COVERS
    )
    if partial:
        return Status.PARTIAL, partial
    denied = pick(Status.NOT_ADOPTED, (Relationship.EQUAL,))
    if denied:
        return Status.NOT_ADOPTED, denied
    return Status.UNKNOWN, list(ds)


@functools.cache
def load_seed_assessments() -> tuple[Assessment, ...]:
    """The bundled example assessments, read on first call and cached.

    The bundled seed is Kankakee, IL, 15 June 2020, against 8 Can't Wait: a self-report of alignment
    with "five of the eight" policies, of which only the duty to intervene is named.

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> [str(a.jurisdiction) for a in load_seed_assessments()]
        ['Kankakee, IL']
    """
    import tomllib
    from importlib import resources

    root = resources.files("policeframeworks.data")
    index = tomllib.loads(root.joinpath("catalog.toml").read_text(encoding="utf-8"))
    out: list[Assessment] = []
    problems: list[Problem] = []
    for name in index.get("assessments", []):
        file = f"policeframeworks/data/assessments/{name}.toml"
        data = tomllib.loads(root.joinpath("assessments", f"{name}.toml").read_text(encoding="utf-8"))
        try:
            out.append(_convert.from_builtins(data, Assessment, file=file))
        except ValidationError as exc:
            problems += exc.problems
    _raise(problems)
    return tuple(out)


for _enum_cls in (Status, Method, JurisdictionKind):
    _convert.register_enum(_enum_cls)
for _cls in (Jurisdiction, Evidence, Derivation, Finding, Score, Assessment, AssessmentSet):
    attrs.resolve_types(_cls)
