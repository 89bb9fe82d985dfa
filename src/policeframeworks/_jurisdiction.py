"""Jurisdictions: a city, county, state or agency, with its identity across files (frozen attrs classes)."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._states import STATES, state_code
from ._validate import enum_problem, nonempty, raise_problems, to_enum
from .exceptions import Problem

__all__ = ["Jurisdiction", "JurisdictionKind", "checked_parts_jurisdiction", "name_key"]


class JurisdictionKind(enum.StrEnum):
    """What sort of jurisdiction is assessed."""

    CITY = "city"
    COUNTY = "county"
    STATE = "state"
    AGENCY = "agency"


def _to_kind(value: JurisdictionKind | str) -> JurisdictionKind:
    return to_enum(JurisdictionKind, value)


def _to_attributes(value: Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(value, MappingProxyType):
        return value
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


_NAME_PUNCT = re.compile(r"[.,'\u2019`]")
_NAME_WORDS = {"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}


def name_key(name: str) -> str:
    """A jurisdiction name normalised for matching across files (the name itself is never changed).

    Case is ignored; full stops, commas and apostrophes are removed; hyphens count as spaces; runs of
    spaces collapse; and the words *saint*, *sainte*, *fort* and *mount* match their abbreviations
    *st*, *ste*, *ft* and *mt*.

    Example:
        >>> name_key("St. Paul") == name_key("St Paul") == name_key("Saint Paul") == name_key("ST  PAUL")
        True
        >>> name_key("Winston-Salem")
        'winston salem'
    """
    words = _NAME_PUNCT.sub("", name).replace("-", " ").casefold().split()
    return " ".join([_NAME_WORDS.get(w, w) for w in words])


_FIPS_RE = re.compile(r"\d{2}|\d{5}|\d{7}|\d{10}")
_ORI_RE = re.compile(r"[A-Z]{2}[A-Z0-9]{7}")


@attrs.frozen(kw_only=True)
class Jurisdiction:
    """A city, county, state or agency.

    Attributes:
        name: the name as given (never rewritten; :attr:`key` matches spelling variants).
        state: the USPS two-letter code of the state, district or territory (``"IL"``, ``"DC"``, ``"PR"``);
            None for a jurisdiction that is not in one.
        kind: city, county, state or agency.
        fips: the FIPS code where known (2, 5, 7 or 10 digits, kept as text so leading zeros stay).
        ori: the FBI originating agency identifier where known (9 characters, e.g. ``"ILxxxxxxx"``).
        attributes: other facts carried along (spreadsheet columns that map to no principle), by name.
            Values are non-empty text.
        key: the jurisdiction's identity across files, ``(normalised name, state, kind)``; the name is
            normalised for matching only (case, punctuation and *Saint*/*St* spellings ignored),
            computed once.

    Example:
        >>> j = Jurisdiction(name="St. Paul", state="MN", kind="city", attributes={"population": "311527"})
        >>> j.key == Jurisdiction(name="St Paul", state="MN", kind="city").key
        True
        >>> j.attributes["population"]
        '311527'
        >>> Jurisdiction(name="Austin", state="Texas", kind="town")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 2 problems:
          state: 'Texas' is not a two-letter state code (did you mean 'TX'?)
          kind: 'town' is not one of city, county, state, agency
    """

    name: str
    state: str | None = None
    kind: JurisdictionKind = attrs.field(converter=_to_kind)
    fips: str | None = None
    ori: str | None = None
    attributes: Mapping[str, str] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_to_attributes, hash=False
    )

    def __attrs_post_init__(self) -> None:
        problems = [p for p in (nonempty("name", self.name),) if p]
        if not problems and self.name != self.name.strip():
            problems.append(Problem("name", f"{self.name!r} has surrounding spaces"))
        if self.state is not None and self.state not in STATES:
            hint = state_code(self.state) if isinstance(self.state, str) else None
            problems.append(
                Problem("state", f"{self.state!r} is not a two-letter state code", suggestion=hint, code="id")
            )
        kind = enum_problem("kind", self.kind, JurisdictionKind)
        if kind:
            problems.append(kind)
        if self.fips is not None and not (isinstance(self.fips, str) and _FIPS_RE.fullmatch(self.fips)):
            problems.append(
                Problem("fips", f"{self.fips!r} is not a FIPS code (2, 5, 7 or 10 digits)", code="id")
            )
        if self.ori is not None and not (isinstance(self.ori, str) and _ORI_RE.fullmatch(self.ori)):
            problems.append(
                Problem("ori", f"{self.ori!r} is not an ORI (9 characters: state letters, then 7)", code="id")
            )
        if not isinstance(self.attributes, (MappingProxyType, Mapping)):
            problems.append(Problem("attributes", "expected a table of names to text", code="type"))
        else:
            for key, value in self.attributes.items():
                if not (isinstance(key, str) and key.strip() and key == key.strip()):
                    problems.append(Problem("attributes", f"{key!r} is not a usable attribute name"))
                elif not (isinstance(value, str) and value.strip() and value == value.strip()):
                    problems.append(
                        Problem(
                            f"attributes.{key}",
                            f"{value!r}: expected non-empty text without surrounding spaces",
                        )
                    )
        raise_problems(problems)

    @functools.cached_property
    def key(self) -> tuple[str, str | None, str]:
        """The jurisdiction's identity across files, as ``(normalised name, state, kind)``.

        The name is normalised for matching only: case, full stops, commas, apostrophes and hyphens are
        ignored, and *Saint*, *Sainte*, *Fort* and *Mount* match *St*, *Ste*, *Ft* and *Mt*.
        """
        return (name_key(self.name), self.state, str(self.kind))

    def __str__(self) -> str:
        return f"{self.name}, {self.state}" if self.state else self.name


_new = object.__new__
_set = object.__setattr__


def checked_parts_jurisdiction(
    *, name: str, state: str | None, kind: JurisdictionKind, attributes: Mapping[str, str]
) -> Jurisdiction:
    """A :class:`Jurisdiction` without FIPS code or ORI, of parts the caller has checked, not checked again.

    For readers of large tables only, that have checked every part as ``Jurisdiction(...)`` does: a
    stripped non-empty name, a state code or None, a :class:`JurisdictionKind` member, attribute names and
    values that are stripped non-empty text. It then equals what ``Jurisdiction(...)`` builds from the same
    parts (the tests check this field by field), with its ``key`` already computed.
    """
    j = _new(Jurisdiction)
    _set(j, "name", name)
    _set(j, "state", state)
    _set(j, "kind", kind)
    _set(j, "fips", None)
    _set(j, "ori", None)
    _set(j, "attributes", MappingProxyType(dict(attributes)))
    # The key, computed now (readers look every row's key up): attrs keeps a cached property of a slotted
    # class in a slot of its name, which ``j.key`` then reads (the tests compare it with the computed one).
    _set(j, "key", (name_key(name), state, str(kind)))
    return j
