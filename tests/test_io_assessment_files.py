"""Assessments files at scale: ``io.dump_assessments`` and ``io.iter_assessments`` (JSON, TOML, Parquet)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    AssessmentSet,
    DataFileError,
    Finding,
    ValidationError,
    io,
    load_catalog,
    load_seed_assessments,
)
from policeframeworks.io import _assessment_files
from policeframeworks.testing.strategies import assessments

KANKAKEE = load_seed_assessments()[0]
EIGHT = load_catalog().framework("8cantwait-2020")


def cities(n: int) -> tuple[Assessment, ...]:
    """``n`` assessments of distinct cities, the bundled one's findings on each."""
    return tuple(
        attrs.evolve(KANKAKEE, jurisdiction=attrs.evolve(KANKAKEE.jurisdiction, name=f"City {i}"))
        for i in range(n)
    )


def table_key(a: Assessment) -> tuple[object, ...]:
    return (a.jurisdiction.key, a.framework_id, a.as_of, a.assessor, a.method)


# Sets of assessments as users hand them over: any size, several frameworks, evidence, notes, totals.
assessment_lists = st.lists(assessments(), max_size=6)
scratch = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


# --- JSON ------------------------------------------------------------------------------------------


@scratch
@given(items=assessment_lists)
def test_json_round_trip_in_order_and_load_reads_it_too(tmp_path: Path, items: list[Assessment]) -> None:
    path = tmp_path / "set.json"
    assert io.dump_assessments(items, path) == len(items)
    assert tuple(io.iter_assessments(path)) == tuple(items)
    assert io.load(path, AssessmentSet) == AssessmentSet(assessments=items)  # ordinary JSON


