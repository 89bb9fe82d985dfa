"""US state, district and territory codes (USPS two-letter codes), their names and FIPS codes.

The data comes from the maintained `us <https://pypi.org/project/us/>`_ package (a dependency), imported on
the first lookup, never at ``import policeframeworks``. Only its exact tables are used: its ``lookup``
guesses a misspelt name by sound (``"Texsa"`` -> Texas), which a reader of data must never do, so
misspellings are reported with a did-you-mean instead. A few spellings the package does not know are added
(``Washington DC``, ``D.C.``, ``U.S. Virgin Islands``).

Why a dependency and not an optional extra: every :class:`~policeframeworks.Jurisdiction` checks its state
against this table, so an optional extra would need a second, hand-written copy of it for when the extra is
missing, which is what this module replaced.

Example:
    >>> state_code("Texas"), state_code(" dc "), state_code("District of Columbia"), state_code("tx")
    ('TX', 'DC', 'DC', 'TX')
    >>> state_code("Texsa") is None
    True
    >>> state_fips("MN"), state_from_fips("27"), state_from_fips("27123"), state_name("VI")
    ('27', 'MN', 'MN', 'Virgin Islands')
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

__all__ = ["STATES", "state_code", "state_fips", "state_from_fips", "state_name", "state_names"]

_EXTRA_NAMES = {
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "us virgin islands": "VI",
    "u s virgin islands": "VI",
    "virgin islands of the united states": "VI",
    "commonwealth of the northern mariana islands": "MP",
}


@functools.cache
def _table() -> dict[str, tuple[str, str]]:
    """USPS code -> (name, FIPS) for the 50 states, DC and the five inhabited territories."""
    import us

    return {s.abbr: (s.name, s.fips or "") for s in us.states.STATES_AND_TERRITORIES}


class _States(Mapping[str, str]):
    """USPS code -> name, read from the ``us`` package on first use."""

    def __getitem__(self, code: str) -> str:
        return _table()[code][0]

    def __iter__(self) -> Iterator[str]:
        return iter(_table())

    def __len__(self) -> int:
        return len(_table())

    def __contains__(self, code: object) -> bool:
        return code in _table()

    def __repr__(self) -> str:
        return f"STATES({len(self)} codes)"


#: USPS code -> name, for the 50 states, the District of Columbia and the inhabited territories.
STATES: Mapping[str, str] = _States()


def _norm(text: str) -> str:
    return " ".join(text.replace(".", " ").replace(",", " ").casefold().split())


@functools.cache
def _by_name() -> dict[str, str]:
    table = _table()
    return {
        **{_norm(name): code for code, (name, _) in table.items()},
        **_EXTRA_NAMES,
        **{code.casefold(): code for code in table},
    }


def state_code(text: str) -> str | None:
    """The two-letter code for a state written as a code or spelled out, or None if not recognised.

    Case, surrounding spaces and full stops are ignored (``"D.C."`` is ``DC``). Nothing is guessed.
    """
    return _by_name().get(_norm(text))


def state_name(code: str) -> str | None:
    """The name of the state with this USPS code, or None."""
    found = _table().get(code)
    return None if found is None else found[0]


def state_fips(code: str) -> str | None:
    """The two-digit FIPS code of the state with this USPS code, or None."""
    found = _table().get(code)
    return None if found is None else found[1]


@functools.cache
def _by_fips() -> dict[str, str]:
    return {fips: code for code, (_, fips) in _table().items()}


def state_from_fips(fips: str) -> str | None:
    """The USPS code of the state a FIPS code (2 digits, or a longer place or county code) is in."""
    return _by_fips().get(fips[:2]) if fips[:2].isascii() and fips[:2].isdigit() else None


def state_names() -> list[str]:
    """Every code and spelled-out name (for did-you-mean suggestions)."""
    return [*_table(), *(name for name, _ in _table().values())]
