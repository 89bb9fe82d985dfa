"""Speed of crosswalk coverage and the coverage matrix, on the bundled catalog and on synthetic ones.

Synthetic catalogs: 20 frameworks, 10,000 principles (each framework 40 top-level principles with 9
children each and 100 without), and 5,000 or 50,000 random mappings between principles of different
frameworks (some to parents, a few to whole frameworks). Targets: matrix over 20 frameworks under 1
second on one core at 50,000 mappings, and cost growing about linearly with mappings (the 5,000 -> 50,000
ratio is reported; linear would be 10x, and part of the cost does not depend on mappings at all).

Each figure is the best of several runs on a fresh crosswalk (so its lazily built indexes are counted).

Run: ``python benchmarks/bench_crosswalk.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from policeframeworks import Catalog, Citation, Crosswalk, Framework, Mapping, Principle, load_catalog

CITE = Citation(publisher="Bench", title="Synthetic", url="https://example.org/bench")
RELATIONSHIPS = [("equal", 10), ("subset", 5), ("superset", 5), ("intersects", 4), ("no_relationship", 0)]


def synthetic_catalog(n_frameworks: int = 20, parents: int = 40, leaf_tops: int = 100) -> Catalog:
    """Each framework: ``parents`` top-level principles with 9 children each, then ``leaf_tops`` leaves."""
    frameworks = []
    for f in range(n_frameworks):
        fid = f"fw-{f}"
        tops = []
        for t in range(parents + leaf_tops):
            children: tuple[Principle, ...] = ()
            if t < parents:
                children = tuple(
                    Principle(
                        id=f"{fid}:p{t}/c{c}",
                        title="c",
                        text="c",
                        wording="paraphrase",
                        themes=("training",),
                        citation=CITE,
                    )
                    for c in range(9)
                )
            tops.append(
                Principle(
                    id=f"{fid}:p{t}",
                    title="p",
                    text="p",
                    wording="paraphrase",
                    themes=("training",),
                    citation=CITE,
                    children=children,
                )
            )
        frameworks.append(
            Framework(
                id=fid,
                family=fid,
                version="1",
                title=fid,
                short_title=fid,
                publisher="Bench",
                date="2024",
                kind="principles",
                data_version="1",
                citation=CITE,
                principles=tuple(tops),
            )
        )
    return Catalog(frameworks, bundled_crosswalks=False)


def synthetic_mappings(catalog: Catalog, n: int, seed: int = 1) -> list[Mapping]:
    rng = random.Random(seed)
    ids = {fw.id: list(fw.principle_ids) for fw in catalog}
    fw_ids = list(ids)
    out = []
    for _ in range(n):
        a, b = rng.sample(fw_ids, 2)
        source = rng.choice(ids[a])
        target = b if rng.random() < 0.001 else rng.choice(ids[b])
        rel, strength = rng.choice(RELATIONSHIPS)
        out.append(
            Mapping(
                source=source,
                relationship=rel,
                target=target,
                rationale_type="semantic",
                strength=strength,
                basis="analytic",
                rationale="synthetic",
                mapped_by="bench",
            )
        )
    return out


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    bundled = load_catalog()
    mappings = bundled.crosswalk.mappings
    cov = best(
        lambda: Crosswalk(mappings, catalog=bundled).coverage("8cantwait-2020", "uscm-2020"), args.repeat
    )
    mat = best(lambda: Crosswalk(mappings, catalog=bundled).matrix(), args.repeat)
    print(f"bundled ({len(mappings)} mappings): coverage {cov * 1e3:.2f} ms, matrix 5x5 {mat * 1e3:.2f} ms")

    t0 = time.perf_counter()
    catalog = synthetic_catalog()
    n_principles = sum(len(fw.principle_ids) for fw in catalog)
    print(
        f"synthetic catalog: {len(catalog)} frameworks, {n_principles} principles "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    results = {}
    for n in (5_000, 50_000):
        ms = synthetic_mappings(catalog, n)
        cw = Crosswalk(ms, catalog=catalog, check_ids=False)
        one = best(
            lambda cw=cw: Crosswalk(cw.mappings, catalog=catalog, check_ids=False).coverage("fw-0", "fw-1"),
            args.repeat,
        )
        full = best(
            lambda cw=cw: Crosswalk(cw.mappings, catalog=catalog, check_ids=False).matrix(), args.repeat
        )
        warm = Crosswalk(ms, catalog=catalog, check_ids=False)
        warm.matrix()
        again = best(warm.matrix, args.repeat)
        results[n] = full
        print(
            f"{n:>6} mappings: coverage {one * 1e3:7.1f} ms | matrix 20x20 {full * 1e3:7.1f} ms "
            f"(indexes built) | {again * 1e3:7.1f} ms (indexes cached)"
        )
    ratio = results[50_000] / results[5_000]
    verdict = "PASS" if results[50_000] < 1.0 else "FAIL"
    print(f"matrix 5,000 -> 50,000 mappings: {ratio:.1f}x (linear: 10x); 50,000 under 1 s: {verdict}")


if __name__ == "__main__":
    main()
