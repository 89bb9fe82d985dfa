from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from crosswalk_strategies import CATALOG, crosswalks
from policeframeworks import Crosswalk, CrosswalkDocument, ValidationError, io, load_catalog
from policeframeworks.io._crosswalk_csv import CSV_COLUMNS
from policeframeworks.testing import strategies as pfst

FILE_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

GOOD = {
    "source": "policylink-2014:training",
    "relationship": "subset",
    "target": "policylink-pledge:training",
    "rationale_type": "syntactic",
    "strength": 9,
    "basis": "analytic",
    "rationale": "The pledge adds mental health.",
    "mapped_by": "tester",
}


def document(*mappings: dict[str, object]) -> dict[str, object]:
    return {"id": "mine", "title": "Mine", "data_version": "1", "mappings": list(mappings)}


# ------------------------------------------------------------------ round trips


@FILE_SETTINGS
@given(cw=crosswalks())
def test_csv_round_trip(cw: Crosswalk, tmp_path: Path) -> None:
    path = tmp_path / "cw.csv"
    io.write_crosswalk_csv(cw, path)
    assert io.read_crosswalk_csv(path) == cw
    assert io.crosswalk_from_csv(io.crosswalk_to_csv(cw), file="text.csv") == cw


@FILE_SETTINGS
@given(cw=crosswalks())
def test_graphml_round_trip(cw: Crosswalk, tmp_path: Path) -> None:
    path = tmp_path / "cw.graphml"
    io.write_graphml(cw, path)
    assert io.read_graphml(path) == cw
    assert io.crosswalk_from_graphml(io.crosswalk_to_graphml(cw)) == cw
    assert path.read_text(encoding="utf-8") == io.crosswalk_to_graphml(cw)
    assert nx.read_graphml(path).number_of_edges() == len(cw.mappings)


@FILE_SETTINGS
@given(cw=crosswalks())
def test_gexf_round_trip(cw: Crosswalk, tmp_path: Path) -> None:
    path = tmp_path / "cw.gexf"
    io.write_gexf(cw, path)
    assert io.read_gexf(path) == cw
    assert io.crosswalk_from_gexf(io.crosswalk_to_gexf(cw)) == cw


@FILE_SETTINGS
@given(cw=crosswalks())
def test_node_link_round_trip(cw: Crosswalk, tmp_path: Path) -> None:
    data = json.loads(json.dumps(io.crosswalk_to_node_link(cw)))
    assert "edges" in data
    assert io.crosswalk_from_node_link(data) == cw
    io.write_node_link(cw, tmp_path / "cw.json")
    assert json.loads((tmp_path / "cw.json").read_text(encoding="utf-8")) == data
    assert io.read_node_link(tmp_path / "cw.json") == cw


@given(cw=crosswalks())
def test_networkx_round_trip(cw: Crosswalk) -> None:
    assert Crosswalk.from_networkx(cw.to_networkx(multigraph=True)) == cw


@FILE_SETTINGS
@given(cw=crosswalks())
def test_document_round_trip(cw: Crosswalk, tmp_path: Path) -> None:
    for suffix in ("toml", "json"):
        path = tmp_path / f"cw.{suffix}"
        io.dump(cw.to_document(id="mine", title="Mine", data_version="1"), path)
        doc = io.load(path)
        assert isinstance(doc, CrosswalkDocument)
        assert Crosswalk(doc.mappings) == cw
        assert io.read_crosswalk(path) == cw
    io.write_sssom(cw, tmp_path / "cw.sssom.tsv")
    io.write_crosswalk_csv(cw, tmp_path / "cw.csv")
    assert io.read_crosswalk(tmp_path / "cw.sssom.tsv") == cw
    both = io.read_crosswalk(tmp_path / "cw.csv", tmp_path / "cw.json")
    assert both.mappings == cw.mappings * 2
    assert both.reviews == cw.reviews  # CSV holds no reviews


def test_bundled_exports_read_back(tmp_path: Path) -> None:
    cw = load_catalog().crosswalk
    assert cw.reviews  # the bundled crosswalk declares complete reviews
    for name, write, read in [
        ("cw.graphml", io.write_graphml, io.read_graphml),
        ("cw.gexf", io.write_gexf, io.read_gexf),
    ]:
        write(cw, tmp_path / name)
        assert read(tmp_path / name) == cw
    # CSV (the STRM template) holds mappings only: the review declarations are not in it.
    io.write_crosswalk_csv(cw, tmp_path / "cw.csv")
    back = io.read_crosswalk_csv(tmp_path / "cw.csv")
    assert (back.mappings, back.reviews) == (cw.mappings, ())


# ------------------------------------------------------------------ the graph


def test_graph_nodes_and_edges_carry_scalars() -> None:
    cw = load_catalog().crosswalk
    g = cw.to_networkx()
    assert g is not cw.to_networkx()
    assert isinstance(g, nx.DiGraph)
    assert not isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == len(cw.mappings)
    assert set(g.nodes) >= {p for fw in CATALOG for p in fw.by_id} | set(CATALOG.framework_ids)
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    for _, _, data in g.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    node = g.nodes["uscm-2020:sanctity-of-life/chokehold-ban"]
    assert node["framework"] == "uscm-2020"
    assert node["parent"] == "uscm-2020:sanctity-of-life"
    assert node["themes"] == "use-of-force"
    assert g.graph["catalog_data_version"] == CATALOG.data_version


def test_digraph_refuses_two_mappings_on_one_pair() -> None:
    cw = load_catalog().crosswalk
    m = cw.mappings[1]
    twice = cw.with_mappings([m.__class__(**{**io.to_dict(m), "rationale_type": "functional"})])
    with pytest.raises(ValidationError, match="multigraph=True"):
        twice.to_networkx()
    assert twice.to_networkx(multigraph=True).number_of_edges() == len(twice.mappings)


# ------------------------------------------------------------------ CSV format


def test_csv_header_follows_the_strm_order() -> None:
    text = io.crosswalk_to_csv(load_catalog().crosswalk)
    assert text.splitlines()[0].split(",")[:10] == list(CSV_COLUMNS[:10])
    assert ",subset of," in text or ",superset of," in text


def test_csv_errors_name_row_and_column() -> None:
    header = list(CSV_COLUMNS)
    values = {
        "FDE#": "policylink-2014:trainin",
        "STRM Rationale": "syntactic",
        "STRM Relationship": "subsett",
        "Strength of Relationship": "12",
        "Target ID #": "policylink-pledge:training",
        "Notes": "n",
        "Basis": "analytic",
        "Mapped By": "me",
    }
    good = {
        **values,
        "FDE#": "policylink-2014:training",
        "STRM Relationship": "subset of",
        "Strength of Relationship": "9",
    }
    text = "\n".join(
        [
            ",".join(header),
            ",".join(good.get(h, "") for h in header),
            ",".join(values.get(h, "") for h in header),
        ]
    )
    with pytest.raises(ValidationError) as info:
        io.crosswalk_from_csv(text, file="bad.csv")
    shown = [(p.path, p.suggestion) for p in info.value.problems]
    assert shown == [
        ("row 3, column 'STRM Relationship'", "subset"),
        ("row 3, column 'FDE#'", "policylink-2014:training"),
        ("row 3, column 'Strength of Relationship'", None),
    ]
    assert all(p.file == "bad.csv" for p in info.value.problems)


def test_csv_missing_columns_and_short_rows() -> None:
    with pytest.raises(ValidationError, match="missing column 'Basis'"):
        io.crosswalk_from_csv(",".join(c for c in CSV_COLUMNS if c != "Basis"), file="x.csv")
    text = io.crosswalk_to_csv(load_catalog().crosswalk).splitlines()
    with pytest.raises(ValidationError, match="row 2: has 3 cells"):
        io.crosswalk_from_csv("\n".join([text[0], "a,b,c"]), file="x.csv")
    with pytest.raises(ValidationError, match="empty CSV"):
        io.crosswalk_from_csv("", file="x.csv")


