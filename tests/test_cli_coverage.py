"""``policeframeworks coverage``: the numbers of the API, each format, and the typing mistakes people make."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from clihelpers import run
from policeframeworks import load_catalog
from policeframeworks.cli._cmd_coverage import COVERAGE_CSV, MATRIX_COLUMNS
from policeframeworks.cli._common import EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()
CW = CATALOG.crosswalk
PAIRS = [
    ("8cantwait-2020", "uscm-2020"),
    ("uscm-2020", "8cantwait-2020"),
    ("policylink-2014", "policylink-pledge"),
]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_json_equals_the_api(source: str, target: str) -> None:
    code, out, _ = run("coverage", source, target, "--format", "json", "--explain")
    assert code == EXIT_OK
    data = json.loads(out)
    report = CW.coverage(source, target)
    assert data["lower"] == report.lower
    assert data["upper"] == report.upper
    assert data["covered"] == list(report.covered)
    assert data["touched"] == list(report.touched)
    assert data["uncovered"] == list(report.uncovered)
    assert [t["target"] for t in data["targets"]] == list(report.leaves)
    for t in data["targets"]:
        explanation = report.explain(t["target"])
        assert t["status"] == str(explanation.status)
        assert [(m["source"], m["relationship"], m["target"]) for m in t["mappings"]] == [
            (m.source, str(m.relationship), m.target) for m in explanation.mappings
        ]


def test_json_without_explain_has_no_mappings() -> None:
    _, out, _ = run("coverage", "8cantwait-2020", "uscm-2020", "--format", "json")
    assert all("mappings" not in t for t in json.loads(out)["targets"])


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_table_summary_and_rows(source: str, target: str) -> None:
    code, out, _ = run("coverage", source, target)
    assert code == EXIT_OK
    report = CW.coverage(source, target)
    n, c = len(report.leaves), report.counts
    assert f"shown as        {report.label}\n" in out
    assert f"lower bound     {report.lower:.2f}: {c['covered']} of {n} leaf principles covered" in out
    assert f"touched share   {report.touched_share:.2f}: {len(report.touched)} of {n} covered or" in out
    assert f"upper bound     {report.upper:.2f}: {n - c['no_relationship']} of {n} not known" in out
    assert f"reviewed share  {report.reviewed_share:.2f}: {n - c['not_reviewed']} of {n} reviewed" in out
    long_ids = any(len(leaf) > 60 for leaf in report.leaves)  # kept whole, they widen the table
    for line in out.splitlines():
        assert len(line) <= 80 or long_ids
    for leaf in report.leaves:
        assert leaf in out


def test_explain_names_the_mappings_behind_every_covered_target() -> None:
    code, out, _ = run("coverage", "8cantwait-2020", "uscm-2020", "--explain")
    assert code == EXIT_OK
    report = CW.coverage("8cantwait-2020", "uscm-2020")
    for leaf in report.covered:
        for m in report.explain(leaf).covering:
            assert m.source in out
    assert "uscm-2020:sanctity-of-life/moving-vehicles: covered" in out


def test_csv_rows() -> None:
    code, out, _ = run("coverage", "8cantwait-2020", "uscm-2020", "--format", "csv", "--explain")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [*COVERAGE_CSV, "mappings"]
    report = CW.coverage("8cantwait-2020", "uscm-2020")
    assert [r["target"] for r in rows] == list(report.leaves)
    assert [r["target"] for r in rows if r["status"] == "covered"] == list(report.covered)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_matrix_equals_the_api(fmt: str) -> None:
    code, out, _ = run("coverage", "--matrix", "--format", fmt)
    assert code == EXIT_OK
    matrix = CW.matrix()
    pairs = [(s, t) for s in matrix.frameworks for t in matrix.frameworks]
    if fmt == "json":
        rows = json.loads(out)
        assert [(r["source"], r["target"], r["lower"], r["upper"]) for r in rows] == list(matrix.rows())
        for r, (s, t) in zip(rows, pairs, strict=True):
            rep = matrix.report(s, t)
            assert r["label"] == rep.label
            assert (r["covered"], r["touched"], r["reviewed"], r["leaves"]) == (
                len(rep.covered),
                len(rep.touched),
                len(rep.leaves) - len(rep.not_reviewed),
                len(rep.leaves),
            )
            assert (r["no_relationship"], r["not_reviewed"]) == (
                len(rep.no_relationship),
                len(rep.not_reviewed),
            )
            assert (r["touched_share"], r["reviewed_share"]) == (rep.touched_share, rep.reviewed_share)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert tuple(rows[0]) == MATRIX_COLUMNS
        for r, (s, t, lower, upper) in zip(rows, matrix.rows(), strict=True):
            rep = matrix.report(s, t)
            assert (r["source"], r["target"], r["label"]) == (s, t, rep.label)
            assert float(r["lower"]) == pytest.approx(lower, abs=5e-4)
            assert float(r["upper"]) == pytest.approx(upper, abs=5e-4)
            assert int(r["not_reviewed"]) == len(rep.not_reviewed)
    else:
        lines = out.splitlines()
        assert all(len(line) <= 80 for line in lines)
        table = lines[: 2 + len(pairs)]
        assert table[0].split() == ["source", "target", "coverage", "cov", "tch", "unrel", "unrev", "of"]
        for line, (s, t) in zip(table[2:], pairs, strict=True):
            rep = matrix.report(s, t)
            assert line.split() == [s, t, rep.label, *map(str, rep.counts.values()), str(len(rep.leaves))]
        assert "* partly reviewed" in " ".join(lines[2 + len(pairs) :])


def test_unreviewed_pairs_are_never_a_bare_percentage_in_the_matrix() -> None:
    code, out, _ = run("coverage", "--matrix", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["label"] == "n/r" for r in rows)
    for r in rows:
        if r["not_reviewed"] == r["leaves"]:
            assert r["label"] == "n/r"
        elif r["not_reviewed"] != "0":
            assert r["label"].endswith("%*"), r
            assert "-" in r["label"]
        else:
            assert not r["label"].endswith("*")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["coverage", "uscm", "8cantwait"], ["did you mean 'uscm-2020'", "did you mean '8cantwait-2020'"]),
        (["coverage", "uscm-2020", "8cantwiat-2020"], ["TARGET: unknown framework id '8cantwiat-2020'"]),
        (["coverage", "uscm-2020:community", "8cantwait-2020"], ["is a principle; expected a framework id"]),
        (["coverage", "uscm-2020"], ["needs SOURCE and TARGET"]),
        (["coverage", "--matrix", "uscm-2020"], ["takes no SOURCE or TARGET"]),
        (["coverage", "--matrix", "--explain"], ["--explain works with SOURCE TARGET"]),
    ],
)
def test_typing_mistakes_are_usage_errors(argv: list[str], expected: list[str]) -> None:
    code, out, err = run(*argv)
    assert code == EXIT_USAGE
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == len(expected)  # one line per problem
    for line, words in zip(lines, expected, strict=True):
        assert line.startswith("error: ")
        assert words in line
    assert "Traceback" not in err


def test_coverage_uscm_8cantwait_in_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "coverage", "uscm", "8cantwait"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_USAGE
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        "error: SOURCE: unknown framework id 'uscm' (did you mean 'uscm-2020'?)",
        "error: TARGET: unknown framework id '8cantwait' (did you mean '8cantwait-2020'?)",
    ]
