"""``policeframeworks assess agreement`` (policeframeworks.cli._cmd_agreement)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from policeframeworks import Assessment, AssessmentSet, Finding, Jurisdiction, agreement, load_catalog
from policeframeworks import io as pfio
from policeframeworks.cli import main
from policeframeworks.cli._assess_agreement import AGREEMENT_COLUMNS
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def coding(assessor: str, city: str, statuses: list[str]) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(name=city, state="IL", kind="city"),
        framework_id=CW,
        as_of="2020-07",
        assessor=assessor,
        method="document-review",
        findings=tuple(Finding(principle_id=p, status=s) for p, s in zip(CW_IDS, statuses, strict=False)),
    )


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    plans = {
        "ann": [["adopted", "partial", "adopted"], ["not_adopted", "adopted"]],
        "bo": [["adopted", "not_adopted", "adopted"], ["not_adopted", "adopted", "partial"]],
        "cy": [["adopted", "partial"], ["adopted", "adopted"]],
    }
    out = []
    for coder, rows in plans.items():
        path = tmp_path / f"{coder}.json"
        pfio.dump(
            AssessmentSet(assessments=[coding(coder, c, r) for c, r in zip("AB", rows, strict=True)]), path
        )
        out.append(path)
    return out


def test_json_equals_the_api(files: list[Path]) -> None:
    code, out, err = run("assess", "agreement", *map(str, files), "--format", "json", "--bootstrap", "50")
    assert code == EXIT_OK, err
    rows = json.loads(out)
    expected = agreement(*[pfio.load(f, AssessmentSet).assessments for f in files], n_bootstrap=50, seed=0)
    assert len(rows) == len(expected.rows)
    pooled = rows[-4]
    assert (pooled["principle"], pooled["coders"]) == ("pooled", "ann+bo+cy")
    assert pooled["gwet_ac1"] == expected.pooled["gwet_ac1"].value
    assert pooled["gwet_ac1_low"] == expected.pooled["gwet_ac1"].low
    assert pooled["cohen_kappa"] is None
    assert pooled["cohen_kappa_undefined"] == "Cohen's kappa compares exactly two coders"


def test_table_shows_intervals_and_reasons(files: list[Path]) -> None:
    code, out, _ = run("assess", "agreement", *map(str, files), "--bootstrap", "30")
    assert code == EXIT_OK
    assert "pooled" in out
    assert "CI: 95% percentile bootstrap, 30 replicates, seed 0" in out
    assert f"1: {CW_IDS[0]}" in out
    assert "undef. (" in out
    assert all(len(line) <= 80 for line in out.splitlines() if " " in line.strip())
    code, wide, _ = run("assess", "agreement", *map(str, files), "--bootstrap", "0", "--pairs")
    assert code == EXIT_OK
    assert "ann+bo" in wide


def test_csv_columns_and_review_sheet(files: list[Path], tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    args = ["assess", "agreement", *map(str, files), "--format", "csv", "--bootstrap", "0"]
    code, out, err = run(*args, "--review-sheet", str(sheet))
    assert code == EXIT_OK, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert list(table[0]) == list(AGREEMENT_COLUMNS)
    rows = list(csv.DictReader(sheet.read_text(encoding="utf-8").splitlines()))
    assert {(r["jurisdiction"], r["principle_id"]) for r in rows} == {
        ("A", CW_IDS[1]),
        ("A", CW_IDS[2]),
        ("B", CW_IDS[0]),
        ("B", CW_IDS[2]),
    }
    code, _, err = run(*args, "--review-sheet", str(sheet))
    assert code == EXIT_USAGE
    assert "already exists" in err


def test_duplicate_coding_names_the_file(files: list[Path]) -> None:
    code, _, err = run("assess", "agreement", str(files[0]), str(files[0]), "--bootstrap", "0")
    assert code == EXIT_DATA
    assert "'ann' coded A, IL" in err


def test_bad_options_are_usage_errors(files: list[Path]) -> None:
    code, _, err = run("assess", "agreement", str(files[0]), "--confidence", "2")
    assert code == EXIT_USAGE
    assert "--confidence" in err
