"""The vectorised bootstrap (policeframeworks._resample)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from policeframeworks._reliability_stats import NOMINAL, ORDINAL_RANK, UNKNOWN, Layout
from policeframeworks._resample import batch_scopes, draw_counts, percentile_interval


def test_draws_resample_every_item_and_respect_zero_weights() -> None:
    rng = np.random.Generator(np.random.PCG64(9))
    for _ in range(50):
        counts = [int(x) for x in rng.choice([0, 1, 5, 300], size=8)]
        if not any(counts):
            continue
        draws = draw_counts(rng, counts, 200)
        assert draws.shape == (200, 8)
        assert (draws.sum(axis=1) == sum(counts)).all()
        assert (draws[:, [c == 0 for c in counts]] == 0).all()


def test_draws_have_the_multinomial_mean() -> None:
    counts = [50, 30, 15, 5]
    draws = draw_counts(np.random.Generator(np.random.PCG64(5)), counts, 4000)
    n = sum(counts)
    for k, c in enumerate(counts):
        p = c / n
        # 6 standard errors: fails by chance with probability below 1e-8
        assert abs(draws[:, k].mean() - c) < 6 * math.sqrt(n * p * (1 - p) / 4000)


def test_percentile_interval_skips_undefined_replicates() -> None:
    values = np.array([4.0, np.nan, 1.0, 3.0, np.nan, 2.0])
    assert percentile_interval(values, 0.5) == (1.75, 3.25, 4)
    assert percentile_interval(np.array([np.nan, np.nan]), 0.95) is None
    assert percentile_interval(values, 0.95) == pytest.approx(
        (float(np.quantile([1, 2, 3, 4], 0.025)), float(np.quantile([1, 2, 3, 4], 0.975)), 4)
    )


@pytest.mark.parametrize("seed", range(30))
def test_batch_equals_the_scalar_formulas(seed: int) -> None:
    """Each row of ``batch_scopes`` is the point computation (``Layout.scopes``) of the same sums."""
    rng = random.Random(seed)
    m = rng.choice([1, 2, 3, 4])
    layout = Layout(m, rng.random() < 0.5, NOMINAL, ORDINAL_RANK, UNKNOWN)
    # adversarial rows too: few items, one category, all missing
    palette = rng.choice([[-1, 0, 1, 2, 3, 4], [0], [0, 3], [-1, 3], [3, 4], [0, 1]])
    rows = []
    for _ in range(12):
        items = [tuple(rng.choice(palette) for _ in range(m)) for _ in range(rng.choice([0, 1, 2, 5, 40]))]
        rows.append(layout.unpack(sum((layout.pack(i) for i in items), 0)))
    batch = batch_scopes(layout, np.array(rows, dtype=np.float64))
    for row, lanes in enumerate(rows):
        for scope, res in layout.scopes(lanes).items():
            for stat, v in res.stats.items():
                if scope not in batch:
                    assert v.value is None
                    continue
                got = float(batch[scope][stat][row])
                if v.value is None:
                    assert math.isnan(got), (scope, stat, v.reason)
                else:
                    assert got == pytest.approx(v.value, abs=1e-12), (scope, stat)
