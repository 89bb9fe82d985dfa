from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import Basis, RationaleType, Relationship, ValidationError

R = Relationship


@given(st.sampled_from(list(R)))
def test_inverse_is_an_involution(r: Relationship) -> None:
    assert r.inverse().inverse() is r


def test_inverse_table() -> None:
    assert R.SUBSET.inverse() is R.SUPERSET
    assert R.SUPERSET.inverse() is R.SUBSET
    for symmetric in (R.EQUAL, R.INTERSECTS, R.NO_RELATIONSHIP):
        assert symmetric.inverse() is symmetric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("subset of", R.SUBSET),
        ("Subset-Of", R.SUBSET),
        ("superset of", R.SUPERSET),
        ("superset-of", R.SUPERSET),
        ("equal-to", R.EQUAL),
        ("equivalent-to", R.EQUAL),
        ("EQUAL", R.EQUAL),
        ("intersects with", R.INTERSECTS),
        ("intersects-with", R.INTERSECTS),
        ("intersect", R.INTERSECTS),
        ("not related to", R.NO_RELATIONSHIP),
        ("no relationship", R.NO_RELATIONSHIP),
        ("no-relationship", R.NO_RELATIONSHIP),
        ("not_related", R.NO_RELATIONSHIP),
        ("non_mappable", R.NO_RELATIONSHIP),
        ("  no_relationship  ", R.NO_RELATIONSHIP),
    ],
)
def test_parse_accepts_other_vocabularies(text: str, expected: Relationship) -> None:
    assert R.parse(text) is expected


@given(st.sampled_from(list(R)), st.sampled_from(["", " ", "  "]), st.booleans())
def test_parse_reads_every_canonical_word(r: Relationship, pad: str, upper: bool) -> None:
    word = r.value.upper() if upper else r.value
    assert R.parse(pad + word + pad) is r


def test_parse_rejects_unknown_words_with_a_suggestion() -> None:
    with pytest.raises(ValidationError) as info:
        R.parse("superst of")
    (problem,) = info.value.problems
    assert problem.path == "relationship"
    assert problem.suggestion == "superset"


@pytest.mark.parametrize("word", ["supports", "is supported by", "contrary"])
def test_parse_refuses_supportive_words_rather_than_converting(word: str) -> None:
    with pytest.raises(ValidationError, match="supportive"):
        R.parse(word)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(ValidationError, match="expected a relationship word"):
        R.parse(3)  # type: ignore[arg-type]


def test_strength_ranges_follow_ir_8477() -> None:
    assert R.EQUAL.strength_range == (10, 10)
    assert R.NO_RELATIONSHIP.strength_range == (0, 0)
    assert {R.SUBSET.strength_range, R.SUPERSET.strength_range, R.INTERSECTS.strength_range} == {(1, 9)}


COMPOSITION = {
    (R.SUBSET, R.SUBSET): R.SUBSET,
    (R.SUPERSET, R.SUPERSET): R.SUPERSET,
}


@given(st.sampled_from(list(R)), st.sampled_from(list(R)))
def test_composition_table(a: Relationship, b: Relationship) -> None:
    got = a.compose(b)
    if a is R.EQUAL:
        assert got is b
    elif b is R.EQUAL:
        assert got is a
    else:
        assert got is COMPOSITION.get((a, b))
    if R.INTERSECTS in (a, b) and R.EQUAL not in (a, b):
        assert got is None


@given(st.sampled_from(list(R)), st.sampled_from(list(R)))
def test_composition_read_backwards_is_the_inverse(a: Relationship, b: Relationship) -> None:
    forward = a.compose(b)
    backward = b.inverse().compose(a.inverse())
    assert backward == (None if forward is None else forward.inverse())


def test_covers_and_touches() -> None:
    assert [r for r in R if r.covers] == [R.EQUAL, R.SUPERSET]
    assert [r for r in R if not r.touches] == [R.NO_RELATIONSHIP]


def test_other_vocabularies() -> None:
    assert [t.value for t in RationaleType] == ["syntactic", "semantic", "functional"]
    assert [b.value for b in Basis] == ["explicit", "analytic"]


@pytest.mark.parametrize("word", ["None", "none", "NULL", "nan", "N/A", "na"])
def test_a_missing_value_word_is_not_no_relationship(word: str) -> None:
    # Issue 13: "None" (pandas' and Excel's empty cell) was read as a reviewed no_relationship.
    with pytest.raises(ValidationError, match=r"reads as a missing value .* write no_relationship"):
        Relationship.parse(word)
