"""``policeframeworks diff``: the API's comparison in every format, the version crosswalk, the mistakes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import diff, load_catalog, version_crosswalk
from policeframeworks import io as pfio
from policeframeworks.cli._cmd_diff import DIFF_CSV, STATUSES
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()
VERSIONS = ("useofforce-2016", "8cantwait-2020")
PAIRS = [VERSIONS, VERSIONS[::-1], ("uscm-2020", "uscm-2020"), ("policylink-2014", "policylink-pledge")]


def expected_status(c: object) -> str:
    return "reworded" if c.reworded else "changed" if c.changed else "unchanged"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_json_equals_the_api(a: str, b: str) -> None:
    code, out, _ = run("diff", a, b, "--format", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    d = diff(a, b)
    assert (data["before"], data["after"], data["same_family"]) == (a, b, d.same_family)
    assert (data["before_family"], data["after_family"]) == (
        CATALOG.framework(a).family,
        CATALOG.framework(b).family,
    )
    rows = data["principles"]
    assert [r["before"] for r in rows if r["status"] == "removed"] == [p.id for p in d.removed]
    assert [r["after"] for r in rows if r["status"] == "added"] == [q.id for q in d.added]
    matched = [r for r in rows if r["status"] not in ("removed", "added")]
    assert [(r["before"], r["after"], r["matched_by"], r["changed"], r["status"]) for r in matched] == [
        (c.before.id, c.after.id, c.matched_by, list(c.changed), expected_status(c)) for c in d.matched
    ]
    assert [(r["before_title"], r["after_title"]) for r in matched] == [
        (c.before.title, c.after.title) for c in d.matched
    ]
    assert data["counts"] == {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
    assert data["counts"]["reworded"] == len(d.reworded)
    assert data["counts"]["unchanged"] == len(d.unchanged)
    assert all(list(r) == list(DIFF_CSV) for r in rows)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_csv_has_the_json_rows(a: str, b: str) -> None:
    code, out, _ = run("diff", a, b, "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(DIFF_CSV)
    _, js, _ = run("diff", a, b, "--format", "json")
    expected = json.loads(js)["principles"]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got["changed"] == "; ".join(want["changed"])
        for key in ("status", "before", "after", "matched_by", "before_title", "after_title"):
            assert got[key] == (want[key] or ""), key


def test_table_groups_every_principle_under_its_status() -> None:
    code, out, err = run("diff", *VERSIONS)
    assert code == EXIT_OK
    assert err == ""
    d = diff(*VERSIONS)
    assert "same family: campaign-zero-eight" in out
    assert "1 removed, 1 added, 7 reworded, 0 otherwise changed, 0 unchanged" in out
    removed = out.split("Removed (only in useofforce-2016):")[1].split("Added")[0]
    added = out.split("Added (only in 8cantwait-2020):")[1].split("Reworded")[0]
    reworded = out.split("Reworded (title or text differ):")[1]
    assert [p.id for p in d.removed] == [w for w in removed.split() if w.startswith("useofforce-2016:")]
    assert [q.id for q in d.added] == [w for w in added.split() if w.startswith("8cantwait-2020:")]
    for c in d.reworded:
        assert f"  ~ {c.before.id}\n    -> {c.after.id} (" in reworded
        assert c.before.title in " ".join(reworded.split())
    assert "-> 8cantwait-2020:duty-to-intervene (declared; title, text)" in reworded
    for line in out.splitlines():
        assert len(line) <= 80 or any(len(w) > 60 for w in line.split()), line


def test_a_framework_against_itself_is_all_unchanged() -> None:
    _, out, _ = run("diff", "uscm-2020", "uscm-2020")
    n = sum(1 for _ in CATALOG.framework("uscm-2020").iter_principles())
    assert f"0 removed, 0 added, 0 reworded, 0 otherwise changed, {n} unchanged" in out
    assert "Unchanged:" in out


def test_different_families_are_compared_with_a_note() -> None:
    code, out, err = run("diff", "policylink-2014", "policylink-pledge")
    assert code == EXIT_OK
    assert "different families: policylink-open-letter, policylink-mayoral-pledge" in out
    assert err.startswith("note: policylink-2014 and policylink-pledge are not versions of one framework")
    assert len(err.splitlines()) == 1
    _, js, _ = run("diff", "policylink-2014", "policylink-pledge", "--format", "json")
    assert json.loads(js)["same_family"] is False


# --- --crosswalk -------------------------------------------------------------------------------------------


def test_crosswalk_table_lists_every_generated_mapping() -> None:
    code, out, _ = run("diff", *VERSIONS, "--crosswalk")
    assert code == EXIT_OK
    cw = version_crosswalk(*VERSIONS)
    flat = " ".join(out.split())
    for m in cw.mappings:
        assert f"{m.source} {m.relationship} {m.target} ({m.strength}/10)" in flat
        assert " ".join(m.rationale.split()) in flat
    assert f"{len(cw.mappings)} generated mappings" in flat
    assert "without a counterpart, so not mapped: 1 principle in useofforce-2016, 1 in 8cantwait-2020" in flat


def test_crosswalk_csv_is_the_export_format_and_reads_back(tmp_path: Path) -> None:
    code, out, _ = run("diff", *VERSIONS, "--crosswalk", "--format", "csv")
    assert code == EXIT_OK
    cw = version_crosswalk(*VERSIONS)
    assert out == pfio.crosswalk_to_csv(cw)
    path = tmp_path / "versions.csv"
    path.write_text(out, encoding="utf-8")
    assert pfio.read_crosswalk(path) == cw


def test_crosswalk_json_is_a_crosswalk_document_that_reads_back(tmp_path: Path) -> None:
    from policeframeworks._mapping import CrosswalkDocument

    code, out, _ = run("diff", *VERSIONS, "--crosswalk", "--format", "json")
    assert code == EXIT_OK
    doc = pfio.from_dict(json.loads(out), CrosswalkDocument)
    assert doc.id == "useofforce-2016-to-8cantwait-2020"
    assert doc.frameworks == VERSIONS
    assert doc.mappings == version_crosswalk(*VERSIONS).mappings
    path = tmp_path / "versions.json"
    path.write_text(out, encoding="utf-8")
    assert run("crosswalk", "lint", str(path))[0] == EXIT_OK


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "uscm-2020",
            "8cantwait-2020",
            "B: '8cantwait-2020' is of family 'campaign-zero-eight', 'uscm-2020'",
        ),
        ("uscm-2020", "uscm-2020", "B: 'uscm-2020' is the same framework as A"),
    ],
)
def test_crosswalk_needs_two_versions_of_one_family(a: str, b: str, expected: str) -> None:
    code, out, err = run("diff", a, b, "--crosswalk")
    assert code == EXIT_USAGE
    assert out == ""
    assert err.startswith(f"error: {expected}")
    assert len(err.splitlines()) == 1


# --- mistakes ----------------------------------------------------------------------------------------------


def test_unknown_ids_suggest_the_closest_one_line_each() -> None:
    code, out, err = run("diff", "useofforce", "8cantwait")
    assert code == EXIT_USAGE
    assert out == ""
    assert err.splitlines() == [
        "error: A: unknown framework id 'useofforce' (did you mean 'useofforce-2016'?)",
        "error: B: unknown framework id '8cantwait' (did you mean '8cantwait-2020'?)",
    ]


def test_a_principle_id_is_not_a_framework_id() -> None:
    code, _, err = run("diff", "useofforce-2016:require-de-escalation", "8cantwait-2020")
    assert code == EXIT_USAGE
    assert "is a principle; expected a framework id such as 'useofforce-2016'" in err


def test_missing_argument_is_a_usage_error() -> None:
    assert run("diff", "useofforce-2016")[0] == EXIT_USAGE


# --- the user's own framework files ------------------------------------------------------------------------


def draft_of(tmp_path: Path, source: str = "useofforce-2016", new_id: str = "mydraft-2025") -> Path:
    """A copy of a bundled framework under a new id, with one principle's title changed."""
    data = pfio.to_dict(CATALOG.framework(source))
    text = json.dumps(data).replace(f'"{source}', f'"{new_id}').replace(f'"{source}:', f'"{new_id}:')
    draft = json.loads(text)
    draft["principles"][1]["title"] = "A new title"
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    return path


