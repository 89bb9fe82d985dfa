"""Matching jurisdictions across datasets (policeframeworks._jurisdictions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import Jurisdiction, match_jurisdictions
from policeframeworks._jurisdictions import match_key


def city(name: str, state: str | None = None, **kw: str) -> Jurisdiction:
    return Jurisdiction(name=name, state=state, kind="city", **kw)


def pairs(left: list[Jurisdiction], right: list[Jurisdiction]) -> list[tuple[str, str, str]]:
    return [(str(p.left), str(p.right), p.how) for p in match_jurisdictions(left, right).pairs]


def test_spellings_of_one_city_match() -> None:
    left = [city("St. Paul", "MN"), city("St Paul", "MN"), city("Saint Paul", "MN")]
    for one in left:
        assert pairs([one], [city("ST PAUL", "MN")]) == [(str(one), "ST PAUL, MN", "key")]


def test_state_in_the_name_and_dc_forms() -> None:
    assert pairs([city("Kansas City, MO")], [city("Kansas City", "KS"), city("Kansas City", "MO")]) == [
        ("Kansas City, MO", "Kansas City, MO", "key")
    ]
    for dc in ("Washington Dc", "DC", "Washington, D.C.", "District of Columbia"):
        assert pairs([city(dc)], [city("Washington", "DC")])[0][2] == "key", dc
    assert match_key(city("Washington", "DC")) == match_key(city("District of Columbia", "DC"))


def test_same_name_in_two_states_is_ambiguous_never_guessed() -> None:
    m = match_jurisdictions([city("Portland")], [city("Portland", "OR"), city("Portland", "ME")])
    assert m.pairs == ()
    (a,) = m.ambiguous
    assert [str(c) for c in a.candidates] == ["Portland, OR", "Portland, ME"]
    assert m.unmatched_left == ()
    assert {r["match"] for r in m.to_records()} == {"ambiguous", "unmatched"}


def test_hyphenated_department_name_matches_its_city_and_says_so() -> None:
    assert pairs([city("Charlotte-Mecklenburg", "NC")], [city("Charlotte", "NC")]) == [
        ("Charlotte-Mecklenburg, NC", "Charlotte, NC", "first part of a hyphenated name")
    ]
    # Not when the other side has the hyphenated name itself, nor across states.
    assert pairs([city("Winston-Salem", "NC")], [city("Winston", "NC"), city("Winston-Salem", "NC")]) == [
        ("Winston-Salem, NC", "Winston-Salem, NC", "key")
    ]
    assert pairs([city("Charlotte-Mecklenburg", "NC")], [city("Charlotte", "MI")]) == []


def test_identifiers_match_first() -> None:
    left = [city("Indianapolis", "IN", fips="1836003")]
    right = [city("Indianapolis Metropolitan", "IN", fips="1836003")]
    assert pairs(left, right)[0][2] == "fips"
    assert pairs([city("X", "IL", ori="IL0160000")], [city("Y", "IL", ori="IL0160000")])[0][2] == "ori"


def test_unmatched_have_a_did_you_mean() -> None:
    m = match_jurisdictions([city("Pheonix", "AZ")], [city("Phoenix", "AZ"), city("Tucson", "AZ")])
    (u,) = m.unmatched_left
    assert u.suggestions[0] == "Phoenix, AZ"
    assert [str(x.jurisdiction) for x in m.unmatched_right] == ["Phoenix, AZ", "Tucson, AZ"]


NAMES = st.sampled_from(["Austin", "Boise", "St. Paul", "Saint Paul", "Kansas City", "Portland", "Salem"])
STATES = st.sampled_from([None, "TX", "ID", "MN", "MO", "KS", "OR", "ME"])
JURIS = st.builds(city, NAMES, STATES)


@given(st.lists(JURIS, max_size=8), st.lists(JURIS, max_size=8))
def test_every_jurisdiction_is_accounted_for_once(
    left: list[Jurisdiction], right: list[Jurisdiction]
) -> None:
    m = match_jurisdictions(left, right)
    used_left = [id(p.left) for p in m.pairs] + [id(u.jurisdiction) for u in m.unmatched_left]
    used_left += [id(a.jurisdiction) for a in m.ambiguous if a.side == "left"]
    used_right = [id(p.right) for p in m.pairs] + [id(u.jurisdiction) for u in m.unmatched_right]
    used_right += [id(a.jurisdiction) for a in m.ambiguous if a.side == "right"]
    assert sorted(used_left) == sorted(id(j) for j in left)
    assert sorted(used_right) == sorted(id(j) for j in right)
    for p in m.pairs:
        if p.how == "key":
            assert match_key(p.left) == match_key(p.right)
