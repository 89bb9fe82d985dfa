"""Many assessments at once: adoption summaries, histories of one jurisdiction, differences.

Example:
    >>> from policeframeworks import Assessment, Finding, Jurisdiction, summarize
    >>> def city(name, *adopted):
    ...     return Assessment(jurisdiction=Jurisdiction(name=name, state="IL", kind="city"),
    ...                       framework_id="8cantwait-2020", as_of="2020", assessor="coder",
    ...                       method="document-review",
    ...                       findings=[Finding(principle_id=f"8cantwait-2020:{p}", status="adopted")
    ...                                 for p in adopted])
    >>> s = summarize([city("A", "duty-to-intervene"), city("B")])
    >>> s.principle("8cantwait-2020:duty-to-intervene").adopted
    1
    >>> dict(s.distribution_lower)
    {0: 1, 1: 1}
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from ._assessment import Assessment, Jurisdiction, Status, _bundled_framework, _scored
from ._model import Framework
from ._suggest import closest
from .exceptions import Problem, UnknownIdError, ValidationError

if TYPE_CHECKING:
    from ._grouped import GroupedSummary

__all__ = [
    "AdoptionSummary",
    "AssessmentDiff",
    "Change",
    "PrincipleCounts",
    "Timeline",
    "diff_assessments",
    "latest",
    "summarize",
    "timeline",
]


def _framework_for(framework_id: str, frameworks: Iterable[Framework] | Framework | None) -> Framework:
    given = [frameworks] if isinstance(frameworks, Framework) else list(frameworks or ())
    for fw in given:
        if fw.id == framework_id:
            return fw
    found = _bundled_framework(framework_id)
    if found is None:
        from ._catalog import load_catalog

        raise UnknownIdError(
            framework_id, kind="framework", suggestions=closest(framework_id, load_catalog().framework_ids)
        )
    return found


def _frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


def _one_framework(items: Sequence[Assessment], what: str) -> str:
    ids = list(dict.fromkeys(a.framework_id for a in items))
    if len(ids) != 1:
        message = f"{what} needs assessments of one framework; got " + (", ".join(ids) or "none")
        raise ValidationError([Problem("framework_id", message)])
    return ids[0]


# --- Aggregation ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PrincipleCounts:
    """How many assessments give each status to one principle.

    Example:
        >>> PrincipleCounts(principle_id="a:x", adopted=2, partial=0, not_adopted=1, unknown=3,
        ...                 not_applicable=0).total
        6
    """

    principle_id: str
    adopted: int
    partial: int
    not_adopted: int
    unknown: int
    not_applicable: int

    @property
    def total(self) -> int:
        """The number of assessments counted."""
        return self.adopted + self.partial + self.not_adopted + self.unknown + self.not_applicable


def _median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@attrs.frozen(kw_only=True)
class AdoptionSummary:
    """Adoption over many assessments of one framework (one assessment per jurisdiction).

    The number of principles a jurisdiction adopted is known exactly when no unknown principle could
    change it (or a reported total fixes it); otherwise it is a range, from the adopted ones to the adopted
    plus unknown ones. ``partial`` is not counted as adopted here (it is counted per principle).

    Attributes:
        framework_id: the framework.
        assessments: how many assessments are summarised.
        principles: per scored principle (the framework's leaves, in order), the counts per status.
            An unnamed adopted principle of a reported total stays ``unknown`` here.
        distribution: number adopted -> how many jurisdictions adopted exactly that many, over the
            jurisdictions whose number is known exactly.
        undetermined: how many jurisdictions' number adopted is a range (not in ``distribution``).
        distribution_lower: least number adopted -> jurisdictions, over all jurisdictions.
        distribution_upper: most number adopted -> jurisdictions, over all jurisdictions.
        unknown_findings: unknown principle-jurisdiction cells in all (missing or ``unknown``).
        all_adopted: jurisdictions that certainly adopted every applicable principle.
        none_adopted: jurisdictions that certainly adopted none.

    Example:
        >>> from policeframeworks import load_seed_assessments, summarize
        >>> s = summarize(load_seed_assessments())
        >>> dict(s.distribution), s.undetermined, s.mean, s.unknown_findings
        ({5: 1}, 0, 5.0, 7)
        >>> s.to_records()[4]
        {'principle_id': '8cantwait-2020:duty-to-intervene', 'adopted': 1, 'partial': 0, 'not_adopted': 0, \
'unknown': 0, 'not_applicable': 0}
    """

    framework_id: str
    assessments: int
    principles: tuple[PrincipleCounts, ...]
    distribution: Mapping[int, int] = attrs.field(converter=_frozen_map, hash=False)
    undetermined: int
    distribution_lower: Mapping[int, int] = attrs.field(converter=_frozen_map, hash=False)
    distribution_upper: Mapping[int, int] = attrs.field(converter=_frozen_map, hash=False)
    unknown_findings: int
    all_adopted: tuple[Jurisdiction, ...]
    none_adopted: tuple[Jurisdiction, ...]
    _lows: tuple[int, ...] = attrs.field(alias="_lows", repr=False)
    _highs: tuple[int, ...] = attrs.field(alias="_highs", repr=False)

    def principle(self, principle_id: str) -> PrincipleCounts:
        """The counts for one principle.

        Raises:
            UnknownIdError: the principle is not scored in this summary.
        """
        for p in self.principles:
            if p.principle_id == principle_id:
                return p
        ids = [p.principle_id for p in self.principles]
        raise UnknownIdError(principle_id, kind="principle", suggestions=closest(principle_id, ids))

    @property
    def mean_bounds(self) -> tuple[float, float] | None:
        """The least and most the mean number adopted can be (None without assessments)."""
        if not self._lows:
            return None
        n = len(self._lows)
        return (sum(self._lows) / n, sum(self._highs) / n)

    @property
    def median_bounds(self) -> tuple[float, float] | None:
        """The least and most the median number adopted can be (None without assessments)."""
        if not self._lows:
            return None
        return (_median(self._lows), _median(self._highs))

    @property
    def mean(self) -> float | None:
        """The mean number adopted, when every jurisdiction's number is known exactly; else None."""
        b = self.mean_bounds
        return b[0] if b is not None and not self.undetermined else None

    @property
    def median(self) -> float | None:
        """The median number adopted, when every jurisdiction's number is known exactly; else None."""
        b = self.median_bounds
        return b[0] if b is not None and not self.undetermined else None

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per principle (``pandas.DataFrame(records)`` and ``polars.DataFrame`` take it)."""
        return [
            {
                "principle_id": p.principle_id,
                "adopted": p.adopted,
                "partial": p.partial,
                "not_adopted": p.not_adopted,
                "unknown": p.unknown,
                "not_applicable": p.not_applicable,
            }
            for p in self.principles
        ]

    def distribution_records(self) -> list[dict[str, int]]:
        """One plain dict per number adopted: jurisdictions with exactly, at least and at most that number.

        Example:
            >>> from policeframeworks import load_seed_assessments, summarize
            >>> summarize(load_seed_assessments()).distribution_records()[5]
            {'adopted': 5, 'exactly': 1, 'lower': 1, 'upper': 1}
        """
        top = max([*self.distribution_upper, *self.distribution_lower, 0])
        top = max(top, len(self.principles))
        return [
            {
                "adopted": k,
                "exactly": self.distribution.get(k, 0),
                "lower": self.distribution_lower.get(k, 0),
                "upper": self.distribution_upper.get(k, 0),
            }
            for k in range(top + 1)
        ]


@overload
def summarize(
    assessments: Iterable[Assessment],
    *,
    framework: Framework | None = None,
    by: None = None,
    weights: None = None,
) -> AdoptionSummary: ...
@overload
def summarize(
    assessments: Iterable[Assessment],
    *,
    framework: Framework | None = None,
    by: str,
    weights: str | None = None,
) -> GroupedSummary: ...
@overload
def summarize(
    assessments: Iterable[Assessment],
    *,
    framework: Framework | None = None,
    by: str | None = None,
    weights: str,
) -> GroupedSummary: ...
def summarize(
    assessments: Iterable[Assessment],
    *,
    framework: Framework | None = None,
    by: str | None = None,
    weights: str | None = None,
) -> AdoptionSummary | GroupedSummary:
    """Adoption over many assessments of one framework; per group and weighted with ``by`` or ``weights``.

    Args:
        assessments: one assessment per jurisdiction, all of one framework (use :func:`latest` to keep the
            most recent of several).
        framework: the framework, if it is not bundled.
        by: group by ``"state"``, ``"kind"`` or a jurisdiction attribute: gives a
            :class:`~policeframeworks.GroupedSummary` of adoption shares as lower and upper bounds.
        weights: weigh each jurisdiction by the number in this attribute (``"population"``): gives a
            :class:`~policeframeworks.GroupedSummary` (one group without ``by``). The exact definitions,
            including who is left out of the denominators and counted: ``policeframeworks._grouped``.

    Raises:
        ValidationError: assessments of several frameworks, or two of one jurisdiction; weights that are
            not numbers.
    """
    if by is not None or weights is not None:
        from ._grouped import summarize_grouped

        return summarize_grouped(assessments, by=by, weights=weights, framework=framework)
    items = list(assessments)
    if not items:
        if framework is None:
            raise ValidationError([Problem("", "nothing to summarize; pass a framework for an empty list")])
        fw_id = framework.id
    else:
        fw_id = _one_framework(items, "summarize")
    fw = _framework_for(fw_id, framework)
    problems: list[Problem] = []
    seen: dict[tuple[Any, ...], int] = {}
    for i, a in enumerate(items):
        k = a.jurisdiction.key
        if k in seen:
            problems.append(
                Problem(
                    f"[{i}]",
                    f"{a.jurisdiction} is assessed again (first at [{seen[k]}]); keep one per jurisdiction, "
                    "e.g. with latest()",
                )
            )
        else:
            seen[k] = i
    if problems:
        raise ValidationError(problems)
    leaf_ids = _scored(fw).leaf_ids
    counts = {pid: dict.fromkeys(Status, 0) for pid in leaf_ids}
    exact: dict[int, int] = {}
    lower: dict[int, int] = {}
    upper: dict[int, int] = {}
    lows: list[int] = []
    highs: list[int] = []
    undetermined = 0
    unknown_cells = 0
    all_adopted: list[Jurisdiction] = []
    none_adopted: list[Jurisdiction] = []
    unknown = Status.UNKNOWN
    for a in items:
        s = a.score(framework) if framework is not None else a.score()
        get = a._by_principle.get
        for pid in leaf_ids:
            f = get(pid)
            counts[pid][unknown if f is None else f.status] += 1
        unknown_cells += s.unknown
        lo, hi = s.adopted_range
        lows.append(lo)
        highs.append(hi)
        lower[lo] = lower.get(lo, 0) + 1
        upper[hi] = upper.get(hi, 0) + 1
        if lo == hi:
            exact[lo] = exact.get(lo, 0) + 1
        else:
            undetermined += 1
        if lo == s.applicable:
            all_adopted.append(a.jurisdiction)
        if hi == 0:
            none_adopted.append(a.jurisdiction)
    return AdoptionSummary(
        framework_id=fw.id,
        assessments=len(items),
        principles=tuple(
            PrincipleCounts(
                principle_id=pid,
                adopted=c[Status.ADOPTED],
                partial=c[Status.PARTIAL],
                not_adopted=c[Status.NOT_ADOPTED],
                unknown=c[Status.UNKNOWN],
                not_applicable=c[Status.NOT_APPLICABLE],
            )
            for pid, c in counts.items()
        ),
        distribution=dict(sorted(exact.items())),
        undetermined=undetermined,
        distribution_lower=dict(sorted(lower.items())),
        distribution_upper=dict(sorted(upper.items())),
        unknown_findings=unknown_cells,
        all_adopted=tuple(all_adopted),
        none_adopted=tuple(none_adopted),
        _lows=tuple(lows),
        _highs=tuple(highs),
    )


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
        if as_of is not None and _date_key(a.as_of) > _date_key(as_of):
            continue
        key = (a.jurisdiction.key, a.framework_id)
        held = best.get(key)
        if held is None or _date_key(a.as_of) > _date_key(held[0].as_of):
            best[key] = [a]
        elif _date_key(a.as_of) == _date_key(held[0].as_of):
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


def _date_key(date: str) -> tuple[int, ...]:
    """A reduced ISO date sorts as its first day (``2020`` before ``2020-01-02``, equal to ``2020-01``)."""
    parts = [int(p) for p in date.split("-")]
    return tuple(parts + [1] * (3 - len(parts)))


# --- History ----------------------------------------------------------------------------------


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
    fw = _framework_for(before.framework_id, framework)
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
            if _date_key(a.as_of) <= _date_key(date):
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
    items = sorted(assessments, key=lambda a: _date_key(a.as_of))
    if not items:
        raise ValidationError([Problem("", "a timeline needs at least one assessment")])
    fw_id = _one_framework(items, "a timeline")
    problems: list[Problem] = []
    keys = list(dict.fromkeys(a.jurisdiction.key for a in items))
    if len(keys) > 1:
        names = ", ".join(dict.fromkeys(str(a.jurisdiction) for a in items))
        problems.append(Problem("jurisdiction", f"a timeline is of one jurisdiction; got {names}"))
    for prev, a in itertools.pairwise(items):
        if _date_key(prev.as_of) == _date_key(a.as_of):
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
