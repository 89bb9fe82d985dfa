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

import functools
import operator
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from ._catalog import bundled_framework, bundled_framework_or_none
from ._finding import Evidence, Finding, Method, Status, evidence_tuple, finding_tuple, to_method
from ._ids import framework_id_of, is_framework_id
from ._jurisdiction import Jurisdiction
from ._model import Framework
from ._project import Related, project_findings
from ._score import Score, score_index, tally
from ._suggest import first_or_none
from ._validate import (
    date_problem,
    enum_problem,
    nonempty,
    padded,
    raise_problems,
    str_tuple,
    string_tuple_problems,
    typed_tuple_problems,
)
from .exceptions import Problem

__all__ = ["Assessment", "AssessmentSet", "checked_parts_assessment"]


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
        by_principle: the findings by principle id (read-only, computed once).

    Building an assessment checks the assessment itself (ids, dates, one finding per principle) and reads
    no file: whether its principles belong to the framework is checked explicitly, by :meth:`check`, by
    :meth:`score` and by the readers that load assessments with a catalog.

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> kankakee = load_seed_assessments()[0]
        >>> str(kankakee.jurisdiction), kankakee.as_of, kankakee.reported_total
        ('Kankakee, IL', '2020-06-15', 5)
        >>> kankakee.status_of("8cantwait-2020:require-de-escalation")
        <Status.UNKNOWN: 'unknown'>
        >>> import attrs
        >>> from policeframeworks import load_catalog
        >>> attrs.evolve(kankakee, reported_total=9).check(load_catalog().framework("8cantwait-2020"))
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          reported_total: 9 adopted reported, but only 8 principles apply
    """

    jurisdiction: Jurisdiction
    framework_id: str
    as_of: str
    assessor: str
    method: Method = attrs.field(converter=to_method)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=finding_tuple, eq=frozenset)
    reported_total: int | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=evidence_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.jurisdiction, Jurisdiction):
            problems.append(Problem("jurisdiction", "expected a Jurisdiction", code="type"))
        fw_ok = isinstance(self.framework_id, str) and is_framework_id(self.framework_id)
        if not fw_ok:
            problems.append(
                Problem("framework_id", f"{self.framework_id!r} is not a framework id", code="id")
            )
        for p in (
            date_problem("as_of", self.as_of, required=True),
            nonempty("assessor", self.assessor) or padded("assessor", self.assessor),
            enum_problem("method", self.method, Method),
        ):
            if p:
                problems.append(p)
        rt = self.reported_total
        if rt is not None and (type(rt) is not int or rt < 0):
            problems.append(
                Problem("reported_total", f"{rt!r} is not a whole number of principles", code="type")
            )
        problems += typed_tuple_problems("evidence", self.evidence, Evidence)
        problems += string_tuple_problems("notes", self.notes, unique=False)
        by_principle: dict[str, Finding] = {}
        if not isinstance(self.findings, tuple):
            problems.append(Problem("findings", "expected a list of findings", code="type"))
        else:
            for i, f in enumerate(self.findings):
                if not isinstance(f, Finding):
                    problems.append(
                        Problem(f"findings[{i}]", f"expected Finding, got {type(f).__name__}", code="type")
                    )
                elif f.principle_id in by_principle:
                    problems.append(
                        Problem(
                            f"findings[{i}].principle_id",
                            f"a second finding for {f.principle_id!r}",
                            code="duplicate",
                        )
                    )
                else:
                    by_principle[f.principle_id] = f
                    if fw_ok and framework_id_of(f.principle_id) != self.framework_id:
                        problems.append(
                            Problem(
                                f"findings[{i}].principle_id",
                                f"{f.principle_id!r} is not a principle of {self.framework_id!r}",
                                code="unknown_id",
                            )
                        )
        raise_problems(problems)

    @functools.cached_property
    def by_principle(self) -> Mapping[str, Finding]:
        """The findings by principle id (read-only, computed once).

        Example:
            >>> from policeframeworks import load_seed_assessments
            >>> list(load_seed_assessments()[0].by_principle)
            ['8cantwait-2020:duty-to-intervene']
        """
        findings = self.findings
        return MappingProxyType(dict(zip(map(_principle_id, findings), findings, strict=True)))

    def _framework_problems(self, framework: Framework) -> list[Problem]:
        problems: list[Problem] = []
        if framework.id != self.framework_id:
            return [Problem("framework_id", f"assessment of {self.framework_id!r}, not of {framework.id!r}")]
        for i, f in enumerate(self.findings):
            if f.principle_id in framework.framing_ids:
                problems.append(
                    Problem(
                        f"findings[{i}].principle_id",
                        f"{f.principle_id!r} is a framing statement of {framework.id!r}, not a principle",
                    )
                )
            elif f.principle_id not in framework.by_id:
                problems.append(
                    Problem(
                        f"findings[{i}].principle_id",
                        f"{f.principle_id!r} is not a principle of {framework.id!r}",
                        suggestion=first_or_none(f.principle_id, framework.principle_ids),
                        code="unknown_id",
                    )
                )
        if self.reported_total is not None and not problems:
            counts = tally(self.by_principle, framework)
            applicable = len(framework.leaf_ids) - len(counts[Status.NOT_APPLICABLE])
            adopted = len(counts[Status.ADOPTED])
            unknown = len(counts[Status.UNKNOWN])
            rt = self.reported_total
            if rt > applicable:
                problems.append(
                    Problem(
                        "reported_total",
                        f"{rt} adopted reported, but only {applicable} principles apply",
                        code="conflict",
                    )
                )
            elif rt < adopted:
                problems.append(
                    Problem(
                        "reported_total",
                        f"{rt} adopted reported, but {adopted} findings say adopted",
                        code="conflict",
                    )
                )
            elif rt > adopted + unknown:
                problems.append(
                    Problem(
                        "reported_total",
                        f"{rt} adopted reported, but only {adopted} adopted and {unknown} unknown principles "
                        "could be adopted (the rest are found partial, not adopted or not applicable)",
                        code="unknown_id",
                    )
                )
        return problems

    def _framework(self, framework: Framework | None) -> Framework:
        """The framework given, or (the documented default) the bundled one with ``framework_id``."""
        if framework is not None:
            return framework
        return bundled_framework(self.framework_id)  # the convenience default reads the bundled catalog

    def check(self, framework: Framework) -> None:
        """Check the findings and reported total against ``framework``.

        Raises:
            ValidationError: principles not in the framework (with did-you-mean), framing statements,
                or a reported total that contradicts the findings.
        """
        if (
            self.reported_total is not None
            or self.framework_id != framework.id
            or not score_index(framework).principle_ids.issuperset(self.by_principle)
        ):  # the quick test passes only when the full one finds nothing
            raise_problems(self._framework_problems(framework))

    def finding(self, principle_id: str) -> Finding | None:
        """The finding for a principle, or None."""
        return self.by_principle.get(principle_id)

    def status_of(self, principle_id: str) -> Status:
        """The status of a principle: its finding's, or ``unknown`` without one."""
        f = self.by_principle.get(principle_id)
        return Status.UNKNOWN if f is None else f.status

    def score(self, framework: Framework | None = None) -> Score:
        """Counts per status and bounds on adoption (see :class:`Score`).

        Args:
            framework: the framework assessed against; by default the bundled one with ``framework_id``.

        Raises:
            UnknownIdError: no framework given and ``framework_id`` is not bundled.
            ValidationError: the assessment does not fit the framework (given or bundled).
        """
        fw = self._framework(framework)
        index = score_index(fw)
        rt = self.reported_total
        if self.framework_id == fw.id:
            found = index.checked_score(self.findings, rt)  # these findings were checked and scored before
            if found is not None:
                return found
        by_principle = self.by_principle
        if rt is not None or self.framework_id != fw.id or not index.principle_ids.issuperset(by_principle):
            raise_problems(self._framework_problems(fw))
        found = index.score(by_principle, rt)
        index.remember(self.findings, rt, found)
        return found

    def project(self, onto_framework_id: str, crosswalk: Related) -> Assessment:
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
        catalog = getattr(crosswalk, "catalog", None)
        if catalog is not None and onto_framework_id in catalog.framework_ids:
            target: Framework | None = catalog.framework(onto_framework_id)
        else:
            target = bundled_framework_or_none(onto_framework_id)  # the documented default: the bundled one
        findings, notes = project_findings(self, onto_framework_id, crosswalk, target)
        # With the target known, every part is already checked: this assessment's jurisdiction, date and
        # assessor, checked findings on distinct principles of the target, a known framework id, non-empty
        # notes; so the projection is built without checking them again.
        known = target is not None and target.id == onto_framework_id
        return (checked_parts_assessment if known else Assessment)(
            jurisdiction=self.jurisdiction,
            framework_id=onto_framework_id,
            as_of=self.as_of,
            assessor=self.assessor,
            method=Method.DERIVED,
            findings=findings,
            notes=notes,
        )