# ------------------------------------------------------------------ malformed crosswalk files


def test_malformed_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            document(
                {**GOOD, "relationship": "subsett"},
                {**GOOD, "source": "policylink-2014:trainng"},
                {**GOOD, "strength": 12},
                {**GOOD, "relationship": "intersectz", "target": "policylink-pledge:trainig", "strength": -1},
            )
        )
    )
    with pytest.raises(ValidationError) as info:
        io.read_crosswalk(path, include_bundled=True)
    shown = {(p.path, p.suggestion) for p in info.value.problems}
    assert ("mappings[0].relationship", "subset") in shown
    assert ("mappings[1].source", "policylink-2014:training") in shown
    assert ("mappings[2].strength", None) in shown
    assert ("mappings[3].relationship", "intersects") in shown
    assert ("mappings[3].target", "policylink-pledge:training") in shown
    assert ("mappings[3].strength", None) in shown
    assert all(p.file == str(path) for p in info.value.problems)
    assert "out of range" in str(info.value)


def test_unknown_id_in_a_valid_file_is_reported_with_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    io.dump(io.from_dict(document({**GOOD, "target": "policylink-pledge:trainig"}), CrosswalkDocument), path)
    with pytest.raises(ValidationError) as info:
        io.read_crosswalk(path, include_bundled=True)
    (problem,) = info.value.problems
    assert (problem.path, problem.suggestion, problem.file) == (
        "mappings[0].target",
        "policylink-pledge:training",
        str(path),
    )


# ------------------------------------------------------------------ catalogs with user crosswalks


def test_user_crosswalk_extends_or_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    extra = {
        **GOOD,
        "source": "policylink-2014:good-models",
        "relationship": "intersects",
        "strength": 2,
        "target": "uscm-2020:community",
    }
    io.dump(io.from_dict(document(extra), CrosswalkDocument), path)
    bundled = load_catalog().crosswalk.mappings
    extended = io.read_catalog(path, include_bundled=True).crosswalk
    assert extended.mappings[: len(bundled)] == bundled
    assert len(extended.mappings) == len(bundled) + 1
    replaced = io.read_catalog(path, include_bundled=True, bundled_crosswalks=False).crosswalk
    assert len(replaced.mappings) == 1
    assert io.read_crosswalk(path, include_bundled=True).mappings == extended.mappings


def test_read_catalog_checks_crosswalk_ids_at_once(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    io.dump(io.from_dict(document({**GOOD, "source": "policylink-2014:trainng"}), CrosswalkDocument), path)
    with pytest.raises(ValidationError, match="policylink-2014:trainng"):
        io.read_catalog(path, include_bundled=True)


def test_bundled_crosswalk_skipped_when_its_frameworks_are_absent(tmp_path: Path) -> None:
    io.dump(CATALOG.framework("policylink-2014"), tmp_path / "letter.toml")
    cat = io.read_catalog(tmp_path)
    assert cat.crosswalk.mappings == ()


def test_io_load_recognises_crosswalk_documents(tmp_path: Path) -> None:
    path = tmp_path / "cw.json"
    path.write_text(json.dumps(document(GOOD)))
    doc = io.load(path)
    assert isinstance(doc, CrosswalkDocument)
    assert doc.mappings[0].strength == 9


# --------------------------------------------------------------------------- CSV strictness (issue 13)


def _one_row_csv(header_edit: dict[str, str] | None = None, *, extra: tuple[str, str] | None = None) -> str:
    import csv as _csv
    import io as _io

    # The header and the first bundled row that is an equal (strength 10) mapping.
    header, *body = list(_csv.reader(_io.StringIO(str(io.crosswalk_to_csv(CATALOG.crosswalk)), newline="")))
    rows = [header, next(r for r in body if ",equal,10," in ",".join(r))]
    if header_edit:
        rows[0] = [header_edit.get(h, h) for h in rows[0]]
    if extra is not None:
        rows[0].append(extra[0])
        rows[1].append(extra[1])
    buf = _io.StringIO()
    _csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def test_csv_misspelt_optional_column_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"unknown column 'Oposing'.*did you mean 'Opposing'") as info:
        io.crosswalk_from_csv(_one_row_csv({"Opposing": "Oposing"}), file=str(tmp_path / "x.csv"))
    assert [p.path for p in info.value.problems] == ["row 1, column 12"]


