"""Agreement between coders who assessed the same jurisdictions (moved verbatim from ``_analysis``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._assessment import Assessment
from ._history import date_key
from ._model import Framework
from ._summary import framework_for, frozen_map
from .exceptions import Problem, ValidationError

__all__ = ["Agreement", "AgreementStats", "agreement"]


@attrs.frozen(kw_only=True)
class AgreementStats:
    """Agreement between two codings over a set of items (principle x jurisdiction).

    Attributes:
        items: how many items both coded (every scored principle of every matched pair; a missing finding
            counts as ``unknown``, which is a category like the others).
        agreed: items given the same status.
        percent: ``agreed / items`` as a percentage.
        expected: the agreement expected by chance from each coder's status frequencies (0 to 1).
        kappa: Cohen's kappa, ``(observed - expected) / (1 - expected)``. When ``expected`` is 1 (both
            coders gave every item one and the same status) kappa is undefined as a ratio; it is then
            1.0, since agreement is perfect, and ``degenerate`` is True.
        degenerate: whether ``expected`` is 1.

    Example:
        >>> AgreementStats.from_pairs([("adopted", "adopted"), ("unknown", "adopted")]).percent
        50.0
    """

    items: int
    agreed: int
    percent: float
    expected: float
    kappa: float
    degenerate: bool

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> AgreementStats:
        """Compute agreement from ``(first coder's status, second coder's status)`` pairs.

        Example:
            >>> AgreementStats.from_pairs([("adopted", "adopted"), ("not_adopted", "not_adopted")]).kappa
            1.0
            >>> AgreementStats.from_pairs([("adopted", "adopted")] * 3).degenerate
            True

        Raises:
            ValidationError: no pairs.
        """
        first: dict[str, int] = {}
        second: dict[str, int] = {}
        n = agreed = 0
        for a, b in pairs:
            n += 1
            agreed += a == b
            first[a] = first.get(a, 0) + 1
            second[b] = second.get(b, 0) + 1
        if n == 0:
            raise ValidationError([Problem("", "no items to compare")])
        chance = sum(c * second.get(k, 0) for k, c in first.items())
        total = n * n
        degenerate = chance == total
        kappa = 1.0 if degenerate else (agreed * n - chance) / (total - chance)
        return cls(
            items=n,
            agreed=agreed,
            percent=100 * agreed / n,
            expected=chance / total,
            kappa=kappa,
            degenerate=degenerate,
        )


@attrs.frozen(kw_only=True)
class Agreement:
    """Agreement between two coders over matched assessments, per framework and pooled.

    Attributes:
        pairs: how many assessment pairs were matched.
        per_framework: framework id -> agreement over its items.
        pooled: agreement over all items of all frameworks together.
    """

    pairs: int
    per_framework: Mapping[str, AgreementStats] = attrs.field(converter=frozen_map, hash=False)
    pooled: AgreementStats


def agreement(
    first: Iterable[Assessment],
    second: Iterable[Assessment],
    *,
    frameworks: Iterable[Framework] | None = None,
) -> Agreement:
    """Percent agreement and Cohen's kappa between two coders of the same jurisdictions.

    Assessments are matched by jurisdiction (:attr:`~policeframeworks.Jurisdiction.key`), framework and
    date. Each scored principle of each matched pair is one item, with the five statuses as categories.

    Args:
        first: the first coder's assessments.
        second: the second coder's assessments of the same jurisdictions, frameworks and dates.
        frameworks: frameworks that are not bundled.

    Example:
        >>> import attrs
        >>> from policeframeworks import Finding, load_seed_assessments
        >>> from policeframeworks import agreement
        >>> k = load_seed_assessments()[0]
        >>> other = attrs.evolve(k, assessor="second coder", reported_total=None, findings=k.findings + (
        ...     Finding(principle_id="8cantwait-2020:require-de-escalation", status="adopted"),))
        >>> result = agreement([k], [other])
        >>> result.pooled.agreed, result.pooled.items, round(result.pooled.kappa, 3)
        (7, 8, 0.6)

    Raises:
        ValidationError: an assessment without a partner on the other side, or matched twice (every one
            listed).
    """
    fws = list(frameworks or ())
    problems: list[Problem] = []

    def index(items: Iterable[Assessment], side: str) -> dict[tuple[Any, ...], Assessment]:
        out: dict[tuple[Any, ...], Assessment] = {}
        for i, a in enumerate(items):
            key = (a.jurisdiction.key, a.framework_id, date_key(a.as_of))
            if key in out:
                problems.append(
                    Problem(
                        f"{side}[{i}]",
                        f"a second assessment of {a.jurisdiction}, {a.framework_id}, {a.as_of}",
                    )
                )
            out[key] = a
        return out

    a_side, b_side = index(first, "first"), index(second, "second")
    for side, mine, other in (("first", a_side, b_side), ("second", b_side, a_side)):
        for key, a in mine.items():
            if key not in other:
                problems.append(
                    Problem(
                        side,
                        f"{a.jurisdiction}, {a.framework_id}, {a.as_of} has no partner in the other coding",
                    )
                )
    if problems:
        raise ValidationError(problems)
    by_framework: dict[str, list[tuple[str, str]]] = {}
    for key, a in a_side.items():
        b = b_side[key]
        leaf_ids = framework_for(a.framework_id, fws).leaf_ids
        by_framework.setdefault(a.framework_id, []).extend(
            (str(a.status_of(pid)), str(b.status_of(pid))) for pid in leaf_ids
        )
    if not by_framework:
        raise ValidationError([Problem("", "no assessments to compare")])
    return Agreement(
        pairs=len(a_side),
        per_framework={fw: AgreementStats.from_pairs(pairs) for fw, pairs in by_framework.items()},
        pooled=AgreementStats.from_pairs(p for pairs in by_framework.values() for p in pairs),
    )
