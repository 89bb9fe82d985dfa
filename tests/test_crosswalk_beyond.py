"""The whole bundled crosswalk, seed rows and the rows beyond the seeds: lint, dispositions, the matrix."""

from __future__ import annotations

import csv
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Basis,
    CoverageStatus,
    Crosswalk,
    CrosswalkDocument,
    Disposition,
    Principle,
    Relationship,
    load_catalog,
)
from policeframeworks._bundled import bundled_documents, bundled_sources
from policeframeworks._ids import parent_id_of

CATALOG = load_catalog()
CW = CATALOG.crosswalk
DATA_SRC = Path(__file__).resolve().parent.parent / "data-src"
INCOMPLETE = {"perf-2016", "campaignzero-2015", "21cp-2015"}
ALL_PRINCIPLES = [p for fw in CATALOG.frameworks for p in fw.iter_principles()]


def _beyond() -> Crosswalk:
    (doc,) = [d for d in bundled_documents() if d.id == "beyond-seeds"]
    return Crosswalk(doc.mappings, catalog=CATALOG)


# ------------------------------------------------------------------ the files


def test_every_crosswalk_file_is_listed_and_loaded() -> None:
    folder = resources.files("policeframeworks.data").joinpath("crosswalks")
    on_disk = sorted(f.name.removesuffix(".toml") for f in folder.iterdir() if f.name.endswith(".toml"))
    listed = tomllib.loads(resources.files("policeframeworks.data").joinpath("catalog.toml").read_text())
    assert sorted(listed["crosswalks"]) == on_disk
    assert [s.rsplit("/", 1)[1].removesuffix(".toml") for s in bundled_sources()] == listed["crosswalks"]
    assert len(CW.mappings) == sum(len(d.mappings) for d in bundled_documents())


def test_whole_bundled_crosswalk_lints_clean() -> None:
    assert CW.lint() == ()


@pytest.mark.parametrize("doc", bundled_documents(), ids=lambda d: d.id)
def test_each_bundled_file_lints_clean_on_its_own(doc: CrosswalkDocument) -> None:
    assert Crosswalk(doc.mappings, catalog=CATALOG).lint() == ()


def test_bundled_mappings_imply_nothing_they_do_not_state() -> None:
    # Composition across the bundled rows would show inconsistent scopes (as a PERF title against its
    # explanatory paragraph did in review): nothing is derived that the files do not already say.
    assert CW.derive() == ()


def test_explicit_mappings_cite_a_source_with_an_address() -> None:
    explicit = [m for m in CW.mappings if m.basis is Basis.EXPLICIT]
    assert explicit
    for m in explicit:
        assert m.citation is not None
        assert m.citation.url.startswith(("http://", "https://"))


# ------------------------------------------------------------------ the rows beyond the seeds


def test_row_70_is_the_opposing_row() -> None:
    opposing = [m for m in CW.mappings if m.opposing]
    assert [(m.source, m.relationship, m.target) for m in opposing] == [
        ("uscm-2020:redefining-the-role", Relationship.INTERSECTS, "8toabolition-2020:defund-the-police")
    ]
    assert "actual defunding is not the path" in opposing[0].rationale


def test_beyond_rows_reach_every_new_framework() -> None:
    touched = {m.source.split(":")[0] for m in _beyond().mappings} | {
        m.target.split(":")[0] for m in _beyond().mappings
    }
    assert {"21cp-2015", "campaignzero-2015", "peel-principles", "8toabolition-2020", "perf-2016"} <= touched


def test_no_beyond_row_covers_a_parent_or_framework_except_the_stated_one() -> None:
    # equal/superset on a parent or whole framework covers every leaf below it; the review allowed it
    # once, where Campaign Zero places the eight policies in its use-of-force-policy component.
    leaves = {p.id for p in ALL_PRINCIPLES if p.is_leaf}
    wide = []
    for m in _beyond().mappings:
        for read in (m, m.inverse()):
            if read.relationship.covers and read.target not in leaves and ":" in read.source:
                wide.append((read.source, read.target))
    assert wide == [("campaignzero-2015:limit-use-of-force/use-of-force-policies", "8cantwait-2020")]


def test_8toabolition_shares_nothing_with_8cantwait() -> None:
    report = CW.coverage("8toabolition-2020", "8cantwait-2020")
    assert report.upper == 0
    assert {report.status(leaf) for leaf in report.leaves} == {CoverageStatus.NO_RELATIONSHIP}


