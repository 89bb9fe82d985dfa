"""Matching jurisdictions across datasets: one city written many ways, reported where a match is unsure.

Two published datasets rarely write a city alike: ``St. Paul`` and ``Saint Paul``; ``Kansas City, MO`` in
the name column of a file without a state column; ``Charlotte-Mecklenburg`` (the police department's name)
and ``Charlotte``; ``Washington Dc``, ``DC`` and ``Washington, DC``. :func:`match_jurisdictions` pairs the
jurisdictions of two lists, in this order, each step only among those not yet paired:

1. **identifiers**: the same FIPS code, or the same ORI (when both sides have one);
2. **key**: the same :attr:`~policeframeworks.Jurisdiction.key` (normalised name, state, kind), after
   :func:`match_key` has read a state out of a name written with one (``Kansas City, MO``,
   ``Washington Dc``) and spelt the District of Columbia one way (``DC``, ``Washington, D.C.`` and
   ``District of Columbia`` are all ``Washington``, ``DC``);
3. **no state on one side**: a jurisdiction without a state pairs with the only one of that name and kind
   on the other side; when that name is in several states it is **ambiguous** and left unpaired (the
   report lists the candidates), never guessed;
4. **hyphenated name**: ``Charlotte-Mecklenburg`` pairs with ``Charlotte`` (same state and kind) when the
   first part of the hyphenated name is the whole name of exactly one unpaired jurisdiction on the other
   side, and no jurisdiction there has the full hyphenated name. Such pairs say so in ``how``.

Whatever is left is **unmatched**, each with a did-you-mean (the closest names on the other side).

Example:
    >>> from policeframeworks import Jurisdiction, match_jurisdictions
    >>> city = lambda name, state=None: Jurisdiction(name=name, state=state, kind="city")
    >>> m = match_jurisdictions(
    ...     [city("Saint Paul", "MN"), city("Kansas City, MO"), city("Charlotte-Mecklenburg", "NC"),
    ...      city("Washington Dc"), city("Springfield"), city("Boise", "ID")],
    ...     [city("St. Paul", "MN"), city("Kansas City", "MO"), city("Kansas City", "KS"),
    ...      city("Charlotte", "NC"), city("Washington", "DC"), city("Springfield", "IL"),
    ...      city("Springfield", "MO"), city("Boise City", "OK")])
    >>> [(str(p.left), str(p.right), p.how) for p in m.pairs]  # doctest: +NORMALIZE_WHITESPACE
    [('Saint Paul, MN', 'St. Paul, MN', 'key'), ('Kansas City, MO', 'Kansas City, MO', 'key'),
     ('Washington Dc', 'Washington, DC', 'key'),
     ('Charlotte-Mecklenburg, NC', 'Charlotte, NC', 'first part of a hyphenated name')]
    >>> [(str(a.jurisdiction), [str(c) for c in a.candidates]) for a in m.ambiguous]
    [('Springfield', ['Springfield, IL', 'Springfield, MO'])]
    >>> [(str(u.jurisdiction), u.suggestions) for u in m.unmatched_left]
    [('Boise, ID', ('Boise City, OK',))]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from ._assessment import Jurisdiction, name_key
from ._states import state_code

__all__ = ["Ambiguous", "JurisdictionMatch", "MatchedPair", "Unmatched", "match_jurisdictions", "match_key"]

_DC_NAMES = frozenset({"dc", "d c", "washington dc", "washington d c", "district of columbia"})
_TRAILING_STATE = re.compile(r"\A(?P<name>.*\S)[\s,]+(?P<state>[A-Za-z]{2}|D\.\s?C\.?)\Z")


def match_key(j: Jurisdiction) -> tuple[str, str | None, str]:
    """The key a jurisdiction is matched on, as ``(normalised name, state, kind)``.

    Its :attr:`~policeframeworks.Jurisdiction.key`, with a state read out of a name written with one (when
    it has no state) and the District of Columbia spelt one way.

    Example:
        >>> from policeframeworks import Jurisdiction
        >>> match_key(Jurisdiction(name="Kansas City, MO", kind="city"))
        ('kansas city', 'MO', 'city')
        >>> match_key(Jurisdiction(name="Washington Dc", kind="city"))
        ('washington', 'DC', 'city')
        >>> match_key(Jurisdiction(name="Saint Paul", state="MN", kind="city"))
        ('st paul', 'MN', 'city')
    """
    name, state, kind = j.key
    if name in _DC_NAMES or (state == "DC" and name in ("washington", "district of columbia")):
        return ("washington", "DC", kind)
    if state is None:
        m = _TRAILING_STATE.match(j.name.strip())
        if m:
            code = state_code(m.group("state"))
            if code is not None:
                rest = name_key(m.group("name"))
                if code == "DC" and rest in ("washington", ""):
                    return ("washington", "DC", kind)
                return (rest, code, kind)
    return (name, state, kind)


@attrs.frozen(kw_only=True)
class MatchedPair:
    """Two jurisdictions taken to be one.

    Attributes:
        left: from the first list.
        right: from the second list.
        how: ``fips``, ``ori``, ``key``, ``name without state`` or ``first part of a hyphenated name``.
    """

    left: Jurisdiction
    right: Jurisdiction
    how: Literal["fips", "ori", "key", "name without state", "first part of a hyphenated name"]


@attrs.frozen(kw_only=True)
class Ambiguous:
    """A jurisdiction without a state whose name is in several states on the other side.

    Attributes:
        jurisdiction: the one without a state.
        candidates: the jurisdictions of that name on the other side.
        side: ``left`` or ``right``: which list ``jurisdiction`` is from.
    """

    jurisdiction: Jurisdiction
    candidates: tuple[Jurisdiction, ...]
    side: Literal["left", "right"]


@attrs.frozen(kw_only=True)
class Unmatched:
    """A jurisdiction with no counterpart on the other side.

    Attributes:
        jurisdiction: the jurisdiction.
        suggestions: the closest names on the other side (same state first), for a did-you-mean.
    """

    jurisdiction: Jurisdiction
    suggestions: tuple[str, ...]


@attrs.frozen(kw_only=True)
class JurisdictionMatch:
    """The result of :func:`match_jurisdictions`.

    Attributes:
        pairs: the matched pairs, step by step (identifiers, key, no state, hyphenated name), each step
            in the order of the first list.
        ambiguous: jurisdictions left unpaired because their name is in several states on the other side.
        unmatched_left: jurisdictions of the first list with no counterpart (ambiguous ones excluded).
        unmatched_right: jurisdictions of the second list with no counterpart (ambiguous ones excluded).
    """

    pairs: tuple[MatchedPair, ...]
    ambiguous: tuple[Ambiguous, ...]
    unmatched_left: tuple[Unmatched, ...]
    unmatched_right: tuple[Unmatched, ...]

    def to_records(self) -> list[dict[str, str]]:
        """One plain dict per jurisdiction: matched pairs, ambiguous and unmatched ones (for tables)."""
        out = [{"left": str(p.left), "right": str(p.right), "match": p.how, "note": ""} for p in self.pairs]
        for a in self.ambiguous:
            names = "; ".join(str(c) for c in a.candidates)
            left, right = (str(a.jurisdiction), "") if a.side == "left" else ("", str(a.jurisdiction))
            out.append(
                {"left": left, "right": right, "match": "ambiguous", "note": f"in several states: {names}"}
            )
        for side, items in (("left", self.unmatched_left), ("right", self.unmatched_right)):
            for u in items:
                note = f"did you mean {' or '.join(map(repr, u.suggestions))}?" if u.suggestions else ""
                left, right = (str(u.jurisdiction), "") if side == "left" else ("", str(u.jurisdiction))
                out.append({"left": left, "right": right, "match": "unmatched", "note": note})
        return out


def _suggest(j: Jurisdiction, others: Sequence[Jurisdiction]) -> tuple[str, ...]:
    key = match_key(j)
    names = {name_key(o.name): o for o in others}
    close = difflib.get_close_matches(key[0], list(names), n=3, cutoff=0.6)
    ranked = sorted(close, key=lambda n: (names[n].state != key[1], close.index(n)))
    return tuple(str(names[n]) for n in ranked)


def match_jurisdictions(left: Iterable[Jurisdiction], right: Iterable[Jurisdiction]) -> JurisdictionMatch:
    """Pair the jurisdictions of two datasets (the rules are in the module docs).

    Each jurisdiction is paired at most once. Duplicates within one list (two with one key) pair in order.
    """
    lefts, rights = list(left), list(right)
    free_left = dict.fromkeys(range(len(lefts)))
    free_right = dict.fromkeys(range(len(rights)))
    found: list[tuple[int, int, str]] = []

    def pair(i: int, k: int, how: str) -> None:
        found.append((i, k, how))
        del free_left[i]
        del free_right[k]

    for ident in ("fips", "ori"):
        index: dict[str, int] = {}
        for k in free_right:
            value = getattr(rights[k], ident)
            if value is not None:
                index.setdefault(value, k)
        for i in list(free_left):
            value = getattr(lefts[i], ident)
            k2 = index.get(value) if value is not None else None
            if k2 is not None and k2 in free_right:
                pair(i, k2, ident)
    by_key: dict[tuple[str, str | None, str], list[int]] = {}
    for k in free_right:
        by_key.setdefault(match_key(rights[k]), []).append(k)
    for i in list(free_left):
        for k in by_key.get(match_key(lefts[i]), []):
            if k in free_right:
                pair(i, k, "key")
                break
    ambiguous: list[Ambiguous] = []
    for side_from, side_to, free_from, free_to, side in (
        (lefts, rights, free_left, free_right, "left"),
        (rights, lefts, free_right, free_left, "right"),
    ):
        for i in list(free_from):
            name, state, kind = match_key(side_from[i])
            if state is not None:
                continue
            candidates = [k for k in free_to if match_key(side_to[k])[0::2] == (name, kind)]
            if len(candidates) == 1:
                a, b = (i, candidates[0]) if side == "left" else (candidates[0], i)
                pair(a, b, "name without state")
            elif len(candidates) > 1:
                ambiguous.append(
                    Ambiguous(
                        jurisdiction=side_from[i],
                        candidates=tuple(side_to[k] for k in candidates),
                        side=side,  # type: ignore[arg-type]
                    )
                )
    full_names = {match_key(j)[0] for j in rights}
    for i in list(free_left):
        name, state, kind = match_key(lefts[i])
        words = lefts[i].name.split("-")
        if len(words) < 2 or name in full_names:
            continue
        first = name_key(words[0])
        candidates = [k for k in free_right if match_key(rights[k]) == (first, state, kind)]
        if len(candidates) == 1:
            pair(i, candidates[0], "first part of a hyphenated name")
    taken = {id(a.jurisdiction) for a in ambiguous}
    pairs = tuple(
        MatchedPair(left=lefts[i], right=rights[k], how=how)  # type: ignore[arg-type]
        for i, k, how in found
    )
    unmatched_left = tuple(
        Unmatched(jurisdiction=lefts[i], suggestions=_suggest(lefts[i], [rights[k] for k in free_right]))
        for i in free_left
        if id(lefts[i]) not in taken
    )
    unmatched_right = tuple(
        Unmatched(jurisdiction=rights[k], suggestions=_suggest(rights[k], [lefts[i] for i in free_left]))
        for k in free_right
        if id(rights[k]) not in taken
    )
    return JurisdictionMatch(
        pairs=pairs,
        ambiguous=tuple(ambiguous),
        unmatched_left=unmatched_left,
        unmatched_right=unmatched_right,
    )
