"""The id scheme: framework ids are slugs, principle ids are ``<framework-id>:<slug>[/<slug>...]``.

Example:
    >>> is_framework_id("uscm-2020"), is_framework_id("USCM 2020")
    (True, False)
    >>> is_principle_id("uscm-2020:sanctity-of-life/chokehold-ban")
    True
    >>> framework_id_of("uscm-2020:sanctity-of-life/chokehold-ban")
    'uscm-2020'
    >>> parent_id_of("uscm-2020:sanctity-of-life/chokehold-ban")
    'uscm-2020:sanctity-of-life'
"""

from __future__ import annotations

import datetime as _dt
import re

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_FRAMEWORK_RE = re.compile(SLUG)
_PRINCIPLE_RE = re.compile(rf"({SLUG}):({SLUG}(?:/{SLUG})*)")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_framework_id(value: str) -> bool:
    """Whether ``value`` is a valid framework id (a lowercase slug)."""
    return _FRAMEWORK_RE.fullmatch(value) is not None


def is_slug(value: str) -> bool:
    """Whether ``value`` is a lowercase slug: ``a-z``, digits and single inner hyphens."""
    return _FRAMEWORK_RE.fullmatch(value) is not None


_PRINCIPLE_IDS: dict[str, bool] = {}


def is_principle_id(value: str) -> bool:
    """Whether ``value`` is a valid principle id."""
    # Remembered: bulk paths (projection, reading a national table) check the same few ids millions of times.
    found = _PRINCIPLE_IDS.get(value)
    if found is None:
        found = _PRINCIPLE_RE.fullmatch(value) is not None
        if len(_PRINCIPLE_IDS) > 65536:
            _PRINCIPLE_IDS.clear()
        _PRINCIPLE_IDS[value] = found
    return found


def framework_id_of(principle_id: str) -> str:
    """The framework part of a principle id (everything before the first ``:``)."""
    return principle_id.split(":", 1)[0]


def parent_id_of(principle_id: str) -> str | None:
    """The id of the parent principle, or None for a top-level principle."""
    head, sep, _ = principle_id.rpartition("/")
    return head if sep else None


def depth_of(principle_id: str) -> int:
    """0 for a top-level principle, 1 for its children, and so on."""
    return principle_id.count("/")


def is_partial_date(value: str) -> bool:
    """Whether ``value`` is an ISO date, possibly reduced (``2020``, ``2020-06``, ``2020-06-25``).

    Example:
        >>> [is_partial_date(v) for v in ("2020", "2020-06", "2020-06-31", "June 2020")]
        [True, True, False, False]
    """
    m = _DATE_RE.fullmatch(value)
    if m is None:
        return False
    year, month, day = m.groups()
    if day is not None:
        try:
            _dt.date(int(year), int(month), int(day))
        except ValueError:
            return False
        return True
    return month is None or 1 <= int(month) <= 12
