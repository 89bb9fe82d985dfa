from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from crosswalk_strategies import CITATION, mappings
from policeframeworks import CrosswalkDocument, Mapping, Relationship, ValidationError, io


def make(**changes: object) -> Mapping:
    fields: dict[str, object] = {
        "source": "policylink-2014:training",
        "relationship": "subset",
        "target": "policylink-pledge:training",
        "rationale_type": "syntactic",
        "strength": 9,
        "basis": "analytic",
        "rationale": "The pledge adds mental health.",
        "mapped_by": "tester",
    }
    fields.update(changes)
    return Mapping(**fields)  # type: ignore[arg-type]


@given(mappings())
def test_inverse_is_an_involution(m: Mapping) -> None:
    assert m.inverse().inverse() == m
    assert m.inverse().source == m.target
    assert m.inverse().relationship is m.relationship.inverse()


@given(mappings())
def test_reads_from_either_end(m: Mapping) -> None:
    assert m.reads_from(m.source) == m
    assert m.reads_from(m.target) == m.inverse()


def test_reads_from_another_id_is_an_error() -> None:
    with pytest.raises(ValueError, match="neither end"):
        make().reads_from("uscm-2020")


def test_relationship_spellings_are_normalised() -> None:
    assert make(relationship="subset-of").relationship is Relationship.SUBSET


@pytest.mark.parametrize(
    ("relationship", "strength"),
    [("equal", 9), ("no_relationship", 1), ("subset", 10), ("intersects", 0), ("superset", 11)],
)
def test_strength_must_fit_the_relationship(relationship: str, strength: int) -> None:
    with pytest.raises(ValidationError) as info:
        make(relationship=relationship, strength=strength)
    assert [p.path for p in info.value.problems] == ["strength"]


def test_strength_must_be_an_integer() -> None:
    with pytest.raises(ValidationError, match="expected an integer"):
        make(strength=True)


def test_explicit_basis_needs_a_citation() -> None:
    with pytest.raises(ValidationError, match="needs a citation"):
        make(basis="explicit")
    assert make(basis="explicit", citation=CITATION).citation == CITATION


def test_every_problem_is_listed() -> None:
    with pytest.raises(ValidationError) as info:
        make(
            source="Not An Id", relationship="subsett", rationale_type="semantc", rationale=" ", mapped_by=""
        )
    paths = [p.path for p in info.value.problems]
    assert paths == ["source", "relationship", "rationale_type", "rationale", "mapped_by"]
    suggestions = {p.path: p.suggestion for p in info.value.problems}
    assert suggestions["relationship"] == "subset"
    assert suggestions["rationale_type"] == "semantic"


def test_whole_framework_ends_are_allowed() -> None:
    m = make(
        source="8cantwait-2020", target="uscm-2020:community", relationship="no_relationship", strength=0
    )
    assert m.inverse().target == "8cantwait-2020"


@given(mappings())
def test_round_trip_through_plain_data(m: Mapping) -> None:
    assert io.from_dict(io.to_dict(m), Mapping) == m


def test_plain_data_accepts_other_spellings_and_reports_together() -> None:
    data = io.to_dict(make())
    assert io.from_dict({**data, "relationship": "subset of"}, Mapping) == make()
    with pytest.raises(ValidationError) as info:
        io.from_dict({**data, "relationship": "subsett", "strength": "9"}, Mapping)
    assert [p.path for p in info.value.problems] == ["relationship", "strength"]


def test_document_checks_frameworks() -> None:
    m = make()
    doc = CrosswalkDocument(
        id="mine",
        title="Mine",
        data_version="1",
        mappings=(m,),
        frameworks=("policylink-2014", "policylink-pledge"),
    )
    assert doc.mappings == (m,)
    with pytest.raises(ValidationError, match=r"mappings\[0\]\.target"):
        attrs.evolve(doc, frameworks=("policylink-2014",))
    with pytest.raises(ValidationError, match="not a lowercase slug"):
        attrs.evolve(doc, id="Mine")
