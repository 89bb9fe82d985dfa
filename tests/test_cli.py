"""The command line through its real entry point: catalog commands, formats, errors and exit codes."""

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
from policeframeworks import load_catalog
from policeframeworks.cli import build_parser
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()


def run_process(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policeframeworks", *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def assert_fits(text: str, width: int = 80) -> None:
    """Lines fit ``width``, except where an id too long to fit (never broken) widens a table or a line."""
    if any(len(token) > 60 and ":" in token for token in text.split()):
        width = 80 + max(len(token) for token in text.split())
    for line in text.splitlines():
        if "://" in line:  # addresses are never broken
            continue
        if any(len(token) > 50 for token in line.split()):  # nor are ids (a few are very long)
            continue
        assert len(line) <= width, line


def assert_one_error_line(err: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err


# --- the parser -------------------------------------------------------------------------------------------


def test_every_command_module_registers_commands() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"frameworks", "show", "search", "diff", "endorsements", "validate", "report"} <= set(sub.choices)  # type: ignore[attr-defined]


def test_no_command_prints_help_and_exits_2() -> None:
    code, out, _ = run()
    assert code == EXIT_USAGE
    assert "frameworks" in out


def test_unknown_command_is_a_usage_error() -> None:
    code, _, _ = run("frameworkz")
    assert code == EXIT_USAGE


def test_unknown_option_is_a_usage_error() -> None:
    code, _, _ = run("frameworks", "--format", "xml")
    assert code == EXIT_USAGE


# --- frameworks ---------------------------------------------------------------------------------------------


def test_frameworks_table_fits_80_columns_and_lists_every_framework() -> None:
    code, out, err = run("frameworks")
    assert code == EXIT_OK
    assert err == ""
    assert_fits(out)
    for fw in CATALOG.frameworks:
        assert fw.id in out


def test_frameworks_table_never_lists_an_incomplete_framework_without_its_mark() -> None:
    from policeframeworks.cli._cmd_catalog import INCOMPLETE_MARK, INCOMPLETE_NOTE

    _, out, _ = run("frameworks")
    table, _, footnote = out.partition("\n\n")
    assert CATALOG.incomplete()  # the bundled catalog holds some frameworks only in part
    assert " ".join(footnote.split()) == INCOMPLETE_NOTE
    # Each framework's rows run from its id to the next id; the mark is within them exactly when incomplete.
    blocks: dict[str, str] = {}
    current = None
    for line in table.splitlines()[2:]:
        first = line.split(" ", 1)[0]
        if first:
            current = first
        assert current is not None
        blocks[current] = blocks.get(current, "") + line + "\n"
    assert list(blocks) == list(CATALOG.framework_ids)
    for fw in CATALOG.frameworks:
        assert (INCOMPLETE_MARK in blocks[fw.id]) is (not fw.complete), fw.id


def test_frameworks_table_has_no_footnote_when_every_framework_is_complete(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import policeframeworks
    from policeframeworks import Catalog
    from policeframeworks.cli._cmd_catalog import INCOMPLETE_MARK

    complete = Catalog([fw for fw in CATALOG.frameworks if fw.complete])
    monkeypatch.setattr(policeframeworks, "load_catalog", lambda: complete)
    _, out, _ = run("frameworks")
    assert INCOMPLETE_MARK not in out
    assert out.count("\n\n") == 0


def test_frameworks_json_matches_the_api() -> None:
    code, out, _ = run("frameworks", "--format", "json")
    assert code == EXIT_OK
    rows = json.loads(out)
    assert [r["id"] for r in rows] == list(CATALOG.framework_ids)
    for row in rows:
        fw = CATALOG.framework(row["id"])
        assert row["principles"] == len(fw.principles)
        assert row["provisions"] == sum(1 for _ in fw.iter_principles())
        assert row["title"] == fw.short_title


def test_frameworks_csv_has_the_documented_columns() -> None:
    code, out, _ = run("frameworks", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "title", "publisher", "date", "principles", "complete"]
    assert [r["id"] for r in rows] == list(CATALOG.framework_ids)
    assert [r["complete"] for r in rows] == ["true" if fw.complete else "false" for fw in CATALOG.frameworks]


# --- show ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fw_id", CATALOG.framework_ids)
def test_show_framework_table_is_a_tree_of_every_principle(fw_id: str) -> None:
    code, out, _ = run("show", fw_id)
    assert code == EXIT_OK
    assert_fits(out)
    fw = CATALOG.framework(fw_id)
    for p in fw.iter_principles():
        assert p.id in out
    # children are indented deeper than their parents
    for p in fw.iter_principles():
        for child in p.children:
            parent_line = next(line for line in out.splitlines() if line.strip() == p.id)
            child_line = next(line for line in out.splitlines() if line.strip() == child.id)
            if len(child_line) < 80:  # ids too long to indent are moved left, never broken
                depth = len(child_line) - len(child_line.lstrip())
                assert depth > len(parent_line) - len(parent_line.lstrip())


def test_show_framework_json_is_the_framework_file_format() -> None:
    code, out, _ = run("show", "uscm-2020", "--format", "json")
    assert code == EXIT_OK
    assert pfio.from_dict(json.loads(out), type(CATALOG.framework("uscm-2020"))) == CATALOG.framework(
        "uscm-2020"
    )


def test_show_framework_csv_has_one_row_per_principle_and_framing_statement() -> None:
    code, out, _ = run("show", "uscm-2020", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    fw = CATALOG.framework("uscm-2020")
    expected = [p.id for top in fw.framing for p in top.walk()] + [p.id for p in fw.iter_principles()]
    assert [r["id"] for r in rows] == expected
    assert list(rows[0]) == ["id", "parent", "depth", "group", "number", "title", "wording", "themes"]
    chokehold = next(r for r in rows if r["id"].endswith("/chokehold-ban"))
    assert chokehold["parent"] == "uscm-2020:sanctity-of-life"
    assert chokehold["depth"] == "1"
    assert rows[0]["group"] == "framing"


def test_show_principle_table_has_wording_themes_citation() -> None:
    p = CATALOG.principle("uscm-2020:sanctity-of-life")
    code, out, _ = run("show", p.id)
    assert code == EXIT_OK
    assert_fits(out)
    assert "Wording:   verbatim" in out
    assert all(str(t) in out for t in p.themes)
    assert p.citation.url in out
    assert "Sub-provisions:" in out
    assert "Mappings" in out


def test_show_principle_json_is_stable() -> None:
    from policeframeworks.cli._cmd_catalog import PRINCIPLE_KEYS

    pid = "8cantwait-2020:duty-to-intervene"
    code, out, _ = run("show", pid, "--format", "json")
    assert code == EXIT_OK
    record = json.loads(out)
    assert tuple(record) == PRINCIPLE_KEYS
    p = CATALOG.principle(pid)
    assert record["text"] == p.text
    assert record["themes"] == [str(t) for t in p.themes]
    assert record["framework"] == "8cantwait-2020"
    assert record["citation"]["url"] == p.citation.url
    assert [(m["relationship"], m["target"]) for m in record["mappings"]] == [
        (str(m.relationship), m.target) for m in CATALOG.crosswalk.related(pid)
    ]
    assert record["mappings"]
    assert all(m["source"] == pid for m in record["mappings"])


def test_show_principle_csv_is_one_row() -> None:
    from policeframeworks.cli._cmd_catalog import PRINCIPLE_CSV

    pid = "uscm-2020:sanctity-of-life/chokehold-ban"
    code, out, _ = run("show", pid, "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    assert tuple(rows[0]) == PRINCIPLE_CSV
    assert rows[0]["parent"] == "uscm-2020:sanctity-of-life"


def test_show_principle_lists_every_mapping_touching_it() -> None:
    pid = "uscm-2020:community"
    code, out, _ = run("show", pid)
    assert code == EXIT_OK
    assert_fits(out)
    for m in CATALOG.crosswalk.related(pid):
        assert f"{m.relationship} {m.target}" in out


def test_show_principle_without_mappings_says_why() -> None:
    code, out, _ = run("show", "perf-2016:first-aid")
    assert code == EXIT_OK
    assert "Mappings:  none on this principle itself (not reviewed" in out


def test_show_framing_statement_says_it_is_not_counted() -> None:
    code, out, _ = run("show", "uscm-2020:peel-framing")
    assert code == EXIT_OK
    assert "framing statement" in out


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["show", "uscm"], "uscm-2020"),
        (["show", "8cantwait"], "8cantwait-2020"),
        (["show", "uscm-2020:sanctity-of-lfe"], "uscm-2020:sanctity-of-life"),
        (["show", "sanctity-of-life"], "uscm-2020:sanctity-of-life"),
        (["show", "uscm-2020:sanctity-of-life", "--debug", "--format", "yaml"], None),
    ],
)
def test_show_misspelled_id_is_one_line_exit_2(argv: list[str], suggestion: str | None) -> None:
    code, out, err = run(*argv)
    assert code == EXIT_USAGE
    assert out == ""
    if suggestion is not None:
        assert_one_error_line(err)
        assert f"did you mean '{suggestion}'" in err


def test_debug_shows_the_traceback_and_keeps_the_exit_code() -> None:
    plain = run("show", "uscm")
    assert plain[0] == EXIT_USAGE
    assert "Traceback" not in plain[2]
    for argv in (["--debug", "show", "uscm"], ["show", "uscm", "--debug"]):
        code, out, err = run(*argv)
        assert code == plain[0]
        assert out == ""
        assert "Traceback (most recent call last)" in err
        assert "UnknownIdError" in err
        assert err.endswith(plain[2])  # the same error line, after the traceback


# --- search -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "theme"), [("chokehold", None), (None, "duty-to-intervene"), ("force", "training")]
)
def test_search_json_equals_the_api(text: str | None, theme: str | None) -> None:
    argv = (
        ["search"] + ([text] if text else []) + (["--theme", theme] if theme else []) + ["--format", "json"]
    )
    code, out, _ = run(*argv)
    assert code == EXIT_OK
    assert [r["id"] for r in json.loads(out)] == [p.id for p in CATALOG.search(text, theme=theme)]


