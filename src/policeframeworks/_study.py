"""Study workflow helpers: which jurisdictions to code twice, and when to stop coding everything twice.

Legal epidemiology's redundant-coding practice codes every item twice until the divergence between coders
falls low enough, then double-codes a sample. :func:`double_coding_sample` draws that sample reproducibly
(a share or a count, seeded); :func:`divergence_over_time` gives the divergence rate per period, so a team
sees when the rate has stayed below its threshold.

Example:
    >>> from policeframeworks import Jurisdiction, double_coding_sample
    >>> cities = [Jurisdiction(name=f"City {i}", state="IL", kind="city") for i in range(10)]
    >>> [j.name for j in double_coding_sample(cities, share=0.2, seed=3)]
    ['City 3', 'City 8']
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable

import attrs

from ._assessment import Assessment
from ._codings import framework_for, units_of
from ._jurisdiction import Jurisdiction
from ._model import Framework
from .exceptions import Problem, ValidationError

__all__ = ["DivergencePeriod", "divergence_over_time", "double_coding_sample"]


def double_coding_sample(
    jurisdictions: Iterable[Jurisdiction],
    *,
    share: float | None = None,
    count: int | None = None,
    seed: int,
) -> tuple[Jurisdiction, ...]:
    """A reproducible random sample of jurisdictions to code a second time, in input order.

    Give ``share`` (a fraction, rounded up: 20% of 11 is 3) or ``count``. The same jurisdictions, seed and
    size give the same sample (on one Python version); jurisdictions are told apart by their key, so a
    repeated jurisdiction is an error rather than a double chance.

    Raises:
        ValidationError: neither or both of ``share`` and ``count``, a share outside 0..1, a count below 0
            or above the number of jurisdictions, or a jurisdiction listed twice.
    """
    items = list(jurisdictions)
    problems: list[Problem] = []
    if (share is None) == (count is None):
        problems.append(Problem("", "give a share or a count of jurisdictions, not both or neither"))
    elif share is not None and not 0 <= share <= 1:
        problems.append(Problem("share", f"must be between 0 and 1, not {share!r}"))
    elif count is not None and not 0 <= count <= len(items):
        problems.append(Problem("count", f"must be between 0 and {len(items)}, not {count!r}"))
    seen: dict[tuple[str, str | None, str], int] = {}
    for i, j in enumerate(items):
        if j.key in seen:
            problems.append(Problem(f"jurisdictions[{i}]", f"{j} is listed twice (first at [{seen[j.key]}])"))
        seen.setdefault(j.key, i)
    if problems:
        raise ValidationError(problems)
    size = count if count is not None else math.ceil(len(items) * (share or 0.0) - 1e-9)
    chosen = set(random.Random(seed).sample(range(len(items)), size))
    return tuple(j for i, j in enumerate(items) if i in chosen)


@attrs.frozen(kw_only=True)
class DivergencePeriod:
    """How often double-coded items diverged in one period.

    Attributes:
        period: the period (by default the year and month of the codings, ``YYYY-MM``).
        units: units (jurisdiction, framework, date) coded by two or more coders.
        items: their items with two or more codings, leaving out items every coder left ``unknown``.
        diverged: items on which the coders did not all give the same status.
        rate: ``diverged / items`` (None without items).
    """

    period: str
    units: int
    items: int
    diverged: int
    rate: float | None


def _month(a: Assessment) -> str:
    return a.as_of[:7]


def divergence_over_time(
    *codings: Iterable[Assessment],
    period: Callable[[Assessment], str] = _month,
    frameworks: Iterable[Framework] = (),
) -> tuple[DivergencePeriod, ...]:
    """The divergence rate of double-coded items per period, in period order.

    Args:
        codings: the assessments, as one iterable or several; coders are told apart by ``assessor``.
        period: the period of a unit, from any of its codings (by default ``as_of[:7]``, the month).
        frameworks: frameworks that are not bundled.

    Example:
        >>> import attrs
        >>> from policeframeworks import load_seed_assessments
        >>> k = load_seed_assessments()[0]
        >>> periods = divergence_over_time([k, attrs.evolve(k, assessor="b")])
        >>> [(p.period, p.items, p.diverged) for p in periods]
        [('2020-06', 1, 0)]

    Raises:
        ValidationError: a coder coded a unit twice, or an unknown framework.
    """
    units, _ = units_of(codings)
    given = {f.id: f for f in frameworks}
    leaves: dict[str, tuple[str, ...]] = {}
    tally: dict[str, list[int]] = {}
    for (_, fid, _), by_coder in units.items():
        if len(by_coder) < 2:
            continue
        coded = list(by_coder.values())
        if fid not in leaves:
            leaves[fid] = tuple(p.id for p in framework_for(fid, given, "framework_id").leaves())
        counts = tally.setdefault(period(coded[0]), [0, 0, 0])
        counts[0] += 1
        for pid in leaves[fid]:
            statuses = {a.status_of(pid) for a in coded}
            if statuses == {"unknown"}:
                continue
            counts[1] += 1
            counts[2] += len(statuses) > 1
    return tuple(
        DivergencePeriod(period=p, units=u, items=n, diverged=d, rate=d / n if n else None)
        for p, (u, n, d) in sorted(tally.items())
    )
