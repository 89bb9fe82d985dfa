"""``policeframeworks report``: the numbers equal the API's, files are safe, pictures are optional."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import Theme, load_catalog, load_seed_assessments
from policeframeworks.cli._common import EXIT_OK, EXIT_USAGE
from policeframeworks.report import (
    PLOT_HINT,
    REPORT_FILES,
    render_html,
    render_markdown,
    report_blocks,
    report_data,
)

CATALOG = load_catalog()


@pytest.fixture
def no_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)


def markdown_table(text: str, heading: str) -> list[dict[str, str]]:
    """The first table after ``## heading`` as a list of dicts."""
    section = text.split(f"## {heading}\n", 1)[1]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    first = section.index(lines[0])
    block = []
    for line in section[first:].splitlines():
        if not line.startswith("|"):
            break
        block.append(line)
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in block]
    return [dict(zip(cells[0], row, strict=True)) for row in cells[2:]]


def expected_numbers() -> dict[str, dict[str, int]]:
    return {
        fw.id: {
            "principles": len(fw.principles),
            "provisions": len(list(fw.iter_principles())),
            "leaves": sum(1 for p in fw.iter_principles() if not p.children),
            "framing": len(fw.framing),
        }
        for fw in CATALOG.frameworks
    }


def check_numbers(data: dict[str, object], markdown: str) -> None:
    expected = expected_numbers()
    frameworks = data["frameworks"]
    assert isinstance(frameworks, list)
    assert [f["id"] for f in frameworks] == list(CATALOG.framework_ids)
    for f in frameworks:
        for key, value in expected[f["id"]].items():
            assert f[key] == value, (f["id"], key)
    rows = markdown_table(markdown, "The frameworks")
    assert [r["id"] for r in rows] == list(CATALOG.framework_ids)
    for r in rows:
        for key, value in expected[r["id"]].items():
            assert int(r[key]) == value, (r["id"], key)
    cw = CATALOG.crosswalk
    joined = data["crosswalk"]["frameworks"]  # type: ignore[index]
    assert set(joined) == {
        f
        for m in cw.mappings
        for f in (m.source.split(":")[0], m.target.split(":")[0])
        if m.source.split(":")[0] != m.target.split(":")[0]
    }
    matrix = data["matrix"]
    assert isinstance(matrix, list)
    assert len(matrix) == len(joined) ** 2
    for row in matrix:
        report = cw.coverage(row["source"], row["target"])
        assert row["lower"] == report.lower
        assert row["upper"] == report.upper
        assert (row["covered"], row["touched"]) == (len(report.covered), len(report.touched))
        assert (row["no_relationship"], row["not_reviewed"]) == (
            len(report.no_relationship),
            len(report.not_reviewed),
        )
        assert (row["touched_share"], row["reviewed_share"]) == (report.touched_share, report.reviewed_share)
        assert row["leaves"] == len(report.leaves)
    label_rows = markdown_table(markdown, "Coverage matrix")
    for r in label_rows:
        source = r.pop("source \\\\ target")
        for target, cell in r.items():
            assert cell == cw.coverage(source, target).label
            if cw.coverage(source, target).reviewed_share < 1:  # never a bare percentage
                assert cell == "n/r" or cell.endswith("%*")
    uncovered = data["uncovered"]
    assert isinstance(uncovered, dict)
    for target in joined:
        others = [cw.coverage(s, target) for s in joined if s != target]
        expected = [leaf for leaf in others[0].leaves if not any(leaf in r.covered for r in others)]
        assert [u["id"] for u in uncovered[target]] == expected
        for u in uncovered[target]:
            assert u["touched_by"] == [r.source for r in others if u["id"] in r.touched]
            statuses = {str(r.status(u["id"])) for r in others}
            # unknown beats known-unrelated: a leaf another framework was never compared with may be covered
            best = next(st for st in ("touched", "not_reviewed", "no_relationship") if st in statuses)
            assert u["status"] == best
    check_assessments(data, markdown)
    theme_rows = markdown_table(markdown, "Themes per framework")
    by_theme = {r["theme"]: r for r in theme_rows}
    for theme in Theme:
        counts = {
            fw.id: sum(1 for p in fw.iter_principles() if not p.children and theme in p.themes)
            for fw in CATALOG.frameworks
        }
        leaves = {fw.id: sum(1 for p in fw.iter_principles() if not p.children) for fw in CATALOG.frameworks}
        shares = {k: f"{round(100 * n / leaves[k])}%" if n else "-" for k, n in counts.items()}
        if any(counts.values()):
            assert {k: v for k, v in by_theme[theme.value].items() if k != "theme"} == shares
            assert data["themes"][theme.value] == counts
        else:
            assert theme.value not in by_theme


