"""Shared pieces of the strategies: argument checks, text, slugs, ids, dates, URLs."""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..._model import Wording
from ...exceptions import PoliceFrameworksError

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_TLDS = ("org", "com", "gov", "net", "us")
# No surrogates: they cannot be written as UTF-8.
_ANY_CHAR = st.characters(codec="utf-8")
_WORDINGS = st.sampled_from(Wording)
_QUARTER = st.integers(0, 3).map(lambda n: n == 3)


class StrategyArgumentError(PoliceFrameworksError, InvalidArgument):
    """A strategy was called with arguments that cannot be met (also Hypothesis's ``InvalidArgument``).

    Example:
        >>> from policeframeworks.testing.strategies import frameworks
        >>> frameworks(min_principles=3, max_principles=1)
        Traceback (most recent call last):
        ...
        policeframeworks.testing.strategies.StrategyArgumentError: min_principles=3 is more than ...
    """

    __module__ = "policeframeworks.testing.strategies"  # where users import it from


def _check_range(low_name: str, low: int, high_name: str, high: int, *, floor: int = 0) -> None:
    for name, value in ((low_name, low), (high_name, high)):
        if isinstance(value, bool) or not isinstance(value, int) or value < floor:
            raise StrategyArgumentError(f"{name}={value!r} must be an integer >= {floor}")
    if low > high:
        raise StrategyArgumentError(f"{low_name}={low!r} is more than {high_name}={high!r}")


def _check_count(name: str, value: int, *, floor: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < floor:
        raise StrategyArgumentError(f"{name}={value!r} must be an integer >= {floor}")


def _not_blank(text: str) -> str:
    """The text itself unless it is all white space, then ``0`` and the text (keeps the model's rule)."""
    return text if text.strip() else "0" + text


@functools.cache
def _text(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Text that is not blank, of any UTF-8 characters (one draw: cheap to generate and to shrink)."""
    return st.text(_ANY_CHAR, min_size=1, max_size=max_size).map(_not_blank)


def _as_slug(text: str) -> str:
    """Hyphens only between letters and digits: ``-a--b-`` becomes ``a-b``; nothing left becomes ``0``."""
    return "-".join(part for part in text.split("-") if part) or "0"


@functools.cache
def _slugs() -> st.SearchStrategy[str]:
    """Lowercase slugs: ``a``, ``x9``, ``use-of-force`` (one draw each: cheap to shrink)."""
    return st.text(_SLUG_ALPHABET + "-", min_size=1, max_size=16).map(_as_slug)


def framework_ids() -> st.SearchStrategy[str]:
    """Framework ids: lowercase slugs such as ``a`` or ``uscm-2020``.

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks._ids import is_framework_id
        >>> @settings(max_examples=20)
        ... @given(framework_ids())
        ... def test_ids(fid):
        ...     assert is_framework_id(fid)
        >>> test_ids()
    """
    return _slugs()


def _cut_date(day: _dt.date, width: int) -> str:
    return day.isoformat()[:width]


@functools.cache
def _dates() -> st.SearchStrategy[str]:
    """ISO dates, possibly reduced: ``2000``, ``2000-01``, ``2000-01-01``."""
    days = st.dates(min_value=_dt.date(1800, 1, 1), max_value=_dt.date(2099, 12, 31))
    return st.builds(_cut_date, days, st.sampled_from((4, 7, 10)))


def _url(scheme: str, host: str, tld: str, path: list[str]) -> str:
    return f"{scheme}://{host}.{tld}" + "".join(f"/{p}" for p in path)


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.builds(
        _url,
        st.sampled_from(("https", "http")),
        _slugs(),
        st.sampled_from(_TLDS),
        st.lists(_slugs(), max_size=3),
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy
