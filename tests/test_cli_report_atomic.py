"""``report --out DIR`` writes its folder as one unit: killed at any moment, it leaves a whole report."""

from __future__ import annotations

import io as stdio
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policeframeworks.cli import main
from policeframeworks.report import REPORT_FILES


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _assert_whole_report(folder: Path) -> None:
    """The folder holds exactly one complete report: the three files, and the figures report.json lists."""
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    expected = {*REPORT_FILES, *data["figures"]}
    assert {p.name for p in folder.iterdir()} == expected
    assert (folder / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert (folder / "report.md").read_text(encoding="utf-8").startswith("#")
    for figure in data["figures"]:
        assert (folder / figure).read_text(encoding="utf-8").rstrip().endswith("</svg>")


def _hidden(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ten_sigkills_during_report_leave_no_partial_folder(tmp_path: Path) -> None:
    out = tmp_path / "report"
    command = [sys.executable, "-m", "policeframeworks", "report", "--out", str(out), "--force"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, env=env)
    whole_run = time.monotonic() - started
    _assert_whole_report(out)
    rng = random.Random(5)
    during_write = 0
    for n in range(10):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        if n % 2:  # at a random moment of the run
            time.sleep(rng.uniform(0, whole_run))
        else:  # while the folder is being written: once the hidden folder is there
            while child.poll() is None and not any(f".report.{child.pid}." in h for h in _hidden(tmp_path)):
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        child.wait()
        during_write += any(f".report.{child.pid}." in h for h in _hidden(tmp_path))
        _assert_whole_report(out)  # the old report or the new one, never report.md alone or a mix
    assert during_write >= 1, "no kill landed while the folder was written"
    code, _, err = _run("report", "--out", str(out), "--force")  # the next run cleans the leftovers
    assert code == 0, err
    _assert_whole_report(out)
    assert _hidden(tmp_path) == []


def test_force_without_the_plot_extra_leaves_no_old_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policeframeworks import report

    out = tmp_path / "report"
    assert _run("report", "--out", str(out))[0] == 0
    assert list(out.glob("*.svg")), "the first run (with matplotlib) drew figures"
    monkeypatch.setattr(report, "draw_figures", lambda data: None)
    code, _, err = _run("report", "--out", str(out), "--force")
    assert code == 0, err
    assert "tables only" in err
    assert list(out.glob("*.svg")) == []
    _assert_whole_report(out)


def test_an_existing_report_needs_force_and_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert _run("report", "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    code, _, err = _run("report", "--out", str(out))
    assert code == 2
    assert "use --force" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_folder_holding_other_files_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("mine")
    code, _, err = _run("report", "--out", str(tmp_path), "--force")
    assert code == 1
    assert "thesis.docx" in err
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.docx"]


@pytest.mark.parametrize("out", ["", "  "])
def test_an_empty_out_is_refused(out: str) -> None:
    code, _, err = _run("report", "--out", out)
    assert code == 2
    assert "empty path" in err