def test_a_draft_version_from_a_file(tmp_path: Path) -> None:
    path = draft_of(tmp_path)
    code, out, err = run(
        "diff", "useofforce-2016", "mydraft-2025", "--framework-file", str(path), "--format", "json"
    )
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data["same_family"] is True
    reworded = [r for r in data["principles"] if r["status"] == "reworded"]
    assert [(r["before"], r["after_title"], r["changed"]) for r in reworded] == [
        ("useofforce-2016:require-de-escalation", "A new title", ["title"])
    ]
    code, out, _ = run(
        "diff", "useofforce-2016", "mydraft-2025", "--framework-file", str(path), "--crosswalk"
    )
    assert code == EXIT_OK
    assert "equal mydraft-2025:life-preservation (10/10)" in " ".join(out.split())


def test_a_bad_framework_file_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x", "principles": [', encoding="utf-8")
    code, _, err = run("diff", "useofforce-2016", "x", "--framework-file", str(path))
    assert code == EXIT_DATA
    assert err.startswith(f"error: {path}: not valid JSON")
    assert len(err.splitlines()) == 1


def test_python_dash_m_diff() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "diff", *VERSIONS, "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_OK
    assert proc.stderr == ""
    assert (
        proc.stdout.splitlines()[1]
        == "removed,useofforce-2016:life-preservation,,,,Life preservation as the primary principle,"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "diff", "uscm-2020", "8cantwait-2020", "--crosswalk"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_USAGE
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1
