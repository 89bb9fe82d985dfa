"""Laws of the library checked over generated data from :mod:`policeframeworks.testing.strategies`.

Relationship laws on mappings, coverage bounds and monotonicity on crosswalks over generated catalogs,
score bounds and projection soundness on assessments.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policeframeworks import Assessment, Crosswalk, Mapping, Status, load_catalog
from policeframeworks.testing import strategies as pfst

LAWS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A generated catalog of two or three frameworks and a clean crosswalk over it.
CATALOG_AND_CROSSWALK = pfst.catalogs(min_frameworks=2, max_frameworks=3, max_depth=2).flatmap(
    lambda cat: pfst.crosswalks(catalog=cat, max_size=10)
)


@LAWS
@given(pfst.mappings())
def test_inverse_is_an_involution_that_swaps_the_ends(m: Mapping) -> None:
    inv = m.inverse()
    assert inv.inverse() == m
    assert (inv.source, inv.target) == (m.target, m.source)
    assert inv.relationship == m.relationship.inverse()
    assert m.reads_from(m.target) == inv
    assert inv.relationship.covers == (m.relationship.inverse().covers)


@LAWS
@given(CATALOG_AND_CROSSWALK)
def test_coverage_bounds_are_ordered_and_explained(cw: Crosswalk) -> None:
    ids = cw.catalog.framework_ids
    for source in ids:
        for target in ids:
            report = cw.coverage(source, target)
            assert 0 <= report.lower <= report.upper <= 1
            assert set(report.covered) <= set(report.touched) <= set(report.leaves)
            if source == target:
                assert report.lower == report.upper == 1
            for leaf in report.covered:
                explanation = report.explain(leaf)
                assert explanation.by_identity or any(m.relationship.covers for m in explanation.mappings)


@LAWS
@given(CATALOG_AND_CROSSWALK, st.data())
def test_coverage_never_falls_when_mappings_are_added(cw: Crosswalk, data: st.DataObject) -> None:
    ids = cw.catalog.framework_ids
    smaller = Crosswalk(cw.mappings[: data.draw(st.integers(0, len(cw.mappings)))], catalog=cw.catalog)
    for source in ids:
        for target in ids:
            big, small = cw.coverage(source, target), smaller.coverage(source, target)
            assert set(small.covered) <= set(big.covered)
            assert set(small.touched) <= set(big.touched)


@LAWS
@given(pfst.assessments())
def test_scores_are_bounded_by_the_findings(a: Assessment) -> None:
    s = a.score()
    assert 0 <= s.adopted <= s.lower <= s.upper <= s.applicable
    assert s.known + s.unknown == s.applicable
    assert s.adopted + s.partial + s.not_adopted + s.unknown == s.applicable
    if a.reported_total is None:
        assert (s.lower, s.upper) == (s.adopted, s.adopted + s.partial + s.unknown)
    else:
        # A reported total fixes the adopted count; partial principles may still count as adopted.
        assert (s.lower, s.upper) == (a.reported_total, a.reported_total + s.partial)


def source_status(a: Assessment, end: str) -> Status:
    """A source's status as projection reads it: its finding, or what the leaves below it add up to."""
    own = a.finding(end)
    if own is not None:
        return own.status
    catalog = load_catalog()
    if end in catalog.framework_ids:
        leaves = [p.id for p in catalog.framework(end).leaves()]
    else:
        leaves = [p.id for p in catalog.principle(end).walk() if p.is_leaf]
    if leaves == [end]:
        return Status.UNKNOWN
    found = [a.status_of(leaf) for leaf in leaves if a.status_of(leaf) is not Status.NOT_APPLICABLE]
    if not found:
        return Status.NOT_APPLICABLE
    if set(found) == {Status.ADOPTED}:
        return Status.ADOPTED
    if {Status.ADOPTED, Status.PARTIAL} & set(found):
        return Status.PARTIAL
    return Status.NOT_ADOPTED if set(found) == {Status.NOT_ADOPTED} else Status.UNKNOWN


@LAWS
@given(pfst.assessments(), st.sampled_from(load_catalog().framework_ids))
def test_projection_through_the_bundled_crosswalk_is_sound(a: Assessment, onto: str) -> None:
    cw = load_catalog().crosswalk
    projected = a.project(onto, cw)
    assert projected.framework_id == onto
    if onto == a.framework_id:
        assert projected == a
        return
    projected.score()  # a valid assessment of the target framework
    for f in projected.findings:
        sources = {d.source: d for d in f.derived_from}
        assert sources, f
        for d in f.derived_from:
            assert source_status(a, d.source) == d.source_status
        if f.status is Status.ADOPTED:
            assert any(d.source_status is Status.ADOPTED and d.relationship.covers for d in f.derived_from)
