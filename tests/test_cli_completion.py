"""Shell completion scripts generated from the parser: valid scripts that know every command."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks.cli import build_parser
from policeframeworks.cli._cmd_completion import walk
from policeframeworks.cli._common import EXIT_OK, EXIT_USAGE

NODES = list(walk(build_parser()))
COMMANDS = sorted({name for node in NODES for name in node.commands})
OPTIONS = sorted({name for node in NODES for opt in node.options for name in opt.names})


def script(shell: str) -> str:
    code, out, err = run("completion", shell)
    assert code == EXIT_OK, err
    return out


def test_the_tree_has_every_command_and_subcommand() -> None:
    assert {"frameworks", "show", "assess", "score", "crosswalk", "lint", "completion"} <= set(COMMANDS)
    assert {"--format", "--version", "--bundled", "--framework-file"} <= set(OPTIONS)
    assert "--debug" in OPTIONS  # the top-level one; the copy after each command is hidden


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_command_and_option_is_in_the_script(shell: str) -> None:
    text = script(shell)
    for name in COMMANDS:
        assert f" {name}" in text or f"|{name}" in text or f"{name}|" in text, name
    for name in OPTIONS:
        fish = f"-l {name[2:]}" if name.startswith("--") else f"-s {name[1:]}"
        spelled = fish if shell == "fish" else name
        assert spelled in text, name


def test_bash_script_is_valid_and_completes(tmp_path: Path) -> None:
    path = tmp_path / "policeframeworks.bash"
    path.write_text(script("bash"), encoding="utf-8")
    subprocess.run(["bash", "-n", str(path)], check=True)

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in words)
        probe = (
            f"source '{path}'; COMP_WORDS=(policeframeworks {line}); COMP_CWORD={len(words)}; "
            '_policeframeworks; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert complete("ass") == ["assess"]
    assert complete("assess", "sc") == ["score"]
    assert complete("assess", "score", "--form") == ["--format"]
    assert complete("assess", "score", "--format", "") == ["table", "json", "csv"]
    assert complete("crosswalk", "export", "--format", "g") == ["graphml", "gexf"]
    assert complete("completion", "") == ["bash", "zsh", "fish"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (CI installs it)")
def test_zsh_script_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "_policeframeworks"
    path.write_text(script("zsh"), encoding="utf-8")
    subprocess.run(["zsh", "-n", str(path)], check=True)


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (CI installs it)")
def test_fish_script_is_valid_and_completes(tmp_path: Path) -> None:
    path = tmp_path / "policeframeworks.fish"
    path.write_text(script("fish"), encoding="utf-8")
    subprocess.run(["fish", "--no-execute", str(path)], check=True)
    probe = f"source '{path}'; complete -C 'policeframeworks assess sc'; complete -C 'policeframeworks --fo'"
    done = subprocess.run(["fish", "-c", probe], capture_output=True, text=True, check=True)
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["score", "--format"]


def test_unknown_shell_is_a_usage_error() -> None:
    code, out, err = run("completion", "tcsh")
    assert code == EXIT_USAGE
    assert out == ""
    assert "invalid choice: 'tcsh'" in err
