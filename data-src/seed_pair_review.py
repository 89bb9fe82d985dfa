"""Skeleton and check for the seed-pair review log (data-src/seed-pair-review.csv).

The log has one row per unordered pair of leaves of two different seed frameworks: ``a`` from the framework
listed first in the seed crosswalk (seed-frameworks.toml), ``b`` from the later one, in catalog order. A
reviewer fills ``decision`` (``related`` or ``unrelated``) and, for a related pair, ``relationship`` read as
"a RELATIONSHIP b" (equal, subset, superset, intersects) and ``strength`` (1-10); ``reason`` says why where
the decision is not obvious. This script never decides anything:

    python data-src/seed_pair_review.py skeleton   # add a blank row for every pair the log lacks
    python data-src/seed_pair_review.py check      # list rows that are missing, unknown or incomplete

``skeleton`` keeps every existing row as written (decisions and reasons) and writes the file atomically.
tests/test_seed_pair_review.py checks the log against the bundled crosswalk.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import sys
import tempfile
import tomllib
from importlib import resources
from pathlib import Path

from policeframeworks import load_catalog

LOG = Path(__file__).resolve().parent / "seed-pair-review.csv"
FIELDS = ["a", "b", "decision", "relationship", "strength", "reason"]
RELATIONSHIPS = {"equal", "subset", "superset", "intersects"}


def seed_frameworks() -> list[str]:
    """The seed frameworks, in the order the seed crosswalk file lists them."""
    text = resources.files("policeframeworks.data").joinpath("crosswalks", "seed-frameworks.toml").read_text()
    return list(tomllib.loads(text)["frameworks"])


def leaf_pairs() -> list[tuple[str, str]]:
    """Every unordered pair of leaves of two different seed frameworks, in canonical order."""
    catalog = load_catalog()
    seeds = seed_frameworks()
    leaves = {f: [p.id for p in catalog.framework(f).iter_principles() if p.is_leaf] for f in seeds}
    return [(a, b) for fa, fb in itertools.combinations(seeds, 2) for a in leaves[fa] for b in leaves[fb]]


def read_log() -> list[dict[str, str]]:
    """The rows of the log as written (none when it does not exist yet)."""
    if not LOG.exists():
        return []
    with LOG.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def problems(rows: list[dict[str, str]]) -> list[str]:
    """What is wrong with the log: missing, unknown or repeated pairs, incomplete or inconsistent rows."""
    pairs = leaf_pairs()
    known = set(pairs)
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for n, row in enumerate(rows, start=2):
        pair = (row["a"], row["b"])
        if pair not in known:
            out.append(f"line {n}: {pair} is not a pair of seed leaves in canonical order")
        if pair in seen:
            out.append(f"line {n}: {pair} repeated")
        seen.add(pair)
        decision, rel, strength = row["decision"], row["relationship"], row["strength"]
        if decision == "related":
            if rel not in RELATIONSHIPS:
                out.append(f"line {n}: related row needs a relationship, got {rel!r}")
            if (
                not strength.isdigit()
                or not 1 <= int(strength) <= 10
                or (int(strength) == 10) != (rel == "equal")
            ):
                out.append(f"line {n}: strength {strength!r} does not fit {rel!r} (10 only for equal)")
        elif decision == "unrelated":
            if rel or strength:
                out.append(f"line {n}: unrelated row has a relationship or strength")
        else:
            out.append(f"line {n}: decision {decision!r} is not related or unrelated")
    missing = [p for p in pairs if p not in seen]
    if missing:
        out.append(f"{len(missing)} pairs have no row, first {missing[0]}")
    return out


def skeleton() -> int:
    """Add a blank row for every pair the log lacks, keeping every row as written."""
    rows = read_log()
    have = {(r["a"], r["b"]) for r in rows}
    added = [dict.fromkeys(FIELDS, "") | {"a": a, "b": b} for a, b in leaf_pairs() if (a, b) not in have]
    order = {pair: i for i, pair in enumerate(leaf_pairs())}
    merged = sorted(rows + added, key=lambda r: order.get((r["a"], r["b"]), len(order)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(merged)
    fd, tmp = tempfile.mkstemp(dir=LOG.parent, prefix=".seed-pair-review.", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    os.replace(tmp, LOG)
    print(f"{len(added)} blank rows added, {len(merged)} rows in {LOG.name}")
    return 0


def check() -> int:
    """Print the log's problems; exit status 1 when there are any."""
    found = problems(read_log())
    for line in found:
        print(line)
    print(f"{len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"skeleton": skeleton, "check": check}[command]())
