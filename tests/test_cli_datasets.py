"""``assess import --dataset``, ``assess changes`` and ``assess summary --by --weights`` (cli/_assess_*)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CW = "8cantwait-2020"


@pytest.fixture
def datasets(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "uof.csv").write_text(
        "City,State,restrict holds,require warning,duty to intervene,Population\n"
        "Saint Paul,MN,0,1,0,311527\n"
        '"Kansas City, MO",,1,,1,508090\n'
        "Boise,ID,1,0,1,235684\n",
        encoding="utf-8",
    )
    (tmp_path / "uof.toml").write_text(
        'path = "uof.csv"\nbased_on = "useofforce-2016-analysis"\n', encoding="utf-8"
    )
    (tmp_path / "cw.csv").write_bytes(
        "City,State,Ban Chokeholds & Strangleholds,Require Warning Before Shooting,Duty to Intervene,"
        "Population\n"
        "St. Paul,MN,1,1,1,311527\nKansas City,MO,1,1,,508090\nAustin,TX,1,0,1,961855\n"
        "Total,,3,2,2,\n".encode("cp1252")
    )
    (tmp_path / "cw.toml").write_text(
        'path = "cw.csv"\nbased_on = "8cantwait-2020"\nencoding = "cp1252"\n[defaults]\nas_of = "2020-06"\n',
        encoding="utf-8",
    )
    old, new = tmp_path / "uof.json", tmp_path / "cw.json"
    for desc, out in ((tmp_path / "uof.toml", old), (tmp_path / "cw.toml", new)):
        code, _, err = run("assess", "import", "--dataset", str(desc), "--out", str(out))
        assert code == EXIT_OK, err
    return old, new


def test_import_dataset_writes_assessments_with_source_and_dates(datasets: tuple[Path, Path]) -> None:
    old, _ = datasets
    data = json.loads(old.read_text(encoding="utf-8"))["assessments"]
    assert [a["as_of"] for a in data] == ["2016", "2016", "2016"]
    assert data[1]["jurisdiction"]["name"] == "Kansas City"
    assert data[1]["jurisdiction"]["state"] == "MO"
    assert data[0]["evidence"][0]["publisher"] == "Campaign Zero"


def test_import_dataset_usage_and_data_errors(tmp_path: Path, datasets: tuple[Path, Path]) -> None:
    code, _, err = run("assess", "import", "--dataset", str(tmp_path / "uof.toml"), "--framework", CW)
    assert code == EXIT_USAGE
    assert "--dataset names the CSV" in err
    code, _, err = run("assess", "import")
    assert code == EXIT_USAGE
    assert "needs CSV and --framework, or --dataset FILE" in err
    code, _, err = run(
        "assess", "import", "--dataset", str(tmp_path / "uof.toml"), "--out", "-", "--assessor", ""
    )
    assert code == EXIT_DATA
    assert "assessor: is empty" in err
    (tmp_path / "cw.csv").write_bytes(
        (tmp_path / "cw.csv").read_bytes().replace(b"Total,,3,2,2", b"Total,,3,2,3")
    )
    code, _, err = run("assess", "import", "--dataset", str(tmp_path / "cw.toml"), "--out", "-")
    assert code == EXIT_DATA
    assert (
        "row 5, column 'Duty to Intervene': the totals row says 3 adopted, but the rows above hold 2" in err
    )


def test_changes_csv_counts_and_cells(datasets: tuple[Path, Path]) -> None:
    old, new = datasets
    code, out, err = run("assess", "changes", str(old), str(new), "--format", "csv")
    assert code == EXIT_OK, err
    rows = {r["principle_id"]: r for r in csv.DictReader(io.StringIO(out))}
    dti = rows[f"{CW}:duty-to-intervene"]
    assert (dti["matched"], dti["newly_adopted"], dti["known_before_only"]) == ("2", "1", "1")
    assert "2 jurisdictions matched; 1 only in" in err
    code, out, _ = run("assess", "changes", str(old), str(new), "--cells", "--format", "csv")
    cells = list(csv.DictReader(io.StringIO(out)))
    assert {(c["jurisdiction"], c["change"]) for c in cells} >= {("St. Paul, MN", "newly_adopted")}
    code, out, _ = run("assess", "changes", str(old), str(new), "--format", "json")
    (doc,) = json.loads(out)
    assert {m["match"] for m in doc["matches"]} == {"key", "unmatched"}
    code, out, _ = run("assess", "changes", str(old), str(new), "--events", "--format", "csv")
    events = list(csv.DictReader(io.StringIO(out)))
    stp = next(
        e
        for e in events
        if e["jurisdiction"] == "St. Paul, MN" and e["principle_id"].endswith("duty-to-intervene")
    )
    assert (stp["last_not_adopted"], stp["first_adopted"], stp["censoring"]) == (
        "2016",
        "2020-06",
        "interval",
    )


def test_summary_by_state_weighted(datasets: tuple[Path, Path]) -> None:
    _, new = datasets
    code, out, err = run(
        "assess", "summary", str(new), "--by", "state", "--weights", "Population", "--format", "csv"
    )
    assert code == EXIT_OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    mo = next(r for r in rows if r["group"] == "MO" and r["principle_id"].endswith("duty-to-intervene"))
    assert (mo["lower"], mo["upper"], mo["denominator"]) == ("0.0", "1.0", "508090.0")
    code, out, _ = run("assess", "summary", str(new), "--weights", "Population")
    assert "weighted by Population" in out


def test_validate_reads_dataset_descriptors(tmp_path: Path, datasets: tuple[Path, Path]) -> None:
    code, out, err = run("validate", str(tmp_path / "uof.toml"), "--format", "csv")
    assert code == EXIT_OK, err
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["kind"], row["status"]) == ("dataset", "ok")
    (tmp_path / "bad.toml").write_text('path = "uof.csv"\nbased_on = "police-scorcard"\n', encoding="utf-8")
    code, _, err = run("validate", str(tmp_path / "bad.toml"))
    assert code == EXIT_DATA
    assert "(did you mean 'police-scorecard'?)" in err
