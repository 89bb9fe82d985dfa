"""Every CSV the package writes, fed hostile text: no cell a spreadsheet would run, and it reads back.

Hostile text (a city named ``=cmd|' /C calc'!A0``, a rationale ``=HYPERLINK(...)``, a file named
``=1+1.json``) goes in through every way a user's data reaches a CSV: framework, crosswalk and
assessment files, an assessment spreadsheet, file names on the command line. Every command with
``--format csv`` and every CSV writer of the library is run on it; the output is parsed and no cell
may start a formula. Where the user's text can reach the output, the test checks that it did (so it
cannot pass by printing nothing), and the readers of the package undo the escaping (so what is written
reads back equal).

A new command with ``--format csv``, or a new public CSV writer, fails
:func:`test_every_csv_command_is_walked` / :func:`test_every_csv_writer_is_walked` until it is added here.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    AssessmentSet,
    Finding,
    Jurisdiction,
    load_catalog,
)
from policeframeworks import io as pfio
from policeframeworks.cli import main
from policeframeworks.cli._main import build_parser
from policeframeworks.io._cells import csv_text, escape_cell, is_formula, unescape_cell

CATALOG = load_catalog()
#: Formula-looking texts the model accepts in names, titles and free text.
HOSTILE = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("https://evil.example","click")',
    "+1+2",
    "-3+4",
    "@SUM(A1:A2)",
    "\uff1dSUM(1)",
    "'=1+1",
)


def _hostile_framework(fid: str, *, changed: bool = False) -> dict[str, object]:
    data = pfio.to_dict(CATALOG.framework("policylink-2014"))
    data = json.loads(json.dumps(data).replace('"policylink-2014', f'"{fid}'))
    data["family"] = "hostile"
    data["version"] = fid
    data["title"] = HOSTILE[0]
    data["short_title"] = HOSTILE[1]
    data["publisher"] = HOSTILE[4]
    for i, p in enumerate(data["principles"]):  # type: ignore[attr-defined]
        p["title"] = HOSTILE[i % len(HOSTILE)]
        p["text"] = HOSTILE[(i + 1) % len(HOSTILE)] + (" (changed)" if changed and i == 0 else "")
    return data


def _hostile_crosswalk() -> dict[str, object]:
    return {
        "id": "hostile",
        "title": HOSTILE[0],
        "data_version": "1",
        "mappings": [
            {
                "source": f"hostile-2024:{end}",
                "relationship": "superset",
                "target": f"policylink-pledge:{end}",
                "rationale_type": "semantic",
                "strength": 8,
                "basis": "analytic",
                "rationale": HOSTILE[1],
                "mapped_by": HOSTILE[0],
            }
            for end in ("training",)
        ],
    }


def _hostile_assessment(assessor: str) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(
            name=HOSTILE[0], state="IL", kind="city", attributes={HOSTILE[4]: HOSTILE[1]}
        ),
        framework_id="8cantwait-2020",
        as_of="2020-06",
        assessor=assessor,
        method="document-review",
        findings=(
            Finding(principle_id="8cantwait-2020:duty-to-intervene", status="adopted", note=HOSTILE[1]),
            Finding(principle_id="8cantwait-2020:ban-chokeholds-and-strangleholds", status="partial"),
        ),
        notes=(HOSTILE[2],),
    )


@attrs.frozen
class Files:
    framework: str
    framework_b: str
    crosswalk: str
    crosswalk_csv: str
    assessments: str
    assessments_b: str
    spreadsheet: str


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Files:
    """Hostile user files, under hostile relative names, in the working folder."""
    monkeypatch.chdir(tmp_path)
    Path("=1+1.json").write_text(json.dumps(_hostile_framework("hostile-2024")), encoding="utf-8")
    Path("@b.json").write_text(json.dumps(_hostile_framework("hostile-2025", changed=True)), encoding="utf-8")
    Path("+cw.json").write_text(json.dumps(_hostile_crosswalk()), encoding="utf-8")
    catalog = pfio.read_catalog("=1+1.json", "@b.json", include_bundled=True)
    pfio.write_crosswalk_csv(
        pfio.read_crosswalk("+cw.json", catalog=catalog, include_bundled=True), "@cw.csv"
    )
    pfio.dump(AssessmentSet(assessments=(_hostile_assessment(HOSTILE[4]),)), "=a.json")
    pfio.dump(AssessmentSet(assessments=(_hostile_assessment(HOSTILE[5]),)), "=b.json")
    ids = CATALOG.framework("8cantwait-2020").principle_ids
    Path("=sheet.csv").write_text(  # as a user's spreadsheet holds it: nothing escaped
        csv_text_raw(
            [
                ["name", "state", "kind", "as_of", "assessor", "method", ids[0], ids[1], HOSTILE[3]],
                [HOSTILE[0], "IL", "city", "2020", HOSTILE[4], "document-review", "1", "0", HOSTILE[1]],
            ]
        ),
        encoding="utf-8",
    )
    return Files("=1+1.json", "@b.json", "+cw.json", "@cw.csv", "=a.json", "=b.json", "=sheet.csv")


def csv_text_raw(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _cases(f: Files) -> Iterator[tuple[tuple[str, ...], list[str], bool]]:
    """(command path, argv, whether the user's text reaches the output)."""
    fw = ["--framework-file", f.framework]
    both = [*fw, "--framework-file", f.framework_b]
    cw = ["--crosswalk", f.crosswalk]
    yield ("frameworks",), ["frameworks"], False
    yield ("show",), ["show", "hostile-2024", *fw], True
    yield ("show",), ["show", "hostile-2024:training", *fw, *cw], True
    yield ("search",), ["search", "SUM", *fw], True
    yield ("coverage",), ["coverage", "hostile-2024", "policylink-pledge", *fw, *cw], False
    yield ("coverage",), ["coverage", "hostile-2024", "policylink-pledge", "--explain", *fw, *cw], False
    yield ("coverage",), ["coverage", "--matrix", *fw, "--crosswalk", f.crosswalk_csv], False
    yield ("crosswalk", "lint"), ["crosswalk", "lint", f.crosswalk, f.crosswalk_csv, f.assessments], True
    yield ("crosswalk", "export"), ["crosswalk", "export", *fw, *cw], True
    yield ("diff",), ["diff", "hostile-2024", "hostile-2025", *both], True
    yield ("diff",), ["diff", "--crosswalk", "hostile-2024", "hostile-2025", *both], True
    yield ("endorsements",), ["endorsements"], False
    yield ("assess", "import"), ["assess", "import", f.spreadsheet, "--framework", "8cantwait-2020"], True
    yield ("assess", "score"), ["assess", "score", f.assessments], True
    yield ("assess", "score"), ["assess", "score", "--explain", f.assessments], True
    yield ("assess", "project"), ["assess", "project", f.assessments, "--onto", "uscm-2020"], True
    yield ("assess", "summary"), ["assess", "summary", f.assessments], False
    yield ("assess", "summary"), ["assess", "summary", "--distribution", f.assessments], False
    yield ("assess", "summary"), ["assess", "summary", "--by", "state", f.assessments], False
    yield ("assess", "changes"), ["assess", "changes", f.assessments, f.assessments_b, "--matches"], True
    yield ("assess", "changes"), ["assess", "changes", f.assessments, f.assessments_b], False
    yield ("assess", "agreement"), ["assess", "agreement", f.assessments, f.assessments_b], False
    yield ("validate",), ["validate", f.framework, f.crosswalk_csv, f.assessments, f.spreadsheet], True


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _csv_commands(child, (*path, name))
        elif "--format" in action.option_strings and "csv" in (action.choices or ()):
            yield path


def test_every_csv_command_is_walked(files: Files) -> None:
    walked = {path for path, _, _ in _cases(files)}
    assert set(_csv_commands(build_parser())) == walked


@pytest.mark.parametrize("index", range(23))
def test_csv_commands_escape_hostile_text(files: Files, index: int) -> None:
    _, argv, reaches = list(_cases(files))[index]
    code, out, err = _run([*argv, "--format", "csv"])
    assert "internal error" not in err
    assert code in (0, 1), (argv, err)
    rows = _cells(out)
    assert rows, (argv, err)
    unsafe = [cell for row in rows for cell in row if is_formula(cell)]
    assert unsafe == [], argv
    if reaches:
        text = "\n".join(unescape_cell(cell) for row in rows for cell in row)
        hostile = (*HOSTILE, *attrs.astuple(files))
        assert any(h in text for h in hostile), f"{argv}: the hostile text never reached the output"


def test_case_count_matches_the_parametrization(files: Files) -> None:
    assert len(list(_cases(files))) == 23


# --------------------------------------------------------------------------- library writers

WRITERS = {
    "crosswalk_to_csv",
    "write_crosswalk_csv",
    "csv_text",
    "write_assessments_csv",
    "write_summary_csv",
}


def test_every_csv_writer_is_walked() -> None:
    # Crosswalk.to_csv, deprecated, is io.crosswalk_to_csv / io.write_crosswalk_csv under an old name.
    public = {n for n in pfio.__all__ if "csv" in n and not n.startswith(("read_", "crosswalk_from_"))}
    assert public == WRITERS


def _assert_safe(text: str) -> list[list[str]]:
    rows = _cells(text)
    assert [c for row in rows for c in row if is_formula(c)] == []
    return rows


def test_crosswalk_csv_escapes_and_reads_back(files: Files) -> None:
    catalog = pfio.read_catalog(files.framework, include_bundled=True)
    cw = pfio.read_crosswalk(files.crosswalk, catalog=catalog, include_bundled=True)
    text = pfio.crosswalk_to_csv(cw)
    pfio.write_crosswalk_csv(cw, "cw.csv")
    assert Path("cw.csv").read_text(encoding="utf-8") == text
    rows = _assert_safe(text)
    assert any(HOSTILE[0] == unescape_cell(c) for row in rows for c in row)
    back = pfio.crosswalk_from_csv(text, file="x.csv", catalog=catalog)
    assert back.mappings == cw.mappings  # CSV holds mappings only; declared reviews are not in it


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_assessment_csv_escapes_and_reads_back(tmp_path: Path, layout: str) -> None:
    a = attrs.evolve(_hostile_assessment("coder"), notes=())
    a = attrs.evolve(a, findings=tuple(attrs.evolve(x, note=None) for x in a.findings))
    path = tmp_path / "a.csv"
    pfio.write_assessments_csv([a], path, layout=layout)  # type: ignore[arg-type]
    rows = _assert_safe(path.read_text(encoding="utf-8"))
    assert any(HOSTILE[0] == unescape_cell(c) for row in rows for c in row)
    (back,) = pfio.read_assessments_csv(path, framework="8cantwait-2020", layout=layout)  # type: ignore[arg-type]
    assert back.jurisdiction.name == HOSTILE[0]
    assert back.jurisdiction.attributes == a.jurisdiction.attributes


@pytest.mark.parametrize("table", ["principles", "distribution"])
def test_summary_csv_escapes(tmp_path: Path, table: str) -> None:
    from policeframeworks import summarize

    path = tmp_path / "s.csv"
    pfio.write_summary_csv(summarize([_hostile_assessment("x")]), path, table=table)  # type: ignore[arg-type]
    assert len(_assert_safe(path.read_text(encoding="utf-8"))) > 1


# --------------------------------------------------------------------------- the cells module

ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from([*HOSTILE, "'", "''", " '="])


@given(ANY_TEXT)
def test_escaped_cells_never_start_a_formula_and_unescape_back(value: str) -> None:
    escaped = escape_cell(value)
    assert not is_formula(escaped)
    assert unescape_cell(escaped) == value


@given(ANY_TEXT)
def test_safe_cells_are_written_as_they_are(value: str) -> None:
    if not is_formula(value) and value[:1] != "'":
        assert escape_cell(value) == value


@given(st.lists(st.lists(ANY_TEXT, min_size=1, max_size=4), min_size=1, max_size=4))
def test_csv_text_parses_back_to_the_rows(rows: list[list[str]]) -> None:
    parsed = _assert_safe(csv_text(rows))
    assert [[unescape_cell(c) for c in row] for row in parsed] == rows
