"""US state, district and territory codes (USPS two-letter codes), and the names that spell them out.

Example:
    >>> state_code("Texas"), state_code(" dc "), state_code("District of Columbia"), state_code("tx")
    ('TX', 'DC', 'DC', 'TX')
    >>> state_code("Texsa") is None
    True
"""

from __future__ import annotations

#: USPS code -> name, for the 50 states, the District of Columbia and the inhabited territories.
STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}

_EXTRA_NAMES = {
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "us virgin islands": "VI",
    "virgin islands": "VI",
    "commonwealth of the northern mariana islands": "MP",
}


def _norm(text: str) -> str:
    return " ".join(text.replace(".", " ").replace(",", " ").casefold().split())


_BY_NAME: dict[str, str] = {
    **{_norm(name): code for code, name in STATES.items()},
    **_EXTRA_NAMES,
    **{code.casefold(): code for code in STATES},
}


def state_code(text: str) -> str | None:
    """The two-letter code for a state written as a code or spelled out, or None if not recognised.

    Case, surrounding spaces and full stops are ignored (``"D.C."`` is ``DC``).
    """
    return _BY_NAME.get(_norm(text))


def state_names() -> list[str]:
    """Every code and spelled-out name (for did-you-mean suggestions)."""
    return [*STATES, *STATES.values()]