def test_search_table_and_csv() -> None:
    code, out, _ = run("search", "de-escalation")
    assert code == EXIT_OK
    assert_fits(out)
    # The ids are long, so each principle is a record: its id on a line of its own, its title below.
    lines = out.splitlines()
    assert [line.strip() for line in lines[:2]] == ["id", "title"]
    for p in CATALOG.search("de-escalation"):
        at = lines.index(p.id)
        assert lines[at + 1] == "    " + p.title
    code, out, _ = run("search", "de-escalation", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "framework", "number", "title", "themes", "wording"]
    assert {r["id"] for r in rows} == {p.id for p in CATALOG.search("de-escalation")}


def test_search_within_one_framework() -> None:
    code, out, _ = run(
        "search", "--theme", "use-of-force", "--framework", "8cantwait-2020", "--format", "json"
    )
    assert code == EXIT_OK
    assert len(json.loads(out)) == len(CATALOG.framework("8cantwait-2020").principles)


def test_search_nothing_found_is_not_an_error() -> None:
    code, out, err = run("search", "zzzzqq", "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out) == []
    assert "no principle matches" in err


def test_search_misspelled_theme_suggests_the_theme() -> None:
    code, _, err = run("search", "--theme", "use-of-forse")
    assert code == EXIT_USAGE
    assert_one_error_line(err)
    assert "did you mean 'use-of-force'" in err


def test_search_unknown_framework() -> None:
    code, _, err = run("search", "x", "--framework", "uscm2020")
    assert code == EXIT_USAGE
    assert_one_error_line(err)
    assert "uscm-2020" in err


# --- the real process ---------------------------------------------------------------------------------------


def test_python_dash_m_lists_frameworks() -> None:
    proc = run_process("frameworks", "--format", "csv")
    assert proc.returncode == EXIT_OK
    assert proc.stdout.splitlines()[0] == "id,title,publisher,date,principles,complete"
    assert proc.stderr == ""


def test_python_dash_m_misspelled_id_has_no_traceback() -> None:
    proc = run_process("show", "8cantwait")
    assert proc.returncode == EXIT_USAGE
    assert proc.stdout == ""
    assert_one_error_line(proc.stderr)


def test_python_dash_m_usage_error() -> None:
    proc = run_process("show")
    assert proc.returncode == EXIT_USAGE
    assert "Traceback" not in proc.stderr


def test_internal_errors_are_one_line_without_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    from policeframeworks.cli import _cmd_catalog

    def boom(*args: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.setattr(_cmd_catalog, "cmd_frameworks", boom)
    code, _, err = run("frameworks")
    assert code == EXIT_DATA
    assert_one_error_line(err)
    assert "--debug" in err
