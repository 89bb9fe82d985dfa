"""diff(): added, removed and changed principles between two versions of a framework."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
from policeframeworks import (
    Basis,
    Citation,
    Disposition,
    Framework,
    Principle,
    Relationship,
    UnknownIdError,
    ValidationError,
    diff,
    load_catalog,
    version_crosswalk,
)

SRC = Citation(publisher="X", title="Y", url="https://example.org")


def test_2016_to_2020_names_exactly_the_swap_and_the_rewording() -> None:
    d = diff("useofforce-2016", "8cantwait-2020")
    assert d.same_family
    assert [p.id for p in d.removed] == ["useofforce-2016:life-preservation"]
    assert [p.id for p in d.added] == ["8cantwait-2020:ban-shooting-at-moving-vehicles"]
    assert {(c.before.id, c.after.id) for c in d.reworded} == {
        ("useofforce-2016:require-de-escalation", "8cantwait-2020:require-de-escalation"),
        (
            "useofforce-2016:ban-chokeholds-and-strangleholds",
            "8cantwait-2020:ban-chokeholds-and-strangleholds",
        ),
        ("useofforce-2016:duty-to-intervene-and-report", "8cantwait-2020:duty-to-intervene"),
        ("useofforce-2016:require-use-of-force-continuum", "8cantwait-2020:require-use-of-force-continuum"),
        (
            "useofforce-2016:exhaust-all-alternatives-before-shooting",
            "8cantwait-2020:exhaust-all-alternatives-before-shooting",
        ),
        ("useofforce-2016:require-warning-before-shooting", "8cantwait-2020:require-warning-before-shooting"),
        ("useofforce-2016:require-comprehensive-reporting", "8cantwait-2020:require-comprehensive-reporting"),
    }
    assert d.unchanged == ()
    declared = [c for c in d.matched if c.matched_by == "declared"]
    assert [c.after.id for c in declared] == ["8cantwait-2020:duty-to-intervene"]


def test_lines_show_heading_removed_added_changed() -> None:
    lines = list(diff("useofforce-2016", "8cantwait-2020").lines())
    assert lines[0].endswith("1 removed, 1 added, 7 changed, 0 unchanged")
    assert [line[0] for line in lines[1:]] == ["-", "+", *["~"] * 7]


def test_unknown_framework_id() -> None:
    with pytest.raises(UnknownIdError):
        diff("useofforce-2015", "8cantwait-2020")


def _p(slug: str, fid: str, text: str = "t", corresponds_to: tuple[str, ...] = ()) -> Principle:
    return builders.principle(
        f"{fid}:{slug}", title=slug, text=text, citation=SRC, corresponds_to=corresponds_to
    )


def _fw(fid: str, principles: list[Principle], family: str = "ex") -> Framework:
    return builders.framework(fid, *principles, family=family, citation=SRC)


def test_declared_correspondence_on_either_side_matches_and_slug_match_fills_the_rest() -> None:
    a = _fw("ex-1", [_p("a", "ex-1"), _p("b", "ex-1", corresponds_to=("ex-2:bee",)), _p("c", "ex-1")])
    b = _fw(
        "ex-2",
        [_p("a", "ex-2"), _p("bee", "ex-2", text="new"), _p("see", "ex-2", corresponds_to=("ex-1:c",))],
    )
    d = diff(a, b)
    assert d.removed == d.added == ()
    assert [(c.before.id, c.after.id, c.matched_by) for c in d.matched] == [
        ("ex-1:a", "ex-2:a", "slug"),
        ("ex-1:b", "ex-2:bee", "declared"),
        ("ex-1:c", "ex-2:see", "declared"),
    ]
    assert [c.changed for c in d.changed] == [("title", "text"), ("title",)]


def test_declared_counterpart_must_exist_and_be_one_to_one() -> None:
    a = _fw("ex-1", [_p("a", "ex-1", corresponds_to=("ex-2:zz",))])
    b = _fw("ex-2", [_p("z", "ex-2")])
    with pytest.raises(ValidationError, match="'ex-2:zz' is not a principle of 'ex-2'"):
        diff(a, b)
    a = _fw("ex-1", [_p("a", "ex-1", corresponds_to=("ex-2:z",)), _p("b", "ex-1")])
    b = _fw("ex-2", [_p("z", "ex-2", corresponds_to=("ex-1:b",))])
    with pytest.raises(ValidationError, match="declared to correspond to both"):
        diff(a, b)


def test_a_declared_pair_takes_precedence_over_a_slug_match() -> None:
    a = _fw("ex-1", [_p("a", "ex-1", corresponds_to=("ex-2:b",)), _p("b", "ex-1")])
    b = _fw("ex-2", [_p("b", "ex-2")])
    d = diff(a, b)
    assert [p.id for p in d.removed] == ["ex-1:b"]
    assert [(c.before.id, c.after.id) for c in d.matched] == [("ex-1:a", "ex-2:b")]


def test_themes_compare_as_sets() -> None:
    one = Principle(
        id="ex-1:a", title="A", text="t", wording="paraphrase", themes=("training", "youth"), citation=SRC
    )
    two = Principle(
        id="ex-2:a", title="A", text="t", wording="paraphrase", themes=("youth", "training"), citation=SRC
    )
    assert diff(_fw("ex-1", [one]), _fw("ex-2", [two])).is_empty


# Laws, over the bundled frameworks and over generated versions

catalog_frameworks = st.sampled_from(load_catalog().frameworks)

SLUGS = ["alpha", "beta", "gamma", "delta", "eps"]


@st.composite
def versions(draw: st.DrawFn) -> tuple[Framework, Framework]:
    """Two versions with overlapping slugs, random texts and an optional declared correspondence."""
    texts = st.sampled_from(["one", "two"])
    a_slugs = draw(st.lists(st.sampled_from(SLUGS), min_size=1, unique=True))
    b_slugs = draw(st.lists(st.sampled_from(SLUGS), min_size=1, unique=True))
    declare = draw(st.none() | st.tuples(st.sampled_from(a_slugs), st.sampled_from(b_slugs)))
    a = [
        _p(
            s,
            "ex-1",
            draw(texts),
            corresponds_to=(f"ex-2:{declare[1]}",) if declare and declare[0] == s else (),
        )
        for s in a_slugs
    ]
    b = [_p(s, "ex-2", draw(texts)) for s in b_slugs]
    return _fw("ex-1", a), _fw("ex-2", b)


@given(catalog_frameworks)
def test_diff_of_a_framework_with_itself_is_empty(fw: Framework) -> None:
    d = diff(fw, fw)
    assert d.is_empty
    assert len(d.unchanged) == len(fw.principle_ids)


@given(catalog_frameworks, catalog_frameworks)
def test_added_and_removed_swap_when_the_arguments_swap(a: Framework, b: Framework) -> None:
    forward, back = diff(a, b), diff(b, a)
    assert forward.added == back.removed
    assert forward.removed == back.added
    assert {(c.before.id, c.after.id) for c in forward.matched} == {
        (c.after.id, c.before.id) for c in back.matched
    }


@given(versions())
def test_laws_hold_for_generated_versions(pair: tuple[Framework, Framework]) -> None:
    a, b = pair
    forward, back = diff(a, b), diff(b, a)
    assert forward.added == back.removed
    assert forward.removed == back.added
    assert set(forward.reversed().matched) == set(back.matched)
    # Every principle is accounted for exactly once on each side.
    assert len(forward.removed) + len(forward.matched) == len(a.principle_ids)
    assert len(forward.added) + len(forward.matched) == len(b.principle_ids)
    assert diff(a, a).is_empty


# version_crosswalk: the generated crosswalk between versions


def test_version_crosswalk_2016_to_2020_claims_no_equal_for_reworded_items() -> None:
    cw = version_crosswalk("useofforce-2016", "8cantwait-2020")
    d = diff("useofforce-2016", "8cantwait-2020")
    assert [(m.source, m.target) for m in cw.mappings] == [(c.before.id, c.after.id) for c in d.matched]
    assert {m.relationship for m in cw.mappings} == {Relationship.INTERSECTS}
    assert {(m.basis, m.mapped_by, m.strength) for m in cw.mappings} == {(Basis.ANALYTIC, "generated", 5)}
    ends = {m.source for m in cw.mappings} | {m.target for m in cw.mappings}
    assert "useofforce-2016:life-preservation" not in ends
    assert "8cantwait-2020:ban-shooting-at-moving-vehicles" not in ends
    declared = [m for m in cw.mappings if "corresponds_to" in m.rationale]
    assert [m.target for m in declared] == ["8cantwait-2020:duty-to-intervene"]
    assert cw.lint() == ()
    report = cw.coverage("useofforce-2016", "8cantwait-2020")
    assert (report.lower, report.touched_share, report.upper) == (0.0, 7 / 8, 1.0)
    assert report.not_reviewed == ("8cantwait-2020:ban-shooting-at-moving-vehicles",)
    assert cw.disposition("useofforce-2016:life-preservation") is Disposition.NOT_REVIEWED


def test_version_crosswalk_needs_two_versions_of_one_family() -> None:
    with pytest.raises(ValidationError, match="same framework"):
        version_crosswalk("uscm-2020", "uscm-2020")
    with pytest.raises(ValidationError, match="family"):
        version_crosswalk("uscm-2020", "8cantwait-2020")
    with pytest.raises(UnknownIdError):
        version_crosswalk("useofforce-2015", "8cantwait-2020")


def test_unchanged_parent_with_a_changed_child_is_not_equal() -> None:
    a = _fw("ex-1", [_tree("ex-1", "alpha", "same", [("x", "one"), ("y", "one")])])
    b = _fw("ex-2", [_tree("ex-2", "alpha", "same", [("x", "one"), ("y", "two")])])
    cw = version_crosswalk(a, b)
    rel = {(m.source, m.target): m.relationship.value for m in cw.mappings}
    assert rel == {
        ("ex-1:alpha", "ex-2:alpha"): "intersects",
        ("ex-1:alpha/x", "ex-2:alpha/x"): "equal",
        ("ex-1:alpha/y", "ex-2:alpha/y"): "intersects",
    }
    assert cw.coverage("ex-1", "ex-2").covered == ("ex-2:alpha/x",)


def _tree(fid: str, slug: str, text: str, children: list[tuple[str, str]]) -> Principle:
    return Principle(
        id=f"{fid}:{slug}",
        title=slug,
        text=text,
        wording="paraphrase",
        themes=("training",),
        citation=SRC,
        children=tuple(_p(f"{slug}/{c}", fid, t) for c, t in children),
    )


@st.composite
def nested_versions(draw: st.DrawFn) -> tuple[Framework, Framework]:
    """Two versions whose principles may have sub-provisions, with few distinct texts (so many match)."""
    texts = st.sampled_from(["one", "two"])

    def side(fid: str) -> Framework:
        slugs = draw(st.lists(st.sampled_from(SLUGS), min_size=1, max_size=4, unique=True))
        tops = []
        for s in slugs:
            kids = draw(st.lists(st.sampled_from(["x", "y", "z"]), max_size=2, unique=True))
            tops.append(_tree(fid, s, draw(texts), [(k, draw(texts)) for k in kids]))
        return _fw(fid, tops)

    return side("ex-1"), side("ex-2")


@given(nested_versions())
def test_version_crosswalk_equal_only_between_identical_texts(pair: tuple[Framework, Framework]) -> None:
    a, b = pair
    cw = version_crosswalk(a, b)
    d = diff(a, b)
    assert [(m.source, m.target) for m in cw.mappings] == [(c.before.id, c.after.id) for c in d.matched]
    assert cw.lint() == ()
    pairs = {c.before.id: c.after.id for c in d.matched}
    for m in cw.mappings:
        assert m.relationship in (Relationship.EQUAL, Relationship.INTERSECTS)
        assert m.mapped_by == "generated"
        assert m.basis is Basis.ANALYTIC
        before, after = a.principle(m.source), b.principle(m.target)
        # The same text all the way down (slug matching keeps depth, so this is the subtree rule).
        same_tree = sorted((pairs.get(x.id, ""), x.text) for x in before.walk()) == sorted(
            (y.id, y.text) for y in after.walk()
        )
        assert (m.relationship is Relationship.EQUAL) == same_tree
        if m.relationship is Relationship.EQUAL:
            assert before.text == after.text
    # No over-claim: every covered leaf of b has a counterpart in a with the same text.
    back = {v: k for k, v in pairs.items()}
    for leaf in cw.coverage(a.id, b.id).covered:
        assert leaf in back
        assert a.principle(back[leaf]).text == b.principle(leaf).text
