"""Agreement among 3 coders of N jurisdictions x 8 principles (8 Can't Wait), with bootstrap intervals.

Target (issue 17): 18,000 jurisdictions x 8 principles x 3 coders in under 2 seconds. The codings are built
first (not timed): each jurisdiction has a "true" status per principle (adopted most often), each coder
gives it with probability 0.85 and otherwise a random status, and leaves the whole jurisdiction uncoded
with probability 0.05. The timed part is one ``agreement()`` call over all assessments: matching, the
statistics per principle, per pair and pooled, and the bootstrap intervals (``--bootstrap`` replicates,
default the library's default of 1000; also timed without intervals). Wall-clock and CPU time are both
reported (on a shared machine the CPU time is the fairer measure).

Run: ``python benchmarks/bench_agreement.py [--jurisdictions 18000] [--bootstrap 1000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import time

from policeframeworks import Assessment, Finding, Jurisdiction, agreement, load_catalog

STATUSES = ("adopted", "partial", "not_adopted", "unknown", "not_applicable")


def codings(n: int, seed: int = 0) -> list[Assessment]:
    """Three coders' assessments of ``n`` jurisdictions."""
    rng = random.Random(seed)
    ids = load_catalog().framework("8cantwait-2020").principle_ids
    out = []
    for i in range(n):
        city = Jurisdiction(name=f"City {i}", state="IL", kind="city")
        truth = rng.choices(STATUSES, (50, 15, 20, 12, 3), k=len(ids))
        for coder in ("ann", "bo", "cy"):
            if rng.random() < 0.05:
                continue
            statuses = [t if rng.random() < 0.85 else rng.choice(STATUSES) for t in truth]
            out.append(
                Assessment(
                    jurisdiction=city,
                    framework_id="8cantwait-2020",
                    as_of="2020-07",
                    assessor=coder,
                    method="document-review",
                    findings=[Finding(principle_id=p, status=s) for p, s in zip(ids, statuses, strict=True)],
                )
            )
    return out


def timed(items: list[Assessment], n_bootstrap: int, repeat: int) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = agreement(items, n_bootstrap=n_bootstrap, seed=1)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
        assert result.pooled.items > 0
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jurisdictions", type=int, default=18_000)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = codings(args.jurisdictions)
    print(f"{args.jurisdictions} jurisdictions x 8 principles x 3 coders: {len(items)} assessments")
    for n_bootstrap in (0, args.bootstrap):
        wall, cpu = timed(items, n_bootstrap, args.repeat)
        verdict = "meets" if cpu < 2.0 else "MISSES"
        print(f"  {n_bootstrap:5} replicates: wall {wall:.2f} s, CPU {cpu:.2f} s ({verdict} the 2 s target)")


if __name__ == "__main__":
    main()
