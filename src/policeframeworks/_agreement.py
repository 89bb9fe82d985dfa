"""Agreement between coders: any number of them, per principle, per pair and pooled, with intervals.

Each coder's assessments are matched by jurisdiction (:attr:`~policeframeworks.Jurisdiction.key`),
framework and date; a coder is an :attr:`~policeframeworks.Assessment.assessor`. One *item* is one scored
principle of one matched (jurisdiction, framework, date). A coder may leave a whole assessment uncoded
(a missing coding); a principle without a finding in a coder's assessment is ``unknown``.

Items that every coder left ``unknown`` are *jointly missing*: they say nothing about agreement, so they
are left out by default and counted (``jointly_missing``); ``include_jointly_missing=True`` counts them
as agreement on ``unknown`` instead. Items with fewer than two codings are counted as ``single_coded``.

The statistics are defined in :mod:`policeframeworks._reliability_stats`; the docs page
"Which agreement statistic to report" says when to use which.

Example:
    >>> import attrs
    >>> from policeframeworks import Finding, agreement, load_seed_assessments
    >>> k = load_seed_assessments()[0]
    >>> other = attrs.evolve(k, assessor="second coder", reported_total=None, findings=k.findings + (
    ...     Finding(principle_id="8cantwait-2020:require-de-escalation", status="adopted"),))
    >>> result = agreement([k, other], n_bootstrap=0)
    >>> pooled = result.pooled
    >>> pooled.items, pooled.jointly_missing
    (2, 6)
    >>> pooled["percent_agreement"].value
    0.5
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from . import _reliability_stats as _rs
from ._assessment import Assessment
from ._codings import framework_for, units_of
from ._finding import Status
from ._model import Framework
from .exceptions import Problem, ValidationError

__all__ = ["Agreement", "AgreementStats", "Estimate", "Statistic", "agreement"]


class Statistic(enum.StrEnum):
    """The agreement statistics, in display order.

    ``percent_agreement`` is a proportion from 0 to 1 (the command line prints it as a percentage).
    ``cohen_kappa`` exists only for a pair of coders.
    """

    PERCENT_AGREEMENT = "percent_agreement"
    COHEN_KAPPA = "cohen_kappa"
    FLEISS_KAPPA = "fleiss_kappa"
    KRIPPENDORFF_ALPHA_NOMINAL = "krippendorff_alpha_nominal"
    KRIPPENDORFF_ALPHA_ORDINAL = "krippendorff_alpha_ordinal"
    GWET_AC1 = "gwet_ac1"


@attrs.frozen(kw_only=True)
class Estimate:
    """One statistic over one scope, with its bootstrap interval and the counts behind it.

    Attributes:
        statistic: which statistic.
        value: the estimate, or None when it is undefined.
        undefined: why it is undefined (e.g. every coding has one status, so chance agreement is 1 and
            kappa is 0/0), or None.
        low: the lower end of the bootstrap percentile interval (None without replicates).
        high: the upper end.
        observed: the observed agreement the statistic corrects (None where it has no such part).
        expected: the agreement expected by chance.
        items: the items it was computed from (for ordinal alpha: items with two ordinal codings).
        values: the codings in those items that were paired.
        replicates: the bootstrap replicates in which it was defined (the interval's base).

    Example:
        >>> e = Estimate(statistic="gwet_ac1", value=0.8, undefined=None, low=0.7, high=0.9, observed=0.9,
        ...              expected=0.5, items=40, values=80, replicates=1000)
        >>> e.defined
        True
    """

    statistic: Statistic = attrs.field(converter=Statistic)
    value: float | None
    undefined: str | None
    low: float | None
    high: float | None
    observed: float | None
    expected: float | None
    items: int
    values: int
    replicates: int

    @property
    def defined(self) -> bool:
        """Whether the statistic has a value."""
        return self.value is not None


def _frozen(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class AgreementStats:
    """Every statistic over one scope: one principle or all of them, all coders or one pair.

    Attributes:
        principle_id: the principle, or None for all principles pooled.
        coders: the coders compared (all of them, or a pair).
        items: the items that entered the statistics (coded by two or more of ``coders``).
        jointly_missing: items left out because every coder left them ``unknown`` (0 when they are
            included).
        single_coded: items coded by only one of ``coders``.
        estimates: statistic -> estimate (no ``cohen_kappa`` unless ``coders`` is a pair).

    Example:
        >>> from policeframeworks import agreement, load_seed_assessments
        >>> import attrs
        >>> k = load_seed_assessments()[0]
        >>> result = agreement([k, attrs.evolve(k, assessor="b", reported_total=None)], n_bootstrap=0)
        >>> result.pooled.items, result.pooled.jointly_missing
        (1, 7)
        >>> result.pooled["cohen_kappa"].undefined
        "both coders gave every item 'adopted': chance agreement is 1 and kappa is 0/0"
    """

    principle_id: str | None
    coders: tuple[str, ...]
    items: int
    jointly_missing: int
    single_coded: int
    estimates: Mapping[Statistic, Estimate] = attrs.field(converter=_frozen, hash=False)

    def __getitem__(self, statistic: Statistic | str) -> Estimate:
        """The estimate of one statistic (a :class:`KeyError` names the ones there are)."""
        try:
            return self.estimates[Statistic(statistic)]
        except (KeyError, ValueError):
            have = ", ".join(self.estimates)
            raise KeyError(f"no {statistic!r} for coders {self.coders}; there are: {have}") from None


@attrs.frozen(kw_only=True)
class Agreement:
    """Agreement among coders: per principle, per coder pair and pooled.

    Attributes:
        coders: every coder, sorted.
        units: the matched (jurisdiction, framework, date) triples.
        principle_ids: the principles compared, in framework order.
        rows: one :class:`AgreementStats` per (principle or pooled) x (all coders or a pair); all coders
            appear as one scope when there are three or more (with two, the pair is the whole).
        include_jointly_missing: whether items every coder left unknown were counted as agreement.
        n_bootstrap: bootstrap replicates drawn (0: no intervals).
        confidence: the interval's coverage.
        seed: the seed of the replicates (the same seed gives the same intervals with the same numpy version).
    """

    coders: tuple[str, ...]
    units: int
    principle_ids: tuple[str, ...]
    rows: tuple[AgreementStats, ...]
    include_jointly_missing: bool
    n_bootstrap: int
    confidence: float
    seed: int

    def scope(self, principle_id: str | None = None, coders: Sequence[str] | None = None) -> AgreementStats:
        """The row for one principle (None: pooled) and coders (None: all of them).

        Raises:
            KeyError: no such row (the message lists the principles or coders there are).
        """
        want = self._whole if coders is None else tuple(sorted(coders))
        for row in self.rows:
            if row.principle_id == principle_id and row.coders == want:
                return row
        if principle_id is not None and principle_id not in self.principle_ids:
            raise KeyError(f"no principle {principle_id!r}; there are: {', '.join(self.principle_ids)}")
        raise KeyError(f"no scope for coders {want}; the coders are: {', '.join(self.coders)}")

    @property
    def _whole(self) -> tuple[str, ...]:
        return self.coders

    @property
    def pooled(self) -> AgreementStats:
        """All principles, all coders."""
        return self.scope(None)


def agreement(
    *codings: Iterable[Assessment],
    frameworks: Iterable[Framework] = (),
    include_jointly_missing: bool = False,
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> Agreement:
    """Agreement among any number of coders of the same jurisdictions, frameworks and dates.

    Args:
        codings: the assessments, as one iterable or several (one per coder or file); coders are told
            apart by :attr:`~policeframeworks.Assessment.assessor`.
        frameworks: frameworks that are not bundled.
        include_jointly_missing: count items every coder left ``unknown`` as agreement on ``unknown``
            (by default they are left out and counted).
        n_bootstrap: bootstrap replicates for the intervals (items resampled within each principle);
            0 for none.
        confidence: the coverage of the percentile intervals, between 0 and 1.
        seed: the seed of the replicates (numpy's `PCG64`: the same seed gives the same intervals with the
            same numpy version).

    Example:
        >>> import attrs
        >>> from policeframeworks import Finding, agreement, load_seed_assessments
        >>> k = load_seed_assessments()[0]
        >>> a = attrs.evolve(k, assessor="a", reported_total=None, findings=(
        ...     Finding(principle_id="8cantwait-2020:ban-chokeholds-and-strangleholds", status="adopted"),
        ...     Finding(principle_id="8cantwait-2020:require-warning-before-shooting", status="not_adopted")))
        >>> b = attrs.evolve(a, assessor="b")
        >>> c = attrs.evolve(a, assessor="c", findings=a.findings[:1] + (
        ...     Finding(principle_id="8cantwait-2020:require-warning-before-shooting", status="partial"),))
        >>> result = agreement([a, b, c], seed=1)
        >>> result.coders, result.pooled.items, result.pooled.jointly_missing
        (('a', 'b', 'c'), 2, 6)
        >>> round(result.pooled["percent_agreement"].value, 4)
        0.6667
        >>> result.scope("8cantwait-2020:ban-chokeholds-and-strangleholds")["fleiss_kappa"].undefined
        "every coding is 'adopted': chance agreement is 1 and the ratio is 0/0"
        >>> result.scope("8cantwait-2020:ban-chokeholds-and-strangleholds")["gwet_ac1"].value
        1.0

    Raises:
        ValidationError: a coder coded one (jurisdiction, framework, date) twice, an unknown framework,
            no assessments, or a bad ``n_bootstrap`` or ``confidence`` (every problem listed).
    """
    problems: list[Problem] = []
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, int) or n_bootstrap < 0:
        problems.append(Problem("n_bootstrap", f"must be a whole number from 0 up, not {n_bootstrap!r}"))
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        problems.append(Problem("confidence", f"must be between 0 and 1 (exclusive), not {confidence!r}"))
    if problems:
        raise ValidationError(problems)
    units, order = units_of(codings)
    if not units:
        raise ValidationError([Problem("", "no assessments to compare")])
    coders = tuple(sorted({a.assessor for _, a in order}))
    index = {c: i for i, c in enumerate(coders)}
    given = {f.id: f for f in frameworks}
    status_index = {s: i for i, s in enumerate(Status)}
    leaves: dict[str, tuple[str, ...]] = {}
    for where, a in order:
        if a.framework_id not in leaves:
            fw = framework_for(a.framework_id, given, f"{where}.framework_id")
            leaves[a.framework_id] = tuple(p.id for p in fw.leaves())
    strata: dict[str, list[tuple[int, ...]]] = {pid: [] for ids in leaves.values() for pid in ids}
    m = len(coders)
    for (_, framework_id, _), by_coder in units.items():
        slots = [(index[c], a) for c, a in by_coder.items()]
        for pid in leaves[framework_id]:
            item = [-1] * m
            for i, a in slots:
                item[i] = status_index[a.status_of(pid)]
            strata[pid].append(tuple(item))
    strata = {pid: items for pid, items in strata.items() if items}
    result = _rs.analyse(
        strata,
        m,
        include_jointly_missing=include_jointly_missing,
        n_bootstrap=n_bootstrap,
        confidence=float(confidence),
        seed=seed,
    )
    rows = []
    for (principle_id, scope), res in result.items():
        rows.append(
            AgreementStats(
                principle_id=principle_id,
                coders=tuple(coders[i] for i in scope),
                items=res.items,
                jointly_missing=res.jointly_missing,
                single_coded=res.single_coded,
                estimates={
                    Statistic(name): Estimate(
                        statistic=name,
                        value=s.value,
                        undefined=s.reason,
                        low=s.low,
                        high=s.high,
                        observed=s.observed,
                        expected=s.expected,
                        items=s.items,
                        values=s.values,
                        replicates=s.replicates,
                    )
                    for name, s in res.stats.items()
                },
            )
        )
    pids = tuple(strata)
    rank = {pid: i for i, pid in enumerate(pids)}
    rows.sort(key=lambda r: (r.principle_id is None, rank.get(r.principle_id or "", 0), len(r.coders) == 2))
    return Agreement(
        coders=coders,
        units=len(units),
        principle_ids=pids,
        rows=tuple(rows),
        include_jointly_missing=include_jointly_missing,
        n_bootstrap=n_bootstrap,
        confidence=float(confidence),
        seed=seed,
    )
