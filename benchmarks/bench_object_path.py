"""The object path's goals of issue 14, each beside its baseline, in one run.

* First catalog load in a fresh interpreter (``load_catalog()`` after ``import policeframeworks``), median of
  several runs, after ``compileall`` of the package. Goal: < 30 ms. Beside it, in the same run and
  interleaved with it, the baseline: the same catalog built from the TOML files through the strict cattrs
  converter (what every first load did before ``data/prebuilt.json``).
* Projection of N 8 Can't Wait assessments onto USCM 2020 with ``Assessment.project`` against the same rule
  written by hand (a dict from (principle, status) to (target, rank), built once from the crosswalk's
  mappings; best rank per target). Both keep every result (the objects path a projected ``Assessment`` with
  the mappings behind each finding, the hand rule a dict of target -> status), each is timed best of
  ``--repeat``, and the two results are compared cell by cell (every target's status). The hand rule reads
  only mappings between two principles, which is the whole rule for this pair only because every mapping
  bearing on a USCM leaf here joins two leaves (checked before timing). Goal: <= 5x.
* ``Crosswalk.lint()`` on 5,000 and 50,000 synthetic mappings (the catalog of ``bench_crosswalk.py``).
  Goal: 50k / 5k <= 11 (linear).

Measured elsewhere: read + score + summarize against a hand-written ``csv`` loop in
``bench_assessments.py``; the ``assess import`` / ``assess summary`` commands in ``bench_assess_cli.py``.

Run: ``python benchmarks/bench_object_path.py [--assessments 20000] [--repeat 3] [--lint 5000 50000]
[--runs 7]``
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import policeframeworks as pf

FIRST_LOAD = (
    "import time, policeframeworks as pf; t = time.perf_counter(); pf.load_catalog(); "
    "print(time.perf_counter() - t)"
)
FROM_TOML = (
    "import time, policeframeworks as pf; t = time.perf_counter(); "
    "from policeframeworks._bundled import catalog_from_toml; b = catalog_from_toml(); "
    "pf.Catalog(b.frameworks, sources=b.sources, data_version=b.data_version, "
    "endorsements=b.endorsements.endorsements if b.endorsements else ()); "
    "print(time.perf_counter() - t)"
)
STATUSES = ["adopted", "partial", "not_adopted", "unknown", "not_applicable"]
COVERS = {"equal", "superset"}
RANKED = {3: "adopted", 2: "partial", 1: "not_adopted", 0: "unknown"}
T = TypeVar("T")


def first_load_ms(runs: int) -> tuple[list[float], list[float]]:
    """The ms of each first catalog load and of each TOML baseline, each in a fresh interpreter."""
    import compileall

    compileall.compile_dir(str(Path(pf.__file__).parent), quiet=1)  # time loads, not compiles
    times: dict[str, list[float]] = {FIRST_LOAD: [], FROM_TOML: []}
    for _ in range(runs):
        for script, found in times.items():  # interleaved: both see the same load on the machine
            out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            found.append(float(out.stdout.strip()) * 1000)
    return times[FIRST_LOAD], times[FROM_TOML]


def assessments(n: int, seed: int = 0) -> list[pf.Assessment]:
    rng = random.Random(seed)
    leaves = [p.id for p in pf.load_catalog().framework("8cantwait-2020").leaves()]
    return [
        pf.Assessment(
            jurisdiction=pf.Jurisdiction(name=f"City {i}", state="IL", kind="city"),
            framework_id="8cantwait-2020",
            as_of="2020",
            assessor="bench",
            method="document-review",
            findings=[pf.Finding(principle_id=p, status=rng.choice(STATUSES)) for p in leaves],
        )
        for i in range(n)
    ]


def hand_rules(onto: str) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """The projection rule written by hand, from the crosswalk's mappings between two principles."""
    cat = pf.load_catalog()
    target_fw = cat.framework(onto)
    targets = set(target_fw.principle_ids) - set(target_fw.framing_ids)
    table: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for m in cat.crosswalk.mappings:
        for source, target, rel in (
            (m.source, m.target, m.relationship),
            (m.target, m.source, m.relationship.inverse()),
        ):
            if target not in targets or m.opposing or rel.value == "no_relationship":
                continue
            r = rel.value
            ranks = {
                "adopted": 3 if r in COVERS else 2,
                "partial": 2 if r in COVERS else 0,
                "not_adopted": 1 if r == "equal" else 0,
            }
            for status, rank in ranks.items():
                table.setdefault((source, status), []).append((target, rank))
    return table