def test_every_waiting_draft_row_was_decided() -> None:
    with (DATA_SRC / "crosswalk-review.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    decisions: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        decisions[row["draft_row"]].append(row["decision"])
    assert {str(n) for n in range(1, 74)} <= set(decisions)
    for number, seen in decisions.items():
        if number != "new":
            assert seen[-1] in {"shipped", "changed", "dropped"}, (number, seen)


# ------------------------------------------------------------------ dispositions


def _ends_about(principle_id: str, framework_id: str, descendants: list[str]) -> set[str]:
    ends = {principle_id, framework_id, *descendants}
    parent = parent_id_of(principle_id)
    while parent is not None:
        ends.add(parent)
        parent = parent_id_of(parent)
    return ends


@pytest.mark.parametrize("principle", ALL_PRINCIPLES, ids=lambda p: p.id)
def test_every_principle_has_a_disposition_consistent_with_the_mappings(principle: Principle) -> None:
    p = principle
    d = CW.disposition(p.id)
    assert isinstance(d, Disposition)
    ends = _ends_about(p.id, p.framework_id, [q.id for q in p.walk()][1:])
    about = [m for m in CW.mappings if m.source in ends or m.target in ends]
    reviewed = any(p.framework_id in (r.source, r.target) for r in CW.reviews)
    if not about and not reviewed:
        assert d is Disposition.NOT_REVIEWED
    if any(m.relationship.touches for m in CW.related(p.id)):
        assert d is Disposition.MAPPED
    if d is Disposition.NO_RELATIONSHIP:
        # reviewed with nothing in common: a no_relationship row, or a declared complete review
        assert reviewed or any(m.relationship is Relationship.NO_RELATIONSHIP for m in about)


def test_framing_statements_have_a_disposition_too() -> None:
    assert CW.disposition("uscm-2020:peel-framing") is Disposition.MAPPED


def test_the_draft_rows_leave_only_known_gaps_not_reviewed() -> None:
    not_reviewed = {p.id for p in ALL_PRINCIPLES if CW.disposition(p.id) is Disposition.NOT_REVIEWED}
    # The 2016 list is joined to 2020 by bundled rows (campaign-zero-eight-versions.toml).
    assert not {p.id for p in CATALOG.framework("useofforce-2016").iter_principles()} & not_reviewed
    # The dossier's provisions "with no counterpart" that the review found no partner for.
    assert "21cp-2015:officer-wellness-and-safety" in not_reviewed
    assert "perf-2016:first-aid" in not_reviewed
    for fw in ("uscm-2020", "8cantwait-2020", "policylink-pledge", "8toabolition-2020", "useofforce-2016"):
        assert not any(i.startswith(fw + ":") for i in not_reviewed), fw


# ------------------------------------------------------------------ the coverage matrix


def test_matrix_over_all_eleven_frameworks() -> None:
    matrix = CW.matrix()
    assert len(matrix.frameworks) == len(CATALOG.framework_ids) >= 11
    for s, t, lower, upper in matrix.rows():
        assert 0 <= lower <= upper <= 1
        report = matrix.report(s, t)
        assert set(report.incomplete) == {s, t} & INCOMPLETE
        if s == t:
            assert lower == upper == 1


@given(st.sampled_from(sorted(INCOMPLETE)), st.sampled_from(CATALOG.framework_ids))
def test_no_coverage_with_an_incomplete_framework_hides_it(incomplete: str, other: str) -> None:
    assert incomplete in CW.coverage(incomplete, other).incomplete
    assert incomplete in CW.coverage(other, incomplete).incomplete


def test_matrix_figures_beyond_the_seeds() -> None:
    matrix = CW.matrix()
    # Campaign Zero places the eight policies inside its use-of-force-policy component.
    assert matrix.lower("campaignzero-2015", "8cantwait-2020") == 1.0
    # ILACP/NAACP endorse the six pillars: every pillar is touched, none counted as met.
    assert (matrix.lower("ilacp-naacp-2018", "21cp-2015"), matrix.upper("ilacp-naacp-2018", "21cp-2015")) == (
        0.0,
        1.0,
    )
    explained = matrix.report("ilacp-naacp-2018", "21cp-2015").explain(
        "21cp-2015:officer-wellness-and-safety"
    )
    assert explained.status is CoverageStatus.TOUCHED
    assert [m.target for m in explained.mappings] == ["21cp-2015"]
