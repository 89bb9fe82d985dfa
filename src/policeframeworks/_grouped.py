"""Adoption shares per group, weighted, as bounds: ``summarize(..., by="state", weights="population")``.

Definitions, for one group ``g`` and one principle ``p`` (the framework's scored, leaf principles):

* the **group** of an assessment is the value of ``by``: ``"state"``, ``"kind"``, ``"framework_id"``,
  ``"as_of"``, ``"assessor"``, or else the name of a jurisdiction attribute (a spreadsheet column). An
  assessment without a value for it is left out and counted in ``no_group``. Without ``by`` there is one
  group, ``None``.
* the **weight** ``w`` of an assessment is the number in its jurisdiction attribute ``weights`` (a plain
  decimal such as ``311527`` or ``0.25``; ``1`` for every assessment without ``weights``). An assessment
  lacking it is left out of every denominator and counted in ``missing_weight``; a value that is not a
  finite number of zero or more is an error naming the jurisdiction.
* an assessment with no findings and no reported total was **never assessed**: it is left out of every
  denominator and counted in ``not_assessed``.
* the **denominator** ``D(g, p)`` is the sum of ``w`` over the group's remaining assessments whose status of
  ``p`` is not ``not_applicable``.
* the **lower** share is the sum of ``w`` over those with ``p`` ``adopted``, divided by ``D``; the **upper**
  share is the sum of ``w`` over those with ``p`` ``adopted`` or ``unknown`` (no finding counts as
  unknown), divided by ``D``. ``partial`` and ``not_adopted`` count in neither. With ``D = 0`` both are
  None. So, whatever the unknown cells really are, the true weighted share of adopters lies between the
  two; they are equal when nothing in the group is unknown.

The same definitions are used by the dataframe version (:mod:`policeframeworks.frames`, where present).

Example:
    >>> from policeframeworks import Assessment, Finding, Jurisdiction, summarize
    >>> pid = "8cantwait-2020:duty-to-intervene"
    >>> def city(name, state, population, status=None):
    ...     j = Jurisdiction(name=name, state=state, kind="city", attributes=(
    ...         {"population": population} if population else {}))
    ...     return Assessment(jurisdiction=j, framework_id="8cantwait-2020", as_of="2020", assessor="me",
    ...                       method="survey", reported_total=None if status else 0,
    ...                       findings=[Finding(principle_id=pid, status=status)] if status else [])
    >>> s = summarize([city("A", "IL", "300", "adopted"), city("B", "IL", "100", "unknown"),
    ...                city("C", "IL", "600", "not_adopted"), city("D", "IL", None, "adopted"),
    ...                city("E", "MN", "50", "adopted")], by="state", weights="population")
    >>> il = s.share("IL", pid)
    >>> il.lower, il.upper, il.denominator, s.missing_weight
    (0.3, 0.4, 1000.0, 1)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import attrs

from ._assessment import Assessment, Status
from ._catalog import load_catalog
from ._model import Framework
from .exceptions import Problem, UnknownIdError, ValidationError

__all__ = ["GroupShare", "GroupedSummary", "summarize_grouped"]

_FIELDS = ("state", "kind")
_ASSESSMENT_FIELDS = ("framework_id", "as_of", "assessor")


@attrs.frozen(kw_only=True)
class GroupShare:
    """The weighted adoption share of one principle in one group, as bounds (definitions: module docs).

    Attributes:
        group: the group's value (None for the single group without ``by``).
        principle_id: the principle.
        assessments: how many assessments count in the denominator.
        denominator: their total weight.
        adopted: the weight of those that adopted it.
        unknown: the weight of those whose status is unknown.
        lower: ``adopted / denominator`` (None when the denominator is 0).
        upper: ``(adopted + unknown) / denominator`` (None when the denominator is 0).
    """

    group: str | None
    principle_id: str
    assessments: int
    denominator: float
    adopted: float
    unknown: float
    lower: float | None
    upper: float | None


@attrs.frozen(kw_only=True)
class GroupedSummary:
    """Weighted adoption bounds per group and principle (see :func:`policeframeworks.summarize`).

    Attributes:
        framework_id: the framework.
        by: what the groups are (None: one group).
        weights: the attribute the weights come from (None: every assessment weighs 1).
        shares: one per group and principle, groups in order of first appearance, principles in
            framework order.
        no_group: assessments left out because they have no value for ``by``.
        missing_weight: assessments left out because they lack the weight attribute.
        not_assessed: assessments left out because they hold no finding and no reported total.
    """

    framework_id: str
    by: str | None
    weights: str | None
    shares: tuple[GroupShare, ...]
    no_group: int
    missing_weight: int
    not_assessed: int

    @property
    def groups(self) -> tuple[str | None, ...]:
        """The groups, in order of first appearance."""
        return tuple(dict.fromkeys(s.group for s in self.shares))

    def share(self, group: str | None, principle_id: str) -> GroupShare:
        """The share of one principle in one group.

        Raises:
            UnknownIdError: no such group and principle here.
        """
        for s in self.shares:
            if s.group == group and s.principle_id == principle_id:
                return s
        raise UnknownIdError(f"{group}/{principle_id}", kind="group and principle")

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per group and principle (``pandas.DataFrame(records)`` takes it)."""
        return [
            {
                "group": s.group,
                "principle_id": s.principle_id,
                "assessments": s.assessments,
                "denominator": s.denominator,
                "adopted": s.adopted,
                "unknown": s.unknown,
                "lower": s.lower,
                "upper": s.upper,
            }
            for s in self.shares
        ]


