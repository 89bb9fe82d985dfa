"""The command line as a whole: version, help, exit codes, --format placement, --debug, terminal safety."""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import policeframeworks
from clihelpers import run
from policeframeworks.cli import build_parser, main
from policeframeworks.cli._common import EXIT_DATA, EXIT_OK, EXIT_USAGE, Console, Parser, terminal_safe
from policeframeworks.cli._main import COMMAND_MODULES

CLI = Path(policeframeworks.__file__).parent / "cli"


def every_parser(parser: Parser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Parser]]:
    found = [(path, parser)]
    if parser.commands is not None:
        for name, child in parser.commands.parsers.items():
            found += every_parser(child, (*path, name))
    return found


# --- version and help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_names_the_package_and_data_versions(flag: str) -> None:
    code, out, err = run(flag)
    assert code == EXIT_OK
    assert err == ""
    data = policeframeworks.load_catalog().data_version
    expected = f"policeframeworks {policeframeworks.__version__} (data {data}, "
    assert out.startswith(expected)
    assert out.endswith(")\n")
    assert out.count("\n") == 1


def test_bare_command_prints_help_on_stdout_and_exits_2_as_documented() -> None:
    code, out, err = run()
    assert code == EXIT_USAGE
    assert out == build_parser().format_help()
    assert err.startswith("error: policeframeworks needs a command: frameworks, show, search,")
    docs = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "no command" in docs
    assert "exits with code 2" in docs


def test_help_exits_0() -> None:
    code, out, err = run("--help")
    assert code == EXIT_OK
    assert out.startswith("usage: policeframeworks")
    assert err == ""


def test_every_command_and_subcommand_has_a_description_and_a_help_line() -> None:
    tree = every_parser(build_parser())
    assert len(tree) > 15
    for path, parser in tree:
        assert parser.description, path
        if parser.commands is not None:
            for name, text in parser.commands.helps.items():
                assert text.strip(), (*path, name)


def test_help_points_at_no_file_an_installed_user_lacks() -> None:
    for path, parser in every_parser(build_parser()):
        text = parser.format_help()
        assert "docs/" not in text, path
        assert "cli.md" not in text, path
        assert "reference/" not in text, path


def test_every_command_module_is_imported_normally() -> None:
    for py in CLI.glob("*.py"):
        source = py.read_text(encoding="utf-8")
        assert "import_module" not in source, py.name
        assert "._actions" not in source, py.name
        assert "_SubParsersAction" not in source, py.name
        assert "args.err" not in source, py.name
    assert all(hasattr(m, "register") for m in COMMAND_MODULES)


def test_the_cli_imports_only_the_public_api_and_its_own_helpers() -> None:
    for py in CLI.glob("*.py"):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level == 0 and module.startswith("policeframeworks"):
                    assert not any(part.startswith("_") for part in module.split(".")), (py.name, module)
                    assert not any(a.name.startswith("_") for a in node.names), (py.name, module)
                elif node.level == 2:  # from .. import / from ..x import: the package, never a private module
                    assert not module.startswith(("_", "io._")), (py.name, module)
                    assert not any(a.name.startswith("_") for a in node.names), (py.name, module)


def test_no_cli_module_is_over_500_lines() -> None:
    for py in CLI.glob("*.py"):
        assert len(py.read_text(encoding="utf-8").splitlines()) <= 500, py.name


def test_building_the_parser_reads_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def audit(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and collecting:
            opened.append(args[0])

    collecting = False
    sys.addaudithook(audit)
    collecting = True
    try:
        build_parser()
    finally:
        collecting = False
    assert [f for f in opened if not str(f).endswith((".py", ".pyc"))] == []


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); from policeframeworks.cli import main; "
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['--help'])\n"
        "heavy = [m for m in ('networkx', 'cattrs', 'matplotlib', 'hypothesis') if m in sys.modules]\n"
        "print(heavy)"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert time.perf_counter() - start < 30  # a sanity bound only; the speed is measured by a benchmark


# --- --format before or after the command ----------------------------------------------------------------


def test_format_before_the_command_equals_format_after_it() -> None:
    before = run("--format", "csv", "frameworks")
    after = run("frameworks", "--format", "csv")
    assert before == after
    assert before[0] == EXIT_OK
    assert before[1].startswith("id,title,")


def test_format_before_a_subcommand_of_a_group() -> None:
    assert run("--format", "json", "assess", "score", "--bundled", "kankakee-2020") == run(
        "assess", "score", "--bundled", "kankakee-2020", "--format", "json"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "jsn", "frameworks"],
         "error: --format: 'jsn' is not a format of frameworks (table, json, csv) (did you mean 'json'?)\n"),
        (["--format", "csv", "report"], "error: --format: report has no --format option\n"),
        (["--format", "json", "frameworks", "--format", "csv"],
         "error: --format given twice: 'json' before the command, 'csv' after it\n"),
        (["--format", "graphml", "frameworks"], "error: --format: 'graphml' is not a format of frameworks"),
    ],
)  # fmt: skip
def test_format_mistakes_are_one_clear_line(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.startswith(message)
    assert len(err.splitlines()) == 1


def test_format_of_the_export_command_is_its_own_list() -> None:
    code, out, _ = run("--format", "csv", "crosswalk", "export")
    assert code == EXIT_OK
    assert out == run("crosswalk", "export", "--format", "csv")[1]


# --- --debug never changes the exit code -----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "uscm"],  # usage error
        ["coverage", "uscm", "8cantwait"],
        ["validate", "nope.toml"],
        ["frameworks", "--format", "xml"],  # argparse's own error
        [],
    ],
)
def test_debug_never_changes_the_exit_code(argv: list[str]) -> None:
    plain, _, _ = run(*argv)
    with_debug, _, _err = run("--debug", *argv)
    assert with_debug == plain
    assert plain != EXIT_OK


