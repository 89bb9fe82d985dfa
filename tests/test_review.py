"""Declared reviews (``[[reviews]]`` in crosswalk documents): the model, files, exports and lint."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from policeframeworks import (
    Crosswalk,
    CrosswalkDocument,
    LintKind,
    Review,
    ReviewScope,
    ValidationError,
    io,
    load_catalog,
)

CATALOG = load_catalog()
USCM = "uscm-2020"


def review(source: str = "uscm-2020", target: str = "8cantwait-2020", **more: object) -> Review:
    fields: dict[str, object] = {
        "source": source,
        "target": target,
        "scope": "complete",
        "reviewer": "tester",
        "date": "2026-12-05",
    }
    fields.update(more)
    return Review(**fields)  # type: ignore[arg-type]


def document(*reviews: dict[str, object], **more: object) -> dict[str, object]:
    return {
        "id": "mine",
        "title": "Mine",
        "data_version": "1",
        "mappings": [],
        "reviews": list(reviews),
        **more,
    }


RAW = {
    "source": "uscm-2020",
    "target": "8cantwait-2020",
    "scope": "complete",
    "reviewer": "me",
    "date": "2026",
}


def test_review_fields_and_pair() -> None:
    r = review(note="every leaf pair, see the log")
    assert r.scope is ReviewScope.COMPLETE
    assert r.pair == frozenset({"uscm-2020", "8cantwait-2020"}) == review("8cantwait-2020", "uscm-2020").pair


def test_review_lists_every_problem() -> None:
    with pytest.raises(ValidationError) as info:
        review(source="USCM", target="uscm-2020:community", scope="partial", reviewer=" ", date="June 2020")
    assert [p.path for p in info.value.problems] == ["source", "target", "scope", "reviewer", "date"]


def test_review_joins_two_frameworks() -> None:
    with pytest.raises(ValidationError, match="both are 'uscm-2020'"):
        review(target="uscm-2020")


def test_document_reads_and_writes_reviews(tmp_path: Path) -> None:
    doc = io.from_dict(document(RAW, {**RAW, "source": "peel-principles", "note": "n"}), CrosswalkDocument)
    assert [r.source for r in doc.reviews] == ["uscm-2020", "peel-principles"]
    assert doc.reviews[1].note == "n"
    for suffix in ("toml", "json"):
        io.dump(doc, tmp_path / f"d.{suffix}")
        assert io.load(tmp_path / f"d.{suffix}") == doc
    assert "[[reviews]]" in io.dumps(doc, "toml")


def test_document_reports_review_problems_with_paths() -> None:
    bad = {**RAW, "scope": "completed", "reviewr": "me"}
    with pytest.raises(ValidationError) as info:
        io.from_dict(document(bad), CrosswalkDocument)
    found = {p.path: p for p in info.value.problems}
    assert set(found) == {"reviews[0].scope", "reviews[0].reviewr"}
    assert found["reviews[0].scope"].suggestion == "complete"
    assert found["reviews[0].reviewr"].suggestion == "reviewer"


def test_document_refuses_frameworks_outside_its_list() -> None:
    with pytest.raises(ValidationError) as info:
        io.from_dict(
            document(
                RAW, {**RAW, "source": "8cantwait-2020", "target": "uscm-2020"}, frameworks=["uscm-2020"]
            ),
            CrosswalkDocument,
        )
    assert [p.path for p in info.value.problems] == ["reviews[0].target", "reviews[1].source"]


def test_schema_describes_reviews() -> None:
    schema = io.json_schema(CrosswalkDocument)
    assert schema["properties"]["reviews"]["items"] == {"$ref": "#/$defs/Review"}
    body = schema["$defs"]["Review"]
    assert body["required"] == ["source", "target", "scope", "reviewer", "date"]
    assert body["properties"]["scope"]["enum"] == ["complete"]
    assert body["additionalProperties"] is False


def test_crosswalk_checks_review_frameworks() -> None:
    with pytest.raises(ValidationError) as info:
        Crosswalk([], reviews=[review(target="8cantwait-202")], catalog=CATALOG)
    (p,) = info.value.problems
    assert (p.path, p.suggestion) == ("reviews[0].target", "8cantwait-2020")


def test_loading_files_names_the_file_of_an_unknown_framework(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(document({**RAW, "target": "8cantwait"})), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        io.read_crosswalk(tmp_path / "a.json", include_bundled=True)
    (p,) = info.value.problems
    assert str(p.file).endswith("a.json")
    assert p.path == "reviews[0].target"


def test_the_same_pair_declared_in_two_files_is_a_lint_problem(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(json.dumps(document(RAW)), encoding="utf-8")
    cw = io.read_crosswalk(tmp_path / "a.json", tmp_path / "b.json")
    assert [(p.kind, p.review_indices) for p in cw.lint()] == [(LintKind.DUPLICATE_REVIEW, (0, 1))]


def test_load_adds_file_reviews_to_the_bundled_ones(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(io.dumps(io.from_dict(document(RAW), CrosswalkDocument), "toml"))
    cw = io.read_crosswalk(tmp_path / "a.toml", include_bundled=True)
    assert cw.reviews[-1] == io.from_dict(RAW, Review)
    assert cw.reviews[:-1] == CATALOG.crosswalk.reviews
    assert cw.mappings == CATALOG.crosswalk.mappings


def test_reviews_take_part_in_equality_and_survive_with_mappings() -> None:
    cw = Crosswalk([], catalog=CATALOG)
    done = cw.with_reviews([review()])
    assert done != cw
    assert done.with_mappings([]).reviews == done.reviews
    assert done.to_document(id="x", title="X", data_version="1").reviews == done.reviews


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_keep_reviews_in_order(fmt: str, tmp_path: Path) -> None:
    cw = CATALOG.crosswalk.with_reviews(
        [
            review("peel-principles", "uscm-2020", note='"quoted" é'),
            review(),
            review("perf-2016", "uscm-2020"),
        ]
    )
    path = tmp_path / f"cw.{fmt}"
    getattr(io, f"write_{fmt}")(cw, path)
    assert getattr(io, f"read_{fmt}")(path) == cw
    assert io.crosswalk_from_node_link(io.crosswalk_to_node_link(cw)) == cw


def test_graph_with_broken_review_text_names_the_node() -> None:
    g = CATALOG.crosswalk.with_reviews([review()]).to_networkx()
    g.nodes["uscm-2020"]["reviews"] = '[[0, {"source": 3}]]'
    with pytest.raises(ValidationError) as info:
        Crosswalk.from_networkx(g)
    assert {p.path for p in info.value.problems} >= {"node uscm-2020: reviews[0].source"}


def test_lint_flags_unknown_incomplete_and_repeated_reviews() -> None:
    cw = Crosswalk(
        [],
        reviews=[review(target="8cantwait-202"), review(target="campaignzero-2015"), review(), review()],
        catalog=CATALOG,
        check_ids=False,
    )
    found = [(p.kind, p.review_indices) for p in cw.lint()]
    assert found == [
        (LintKind.REVIEW_UNKNOWN_FRAMEWORK, (0,)),
        (LintKind.REVIEW_INCOMPLETE_FRAMEWORK, (1,)),
        (LintKind.DUPLICATE_REVIEW, (2, 3)),
    ]
    assert "did you mean '8cantwait-2020'" in cw.lint()[0].message
    assert str(cw.lint()[2]).startswith("duplicate-review: reviews[2], reviews[3]: ")


def test_a_complete_review_of_complete_frameworks_lints_clean() -> None:
    assert Crosswalk([], reviews=[review()], catalog=CATALOG).lint() == ()


def test_document_reviews_survive_attrs_evolve() -> None:
    doc = io.from_dict(document(RAW), CrosswalkDocument)
    with pytest.raises(ValidationError, match=r"reviews\[0\]"):
        attrs.evolve(doc, reviews=("not a review",))
