"""Adoption summaries of many assessments, and the helpers the other analysis modules share.

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

import operator
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from ._assessment import Assessment
from ._catalog import bundled_framework_or_none
from ._finding import Status
from ._jurisdiction import Jurisdiction
from ._model import Framework
from ._score import Score, adopted_range, score_index
from ._suggest import closest
from .exceptions import Problem, UnknownIdError, ValidationError

if TYPE_CHECKING:
    from ._grouped import GroupedSummary

__all__ = ["AdoptionSummary", "PrincipleCounts", "framework_for", "frozen_map", "one_framework", "summarize"]


def framework_for(framework_id: str, frameworks: Iterable[Framework] | Framework | None) -> Framework:
    given = [frameworks] if isinstance(frameworks, Framework) else list(frameworks or ())
    for fw in given:
        if fw.id == framework_id:
            return fw
    found = bundled_framework_or_none(framework_id)
    if found is None:
        from ._catalog import load_catalog

        raise UnknownIdError(
            framework_id, kind="framework", suggestions=closest(framework_id, load_catalog().framework_ids)
        )
    return found


def frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


_framework_id = operator.attrgetter("framework_id")
_jurisdiction_key = operator.attrgetter("jurisdiction.key")


def one_framework(items: Sequence[Assessment], what: str) -> str:
    ids: list[str] = list(dict.fromkeys(map(_framework_id, items)))
    if len(ids) != 1:
        message = f"{what} needs assessments of one framework; got " + (", ".join(ids) or "none")
        raise ValidationError([Problem("framework_id", message)])
    return ids[0]


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
    distribution: Mapping[int, int] = attrs.field(converter=frozen_map, hash=False)
    undetermined: int
    distribution_lower: Mapping[int, int] = attrs.field(converter=frozen_map, hash=False)
    distribution_upper: Mapping[int, int] = attrs.field(converter=frozen_map, hash=False)
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
        fw_id = one_framework(items, "summarize")
    fw = framework_for(fw_id, framework)
    problems: list[Problem] = []
    seen: dict[tuple[Any, ...], int] = {}
    keys = list(map(_jurisdiction_key, items))
    for i, a in enumerate(items if len(set(keys)) != len(keys) else ()):  # only when a key repeats
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
    counts = {pid: dict.fromkeys(Status, 0) for pid in fw.leaf_ids}
    checked = fw if framework is None else framework
    index = score_index(fw)
    principle_ids = index.principle_ids
    statuses, kept, score = index.statuses, index.scores, index.score
    checked_score = index.checked_score if checked is fw else None
    scores: list[Score] = []
    for a in items:
        # What Assessment.score does: the score of these very findings if they were checked and scored
        # before; else the checks (the quick test first) and the score, shared between equal status
        # patterns. The counts below are taken once per distinct score.
        rt = a.reported_total
        if checked_score is not None and a.framework_id == fw_id:
            found = checked_score(a.findings, rt)
            if found is not None:
                scores.append(found)
                continue
        by_principle = a.by_principle
        if rt is not None or a.framework_id != checked.id or not principle_ids.issuperset(by_principle):
            a.check(checked)
        found = kept.get((statuses(by_principle), rt))
        if found is None:
            found = score(by_principle, rt)
        if checked_score is not None:
            index.remember(a.findings, rt, found)
        scores.append(found)
    ids = list(map(id, scores))
    distinct: dict[int, Score] = dict(zip(ids, scores, strict=True))
    ranges = {sid: adopted_range(s.adopted, s.unknown, s.reported_total) for sid, s in distinct.items()}
    exact: dict[int, int] = {}
    lower: dict[int, int] = {}
    upper: dict[int, int] = {}
    undetermined = unknown_cells = 0
    for sid, n in Counter(ids).items():
        s = distinct[sid]
        lo, hi = ranges[sid]
        lower[lo] = lower.get(lo, 0) + n
        upper[hi] = upper.get(hi, 0) + n
        if lo == hi:
            exact[lo] = exact.get(lo, 0) + n
        else:
            undetermined += n
        unknown_cells += n * s.unknown
        for status, pids in (
            (Status.ADOPTED, s.adopted_ids),
            (Status.PARTIAL, s.partial_ids),
            (Status.NOT_ADOPTED, s.not_adopted_ids),
            (Status.UNKNOWN, s.unknown_ids),
            (Status.NOT_APPLICABLE, s.not_applicable_ids),
        ):
            for pid in pids:
                counts[pid][status] += n
    lows = [ranges[sid][0] for sid in ids]
    highs = [ranges[sid][1] for sid in ids]
    all_ids = {sid for sid, s in distinct.items() if ranges[sid][0] == s.applicable}
    none_ids = {sid for sid in distinct if ranges[sid][1] == 0}
    all_adopted = [a.jurisdiction for a, sid in zip(items, ids, strict=True) if sid in all_ids]
    none_adopted = [a.jurisdiction for a, sid in zip(items, ids, strict=True) if sid in none_ids]
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
