"""The frames, object-path and assess command-line benchmarks still run, at toy size (not timed here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _run(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_bench_frames_runs_at_toy_size(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("polars")
    pytest.importorskip("narwhals")
    out = _run(
        str(BENCH / "bench_frames.py"), "--cities", "300", "--objects", "50", "--workdir", str(tmp_path)
    )
    assert "results equal cell by cell: True" in out
    # engine, seconds, CPU s, peak MiB, rows out, vs objects, = objects, load
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.startswith(("  duckdb", "  polars"))
    }
    assert rows["duckdb"][4] == rows["polars"][4]  # both engines projected the same number of findings
    assert rows["duckdb"][6] == rows["polars"][6] == "True"  # and equal the object path's, cell by cell


def test_bench_object_path_runs_at_toy_size() -> None:
    out = _run(
        str(BENCH / "bench_object_path.py"), "--assessments", "50", "--lint", "50", "100", "--runs", "1"
    )
    assert "same status on every target: True" in out
    assert "lint:" in out


def test_bench_assess_cli_runs_at_toy_size(tmp_path: Path) -> None:
    out = _run(str(BENCH / "bench_assess_cli.py"), "--rows", "300", "--workdir", str(tmp_path))
    lines = {
        line[:34].strip(): line[34:].split()
        for line in out.splitlines()
        if line.startswith(("library ", "assess "))
    }
    assert set(lines) == {
        "library import (json)",
        "assess import (json)",
        "library import and rows (json)",
        "assess import --format csv (json)",
        "library summary (json)",
        "assess summary (json)",
    }
    for name in ("assess import (json)", "assess import --format csv (json)", "assess summary (json)"):
        wall, mib, ratio = (float(v) for v in lines[name][:3])
        assert wall > 0
        assert mib > 0
        assert ratio > 0
    assert "assessments file .json:" in out
    assert list(tmp_path.iterdir()) == []  # its temporary folder is gone


def test_bench_assessments_runs_at_toy_size() -> None:
    out = _run(str(BENCH / "bench_assessments.py"), "--sizes", "200", "--repeat", "1", "--no-memory")
    assert "same summary: True" in out
    assert "ratio" in out
