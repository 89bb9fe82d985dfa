"""Histories of assessments: the latest per jurisdiction, what changed between two, timelines.

Example:
    >>> from policeframeworks import load_seed_assessments, latest
    >>> [str(a.jurisdiction) for a in latest(load_seed_assessments())]
    ['Kankakee, IL']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import attrs

from ._assessment import Assessment
from ._finding import Status
from ._jurisdiction import Jurisdiction
from ._model import Framework
from ._summary import framework_for, one_framework
from .exceptions import Problem, ValidationError

__all__ = ["AssessmentDiff", "Change", "Timeline", "date_key", "diff_assessments", "latest", "timeline"]


def latest(assessments: Iterable[Assessment], *, as_of: str | None = None) -> tuple[Assessment, ...]:
    """The most recent assessment of each jurisdiction and framework (on or before ``as_of`` if given).

    Order follows each jurisdiction's first appearance. Two assessments of one jurisdiction on its latest
    date (two assessors) are an error: pick one, or compare them with :func:`agreement`.

    Example:
        >>> import attrs
        >>> from policeframeworks import load_seed_assessments
        >>> from policeframeworks import latest
        >>> k = load_seed_assessments()[0]
        >>> later = attrs.evolve(k, as_of="2021")
        >>> latest([k, later]) == (later,)
        True
        >>> latest([k, later], as_of="2020-12") == (k,)
        True
    """
    best: dict[tuple[Any, ...], list[Assessment]] = {}
    for a in assessments:
        if as_of is not None and date_key(a.as_of) > date_key(as_of):
            continue
        key = (a.jurisdiction.key, a.framework_id)
        held = best.get(key)
        if held is None or date_key(a.as_of) > date_key(held[0].as_of):
            best[key] = [a]
        elif date_key(a.as_of) == date_key(held[0].as_of):
            held.append(a)
    problems = [
        Problem(
            str(group[0].jurisdiction),
            f"{len(group)} assessments of {group[0].framework_id} on {group[0].as_of} "
            f"(by {', '.join(a.assessor for a in group)}); keep one",
        )
        for group in best.values()
        if len(group) > 1
    ]
    if problems:
        raise ValidationError(problems)
    return tuple(group[0] for group in best.values())


def date_key(date: str) -> tuple[int, ...]:
    """A reduced ISO date sorts as its first day (``2020`` before ``2020-01-02``, equal to ``2020-01``)."""
    parts = [int(p) for p in date.split("-")]
    return tuple(parts + [1] * (3 - len(parts)))


@attrs.frozen(kw_only=True)
class Change:
    """One principle whose status changed between two assessments.

    Example:
        >>> str(Change(principle_id="a:x", before="unknown", after="adopted"))
        'a:x: unknown -> adopted'
    """

    principle_id: str
    before: Status = attrs.field(converter=Status)
    after: Status = attrs.field(converter=Status)

    def __str__(self) -> str:
        return f"{self.principle_id}: {self.before} -> {self.after}"


@attrs.frozen(kw_only=True)
class AssessmentDiff:
    """What changed for one jurisdiction and framework between two assessments.

    Attributes:
        jurisdiction: the jurisdiction (as in the later assessment).
        framework_id: the framework.
        before: the earlier assessment.
        after: the later assessment.
        changes: principles whose status differs, in framework order.
    """

    jurisdiction: Jurisdiction
    framework_id: str
    before: Assessment
    after: Assessment
    changes: tuple[Change, ...]

    @property
    def newly_adopted(self) -> tuple[str, ...]:
        """Principles adopted after but not before."""
        return tuple(c.principle_id for c in self.changes if c.after is Status.ADOPTED)

    @property
    def no_longer_adopted(self) -> tuple[str, ...]:
        """Principles adopted before but not after."""
        return tuple(c.principle_id for c in self.changes if c.before is Status.ADOPTED)

    @property
    def reported_total_change(self) -> tuple[int | None, int | None] | None:
        """``(before, after)`` reported totals if they differ, else None."""
        pair = (self.before.reported_total, self.after.reported_total)
        return None if pair[0] == pair[1] else pair

    def __str__(self) -> str:
        head = f"{self.jurisdiction}, {self.framework_id}: {self.before.as_of} -> {self.after.as_of}"
        lines = [head, *(f"  {c}" for c in self.changes)]
        if self.reported_total_change is not None:
            lines.append(f"  reported total: {self.before.reported_total} -> {self.after.reported_total}")
        if len(lines) == 1:
            lines.append("  no change")
        return "\n".join(lines)


def diff_assessments(
    before: Assessment, after: Assessment, *, framework: Framework | None = None
) -> AssessmentDiff:
    """What changed between two assessments of one jurisdiction and framework.

    Every principle of the framework is compared (a principle without a finding is ``unknown``).

    Example:
        >>> import attrs
        >>> from policeframeworks import Finding, load_seed_assessments
        >>> from policeframeworks import diff_assessments
        >>> k = load_seed_assessments()[0]
        >>> later = attrs.evolve(k, as_of="2021", reported_total=None, findings=k.findings + (
        ...     Finding(principle_id="8cantwait-2020:require-de-escalation", status="adopted"),))
        >>> print(diff_assessments(k, later))
        Kankakee, IL, 8cantwait-2020: 2020-06-15 -> 2021
          8cantwait-2020:require-de-escalation: unknown -> adopted
          reported total: 5 -> None

    Raises:
        ValidationError: the assessments are of different jurisdictions or frameworks.
    """
    problems = []
    if before.jurisdiction.key != after.jurisdiction.key:
        problems.append(Problem("jurisdiction", f"{before.jurisdiction} is not {after.jurisdiction}"))
    if before.framework_id != after.framework_id:
        problems.append(Problem("framework_id", f"{before.framework_id!r} is not {after.framework_id!r}"))
    if problems:
        raise ValidationError(problems)
    fw = framework_for(before.framework_id, framework)
    ids = list(fw.principle_ids)
    changes = tuple(
        Change(principle_id=pid, before=before.status_of(pid), after=after.status_of(pid))
        for pid in ids
        if before.status_of(pid) is not after.status_of(pid)
    )
    return AssessmentDiff(
        jurisdiction=after.jurisdiction,
        framework_id=fw.id,
        before=before,
        after=after,
        changes=changes,
    )


@attrs.frozen(kw_only=True)
class Timeline:
    """The assessments of one jurisdiction against one framework, oldest first.

    Attributes:
        jurisdiction: the jurisdiction (as in the latest assessment).
        framework_id: the framework.
        assessments: one per date, oldest first.

    Example:
        >>> import attrs
        >>> from policeframeworks import Finding, load_seed_assessments
        >>> from policeframeworks import timeline
        >>> k = load_seed_assessments()[0]
        >>> later = attrs.evolve(k, as_of="2021-03", reported_total=None,
        ...                      findings=k.findings + (Finding(
        ...                          principle_id="8cantwait-2020:require-de-escalation", status="adopted"),))
        >>> t = timeline([later, k])
        >>> t.dates
        ('2020-06-15', '2021-03')
        >>> t.at("2020-12-31") is k, t.at("2019") is None
        (True, True)
        >>> t.diff("2020-07", "2021-06").newly_adopted
        ('8cantwait-2020:require-de-escalation',)
    """

    jurisdiction: Jurisdiction
    framework_id: str
    assessments: tuple[Assessment, ...]

    @property
    def dates(self) -> tuple[str, ...]:
        """The dates assessed, oldest first."""
        return tuple(a.as_of for a in self.assessments)

    def at(self, date: str) -> Assessment | None:
        """The assessment in force on ``date``: the latest on or before it (None before the first)."""
        found = None
        for a in self.assessments:
            if date_key(a.as_of) <= date_key(date):
                found = a
        return found

    def diff(self, start: str, end: str, *, framework: Framework | None = None) -> AssessmentDiff:
        """What changed between the assessments in force on two dates.

        Raises:
            ValidationError: no assessment is in force on ``start``.
        """
        before, after = self.at(start), self.at(end)
        if before is None or after is None:
            missing = start if before is None else end
            raise ValidationError(
                [Problem("", f"no assessment of {self.jurisdiction} on or before {missing}")]
            )
        return diff_assessments(before, after, framework=framework)

    def changes(self, *, framework: Framework | None = None) -> tuple[AssessmentDiff, ...]:
        """The diff between each assessment and the next."""
        pairs = itertools.pairwise(self.assessments)
        return tuple(diff_assessments(a, b, framework=framework) for a, b in pairs)


def timeline(assessments: Iterable[Assessment]) -> Timeline:
    """Put the assessments of one jurisdiction and framework in date order.

    Jurisdictions are matched by :attr:`~policeframeworks.Jurisdiction.key` (``St Paul`` is ``St. Paul``).

    Raises:
        ValidationError: several jurisdictions or frameworks, none at all, or two assessments of one date.
    """
    items = sorted(assessments, key=lambda a: date_key(a.as_of))
    if not items:
        raise ValidationError([Problem("", "a timeline needs at least one assessment")])
    fw_id = one_framework(items, "a timeline")
    problems: list[Problem] = []
    keys = list(dict.fromkeys(a.jurisdiction.key for a in items))
    if len(keys) > 1:
        names = ", ".join(dict.fromkeys(str(a.jurisdiction) for a in items))
        problems.append(Problem("jurisdiction", f"a timeline is of one jurisdiction; got {names}"))
    for prev, a in itertools.pairwise(items):
        if date_key(prev.as_of) == date_key(a.as_of):
            problems.append(
                Problem(
                    "as_of",
                    f"two assessments on {a.as_of} (by {prev.assessor} and {a.assessor}); keep one, or "
                    "compare them with agreement()",
                )
            )
    if problems:
        raise ValidationError(problems)
    return Timeline(jurisdiction=items[-1].jurisdiction, framework_id=fw_id, assessments=tuple(items))
