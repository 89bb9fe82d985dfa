"""Files: JSON and TOML by extension, strict structuring, clear errors, atomic writes."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import Citation, DataFileError, Framework, ValidationError, io, load_catalog
from policeframeworks.io import _files
from policeframeworks.io._toml import TomlWriteError, dumps

CATALOG = load_catalog()
FRAMEWORK_IDS = CATALOG.framework_ids


@pytest.mark.parametrize("fw_id", FRAMEWORK_IDS)
def test_bundled_round_trip_through_dict(fw_id: str) -> None:
    fw = CATALOG.framework(fw_id)
    assert io.from_dict(io.to_dict(fw), Framework) == fw


@pytest.mark.parametrize("suffix", [".json", ".toml"])
@pytest.mark.parametrize("fw_id", FRAMEWORK_IDS)
def test_bundled_round_trip_through_files(fw_id: str, suffix: str, tmp_path: Path) -> None:
    fw = CATALOG.framework(fw_id)
    path = tmp_path / f"{fw_id}{suffix}"
    io.dump(fw, path)
    assert io.load(path) == fw
    assert io.load(path, Framework) == fw


def test_to_dict_is_plain_data() -> None:
    data = io.to_dict(CATALOG.framework("uscm-2020"))
    assert json.loads(json.dumps(data)) == data
    assert type(data["kind"]) is str
    assert "complete" not in data  # defaults are left out


def test_strict_no_coercion() -> None:
    base = io.to_dict(CATALOG.framework("8cantwait-2020"))
    bad = json.loads(json.dumps(base))
    bad["complete"] = "false"
    bad["version"] = 2020
    bad["principles"][0]["number"] = 1
    bad["principles"][1]["themes"] = "use-of-force"
    bad["principles"][2]["wording"] = "Verbatim"
    bad["principles"][3]["citation"] = "https://8cantwait.org/"
    bad["principles"][4]["colour"] = "red"
    bad["citaton"] = {}
    with pytest.raises(ValidationError) as exc:
        io.from_dict(bad, Framework, file="mine.json")
    found = {p.path: p for p in exc.value.problems}
    assert set(found) == {
        "complete",
        "version",
        "principles[0].number",
        "principles[1].themes",
        "principles[2].wording",
        "principles[3].citation",
        "principles[4].colour",
        "citaton",
    }
    assert found["principles[2].wording"].suggestion == "verbatim"
    assert found["citaton"].suggestion == "citation"
    assert all(p.file == "mine.json" for p in exc.value.problems)
    assert "expected true or false, got str 'false'" in str(exc.value)


def test_missing_required_keys() -> None:
    with pytest.raises(ValidationError) as exc:
        io.from_dict({"publisher": "P"}, Citation)
    assert [(p.path, p.message) for p in exc.value.problems] == [
        ("title", "required key missing"),
        ("url", "required key missing"),
    ]


def test_semantic_problems_get_full_paths(tmp_path: Path) -> None:
    data = io.to_dict(CATALOG.framework("policylink-2014"))
    data["principles"][6]["id"] = "policylink-2014:implement-technology"
    data["principles"][5]["id"] = data["principles"][4]["id"]
    data["principles"][2]["themes"] = []
    path = tmp_path / "pl.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        io.load(path)
    messages = [str(p) for p in exc.value.problems]
    assert any("principles[2].themes: a principle needs at least one theme" in m for m in messages)
    assert any("principles[5].id: duplicate id" in m for m in messages)
    assert all(m.startswith(str(path)) for m in messages)


def test_bad_json_and_toml_syntax(tmp_path: Path) -> None:
    j = tmp_path / "a.json"
    j.write_text('{"id": "x",}', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"not valid JSON: .*line 1"):
        io.load(j)
    t = tmp_path / "a.toml"
    t.write_text("id = \n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid TOML"):
        io.load(t)


def test_json_duplicate_keys_and_nan_rejected(tmp_path: Path) -> None:
    j = tmp_path / "dup.json"
    j.write_text('{"id": "x", "id": "y"}', encoding="utf-8")
    with pytest.raises(ValidationError, match="'id' appears twice"):
        io.load(j)
    j.write_text('{"id": NaN}', encoding="utf-8")
    with pytest.raises(ValidationError, match="NaN is not allowed"):
        io.load(j)


def test_unrecognised_document(tmp_path: Path) -> None:
    j = tmp_path / "x.json"
    j.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValidationError, match="cannot tell what this file holds"):
        io.load(j)


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        io.load(tmp_path / "none.toml")
    with pytest.raises(DataFileError, match="is a directory"):
        io.load(tmp_path / "dir.toml") if (tmp_path / "dir.toml").mkdir() is None else None
    with pytest.raises(DataFileError, match=r"unsupported file type '\.yaml'"):
        io.load(tmp_path / "x.yaml")
    bad = tmp_path / "latin.toml"
    bad.write_bytes("id = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        io.load(bad)


def test_bom_is_accepted(tmp_path: Path) -> None:
    fw = CATALOG.framework("policylink-pledge")
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + io.dumps(fw).encode("utf-8"))
    assert io.load(path) == fw


def test_dump_is_atomic_and_can_refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fw = CATALOG.framework("policylink-2014")
    path = tmp_path / "f.toml"
    io.dump(fw, path)
    before = path.read_bytes()
    with pytest.raises(DataFileError, match="already exists"):
        io.dump(fw, path, overwrite=False)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        io.dump(CATALOG.framework("uscm-2020"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.toml"]  # no temporary file left


def test_dump_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist"):
        io.dump(CATALOG.framework("policylink-2014"), tmp_path / "no" / "f.json")


# --- the TOML writer -------------------------------------------------------------------------------

keys = st.text(min_size=1, max_size=8)
scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)


def _tables(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    values: st.SearchStrategy[Any] = st.one_of(scalars, st.lists(scalars, max_size=3))
    if depth > 0:
        sub = _tables(depth - 1)
        values = st.one_of(values, sub, st.lists(sub, min_size=1, max_size=2))
    return st.dictionaries(keys, values, max_size=4)


@given(_tables(2))
def test_toml_writer_round_trips(data: dict[str, Any]) -> None:
    assert tomllib.loads(dumps(data)) == data


def test_toml_writer_refuses_null() -> None:
    with pytest.raises(TomlWriteError, match="no null"):
        dumps({"a": {"b": None}})


def test_document_types_are_extensible() -> None:
    assert _files.resolve_type({"principles": []}, "x") is Framework


def test_duplicates_reported_once_when_everything_else_is_valid() -> None:
    data = io.to_dict(CATALOG.framework("policylink-2014"))
    data["principles"][5]["id"] = data["principles"][4]["id"]
    with pytest.raises(ValidationError) as exc:
        io.from_dict(data, Framework)
    assert [p.path for p in exc.value.problems] == ["principles[5].id"]


def test_duplicates_reported_beside_field_problems() -> None:
    data = io.to_dict(CATALOG.framework("policylink-2014"))
    data["principles"][5]["id"] = data["principles"][4]["id"]
    data["principles"][0]["id"] = "other-framework:x"
    data["date"] = "someday"
    with pytest.raises(ValidationError) as exc:
        io.from_dict(data, Framework)
    assert [p.path for p in exc.value.problems] == ["date", "principles[0].id", "principles[5].id"]


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = tmp_path / "f.json"
        io.dump(CATALOG.framework("policylink-2014"), path)
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o600)
        io.dump(CATALOG.framework("policylink-2014"), path)  # replacing keeps the file's own mode
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)
