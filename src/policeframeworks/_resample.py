"""Seeded sampling for the bootstrap, in pure Python: binomial and multinomial draws, and quantiles.

Example:
    >>> from random import Random
    >>> draw = multinomial(Random(1), 50, [30, 15, 5])
    >>> sum(draw), len(draw)
    (50, 3)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from random import Random

__all__ = ["binomial", "multinomial", "quantile"]


def binomial(rng: Random, n: int, p: float) -> int:
    """One draw from Binomial(n, p): inversion for small ``n p``, else Hormann's BTRS (1993).

    Example:
        >>> binomial(Random(1), 10, 0.0), binomial(Random(1), 10, 1.0)
        (0, 10)
    """
    if n <= 0 or p <= 0.0:
        return 0
    if p >= 1.0:
        return n
    if p > 0.5:
        return n - binomial(rng, n, 1.0 - p)
    q = 1.0 - p
    if n * p < 10.0:
        s = p / q
        a = (n + 1) * s
        while True:
            r = q**n
            u = rng.random()
            x = 0
            while u > r:
                u -= r
                x += 1
                r *= a / x - s
                if x > n:
                    break
            else:
                return x
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - 4.2 / b
    alpha = (2.83 + 5.1 / b) * spq
    lpq = math.log(p / q)
    m = math.floor((n + 1) * p)
    h = math.lgamma(m + 1) + math.lgamma(n - m + 1)
    while True:
        u = rng.random() - 0.5
        v = rng.random()
        us = 0.5 - abs(u)
        if us <= 0.0 or v <= 0.0:
            continue
        k = math.floor((2 * a / us + b) * u + c)
        if k < 0 or k > n:
            continue
        if us >= 0.07 and v <= v_r:
            return k
        v = math.log(v * alpha / (a / (us * us) + b))
        if v <= h - math.lgamma(k + 1) - math.lgamma(n - k + 1) + (k - m) * lpq:
            return k


def multinomial(rng: Random, n: int, counts: Sequence[int]) -> list[int]:
    """``n`` draws over categories weighted by ``counts`` (conditional binomials).

    Put the largest counts first: the later, small categories then see few draws left, and their
    binomials are drawn inline by inversion.

    Example:
        >>> sum(multinomial(Random(3), 100, [7, 5, 1, 0]))
        100
    """
    left_n = n
    left_w = sum(counts)
    rand = rng.random
    out = []
    for c in counts:
        if left_n == 0 or c == 0:
            out.append(0)
            continue
        if c >= left_w:
            x = left_n
        else:
            p = c / left_w
            if p <= 0.5 and left_n * p < 10.0:
                q = 1.0 - p
                s = p / q
                a = (left_n + 1) * s
                while True:
                    r = q**left_n
                    u = rand()
                    x = 0
                    while u > r:
                        u -= r
                        x += 1
                        r *= a / x - s
                        if x > left_n:
                            break
                    else:
                        break
            else:
                x = binomial(rng, left_n, p)
        out.append(x)
        left_n -= x
        left_w -= c
    return out


def quantile(ordered: Sequence[float], p: float) -> float:
    """The ``p`` quantile of sorted values, interpolated linearly (numpy's default, Hyndman-Fan type 7).

    Example:
        >>> quantile([1.0, 2.0, 3.0, 4.0], 0.5)
        2.5
    """
    h = (len(ordered) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (h - lo) * (ordered[hi] - ordered[lo])