_new = object.__new__
_set = object.__setattr__
_principle_id = operator.attrgetter("principle_id")


def checked_parts_assessment(
    *,
    jurisdiction: Jurisdiction,
    framework_id: str,
    as_of: str,
    assessor: str,
    method: Method,
    findings: tuple[Finding, ...],
    reported_total: int | None = None,
    evidence: tuple[Evidence, ...] = (),
    notes: tuple[str, ...] = (),
) -> Assessment:
    """An :class:`Assessment` of parts the caller has already checked, built without checking them again.

    For the library's bulk paths only (projection, reading a table), where every part is known to be what
    ``Assessment(...)`` accepts: a built :class:`Jurisdiction`, a framework id, an ISO date, a stripped
    non-empty assessor, a :class:`Method` member, built findings on distinct principles of that framework,
    a whole number >= 0 or None, built evidence and non-empty notes, all as tuples. It then equals what
    ``Assessment(...)`` builds from the same parts (the tests check this field by field); it checks nothing
    against a framework either (:meth:`Assessment.check` does).
    """
    a = _new(Assessment)
    _set(a, "jurisdiction", jurisdiction)
    _set(a, "framework_id", framework_id)
    _set(a, "as_of", as_of)
    _set(a, "assessor", assessor)
    _set(a, "method", method)
    _set(a, "findings", findings)
    _set(a, "reported_total", reported_total)
    _set(a, "evidence", evidence)
    _set(a, "notes", notes)
    return a


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
            raise_problems([Problem("assessments", "expected a list of assessments", code="type")])
        raise_problems(
            [
                Problem(f"assessments[{i}]", f"expected Assessment, got {type(a).__name__}", code="type")
                for i, a in enumerate(self.assessments)
                if not isinstance(a, Assessment)
            ]
        )

    def __len__(self) -> int:
        return len(self.assessments)
