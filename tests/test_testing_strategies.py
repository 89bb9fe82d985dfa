"""The Hypothesis strategies: valid by construction, narrowed by their arguments, shrinking small."""

from __future__ import annotations

import os

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from policeframeworks import (
    Assessment,
    Catalog,
    Citation,
    Crosswalk,
    CrosswalkDocument,
    Evidence,
    Finding,
    Framework,
    FrameworkKind,
    Jurisdiction,
    Mapping,
    PoliceFrameworksError,
    Principle,
    io,
    load_catalog,
)
from policeframeworks._ids import depth_of, is_framework_id, is_partial_date, is_principle_id, parent_id_of
from policeframeworks.testing import strategies as pfst

# Moderate counts for the normal suite (PF_STRATEGY_EXAMPLES raises them for a long run); the strategies
# are also exercised by the round-trip and fuzz tests.
EXAMPLES = int(os.environ.get("PF_STRATEGY_EXAMPLES", "150"))
CHECK = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _rebuilt(obj: object) -> object:
    """Validate again from scratch: through plain data and the strict converter."""
    return io.from_dict(io.to_dict(obj), type(obj))


@CHECK
@given(pfst.citations())
def test_citations_are_valid(c: Citation) -> None:
    assert _rebuilt(c) == c
    assert c.url.startswith(("http://", "https://"))
    assert c.date is None or is_partial_date(c.date)


@CHECK
@given(pfst.principles())
def test_principles_are_valid_trees(p: Principle) -> None:
    assert _rebuilt(p) == p
    ids = [q.id for q in p.walk()]
    assert len(ids) == len(set(ids))
    for q in p.walk():
        assert is_principle_id(q.id)
        assert q.title.strip()
        assert q.text.strip()
        for child in q.children:
            assert parent_id_of(child.id) == q.id


@CHECK
@given(pfst.frameworks())
def test_frameworks_are_valid(fw: Framework) -> None:
    assert _rebuilt(fw) == fw
    assert is_framework_id(fw.id)
    assert all(pid.startswith(f"{fw.id}:") for pid in fw.principle_ids)
    tops = [p.id for p in (*fw.principles, *fw.framing)]
    assert len(tops) == len(set(tops))
    assert fw.complete == (fw.missing is None)
    texts = [fw.preamble or "", *(p.text for p in fw.iter_principles())]
    assert all(any(ph in t for t in texts) for ph in fw.placeholders)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(pfst.catalogs())
def test_catalogs_are_valid(cat: Catalog) -> None:
    assert _rebuilt(cat) == cat
    assert 1 <= len(cat) <= 3
    assert len(set(cat.framework_ids)) == len(cat)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(pfst.catalogs(min_frameworks=0, max_frameworks=2, include_bundled=True))
def test_catalogs_can_start_with_the_bundled_frameworks(cat: Catalog) -> None:
    bundled = load_catalog().frameworks
    assert cat.frameworks[: len(bundled)] == bundled
    assert len(cat) <= len(bundled) + 2


@settings(max_examples=20)
@given(pfst.bundled_frameworks())
def test_bundled_frameworks_come_from_the_catalog(fw: Framework) -> None:
    assert load_catalog().framework(fw.id) is fw


@settings(max_examples=50)
@given(pfst.framework_ids())
def test_framework_ids_follow_the_id_scheme(fid: str) -> None:
    assert is_framework_id(fid)


# --- narrowing arguments --------------------------------------------------------------------------------


@CHECK
@given(
    st.data(),
    st.integers(1, 4),
    st.integers(0, 3),
    st.integers(0, 2),
    st.integers(0, 3),
)
def test_frameworks_respect_their_arguments(
    data: st.DataObject, low: int, extra: int, max_depth: int, max_children: int
) -> None:
    fw = data.draw(
        pfst.frameworks(
            framework_id="my-fw",
            min_principles=low,
            max_principles=low + extra,
            max_depth=max_depth,
            max_children=max_children,
            kinds=["pledge", FrameworkKind.PILLARS],
            complete=False,
        )
    )
    assert fw.id == "my-fw"
    assert low <= len(fw.principles) <= low + extra
    assert fw.kind in (FrameworkKind.PLEDGE, FrameworkKind.PILLARS)
    assert not fw.complete
    assert fw.missing
    for p in (*fw.iter_principles(), *(q for f in fw.framing for q in f.walk())):
        assert depth_of(p.id) <= max_depth
        assert len(p.children) <= max_children


