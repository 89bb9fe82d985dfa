"""Read, score and summarize a wide CSV of N jurisdictions x 8 principles (8 Can't Wait).

Targets (issue 4): 20,000 jurisdictions in under 2 seconds on one core; 200,000 within 12x of that (linear).
Target (issue 14): the library's read + score + summarize within 3x of the same work written by hand with
the ``csv`` module (``by_hand``), measured side by side in one run.

The file is generated first (not timed): one row per city with a name, a state spelled out or as a code,
a population column (kept as an attribute) and the eight policy columns under their Police Scorecard
names, with 1/0/yes/no/empty cells. The timed part is ``io.read_assessments_csv`` + ``score()`` on
every assessment + ``summarize``, reported as wall-clock and CPU time (on a shared machine the CPU time
is the fairer measure; the linearity ratio uses it). Peak memory of the same work is measured in a
separate run with ``tracemalloc`` (which slows Python down, so it is not timed).

The hand loop does the same three steps with ``csv.reader``: it reads every row into a record (name,
state code, the population, the status words), scores each record (adopted and unknown counts) and computes
the same summary (per principle counts, the exact / lower / upper distributions, the jurisdictions that
certainly adopted all or none). It reads each status cell by the same words, turns states into codes
through a table built once from the ``us`` package, and refuses a repeated jurisdiction or a cell that is
not a status (naming the row), but builds no checked objects, keeps no provenance, stops at the first
problem and says nothing more about a bad file. Its summary is compared with the library's, so both do the
same work.

What the library's remaining cost buys, per row: frozen, hashable ``Assessment`` / ``Jurisdiction`` /
``Finding`` objects the caller keeps (with every other column as an attribute, the date, assessor and method,
and the matching key that finds a city spelled two ways); every problem of the file collected with its row
and column (a did-you-mean for states, kinds and statuses, a problem repeated on many rows stated once with
its count) instead of the first one; repeated rows, short rows, repeated header rows and totals rows
recognised; and a ``Score`` per assessment with the principle ids behind each count.

Each side is timed best of ``--repeat`` (CPU time), alternating.

Run: ``python benchmarks/bench_assessments.py [--sizes 20000 200000] [--repeat 3] [--no-memory]``
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
from typing import Any

from policeframeworks import AdoptionSummary, io, load_catalog, summarize

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


def work(path: Path) -> AdoptionSummary:
    """Read, score and summarize; returns the summary (so nothing is optimised away)."""
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
    return summarize(assessments)


#: The cells the library reads as a status by default (case ignored), as the hand loop reads them.
ADOPTED = frozenset({"1", "yes", "y", "true", "adopted"})
NOT_ADOPTED = frozenset({"0", "no", "n", "false", "not_adopted"})


def state_codes() -> dict[str, str]:
    """State names and codes (case-folded) to codes, from the ``us`` package (built once, not timed)."""
    import us

    codes = {}
    for st in us.states.STATES_AND_TERRITORIES:
        codes[st.abbr.casefold()] = st.abbr
        codes[st.name.casefold()] = st.abbr
    return codes


def by_hand(path: Path, codes: dict[str, str]) -> dict[str, Any]:
    """The same work as ``work``, written by hand with ``csv.reader``: read, score, summarize."""
    # Read: one record per row (name, state code, the other columns, the status words), as ``work`` keeps
    # one assessment per row.
    records: list[tuple[str, str, dict[str, str], list[str]]] = []
    seen: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        where = [header.index(h) for h in HEADERS]
        name_col, state_col, pop_col = header.index("City"), header.index("State"), header.index("Population")
        for row, r in enumerate(rows, start=2):
            name = r[name_col].strip()
            state = codes.get(r[state_col].strip().casefold())
            if not name or state is None:
                raise ValueError(f"row {row}: no name or not a state")
            key = (name.casefold(), state)
            if key in seen:
                raise ValueError(f"row {row}: {name}, {state} again")
            seen.add(key)
            statuses = []
            for i in where:
                cell = r[i].strip().casefold()
                if cell in ADOPTED:
                    statuses.append("adopted")
                elif cell in NOT_ADOPTED:
                    statuses.append("not_adopted")
                elif not cell:
                    statuses.append("unknown")
                else:
                    raise ValueError(f"row {row}, column {header[i]!r}: {cell!r} is not a status")
            records.append((name, state, {"population": r[pop_col].strip()}, statuses))
    # Score: adopted and unknown per record.
    scores = [(s.count("adopted"), s.count("unknown")) for _, _, _, s in records]
    # Summarize.
    counts = [dict.fromkeys(("adopted", "not_adopted", "unknown"), 0) for _ in HEADERS]
    exact: dict[int, int] = {}
    lower: dict[int, int] = {}
    upper: dict[int, int] = {}
    all_adopted: list[tuple[str, str]] = []
    none_adopted: list[tuple[str, str]] = []
    for (name, state, _, statuses), (adopted, unknown) in zip(records, scores, strict=True):
        for j, status in enumerate(statuses):
            counts[j][status] += 1
        hi = adopted + unknown
        lower[adopted] = lower.get(adopted, 0) + 1
        upper[hi] = upper.get(hi, 0) + 1
        if unknown == 0:
            exact[adopted] = exact.get(adopted, 0) + 1
        if adopted == len(HEADERS):
            all_adopted.append((name, state))
        if hi == 0:
            none_adopted.append((name, state))
    return {
        "assessments": len(records),
        "counts": [list(c.values()) for c in counts],
        "distribution": dict(sorted(exact.items())),
        "lower": dict(sorted(lower.items())),
        "upper": dict(sorted(upper.items())),
        "all": all_adopted,
        "none": none_adopted,
    }


def as_by_hand(summary: AdoptionSummary) -> dict[str, Any]:
    """The library's summary in the hand loop's shape (to compare the two)."""
    return {
        "assessments": summary.assessments,
        "counts": [[p.adopted, p.not_adopted, p.unknown] for p in summary.principles],
        "distribution": dict(summary.distribution),
        "lower": dict(summary.distribution_lower),
        "upper": dict(summary.distribution_upper),
        "all": [(j.name, j.state) for j in summary.all_adopted],
        "none": [(j.name, j.state) for j in summary.none_adopted],
    }


def main() -> None:
    """Time each size (best of ``--repeat``), then measure peak memory once per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args()
    load_catalog()  # the bundled catalog is read once per process; not part of the timing
    codes = state_codes()
    with tempfile.TemporaryDirectory() as folder:
        results: dict[int, float] = {}
        for n in args.sizes:
            path = Path(folder) / f"bench-{n}.csv"
            make_file(path, n)
            best = best_cpu = hand_cpu = float("inf")
            for _ in range(args.repeat):  # alternating, so that both sides see the same machine
                t0, c0 = time.perf_counter(), time.process_time()
                summary = work(path)
                best = min(best, time.perf_counter() - t0)
                best_cpu = min(best_cpu, time.process_time() - c0)
                c0 = time.process_time()
                hand = by_hand(path, codes)
                hand_cpu = min(hand_cpu, time.process_time() - c0)
                assert summary.assessments == n
            same = as_by_hand(summary) == hand
            results[n] = best_cpu
            line = (
                f"{n:>8} jurisdictions x 8: wall {best:7.3f} s, CPU {best_cpu:7.3f} s (best of {args.repeat})"
            )
            line += f", {best_cpu / n * 1e6:6.2f} us CPU per jurisdiction"
            line += (
                f"; hand loop CPU {hand_cpu:7.3f} s, ratio {best_cpu / hand_cpu:.2f}x   goal <= 3x"
                f"   (same summary: {same})"
            )
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
