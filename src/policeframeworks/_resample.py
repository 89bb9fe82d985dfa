"""The bootstrap of the reliability statistics, vectorised with numpy (imported here, never by the package).

All replicates are drawn at once: for each stratum (principle), the counts of its distinct item patterns in
each replicate are one multinomial draw of ``n`` items over the patterns weighted by their frequencies
(``numpy.random.Generator(PCG64(seed))``), so a replicate resamples the stratum's items with replacement.
The replicate sums are a matrix product of those counts with the patterns' integer vectors (in float64, exact
because every sum stays below 2**53), and every coefficient is computed for all replicates as array
arithmetic with the same formulas as :class:`~policeframeworks._reliability_stats.Layout`, ``nan`` where the
coefficient is undefined in that replicate.

The random stream is numpy's: the same seed gives the same intervals with the same numpy version (numpy
keeps ``PCG64`` stable, but a release may change how a multinomial is drawn from it).

Example:
    >>> import numpy as np
    >>> draws = draw_counts(np.random.Generator(np.random.PCG64(1)), [30, 15, 5], 4)
    >>> draws.shape, draws.sum(axis=1).tolist()
    ((4, 3), [50, 50, 50, 50])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from ._reliability_stats import Layout

__all__ = ["batch_scopes", "draw_counts", "percentile_interval"]

Floats = NDArray[np.float64]


def draw_counts(rng: np.random.Generator, counts: Sequence[int], n_bootstrap: int) -> NDArray[np.int64]:
    """``n_bootstrap`` resamples of ``sum(counts)`` items: each pattern's count, one row per replicate.

    Example:
        >>> import numpy as np
        >>> draw_counts(np.random.Generator(np.random.PCG64(0)), [3, 0], 2).tolist()
        [[3, 0], [3, 0]]
    """
    weights = np.asarray(counts, dtype=np.float64)
    n = int(weights.sum())
    return rng.multinomial(n, weights / n, size=n_bootstrap).astype(np.int64)


def percentile_interval(values: Floats, confidence: float) -> tuple[float, float, int] | None:
    """The percentile interval over the defined (not ``nan``) replicate values, and how many there were.

    Quantiles are interpolated linearly (Hyndman-Fan type 7, numpy's default); ``None`` when no replicate is
    defined.

    Example:
        >>> import numpy as np
        >>> percentile_interval(np.array([1.0, float("nan"), 2.0, 3.0, 4.0]), 0.5)
        (1.75, 3.25, 4)
    """
    defined = values[~np.isnan(values)]
    if defined.size == 0:
        return None
    alpha = (1 - confidence) / 2
    low, high = np.quantile(defined, [alpha, 1 - alpha])
    return float(low), float(high), int(defined.size)


def batch_scopes(layout: Layout, sums: Floats) -> dict[tuple[int, ...], dict[str, Floats]]:
    """Every scope's coefficients for each row of summed vectors (``nan``: undefined in that replicate).

    Scopes whose coefficients are never defined (the pooled scope of one coder) are left out.
    """
    q = layout.q
    out: dict[tuple[int, ...], dict[str, Floats]] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        if layout.pooled and layout.m > 1:
            nom = {r: sums[:, at : at + 3 + q] for r, at in layout.nom.items()}
            ords = {r: sums[:, at : at + 1 + len(layout.cells)] for r, at in layout.ord.items()}
            singles = sums[:, layout.counts + 2 : layout.counts + 2 + q]
            out[tuple(range(layout.m))] = _pooled(layout, nom, ords, singles)
        for pair, at in zip(layout.pairs, layout.pair_at, strict=True):
            cells = sums[:, at + 2 + q : at + 2 + q + q * q]
            out[pair] = _pair(layout, cells, sums[:, at + 2 : at + 2 + q])
    return out


def _where(defined: NDArray[np.bool_], value: Floats) -> Floats:
    return np.where(defined, value, np.nan)


def _pooled(
    layout: Layout, nom: Mapping[int, Floats], ords: Mapping[int, Floats], singles: Floats
) -> dict[str, Floats]:
    q = layout.q
    rs = list(nom.items())
    n = sum(v[:, 0] for _, v in rs)
    assert isinstance(n, np.ndarray)
    some = n > 0
    pa = sum(v[:, 1] / (r * (r - 1)) for r, v in rs) / n
    counts = sum(v[:, 3 : 3 + q] for _, v in rs)
    assert isinstance(counts, np.ndarray)
    n_pi = n + singles.sum(axis=1)
    pi = (sum(v[:, 3 : 3 + q] / r for r, v in rs) + singles) / n_pi[:, None]
    values = counts.sum(axis=1)
    out: dict[str, Floats] = {"percent_agreement": _where(some, pa)}
    both_used = ((counts + singles) > 0).sum(axis=1)
    pe = (pi * pi).sum(axis=1)
    out["fleiss_kappa"] = _where(some & (both_used != 1), (pa - pe) / (1 - pe))
    d_o = sum(v[:, 2] / (r - 1) for r, v in rs)
    d_e = values * values - (counts * counts).sum(axis=1)
    alpha = 1 - (values - 1) * d_o / d_e
    out["krippendorff_alpha_nominal"] = _where(some & ((counts > 0).sum(axis=1) != 1), alpha)
    pe = (pi * (1 - pi)).sum(axis=1) / (q - 1)
    out["gwet_ac1"] = _where(some, (pa - pe) / (1 - pe))
    out["krippendorff_alpha_ordinal"] = _ordinal(layout, ords)
    return out


def _ordinal(layout: Layout, ords: Mapping[int, Floats]) -> Floats:
    t = layout.t
    rs = list(ords.items())
    n = sum(v[:, 0] for _, v in rs)
    assert isinstance(n, np.ndarray)
    o = np.zeros((n.shape[0], t, t))
    for r, v in rs:
        for i, (c, k) in enumerate(layout.cells):
            x = v[:, 1 + i] / (r - 1)
            o[:, c, k] += x
            if c != k:
                o[:, k, c] += x
    nc = o.sum(axis=2)
    values = np.round(nc.sum(axis=1))
    used = (nc > 0.5).sum(axis=1)
    d_o = np.zeros_like(n)
    d_e = np.zeros_like(n)
    for c in range(t):
        for k in range(c + 1, t):
            delta = (nc[:, c : k + 1].sum(axis=1) - (nc[:, c] + nc[:, k]) / 2) ** 2
            d_o += o[:, c, k] * delta
            d_e += nc[:, c] * nc[:, k] * delta
    return _where((n > 0) & (used != 1), 1 - (values - 1) * d_o / d_e)


def _pair(layout: Layout, cells: Floats, singles: Floats) -> dict[str, Floats]:
    q = layout.q
    n = cells.sum(axis=1)
    agree = cells[:, :: q + 1].sum(axis=1)
    table = cells.reshape(-1, q, q)
    rows = table.sum(axis=2)
    cols = table.sum(axis=1)
    nom = np.concatenate([n[:, None], 2 * agree[:, None], 2 * (n - agree)[:, None], rows + cols], axis=1)
    ordv = np.zeros((cells.shape[0], 1 + len(layout.cells)))
    for a in range(q):
        for b in range(q):
            ra, rb = layout.ranks[a], layout.ranks[b]
            if ra >= 0 and rb >= 0:
                x = cells[:, a * q + b]
                ordv[:, 0] += x
                ordv[:, 1 + layout.cell_index[(min(ra, rb), max(ra, rb))]] += 2 * x if ra == rb else x
    out = _pooled(layout, {2: nom}, {2: ordv}, singles)
    chance = (rows * cols).sum(axis=1)
    pe = chance / (n * n)
    po = agree / n
    out["cohen_kappa"] = _where((n > 0) & (chance != n * n), (po - pe) / (1 - pe))
    return out
