"""Did-you-mean suggestions for ids, keys and enum words."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], *, n: int = 3) -> tuple[str, ...]:
    """The candidates closest to ``word``, best first: prefix matches, then similar spellings.

    Example:
        >>> closest("uscm", ["uscm-2020", "8cantwait-2020"])
        ('uscm-2020',)
        >>> closest("verbatum", ["verbatim", "excerpt", "paraphrase"])
        ('verbatim',)
        >>> closest("zzz", ["verbatim"])
        ()
    """
    pool = list(dict.fromkeys(candidates))
    low = word.lower()
    by_lower = {c.lower(): c for c in pool}
    found: list[str] = []
    if low in by_lower and by_lower[low] != word:
        found.append(by_lower[low])
    found += [c for c in pool if low and c.lower().startswith(low) and c not in found]
    found += [c for c in difflib.get_close_matches(word, pool, n=n, cutoff=0.6) if c not in found]
    if len(found) < n:
        lowered = difflib.get_close_matches(low, list(by_lower), n=n, cutoff=0.6)
        found += [by_lower[c] for c in lowered if by_lower[c] not in found]
    return tuple(found[:n])


def first_or_none(word: str, candidates: Iterable[str]) -> str | None:
    """The single closest candidate, or None.

    Example:
        >>> first_or_none("paraphase", ["verbatim", "excerpt", "paraphrase"])
        'paraphrase'
    """
    best = closest(word, candidates, n=1)
    return best[0] if best else None
