"""The seed-pair review log (data-src/seed-pair-review.csv) against the catalog and the bundled crosswalk.

The log has one row per unordered pair of leaves of two different seed frameworks. The bundled crosswalk
holds exactly its related rows between seed frameworks (same relationship and strength, read in either
direction), all in seed-frameworks.toml, each joining two leaves; any no_relationship row between seed
frameworks only restates pairs the log calls unrelated.
"""

from __future__ import annotations

import csv
import itertools
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from policeframeworks import Crosswalk, Mapping, Relationship, load_catalog
from policeframeworks._bundled import bundled_documents

CATALOG = load_catalog()
LOG = Path(__file__).resolve().parent.parent / "data-src" / "seed-pair-review.csv"
SEEDS = tomllib.loads(
    resources.files("policeframeworks.data").joinpath("crosswalks", "seed-frameworks.toml").read_text()
)["frameworks"]
LEAVES = {f: [p.id for p in CATALOG.framework(f).iter_principles() if p.is_leaf] for f in SEEDS}
FRAMEWORK_OF = {leaf: f for f, leaves in LEAVES.items() for leaf in leaves}
with LOG.open(encoding="utf-8", newline="") as _handle:
    ROWS = list(csv.DictReader(_handle))

Key = tuple[str, str, str, int]


def _framework(end: str) -> str:
    return end.split(":", 1)[0]


def _seed_to_seed(m: Mapping) -> bool:
    a, b = _framework(m.source), _framework(m.target)
    return a in SEEDS and b in SEEDS and a != b


def _canonical(m: Mapping) -> Key:
    """(a, b, relationship, strength) with a from the framework listed first, read as "a REL b"."""
    if SEEDS.index(_framework(m.source)) < SEEDS.index(_framework(m.target)):
        return (m.source, m.target, m.relationship.value, m.strength)
    return (m.target, m.source, m.relationship.inverse().value, m.strength)


def _ends(end: str) -> list[str]:
    """The seed leaves a mapping end stands for: itself, the leaves below a parent, or a whole framework's."""
    if end in LEAVES:
        return LEAVES[end]
    return [leaf for leaf in LEAVES[_framework(end)] if leaf == end or leaf.startswith(end + "/")]


def test_the_five_seeds_are_the_crosswalk_files_frameworks() -> None:
    assert SEEDS == [
        "uscm-2020",
        "8cantwait-2020",
        "ilacp-naacp-2018",
        "policylink-2014",
        "policylink-pledge",
    ]


def test_log_has_one_row_per_leaf_pair_in_canonical_order() -> None:
    expected = [(a, b) for fa, fb in itertools.combinations(SEEDS, 2) for a in LEAVES[fa] for b in LEAVES[fb]]
    assert len(expected) == sum(len(LEAVES[a]) * len(LEAVES[b]) for a, b in itertools.combinations(SEEDS, 2))
    assert [(r["a"], r["b"]) for r in ROWS] == expected


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['a']}|{r['b']}")
def test_each_row_is_complete(row: dict[str, str]) -> None:
    assert row["decision"] in {"related", "unrelated"}
    if row["decision"] == "unrelated":
        assert row["relationship"] == row["strength"] == ""
        return
    rel = Relationship(row["relationship"])
    assert rel is not Relationship.NO_RELATIONSHIP
    strength = int(row["strength"])
    assert (strength == 10) == (rel is Relationship.EQUAL)
    assert 1 <= strength <= 10
    assert row["reason"].strip()


def test_every_positive_seed_mapping_joins_two_leaves() -> None:
    wide = [
        (m.source, m.target)
        for m in CATALOG.crosswalk.mappings
        if _seed_to_seed(m)
        and m.relationship.touches
        and not (m.source in FRAMEWORK_OF and m.target in FRAMEWORK_OF)
    ]
    assert wide == []


def test_bundled_crosswalk_holds_exactly_the_related_rows() -> None:
    logged = Counter(
        (r["a"], r["b"], r["relationship"], int(r["strength"])) for r in ROWS if r["decision"] == "related"
    )
    bundled = Counter(
        _canonical(m) for m in CATALOG.crosswalk.mappings if _seed_to_seed(m) and m.relationship.touches
    )
    assert bundled - logged == Counter(), "bundled rows the log does not record as related"
    assert logged - bundled == Counter(), "related rows of the log missing from the bundled crosswalk"


def test_seed_to_seed_rows_are_all_in_the_seed_file() -> None:
    for doc in bundled_documents():
        if doc.id != "seed-frameworks":
            assert not [m for m in doc.mappings if _seed_to_seed(m)], doc.id


def test_no_relationship_rows_only_restate_unrelated_pairs() -> None:
    decision = {(r["a"], r["b"]): r["decision"] for r in ROWS}
    rows = [m for m in CATALOG.crosswalk.mappings if _seed_to_seed(m) and not m.relationship.touches]
    for m in rows:
        for x in _ends(m.source):
            for y in _ends(m.target):
                pair = (x, y) if (x, y) in decision else (y, x)
                assert decision[pair] == "unrelated", (m.source, m.target, pair)


def test_seed_file_alone_implies_nothing_it_does_not_state() -> None:
    (doc,) = [d for d in bundled_documents() if d.id == "seed-frameworks"]
    assert Crosswalk(doc.mappings, catalog=CATALOG).derive() == ()


def test_short_forms_are_never_contained() -> None:
    # ILACP/NAACP principles 9 and 10 are held only as short forms from press coverage: no containment.
    short = {"ilacp-naacp-2018:diversity", "ilacp-naacp-2018:de-escalation-training"}
    for m in CATALOG.crosswalk.mappings:
        if short & {m.source, m.target}:
            assert m.relationship in {Relationship.INTERSECTS, Relationship.NO_RELATIONSHIP}, m


def test_seed_file_declares_every_seed_pair_completely_reviewed() -> None:
    (doc,) = [d for d in bundled_documents() if d.id == "seed-frameworks"]
    declared = {frozenset((r.source, r.target)) for r in doc.reviews if r.scope.value == "complete"}
    assert len(doc.reviews) == len(declared) == 10
    assert declared == {frozenset(pair) for pair in itertools.combinations(SEEDS, 2)}
