"""Reliability coefficients from counts, with seeded bootstrap intervals (numpy for the bootstrap only).

The unit is an *item*: one principle of one (jurisdiction, framework, date), coded by up to ``m`` coders.
An item is a tuple of ``m`` category indices into :data:`NOMINAL` (``-1``: that coder has no coding).

Every coefficient is a function of a few integer sums over items (how many items had ``r`` codings, how
many agreeing pairs of codings they held, how often each status was used, ...). Each item adds a fixed
vector of such integers; the vectors are packed into one Python integer of 64-bit lanes, so summing the
items of a stratum is one big-integer multiply-add per distinct item pattern. A bootstrap replicate is a
multinomial draw of pattern counts (items resampled with replacement, stratified by principle); all
replicates are drawn and evaluated at once with numpy (:mod:`policeframeworks._resample`).

Definitions (``r``: codings of an item, ``n_k``: codings of status ``k`` in it, ``q``: the declared
number of statuses, always the whole domain):

- percent agreement ``p_a``: the mean over items of ``sum_k n_k (n_k - 1) / (r (r - 1))`` (agreeing pairs
  of codings over all pairs; for two coders, the share of items given the same status);
- Cohen's kappa (two coders): ``(p_a - p_e) / (1 - p_e)`` with ``p_e = sum_k row_k col_k / n^2``;
- Fleiss' kappa, generalised to items with different numbers of codings as in Gwet (2014):
  ``pi_k`` is the mean over items of ``n_k / r``, ``p_e = sum_k pi_k^2``;
- Gwet's AC1: ``p_e = sum_k pi_k (1 - pi_k) / (q - 1)``;
- Krippendorff's alpha: ``1 - (n - 1) D_o / D_e`` from the coincidence matrix, nominal over the five
  statuses, ordinal over ``not_adopted < partial < adopted`` (``unknown`` and ``not_applicable`` missing).

Example:
    >>> items = [(0, 0), (0, 0), (2, 2), (0, 2)]
    >>> result = analyse({"p": items}, 2, n_bootstrap=0)
    >>> round(result[("p", (0, 1))].stats["cohen_kappa"].value, 6)
    0.5
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: The nominal categories, in order (the values of :class:`~policeframeworks.Status`).
NOMINAL = ("adopted", "partial", "not_adopted", "unknown", "not_applicable")
#: The ordinal rank of each nominal category (``-1``: missing for the ordinal metric).
ORDINAL_RANK = (2, 1, 0, -1, -1)
#: The index of ``unknown`` (an item every coder left unknown is "jointly missing").
UNKNOWN = 3

#: Statistic names, in display order.
STATISTICS = (
    "percent_agreement",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha_nominal",
    "krippendorff_alpha_ordinal",
    "gwet_ac1",
)
_LANE_LIMIT = 1 << 53  # also keeps the bootstrap's float64 sums exact


class Stat(NamedTuple):
    """One coefficient's point estimate (``value`` None: undefined, ``reason`` says why)."""

    value: float | None
    reason: str | None
    observed: float | None
    expected: float | None
    items: int
    values: int
    low: float | None = None
    high: float | None = None
    replicates: int = 0


class ScopeResult(NamedTuple):
    """Counts and coefficients for one scope (a principle or all of them; all coders or one pair)."""

    items: int
    jointly_missing: int
    single_coded: int
    stats: Mapping[str, Stat]