def check_assessments(data: dict[str, object], markdown: str) -> None:
    """The example section equals scoring and projecting the seed assessments with the API."""
    seeds = load_seed_assessments()
    records = data["assessments"]
    assert isinstance(records, list)
    assert len(records) == len(seeds) >= 1
    for a, record in zip(seeds, records, strict=True):
        score = a.score()
        assert record["score"]["jurisdiction"] == str(a.jurisdiction)
        for key in ("adopted", "partial", "not_adopted", "unknown", "lower", "upper", "applicable"):
            assert record["score"][key] == getattr(score, key), key
        assert record["score"]["reported_total"] == a.reported_total
        assert record["explain"] == score.explain()
        assert [p["framework"] for p in record["projections"]] == list(CATALOG.framework_ids)
        rows = markdown_table(markdown, f"Example: {a.jurisdiction} projected onto every framework")
        assert [r["framework"] for r in rows] == list(CATALOG.framework_ids)
        for p, row in zip(record["projections"], rows, strict=True):
            projected = a.project(p["framework"], CATALOG.crosswalk)
            s = projected.score()
            assert p["assessed"] == (p["framework"] == a.framework_id)
            expected_mappings = (
                None if p["assessed"] else sum(len(f.derived_from) for f in projected.findings)
            )
            assert p["mappings"] == expected_mappings
            assert p["findings"] == len(projected.findings)
            for key in ("adopted", "partial", "lower", "upper", "applicable"):
                assert p[key] == getattr(s, key), (p["framework"], key)
                assert int(row[key]) == getattr(s, key), (p["framework"], key)
            assert row["mappings"] == ("" if expected_mappings is None else str(expected_mappings))
            assert row["how"] == ("assessed" if p["assessed"] else "projected")
        own = next(p for p in record["projections"] if p["assessed"])
        assert (own["lower"], own["upper"]) == (score.lower, score.upper)


def test_report_to_stdout_is_markdown_with_the_api_numbers() -> None:
    code, out, _ = run("report")
    assert code == EXIT_OK
    assert out.startswith("# ")
    check_numbers(report_data(CATALOG), out)


def test_report_files_equal_the_api(tmp_path: Path, no_matplotlib: None) -> None:
    folder = tmp_path / "out"
    code, out, err = run("report", "--out", str(folder))
    assert code == EXIT_OK
    assert out == ""
    assert sorted(p.name for p in folder.iterdir()) == sorted(REPORT_FILES)
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    markdown = (folder / "report.md").read_text(encoding="utf-8")
    check_numbers(data, markdown)
    assert data["figures"] == []
    assert PLOT_HINT in err
    assert PLOT_HINT in markdown


def test_report_is_honest_about_what_it_lacks() -> None:
    _, out, _ = run("report")
    assert "## What this report does not contain yet" not in out  # nothing pending now
    assert report_data(CATALOG)["pending"] == []
    # The bundled crosswalk joins every bundled framework, so the section on unjoined ones is left out ...
    assert report_data(CATALOG)["crosswalk"]["not_joined"] == []
    assert "## Frameworks the crosswalk does not join yet" not in out
    assert "## Coverage matrix" in out
    assert "## Principles no other framework covers" in out
    # ... and a report whose data has a framework no mapping joins says so.
    data = report_data(CATALOG)
    data["crosswalk"] = {**data["crosswalk"], "not_joined": ["useofforce-2016"]}
    text = render_markdown(report_blocks(data, None))
    section = text.split("## Frameworks the crosswalk does not join yet", 1)[1].split("\n## ", 1)[0]
    assert "coverage is unknown, not zero" in section
    assert "useofforce-2016" in section


