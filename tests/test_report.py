"""``policeframeworks.report`` as a library: the data of any catalog, and the files of a report folder."""

from __future__ import annotations

import json

import pytest

import policeframeworks as pf
from builders import framework, principle
from policeframeworks import report


def _mapping(source: str, target: str) -> pf.Mapping:
    return pf.Mapping(
        source=source,
        relationship="intersects",
        target=target,
        rationale_type="semantic",
        strength=5,
        basis="analytic",
        rationale="r",
        mapped_by="me",
    )


@pytest.fixture(scope="module")
def own_catalog() -> pf.Catalog:
    """Three frameworks of one's own: a mapping within a, one joining a to b, nothing on c."""
    doc = pf.CrosswalkDocument(
        id="mine",
        title="Mine",
        data_version="1",
        mappings=(_mapping("a-2020:x", "a-2020:y"), _mapping("a-2020:x", "b-2020:z")),
    )
    frameworks = [
        framework("a-2020", principle("a-2020:x"), principle("a-2020:y")),
        framework("b-2020", principle("b-2020:z")),
        framework("c-2020", principle("c-2020:w")),
    ]
    return pf.Catalog(frameworks, bundled_crosswalks=False, crosswalk_documents=[doc])


def test_joined_frameworks_are_those_a_mapping_joins_to_another_framework(own_catalog: pf.Catalog) -> None:
    assert report.joined_frameworks(own_catalog) == ["a-2020", "b-2020"]
    alone = pf.Catalog(
        own_catalog.frameworks,
        bundled_crosswalks=False,
        crosswalk_documents=[
            pf.CrosswalkDocument(
                id="m", title="M", data_version="1", mappings=(_mapping("a-2020:x", "a-2020:y"),)
            )
        ],
    )
    assert report.joined_frameworks(alone) == []  # a mapping inside one framework joins nothing
    assert report.joined_frameworks(pf.load_catalog()) == list(pf.load_catalog().framework_ids)


def test_a_report_of_a_catalog_without_the_example_assessments_framework(own_catalog: pf.Catalog) -> None:
    data = report.report_data(own_catalog)
    assert data["assessments"] == []
    assert data["reported_totals"] == []
    assert data["crosswalk"] == {"mappings": 2, "frameworks": ["a-2020", "b-2020"], "not_joined": ["c-2020"]}
    assert [(r["source"], r["target"]) for r in data["matrix"]] == [
        ("a-2020", "a-2020"),
        ("a-2020", "b-2020"),
        ("b-2020", "a-2020"),
        ("b-2020", "b-2020"),
    ]
    markdown = report.report_files(data, None)["report.md"]
    assert "These are in no mapping to another framework yet" in markdown
    assert "c-2020." in markdown
    assert "## Example:" not in markdown


def test_the_bundled_report_has_every_example_assessment() -> None:
    data = report.report_data(pf.load_catalog())
    assert [(a["score"]["framework"], a["score"]["as_of"]) for a in data["assessments"]] == [
        (a.framework_id, a.as_of) for a in pf.load_seed_assessments()
    ]


def test_report_files_are_the_rendered_blocks_and_the_data() -> None:
    data = report.report_data(pf.load_catalog())
    figures = {"themes.svg": "<svg/>"}
    files = report.report_files(data, figures)
    assert set(files) == {*report.REPORT_FILES, "themes.svg"}
    doc = report.report_blocks(data, figures)
    assert files["report.md"] == report.render_markdown(doc)
    assert files["report.html"] == report.render_html(doc, figures)
    assert json.loads(files["report.json"]) == {**data, "figures": ["themes.svg"]}
    assert files["themes.svg"] == "<svg/>"
