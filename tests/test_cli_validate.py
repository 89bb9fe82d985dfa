"""``policeframeworks validate``: every problem of every file, one line each, and the exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import io as pfio
from policeframeworks import load_catalog
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.toml"
    pfio.dump(CATALOG.framework("8cantwait-2020"), path)
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    data = pfio.to_dict(CATALOG.framework("policylink-2014"))
    data["kind"] = "principels"
    data["principles"][1]["wording"] = "verbatum"
    data["principles"][2]["themes"] = ["use-of-forse"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_valid_framework_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"fw{suffix}"
    pfio.dump(CATALOG.framework("uscm-2020"), path)
    code, out, err = run("validate", str(path))
    assert code == EXIT_OK
    assert err == ""
    assert "ok" in out
    assert "uscm-2020" in out


def test_every_problem_is_one_line_with_file_path_and_suggestion(bad: Path) -> None:
    code, _, err = run("validate", str(bad))
    assert code == EXIT_DATA
    lines = err.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"error: {bad}: ") for line in lines)
    assert any("principles[1].wording" in line and "did you mean 'verbatim'" in line for line in lines)
    assert any("principles[2].themes[0]" in line and "did you mean 'use-of-force'" in line for line in lines)
    assert any(line.startswith(f"error: {bad}: kind:") for line in lines)
    assert "Traceback" not in err


def test_json_output_lists_problems(good: Path, bad: Path) -> None:
    code, out, _ = run("validate", str(good), str(bad), "--format", "json")
    assert code == EXIT_DATA
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["ok", "invalid"]
    assert rows[0]["kind"] == "framework"
    assert rows[0]["problems"] == []
    assert {p["suggestion"] for p in rows[1]["problems"]} == {"principles", "verbatim", "use-of-force"}


def test_csv_output(good: Path, bad: Path) -> None:
    code, out, _ = run("validate", str(good), str(bad), "--format", "csv")
    assert code == EXIT_DATA
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["file", "kind", "status", "detail"]
    assert rows[1]["detail"] == "3 problems"


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "nope.toml"))
    assert code == EXIT_USAGE
    assert err.splitlines() == [f"error: {tmp_path / 'nope.toml'}: no such file"]


def test_directory_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path))
    assert code == EXIT_USAGE
    assert err.splitlines() == [f"error: {tmp_path}: is a directory, expected a file"]


def test_unsupported_extension_suggests(tmp_path: Path) -> None:
    path = tmp_path / "fw.tom"
    path.write_text("x = 1\n", encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == EXIT_USAGE
    assert "did you mean '.toml'" in err


def test_usage_problem_wins_over_data_problem(bad: Path, tmp_path: Path) -> None:
    code, out, err = run("validate", str(bad), str(tmp_path / "missing.json"))
    assert code == EXIT_USAGE
    assert len(err.splitlines()) == 4
    assert "unusable" in out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("syntax.toml", "id = \n", "not valid TOML"),
        ("syntax.json", '{"id": }', "not valid JSON"),
        ("what.json", '{"hello": 1}', "cannot tell what this file holds"),
        ("list.json", "[1, 2]", "cannot tell what this file holds"),
    ],
)
def test_unreadable_content_is_exit_1(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == EXIT_DATA
    assert len(err.splitlines()) == 1
    assert expected in err


def test_not_utf8_is_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('id = "caf\xe9"\n'.encode("latin-1"))
    code, _, err = run("validate", str(path))
    assert code == EXIT_DATA
    assert "not UTF-8" in err


def test_bundled_files_validate() -> None:
    from importlib import resources

    root = resources.files("policeframeworks.data").joinpath("frameworks")
    files = sorted(str(p) for p in root.iterdir() if str(p).endswith(".toml"))  # type: ignore[attr-defined]
    code, out, err = run("validate", *files, "--format", "json")
    assert code == EXIT_OK, err
    assert {r["detail"].split(":")[0] for r in json.loads(out)} == set(CATALOG.framework_ids)


def test_crosswalk_files_are_validated_and_linted(tmp_path: Path) -> None:
    cw = CATALOG.crosswalk
    good = tmp_path / "cw.csv"
    pfio.write_crosswalk_csv(cw, good)
    lines = good.read_text(encoding="utf-8").splitlines()
    dup = tmp_path / "dup.csv"
    dup.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    typo = tmp_path / "typo.csv"
    typo.write_text(
        good.read_text(encoding="utf-8").replace(
            "8cantwait-2020:duty-to-intervene", "8cantwait-2020:duty-to-interven"
        ),
        encoding="utf-8",
    )
    code, out, err = run("validate", str(good), str(dup), str(typo), "--format", "json")
    assert code == EXIT_DATA
    rows = json.loads(out)
    assert [r["kind"] for r in rows] == ["crosswalk"] * 3
    assert [r["status"] for r in rows] == ["ok", "invalid", "invalid"]
    assert any("duplicate" in p["message"] for p in rows[1]["problems"])
    assert all(p["suggestion"] == "8cantwait-2020:duty-to-intervene" for p in rows[2]["problems"])
    assert all(line.startswith("error: ") for line in err.splitlines())


def test_bundled_crosswalk_document_validates() -> None:
    from importlib import resources

    path = resources.files("policeframeworks.data").joinpath("crosswalks", "seed-frameworks.toml")
    code, out, err = run("validate", str(path))
    assert code == EXIT_OK, err
    assert "crosswalk" in out
