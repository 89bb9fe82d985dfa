"""``policeframeworks assess ...`` and ``validate`` on assessment files, through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from clihelpers import run
from policeframeworks import (
    AssessmentSet,
    load_catalog,
    load_seed_assessments,
    summarize,
)
from policeframeworks import io as pfio
from policeframeworks.cli import main
from policeframeworks.cli._cmd_assess import (
    DISTRIBUTION_COLUMNS,
    IMPORT_TABLE_ROWS,
    PROJECT_COLUMNS,
    SCORE_COLUMNS,
    SUMMARY_COLUMNS,
)
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()
CW = "8cantwait-2020"
DEFAULTS = ["--as-of", "2016", "--assessor", "coder", "--method", "document-review", "--kind", "city"]
CSV_TEXT = (
    "City,State,restrict holds,require officer intervention,Population\n"
    "St. Paul,Minnesota,1,yes,311527\n"
    "Austin,TX,0,,961855\n"
)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def fits(text: str) -> bool:
    """Every line fits 80 columns, except a single word (a path or id) that is longer by itself."""
    return all(len(line) <= 80 or " " not in line.strip() for line in text.splitlines())


@pytest.fixture
def cities(tmp_path: Path) -> Path:
    path = tmp_path / "cities.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def imported(cities: Path) -> Path:
    code, _, err = run("assess", "import", str(cities), "--framework", CW, *DEFAULTS)
    assert code == EXIT_OK, err
    return cities.with_suffix(".json")


@pytest.fixture
def kankakee(tmp_path: Path) -> Path:
    path = tmp_path / "kankakee.toml"
    pfio.dump(load_seed_assessments()[0], path)
    return path


# --- import -------------------------------------------------------------------------------------


def test_import_writes_an_assessments_file_equal_to_the_library(cities: Path) -> None:
    code, out, err = run("assess", "import", str(cities), "--framework", CW, *DEFAULTS)
    assert code == EXIT_OK
    target = cities.with_suffix(".json")
    expected = pfio.read_assessments_csv(
        cities, framework=CW, as_of="2016", assessor="coder", method="document-review", kind="city"
    )
    loaded = pfio.load(target)
    assert isinstance(loaded, AssessmentSet)
    assert loaded.assessments == expected
    assert json.loads(target.read_text(encoding="utf-8")) == pfio.to_dict(AssessmentSet(assessments=expected))
    assert err.splitlines() == [f"wrote {target}: 2 assessments of {CW} from {cities}"]
    assert "St. Paul, MN" in out
    assert "Austin, TX" in out
    assert fits(out)
    assert not [p for p in cities.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_summary_formats(cities: Path, tmp_path: Path, fmt: str) -> None:
    out_file = tmp_path / "out.json"
    code, out, _ = run(
        "assess", "import", str(cities), "--framework", CW, *DEFAULTS, "--out", str(out_file), "--format", fmt
    )
    assert code == EXIT_OK
    rows = json.loads(out) if fmt == "json" else csv_rows(out)
    assert [r["name"] for r in rows] == ["St. Paul", "Austin"]
    assert [int(r["lower"]) for r in rows] == [2, 0]
    assert [int(r["upper"]) for r in rows] == [8, 7]
    if fmt == "csv":
        assert list(rows[0]) == list(SCORE_COLUMNS)
    else:
        assert set(SCORE_COLUMNS) <= set(rows[0])


def test_import_to_stdout_and_toml(cities: Path, tmp_path: Path) -> None:
    code, out, err = run("assess", "import", str(cities), "--framework", CW, *DEFAULTS, "--out", "-")
    assert code == EXIT_OK
    assert pfio.from_dict(json.loads(out), AssessmentSet).assessments[0].jurisdiction.name == "St. Paul"
    assert "2 assessments" in err
    toml = tmp_path / "c.toml"
    assert run("assess", "import", str(cities), "--framework", CW, *DEFAULTS, "--out", str(toml))[0] == 0
    assert len(pfio.load(toml).assessments) == 2


def test_import_refuses_to_replace_without_force(imported: Path, cities: Path) -> None:
    imported.write_text("mine", encoding="utf-8")
    code, out, err = run("assess", "import", str(cities), "--framework", CW, *DEFAULTS)
    assert code == EXIT_USAGE
    assert err.splitlines() == [f"error: {imported}: already exists; use --force to replace it"]
    assert out == ""
    assert imported.read_text(encoding="utf-8") == "mine"
    code, _, _ = run("assess", "import", str(cities), "--framework", CW, *DEFAULTS, "--force")
    assert code == EXIT_OK
    assert len(pfio.load(imported).assessments) == 2


def test_import_bad_cells_one_line_each_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(CSV_TEXT + "Dallas,TX,maybe,,1\nHouston,Texass,1,1,2\n", encoding="utf-8")
    code, out, err = run("assess", "import", str(path), "--framework", CW, *DEFAULTS)
    assert code == EXIT_DATA
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {path}: row 4, column 'restrict holds': 'maybe' is not a status")
    assert lines[1] == (
        f"error: {path}: row 5, column 'State': 'Texass' is not a US state, district or territory "
        "(did you mean 'Texas'?)"
    )
    assert "Traceback" not in err
    assert not path.with_suffix(".json").exists()


def test_import_missing_defaults_fold_into_one_line_per_option(cities: Path) -> None:
    code, _, err = run("assess", "import", str(cities), "--framework", CW, "--kind", "city")
    assert code == EXIT_DATA
    lines = err.splitlines()
    assert sorted(lines) == sorted(
        f"error: {cities}: {field}: no {field!r} column and no default: all 2 rows need one; add the column "
        f"or pass {field}=... (on the command line {option})"
        for field, option in (("method", "--method"), ("as_of", "--as-of"), ("assessor", "--assessor"))
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--framework", "8cantwait"], "error: --framework: unknown framework id '8cantwait' (did you mean "),
        (
            ["--framework", f"{CW}:duty-to-intervene"],
            f"error: --framework: '{CW}:duty-to-intervene' is a principle; expected a framework id",
        ),
        (["--framework", CW, "--method", "document-reveiw"], "(did you mean 'document-review'?)"),
        (["--framework", CW, "--kind", "towm"], "error: --kind: 'towm' is not one of city, county"),
        (["--framework", CW, "--as-of", "June 2020"], "error: --as-of: 'June 2020' is not an ISO date"),
        (
            ["--framework", CW, "--out", "x.csv"],
            "x.csv: an assessments file ends with .json, .toml or .parquet",
        ),
    ],
)
def test_import_usage_mistakes_exit_2(cities: Path, args: list[str], expected: str) -> None:
    code, out, err = run("assess", "import", str(cities), *args)
    assert code == EXIT_USAGE
    assert out == ""
    assert len(err.splitlines()) == 1
    assert expected in err


def test_import_missing_file_directory_and_extension(tmp_path: Path) -> None:
    for name, message in (
        (tmp_path / "nope.csv", "no such file"),
        (tmp_path, "is a directory, expected a file"),
        (tmp_path / "x.xlsx", "unsupported file type '.xlsx'"),
    ):
        if name.suffix == ".xlsx":
            name.write_bytes(b"PK")
        code, _, err = run("assess", "import", str(name), "--framework", CW)
        assert code == EXIT_USAGE, name
        assert err.splitlines() == [f"error: {name}: {message}" + err.split(message, 1)[1].rstrip("\n")]
        assert message in err


def test_import_with_a_column_map_and_long_layout(tmp_path: Path) -> None:
    data = tmp_path / "long.csv"
    data.write_text(
        "Department,state,principle,status\n"
        f"Springfield,IL,{CW}:duty-to-intervene,yes\n"
        "Springfield,IL,bans_chokeholds_and_strangleholds,no\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns]\nDepartment = "name"\n', encoding="utf-8")
    code, out, err = run(
        "assess", "import", str(data), "--framework", CW, "--columns", str(mapping), "--layout", "long",
        *DEFAULTS, "--format", "json",
    )  # fmt: skip
    assert code == EXIT_OK, err
    (row,) = json.loads(out)
    assert (row["name"], row["adopted"], row["not_adopted"]) == ("Springfield", 1, 1)
    missing = tmp_path / "none.toml"
    code, _, err = run("assess", "import", str(data), "--framework", CW, "--columns", str(missing))
    assert code == EXIT_USAGE
    assert err == f"error: {missing}: no such file\n"


NEAR_MISS_CSV = "City,State,Requires De-escalation,restrict holds,Population\nA,IL,1,1,9\n"


def test_import_near_miss_header_is_an_error_with_the_options_that_resolve_it(tmp_path: Path) -> None:
    path = tmp_path / "near.csv"
    path.write_text(NEAR_MISS_CSV, encoding="utf-8")
    code, out, err = run("assess", "import", str(path), "--framework", CW, *DEFAULTS)
    assert code == EXIT_DATA
    assert out == ""
    assert err.splitlines() == [
        f"error: {path}: row 1, column 'Requires De-escalation': matches no principle or field, but nearly "
        "matches a principle; map it in a column map (--columns) or pass --attribute "
        f"'Requires De-escalation' (did you mean '{CW}:require-de-escalation'?)"
    ]
    assert not path.with_suffix(".json").exists()


def test_import_attribute_option_keeps_columns_and_merges_with_a_map(tmp_path: Path) -> None:
    path = tmp_path / "near.csv"
    path.write_text(NEAR_MISS_CSV, encoding="utf-8")
    code, _, err = run(
        "assess", "import", str(path), "--framework", CW, *DEFAULTS,
        "--attribute", "requires de-escalation", "--attribute", "Population", "--unmapped", "error",
    )  # fmt: skip
    assert code == EXIT_OK, err
    (a,) = pfio.load(path.with_suffix(".json")).assessments
    assert dict(a.jurisdiction.attributes) == {"Requires De-escalation": "1", "Population": "9"}
    assert a.score().adopted_ids == (f"{CW}:ban-chokeholds-and-strangleholds",)
    # With a column map: both apply; the same library call gives the same assessments.
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns]\nCity = "name"\nPopulation = "attribute"\n', encoding="utf-8")
    code, _, err = run(
        "assess", "import", str(path), "--framework", CW, *DEFAULTS, "--columns", str(mapping),
        "--attribute", "Requires De-escalation", "--force",
    )  # fmt: skip
    assert code == EXIT_OK, err
    expected = pfio.read_assessments_csv(
        path,
        framework=CW,
        columns={"City": "name", "Population": "attribute", "Requires De-escalation": "attribute"},
        as_of="2016",
        assessor="coder",
        method="document-review",
        kind="city",
    )
    assert pfio.load(path.with_suffix(".json")).assessments == expected == (a,)


def test_import_attribute_option_disagreeing_with_the_map_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "near.csv"
    path.write_text(NEAR_MISS_CSV, encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        f'[columns]\n"Requires De-escalation" = "{CW}:require-de-escalation"\n', encoding="utf-8"
    )
    code, out, err = run(
        "assess", "import", str(path), "--framework", CW, *DEFAULTS, "--columns", str(mapping),
        "--attribute", "requires_de-escalation",
    )  # fmt: skip
    assert code == EXIT_USAGE
    assert out == ""
    assert err == (
        f"error: --attribute 'requires_de-escalation': the column map {mapping} maps "
        f"'Requires De-escalation' to '{CW}:require-de-escalation', so 'requires_de-escalation' cannot "
        "be kept as an attribute\n"
    )
    # A bad map is reported as without --attribute: one line per problem, exit 1.
    mapping.write_text("[columns]\nCity = 3\n", encoding="utf-8")
    code, _, err = run(
        "assess", "import", str(path), "--framework", CW, *DEFAULTS, "--columns", str(mapping),
        "--attribute", "Population",
    )  # fmt: skip
    assert code == EXIT_DATA
    assert err.splitlines() == [
        f"error: {mapping}: columns.City: expected a principle id or field name, got 3"
    ]


def test_import_table_is_cut_at_a_limit_but_csv_is_not(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    n = IMPORT_TABLE_ROWS + 5
    path.write_text(
        "City,State,duty_to_intervene\n" + "".join(f"City {i},IL,1\n" for i in range(n)), encoding="utf-8"
    )
    code, out, _ = run("assess", "import", str(path), "--framework", CW, *DEFAULTS)
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "... and 5 more (--format csv or json lists every one)"
    code, out, _ = run(
        "assess", "import", str(path), "--framework", CW, *DEFAULTS, "--force", "--format", "csv"
    )
    assert len(csv_rows(out)) == n


# --- score --------------------------------------------------------------------------------------


def test_score_every_format_equals_the_api(kankakee: Path, imported: Path) -> None:
    k = load_seed_assessments()[0]
    items = [k, *pfio.load(imported).assessments]
    code, out, _ = run("assess", "score", str(kankakee), str(imported), "--format", "json")
    assert code == EXIT_OK
    rows = json.loads(out)
    assert [r["file"] for r in rows] == [str(kankakee), str(imported), str(imported)]
    for a, r in zip(items, rows, strict=True):
        s = a.score()
        for key in ("adopted", "partial", "not_adopted", "unknown", "not_applicable", "lower", "upper"):
            assert r[key] == getattr(s, key)
        assert r["lower_fraction"] == s.lower_fraction
        assert r["unknown_ids"] == list(s.unknown_ids)
    code, out, _ = run("assess", "score", str(kankakee), str(imported), "--format", "csv")
    table = csv_rows(out)
    assert list(table[0]) == list(SCORE_COLUMNS)
    assert [(t["lower"], t["upper"], t["reported_total"]) for t in table] == [
        ("5", "5", "5"),
        ("2", "8", ""),
        ("0", "7", ""),
    ]
    code, out, _ = run("assess", "score", str(kankakee), str(imported))
    assert code == EXIT_OK
    assert fits(out)
    assert "5-5 of 8" in out
    assert "Kankakee, IL" in out


def test_score_explain_is_the_api_explanation(kankakee: Path) -> None:
    code, out, _ = run("assess", "score", str(kankakee), "--explain")
    assert code == EXIT_OK
    assert fits(out)
    words = " ".join(out.split())
    assert " ".join(load_seed_assessments()[0].score().explain().split()) in words


def test_score_errors(tmp_path: Path, kankakee: Path) -> None:
    code, _, err = run("assess", "score", str(tmp_path / "none.json"))
    assert (code, err) == (EXIT_USAGE, f"error: {tmp_path / 'none.json'}: no such file\n")
    framework = tmp_path / "fw.toml"
    pfio.dump(CATALOG.framework(CW), framework)
    code, _, err = run("assess", "score", str(framework))
    assert code == EXIT_USAGE
    assert err == f"error: {framework}: holds a framework; expected an assessment or assessments file\n"
    data = pfio.to_dict(load_seed_assessments()[0])
    data["framework_id"] = "8cantwait-2021"
    data["findings"] = []
    data.pop("reported_total")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"assessments": [data]}), encoding="utf-8")
    code, _, err = run("assess", "score", str(other), str(kankakee))
    assert code == EXIT_DATA
    assert err == (
        f"error: {other}: assessments[0].framework_id: '8cantwait-2021' is not a bundled framework "
        "(did you mean '8cantwait-2020'?)\n"
    )
    bad = tmp_path / "bad.json"
    data = pfio.to_dict(load_seed_assessments()[0])
    data["findings"][0]["status"] = "adoptd"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("assess", "score", str(bad))
    assert code == EXIT_DATA
    assert err.startswith(f"error: {bad}: findings[0].status: 'adoptd'")
    assert "did you mean 'adopted'" in err
    assert len(err.splitlines()) == 1


# --- project ------------------------------------------------------------------------------------


def test_project_every_format_equals_the_api(kankakee: Path, tmp_path: Path) -> None:
    k = load_seed_assessments()[0]
    projected = k.project("uscm-2020", CATALOG.crosswalk)
    s = projected.score()
    code, out, _ = run("assess", "project", str(kankakee), "--onto", "uscm-2020", "--format", "json")
    assert code == EXIT_OK
    (record,) = json.loads(out)
    assert record["mappings"] == sum(len(f.derived_from) for f in projected.findings) >= 1
    assert (record["score"]["lower"], record["score"]["upper"]) == (s.lower, s.upper)
    by_id = {f["principle_id"]: f for f in record["findings"]}
    for f in projected.findings:
        assert by_id[f.principle_id]["status"] == str(f.status)
        assert [d["source"] for d in by_id[f.principle_id]["derived_from"]] == [
            d.source for d in f.derived_from
        ]
    leaves = [p.id for p in CATALOG.framework("uscm-2020").leaves()]
    assert [f["principle_id"] for f in record["findings"] if f["scored"]] == leaves
    code, out, _ = run("assess", "project", str(kankakee), "--onto", "uscm-2020", "--format", "csv")
    rows = csv_rows(out)
    assert list(rows[0]) == list(PROJECT_COLUMNS)
    adopted = [r for r in rows if r["status"] == "adopted"]
    assert adopted
    assert all(r["derived_from"] for r in adopted)
    code, out, _ = run("assess", "project", str(kankakee), "--onto", "uscm-2020")
    assert code == EXIT_OK
    assert fits(out)
    assert f"adopted at least {s.lower}, at most {s.upper} of {s.applicable}" in " ".join(out.split())
    target = tmp_path / "projected.json"
    code, _, err = run("assess", "project", str(kankakee), "--onto", "uscm-2020", "--out", str(target))
    assert code == EXIT_OK
    assert pfio.load(target).assessments == (projected,)
    code, _, err = run("assess", "project", str(kankakee), "--onto", "uscm-2020", "--out", str(target))
    assert code == EXIT_USAGE
    assert "--force" in err


def test_project_unknown_framework_suggests(kankakee: Path) -> None:
    code, out, err = run("assess", "project", str(kankakee), "--onto", "uscm")
    assert code == EXIT_USAGE
    assert out == ""
    assert err == "error: --onto: unknown framework id 'uscm' (did you mean 'uscm-2020'?)\n"


# --- summary ------------------------------------------------------------------------------------


def test_summary_every_format_equals_the_api(kankakee: Path, imported: Path) -> None:
    cities = pfio.load(imported).assessments
    expected = summarize(cities)
    code, out, _ = run("assess", "summary", str(imported), "--format", "json")
    assert code == EXIT_OK
    (record,) = json.loads(out)
    assert record["assessments"] == 2
    assert record["mean_bounds"] == list(expected.mean_bounds or ())
    assert record["undetermined"] == expected.undetermined
    assert [{k: v for k, v in r.items() if k != "framework"} for r in record["principles"]] == (
        expected.to_records()
    )
    code, out, _ = run("assess", "summary", str(imported), "--format", "csv")
    rows = csv_rows(out)
    assert list(rows[0]) == list(SUMMARY_COLUMNS)
    assert [r["principle_id"] for r in rows] == [p.principle_id for p in expected.principles]
    code, out, _ = run("assess", "summary", str(imported), "--distribution", "--format", "csv")
    rows = csv_rows(out)
    assert list(rows[0]) == list(DISTRIBUTION_COLUMNS)
    assert [int(r["lower"]) for r in rows] == [d["lower"] for d in expected.distribution_records()]
    for extra in ([], ["--distribution"]):
        code, out, _ = run("assess", "summary", str(imported), str(kankakee), *extra)
        assert code == EXIT_OK
        assert fits(out)
        assert "8cantwait-2020: 3 assessments" in out


def test_summary_duplicates_name_both_places_and_latest_keeps_one(kankakee: Path, tmp_path: Path) -> None:
    code, _, err = run("assess", "summary", str(kankakee), str(kankakee))
    assert code == EXIT_DATA
    assert err == (
        f"error: {kankakee}: Kankakee, IL is assessed against {CW} again (first in {kankakee}); keep one per "
        "jurisdiction, or pass --latest\n"
    )
    k = load_seed_assessments()[0]
    later = attrs.evolve(k, as_of="2021", reported_total=None)
    newer = tmp_path / "later.json"
    pfio.dump(later, newer)
    code, out, _ = run("assess", "summary", str(kankakee), str(newer), "--latest", "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out)[0]["assessments"] == 1
    assert json.loads(out)[0]["mean"] is None  # the 2021 assessment names one adopted, 7 unknown


def test_assess_without_subcommand_is_a_usage_error() -> None:
    code, out, err = run("assess")
    assert code == EXIT_USAGE
    assert out.startswith("usage: policeframeworks assess")
    assert err == "error: assess needs a subcommand: import, score, project, summary, changes, agreement\n"


# --- validate -----------------------------------------------------------------------------------


def test_validate_assessment_assessments_and_column_map_files(
    kankakee: Path, imported: Path, tmp_path: Path
) -> None:
    good_map = tmp_path / "good-map.toml"
    good_map.write_text(f'[columns]\nDepartment = "name"\nH = "{CW}:duty-to-intervene"\n', encoding="utf-8")
    code, out, err = run("validate", str(kankakee), str(imported), str(good_map), "--format", "json")
    assert code == EXIT_OK, err
    rows = json.loads(out)
    assert [(r["kind"], r["status"]) for r in rows] == [
        ("assessment", "ok"),
        ("assessments", "ok"),
        ("column-map", "ok"),
    ]
    assert rows[0]["detail"] == "Kankakee, IL, 2020-06-15: 1 finding"
    assert rows[1]["detail"] == f"2 assessments of {CW}"
    assert rows[2]["detail"] == f"2 columns, {CW}"


def test_validate_bad_column_map_and_assessment(kankakee: Path, tmp_path: Path) -> None:
    bad_map = tmp_path / "bad-map.json"
    bad_map.write_text(
        json.dumps(
            {"columns": {"A": "stat", "B": f"{CW}:duty-to-intervene", "C": "uscm-2020:community", "D": 3}}
        ),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(bad_map))
    assert code == EXIT_DATA
    assert err == f"error: {bad_map}: columns.D: expected a principle id or field name, got 3\n"
    bad_map.write_text(
        json.dumps({"columns": {"A": "stat", "B": f"{CW}:duty-to-intervene"}}), encoding="utf-8"
    )
    code, _, err = run("validate", str(bad_map))
    assert err == (
        f"error: {bad_map}: columns.A: 'stat' is neither a field name nor a principle id of the bundled "
        "catalog (did you mean 'state'?)\n"
    )
    bad_map.write_text(
        json.dumps({"columns": {"B": f"{CW}:duty-to-intervene", "C": "uscm-2020:community"}}),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(bad_map))
    assert code == EXIT_DATA
    assert "principles of several frameworks" in err
    data = pfio.to_dict(load_seed_assessments()[0])
    data["framework_id"] = "8cantwait-2021"
    data["findings"] = []
    data.pop("reported_total")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("validate", str(wrong), str(kankakee), "--format", "csv")
    assert code == EXIT_DATA
    assert err == (
        f"error: {wrong}: framework_id: '8cantwait-2021' is not a bundled framework, so the findings cannot "
        "be checked (did you mean '8cantwait-2020'?)\n"
    )
    assert [r["status"] for r in csv_rows(out)] == ["invalid", "ok"]


# --- The real process ---------------------------------------------------------------------------


def test_assess_through_python_dash_m(cities: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "assess", "import", str(cities), "--framework", CW,
         *DEFAULTS, "--out", str(target), "--format", "csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == EXIT_OK, proc.stderr
    assert "\r" not in proc.stderr  # no progress line when stderr is not a terminal
    assert [r["name"] for r in csv_rows(proc.stdout)] == ["St. Paul", "Austin"]
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "assess", "score", str(target), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == EXIT_OK
    assert [r["lower"] for r in json.loads(proc.stdout)] == [2, 0]
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "assess", "import", str(cities), "--framework", "8cw"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == EXIT_USAGE
    assert proc.stderr.startswith("error: --framework: unknown framework id '8cw'")
    assert "Traceback" not in proc.stderr


def test_import_shows_progress_on_a_terminal(cities: Path, tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), Terminal()
    args = ["assess", "import", str(cities), "--framework", CW, *DEFAULTS, "--out", str(tmp_path / "t.json")]
    assert main(args, out=out, err=err) == EXIT_OK
    text = err.getvalue()
    assert "\rreading cities.csv: 2" in text  # a file this small has no estimated total: a count
    assert "\rwriting t.json [########################] 100% 2/2" in text
    assert text.rstrip().endswith(f"wrote {tmp_path / 't.json'}: 2 assessments of {CW} from {cities}")


# --- bundled example assessments by name ----------------------------------------------------------------


def test_score_bundled_by_name_equals_the_api() -> None:
    (kankakee,) = load_seed_assessments()
    code, out, err = run("assess", "score", "--bundled", "kankakee-2020", "--format", "json")
    assert code == EXIT_OK, err
    assert json.loads(out) == [pfio.score_record(kankakee, file="(bundled kankakee-2020)")]


def test_bundled_and_files_together(kankakee: Path) -> None:
    code, out, _ = run("assess", "score", str(kankakee), "--bundled", "kankakee-2020", "--format", "csv")
    assert code == EXIT_OK
    rows = csv_rows(out)
    assert [r["file"] for r in rows] == ["(bundled kankakee-2020)", str(kankakee)]
    assert rows[0]["lower"] == rows[1]["lower"] == "5"


def test_project_and_summary_take_a_bundled_assessment() -> None:
    (kankakee,) = load_seed_assessments()
    code, out, _ = run(
        "assess", "project", "--bundled", "kankakee-2020", "--onto", "uscm-2020", "--format", "json"
    )
    assert code == EXIT_OK
    uscm = CATALOG.framework("uscm-2020")
    assert json.loads(out) == [
        pfio.projection_record(kankakee, kankakee.project("uscm-2020", CATALOG.crosswalk), uscm)
    ]
    code, out, _ = run("assess", "summary", "--bundled", "kankakee-2020", "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out) == [pfio.summary_record(summarize([kankakee]))]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "--bundled", "kankakee"],
         "error: --bundled: no bundled assessment 'kankakee' (did you mean 'kankakee-2020'?); "
         "the bundled ones: kankakee-2020\n"),
        (["score"],
         "error: assess score needs FILE or --bundled NAME (for example --bundled kankakee-2020)\n"),
        (["project", "--onto", "uscm-2020", "--bundled", "kankakee-2020", "--bundled", "kankakee-2020"],
         "error: assess project reads one FILE or one --bundled NAME\n"),
    ],
)  # fmt: skip
def test_bundled_mistakes_are_usage_errors(argv: list[str], message: str) -> None:
    code, out, err = run("assess", *argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert err == message


def test_every_bundled_assessment_has_its_own_name() -> None:
    from policeframeworks.cli._assess_files import bundled, bundled_name

    seeds = load_seed_assessments()
    names = [bundled_name(a) for a in seeds]
    assert len(set(names)) == len(seeds)
    assert [r.assessment for r in bundled(names)] == list(seeds)
