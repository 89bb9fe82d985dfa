"""The hostile fuzz campaign: every reader and every command that takes a file, fed hostile files.

The law: whatever a file holds, a reader raises nothing but the package's own errors
(:class:`~policeframeworks.PoliceFrameworksError`), and a command exits 0, 1 or 2 with no "internal error"
line; every CSV a command prints has no cell a spreadsheet would run as a formula. Files come from
``tests/hostile.py``: valid documents and CSV with values made hostile, broken bytes, other encodings.

``PF_FUZZ_EXAMPLES`` sets the examples per test (as in ``test_fuzz_loaders.py``). The campaign of the
issue-13 note ran ``PF_FUZZ_EXAMPLES=2000`` over this file and ``test_fuzz_loaders.py``.
"""

from __future__ import annotations

import csv
import io as stdio
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile import file_contents, second_coder, valid_csv
from policeframeworks import (
    Assessment,
    AssessmentSet,
    Crosswalk,
    Framework,
    PoliceFrameworksError,
    io,
    load_catalog,
)
from policeframeworks.cli import main
from policeframeworks.io._cells import is_formula

EXAMPLES = int(os.environ.get("PF_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES)

# --------------------------------------------------------------------------- readers


def _crosswalk_reader(path: Path) -> object:
    return io.read_crosswalk(path, include_bundled=True)


def _graph_reader(path: Path) -> object:
    return io.read_graphml(path) if path.suffix == ".graphml" else io.read_gexf(path)


def _node_link_reader(path: Path) -> object:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError):
        return None  # not JSON at all: the node-link reader takes parsed data
    return io.crosswalk_from_node_link(data)


READERS: dict[str, tuple[Callable[[Path], object], tuple[str, ...], tuple[str, ...]]] = {
    # name: (read, suffixes, kinds of valid file it starts from)
    "io.load": (io.load, (".json", ".toml"), ("framework", "crosswalk", "assessment", "assessments")),
    "io.load Framework": (lambda p: io.load(p, Framework), (".json", ".toml"), ("framework",)),
    "io.load Assessment": (lambda p: io.load(p, Assessment), (".json", ".toml"), ("assessment",)),
    "io.load AssessmentSet": (lambda p: io.load(p, AssessmentSet), (".json", ".toml"), ("assessments",)),
    "io.read_catalog": (
        lambda p: io.read_catalog(p, include_bundled=True),
        (".json", ".toml"),
        ("framework", "crosswalk", "endorsements"),
    ),
    "io.read_crosswalk": (_crosswalk_reader, (".json", ".toml", ".csv"), ("crosswalk",)),
    "read_assessments_csv wide": (
        lambda p: io.read_assessments_csv(p, framework="8cantwait-2020", layout="wide"),
        (".csv",),
        ("wide",),
    ),
    "read_assessments_csv long": (
        lambda p: io.read_assessments_csv(p, framework="8cantwait-2020", layout="long"),
        (".csv",),
        ("long",),
    ),
    "read_assessments_csv columns": (
        lambda p: io.read_assessments_csv(_good_wide(p), framework="8cantwait-2020", columns=p),
        (".json", ".toml"),
        ("column-map",),
    ),
    "io.crosswalk_from_node_link": (_node_link_reader, (".json",), ("crosswalk",)),
}


def _good_wide(column_map: Path) -> Path:
    path = column_map.with_name("good.csv")
    path.write_text(valid_csv()["wide"], encoding="utf-8")
    return path


def _own_error(call: Callable[[], object]) -> PoliceFrameworksError | None:
    """Run ``call``; the package's own error is returned, any other propagates (and fails the test)."""
    try:
        call()
    except PoliceFrameworksError as exc:
        return exc
    return None


@st.composite
def reader_cases(draw: st.DrawFn) -> tuple[str, str, bytes]:
    name = draw(st.sampled_from(sorted(READERS)))
    _, suffixes, kinds = READERS[name]
    suffix = draw(st.sampled_from(suffixes))
    return name, suffix, draw(file_contents(kinds, suffix))


@FUZZ
@given(reader_cases())
def test_readers_raise_only_the_package_s_errors(case: tuple[str, str, bytes]) -> None:
    name, suffix, content = case
    read = READERS[name][0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(content)
        error = _own_error(lambda: read(path))
    assert error is None or str(error).strip(), name


@FUZZ
@given(st.sampled_from([".graphml", ".gexf"]), st.data())
def test_graph_readers_raise_only_the_package_s_errors(suffix: str, data: st.DataObject) -> None:
    text = _graph_text(suffix)
    raw = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at : at + data.draw(st.integers(0, 3))] = data.draw(st.binary(max_size=3))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(bytes(raw))
        error = _own_error(lambda: _graph_reader(path))
    assert error is None or str(error).strip()


_GRAPHS: dict[str, str] = {}


def _graph_text(suffix: str) -> str:
    if suffix not in _GRAPHS:
        cw = Crosswalk(load_catalog().crosswalk.mappings[:2])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"x{suffix}"
            io.write_graphml(cw, path) if suffix == ".graphml" else io.write_gexf(cw, path)
            _GRAPHS[suffix] = path.read_text(encoding="utf-8")
    return _GRAPHS[suffix]


# --------------------------------------------------------------------------- commands

Argv = Callable[[str], list[str]]
#: name: (argv for the file, suffixes, kinds of valid file it starts from)
COMMANDS: dict[str, tuple[Argv, tuple[str, ...], tuple[str, ...]]] = {
    "validate": (
        lambda f: ["validate", f, "--format", "csv"],
        (".json", ".toml", ".csv"),
        ("framework", "crosswalk", "assessment", "assessments", "column-map", "endorsements"),
    ),
    "crosswalk lint": (
        lambda f: ["crosswalk", "lint", f, "--format", "csv"],
        (".json", ".toml", ".csv"),
        ("crosswalk",),
    ),
    "crosswalk export --crosswalk": (
        lambda f: ["crosswalk", "export", "--format", "csv", "--crosswalk", f, "--replace"],
        (".json", ".toml", ".csv"),
        ("crosswalk",),
    ),
    "crosswalk export graphml --framework-file": (
        lambda f: ["crosswalk", "export", "--format", "graphml", "--framework-file", f],
        (".json", ".toml"),
        ("framework",),
    ),
    "show --crosswalk": (
        lambda f: ["show", "8cantwait-2020:duty-to-intervene", "--crosswalk", f, "--format", "csv"],
        (".json", ".toml", ".csv"),
        ("crosswalk",),
    ),
    "show --framework-file": (
        lambda f: ["show", "mine-2024", "--framework-file", f, "--format", "csv"],
        (".json", ".toml"),
        ("framework",),
    ),
    "search --framework-file": (
        lambda f: ["search", "force", "--framework-file", f, "--format", "csv"],
        (".json", ".toml"),
        ("framework",),
    ),
    "coverage --crosswalk": (
        lambda f: ["coverage", "uscm-2020", "8cantwait-2020", "--crosswalk", f, "--format", "csv"],
        (".json", ".toml", ".csv"),
        ("crosswalk",),
    ),
    "coverage --framework-file": (
        lambda f: ["coverage", "mine-2024", "8cantwait-2020", "--framework-file", f, "--format", "csv"],
        (".json", ".toml"),
        ("framework",),
    ),
    "diff --framework-file": (
        lambda f: ["diff", "mine-2024", "8cantwait-2020", "--framework-file", f, "--format", "csv"],
        (".json", ".toml"),
        ("framework",),
    ),
    "assess import": (
        lambda f: ["assess", "import", f, "--framework", "8cantwait-2020", "--format", "csv"],
        (".csv",),
        ("wide", "long"),
    ),
    "assess import --layout long": (
        lambda f: [
            "assess",
            "import",
            f,
            "--framework",
            "8cantwait-2020",
            "--layout",
            "long",
            "--format",
            "csv",
        ],
        (".csv",),
        ("long",),
    ),
    "assess import --columns": (
        lambda f: ["assess", "import", "good.csv", "--framework", "8cantwait-2020", "--columns", f],
        (".json", ".toml"),
        ("column-map",),
    ),
    "assess score": (
        lambda f: ["assess", "score", f, "--format", "csv"],
        (".json", ".toml"),
        ("assessment", "assessments"),
    ),
    "assess project": (
        lambda f: ["assess", "project", f, "--onto", "uscm-2020", "--format", "csv"],
        (".json", ".toml"),
        ("assessment", "assessments"),
    ),
    "assess summary": (
        lambda f: ["assess", "summary", f, "--format", "csv"],
        (".json", ".toml"),
        ("assessment", "assessments"),
    ),
    "assess agreement": (
        lambda f: ["assess", "agreement", f, "other.json", "--format", "csv"],
        (".json", ".toml"),
        ("assessments",),
    ),
    "package build": (
        lambda f: ["package", "build", "release", f, "--force"],
        (".json", ".toml"),
        ("assessment", "assessments"),
    ),
}


@st.composite
def command_cases(draw: st.DrawFn) -> tuple[str, str, bytes]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    _, suffixes, kinds = COMMANDS[name]
    suffix = draw(st.sampled_from(suffixes))
    return name, suffix, draw(file_contents(kinds, suffix))


def run_command(argv: list[str]) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _helpers() -> None:
    """The other files some commands need, in the working folder."""
    Path("good.csv").write_text(valid_csv()["wide"], encoding="utf-8")
    Path("other.json").write_text(second_coder(), encoding="utf-8")


#: Control characters a terminal would act on (escape sequences, bells, carriage returns, ...).
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@FUZZ
@given(command_cases(), st.booleans())
def test_commands_never_reach_the_internal_error_line(case: tuple[str, str, bytes], table: bool) -> None:
    name, suffix, content = case
    argv_for = COMMANDS[name][0]
    table = table and not name.startswith("crosswalk export")
    if table:  # the terminal's format: control characters and ANSI escapes must not come out raw
        base = argv_for
        argv_for = lambda f: ["table" if a == "csv" else a for a in base(f)]  # noqa: E731
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            Path(f"x{suffix}").write_bytes(content)
            _helpers()
            argv = argv_for(f"x{suffix}")
            code, out, err = run_command(argv)
        finally:
            os.chdir(cwd)
    assert "internal error" not in err, (argv, err)
    assert TERMINAL_CONTROLS.search(err) is None, (argv, err)
    if table:
        assert TERMINAL_CONTROLS.search(out) is None, (argv, out)
    assert code in (0, 1, 2), (argv, code, err)
    if code != 0:
        assert err.startswith("error: ") or "\nerror: " in err, (argv, err)
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else None
    if fmt == "graphml" and code == 0:  # what we write, we can read back
        import networkx as nx

        nx.parse_graphml(out)
    if fmt == "csv":
        cells = [c for row in csv.reader(stdio.StringIO(out, newline="")) for c in row]
        assert [c for c in cells if is_formula(c)] == [], argv


def test_every_command_that_takes_a_file_is_fuzzed() -> None:
    """Each subcommand with a file argument or option is in :data:`COMMANDS`."""
    import argparse

    from policeframeworks.cli._main import build_parser

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> set[str]:
        found: set[str] = set()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found |= walk(child, (*path, name))
            elif action.dest != "out" and (
                action.metavar in ("FILE", "CSV", "MAP", "FILE_A") or action.dest in ("files", "file", "csv")
            ):
                found.add(" ".join(path))
        return found

    takes_files = walk(build_parser(), ())
    fuzzed = {name.split(" --")[0] for name in COMMANDS}
    assert takes_files <= fuzzed, takes_files - fuzzed


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_reads_its_valid_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fuzzed commands work on the unbroken files (so the fuzzing reaches past argument parsing)."""
    from hostile import serialize, valid_documents

    argv_for, suffixes, kinds = COMMANDS[name]
    monkeypatch.chdir(tmp_path)
    _helpers()
    suffix = suffixes[0]
    text = valid_csv()[kinds[0]] if suffix == ".csv" else serialize(valid_documents()[kinds[0]], suffix)
    Path(f"x{suffix}").write_text(text, encoding="utf-8")
    code, _, err = run_command(argv_for(f"x{suffix}"))
    assert code == 0, err
