from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswalk_strategies import CATALOG, PRINCIPLE_IDS, crosswalks, mappings
from policeframeworks import (
    Catalog,
    CoverageStatus,
    Crosswalk,
    Disposition,
    LintKind,
    Mapping,
    Relationship,
    Review,
    UnknownIdError,
    ValidationError,
    load_catalog,
)

USCM, CZ8, IL, LETTER, PLEDGE = CATALOG.framework_ids[:5]
SOL = "uscm-2020:sanctity-of-life"
FRAMEWORKS = st.sampled_from(CATALOG.framework_ids)


def make(source: str, relationship: str, target: str, strength: int | None = None, **more: object) -> Mapping:
    r = Relationship.parse(relationship)
    fields: dict[str, object] = {
        "source": source,
        "relationship": r,
        "target": target,
        "rationale_type": "semantic",
        "strength": strength if strength is not None else r.strength_range[0],
        "basis": "analytic",
        "rationale": "test",
        "mapped_by": "tester",
    }
    fields.update(more)
    return Mapping(**fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the bundled crosswalk


def test_bundled_crosswalk_lints_clean() -> None:
    assert load_catalog().crosswalk.lint() == ()


def test_bundled_crosswalk_is_cached_on_the_catalog() -> None:
    cat = load_catalog()
    assert cat.crosswalk is cat.crosswalk
    assert cat.crosswalk.catalog is cat


def test_eight_cant_wait_covers_part_of_sanctity_of_life() -> None:
    report = load_catalog().crosswalk.coverage(CZ8, USCM)
    covered = {f"{SOL}/{s}" for s in ("duty-to-intervene", "moving-vehicles")}
    assert covered == set(report.covered)
    # The chokehold ban is touched, not covered: Campaign Zero's test allows an exception where deadly
    # force is authorized, the resolution states none.
    touched = covered | {
        f"{SOL}/{s}" for s in ("chokehold-ban", "de-escalation-and-critical-incident-training")
    }
    assert touched <= set(report.touched)
    assert f"{SOL}/chokehold-ban" not in report.covered
    assert f"{SOL}/foot-pursuits" in report.uncovered
    assert report.explain(SOL).status is CoverageStatus.TOUCHED
    assert 0 < report.lower < report.upper < 1


def test_eight_cant_wait_covers_nothing_of_uscm_community() -> None:
    cw = load_catalog().crosswalk
    report = cw.coverage(CZ8, USCM)
    explanation = report.explain("uscm-2020:community")
    assert explanation.status is CoverageStatus.NO_RELATIONSHIP
    assert "uscm-2020:community" not in report.touched
    assert cw.disposition("uscm-2020:community", against=CZ8) is Disposition.NO_RELATIONSHIP


LETTER_TO_PLEDGE = {
    "transparency-and-accountability": "accountable-to-the-community",
    "training": "training",
    "diversity": "reflect-and-respect-the-community",
    "reject-militarization": "preserve-life",
    "technology-for-oversight": "technology-for-oversight",
}


def test_letter_and_pledge_are_linked_item_by_item() -> None:
    cw = load_catalog().crosswalk
    for letter, pledge in LETTER_TO_PLEDGE.items():
        related = {m.target for m in cw.related(f"{LETTER}:{letter}") if m.relationship.touches}
        assert f"{PLEDGE}:{pledge}" in related
    for new in ("end-criminalization", "shift-public-investment"):
        assert cw.disposition(f"{PLEDGE}:{new}", against=LETTER) is Disposition.NO_RELATIONSHIP
    assert cw.coverage(LETTER, PLEDGE).explain(f"{PLEDGE}:reflect-and-respect-the-community").covering


def test_explain_names_the_mappings_behind_every_covered_target() -> None:
    matrix = load_catalog().crosswalk.matrix()
    for source, target, _, _ in matrix.rows():
        report = matrix.report(source, target)
        for leaf in report.covered:
            explanation = report.explain(leaf)
            assert explanation.status is CoverageStatus.COVERED
            if source == target:
                assert explanation.by_identity
                continue
            assert explanation.covering, (source, leaf)
            for m in explanation.covering:
                assert m.source.split(":")[0] == source
                assert m.target == target or leaf == m.target or leaf.startswith(m.target + "/")
        if source != target:
            for leaf in report.touched:
                assert report.explain(leaf).mappings


def test_bundled_mappings_are_analytic_or_cited() -> None:
    for m in load_catalog().crosswalk.mappings:
        assert m.basis == "analytic" or m.citation is not None
        assert m.source in CATALOG
        assert m.target in CATALOG


# ------------------------------------------------------------------ construction


def test_unknown_ids_are_all_reported_with_near_misses() -> None:
    with pytest.raises(ValidationError) as info:
        Crosswalk(
            [
                make("uscm-2020:comunity", "equal", "8cantwait-2020:duty-to-intervene"),
                make("uscm-2020:community", "intersects", "8cantwait-2020:duty-to-intervne", 5),
            ]
        )
    assert [(p.path, p.suggestion) for p in info.value.problems] == [
        ("mappings[0].source", "uscm-2020:community"),
        ("mappings[1].target", "8cantwait-2020:duty-to-intervene"),
    ]


def test_unchecked_crosswalk_lints_unknown_ids() -> None:
    cw = Crosswalk([make("uscm-2020:comunity", "equal", CZ8)], check_ids=False)
    (problem,) = cw.lint()
    assert problem.kind is LintKind.UNKNOWN_ID
    assert "uscm-2020:community" in problem.message


def test_queries_reject_unknown_ids() -> None:
    cw = load_catalog().crosswalk
    with pytest.raises(UnknownIdError):
        cw.related("uscm-2020:comunity")
    with pytest.raises(UnknownIdError):
        cw.coverage("uscm", CZ8)
    with pytest.raises(UnknownIdError):
        cw.coverage(CZ8, USCM).explain("8cantwait-2020:duty-to-intervene")
    with pytest.raises(UnknownIdError):
        cw.coverage(CZ8, USCM).explain("uscm-2020:peel-framing")
    with pytest.raises(UnknownIdError):
        cw.disposition(USCM)


# ------------------------------------------------------------------ related


@given(mappings())
def test_a_mapping_and_its_inverse_read_the_same_from_either_side(m: Mapping) -> None:
    forward, backward = Crosswalk([m]), Crosswalk([m.inverse()])
    for end in (m.source, m.target):
        assert forward.related(end) == backward.related(end)
        (read,) = forward.related(end)
        assert read.source == end


def test_related_reads_incoming_subset_as_outgoing_superset() -> None:
    cw = Crosswalk([make(f"{LETTER}:training", "subset", f"{PLEDGE}:training", 9)])
    (m,) = cw.related(f"{PLEDGE}:training")
    assert (m.source, m.relationship, m.target) == (
        f"{PLEDGE}:training",
        Relationship.SUPERSET,
        f"{LETTER}:training",
    )
    assert cw.related(f"{PLEDGE}:training", relationships=["superset of"]) == (m,)
    assert cw.related(f"{PLEDGE}:training", relationships=["subset"]) == ()
    assert cw.related(f"{LETTER}:diversity") == ()


# ------------------------------------------------------------------ coverage


@given(crosswalks(), FRAMEWORKS, FRAMEWORKS)
def test_bounds_are_ordered_and_consistent(cw: Crosswalk, source: str, target: str) -> None:
    r = cw.coverage(source, target)
    assert 0.0 <= r.lower <= r.upper <= 1.0
    assert set(r.covered) <= set(r.touched) <= set(r.leaves)
    assert set(r.covered) | set(r.uncovered) == set(r.leaves)
    assert not set(r.covered) & set(r.uncovered)
    assert set(r.leaves) == {p.id for p in CATALOG.framework(target).leaves()}


@given(crosswalks(), FRAMEWORKS)
def test_a_framework_covers_itself_fully(cw: Crosswalk, framework: str) -> None:
    r = cw.coverage(framework, framework)
    assert r.lower == r.upper == 1.0
    assert r.explain(framework).by_identity


@settings(max_examples=60)
@given(crosswalks(), mappings(), FRAMEWORKS, FRAMEWORKS)
def test_adding_a_mapping_never_lowers_coverage(cw: Crosswalk, m: Mapping, source: str, target: str) -> None:
    before = cw.coverage(source, target)
    after = cw.with_mappings([m]).coverage(source, target)
    assert set(before.covered) <= set(after.covered)
    assert set(before.touched) <= set(after.touched)
    assert after.lower >= before.lower
    assert after.upper >= before.upper


def test_parent_and_whole_framework_rules() -> None:
    children = [p.id for p in CATALOG.principle(SOL).walk()][1:]
    cw = Crosswalk([make(f"{IL}:value-of-life", "superset", SOL, 5)])
    r = cw.coverage(IL, USCM)
    assert set(children) <= set(r.covered)
    assert r.explain(SOL).status is CoverageStatus.COVERED
    cw = Crosswalk([make(f"{IL}:value-of-life", "subset", SOL, 5)])
    r = cw.coverage(IL, USCM)
    assert r.covered == ()
    assert set(children) == set(r.touched)
    cw = Crosswalk([make(CZ8, "intersects", USCM, 3)])
    assert cw.coverage(CZ8, USCM).upper == 1.0
    assert cw.coverage(CZ8, USCM).lower == 0.0
    cw = Crosswalk([make(PLEDGE, "equal", LETTER, 10)])
    assert cw.coverage(PLEDGE, LETTER).lower == 1.0
    assert cw.coverage(LETTER, PLEDGE).lower == 1.0


def test_a_leaf_reached_twice_is_counted_once() -> None:
    chokehold = f"{SOL}/chokehold-ban"
    cw = Crosswalk(
        [
            make(f"{CZ8}:ban-chokeholds-and-strangleholds", "equal", chokehold),
            make(f"{CZ8}:duty-to-intervene", "superset", SOL, 2),
            make(CZ8, "superset", chokehold, 3),
        ]
    )
    r = cw.coverage(CZ8, USCM)
    assert r.covered.count(chokehold) == 1
    assert len(r.explain(chokehold).mappings) == 3
    assert len(r.covered) == len(CATALOG.framework(USCM).leaves()) - len(r.uncovered)


def test_framing_statements_are_never_counted() -> None:
    cw = Crosswalk([make("uscm-2020:peel-framing", "equal", f"{IL}:value-of-life")])
    assert cw.coverage(USCM, IL).touched == ()
    assert cw.coverage(IL, USCM).touched == ()
    assert "uscm-2020:peel-framing" not in cw.coverage(IL, USCM).leaves


def test_incomplete_frameworks_are_flagged() -> None:
    partial = attrs.evolve(CATALOG.framework(LETTER), complete=False, missing="principles 6 and 7")
    frameworks = [partial if fw.id == LETTER else fw for fw in CATALOG.frameworks]
    cat = Catalog(frameworks, bundled_crosswalks=False)
    cw = Crosswalk(
        [make(f"{LETTER}:diversity", "equal", f"{PLEDGE}:reflect-and-respect-the-community")], catalog=cat
    )
    assert cw.coverage(LETTER, PLEDGE).incomplete == (LETTER,)
    assert cw.coverage(PLEDGE, LETTER).incomplete == (LETTER,)
    assert cw.coverage(PLEDGE, PLEDGE).incomplete == ()
    assert cat.crosswalk.mappings == ()


def test_matrix_holds_every_pair() -> None:
    cw = load_catalog().crosswalk
    m = cw.matrix()
    assert len(list(m.rows())) == len(CATALOG) ** 2
    for s, t, lower, upper in m.rows():
        assert (lower, upper) == (cw.coverage(s, t).lower, cw.coverage(s, t).upper)
    with pytest.raises(UnknownIdError):
        cw.matrix(["uscm"])


# ------------------------------------------------------------------ disposition


def test_dispositions() -> None:
    cw = Crosswalk(
        [
            make(f"{SOL}/chokehold-ban", "equal", f"{CZ8}:ban-chokeholds-and-strangleholds"),
            make(CZ8, "no_relationship", "uscm-2020:community"),
            make(f"{IL}:value-of-life", "subset", SOL, 4),
        ]
    )
    assert cw.disposition(f"{SOL}/chokehold-ban") is Disposition.MAPPED
    assert cw.disposition(SOL) is Disposition.MAPPED  # through a child and directly
    # a subset on the parent, read from the parent's side, is a superset: nothing certain for a child
    assert cw.disposition(f"{SOL}/foot-pursuits") is Disposition.NOT_REVIEWED
    assert cw.disposition("uscm-2020:community") is Disposition.NO_RELATIONSHIP
    # 8CW as a whole was compared with USCM's community only, not with the rest of USCM
    assert cw.disposition(f"{CZ8}:require-warning-before-shooting") is Disposition.NOT_REVIEWED
    assert cw.disposition(f"{CZ8}:ban-chokeholds-and-strangleholds") is Disposition.MAPPED
    done = cw.with_reviews(
        [Review(source=USCM, target=CZ8, scope="complete", reviewer="tester", date="2026-12-05")]
    )
    assert done.disposition(f"{CZ8}:require-warning-before-shooting") is Disposition.NO_RELATIONSHIP
    warning = f"{CZ8}:require-warning-before-shooting"
    assert done.disposition(warning, against=USCM) is Disposition.NO_RELATIONSHIP
    assert done.disposition(f"{CZ8}:require-warning-before-shooting", against=IL) is Disposition.NOT_REVIEWED
    assert done.disposition(f"{SOL}/foot-pursuits") is Disposition.NO_RELATIONSHIP


# ------------------------------------------------------------------ derive


@settings(max_examples=60)
@given(crosswalks(max_size=15))
def test_derived_mappings_follow_the_composition_table(cw: Crosswalk) -> None:
    asserted = {(m.source, m.target) for m in cw.mappings} | {(m.target, m.source) for m in cw.mappings}
    for d in cw.derive():
        assert 2 <= len(d.path) <= 3
        assert d.path[0].source == d.source
        assert d.path[-1].target == d.target
        for a, b in zip(d.path, d.path[1:], strict=False):
            assert a.target == b.source
        composed: Relationship | None = d.path[0].relationship
        for step in d.path[1:]:
            assert composed is not None
            composed = composed.compose(step.relationship)
        assert composed is d.relationship
        assert (d.source, d.target) not in asserted
        assert d.source.split(":")[0] != d.target.split(":")[0]
        for step in d.path:
            assert step in cw.mappings or step.inverse() in cw.mappings
    assert all(isinstance(m, Mapping) for m in cw.mappings)


def test_derive_keeps_asserted_apart() -> None:
    a, b, c = f"{IL}:diversity", f"{LETTER}:diversity", f"{PLEDGE}:reflect-and-respect-the-community"
    cw = Crosswalk([make(a, "subset", b, 7), make(b, "equal", c)])
    derived = cw.derive()
    assert {(d.source, d.relationship.value, d.target) for d in derived} == {
        (a, "subset", c),
        (c, "superset", a),
    }
    assert len(cw.mappings) == 2
    assert Crosswalk([make(a, "subset", b, 7), make(b, "intersects", c, 5)]).derive() == ()


# ------------------------------------------------------------------ lint


def _kinds(cw: Crosswalk) -> list[str]:
    return sorted(p.kind.value for p in cw.lint())


def test_lint_finds_each_kind() -> None:
    x, y, z = f"{IL}:diversity", f"{LETTER}:diversity", f"{PLEDGE}:reflect-and-respect-the-community"
    assert _kinds(Crosswalk([make(x, "equal", x)])) == ["self-mapping"]
    assert _kinds(Crosswalk([make(x, "subset", y, 5), make(y, "superset", x, 6)])) == ["duplicate"]
    assert _kinds(Crosswalk([make(x, "subset", y, 5), make(x, "intersects", y, 6)])) == ["conflicting"]
    assert _kinds(Crosswalk([make(x, "equal", y), make(y, "intersects", x, 6)])) == ["inverse-disagrees"]
    assert _kinds(Crosswalk([make(x, "subset", y, 5), make(y, "subset", x, 6)])) == ["subset-both-ways"]
    assert _kinds(Crosswalk([make(x, "intersects", y, 5), make(y, "no_relationship", x)])) == [
        "related-and-unrelated"
    ]
    assert _kinds(Crosswalk([make(x, "subset", y, 5), make(y, "subset", z, 5), make(z, "subset", x, 5)])) == [
        "subset-cycle"
    ]
    assert _kinds(Crosswalk([make(LETTER, "no_relationship", PLEDGE), make(x, "intersects", y, 5)])) == []
    assert _kinds(Crosswalk([make(LETTER, "no_relationship", PLEDGE), make(y, "intersects", z, 5)])) == [
        "related-and-unrelated"
    ]


def test_lint_compares_within_one_rationale_type() -> None:
    x, y = f"{IL}:diversity", f"{LETTER}:diversity"
    cw = Crosswalk([make(x, "no_relationship", y), make(x, "intersects", y, 3, rationale_type="functional")])
    assert cw.lint() == ()


def test_lint_problem_names_its_mappings() -> None:
    x = f"{IL}:diversity"
    cw = Crosswalk([make(f"{LETTER}:training", "subset", f"{PLEDGE}:training", 9), make(x, "equal", x)])
    (problem,) = cw.lint()
    assert problem.indices == (1,)
    assert problem.mappings == (cw.mappings[1],)
    assert str(problem).startswith("self-mapping: mappings[1]:")


@given(crosswalks())
def test_lint_never_fails_and_points_at_real_mappings(cw: Crosswalk) -> None:
    for problem in cw.lint():
        assert problem.mappings == tuple(cw.mappings[i] for i in problem.indices)


def test_principle_ids_strategy_covers_the_catalog() -> None:
    assert "uscm-2020:peel-framing" in PRINCIPLE_IDS


# ------------------------------------------------------------------ repr


def test_bundled_crosswalk_repr_is_short_and_pretty_printers_agree() -> None:
    from hypothesis.vendor.pretty import pretty

    cw = load_catalog().crosswalk
    touched = [
        fw
        for fw in cw.catalog.framework_ids
        if any(
            fw in (m.source, m.target) or m.source.startswith(fw + ":") or m.target.startswith(fw + ":")
            for m in cw.mappings
        )
    ]
    reviews = len(cw.reviews)
    assert reviews  # the bundled crosswalk declares its complete reviews
    assert repr(cw) == (
        f"Crosswalk({len(cw.mappings)} mappings over {len(touched)} frameworks, {reviews} declared reviews)"
    )
    assert pretty(cw) == repr(cw)
    # Objects that hold a crosswalk in an init field (printed by Hypothesis even when repr=False).
    report = cw.coverage(CZ8, USCM)
    assert f"_crosswalk={cw!r}" in pretty(report)
    assert len(pretty(report)) < 10_000  # its own fields only; the whole catalog was over 200,000
    assert len(pretty(cw.catalog)) < 200


def test_repr_counts_one_mapping_and_one_framework() -> None:
    within = make(f"{SOL}/chokehold-ban", "subset", SOL)
    assert repr(Crosswalk([within])) == "Crosswalk(1 mapping over 1 framework)"
    assert repr(Crosswalk([])) == "Crosswalk(0 mappings over 0 frameworks)"


@settings(max_examples=50)
@given(crosswalks())
def test_repr_is_the_short_form_for_any_crosswalk(cw: Crosswalk) -> None:
    from hypothesis.vendor.pretty import pretty

    frameworks = {end.split(":")[0] for m in cw.mappings for end in (m.source, m.target)}
    assert pretty(cw) == repr(cw)
    assert repr(cw).startswith(f"Crosswalk({len(cw.mappings)} mapping")
    assert repr(cw).endswith(f" over {len(frameworks)} framework{'' if len(frameworks) == 1 else 's'})")