@scratch
@given(items=assessment_lists)
def test_the_indented_form_of_earlier_versions_reads_the_same(
    tmp_path: Path, items: list[Assessment]
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    io.dump(AssessmentSet(assessments=items), old)
    io.dump_assessments(items, new)
    assert "\n  " in old.read_text(encoding="utf-8") or not items  # really the indented form
    assert tuple(io.iter_assessments(old)) == tuple(io.iter_assessments(new)) == tuple(items)
    assert json.loads(old.read_text(encoding="utf-8")) == json.loads(new.read_text(encoding="utf-8"))


def test_json_layout_is_one_compact_assessment_per_line(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    io.dump_assessments(cities(2), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"assessments":['
    assert lines[-1] == "]}"
    assert len(lines) == 4
    assert lines[1].endswith("},")
    assert json.loads(lines[2]) == io.to_dict(cities(2)[1])
    assert lines[1].startswith('{"jurisdiction":{"name":"City 0","kind":"city",')  # compact separators


def test_an_empty_set_and_a_single_assessment_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    assert io.dump_assessments([], empty) == 0
    assert empty.read_text(encoding="utf-8") == '{"assessments":[\n]}\n'
    assert tuple(io.iter_assessments(empty)) == ()
    assert io.load(empty, AssessmentSet) == AssessmentSet(assessments=())
    single = tmp_path / "one.json"
    io.dump(KANKAKEE, single)
    assert tuple(io.iter_assessments(single)) == (KANKAKEE,)


def test_an_iterator_is_written_and_read_without_a_list(tmp_path: Path) -> None:
    path = tmp_path / "gen.json"
    seen: list[int] = []
    n = io.dump_assessments((a for a in cities(2500)), path, progress=seen.append)
    assert n == 2500
    assert seen == [1000, 2000, 2500]
    counts: list[int] = []
    reader = io.iter_assessments(path, progress=counts.append)
    assert isinstance(reader, Iterator)
    assert next(reader) == cities(1)[0]
    assert sum(1 for _ in reader) == 2499
    assert counts == [1000, 2000, 2500]


def test_every_bad_assessment_is_reported_with_its_path_as_load_reports_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    io.dump_assessments(cities(3), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    for i in (1, 3):  # the first and the last assessment
        data = json.loads(lines[i].rstrip(","))
        data["method"] = "guess"
        lines[i] = json.dumps(data, separators=(",", ":")) + ("," if i < 3 else "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as streamed:
        list(io.iter_assessments(path))
    with pytest.raises(ValidationError) as whole:
        io.load(path, AssessmentSet)
    paths = [p.path for p in streamed.value.problems]
    assert paths == [p.path for p in whole.value.problems]
    assert paths == ["assessments[0].method", "assessments[2].method"]
    assert {p.file for p in streamed.value.problems} == {str(path)}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("]}\n", "]"), "not valid JSON"),  # cut short
        (lambda t: t.replace("},\n", "}\n", 1), "not valid JSON"),  # a comma missing
        (lambda t: t + "{}\n", "not valid JSON"),  # text after the end
        (lambda t: t.replace('"as_of"', '"as_of":"2020","as_of"', 1), "appears twice"),
        (lambda t: t.replace('"reported_total":5', '"reported_total":NaN', 1), "NaN is not allowed"),
        (lambda t: t.replace('"City 1"', '"City \\ud800"', 1), "lone surrogate"),
    ],
)
def test_broken_streamed_files_give_the_error_load_gives(tmp_path: Path, edit: object, message: str) -> None:
    path = tmp_path / "broken.json"
    io.dump_assessments(cities(3), path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(ValidationError) as streamed:
        list(io.iter_assessments(path))
    with pytest.raises(ValidationError) as whole:
        io.load(path, AssessmentSet)
    assert str(streamed.value) == str(whole.value)
    assert message in str(streamed.value)


def test_equal_strings_are_shared_across_lines(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    io.dump_assessments(cities(3), path)
    first, _, last = io.iter_assessments(path)
    assert first.findings[0].principle_id == last.findings[0].principle_id
    assert first.findings[0].principle_id is last.findings[0].principle_id  # one string, not one per line
    assert first.assessor is last.assessor


def test_a_file_laid_out_otherwise_after_good_lines_gives_each_assessment_once(tmp_path: Path) -> None:
    path = tmp_path / "respaced.json"
    io.dump_assessments(cities(3), path)
    text = path.read_text(encoding="utf-8").replace("]}\n", "  ]\n}\n")  # valid JSON, another tail
    path.write_text(text, encoding="utf-8")
    assert tuple(io.iter_assessments(path)) == cities(3)


def test_a_crafted_file_that_starts_like_a_set_and_is_something_else(tmp_path: Path) -> None:
    path = tmp_path / "crafted.json"
    fw = io.to_dict(EIGHT)
    body = json.dumps(io.to_dict(KANKAKEE), separators=(",", ":"))
    principles = json.dumps(fw["principles"])
    path.write_text(
        '{"assessments":[\n' + body + "\n],\n" + f'"principles":{principles}' + "}\n", encoding="utf-8"
    )
    with pytest.raises(ValidationError) as exc:
        list(io.iter_assessments(path))
    assert exc.value.problems[0].code == "type"
    assert "starts as an assessments file and holds a framework" in str(exc.value)


def test_other_documents_and_extensions_are_refused(tmp_path: Path) -> None:
    fw = tmp_path / "fw.json"
    io.dump(EIGHT, fw)
    with pytest.raises(ValidationError) as exc:
        list(io.iter_assessments(fw))
    (problem,) = exc.value.problems
    assert problem.code == "type"
    assert problem.message == "holds a framework; expected an assessment or assessments file"
    with pytest.raises(DataFileError, match=r"unsupported file type '\.csv' for assessments"):
        io.dump_assessments([KANKAKEE], tmp_path / "x.csv")
    with pytest.raises(DataFileError, match="no such file"):
        list(io.iter_assessments(tmp_path / "missing.json"))


def test_writes_are_atomic_and_refuse_to_replace_without_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "set.json"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(DataFileError, match="already exists"):
        io.dump_assessments(cities(2), path, overwrite=False)

    def failing() -> Iterator[Assessment]:
        yield from cities(2)
        raise RuntimeError("the source failed half way")

    with pytest.raises(RuntimeError):
        io.dump_assessments(failing(), path)
    with pytest.raises(DataFileError, match=r"assessments\[1\]: expected Assessment, got str"):
        io.dump_assessments([KANKAKEE, "x"], path)  # type: ignore[list-item]
    assert path.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["set.json"]  # no temporary file left


def test_toml_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "set.toml"
    assert io.dump_assessments(AssessmentSet(assessments=cities(3)), path) == 3
    assert tuple(io.iter_assessments(path)) == cities(3)
    assert io.load(path, AssessmentSet).assessments == cities(3)


# --- Parquet ---------------------------------------------------------------------------------------


@pytest.fixture
def parquet() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("narwhals")


@pytest.mark.usefixtures("parquet")
@scratch
@given(items=assessment_lists)
def test_parquet_round_trip(tmp_path: Path, items: list[Assessment]) -> None:
    assume(len({table_key(a) for a in items}) == len(items))  # the findings table's key (else refused)
    path = tmp_path / "set.parquet"
    assert io.dump_assessments(items, path) == len(items)
    assert tuple(io.iter_assessments(path)) == tuple(items)


@pytest.mark.usefixtures("parquet")
@pytest.mark.parametrize("read_rows", [1, 2, 5, 7, 100])
def test_parquet_is_the_findings_table_in_row_groups_split_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_rows: int
) -> None:
    import pyarrow.parquet as pq

    from policeframeworks import frames

    monkeypatch.setattr(_assessment_files, "PARQUET_BATCH", 3)  # row groups of 3 assessments
    monkeypatch.setattr(_assessment_files, "PARQUET_READ_ROWS", read_rows)
    # 1 to 4 findings rows each: an assessment starts, ends or lies wholly inside a reading batch, or
    # spans several of them
    leaves = EIGHT.leaf_ids
    items = tuple(
        attrs.evolve(
            a, findings=tuple(Finding(principle_id=pid, status="adopted") for pid in leaves[: 1 + i % 4])
        )
        for i, a in enumerate(cities(10))
    )
    path = tmp_path / "set.parquet"
    io.dump_assessments(items, path)
    source = pq.ParquetFile(path)
    assert source.schema_arrow == frames.arrow_schema("findings")
    assert source.num_row_groups == 4
    assert source.read().equals(frames.findings(items))
    assert source.metadata.num_rows == sum(1 + i % 4 for i in range(10))
    assert tuple(io.iter_assessments(path)) == items


@pytest.mark.usefixtures("parquet")
def test_parquet_refuses_two_assessments_a_findings_table_would_merge(tmp_path: Path) -> None:
    twice = (KANKAKEE, attrs.evolve(KANKAKEE, notes=("again",)))
    path = tmp_path / "twice.parquet"
    with pytest.raises(DataFileError, match=r"assessments\[1\] has the jurisdiction.*of assessments\[0\]"):
        io.dump_assessments(twice, path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
    io.dump_assessments(twice, tmp_path / "twice.json")  # JSON keeps both
    assert tuple(io.iter_assessments(tmp_path / "twice.json")) == twice


@pytest.mark.usefixtures("parquet")
def test_parquet_errors_name_the_row_in_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from policeframeworks import frames

    monkeypatch.setattr(_assessment_files, "PARQUET_BATCH", 1)
    monkeypatch.setattr(_assessment_files, "PARQUET_READ_ROWS", 3)
    table = frames.findings(cities(4))
    statuses = table.column("status").to_pylist()
    statuses[-1] = "yes"
    table = table.set_column(table.schema.get_field_index("status"), "status", pa.array(statuses))
    path = tmp_path / "bad.parquet"
    pq.write_table(table, path)
    with pytest.raises(ValidationError) as exc:
        list(io.iter_assessments(path))
    (problem,) = exc.value.problems
    assert problem.path == f"rows[{table.num_rows - 1}].status"
    assert problem.file == str(path)
    (tmp_path / "not.parquet").write_text("text", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a Parquet file"):
        list(io.iter_assessments(tmp_path / "not.parquet"))


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(DataFileError, match=r"pip install 'policeframeworks\[parquet\]'"):
        io.dump_assessments([KANKAKEE], tmp_path / "x.parquet")
    with pytest.raises(DataFileError, match=r"pip install 'policeframeworks\[parquet\]'"):
        list(io.iter_assessments(tmp_path / "x.parquet"))
    assert list(tmp_path.iterdir()) == []