class Layout:
    """Where each integer sum lives in the packed vector, for ``m`` coders, and the formulas over them."""

    def __init__(
        self,
        m: int,
        include_jointly_missing: bool,
        names: Sequence[str],
        ranks: Sequence[int],
        unknown: int | None,
    ) -> None:
        self.m = m
        self.include = include_jointly_missing
        self.names = tuple(names)
        self.q = q = len(names)
        self.ranks = tuple(ranks)
        self.t = t = max(self.ranks) + 1
        self.rank_names = tuple(next(names[i] for i in range(q) if self.ranks[i] == r) for r in range(t))
        self.cells = [(c, k) for c in range(t) for k in range(c, t)]
        self.cell_index = {ck: i for i, ck in enumerate(self.cells)}
        self.unknown = unknown
        self.pooled = m == 1 or m > 2
        self.pairs = [(a, b) for a in range(m) for b in range(a + 1, m)]
        lane = 0
        # pooled: [jointly_missing, single_coded, singles per category (pi of AC1 and Fleiss)], then per r:
        # nominal [items, A, B, C_0..C_q-1], ordinal [items, U cells]
        self.nom: dict[int, int] = {}
        self.ord: dict[int, int] = {}
        self.counts = lane
        lane += 2 + q
        if self.pooled:
            for r in range(2, m + 1):
                self.nom[r] = lane
                lane += 3 + q
            for r in range(2, m + 1):
                self.ord[r] = lane
                lane += 1 + len(self.cells)
        # pairs: [jointly_missing, single_coded, singles per category, q*q cells]
        self.pair_at: list[int] = []
        for _ in self.pairs:
            self.pair_at.append(lane)
            lane += 2 + q + q * q
        self.lanes = lane

    def _missing(self, present: Sequence[int]) -> bool:
        return not self.include and self.unknown is not None and all(v == self.unknown for v in present)

    def vector(self, item: tuple[int, ...]) -> dict[int, int]:
        """The sparse integer vector one item adds."""
        out: dict[int, int] = {}
        present = [v for v in item if v >= 0]
        r = len(present)
        q = self.q
        if self.pooled:
            if r == 1:
                out[self.counts + 1] = 1
                if not self._missing(present):
                    out[self.counts + 2 + present[0]] = 1
            elif r >= 2 and self._missing(present):
                out[self.counts] = 1
            elif r >= 2:
                n = [0] * q
                for v in present:
                    n[v] += 1
                at = self.nom[r]
                out[at] = 1
                out[at + 1] = sum(x * (x - 1) for x in n)
                out[at + 2] = r * r - sum(x * x for x in n)
                for k, x in enumerate(n):
                    if x:
                        out[at + 3 + k] = x
            ranks = [self.ranks[v] for v in present if self.ranks[v] >= 0]
            if len(ranks) >= 2:
                t = [0] * self.t
                for v in ranks:
                    t[v] += 1
                at = self.ord[len(ranks)]
                out[at] = 1
                for i, (c, k) in enumerate(self.cells):
                    x = t[c] * (t[c] - 1) if c == k else t[c] * t[k]
                    if x:
                        out[at + 1 + i] = x
        for (a, b), at in zip(self.pairs, self.pair_at, strict=True):
            va, vb = item[a], item[b]
            if va < 0 or vb < 0:
                if va >= 0 or vb >= 0:
                    out[at + 1] = 1
                    one = max(va, vb)
                    if not self._missing([one]):
                        out[at + 2 + one] = 1
            elif self._missing([va, vb]):
                out[at] = 1
            else:
                out[at + 2 + q + va * q + vb] = 1
        return out

    def pack(self, item: tuple[int, ...]) -> int:
        return sum(x << (64 * i) for i, x in self.vector(item).items())

    def unpack(self, packed: int) -> list[int]:
        return memoryview(packed.to_bytes(8 * self.lanes, "little")).cast("Q").tolist()

    def scopes(self, lanes: list[int]) -> dict[tuple[int, ...], ScopeResult]:
        """Every scope's coefficients from one summed vector."""
        out: dict[tuple[int, ...], ScopeResult] = {}
        q = self.q
        if self.pooled:
            nom = {r: lanes[at : at + 3 + q] for r, at in self.nom.items()}
            ords = {r: lanes[at : at + 1 + len(self.cells)] for r, at in self.ord.items()}
            stats = self._pooled(nom, ords, lanes[self.counts + 2 : self.counts + 2 + q])
            if self.m == 1:
                why = "one coder only: agreement needs two codings of an item"
                stats = {k: Stat(None, why, None, None, 0, 0) for k in stats}
            items = sum(v[0] for v in nom.values())
            out[tuple(range(self.m))] = ScopeResult(items, lanes[self.counts], lanes[self.counts + 1], stats)
        for pair, at in zip(self.pairs, self.pair_at, strict=True):
            cells = lanes[at + 2 + q : at + 2 + q + q * q]
            stats = self._pair(cells, lanes[at + 2 : at + 2 + q])
            out[pair] = ScopeResult(sum(cells), lanes[at], lanes[at + 1], stats)
        return out

    def _pooled(
        self, nom: Mapping[int, Sequence[int]], ords: Mapping[int, Sequence[int]], singles: Sequence[int]
    ) -> dict[str, Stat]:
        """Coefficients over all coders, from per-``r`` sums (``r``: codings on an item)."""
        n = sum(v[0] for v in nom.values())
        out: dict[str, Stat] = {}
        if n == 0:
            why = "no item has codings from two coders"
            out = {k: _undefined(why) for k in STATISTICS if k != "cohen_kappa"}
        else:
            q = self.q
            pa = sum(v[1] / (r * (r - 1)) for r, v in nom.items()) / n
            counts = [sum(v[3 + k] for v in nom.values()) for k in range(q)]
            n_pi = n + sum(singles)
            pi = [(sum(v[3 + k] / r for r, v in nom.items()) + singles[k]) / n_pi for k in range(q)]
            values = sum(counts)
            out["percent_agreement"] = Stat(pa, None, pa, None, n, values)
            zero = ": chance agreement is 1 and the ratio is 0/0"
            both = [c + s for c, s in zip(counts, singles, strict=True)]
            if sum(1 for x in both if x) == 1:
                out["fleiss_kappa"] = _undefined(
                    f"every coding is {_only(both, self.names)!r}{zero}", n, values
                )
            else:
                pe = sum(p * p for p in pi)
                out["fleiss_kappa"] = Stat((pa - pe) / (1 - pe), None, pa, pe, n, values)
            if sum(1 for x in counts if x) == 1:
                why = f"every paired coding is {_only(counts, self.names)!r}{zero}"
                out["krippendorff_alpha_nominal"] = _undefined(why, n, values)
            else:
                d_o = sum(v[2] / (r - 1) for r, v in nom.items())
                d_e = values * values - sum(x * x for x in counts)
                alpha = 1 - (values - 1) * d_o / d_e
                out["krippendorff_alpha_nominal"] = Stat(
                    alpha, None, 1 - d_o / values, 1 - d_e / (values * (values - 1)), n, values
                )
            pe = sum(p * (1 - p) for p in pi) / (q - 1)
            out["gwet_ac1"] = Stat((pa - pe) / (1 - pe), None, pa, pe, n, values)
        out["krippendorff_alpha_ordinal"] = self._ordinal(ords)
        return {k: out[k] for k in STATISTICS if k in out}

    def _ordinal(self, ords: Mapping[int, Sequence[int]]) -> Stat:
        n = sum(v[0] for v in ords.values())
        if n == 0:
            return _undefined(f"no item has two codings among {', '.join(reversed(self.rank_names))}")
        t = self.t
        o = [[0.0] * t for _ in range(t)]
        for r, v in ords.items():
            for i, (c, k) in enumerate(self.cells):
                x = v[1 + i] / (r - 1)
                o[c][k] += x
                if c != k:
                    o[k][c] += x
        nc = [sum(row) for row in o]
        values = round(sum(nc))
        used = [k for k in range(t) if nc[k] > 0.5]
        if len(used) == 1:
            why = f"every ordinal coding is {self.rank_names[used[0]]!r}: no variation, alpha is 0/0"
            return _undefined(why, n, values)
        d_o = d_e = 0.0
        for c in range(t):
            for k in range(c + 1, t):
                delta = (sum(nc[c : k + 1]) - (nc[c] + nc[k]) / 2) ** 2
                d_o += o[c][k] * delta
                d_e += nc[c] * nc[k] * delta
        alpha = 1 - (values - 1) * d_o / d_e
        return Stat(alpha, None, None, None, n, values)

    def _pair(self, cells: Sequence[int], singles: Sequence[int]) -> dict[str, Stat]:
        """Coefficients for two coders from their q x q table (rows: first coder)."""
        n = sum(cells)
        if n == 0:
            why = "the two coders share no item coded by both"
            return {k: _undefined(why) for k in STATISTICS}
        q = self.q
        agree = sum(cells[k * q + k] for k in range(q))
        rows = [sum(cells[k * q : (k + 1) * q]) for k in range(q)]
        cols = [sum(cells[k::q]) for k in range(q)]
        nom = {2: [n, 2 * agree, 2 * (n - agree)] + [rows[k] + cols[k] for k in range(q)]}
        ordv = [0] * (1 + len(self.cells))
        for a in range(q):
            for b in range(q):
                x = cells[a * q + b]
                ra, rb = self.ranks[a], self.ranks[b]
                if x and ra >= 0 and rb >= 0:
                    ordv[0] += x
                    ordv[1 + self.cell_index[(min(ra, rb), max(ra, rb))]] += 2 * x if ra == rb else x
        out = self._pooled(nom, {2: ordv}, singles)
        chance = sum(rows[k] * cols[k] for k in range(q))
        po = agree / n
        if chance == n * n:
            only = _only(rows, self.names)
            why = f"both coders gave every item {only!r}: chance agreement is 1 and kappa is 0/0"
            out["cohen_kappa"] = _undefined(why, n, 2 * n)
        else:
            pe = chance / (n * n)
            out["cohen_kappa"] = Stat((po - pe) / (1 - pe), None, po, pe, n, 2 * n)
        return {k: out[k] for k in STATISTICS}


