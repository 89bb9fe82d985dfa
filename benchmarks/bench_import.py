"""Import cost of ``import policeframeworks`` against ``import attrs, cattrs`` alone, side by side.

Each statement runs in a fresh interpreter, alternating, many times; the script reports the median of each
and their ratio (target: about 1.3x or less), and lists the heavy modules the import pulled in (none wanted).

Run: ``python benchmarks/bench_import.py [--runs N]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

#: The heavy modules whose presence after a statement is reported (none is wanted at import).
HEAVY = ("networkx", "cattrs", "matplotlib", "hypothesis", "pytest")
TIMER = (
    "import time; t0 = time.perf_counter(); {stmt}; t1 = time.perf_counter(); "
    "import sys; print(t1 - t0); print(','.join(m for m in {heavy!r} if m in sys.modules))"
)
CASES = {
    "attrs + cattrs": "import attrs, cattrs",
    "policeframeworks": "import policeframeworks",
}


def measure(stmt: str) -> tuple[float, str]:
    """Seconds one fresh interpreter spends on ``stmt``, and the heavy modules loaded after it."""
    out = subprocess.run(
        [sys.executable, "-c", TIMER.format(stmt=stmt, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return float(out[0]), out[1]


def compare(cases: dict[str, str], runs: int) -> tuple[dict[str, float], dict[str, str]]:
    """Each case in a fresh interpreter, alternating, ``runs`` times: the median seconds and heavy modules."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    loaded: dict[str, str] = {}
    for _ in range(runs):
        for name, stmt in cases.items():
            seconds, heavy = measure(stmt)
            times[name].append(seconds)
            loaded[name] = heavy
    return {name: statistics.median(values) for name, values in times.items()}, loaded


def main() -> None:
    """Run the comparison and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    medians, loaded = compare(CASES, args.runs)
    for name, med in medians.items():
        print(f"{name:18} median {med * 1000:7.2f} ms   heavy modules loaded: {loaded[name] or 'none'}")
    ratio = medians["policeframeworks"] / medians["attrs + cattrs"]
    print(f"ratio policeframeworks / (attrs + cattrs): {ratio:.2f}x over {args.runs} runs each")


if __name__ == "__main__":
    main()
