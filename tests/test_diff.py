"""diff(): added, removed and changed principles between two versions of a framework."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Citation,
    Framework,
    Principle,
    UnknownIdError,
    ValidationError,
    diff,
    load_catalog,
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
    return Principle(
        id=f"{fid}:{slug}",
        title=slug,
        text=text,
        wording="paraphrase",
        themes=("training",),
        citation=SRC,
        corresponds_to=corresponds_to,
    )


def _fw(fid: str, principles: list[Principle], family: str = "ex") -> Framework:
    return Framework(
        id=fid,
        family=family,
        version=fid,
        title=fid,
        short_title=fid,
        publisher="X",
        date="2020",
        kind="principles",
        data_version="1",
        citation=SRC,
        principles=tuple(principles),
    )


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