def _undefined(reason: str, items: int = 0, values: int = 0) -> Stat:
    return Stat(None, reason, None, None, items, values)


def _only(counts: Sequence[int], names: Sequence[str]) -> str:
    return next(names[k] for k, x in enumerate(counts) if x)


# --- the whole analysis --------------------------------------------------------------------------


def analyse(
    strata: Mapping[str, Sequence[tuple[int, ...]]],
    m: int,
    *,
    include_jointly_missing: bool = False,
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
    names: Sequence[str] = NOMINAL,
    ranks: Sequence[int] = ORDINAL_RANK,
    unknown: int | None = UNKNOWN,
) -> dict[tuple[str | None, tuple[int, ...]], ScopeResult]:
    """Coefficients per stratum (principle) and pooled (key ``None``), for all coders and for each pair.

    Bootstrap replicates resample items with replacement within each stratum (the pooled figures sum the
    strata of the same replicate); the interval is the percentile interval over the replicates in which the
    coefficient is defined (``Stat.replicates`` says how many).

    Example:
        >>> r = analyse({"p": [(0, 0, 0), (1, 1, 2), (2, 2, 2), (0, -1, 0)]}, 3, n_bootstrap=200, seed=1)
        >>> s = r[(None, (0, 1, 2))]
        >>> s.items, round(s.stats["percent_agreement"].value, 4)
        (4, 0.8333)
        >>> s.stats["gwet_ac1"].low <= s.stats["gwet_ac1"].value <= s.stats["gwet_ac1"].high
        True
    """
    layout = Layout(m, include_jointly_missing, names, ranks, unknown)
    packed_strata: list[tuple[str, list[int], list[int], int]] = []
    cache: dict[tuple[int, ...], int] = {}
    total = n_total = 0
    for name, items in strata.items():
        tally = Counter(items)
        patterns = sorted(tally, key=lambda p: (-tally[p], p))
        packs = []
        for p in patterns:
            if len(p) != m:
                raise ValueError(f"item {p!r} of {name!r} has {len(p)} codings, expected {m}")
            got = cache.get(p)
            if got is None:
                got = cache[p] = layout.pack(p)
            packs.append(got)
        counts = [tally[p] for p in patterns]
        n = len(items)
        n_total += n
        if n_total * m * m >= _LANE_LIMIT:
            raise ValueError("too many items for exact sums (at most 2**53 / m**2)")
        packed_strata.append((name, packs, counts, n))
        total += sum(c * x for c, x in zip(counts, packs, strict=True))
    point: dict[tuple[str | None, tuple[int, ...]], ScopeResult] = {}
    for name, packs, counts, _ in packed_strata:
        s = sum(c * x for c, x in zip(counts, packs, strict=True))
        for scope, res in layout.scopes(layout.unpack(s)).items():
            point[(name, scope)] = res
    for scope, res in layout.scopes(layout.unpack(total)).items():
        point[(None, scope)] = res
    if n_bootstrap <= 0:
        return point
    import numpy as np

    from ._resample import batch_scopes, draw_counts, percentile_interval

    rng = np.random.Generator(np.random.PCG64(seed))
    draws: dict[tuple[str | None, tuple[int, ...]], Mapping[str, NDArray[np.float64]]] = {}
    rep_total = np.zeros((n_bootstrap, layout.lanes))
    for name, packs, counts, _ in packed_strata:
        if not packs:
            sums = np.zeros((n_bootstrap, layout.lanes))
        else:
            vectors = np.array([layout.unpack(x) for x in packs], dtype=np.float64)
            sums = draw_counts(rng, counts, n_bootstrap).astype(np.float64) @ vectors
        rep_total += sums
        for scope, stats in batch_scopes(layout, sums).items():
            draws[(name, scope)] = stats
    for scope, stats in batch_scopes(layout, rep_total).items():
        draws[(None, scope)] = stats
    out: dict[tuple[str | None, tuple[int, ...]], ScopeResult] = {}
    for key, res in point.items():
        stats_out = {}
        for stat, v in res.stats.items():
            reps = draws.get(key, {}).get(stat)
            interval = None if reps is None or v.value is None else percentile_interval(reps, confidence)
            if interval is not None:
                v = v._replace(low=interval[0], high=interval[1], replicates=interval[2])
            stats_out[stat] = v
        out[key] = res._replace(stats=stats_out)
    return out