@CHECK
@given(st.data(), st.integers(0, 2), st.integers(0, 3))
def test_principles_respect_their_arguments(data: st.DataObject, max_depth: int, max_children: int) -> None:
    p = data.draw(pfst.principles(framework_id="x-1", max_depth=max_depth, max_children=max_children))
    for q in p.walk():
        assert q.framework_id == "x-1"
        assert depth_of(q.id) <= max_depth
        assert len(q.children) <= max_children


@settings(max_examples=30)
@given(pfst.frameworks(complete=True, max_principles=2, max_depth=0))
def test_complete_frameworks_only(fw: Framework) -> None:
    assert fw.complete
    assert fw.missing is None


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: pfst.frameworks(min_principles=0), "min_principles=0 must be an integer >= 1"),
        (lambda: pfst.frameworks(min_principles=3, max_principles=2), "min_principles=3 is more than"),
        (lambda: pfst.frameworks(max_depth=-1), "max_depth=-1"),
        (lambda: pfst.frameworks(max_children=True), "max_children=True"),
        (lambda: pfst.frameworks(framework_id="USCM 2020"), "not a framework id"),
        (lambda: pfst.frameworks(kinds=["pledges"]), "'pledges' is not one of"),
        (lambda: pfst.frameworks(kinds="pledge"), "not one string"),
        (lambda: pfst.frameworks(kinds=[]), "at least one kind"),
        (lambda: pfst.frameworks(complete="yes"), "complete='yes'"),  # type: ignore[arg-type]
        (lambda: pfst.principles(framework_id="a:b"), "not a framework id"),
        (lambda: pfst.catalogs(min_frameworks=2, max_frameworks=1), "min_frameworks=2 is more than"),
        (lambda: pfst.catalogs(max_principles=0), "max_principles=0"),
        (lambda: pfst.catalogs(include_bundled=1), "include_bundled=1"),  # type: ignore[arg-type]
    ],
)
def test_impossible_arguments_are_refused_at_once(make: object, fragment: str) -> None:
    with pytest.raises(pfst.StrategyArgumentError, match=None) as info:
        make()  # type: ignore[operator]
    assert fragment in str(info.value)
    assert isinstance(info.value, PoliceFrameworksError)
    assert isinstance(info.value, InvalidArgument)


# --- shrinking and reach --------------------------------------------------------------------------------


def test_frameworks_shrink_to_one_small_principle() -> None:
    fw = find(pfst.frameworks(max_principles=3), lambda fw: True)
    assert len(fw.principle_ids) == 1
    assert not fw.framing
    assert not fw.placeholders
    assert not fw.notes
    assert len(fw.id) == 1
    assert len(fw.title) == 1


def test_trees_shrink_to_a_chain() -> None:
    deep = pfst.frameworks(max_principles=2)
    fw = find(deep, lambda fw: any(depth_of(pid) == 2 for pid in fw.principle_ids))
    # The minimum is a chain of three; shrinking is a search, so allow one principle of slack.
    assert len(fw.principle_ids) <= 4


def test_catalogs_shrink_to_one_framework() -> None:
    cat = find(pfst.catalogs(max_principles=2), lambda cat: True)
    assert len(cat) == 1
    assert len(cat.frameworks[0].principle_ids) == 1


@pytest.mark.parametrize(
    "condition",
    [
        lambda fw: bool(fw.framing),
        lambda fw: bool(fw.placeholders) and fw.preamble is not None,
        lambda fw: not fw.complete,
        lambda fw: any(p.aliases and p.number and p.notes for p in fw.iter_principles()),
        lambda fw: any(
            p.citation != attrs.evolve(fw.citation, locator=p.citation.locator) for p in fw.iter_principles()
        ),
        lambda fw: any(not c.isascii() for c in fw.title),
    ],
    ids=["framing", "placeholders", "incomplete", "optional-fields", "own-citation", "non-ascii"],
)
def test_frameworks_reach_every_optional_part(condition: object) -> None:
    no_shrink = settings(max_examples=2000, phases=[Phase.generate], database=None)
    fw = find(pfst.frameworks(), condition, settings=no_shrink)  # type: ignore[arg-type]
    assert condition(fw)  # type: ignore[operator]


def test_from_type_registry_covers_the_same_types_as_the_entry_point() -> None:
    import policeframeworks
    from _policeframeworks_hypothesis import TYPE_NAMES

    assert set(pfst.FROM_TYPE) == {getattr(policeframeworks, name) for name in TYPE_NAMES}


# --- crosswalks ------------------------------------------------------------------------------------------


@CHECK
@given(pfst.mappings())
def test_mappings_are_valid_and_join_existing_ids(m: Mapping) -> None:
    assert _rebuilt(m) == m
    cat = load_catalog()
    assert m.source in cat
    assert m.target in cat
    assert m.source.split(":")[0] != m.target.split(":")[0]
    low, high = m.relationship.strength_range
    assert low <= m.strength <= high


