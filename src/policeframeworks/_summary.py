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

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from ._assessment import Assessment
from ._catalog import bundled_framework_or_none
from ._finding import Status
from ._jurisdiction import Jurisdiction
from ._model import Framework
from ._score import adopted_range
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


def one_framework(items: Sequence[Assessment], what: str) -> str:
    ids = list(dict.fromkeys(a.framework_id for a in items))
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
    leaf_ids = fw.leaf_ids
    counts = {pid: dict.fromkeys(Status, 0) for pid in leaf_ids}
    per_leaf = list(counts.items())
    n_leaves = len(leaf_ids)
    exact: dict[int, int] = {}
    lower: dict[int, int] = {}
    upper: dict[int, int] = {}
    lows: list[int] = []
    highs: list[int] = []
    undetermined = 0
    unknown_cells = 0
    all_adopted: list[Jurisdiction] = []
    none_adopted: list[Jurisdiction] = []
    unknown, adopted_, na_ = Status.UNKNOWN, Status.ADOPTED, Status.NOT_APPLICABLE
    checked = fw if framework is None else framework
    for a in items:
        # One pass per assessment: the checks and counts of Assessment.score, and the counts per principle.
        a.check(checked)
        get = a.by_principle.get
        adopted = unknowns = na = 0
        for pid, c in per_leaf:
            f = get(pid)
            st = unknown if f is None else f.status
            c[st] += 1
            if st is adopted_:
                adopted += 1
            elif st is unknown:
                unknowns += 1
            elif st is na_:
                na += 1
        unknown_cells += unknowns
        lo, hi = adopted_range(adopted, unknowns, a.reported_total)
        lows.append(lo)
        highs.append(hi)
        lower[lo] = lower.get(lo, 0) + 1
        upper[hi] = upper.get(hi, 0) + 1
        if lo == hi:
            exact[lo] = exact.get(lo, 0) + 1
        else:
            undetermined += 1
        if lo == n_leaves - na:
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
