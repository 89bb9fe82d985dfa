"""Did-you-mean suggestions."""

from hypothesis import given
from hypothesis import strategies as st

from policeframeworks._suggest import closest, first_or_none


def test_prefix_and_spelling() -> None:
    ids = ["uscm-2020", "8cantwait-2020", "ilacp-naacp-2018"]
    assert closest("uscm", ids) == ("uscm-2020",)
    assert closest("8cantwait", ids) == ("8cantwait-2020",)
    assert closest("ilacp-nacp-2018", ids) == ("ilacp-naacp-2018",)
    assert closest("USCM-2020", ids) == ("uscm-2020",)
    assert first_or_none("nothing-like-it", ids) is None


@given(st.text(max_size=10), st.lists(st.text(max_size=10), max_size=6))
def test_suggestions_come_from_candidates(word: str, candidates: list[str]) -> None:
    found = closest(word, candidates)
    assert set(found) <= set(candidates)
    assert len(found) == len(set(found)) <= 3
