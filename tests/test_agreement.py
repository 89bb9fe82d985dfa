"""Agreement among many coders over assessments (policeframeworks._agreement)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    Statistic,
    Status,
    ValidationError,
    agreement,
    load_catalog,
)

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids


def city(
    name: str, statuses: dict[str, str], *, assessor: str, as_of: str = "2020", **kw: object
) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(name=name, state="IL", kind="city"),
        framework_id=kw.pop("framework_id", CW),  # type: ignore[arg-type]
        as_of=as_of,
        assessor=assessor,
        method="document-review",
        findings=tuple(Finding(principle_id=p, status=s) for p, s in statuses.items()),
    )


def test_the_issue_example_no_longer_counts_jointly_unknown_items() -> None:
    # two cities, 3 of 4 coded items agreeing, 12 of 16 items unknown on both sides
    a = [
        city("A", {CW_IDS[0]: "adopted", CW_IDS[1]: "adopted"}, assessor="x"),
        city("B", {CW_IDS[0]: "not_adopted", CW_IDS[1]: "adopted"}, assessor="x"),
    ]
    b = [
        city("A", {CW_IDS[0]: "adopted", CW_IDS[1]: "adopted"}, assessor="y"),
        city("B", {CW_IDS[0]: "not_adopted", CW_IDS[1]: "not_adopted"}, assessor="y"),
    ]
    result = agreement(a, b, n_bootstrap=0)
    pooled = result.pooled
    assert (pooled.items, pooled.jointly_missing, pooled.single_coded) == (4, 12, 0)
    assert pooled["percent_agreement"].value == 0.75
    # the old behaviour, on request
    included = agreement(a + b, include_jointly_missing=True, n_bootstrap=0).pooled
    assert (included.items, included.jointly_missing) == (16, 0)
    assert included["percent_agreement"].value == pytest.approx(15 / 16)


def test_rows_per_principle_pair_and_pooled() -> None:
    codings = [
        city("A", {CW_IDS[0]: "adopted", CW_IDS[1]: "partial"}, assessor=c) for c in ("x", "y", "z")
    ] + [city("B", {CW_IDS[0]: "not_adopted", CW_IDS[1]: "partial"}, assessor="x")]
    result = agreement(codings, n_bootstrap=0)
    assert result.coders == ("x", "y", "z")
    assert result.units == 2
    assert result.principle_ids == CW_IDS
    scopes = {(r.principle_id, r.coders) for r in result.rows}
    assert (None, ("x", "y", "z")) in scopes
    assert (CW_IDS[0], ("x", "z")) in scopes
    assert len(result.rows) == (len(CW_IDS) + 1) * 4
    first = result.scope(CW_IDS[0])
    assert (first.items, first.single_coded) == (1, 1)
    pair = result.scope(CW_IDS[0], ["z", "x"])
    assert pair["cohen_kappa"].undefined is not None
    assert Statistic.COHEN_KAPPA not in result.pooled.estimates
    with pytest.raises(KeyError, match="cohen_kappa"):
        result.pooled["cohen_kappa"]
    with pytest.raises(KeyError, match="there are"):
        result.scope("8cantwait-2020:nope")


def test_missing_codings_allowed() -> None:
    codings = [
        city("A", {CW_IDS[0]: "adopted"}, assessor="x"),
        city("A", {CW_IDS[0]: "adopted"}, assessor="y"),
        city("B", {CW_IDS[0]: "adopted"}, assessor="y"),
        city("B", {CW_IDS[0]: "partial"}, assessor="z"),
        city("C", {CW_IDS[0]: "adopted"}, assessor="z"),
    ]
    result = agreement(codings, n_bootstrap=0)
    row = result.scope(CW_IDS[0])
    assert (row.items, row.single_coded) == (2, 1)
    assert result.scope(CW_IDS[0], ["x", "z"])["percent_agreement"].undefined == (
        "the two coders share no item coded by both"
    )


def test_duplicates_and_bad_options_are_listed() -> None:
    a = city("A", {}, assessor="x")
    with pytest.raises(ValidationError) as info:
        agreement([a, a, city("B", {}, assessor="x"), city("B", {}, assessor="x")])
    assert [p.path for p in info.value.problems] == ["assessments[1]", "assessments[3]"]
    assert "first at assessments[0]" in info.value.problems[0].message
    with pytest.raises(ValidationError) as info:
        agreement([a], n_bootstrap=-1, confidence=1.5)
    assert [p.path for p in info.value.problems] == ["n_bootstrap", "confidence"]
    with pytest.raises(ValidationError, match="no assessments"):
        agreement([])


def test_same_seed_same_intervals() -> None:
    codings = [
        city(f"C{i}", {p: ("adopted" if (i + j + k) % 3 else "not_adopted") for j, p in enumerate(CW_IDS)},
             assessor=c)
        for i in range(10)
        for k, c in enumerate("xy")
    ]  # fmt: skip
    first = agreement(codings, n_bootstrap=200, seed=4)
    assert first == agreement(codings, n_bootstrap=200, seed=4)
    e = first.pooled["gwet_ac1"]
    assert e.low is not None
    assert e.high is not None
    assert e.replicates == 200
    assert e.low <= (e.value or 0) <= e.high


statuses = st.sampled_from([s.value for s in Status])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(CW_IDS), statuses), min_size=1, max_size=5))
def test_identical_codings_agree_fully(rows: list[dict[str, str]]) -> None:
    first = [city(f"City {i}", r, assessor="x") for i, r in enumerate(rows)]
    second = [attrs.evolve(a, assessor="y") for a in first]
    pooled = agreement(first, second, n_bootstrap=0).pooled
    if pooled.items:
        assert pooled["percent_agreement"].value == 1.0
        assert pooled["gwet_ac1"].value == pytest.approx(1.0)
        kappa = pooled["cohen_kappa"]
        assert kappa.value == pytest.approx(1.0) or kappa.undefined is not None