@CHECK
@given(pfst.crosswalks())
def test_crosswalks_are_lint_clean(cw: Crosswalk) -> None:
    assert cw.lint() == ()
    assert Crosswalk(cw.mappings, catalog=cw.catalog) == cw


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(pfst.catalogs(min_frameworks=2, max_depth=2).flatmap(lambda c: pfst.crosswalks(catalog=c, min_size=1)))
def test_crosswalks_over_generated_catalogs(cw: Crosswalk) -> None:
    assert cw.lint() == ()
    assert all(m.source in cw.catalog and m.target in cw.catalog for m in cw.mappings)


@CHECK
@given(pfst.crosswalks(relationships=["subset", "superset"], min_size=3, max_size=12))
def test_strict_subsets_never_form_cycles(cw: Crosswalk) -> None:
    assert cw.lint() == ()


@CHECK
@given(pfst.crosswalk_documents())
def test_crosswalk_documents_are_valid(doc: CrosswalkDocument) -> None:
    assert _rebuilt(doc) == doc
    assert Crosswalk.from_documents([doc]).lint() == ()


def test_a_one_id_catalog_cannot_be_mapped() -> None:
    tiny = find(pfst.catalogs(max_principles=1, max_depth=0), lambda c: True)
    lone = Catalog([attrs.evolve(tiny.frameworks[0], framing=())])
    with pytest.raises(pfst.StrategyArgumentError, match="fewer than two ids"):
        pfst.crosswalks(catalog=Catalog([]))
    assert len(lone.frameworks[0].principle_ids) == 1  # two ids: the framework and its principle
    pfst.crosswalks(catalog=lone)


# --- assessments -----------------------------------------------------------------------------------------


@CHECK
@given(pfst.jurisdictions())
def test_jurisdictions_are_valid(j: Jurisdiction) -> None:
    assert _rebuilt(j) == j
    assert j.name == j.name.strip()


@CHECK
@given(pfst.findings(), pfst.evidence())
def test_findings_and_evidence_are_valid(f: Finding, e: Evidence) -> None:
    assert _rebuilt(f) == f
    assert _rebuilt(e) == e


@CHECK
@given(pfst.assessments())
def test_assessments_are_valid_with_consistent_scores(a: Assessment) -> None:
    assert _rebuilt(a) == a
    fw = load_catalog().framework(a.framework_id)
    s = a.score()
    assert s.lower <= s.upper
    assert sum(s.counts().values()) == len(fw.leaves())
    if a.reported_total is not None:
        assert s.adopted <= a.reported_total <= s.adopted + s.unknown


@CHECK
@given(st.data())
def test_assessments_of_a_generated_framework(data: st.DataObject) -> None:
    fw = data.draw(pfst.frameworks(max_principles=4))
    a = data.draw(pfst.assessments(framework=fw, statuses=["adopted", "unknown"], reported_total=True))
    a.check(fw)
    s = a.score(fw)
    assert s.partial == s.not_adopted == s.not_applicable == 0
    assert s.lower <= s.reported_total <= s.upper  # type: ignore[operator]


@settings(max_examples=30)
@given(pfst.assessments(framework=load_catalog().framework("8cantwait-2020"), max_findings=2))
def test_assessments_of_a_bundled_framework(a: Assessment) -> None:
    assert a.framework_id == "8cantwait-2020"
    assert len(a.findings) <= 2


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: pfst.mappings(relationships=["subsett"]), "'subsett' is not one of"),
        (lambda: pfst.mappings(relationships=[]), "at least one relationship"),
        (lambda: pfst.crosswalks(min_size=3, max_size=2), "min_size=3 is more than"),
        (lambda: pfst.crosswalks(catalog="bundled"), "must be a Catalog"),
        (lambda: pfst.jurisdictions(kinds=["town"]), "'town' is not one of"),
        (lambda: pfst.jurisdictions(states=["Texas"]), "not two-letter state codes"),
        (lambda: pfst.findings(statuses=["yes"]), "'yes' is not one of"),
        (lambda: pfst.findings(principle_ids=["USCM"]), "not principle ids"),
        (lambda: pfst.assessments(framework="8cantwait-2020"), "must be a Framework"),
        (lambda: pfst.assessments(max_findings=-1), "max_findings=-1"),
    ],
)
def test_impossible_crosswalk_and_assessment_arguments(make: object, fragment: str) -> None:
    with pytest.raises(pfst.StrategyArgumentError) as info:
        make()  # type: ignore[operator]
    assert fragment in str(info.value)
