"""Projection's compiled rule tables give exactly what the rule as written gives (``_project.py``).

:meth:`Assessment.project` reads a table compiled once per (crosswalk, source, target) and shares the
projected findings it built between assessments whose sources have the same statuses; the result is built
without checking it again. These tests compare it with the reference form of the rule
(``reference_findings``, read afresh from the coverage report and built through the checking
constructors) on random catalogs, random crosswalks (framework-level and parent mappings, opposing flags,
contradictions) and random assessments.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import crosswalk_strategies
from policeframeworks import (
    Assessment,
    Catalog,
    Crosswalk,
    Finding,
    Jurisdiction,
    Method,
    UnknownIdError,
    _project,
    load_catalog,
)
from policeframeworks._project import reference_findings
from policeframeworks.testing import strategies as pfst

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def checked(a: Assessment, onto: str, crosswalk: Crosswalk) -> Assessment:
    """The projection built by the rule as written, through the checking constructor."""
    notes = [
        f"Projected from the {a.framework_id} assessment of {a.as_of} by {a.assessor} "
        f"({a.method}) through a crosswalk."
    ]
    if a.reported_total is not None:
        notes.append(
            f"The source reported {a.reported_total} adopted without naming all of them; only named "
            "findings are projected."
        )
    return Assessment(
        jurisdiction=a.jurisdiction,
        framework_id=onto,
        as_of=a.as_of,
        assessor=a.assessor,
        method=Method.DERIVED,
        findings=reference_findings(a, onto, crosswalk),
        notes=notes,
    )


def same(fast: Assessment, slow: Assessment) -> None:
    """Equal field by field, findings in the same order, and no field left unset."""
    assert fast == slow
    for field in attrs.fields(Assessment):
        assert getattr(fast, field.name) == getattr(slow, field.name), field.name
    assert fast.findings == slow.findings  # the same order too (equality ignores it)
    assert repr(fast) == repr(slow)
    assert fast.by_principle == slow.by_principle


@st.composite
def worlds(draw: st.DrawFn) -> tuple[Crosswalk, list[Assessment], str]:
    """A generated catalog, a crosswalk of any mappings over it, assessments of one framework, a target."""
    catalog: Catalog = draw(pfst.catalogs(min_frameworks=2, max_frameworks=3, max_depth=2))
    ends = sorted([*catalog.framework_ids, *(p for fw in catalog for p in fw.by_id)])
    mappings = draw(st.lists(crosswalk_strategies.mappings(ends), max_size=14))
    cw = Crosswalk(mappings, catalog=catalog)
    source = draw(st.sampled_from(catalog.framework_ids))
    onto = draw(st.sampled_from([f for f in catalog.framework_ids if f != source]))
    items = draw(st.lists(pfst.assessments(framework=catalog.framework(source)), min_size=1, max_size=6))
    return cw, items, onto


@SETTINGS
@given(worlds())
def test_compiled_projection_equals_the_rule_as_written(
    world: tuple[Crosswalk, list[Assessment], str],
) -> None:
    cw, items, onto = world
    for a in items + items:  # the second round reads findings kept from the first
        same(a.project(onto, cw), checked(a, onto, cw))


@SETTINGS
@given(worlds())
def test_findings_not_kept_are_the_same(world: tuple[Crosswalk, list[Assessment], str]) -> None:
    cw, items, onto = world
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_project, "_KEPT_PER_LEAF", 0)  # every finding built afresh
        fresh = [a.project(onto, cw) for a in items]
    for a, got in zip(items, fresh, strict=True):
        same(got, checked(a, onto, cw))


@settings(max_examples=60, deadline=None)
@given(pfst.assessments(framework=load_catalog().framework("8cantwait-2020")), st.data())
def test_bundled_crosswalk_projection_equals_the_rule_as_written(a: Assessment, data: st.DataObject) -> None:
    cw = load_catalog().crosswalk
    onto = data.draw(st.sampled_from([f for f in cw.catalog.framework_ids if f != a.framework_id]))
    same(a.project(onto, cw), checked(a, onto, cw))


def test_projected_findings_are_shared_between_assessments() -> None:
    # Two cities with the same statuses get the very same (frozen) finding objects, built once.
    cw = load_catalog().crosswalk
    a = load_catalog().framework("8cantwait-2020")
    statuses = {p.id: "adopted" for p in a.leaves()}
    one, two = (city(name, statuses) for name in ("A", "B"))
    p1, p2 = one.project("uscm-2020", cw), two.project("uscm-2020", cw)
    assert p1.findings
    assert all(f is g for f, g in zip(p1.findings, p2.findings, strict=True))
    assert p1.jurisdiction != p2.jurisdiction
    # The rules are compiled once per (source, target) and kept in the crosswalk's documented cache.
    assert ("8cantwait-2020", "uscm-2020") in cw.projection_tables


def test_objects_without_the_cache_compile_each_time() -> None:
    # A stand-in with only ``related`` may change between calls: what it says now is what counts.
    class Changing:
        def __init__(self) -> None:
            self.mappings: tuple[object, ...] = ()

        def related(self, principle_id: str, *, relationships: object = None) -> tuple[object, ...]:
            return tuple(m for m in self.mappings if m.source == principle_id)  # type: ignore[attr-defined]

    class M:
        def __init__(self, source: str, relationship: str, target: str) -> None:
            self.source, self.relationship, self.target = source, relationship, target

    a = city("A", {"8cantwait-2020:duty-to-intervene": "adopted"})
    cw = Changing()
    assert a.project("uscm-2020", cw).findings == ()  # type: ignore[arg-type]
    cw.mappings = (
        M("8cantwait-2020:duty-to-intervene", "equal", "uscm-2020:sanctity-of-life/duty-to-intervene"),
    )
    (f,) = a.project("uscm-2020", cw).findings  # type: ignore[arg-type]
    assert (f.principle_id, str(f.status)) == ("uscm-2020:sanctity-of-life/duty-to-intervene", "adopted")


def city(name: str, statuses: dict[str, str]) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(name=name, state="IL", kind="city"),
        framework_id="8cantwait-2020",
        as_of="2020",
        assessor="tester",
        method="document-review",
        findings=[Finding(principle_id=p, status=s) for p, s in statuses.items()],
    )


def test_unknown_frameworks_still_raise_with_suggestions() -> None:
    cw = load_catalog().crosswalk
    a = city("A", {})
    with pytest.raises(UnknownIdError, match="uscm-2020"):
        a.project("uscm-202", cw)
    with pytest.raises(UnknownIdError):
        attrs.evolve(a, framework_id="nope-2020").project("uscm-2020", cw)
