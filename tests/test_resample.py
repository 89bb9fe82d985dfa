"""Seeded sampling for the bootstrap (policeframeworks._resample)."""

from __future__ import annotations

import math
import random

import pytest

from policeframeworks._resample import binomial, multinomial, quantile


def test_binomial_mean_and_variance() -> None:
    rng = random.Random(5)
    for n, p in ((30, 0.1), (5000, 0.3), (18000, 0.02), (100, 0.9)):
        draws = [binomial(rng, n, p) for _ in range(4000)]
        mean = sum(draws) / len(draws)
        var = sum((d - mean) ** 2 for d in draws) / (len(draws) - 1)
        assert all(0 <= d <= n for d in draws)
        # 6 standard errors: fails by chance with probability below 1e-8
        assert abs(mean - n * p) < 6 * math.sqrt(n * p * (1 - p) / len(draws))
        assert var == pytest.approx(n * p * (1 - p), rel=0.15)


def test_multinomial_sums_and_respects_zeros() -> None:
    rng = random.Random(9)
    for _ in range(200):
        counts = [rng.choice([0, 1, 5, 300]) for _ in range(8)]
        if not any(counts):
            continue
        draw = multinomial(rng, 1000, counts)
        assert sum(draw) == 1000
        assert all(d == 0 for d, c in zip(draw, counts, strict=True) if c == 0)


def test_quantile_matches_numpy() -> None:
    np = pytest.importorskip("numpy")
    rng = random.Random(2)
    data = sorted(rng.random() for _ in range(101))
    for p in (0.0, 0.025, 0.5, 0.975, 1.0):
        assert quantile(data, p) == pytest.approx(float(np.quantile(data, p)), abs=1e-15)