def test_csv_unknown_column_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"row 1, column 19: unknown column 'Reviewer'"):
        io.crosswalk_from_csv(_one_row_csv(extra=("Reviewer", "me")), file=str(tmp_path / "x.csv"))


def test_csv_repeated_column_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"row 1, column 19: 'Notes' repeats column 10"):
        io.crosswalk_from_csv(_one_row_csv(extra=("Notes", "a second note")), file=str(tmp_path / "x.csv"))


def test_csv_blank_header_over_values_is_an_error_but_an_empty_column_is_not(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"row 1, column 19: has no header, but row 2 has a value"):
        io.crosswalk_from_csv(_one_row_csv(extra=("", "lost")), file=str(tmp_path / "x.csv"))
    assert (
        len(io.crosswalk_from_csv(_one_row_csv(extra=("", "")), file=str(tmp_path / "x.csv")).mappings) == 1
    )


@pytest.mark.parametrize("strength", ["²", "٣", "\uff13", "strong", "", "1.5"])
def test_csv_strength_that_is_not_an_ascii_whole_number_is_one_clear_error(
    tmp_path: Path, strength: str
) -> None:
    text = _one_row_csv()
    lines = text.splitlines()
    lines[1] = lines[1].replace(",equal,10,", f",equal,{strength},", 1)
    with pytest.raises(ValidationError) as info:
        io.crosswalk_from_csv("\n".join(lines) + "\n", file=str(tmp_path / "x.csv"))
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 'x.csv'}: row 2, column 'Strength of Relationship': "
        f"expected a whole number 0-10, got {strength!r}"
    ]


def test_lint_does_not_call_a_file_with_an_unknown_column_clean(tmp_path: Path) -> None:
    from io import StringIO

    from policeframeworks.cli import main

    path = tmp_path / "x.csv"
    path.write_text(_one_row_csv({"Opposing": "Oposing"}), encoding="utf-8")
    out, err = StringIO(), StringIO()
    assert main(["crosswalk", "lint", str(path)], out=out, err=err) == 1
    assert "did you mean 'Opposing'" in err.getvalue()


def test_to_dict_holds_the_mappings_and_reviews_not_the_catalog() -> None:
    # Regression: io.to_dict(crosswalk) raised NameError (the catalog's annotation did not resolve).
    cw = load_catalog().crosswalk
    data = io.to_dict(cw)
    assert sorted(data) == ["mappings", "reviews"]
    assert data["mappings"] == [io.to_dict(m) for m in cw.mappings]
    assert io.from_dict(data, Crosswalk) == cw
    assert io.loads(io.dumps(cw, "toml"), Crosswalk, format="toml") == cw
    assert io.to_dict(Crosswalk([])) == {"mappings": []}
    with pytest.raises(ValidationError, match="catalog: unknown key"):
        io.from_dict({"mappings": [], "catalog": {}}, Crosswalk)


@given(pfst.crosswalks(max_reviews=2))
def test_to_dict_reads_back(cw: Crosswalk) -> None:
    assert io.from_dict(io.to_dict(cw), Crosswalk) == cw


@pytest.mark.parametrize("reader", [io.read_node_link, io.read_oscal])
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"a": 1, "a": 2}', "key 'a' appears twice"),
        ("{", "not valid JSON"),
    ],
)
def test_json_crosswalk_readers_refuse_bad_json_within_the_error_tree(
    tmp_path: Path, reader: Any, text: str, message: str
) -> None:
    # Regression: read_oscal parsed with a bare json.loads, so deep nesting raised RecursionError.
    path = tmp_path / "cw.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        reader(path)
