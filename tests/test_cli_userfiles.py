"""The user's own files on the catalog commands: ``--framework-file``, ``--crosswalk``, ``--replace``.

Each command's numbers with the user's files equal the API's over ``io.read_catalog`` and
``io.read_crosswalk``; every mistake is one line per problem with the documented exit code.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import io as pfio
from policeframeworks import load_catalog, version_crosswalk
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()
VERSIONS = ("useofforce-2016", "8cantwait-2020")


@pytest.fixture
def versions_csv(tmp_path: Path) -> Path:
    path = tmp_path / "versions.csv"
    pfio.write_crosswalk_csv(version_crosswalk(*VERSIONS), path)
    return path


@pytest.fixture
def versions_toml(tmp_path: Path) -> Path:
    """The version crosswalk as a TOML crosswalk document."""
    from policeframeworks._mapping import CrosswalkDocument

    doc = CrosswalkDocument(
        id="versions", title="Versions", data_version="1", mappings=version_crosswalk(*VERSIONS).mappings
    )
    path = tmp_path / "versions.toml"
    pfio.dump(doc, path)
    return path


@pytest.fixture
def own_framework(tmp_path: Path) -> Path:
    """A framework of the user's: a copy of policylink-2014 under the id ``mine-2024`` (its own family)."""
    data = pfio.to_dict(CATALOG.framework("policylink-2014"))
    data = json.loads(json.dumps(data).replace('"policylink-2014', '"mine-2024'))
    data["family"] = "mine"
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def own_crosswalk(tmp_path: Path) -> Path:
    """One mapping from the user's framework to a bundled principle."""
    path = tmp_path / "mine-cw.json"
    path.write_text(
        json.dumps(
            {
                "id": "mine",
                "title": "Mine",
                "data_version": "1",
                "mappings": [
                    {
                        "source": "mine-2024:training",
                        "relationship": "superset",
                        "target": "policylink-pledge:training",
                        "rationale_type": "semantic",
                        "strength": 8,
                        "basis": "analytic",
                        "rationale": "A test mapping.",
                        "mapped_by": "tests",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


# --- coverage ----------------------------------------------------------------------------------------------


def test_coverage_with_a_crosswalk_file_extends_the_bundled_one(versions_csv: Path) -> None:
    code, out, _ = run(
        "coverage", *VERSIONS, "--crosswalk", str(versions_csv), "--format", "json", "--explain"
    )
    assert code == EXIT_OK
    report = pfio.read_crosswalk(versions_csv, include_bundled=True).coverage(*VERSIONS)
    data = json.loads(out)
    assert (data["lower"], data["upper"], data["touched"]) == (
        report.lower,
        report.upper,
        list(report.touched),
    )
    # The file made a difference: its generated mappings stand beside the bundled ones in the explanation.
    by = {m["mapped_by"] for t in data["targets"] for m in t["mappings"]}
    assert {"generated", "policeframeworks maintainers"} <= by


@pytest.mark.parametrize("fixture", ["versions_csv", "versions_toml"])
def test_coverage_with_replace_uses_the_files_alone(fixture: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(fixture)
    code, out, _ = run(
        "coverage", "uscm-2020", "8cantwait-2020", "--crosswalk", str(path), "--replace", "--format", "json"
    )
    assert code == EXIT_OK
    alone = pfio.read_crosswalk(path)
    data = json.loads(out)
    # the files join other frameworks: nothing of this pair is reviewed, so everything is still possible
    assert (data["touched_share"], data["reviewed_share"], data["upper"], data["label"]) == (0, 0, 1, "n/r")
    assert alone.coverage("uscm-2020", "8cantwait-2020").counts["not_reviewed"] == 8
    assert CATALOG.crosswalk.coverage("uscm-2020", "8cantwait-2020").touched_share > 0


def test_coverage_matrix_with_files(own_framework: Path, own_crosswalk: Path) -> None:
    code, out, _ = run(
        "coverage",
        "--matrix",
        "--framework-file",
        str(own_framework),
        "--crosswalk",
        str(own_crosswalk),
        "--format",
        "csv",
    )
    assert code == EXIT_OK
    rows = {(r["source"], r["target"]): r for r in csv.DictReader(io.StringIO(out))}
    assert rows[("mine-2024", "policylink-pledge")]["covered"] == "1"
    assert ("policylink-pledge", "mine-2024") in rows


def test_coverage_of_an_own_framework_explained(own_framework: Path, own_crosswalk: Path) -> None:
    code, out, err = run(
        "coverage",
        "mine-2024",
        "policylink-pledge",
        "--framework-file",
        str(own_framework),
        "--crosswalk",
        str(own_crosswalk),
        "--explain",
    )
    assert code == EXIT_OK, err
    assert "policylink-pledge:training: covered" in out
    assert "mine-2024:training superset policylink-pledge:training (8/10)" in out
    catalog = pfio.read_catalog(own_framework, include_bundled=True)
    expected = pfio.read_crosswalk(own_crosswalk, catalog=catalog, include_bundled=True).coverage(
        "mine-2024", "policylink-pledge"
    )
    assert f"lower bound     {expected.lower:.2f}" in out
    assert f"shown as        {expected.label}" in out


# --- show, search, crosswalk export ------------------------------------------------------------------------


def test_show_principle_lists_the_user_mappings(versions_csv: Path) -> None:
    p = "useofforce-2016:require-de-escalation"
    _, before, _ = run("show", p, "--format", "json")
    code, out, _ = run("show", p, "--crosswalk", str(versions_csv), "--format", "json")
    assert code == EXIT_OK
    added = json.loads(out)["mappings"][len(json.loads(before)["mappings"]) :]
    assert [(m["relationship"], m["target"], m["mapped_by"]) for m in added] == [
        ("intersects", "8cantwait-2020:require-de-escalation", "generated")
    ]
    _, table, _ = run("show", p, "--crosswalk", str(versions_csv), "--replace")
    assert "intersects 8cantwait-2020:require-de-escalation (5/10, analytic)" in table


def test_show_and_search_an_own_framework(own_framework: Path) -> None:
    code, out, _ = run("show", "mine-2024", "--framework-file", str(own_framework), "--format", "csv")
    assert code == EXIT_OK
    ids = [r["id"] for r in csv.DictReader(io.StringIO(out))]
    assert ids
    assert all(i.startswith("mine-2024:") for i in ids)
    code, out, _ = run("show", "mine-2024:training", "--framework-file", str(own_framework))
    assert code == EXIT_OK
    assert "not reviewed" in out
    code, out, _ = run(
        "search",
        "training",
        "--framework-file",
        str(own_framework),
        "--framework",
        "mine-2024",
        "--format",
        "json",
    )
    assert code == EXIT_OK
    assert [r["id"] for r in json.loads(out)] == [
        p.id
        for p in pfio.read_catalog(own_framework, include_bundled=True).search("training")
        if p.framework_id == "mine-2024"
    ]
    assert run("search", "training", "--framework", "mine-2024")[0] == EXIT_USAGE  # not without the file


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_with_crosswalk_files(versions_csv: Path, fmt: str) -> None:
    code, out, _ = run("crosswalk", "export", "--format", fmt, "--crosswalk", str(versions_csv))
    assert code == EXIT_OK
    combined = pfio.read_crosswalk(versions_csv, include_bundled=True)
    if fmt == "csv":
        assert out == pfio.crosswalk_to_csv(combined)
    else:
        assert json.loads(out) == json.loads(json.dumps(pfio.crosswalk_to_node_link(combined)))
    code, out, _ = run("crosswalk", "export", "--format", fmt, "--crosswalk", str(versions_csv), "--replace")
    assert code == EXIT_OK
    alone = version_crosswalk(*VERSIONS)
    if fmt == "csv":
        assert out == pfio.crosswalk_to_csv(alone)
    else:
        assert len(json.loads(out)["edges"]) == len(alone.mappings)


def test_export_to_a_file_with_own_framework(
    own_framework: Path, own_crosswalk: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    argv = ["crosswalk", "export", "--out", str(target), "--framework-file", str(own_framework)]
    code, _, err = run(*argv, "--crosswalk", str(own_crosswalk), "--replace")
    assert code == EXIT_OK
    assert err == f"wrote {target} (1 mapping)\n"
    assert "mine-2024:training" in target.read_text(encoding="utf-8")
    code, _, err = run(*argv, "--crosswalk", str(own_crosswalk))
    assert code == EXIT_USAGE  # exists, no --force
    assert "already exists; use --force" in err


# --- mistakes ----------------------------------------------------------------------------------------------


def test_missing_files_are_usage_errors_one_line_each(tmp_path: Path) -> None:
    code, out, err = run(
        "coverage",
        *VERSIONS,
        "--crosswalk",
        "nope.csv",
        "--crosswalk",
        str(tmp_path),
        "--framework-file",
        "mine.txt",
    )
    assert code == EXIT_USAGE
    assert out == ""
    assert err.splitlines() == [
        "error: mine.txt: no such file",
        "error: nope.csv: no such file",
        f"error: {tmp_path}: is a directory, expected a file",
    ]


def test_an_unsupported_extension_suggests_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.cvs"
    path.write_text("x", encoding="utf-8")
    code, _, err = run("show", "uscm-2020", "--crosswalk", str(path))
    assert code == EXIT_USAGE
    expected = "unsupported file type '.cvs'; expected .toml or .json or .csv or .tsv (did you mean '.csv'?)"
    assert err == f"error: {path}: {expected}\n"


def test_replace_without_crosswalk_is_a_usage_error() -> None:
    code, _, err = run("coverage", *VERSIONS, "--replace")
    assert code == EXIT_USAGE
    assert err == "error: --replace needs --crosswalk FILE (the files to use instead)\n"


def test_a_crosswalk_given_as_a_framework_file_is_a_usage_error(versions_toml: Path) -> None:
    code, _, err = run("search", "x", "--framework-file", str(versions_toml))
    assert code == EXIT_USAGE
    assert err == (
        f"error: {versions_toml}: --framework-file expects a framework file (with 'principles'), "
        "not a crosswalk file (give it with --crosswalk)\n"
    )


def test_bad_crosswalk_files_are_data_errors_one_line_per_problem(versions_csv: Path, tmp_path: Path) -> None:
    text = versions_csv.read_text(encoding="utf-8")
    bad_csv = tmp_path / "bad.csv"
    lines = text.splitlines()
    lines[1] = lines[1].replace(
        "useofforce-2016:require-de-escalation,", "useofforce-2016:require-deescalation,", 1
    )
    lines[2] = lines[2].replace(",5,", ",15,", 1)
    bad_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"mappings": [', encoding="utf-8")
    code, out, err = run("coverage", *VERSIONS, "--crosswalk", str(bad_csv), "--crosswalk", str(bad_json))
    assert code == EXIT_DATA
    assert out == ""
    got = err.splitlines()
    assert len(got) == 3, err
    assert got[0].startswith(
        f"error: {bad_csv}: row 2, column 'FDE#': unknown id 'useofforce-2016:require-deescalation'"
    )
    assert got[0].endswith("(did you mean 'useofforce-2016:require-de-escalation'?)")
    assert got[1].startswith(f"error: {bad_csv}: row 3")
    assert "out of range" in got[1]
    assert got[2].startswith(f"error: {bad_json}: not valid JSON")


def test_a_crosswalk_naming_an_own_framework_needs_the_framework_file(own_crosswalk: Path) -> None:
    code, _, err = run("crosswalk", "export", "--format", "csv", "--crosswalk", str(own_crosswalk))
    assert code == EXIT_DATA
    assert err.startswith(f"error: {own_crosswalk}: mappings[0]")
    assert "mine-2024:training" in err
    assert len(err.splitlines()) == 1


def test_an_own_framework_clashing_with_a_bundled_id_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    pfio.dump(CATALOG.framework("uscm-2020"), path)
    code, _, err = run("show", "uscm-2020", "--framework-file", str(path))
    assert code == EXIT_DATA
    where = CATALOG.sources["uscm-2020"]
    assert err == f"error: {path}: id: framework id 'uscm-2020' is already in the catalog (from {where})\n"


def test_python_dash_m_coverage_with_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("mappings = [\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "coverage", *VERSIONS, "--crosswalk", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_DATA
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(f"error: {bad}: ")


CONTRADICTION = [
    {**m, "relationship": rel, "strength": strength, "rationale": "r", "mapped_by": "tests"}
    for m, rel, strength in (
        (
            {
                "source": "uscm-2020:sanctity-of-life/chokehold-ban",
                "target": "8cantwait-2020:ban-chokeholds-and-strangleholds",
                "rationale_type": "semantic",
                "basis": "analytic",
            },
            rel,
            strength,
        )
        for rel, strength in (("equal", 10), ("no_relationship", 0))
    )
]


@pytest.mark.parametrize(
    "argv",
    [
        ["coverage", "uscm-2020", "8cantwait-2020"],
        ["show", "8cantwait-2020:ban-chokeholds-and-strangleholds"],
        ["crosswalk", "export", "--format", "csv"],
    ],
)
def test_a_crosswalk_file_lint_refuses_is_refused_by_every_command(tmp_path: Path, argv: list[str]) -> None:
    # Issue 13: coverage used a crosswalk stating a pair both equal and no_relationship without a word.
    path = tmp_path / "contra.json"
    path.write_text(json.dumps({"id": "c", "title": "C", "data_version": "1", "mappings": CONTRADICTION}))
    code, _, err = run(*argv, "--crosswalk", str(path), "--replace")
    assert code == EXIT_DATA
    assert f"{path}: mappings[1], mappings[0]: related-and-unrelated" in err
