from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from policeframeworks import Crosswalk, Mapping, Review, ValidationError, io, load_catalog
from policeframeworks.testing import strategies as pfst

trestle_mapping = pytest.importorskip("trestle.oscal.mapping")

CW = load_catalog().crosswalk
WHEN = "2026-12-05T00:00:00Z"
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def validate_with_trestle(doc: dict[str, object]) -> None:
    """compliance-trestle's pydantic model of OSCAL 1.2's mapping collection (extra keys forbidden)."""
    trestle_mapping.Model.model_validate(doc)


def one(relationship: str, strength: int, rationale_type: str = "semantic") -> Mapping:
    return Mapping(
        source="policylink-2014:training",
        relationship=relationship,
        target="policylink-pledge:training",
        rationale_type=rationale_type,
        strength=strength,
        basis="analytic",
        rationale="r",
        mapped_by="me",
    )


def maps(doc: dict[str, object]) -> list[dict[str, object]]:
    collection = doc["mapping-collection"]
    assert isinstance(collection, dict)
    return [entry for mapping in collection["mappings"] for entry in mapping["maps"]]


def test_bundled_crosswalk_validates_and_reads_back(tmp_path: Path) -> None:
    doc = io.crosswalk_to_oscal(CW, last_modified=WHEN)
    validate_with_trestle(doc)
    assert io.crosswalk_from_oscal(doc) == CW
    path = tmp_path / "cw.json"
    io.write_oscal(CW, path, last_modified=WHEN)
    assert json.loads(path.read_text(encoding="utf-8")) == doc
    assert io.read_oscal(path) == CW


def test_the_validator_check_can_fail() -> None:
    doc = io.crosswalk_to_oscal(CW, last_modified=WHEN)
    doc["mapping-collection"]["provenance"]["mapped-by"] = "me"  # not a field of the model
    with pytest.raises(Exception, match="mapped-by"):
        validate_with_trestle(doc)


def test_export_is_deterministic() -> None:
    assert io.crosswalk_to_oscal(CW, last_modified=WHEN) == io.crosswalk_to_oscal(CW, last_modified=WHEN)


@SETTINGS
@given(cw=pfst.crosswalks(min_size=1, max_size=10))
def test_generated_crosswalks_validate_and_round_trip(cw: Crosswalk) -> None:
    doc = io.crosswalk_to_oscal(cw, last_modified=WHEN)
    validate_with_trestle(doc)
    assert io.crosswalk_from_oscal(doc, catalog=cw.catalog) == cw


@pytest.mark.parametrize(
    ("relationship", "strength", "rationale_type", "word"),
    [
        ("equal", 10, "syntactic", "equal-to"),
        ("equal", 10, "semantic", "equivalent-to"),
        ("subset", 9, "semantic", "subset-of"),
        ("superset", 3, "functional", "superset-of"),
        ("intersects", 5, "semantic", "intersects-with"),
        ("no_relationship", 0, "semantic", "no-relationship"),
    ],
)
def test_relationships_carry_over(relationship: str, strength: int, rationale_type: str, word: str) -> None:
    doc = io.crosswalk_to_oscal(Crosswalk([one(relationship, strength, rationale_type)]), last_modified=WHEN)
    (entry,) = maps(doc)
    assert entry["relationship"] == word
    assert entry["matching-rationale"] == rationale_type
    assert entry["sources"] == [{"type": "control", "id-ref": "policylink-2014:training"}]
    assert entry["targets"] == [{"type": "control", "id-ref": "policylink-pledge:training"}]


def test_reviews_set_the_pairs_status_and_read_back() -> None:
    review = Review(
        source="policylink-pledge", target="policylink-2014", scope="complete", reviewer="me", date="2026"
    )
    cw = Crosswalk([one("subset", 9)]).with_reviews([review])
    doc = io.crosswalk_to_oscal(cw, last_modified=WHEN)
    (mapping,) = doc["mapping-collection"]["mappings"]
    assert mapping["status"] == "complete"  # reviewed in the other direction: the same pair
    assert doc["mapping-collection"]["provenance"]["status"] == "complete"
    assert io.crosswalk_from_oscal(doc) == cw
    unreviewed = io.crosswalk_to_oscal(Crosswalk([one("subset", 9)]), last_modified=WHEN)
    assert unreviewed["mapping-collection"]["mappings"][0]["status"] == "not-complete"
    assert unreviewed["mapping-collection"]["provenance"]["status"] == "not-complete"


def test_values_oscal_tokens_cannot_hold_are_json_encoded() -> None:
    m = attrs.evolve(one("subset", 9), mapped_by=" two\nlines ")
    doc = io.crosswalk_to_oscal(Crosswalk([m]), last_modified=WHEN)
    validate_with_trestle(doc)
    (entry,) = maps(doc)
    (prop,) = [p for p in entry["props"] if p["name"] == "mapped-by"]
    assert prop["class"] == "json"
    assert io.crosswalk_from_oscal(doc) == Crosswalk([m])


def test_frameworks_are_back_matter_resources_with_their_citations() -> None:
    doc = io.crosswalk_to_oscal(CW, last_modified=WHEN)
    resources = doc["mapping-collection"]["back-matter"]["resources"]
    by_uuid = {r["uuid"]: r for r in resources}
    for mapping in doc["mapping-collection"]["mappings"]:
        for side in ("source-resource", "target-resource"):
            resource = by_uuid[mapping[side]["href"].removeprefix("#")]
            framework = load_catalog().framework(resource["props"][0]["value"])
            assert resource["rlinks"] == [{"href": framework.citation.url}]


def test_bad_documents_name_the_place() -> None:
    doc = io.crosswalk_to_oscal(Crosswalk([one("subset", 9)]), last_modified=WHEN)
    maps(doc)[0]["relationship"] = "maps-to"
    with pytest.raises(ValidationError, match=r"mappings\[0\]\.maps\[0\]\.relationship"):
        io.crosswalk_from_oscal(doc)
    with pytest.raises(ValidationError, match="not an OSCAL mapping collection"):
        io.crosswalk_from_oscal({"catalog": {}})
