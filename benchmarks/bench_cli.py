"""Start-up cost of the command line: building its parser and printing ``--help``, beside ``import
policeframeworks`` alone, side by side.

The command line must not make a user wait: its parser is built from every command module, which import
only light modules at the top (heavy libraries are imported inside the commands that need them). Each
statement runs in a fresh interpreter, alternating, many times; the script reports the median of each, the
ratio (target: 1.5x or less) and the heavy modules ``--help`` pulled in (none wanted).

Run: ``python benchmarks/bench_cli.py [--runs N]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TIMER = (
    "import time; t0 = time.perf_counter(); {stmt}; t1 = time.perf_counter(); "
    "import sys; print(t1 - t0); print(','.join(m for m in ('networkx', 'cattrs', 'matplotlib', "
    "'hypothesis', 'pytest') if m in sys.modules))"
)
CASES = {
    "import policeframeworks": "import policeframeworks",
    "policeframeworks --help": (
        "import contextlib, io; from policeframeworks.cli import main; f = io.StringIO(); "
        "r = contextlib.redirect_stdout(f); r.__enter__(); main(['--help'], out=f); "
        "r.__exit__(None, None, None)"
    ),
}


def measure(stmt: str) -> tuple[float, str]:
    """Seconds one fresh interpreter spends on ``stmt``, and the heavy modules loaded after it."""
    out = subprocess.run(
        [sys.executable, "-c", TIMER.format(stmt=stmt)], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    return float(out[0]), out[1]


def main() -> None:
    """Run the comparison and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in CASES}
    loaded: dict[str, str] = {}
    for _ in range(args.runs):
        for name, stmt in CASES.items():
            seconds, heavy = measure(stmt)
            times[name].append(seconds)
            loaded[name] = heavy
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, med in medians.items():
        print(f"{name:24} median {med * 1000:7.2f} ms   heavy modules loaded: {loaded[name] or 'none'}")
    ratio = medians["policeframeworks --help"] / medians["import policeframeworks"]
    print(f"ratio --help / import: {ratio:.2f}x over {args.runs} runs each (target 1.5x or less)")


if __name__ == "__main__":
    main()
