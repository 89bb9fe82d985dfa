"""Study workflow helpers (policeframeworks._study)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    ValidationError,
    divergence_over_time,
    double_coding_sample,
    load_catalog,
)

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids
CITIES = [Jurisdiction(name=f"City {i}", state="IL", kind="city") for i in range(50)]


@given(st.integers(0, 50), st.integers(0, 2**32))
def test_sample_count_is_exact_reproducible_and_in_order(count: int, seed: int) -> None:
    sample = double_coding_sample(CITIES, count=count, seed=seed)
    assert len(sample) == count
    assert sample == double_coding_sample(CITIES, count=count, seed=seed)
    positions = [CITIES.index(j) for j in sample]
    assert positions == sorted(positions)


def test_sample_share_rounds_up_and_seeds_differ() -> None:
    assert len(double_coding_sample(CITIES[:11], share=0.2, seed=1)) == 3
    assert len(double_coding_sample(CITIES, share=0.2, seed=1)) == 10
    assert double_coding_sample(CITIES, share=0.2, seed=1) != double_coding_sample(CITIES, share=0.2, seed=2)


def test_sample_bad_input_is_listed() -> None:
    with pytest.raises(ValidationError, match="not both or neither"):
        double_coding_sample(CITIES, seed=1)
    with pytest.raises(ValidationError, match="between 0 and 1"):
        double_coding_sample(CITIES, share=1.5, seed=1)
    with pytest.raises(ValidationError, match="between 0 and 2"):
        double_coding_sample(CITIES[:2], count=3, seed=1)
    with pytest.raises(ValidationError, match=r"listed twice \(first at \[0\]\)"):
        double_coding_sample([CITIES[0], CITIES[0]], count=1, seed=1)


def coding(coder: str, city: int, as_of: str, statuses: list[str]) -> Assessment:
    return Assessment(
        jurisdiction=CITIES[city],
        framework_id=CW,
        as_of=as_of,
        assessor=coder,
        method="document-review",
        findings=tuple(Finding(principle_id=p, status=s) for p, s in zip(CW_IDS, statuses, strict=False)),
    )


def test_divergence_per_month() -> None:
    codings = [
        # January: 2 units double coded, 3 items coded, 1 diverges
        coding("a", 0, "2021-01-10", ["adopted", "partial"]),
        coding("b", 0, "2021-01-10", ["adopted", "adopted"]),
        coding("a", 1, "2021-01-20", ["adopted"]),
        coding("b", 1, "2021-01-20", ["adopted"]),
        # February: one unit coded once only (not counted), one double coded with full agreement
        coding("a", 2, "2021-02-01", ["not_adopted"]),
        coding("a", 3, "2021-02-03", ["not_adopted", "adopted"]),
        coding("c", 3, "2021-02-03", ["not_adopted", "adopted"]),
    ]
    periods = divergence_over_time(codings)
    assert [(p.period, p.units, p.items, p.diverged) for p in periods] == [
        ("2021-01", 2, 3, 1),
        ("2021-02", 1, 2, 0),
    ]
    assert periods[0].rate == pytest.approx(1 / 3)
    by_year = divergence_over_time(codings, period=lambda a: a.as_of[:4])
    assert [(p.period, p.items, p.diverged) for p in by_year] == [("2021", 5, 1)]