def hand_rule_is_the_rule(source: str, onto: str) -> bool:
    """Whether every positive mapping bearing on a target leaf joins a leaf of ``source`` to that leaf.

    Then the hand rule (principle-to-principle mappings only, no roll-up of parents or whole frameworks)
    is the library's whole rule for the pair.
    """
    cat = pf.load_catalog()
    report = cat.crosswalk.coverage(source, onto)
    leaves = set(cat.framework(source).leaf_ids)
    return all(
        m.source in leaves and m.target == leaf
        for leaf in report.leaves
        for m in report.explain(leaf).mappings
        if m.relationship.touches and not m.opposing
    )


def project_by_hand(
    items: list[pf.Assessment], table: dict[tuple[str, str], list[tuple[str, int]]]
) -> list[dict[str, str]]:
    out = []
    for a in items:
        best: dict[str, int] = {}
        for f in a.findings:
            for target, rank in table.get((f.principle_id, f.status.value), ()):
                if rank > best.get(target, -1):
                    best[target] = rank
        out.append({t: RANKED[r] for t, r in best.items()})
    return out


def project_objects(items: list[pf.Assessment], onto: str, cw: pf.Crosswalk) -> list[pf.Assessment]:
    return [a.project(onto, cw) for a in items]


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """How long one call of ``fn`` takes (seconds), and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def lint_seconds(n: int) -> float:
    from bench_crosswalk import synthetic_catalog, synthetic_mappings

    catalog = synthetic_catalog()
    cw = pf.Crosswalk(synthetic_mappings(catalog, n), catalog=catalog)
    start = time.perf_counter()
    cw.lint()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--assessments", type=int, default=20_000)
    parser.add_argument("--lint", type=int, nargs=2, default=[5_000, 50_000])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes for the first load")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each projection side")
    args = parser.parse_args()

    fast, toml = first_load_ms(args.runs)
    ms, toml_ms = statistics.median(fast), statistics.median(toml)
    print(
        f"first catalog load (fresh process, median of {args.runs}): {ms:.1f} ms (fastest {min(fast):.1f}); "
        f"from the TOML files through the converter {toml_ms:.1f} ms (fastest {min(toml):.1f}); "
        f"ratio {toml_ms / ms:.1f}x   goal < 30 ms",
        flush=True,
    )

    cw = pf.load_catalog().crosswalk
    assert hand_rule_is_the_rule("8cantwait-2020", "uscm-2020"), "the hand rule is not the whole rule here"
    table = hand_rules("uscm-2020")
    assessments(1)[0].project("uscm-2020", cw)  # warm both paths' caches (the compiled rule tables)
    obj = by_hand = float("inf")
    for _ in range(args.repeat):  # interleaved, so that both sides see the same machine
        # Fresh assessments each time: nothing an assessment caches on first use is reused across runs.
        items = assessments(args.assessments)
        t_obj, objects = timed(functools.partial(project_objects, items, "uscm-2020", cw))
        t_hand, hand = timed(functools.partial(project_by_hand, items, table))
        obj, by_hand = min(obj, t_obj), min(by_hand, t_hand)
    same = [{f.principle_id: f.status.value for f in p.findings} for p in objects] == hand
    print(
        f"projection of {len(items):,}: objects {obj:.3f} s ({obj / len(items) * 1e6:.1f} us each), "
        f"hand rule {by_hand:.3f} s ({by_hand / len(items) * 1e6:.1f} us each); ratio {obj / by_hand:.1f}x"
        f"   goal <= 5x   (best of {args.repeat}; same status on every target: {same})",
        flush=True,
    )

    small, large = (lint_seconds(n) for n in args.lint)
    print(
        f"lint: {args.lint[0]:,} mappings {small:.2f} s, {args.lint[1]:,} mappings {large:.2f} s; "
        f"ratio {large / small:.1f} for {args.lint[1] / args.lint[0]:.0f}x the mappings   goal <= 11",
        flush=True,
    )


if __name__ == "__main__":
    main()