def test_debug_keeps_the_exit_code_of_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nprinciples = 3\n', encoding="utf-8")
    plain = run("validate", str(bad))
    debugged = run("validate", str(bad), "--debug")
    assert plain[0] == debugged[0] == EXIT_DATA


def test_debug_keeps_the_exit_code_of_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from policeframeworks.cli import _cmd_catalog

    def boom(*args: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.setattr(_cmd_catalog, "cmd_frameworks", boom)
    plain = run("frameworks")
    code, _, err = run("frameworks", "--debug")
    assert code == plain[0] == EXIT_DATA
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().endswith("error: internal error (RuntimeError: kaput)")


# --- terminal safety ---------------------------------------------------------------------------------------


HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07 title\u202eright-to-left\r"


def test_terminal_safe_escapes_every_control_character() -> None:
    safe = terminal_safe(HOSTILE + "".join(map(chr, range(32))) + "\x7f\x85\u2066")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", safe)
    assert "\\x1b[2J" in safe
    assert "\\u202e" in safe
    assert "\\r" in safe
    assert terminal_safe("plain\ttext\n") == "plain\ttext\n"


def hostile_framework(tmp_path: Path) -> Path:
    """A copy of policylink-2014 as ``evil-2024`` whose titles carry terminal escapes."""
    catalog = policeframeworks.load_catalog()
    data = policeframeworks.io.to_dict(catalog.framework("policylink-2014"))
    data = json.loads(json.dumps(data).replace('"policylink-2014', '"evil-2024'))
    data["family"] = "evil"
    data["short_title"] = HOSTILE
    for p in data["principles"]:
        p["title"] = HOSTILE
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "evil-2024"],
        ["show", "evil-2024:training"],
        ["search", "--framework", "evil-2024"],
        ["search", "--framework", "evil-2024", "--format", "csv"],  # CSV to a terminal is escaped too
    ],
)
def test_titles_cannot_drive_the_terminal(tmp_path: Path, argv: list[str]) -> None:
    framework = hostile_framework(tmp_path)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = Terminal(), io.StringIO()
    code = main([*argv, "--framework-file", str(framework)], out=out, err=err)
    assert code == EXIT_OK, err.getvalue()
    text = out.getvalue()
    assert "\\x1b[2J" in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)


def test_data_formats_keep_the_data_when_piped(tmp_path: Path) -> None:
    framework = hostile_framework(tmp_path)
    mine = ["search", "--framework", "evil-2024", "--framework-file", str(framework)]
    code, out, _ = run(*mine, "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out)[0]["title"] == HOSTILE  # JSON escapes control characters itself
    code, out, _ = run(*mine, "--format", "csv")
    assert HOSTILE.replace("\r", "") in out.replace("\r", "")  # CSV to a file or pipe: the data as it is


def test_the_console_width_follows_columns_and_is_80_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert Console(io.StringIO(), io.StringIO()).width == 80
    monkeypatch.setenv("COLUMNS", "132")
    assert Console(io.StringIO(), io.StringIO()).width == 132
    monkeypatch.setenv("COLUMNS", "10")
    assert Console(io.StringIO(), io.StringIO()).width == 40  # never narrower than a usable table


def test_search_without_text_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    longest = max(len(p.id) for p in policeframeworks.load_catalog().iter_principles())
    assert longest > 80  # the listing that squeezed titles into 16 columns behind a 92-character id
    for width in (60, 80, 100):
        monkeypatch.setenv("COLUMNS", str(width))
        code, out, _ = run("search")
        assert code == EXIT_OK
        assert max(len(line) for line in out.splitlines()) <= width
        for p in policeframeworks.load_catalog().iter_principles():
            assert p.title.split()[0] in out
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = run("search")
    lines = wide.splitlines()
    assert lines[0].split() == ["id", "title"]  # wide enough: an ordinary table, every id whole
    for p in policeframeworks.load_catalog().iter_principles():
        assert any(line.startswith(p.id + " ") or line == p.id for line in lines), p.id


def test_counts_agree_in_number(tmp_path: Path) -> None:
    code, _, err = run("assess", "project", "--bundled", "kankakee-2020", "--onto", "uscm-2020",
                       "--out", str(tmp_path / "p.json"))  # fmt: skip
    assert code == EXIT_OK
    assert "1 projected assessment\n" in err
    code, out, _ = run("assess", "summary", "--bundled", "kankakee-2020")
    assert "8cantwait-2020: 1 assessment\n" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "uscm-2020"],
        ["show", "uscm-2020:sanctity-of-life"],
        ["diff", "useofforce-2016", "8cantwait-2020"],
        ["frameworks"],
        ["endorsements"],
        ["coverage", "--matrix"],
        ["assess", "summary", "--bundled", "kankakee-2020"],
    ],
)
def test_text_fits_a_narrow_terminal_but_for_unbreakable_ids(
    monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(*argv)
    assert code == EXIT_OK
    for line in out.splitlines():
        if len(line) > 60:  # only an id or a web address too long to fit on the line by itself
            token = line.split()[-1]
            assert len(token) > 60 - 8, line
            assert line.strip() == token or line.startswith("Source: "), line


def test_argparse_errors_escape_control_characters_too() -> None:
    code, out, err = run("frameworks", "\x1b[2Jextra")  # argparse names unrecognized arguments as they are
    assert code == EXIT_USAGE
    assert out == ""
    assert "\x1b" not in err
    assert "unrecognized arguments: \\x1b[2Jextra" in err
