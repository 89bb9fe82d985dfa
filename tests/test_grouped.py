"""Grouped, weighted adoption bounds (policeframeworks._grouped, summarize(by=, weights=))."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    Status,
    ValidationError,
    load_catalog,
    summarize,
)

CW = "8cantwait-2020"
LEAVES = [p.id for p in load_catalog().framework(CW).leaves()]
STATUSES = [Status.ADOPTED, Status.NOT_ADOPTED, Status.PARTIAL, Status.UNKNOWN, Status.NOT_APPLICABLE]


def city(i: int, state: str, weight: str | None, statuses: dict[str, Status]) -> Assessment:
    attributes = {} if weight is None else {"population": weight}
    return Assessment(
        jurisdiction=Jurisdiction(name=f"City {i}", state=state, kind="city", attributes=attributes),
        framework_id=CW,
        as_of="2020",
        assessor="me",
        method="survey",
        findings=[Finding(principle_id=p, status=s) for p, s in statuses.items()],
    )


def test_left_out_assessments_are_counted() -> None:
    items = [
        city(0, "IL", "100", {LEAVES[0]: Status.ADOPTED}),
        city(1, "IL", None, {LEAVES[0]: Status.ADOPTED}),
        city(2, "IL", "50", {}),
        city(3, "MN", "x", {LEAVES[0]: Status.ADOPTED}),
    ]
    with pytest.raises(ValidationError, match="'x' is not a number"):
        summarize(items, by="state", weights="population")
    s = summarize(items[:3], by="state", weights="population")
    assert (s.missing_weight, s.not_assessed, s.no_group) == (1, 1, 0)
    share = s.share("IL", LEAVES[0])
    assert (share.lower, share.upper, share.denominator) == (1.0, 1.0, 100.0)
    s = summarize(items[:3], by="Region")
    assert s.no_group == 3 and s.shares == ()  # noqa: PT018


def test_unweighted_and_single_group() -> None:
    items = [
        city(0, "IL", None, {LEAVES[0]: Status.ADOPTED}),
        city(1, "MN", None, {LEAVES[0]: Status.UNKNOWN}),
    ]
    s = summarize(items, by="state")
    assert s.share("MN", LEAVES[0]).upper == 1.0 and s.share("MN", LEAVES[0]).lower == 0.0  # noqa: PT018
    both = summarize(
        [city(0, "IL", "3", {LEAVES[0]: Status.ADOPTED}), city(1, "MN", "1", {})], weights="population"
    )
    assert both.groups == (None,) and both.not_assessed == 1  # noqa: PT018


CELLS = st.lists(
    st.tuples(
        st.sampled_from(["IL", "MN", "TX"]),
        st.one_of(st.none(), st.integers(0, 10_000).map(str)),
        st.lists(st.sampled_from(STATUSES), min_size=len(LEAVES), max_size=len(LEAVES)),
    ),
    min_size=1,
    max_size=12,
)


@given(CELLS, st.randoms(use_true_random=False))
def test_true_share_lies_between_the_bounds_for_any_completion(cells: list, rnd) -> None:  # type: ignore[type-arg, no-untyped-def]
    items = [
        city(i, state, weight, dict(zip(LEAVES, statuses, strict=True)))
        for i, (state, weight, statuses) in enumerate(cells)
    ]
    s = summarize(items, by="state", weights="population")
    # Complete every unknown cell at random, then compute the true weighted share by the same rules.
    completed = {
        id(a): {
            p: (
                rnd.choice([Status.ADOPTED, Status.NOT_ADOPTED])
                if a.status_of(p) is Status.UNKNOWN
                else a.status_of(p)
            )
            for p in LEAVES
        }
        for a in items
    }
    for share in s.shares:
        members = [
            a
            for a in items
            if a.jurisdiction.state == share.group
            and "population" in a.jurisdiction.attributes
            and a.findings
        ]
        total = adopted = 0.0
        for a in members:
            status = completed[id(a)][share.principle_id]
            if status is Status.NOT_APPLICABLE:
                continue
            w = float(a.jurisdiction.attributes["population"])
            total += w
            adopted += w if status is Status.ADOPTED else 0.0
        assert total == pytest.approx(share.denominator)
        if total:
            assert share.lower is not None and share.upper is not None  # noqa: PT018
            assert share.lower - 1e-12 <= adopted / total <= share.upper + 1e-12
        else:
            assert share.lower is None and share.upper is None  # noqa: PT018
