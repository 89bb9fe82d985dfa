"""``policeframeworks crosswalk lint`` and ``crosswalk export``: lint results, exports that read back."""

from __future__ import annotations

import csv
import io as stdio
import json
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import io, load_catalog
from policeframeworks.cli._cmd_crosswalk import LINT_COLUMNS
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()
CW = CATALOG.crosswalk


@pytest.fixture
def crosswalk_csv(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    io.write_crosswalk_csv(CW, path)
    return path


def test_lint_bundled_is_clean() -> None:
    code, out, err = run("crosswalk", "lint", "--format", "json")
    assert code == EXIT_OK
    assert err == ""
    rows = json.loads(out)
    assert rows == [
        {"crosswalk": "(bundled)", "mappings": len(CW.mappings), "status": "ok", "problems": 0, "details": []}
    ]


def test_lint_finds_a_duplicate_with_its_row(crosswalk_csv: Path) -> None:
    lines = crosswalk_csv.read_text(encoding="utf-8").splitlines()
    crosswalk_csv.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    code, out, err = run("crosswalk", "lint", str(crosswalk_csv), "--format", "csv")
    assert code == EXIT_DATA
    rows = list(csv.DictReader(stdio.StringIO(out)))
    assert tuple(rows[0]) == LINT_COLUMNS
    assert rows[0]["status"] == "invalid"
    problems = [line for line in err.splitlines() if line.startswith("error: ")]
    assert problems
    assert any(
        "duplicate" in line and "row 2" in line and f"row {len(lines) + 1}" in line for line in problems
    )


def test_lint_bad_cells_each_on_one_line(crosswalk_csv: Path) -> None:
    text = crosswalk_csv.read_text(encoding="utf-8")
    bad = text.replace(",equal,10,", ",equl,10,", 1)
    row = next(n for n, line in enumerate(bad.splitlines(), start=1) if ",equl,10," in line)
    crosswalk_csv.write_text(bad, encoding="utf-8")
    code, _, err = run("crosswalk", "lint", str(crosswalk_csv))
    assert code == EXIT_DATA
    lines = err.splitlines()
    assert len(lines) == 1
    assert f"row {row}, column 'STRM Relationship'" in lines[0]
    assert "did you mean 'equal'" in lines[0]


@pytest.mark.parametrize("make", ["missing", "directory", "extension"])
def test_lint_unusable_files_are_usage_errors(tmp_path: Path, make: str) -> None:
    path = {"missing": tmp_path / "none.csv", "directory": tmp_path, "extension": tmp_path / "x.xlsx"}[make]
    if make == "extension":
        path.write_text("x", encoding="utf-8")
    code, _, err = run("crosswalk", "lint", str(path))
    assert code == EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_crosswalk_without_action_prints_its_help_and_is_a_usage_error() -> None:
    code, out, err = run("crosswalk")
    assert code == EXIT_USAGE
    assert out.startswith("usage: policeframeworks crosswalk")
    assert err == "error: crosswalk needs a subcommand: lint, export\n"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_reads_back_into_an_equal_crosswalk(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"cw.{fmt}"
    code, out, err = run("crosswalk", "export", "--out", str(path))
    assert code == EXIT_OK
    assert out == ""
    assert f"wrote {path}" in err
    if fmt == "graphml":
        back = io.read_graphml(path)
    elif fmt == "gexf":
        back = io.read_gexf(path)
    elif fmt == "json":
        back = io.crosswalk_from_node_link(json.loads(path.read_text(encoding="utf-8")))
    else:
        back = io.read_crosswalk_csv(path)
        # CSV holds mappings only: the declared reviews are not in it.
        assert (back.mappings, back.reviews) == (CW.mappings, ())
        return
    assert back == CW


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_to_stdout_equals_the_file(tmp_path: Path, fmt: str) -> None:
    code, out, _ = run("crosswalk", "export", "--format", fmt)
    assert code == EXIT_OK
    path = tmp_path / f"cw.{fmt}"
    run("crosswalk", "export", "--format", fmt, "--out", str(path))
    assert out == path.read_text(encoding="utf-8")


def test_export_refuses_to_replace_without_force(tmp_path: Path) -> None:
    path = tmp_path / "cw.csv"
    path.write_text("mine", encoding="utf-8")
    code, _, err = run("crosswalk", "export", "--out", str(path))
    assert code == EXIT_USAGE
    assert "--force" in err
    assert path.read_text(encoding="utf-8") == "mine"
    assert run("crosswalk", "export", "--out", str(path), "--force")[0] == EXIT_OK
    assert path.read_text(encoding="utf-8") == io.crosswalk_to_csv(CW)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["crosswalk", "export"], "needs --format"),
        (["crosswalk", "export", "--out", "cw.txt"], "cannot tell the format"),
    ],
)
def test_export_usage_errors(
    tmp_path: Path, argv: list[str], words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(*argv)
    assert code == EXIT_USAGE
    assert words in err
