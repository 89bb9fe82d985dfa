"""``assess import`` and ``assess summary`` of a large wide CSV beside the library calls they make, side by
side.

Targets (issue 14, "Fast object path"): at 200,000 rows each command takes at most 2x the equivalent library
call, and peaks at 500 MiB or less.

The CSV is generated first in a temporary folder (not timed; ``bench_assessments.make_file``: city, state,
population and the eight 8 Can't Wait columns). The package is byte-compiled first, so no run pays for
compiling. Then each case runs in a fresh interpreter, as a user runs it (start-up, imports and the catalog
load included on both sides), alternating library and command line, ``--repeat`` times; the best wall time
of each is kept, and the peak resident memory (``ru_maxrss`` of that child, from ``os.wait4``) of its
largest run. The cases:

- library import: ``io.read_assessments_csv`` + ``io.dump_assessments`` to ``.json``;
- ``policeframeworks assess import CSV ... --out FILE.json`` (its table of the first 20 rows on stdout);
- library import and rows: the same, then ``io.score_record`` of every assessment written as CSV text;
- ``policeframeworks assess import ... --format csv`` (every row scored and listed, stdout to a file),
  compared with the library import and rows;
- library summary: ``io.iter_assessments`` into a list + ``summarize`` + ``io.summary_record``;
- ``policeframeworks assess summary FILE.json --format json``;
- with ``--parquet`` (needs the ``parquet`` extra), the same import and summary to and from ``.parquet``.

stderr is a file, not a terminal, so no progress is drawn (as on a pipe).

Run: ``python benchmarks/bench_assess_cli.py [--rows 200000] [--repeat 1] [--parquet] [--workdir DIR]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_assessments import make_file  # the same generated file (run from benchmarks/ or as a script)

import policeframeworks

DEFAULTS = ["--as-of", "2020-06", "--assessor", "bench", "--method", "document-review", "--kind", "city"]
CLI = [sys.executable, "-m", "policeframeworks"]

LIB_IMPORT = """
import sys
from policeframeworks import io
items = io.read_assessments_csv(sys.argv[1], framework="8cantwait-2020", as_of="2020-06", assessor="bench",
                                method="document-review", kind="city")
io.dump_assessments(items, sys.argv[2])
"""
LIB_IMPORT_ROWS = (
    LIB_IMPORT
    + """
from policeframeworks.cli._assess_score import SCORE_COLUMNS  # the columns the command lists
rows = [io.score_record(a, file=sys.argv[1]) for a in items]
cells = [["" if r[c] is None else str(r[c]) for c in SCORE_COLUMNS] for r in rows]
sys.stdout.write(io.csv_text([SCORE_COLUMNS, *cells]))
"""
)
LIB_SUMMARY = """
import sys
from policeframeworks import io, summarize
items = list(io.iter_assessments(sys.argv[1]))
print(io.summary_record(summarize(items))["assessments"])
"""

TARGET_RATIO = 2.0
TARGET_MIB = 500


def measure(command: list[str], out: Path, err: Path) -> tuple[float, float]:
    """Run ``command`` (stdout to ``out``, stderr to ``err``): wall seconds and its own peak RSS in MiB."""
    with out.open("wb") as stdout, err.open("wb") as stderr:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"failed ({proc.returncode}): {' '.join(command)}\n{err.read_text(encoding='utf-8')}"
        )
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024  # macOS counts bytes
    return wall, kib / 1024


def cases(csv_path: Path, folder: Path, suffix: str) -> list[tuple[str, str, list[str]]]:
    """``(name, the library case it is compared with, command)``, in the order they run."""
    lib_out, cli_out = folder / f"lib{suffix}", folder / f"cli{suffix}"
    cli_csv_out = folder / f"cli-csv{suffix}"
    tag = suffix.lstrip(".")
    return [
        (f"library import ({tag})", "", [sys.executable, "-c", LIB_IMPORT, str(csv_path), str(lib_out)]),
        (
            f"assess import ({tag})",
            f"library import ({tag})",
            [
                *CLI,
                "assess",
                "import",
                str(csv_path),
                "--framework",
                "8cantwait-2020",
                *DEFAULTS,
                "--out",
                str(cli_out),
                "--force",
            ],
        ),
        (
            f"library import and rows ({tag})",
            "",
            [sys.executable, "-c", LIB_IMPORT_ROWS, str(csv_path), str(folder / f"lib-rows{suffix}")],
        ),
        (
            f"assess import --format csv ({tag})",
            f"library import and rows ({tag})",
            [
                *CLI,
                "assess",
                "import",
                str(csv_path),
                "--framework",
                "8cantwait-2020",
                *DEFAULTS,
                "--out",
                str(cli_csv_out),
                "--force",
                "--format",
                "csv",
            ],
        ),
        (f"library summary ({tag})", "", [sys.executable, "-c", LIB_SUMMARY, str(lib_out)]),
        (
            f"assess summary ({tag})",
            f"library summary ({tag})",
            [*CLI, "assess", "summary", str(cli_out), "--format", "json"],
        ),
    ]


def main() -> None:
    """Generate the CSV, run every case ``--repeat`` times alternating, and print the table and verdicts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--parquet", action="store_true", help="also import to and summarize from .parquet")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="a folder for the files (default: temporary)"
    )
    args = parser.parse_args()
    package = Path(policeframeworks.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as name:
        folder = Path(name)
        csv_path = folder / "cities.csv"
        make_file(csv_path, args.rows)
        print(
            f"{args.rows} rows x 8 principles: {csv_path.stat().st_size / 2**20:.1f} MiB of CSV", flush=True
        )
        plan = cases(csv_path, folder, ".json")
        if args.parquet:
            plan += cases(csv_path, folder, ".parquet")
        best: dict[str, float] = {}
        peak: dict[str, float] = {}
        for _ in range(args.repeat):
            for label, _, command in plan:
                wall, mib = measure(command, folder / "stdout", folder / "stderr")
                best[label] = min(best.get(label, float("inf")), wall)
                peak[label] = max(peak.get(label, 0.0), mib)
        sizes = {
            s: (folder / f"cli{s}").stat().st_size
            for s in (".json", ".parquet")
            if (folder / f"cli{s}").exists()
        }
        print(f"{'case':34} {'wall s':>8} {'peak MiB':>9} {'ratio':>6}  verdict")
        for label, base, _ in plan:
            ratio = best[label] / best[base] if base else None
            verdict = ""
            if base:
                ok = ratio is not None and ratio <= TARGET_RATIO and peak[label] <= TARGET_MIB
                verdict = "ok" if ok else "MISSED"
                verdict += f" (targets: ratio <= {TARGET_RATIO:g}, peak <= {TARGET_MIB} MiB)"
            shown = f"{ratio:6.2f}" if ratio is not None else "     -"
            print(f"{label:34} {best[label]:8.2f} {peak[label]:9.1f} {shown}  {verdict}")
        for suffix, size in sizes.items():
            print(f"assessments file {suffix}: {size / 1e6:.1f} MB")
        print(f"best of {args.repeat}; each case in a fresh interpreter; peak = that process's max RSS")


if __name__ == "__main__":
    main()
