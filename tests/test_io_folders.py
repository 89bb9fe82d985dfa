"""A folder of files written as one unit (``io.write_folder_atomic``): old or new, never a mix."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from policeframeworks import DataFileError, io
from policeframeworks.io import _folders

OWNED = ("*.txt",)


def _content(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def _hidden(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_writes_a_new_folder_and_its_parents(tmp_path: Path) -> None:
    io.write_folder_atomic(tmp_path / "a" / "b", {"x.txt": "1", "y.txt": b"2"})
    assert _content(tmp_path / "a" / "b") == {"x.txt": "1", "y.txt": "2"}
    assert _hidden(tmp_path / "a") == []


def test_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    io.write_folder_atomic(out, {"old.txt": "old", "both.txt": "old"})
    io.write_folder_atomic(out, {"both.txt": "new"}, overwrite=True, owned=OWNED)
    assert _content(out) == {"both.txt": "new"}  # old.txt does not linger beside the new files
    assert _hidden(tmp_path) == []


def test_an_empty_folder_is_replaced_without_overwrite(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    io.write_folder_atomic(tmp_path / "out", {"x.txt": "1"})
    assert _content(tmp_path / "out") == {"x.txt": "1"}


def test_a_folder_with_files_needs_overwrite(tmp_path: Path) -> None:
    io.write_folder_atomic(tmp_path / "out", {"x.txt": "1"})
    with pytest.raises(DataFileError, match=r"out: already exists \(holds 1 file\)"):
        io.write_folder_atomic(tmp_path / "out", {"x.txt": "2"})
    assert _content(tmp_path / "out") == {"x.txt": "1"}


def test_a_folder_with_files_it_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("mine")
    (out / "sub").mkdir()
    with pytest.raises(DataFileError, match=r"did not write \(sub, thesis\.docx\)"):
        io.write_folder_atomic(out, {"x.txt": "1"}, overwrite=True, owned=OWNED)
    assert (out / "thesis.docx").read_text() == "mine"
    assert _hidden(tmp_path) == []


@pytest.mark.parametrize("path", ["", " "])
def test_an_empty_path_is_refused(path: str) -> None:
    with pytest.raises(DataFileError, match="empty path"):
        io.write_folder_atomic(path, {"x.txt": "1"})


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(DataFileError, match="is a file, expected a folder"):
        io.write_folder_atomic(tmp_path / "out", {"x.txt": "1"}, overwrite=True)


@pytest.mark.parametrize("name", ["", "..", "/abs", "a/../b", ".out.123.abc.tmp"])
def test_names_must_be_plain_file_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(DataFileError, match="not a relative file name"):
        io.write_folder_atomic(tmp_path / "out", {name: "1"})


def test_a_full_disk_names_the_file_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    io.write_folder_atomic(out, {"a.txt": "old", "b.txt": "old"})
    real_open = open
    written: list[str] = []

    def full_disk(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and Path(path).parent != out:
            written.append(Path(path).name)
            if len(written) == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(_folders, "open", full_disk, raising=False)
    with pytest.raises(
        DataFileError, match=rf"{out / 'b.txt'}: cannot be written \(No space left on device\)"
    ):
        io.write_folder_atomic(out, {"a.txt": "new", "b.txt": "new"}, overwrite=True, owned=OWNED)
    assert _content(out) == {"a.txt": "old", "b.txt": "old"}
    assert _hidden(tmp_path) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_leftovers_of_a_killed_run_are_cleaned_and_a_live_run_s_are_not(tmp_path: Path) -> None:
    dead, live = _dead_pid(), os.getppid()
    (tmp_path / f".out.{dead}.abc.tmp").mkdir()
    (tmp_path / f".out.{dead}.abc.tmp" / "half.txt").write_text("half")
    (tmp_path / f".out.{live}.def.tmp").mkdir()
    (tmp_path / f".other.{dead}.ghi.tmp").mkdir()  # beside another folder: not this writer's business
    io.write_folder_atomic(tmp_path / "out", {"x.txt": "1"})
    assert _hidden(tmp_path) == [f".other.{dead}.ghi.tmp", f".out.{live}.def.tmp"]


def test_an_old_folder_moved_aside_by_a_killed_run_is_put_back(tmp_path: Path) -> None:
    aside = tmp_path / f".out.{_dead_pid()}.abc.old"
    aside.mkdir()
    (aside / "x.txt").write_text("old")
    with pytest.raises(DataFileError, match="already exists"):
        io.write_folder_atomic(tmp_path / "out", {"x.txt": "new"})
    assert _content(tmp_path / "out") == {"x.txt": "old"}


@pytest.mark.parametrize("overwrite", [False, True])
def test_two_runs_at_once_never_mix_files(tmp_path: Path, overwrite: bool) -> None:
    runs = [{f"{i}.txt": run for i in range(30)} | {f"{run}.txt": run} for run in ("a", "b")]
    for attempt in range(8):
        out = tmp_path / f"out{attempt}"
        barrier = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def write(
            files: dict[str, str],
            out: Path = out,
            barrier: threading.Barrier = barrier,
            outcome: dict[str, str] = outcome,
        ) -> None:
            barrier.wait()
            try:
                io.write_folder_atomic(out, files, overwrite=overwrite, owned=OWNED)
                outcome[next(iter(files.values()))] = "ok"
            except DataFileError as exc:
                outcome[next(iter(files.values()))] = str(exc)

        threads = [threading.Thread(target=write, args=(files,)) for files in runs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert _content(out) in runs, "the folder mixes the files of two runs"
        if not overwrite:
            assert sorted(outcome.values()).count("ok") == 1, outcome
        failed = [m for m in outcome.values() if m != "ok"]
        assert all("another run" in m or "already exists" in m for m in failed), failed
    assert _hidden(tmp_path) == []


DRIVER = """
import sys
from policeframeworks import io
tag = sys.argv[2]
io.write_folder_atomic(sys.argv[1], {f"{i:03}.txt": tag * 20000 for i in range(200)}, overwrite=True,
                       owned=["*.txt"])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_any_moment_leaves_the_old_folder_or_the_new_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    io.write_folder_atomic(out, {f"{i:03}.txt": "o" * 20000 for i in range(200)})
    old = _content(out)
    rng = random.Random(13)
    interrupted = 0
    for n in range(10):
        tag = "n" if n % 2 else "m"
        child = subprocess.Popen([sys.executable, "-c", DRIVER, str(out), tag])
        if n % 2:  # at a random moment
            time.sleep(rng.uniform(0.05, 1.5))
        else:  # while it writes: once its hidden folder is there, after a random delay
            while child.poll() is None and not any(f".out.{child.pid}." in h for h in _hidden(tmp_path)):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        interrupted += any(f".out.{child.pid}." in h for h in _hidden(tmp_path))
        now = _content(out)
        assert now == old or now == dict.fromkeys(old, tag * 20000), f"kill {n}: a mix of old and new files"
        old = now
    assert interrupted >= 3, "too few kills landed while the folder was being written to prove anything"
    io.write_folder_atomic(out, {"x.txt": "1"}, overwrite=True, owned=OWNED)  # cleans what the kills left
    assert _hidden(tmp_path) == []
