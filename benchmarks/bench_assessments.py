"""Read, score and summarize a wide CSV of N jurisdictions x 8 principles (8 Can't Wait).

Targets (issue 4): 20,000 jurisdictions in under 2 seconds on one core; 200,000 within 12x of that (linear).
The file is generated first (not timed): one row per city with a name, a state spelled out or as a code,
a population column (kept as an attribute) and the eight policy columns under their Police Scorecard
names, with 1/0/yes/no/empty cells. The timed part is ``io.read_assessments_csv`` + ``score()`` on
every assessment + ``summarize``, reported as wall-clock and CPU time (on a shared machine the CPU time
is the fairer measure; the linearity ratio uses it). Peak memory of the same work is measured in a
separate run with ``tracemalloc`` (which slows Python down, so it is not timed).

Run: ``python benchmarks/bench_assessments.py [--sizes 20000 200000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from policeframeworks import io, load_catalog, summarize

HEADERS = [
    "bans_chokeholds_and_strangleholds",
    "requires_deescalation",
    "requires_warning_before_shooting",
    "requires_exhaust_all_other_means_before_shooting",
    "duty_to_intervene",
    "bans_shooting_at_moving_vehicles",
    "has_use_of_force_continuum",
    "requires_comprehensive_reporting",
]
STATES = ["Texas", "CA", "New York", "IL", "District of Columbia", "Minnesota", "WA", "Ohio"]


def make_file(path: Path, n: int, seed: int = 0) -> None:
    """Write a wide CSV with ``n`` rows (UTF-8 with a byte-order mark, as spreadsheets save it)."""
    rng = random.Random(seed)
    cells = ["1", "0", "yes", "no", "", "1", "0"]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["City", "State", "Population", *HEADERS])
        for i in range(n):
            w.writerow(
                [f"City {i}", rng.choice(STATES), str(rng.randint(1000, 9_000_000))]
                + [rng.choice(cells) for _ in HEADERS]
            )


def work(path: Path) -> int:
    """Read, score and summarize; returns the number of assessments (so nothing is optimised away)."""
    assessments = io.read_assessments_csv(
        path,
        framework="8cantwait-2020",
        as_of="2020-06",
        assessor="bench",
        method="document-review",
        kind="city",
    )
    for a in assessments:
        a.score()
    summary = summarize(assessments)
    return summary.assessments


def main() -> None:
    """Time each size (best of ``--repeat``), then measure peak memory once per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args()
    load_catalog()  # the bundled catalog is read once per process; not part of the timing
    with tempfile.TemporaryDirectory() as folder:
        results: dict[int, float] = {}
        for n in args.sizes:
            path = Path(folder) / f"bench-{n}.csv"
            make_file(path, n)
            best = best_cpu = float("inf")
            for _ in range(args.repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                count = work(path)
                best = min(best, time.perf_counter() - t0)
                best_cpu = min(best_cpu, time.process_time() - c0)
                assert count == n
            results[n] = best_cpu
            line = (
                f"{n:>8} jurisdictions x 8: wall {best:7.3f} s, CPU {best_cpu:7.3f} s (best of {args.repeat})"
            )
            line += f", {best_cpu / n * 1e6:6.2f} us CPU per jurisdiction"
            if not args.no_memory:
                tracemalloc.start()
                work(path)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                line += f", peak memory {peak / 2**20:7.1f} MiB ({peak / n:6.0f} B per jurisdiction)"
            print(line, flush=True)
        sizes = sorted(results)
        for small, large in itertools.pairwise(sizes):
            ratio = results[large] / results[small]
            print(f"{large} / {small}: {ratio:.2f}x CPU time for {large / small:.0f}x rows")


if __name__ == "__main__":
    main()
