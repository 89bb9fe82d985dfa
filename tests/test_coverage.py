"""Coverage statuses and figures (policeframeworks.crosswalk._coverage): the rule, its cases and its laws.

Not reviewed is unknown, never "no relationship": each target leaf is covered, touched, no_relationship or
not_reviewed, and the four figures follow from the counts.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policeframeworks import (
    CoverageStatus,
    Crosswalk,
    Mapping,
    Relationship,
    Review,
    Status,
    coverage_label,
    io,
    load_catalog,
)
from policeframeworks.testing import make_assessment
from policeframeworks.testing import strategies as pfst

CATALOG = load_catalog()
USCM, CZ8, LETTER, PLEDGE = "uscm-2020", "8cantwait-2020", "policylink-2014", "policylink-pledge"
C, N, T, R = (
    CoverageStatus.COVERED,
    CoverageStatus.TOUCHED,
    CoverageStatus.NO_RELATIONSHIP,
    CoverageStatus.NOT_REVIEWED,
)
LAWS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def make(source: str, relationship: str, target: str, **more: object) -> Mapping:
    r = Relationship.parse(relationship)
    fields: dict[str, object] = {
        "source": source,
        "relationship": r,
        "target": target,
        "rationale_type": "semantic",
        "strength": r.strength_range[0],
        "basis": "analytic",
        "rationale": "test",
        "mapped_by": "tester",
    }
    fields.update(more)
    return Mapping(**fields)  # type: ignore[arg-type]


def review(source: str, target: str) -> Review:
    return Review(source=source, target=target, scope="complete", reviewer="tester", date="2026-12-05")


def statuses(cw: Crosswalk, source: str, target: str) -> dict[str, CoverageStatus]:
    r = cw.coverage(source, target)
    return {leaf: r.status(leaf) for leaf in r.leaves}


# The rows of the bundled crosswalk behind the two cases issue 11 names, written out so that the test
# checks the rule whatever the bundled data says later.
USCM_UNRELATED_TO_8CW = [
    make(f"{USCM}:{p}", "no_relationship", CZ8)
    for p in (
        "community",
        "redefining-the-role",
        "equality-and-due-process",
        "sanctity-of-life/foot-pursuits",
        "transparency-and-accountability/state-laws",
    )
]
USCM_8CW = [
    *USCM_UNRELATED_TO_8CW,
    make(
        f"{USCM}:sanctity-of-life/chokehold-ban",
        "equal",
        f"{CZ8}:ban-chokeholds-and-strangleholds",
        strength=10,
    ),
    make(
        f"{USCM}:sanctity-of-life/de-escalation-and-critical-incident-training",
        "intersects",
        f"{CZ8}:require-de-escalation",
    ),
]
PLEDGE_LETTER = [
    make(LETTER, "no_relationship", f"{PLEDGE}:end-criminalization"),
    make(LETTER, "no_relationship", f"{PLEDGE}:shift-public-investment"),
    make(f"{PLEDGE}:training", "superset", f"{LETTER}:training"),
]


# ------------------------------------------------------------------ the cases of issue 11


def test_uscm_principles_unrelated_to_8cw_say_nothing_about_other_uscm_principles() -> None:
    cw = Crosswalk(USCM_8CW, catalog=CATALOG)
    got = statuses(cw, USCM, CZ8)
    # Five USCM principles were each compared with all of 8 Can't Wait; the rest of USCM was not.
    assert got[f"{CZ8}:require-warning-before-shooting"] is R
    assert got[f"{CZ8}:require-use-of-force-continuum"] is R
    assert got[f"{CZ8}:ban-chokeholds-and-strangleholds"] is C
    assert got[f"{CZ8}:require-de-escalation"] is N
    assert T not in got.values()
    # Read from 8 Can't Wait's side, the same rows say the whole list was reviewed against each of the five.
    back = statuses(cw, CZ8, USCM)
    assert back[f"{USCM}:community"] is T
    assert back[f"{USCM}:sanctity-of-life/foot-pursuits"] is T
    assert back[f"{USCM}:trust-and-legitimacy"] is R


def test_pledge_principles_unrelated_to_the_letter_say_nothing_about_other_pledge_principles() -> None:
    cw = Crosswalk(PLEDGE_LETTER, catalog=CATALOG)
    got = statuses(cw, PLEDGE, LETTER)
    assert got[f"{LETTER}:engage-communities"] is R
    assert got[f"{LETTER}:good-models"] is R
    assert got[f"{LETTER}:training"] is C
    back = statuses(cw, LETTER, PLEDGE)
    assert back[f"{PLEDGE}:end-criminalization"] is T
    assert back[f"{PLEDGE}:preserve-life"] is R


def test_a_declared_complete_review_makes_the_rest_no_relationship_both_ways() -> None:
    cw = Crosswalk(USCM_8CW, reviews=[review(CZ8, USCM)], catalog=CATALOG)
    got = statuses(cw, USCM, CZ8)
    assert got[f"{CZ8}:require-warning-before-shooting"] is T
    assert got[f"{CZ8}:ban-chokeholds-and-strangleholds"] is C
    assert got[f"{CZ8}:require-de-escalation"] is N
    assert R not in statuses(cw, CZ8, USCM).values()
    why = cw.coverage(USCM, CZ8).explain(f"{CZ8}:require-warning-before-shooting")
    assert why.reviews == cw.reviews
    assert "declared complete review of 8cantwait-2020 and uscm-2020 (tester, 2026-12-05)" in str(why)
    # a review of another pair changes nothing here
    other = Crosswalk(USCM_8CW, reviews=[review(CZ8, LETTER)], catalog=CATALOG)
    assert statuses(other, USCM, CZ8) == statuses(Crosswalk(USCM_8CW, catalog=CATALOG), USCM, CZ8)


def test_whole_framework_no_relationship_covers_every_leaf_of_the_target_or_an_ancestor() -> None:
    cw = Crosswalk([make(CZ8, "no_relationship", f"{USCM}:sanctity-of-life")], catalog=CATALOG)
    got = statuses(cw, CZ8, USCM)
    below = {leaf for leaf in got if leaf.startswith(f"{USCM}:sanctity-of-life/")}
    assert {got[leaf] for leaf in below} == {T}
    assert {got[leaf] for leaf in got if leaf not in below} == {R}
    whole = Crosswalk([make(CZ8, "no_relationship", USCM)], catalog=CATALOG)
    assert set(statuses(whole, CZ8, USCM).values()) == {T}


def test_principle_level_rows_that_take_in_all_of_the_source_make_a_whole_review() -> None:
    leaves = [p.id for p in CATALOG.framework(LETTER).leaves()]
    target = f"{PLEDGE}:preserve-life"
    some = Crosswalk([make(leaf, "no_relationship", target) for leaf in leaves[:-1]], catalog=CATALOG)
    assert statuses(some, LETTER, PLEDGE)[target] is R
    every = Crosswalk([make(leaf, "no_relationship", target) for leaf in leaves], catalog=CATALOG)
    assert statuses(every, LETTER, PLEDGE)[target] is T
    assert len(every.coverage(LETTER, PLEDGE).explain(target).mappings) == len(leaves)


def test_an_opposing_mapping_neither_covers_nor_touches() -> None:
    pair = (f"{USCM}:redefining-the-role", f"{CZ8}:require-de-escalation")
    cw = Crosswalk([make(*pair[:1], "equal", pair[1], strength=10, opposing=True)], catalog=CATALOG)
    r = cw.coverage(USCM, CZ8)
    assert r.status(pair[1]) is R  # one USCM principle compared, with nothing in USCM's favour
    assert r.explain(pair[1]).mappings[0].opposing
    assert r.explain(pair[1]).covering == ()
    assert cw.with_reviews([review(USCM, CZ8)]).coverage(USCM, CZ8).status(pair[1]) is T


def test_four_figures_and_counts() -> None:
    cw = Crosswalk(USCM_8CW, catalog=CATALOG)
    r = cw.coverage(USCM, CZ8)
    assert {str(k): v for k, v in r.counts.items()} == {
        "covered": 1,
        "touched": 1,
        "no_relationship": 0,
        "not_reviewed": 6,
    }
    assert (r.lower, r.touched_share, r.upper, r.reviewed_share) == (1 / 8, 2 / 8, 1.0, 2 / 8)
    assert r.label == "12-100%*"
    assert r.not_reviewed == tuple(leaf for leaf in r.leaves if r.status(leaf) is R)
    back = cw.coverage(CZ8, USCM)
    assert back.counts[T] == 5
    assert back.upper == (19 - 5) / 19  # USCM has 19 leaves
    record = io.coverage_record(back)
    assert [record[k] for k in ("covered", "no_relationship", "not_reviewed")] == [
        back.counts[k] for k in (C, T, R)
    ]
    assert record["touched"] - record["covered"] == back.counts[N]
    assert record["reviewed"] == len(back.leaves) - back.counts[R]


def test_explain_without_a_target_explains_every_leaf_with_the_counts() -> None:
    cw = Crosswalk(USCM_8CW, catalog=CATALOG)
    r = cw.coverage(USCM, CZ8)
    whole = r.explain()
    assert whole.target == CZ8
    assert [p.target for p in whole.parts] == list(r.leaves)
    assert whole.counts == r.counts
    text = str(whole)
    assert text.splitlines()[1] == "  1 covered, 1 touched, 0 no_relationship, 6 not_reviewed (of 8 leaves)"
    for leaf in r.leaves:
        assert f"  {leaf}: {r.status(leaf).value}" in text
    # a covered leaf is explained by its positive mappings, a not-reviewed one by what was compared with it
    assert [m.relationship for m in r.explain(f"{CZ8}:ban-chokeholds-and-strangleholds").mappings] == [
        Relationship.EQUAL
    ]
    assert len(r.explain(f"{CZ8}:require-warning-before-shooting").mappings) == 5


def test_a_parent_status_comes_from_its_leaves() -> None:
    cw = Crosswalk(
        [make(f"{CZ8}:duty-to-intervene", "equal", f"{USCM}:sanctity-of-life/duty-to-intervene", strength=10)]
    )
    r = cw.coverage(CZ8, USCM)
    assert r.status(f"{USCM}:sanctity-of-life") is N
    assert r.status(f"{USCM}:community") is R
    assert r.status() is N
    done = cw.with_reviews([review(CZ8, USCM)]).coverage(CZ8, USCM)
    assert done.status(f"{USCM}:community") is T
    assert done.explain(f"{USCM}:sanctity-of-life").counts == {C: 1, N: 0, T: 8, R: 0}


def test_the_diagonal_is_covered() -> None:
    r = Crosswalk([], catalog=CATALOG).coverage(USCM, USCM)
    assert r.counts[C] == len(r.leaves)
    assert (r.lower, r.upper, r.reviewed_share, r.label) == (1.0, 1.0, 1.0, "100%")


def test_nothing_reviewed_is_n_r_everywhere() -> None:
    m = Crosswalk([], catalog=CATALOG).matrix([USCM, CZ8])
    assert m.label(USCM, CZ8) == "n/r"
    assert (m.lower(USCM, CZ8), m.touched_share(USCM, CZ8), m.upper(USCM, CZ8)) == (0.0, 0.0, 1.0)
    assert m.reviewed_share(USCM, CZ8) == 0.0
    assert [r["label"] for r in io.coverage_matrix_records(m)] == ["100%", "n/r", "n/r", "100%"]


@pytest.mark.parametrize(
    ("lower", "upper", "reviewed", "label"),
    [
        (0.25, 0.25, 1.0, "25%"),
        (2 / 7, 5 / 7, 1.0, "29-71%"),
        (0.18, 0.53, 0.5, "18-53%*"),
        (0.0, 1.0, 0.0, "n/r"),
        (0.5, 0.504, 0.99, "50-50%*"),
    ],
)
def test_coverage_label(lower: float, upper: float, reviewed: float, label: str) -> None:
    assert coverage_label(lower, upper, reviewed) == label


# ------------------------------------------------------------------ laws


def small_crosswalks(*, max_reviews: int = 0) -> st.SearchStrategy[Crosswalk]:
    """Crosswalks over two or three small generated frameworks, so mappings fall on few pairs."""
    catalogs = pfst.catalogs(min_frameworks=2, max_frameworks=3, max_principles=4, max_depth=2)
    return catalogs.flatmap(lambda c: pfst.crosswalks(catalog=c, max_size=12, max_reviews=max_reviews))


def pairs(cw: Crosswalk) -> list[tuple[str, str]]:
    ids = cw.catalog.framework_ids
    return [(s, t) for s in ids for t in ids if s != t]


@LAWS
@given(small_crosswalks(max_reviews=2))
def test_statuses_partition_the_leaves_and_the_figures_are_ordered(cw: Crosswalk) -> None:
    for s, t in pairs(cw):
        r = cw.coverage(s, t)
        n = len(r.leaves)
        assert sum(r.counts.values()) == n
        assert set(r.covered) <= set(r.touched)
        parts = [r.covered, [x for x in r.touched if x not in r.covered], r.no_relationship, r.not_reviewed]
        assert sorted(x for part in parts for x in part) == sorted(r.leaves)
        assert 0 <= r.lower <= r.touched_share <= r.upper <= 1
        assert r.reviewed_share == pytest.approx(1 - len(r.not_reviewed) / n)
        if r.counts[R] == 0:
            assert r.upper == pytest.approx(r.touched_share)
        if 0 < r.counts[R] < n:
            assert r.label.endswith("%*")
        if r.counts[R] == n:
            assert r.label == "n/r"


@LAWS
@given(small_crosswalks(max_reviews=1), st.data())
def test_adding_a_mapping_never_lowers_the_lower_bound(cw: Crosswalk, data: st.DataObject) -> None:
    m = data.draw(pfst.mappings(catalog=cw.catalog))
    more = cw.with_mappings([m])
    for s, t in pairs(cw):
        before, after = cw.coverage(s, t), more.coverage(s, t)
        assert set(before.covered) <= set(after.covered)
        assert set(before.touched) <= set(after.touched)
        assert after.reviewed_share >= before.reviewed_share


@LAWS
@given(small_crosswalks(max_reviews=1), st.data())
def test_adding_a_positive_mapping_never_raises_the_no_relationship_count(
    cw: Crosswalk, data: st.DataObject
) -> None:
    m = data.draw(
        pfst.mappings(catalog=cw.catalog, relationships=["equal", "subset", "superset", "intersects"])
    )
    more = cw.with_mappings([attrs.evolve(m, opposing=False)])
    for s, t in pairs(cw):
        before, after = cw.coverage(s, t), more.coverage(s, t)
        assert set(after.no_relationship) <= set(before.no_relationship)
        assert after.upper >= before.upper


@LAWS
@given(small_crosswalks(), st.data())
def test_declaring_a_complete_review_never_changes_covered_or_touched(
    cw: Crosswalk, data: st.DataObject
) -> None:
    s, t = data.draw(st.sampled_from(pairs(cw)))
    done = cw.with_reviews([review(s, t)])
    for a, b in ((s, t), (t, s)):
        before, after = cw.coverage(a, b), done.coverage(a, b)
        assert (after.covered, after.touched) == (before.covered, before.touched)
        assert after.not_reviewed == ()
        assert set(after.no_relationship) == set(before.no_relationship) | set(before.not_reviewed)


@LAWS
@given(small_crosswalks(max_reviews=1), st.data())
def test_projecting_an_all_adopted_assessment_follows_coverage(cw: Crosswalk, data: st.DataObject) -> None:
    s, t = data.draw(st.sampled_from(pairs(cw)))
    a = make_assessment(cw.catalog.framework(s), adopted=[p.id for p in cw.catalog.framework(s).leaves()])
    projected = a.project(t, cw)
    got = {f.principle_id: f.status for f in projected.findings}
    r = cw.coverage(s, t)
    assert {p for p, status in got.items() if status is Status.ADOPTED} == set(r.covered)
    assert {p for p, status in got.items() if status is Status.PARTIAL} == set(r.touched) - set(r.covered)
    assert set(got) == set(r.touched)
    projected.score(cw.catalog.framework(t))  # a valid assessment of the target


def test_projection_reads_parent_and_whole_framework_mappings() -> None:
    cw = Crosswalk(
        [
            make(CZ8, "superset", f"{USCM}:sanctity-of-life"),
            make(f"{CZ8}:duty-to-intervene", "intersects", USCM),
        ],
        catalog=CATALOG,
    )
    every = [p.id for p in CATALOG.framework(CZ8).leaves()]
    projected = make_assessment(CZ8, adopted=every).project(USCM, cw)
    got = {f.principle_id: f.status for f in projected.findings}
    sol = [leaf for leaf in CATALOG.crosswalk.coverage(USCM, USCM).leaves if "sanctity-of-life/" in leaf]
    assert {p for p, s in got.items() if s is Status.ADOPTED} == set(sol)
    assert {p for p, s in got.items() if s is Status.PARTIAL} == {
        leaf for leaf in CATALOG.crosswalk.coverage(USCM, USCM).leaves if leaf not in sol
    }
    first = next(f for f in projected.findings if f.principle_id == sol[0])
    assert str(first.derived_from[0]) == f"{CZ8} (adopted) superset {sol[0]}"
    # one of eight adopted: the whole list is partly adopted, so its superset gives partial
    some = make_assessment(CZ8, adopted=["duty-to-intervene"]).project(USCM, cw)
    assert {f.status for f in some.findings if f.principle_id in sol} == {Status.PARTIAL}


def test_projection_through_a_parent_never_denies_one_of_its_leaves() -> None:
    cw = Crosswalk([make(f"{CZ8}:duty-to-intervene", "equal", f"{USCM}:sanctity-of-life", strength=10)])
    denied = make_assessment(CZ8, not_adopted=["duty-to-intervene"]).project(USCM, cw)
    assert denied.findings == ()
    direct = Crosswalk(
        [make(f"{CZ8}:duty-to-intervene", "equal", f"{USCM}:sanctity-of-life/duty-to-intervene", strength=10)]
    )
    (f,) = make_assessment(CZ8, not_adopted=["duty-to-intervene"]).project(USCM, direct).findings
    assert f.status is Status.NOT_ADOPTED


def test_coverage_reports_are_cached_per_crosswalk() -> None:
    cw = Crosswalk(USCM_8CW, catalog=CATALOG)
    assert cw.coverage(USCM, CZ8) is cw.coverage(USCM, CZ8)
    assert cw.with_reviews([review(USCM, CZ8)]).coverage(USCM, CZ8) is not cw.coverage(USCM, CZ8)
