"""``assess import`` and ``assess summary`` on many rows: what import writes (JSON, Parquet) summary reads."""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import Assessment, AssessmentSet, load_catalog, load_seed_assessments, summarize
from policeframeworks import io as pfio
from policeframeworks.cli import main
from policeframeworks.cli._cmd_assess import IMPORT_TABLE_ROWS, SCORE_COLUMNS
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK

CW = "8cantwait-2020"
DEFAULTS = ["--as-of", "2020-06", "--assessor", "coder", "--method", "document-review", "--kind", "city"]
HEADERS = ["bans_chokeholds_and_strangleholds", "requires_deescalation", "duty_to_intervene"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def write_cities(path: Path, n: int) -> Path:
    rng = random.Random(n)
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["City", "State", "Population", *HEADERS])
        for i in range(n):
            w.writerow(
                [f"City {i}", rng.choice(["TX", "Ohio"]), i * 7, *(rng.choice("10 ") for _ in HEADERS)]
            )
    return path


@pytest.fixture
def many(tmp_path: Path) -> Path:
    return write_cities(tmp_path / "many.csv", 2500)


def library(path: Path) -> tuple[Assessment, ...]:
    return pfio.read_assessments_csv(
        path, framework=CW, as_of="2020-06", assessor="coder", method="document-review", kind="city"
    )


@pytest.mark.parametrize("suffix", [".json", ".toml", ".parquet"])
def test_what_import_writes_summary_and_the_library_read_back(
    many: Path, tmp_path: Path, suffix: str
) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
        pytest.importorskip("narwhals")
    target = tmp_path / f"out{suffix}"
    code, _, err = run("assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(target))
    assert code == EXIT_OK, err
    expected = library(many)
    assert tuple(pfio.iter_assessments(target)) == expected
    code, out, err = run("assess", "summary", str(target), "--format", "json")
    assert code == EXIT_OK, err
    assert json.loads(out) == [pfio.summary_record(summarize(expected))]


def test_import_writes_the_streamed_json_form(many: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run("assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(target))[0] == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"assessments":['
    assert len(lines) == 2500 + 2
    assert pfio.load(target, AssessmentSet).assessments == library(many)


def test_summary_reads_the_indented_files_of_earlier_versions(many: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    pfio.dump(AssessmentSet(assessments=library(many)), old)
    assert old.read_text(encoding="utf-8").startswith('{\n  "assessments": [')
    code, out, _ = run("assess", "summary", str(old), "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out) == [pfio.summary_record(summarize(library(many)))]
    code, out, _ = run("assess", "summary", str(old), "--by", "state", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = summarize(library(many), by="state").to_records()
    assert [(r["group"], r["principle_id"], float(r["adopted"])) for r in rows] == [
        (r["group"], r["principle_id"], r["adopted"]) for r in expected
    ]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_lists_every_row_in_chunks(many: Path, tmp_path: Path, fmt: str) -> None:
    code, out, _ = run(
        "assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(tmp_path / "o.json"),
        "--format", fmt,
    )  # fmt: skip
    assert code == EXIT_OK
    rows = json.loads(out) if fmt == "json" else list(csv.DictReader(io.StringIO(out)))
    expected = [pfio.score_record(a, file=str(many)) for a in library(many)]
    if fmt == "csv":
        assert list(rows[0]) == list(SCORE_COLUMNS)
        expected = [{k: "" if r[k] is None else str(r[k]) for k in SCORE_COLUMNS} for r in expected]
    assert rows == expected


def test_import_table_scores_only_what_it_shows(many: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        "assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(tmp_path / "o.json")
    )
    assert code == EXIT_OK
    assert f"... and {2500 - IMPORT_TABLE_ROWS} more (--format csv or json lists every one)" in out
    assert "City 19" in out
    assert "City 20 " not in out


def test_progress_bars_on_a_terminal_and_nothing_on_a_pipe(many: Path, tmp_path: Path) -> None:
    target = tmp_path / "o.json"
    err = Terminal()
    assert (
        main(
            ["assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(target)],
            out=io.StringIO(),
            err=err,
        )
        == 0
    )
    text = err.getvalue()
    assert "\rreading many.csv [" in text
    assert "100% 2500/2500" in text
    assert "\rwriting o.json [########################] 100% 2500/2500" in text
    err = Terminal()
    assert main(["assess", "summary", str(target)], out=io.StringIO(), err=err) == 0
    text = err.getvalue()
    assert "\rreading o.json [########################] 100% 2500/2500" in text
    assert f"\rsummarizing 2500 assessments of {CW}: " in text
    assert text.endswith("\r")  # the line is erased
    piped = io.StringIO()
    assert main(["assess", "summary", str(target)], out=io.StringIO(), err=piped) == 0
    assert piped.getvalue() == ""


def test_parquet_without_the_extra_is_a_clear_error(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    target = tmp_path / "o.parquet"
    code, out, err = run("assess", "import", str(many), "--framework", CW, *DEFAULTS, "--out", str(target))
    assert code == EXIT_DATA
    extra = "pip install 'policeframeworks[parquet]'"
    assert err == f"error: {target}: Parquet files need pyarrow and narwhals: {extra}\n"
    assert out == ""
    assert not target.exists()


@pytest.mark.parametrize("suffix", [".json", ".parquet"])
def test_projected_assessments_written_by_project_read_back(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
        pytest.importorskip("narwhals")
    target = tmp_path / f"projected{suffix}"
    code, _, err = run(
        "assess", "project", "--bundled", "kankakee-2020", "--onto", "uscm-2020", "--out", str(target)
    )
    assert code == EXIT_OK, err
    (kankakee,) = load_seed_assessments()
    expected = kankakee.project("uscm-2020", load_catalog().crosswalk)
    assert tuple(pfio.iter_assessments(target)) == (expected,)
    assert any(f.derived_from for f in expected.findings)  # the derivations survive the trip