def test_report_has_the_kankakee_example_projected_onto_every_framework() -> None:
    _, out, _ = run("report")
    section = out.split("## Example: Kankakee, IL projected onto every framework", 1)[1].split("\n## ", 1)[0]
    assert "exactly 5 of 8 applicable principles adopted" in section
    assert "a reported total that does not say which principles it counts is not carried over" in section
    rows = markdown_table(out, "Example: Kankakee, IL projected onto every framework")
    assert {r["framework"] for r in rows} == set(CATALOG.framework_ids)
    assert sum(1 for r in rows if r["how"] == "assessed") == 1


def test_report_refuses_to_replace_files_without_force(tmp_path: Path, no_matplotlib: None) -> None:
    assert run("report", "--out", str(tmp_path))[0] == EXIT_OK
    (tmp_path / "report.md").write_text("mine", encoding="utf-8")
    code, _, err = run("report", "--out", str(tmp_path))
    assert code == EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert "--force" in err
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "mine"
    code, _, _ = run("report", "--out", str(tmp_path), "--force")
    assert code == EXIT_OK
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_report_out_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report"
    target.write_text("x", encoding="utf-8")
    code, _, err = run("report", "--out", str(target))
    assert code == EXIT_USAGE
    assert err.splitlines() == [f"error: {target}: is a file, expected a folder for the report"]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_has_the_same_tables(tmp_path: Path, no_matplotlib: None) -> None:
    run("report", "--out", str(tmp_path))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    data = report_data(CATALOG)
    tables = (
        4
        + len(data["assessments"])
        + sum(1 for rows in data["uncovered"].values() if rows)
        + sum(1 for pair in data["pairs"] if pair["gaps"])
        + len(data["reported_totals"])
        + len(data["framework_principles"])
    )
    assert parser.tags.count("table") == tables
    assert "svg" not in parser.tags
    text = " ".join(parser.text)
    assert PLOT_HINT in text
    for fw in CATALOG.frameworks:
        assert fw.id in text


def test_html_escapes() -> None:
    page = render_html([("table", ["a"], [["<script>"]])], None)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_markdown_escapes_pipes() -> None:
    text = render_markdown([("table", ["a", "b"], [["x|y", 1]])])
    assert "x\\|y" in text


def test_blocks_mention_figures_only_when_drawn() -> None:
    data = report_data(CATALOG)
    assert not [b for b in report_blocks(data, None) if b[0] == "figure"]
    assert [b for b in report_blocks(data, {"themes.svg": "<svg/>"}) if b[0] == "figure"]


def test_report_with_matplotlib_draws_and_inlines_heatmaps(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    code, _, err = run("report", "--out", str(tmp_path))
    assert code == EXIT_OK
    assert PLOT_HINT not in err
    svg = (tmp_path / "themes.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "<dc:date>" not in svg  # reproducible: no date in the metadata
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    for name in ("themes.svg", "coverage.svg"):
        assert f"]({name})" in markdown
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["figures"] == ["coverage.svg", "themes.svg"]
    coverage = (tmp_path / "coverage.svg").read_text(encoding="utf-8")
    assert "100%" in coverage  # plot_coverage_matrix's cell labels: the diagonal covers itself
    assert "lower bound: share of the target covered" in coverage
    run("report", "--out", str(tmp_path), "--force")
    assert (tmp_path / "themes.svg").read_text(encoding="utf-8") == svg
    assert (tmp_path / "coverage.svg").read_text(encoding="utf-8") == coverage


def test_report_through_the_real_process(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "policeframeworks", "report", "--out", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stdout == ""
    assert "\r" not in proc.stderr  # no progress line when stderr is not a terminal
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    check_numbers(data, (tmp_path / "r" / "report.md").read_text(encoding="utf-8"))