def _group_of(a: Assessment, by: str | None) -> str | None:
    if by is None:
        return None
    if by in _FIELDS:
        value = getattr(a.jurisdiction, by)
        return None if value is None else str(value)
    if by in _ASSESSMENT_FIELDS:
        return str(getattr(a, by))
    return a.jurisdiction.attributes.get(by)


def _weight(text: str) -> float | None:
    try:
        value = float(text) if text.isascii() else math.nan
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def summarize_grouped(
    assessments: Iterable[Assessment],
    *,
    by: str | None = None,
    weights: str | None = None,
    framework: Framework | None = None,
) -> GroupedSummary:
    """Weighted adoption bounds per group (the definitions are in the module docs).

    Raises:
        ValidationError: assessments of several frameworks, two of one jurisdiction, or weights that are
            not numbers (every one named).
    """
    items = list(assessments)
    ids = sorted({a.framework_id for a in items})
    if len(ids) > 1:
        raise ValidationError([Problem("", f"summarize one framework at a time; got {', '.join(ids)}")])
    if not items and framework is None:
        raise ValidationError([Problem("", "nothing to summarize; pass a framework for an empty list")])
    fw = framework if framework is not None else load_catalog().framework(ids[0])
    problems: list[Problem] = []
    seen: dict[tuple[str, str | None, str], int] = {}
    for i, a in enumerate(items):
        first = seen.setdefault(a.jurisdiction.key, i)
        if first != i:
            problems.append(
                Problem(
                    f"[{i}]", f"{a.jurisdiction} is assessed again (first at [{first}]); keep one (latest())"
                )
            )
    kept: list[tuple[str | None, float, Assessment]] = []
    no_group = missing = not_assessed = 0
    for i, a in enumerate(items):
        group = _group_of(a, by)
        if by is not None and group is None:
            no_group += 1
            continue
        w = 1.0
        if weights is not None:
            text = a.jurisdiction.attributes.get(weights)
            if text is None:
                missing += 1
                continue
            found = _weight(text)
            if found is None:
                problems.append(
                    Problem(
                        f"[{i}].jurisdiction.attributes.{weights}",
                        f"{a.jurisdiction}: {text!r} is not a number of zero or more",
                    )
                )
                continue
            w = found
        if not a.findings and a.reported_total is None:
            not_assessed += 1
            continue
        kept.append((group, w, a))
    if problems:
        raise ValidationError(problems)
    leaves = [p.id for p in fw.leaves()]
    groups: dict[str | None, list[tuple[float, Assessment]]] = {}
    for group, w, a in kept:
        groups.setdefault(group, []).append((w, a))
    shares = []
    for group, members in groups.items():
        for pid in leaves:
            n = 0
            total = adopted = unknown = 0.0
            for w, a in members:
                status = a.status_of(pid)
                if status is Status.NOT_APPLICABLE:
                    continue
                n += 1
                total += w
                if status is Status.ADOPTED:
                    adopted += w
                elif status is Status.UNKNOWN:
                    unknown += w
            shares.append(
                GroupShare(
                    group=group,
                    principle_id=pid,
                    assessments=n,
                    denominator=total,
                    adopted=adopted,
                    unknown=unknown,
                    lower=adopted / total if total else None,
                    upper=(adopted + unknown) / total if total else None,
                )
            )
    return GroupedSummary(
        framework_id=fw.id,
        by=by,
        weights=weights,
        shares=tuple(shares),
        no_group=no_group,
        missing_weight=missing,
        not_assessed=not_assessed,
    )
