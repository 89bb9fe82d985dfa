"""Disagreements, resolutions and reconciled assessments (policeframeworks._adjudication, io review sheet)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policeframeworks import (
    Assessment,
    Evidence,
    Finding,
    Jurisdiction,
    Resolution,
    Status,
    ValidationError,
    disagreements,
    load_catalog,
    reconcile,
)
from policeframeworks.io import read_review_sheet, write_review_sheet

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids
CITY = Jurisdiction(name="Springfield", state="IL", kind="city")


def coding(assessor: str, statuses: dict[str, str], **evidence: str) -> Assessment:
    return Assessment(
        jurisdiction=CITY,
        framework_id=CW,
        as_of="2021-03",
        assessor=assessor,
        method="document-review",
        findings=tuple(
            Finding(
                principle_id=p,
                status=s,
                evidence=(Evidence(title=evidence[p.split(":")[1]], quote="=SUM(A1)"),)
                if p.split(":")[1] in evidence
                else (),
            )
            for p, s in statuses.items()
        ),
    )


A = coding("ann", {CW_IDS[0]: "adopted", CW_IDS[1]: "partial", CW_IDS[2]: "adopted"},
           **{CW_IDS[0].split(":")[1]: "Policy 300"})  # fmt: skip
B = coding("bo", {CW_IDS[0]: "adopted", CW_IDS[1]: "not_adopted"})


def test_disagreements_list_every_differing_item() -> None:
    found = disagreements([A, B])
    assert [(d.principle_id, d.statuses) for d in found] == [
        (CW_IDS[1], {"ann": "partial", "bo": "not_adopted"}),
        (CW_IDS[2], {"ann": "adopted", "bo": "unknown"}),
    ]


def test_reconcile_cites_codings_and_resolvers() -> None:
    res = [
        Resolution(jurisdiction=CITY, framework_id=CW, as_of="2021-03", principle_id=CW_IDS[1],
                   status="partial", resolved_by="cy", how="adjudicator", note="section 4 is partial"),
        Resolution(jurisdiction=CITY, framework_id=CW, as_of="2021-03", principle_id=CW_IDS[2],
                   status="adopted", resolved_by="ann and bo", how="consensus"),
    ]  # fmt: skip
    (merged,) = reconcile([A, B], resolutions=res, assessor="team")
    assert merged.assessor == "team"
    assert merged.notes == ("reconciled from the codings of ann, bo",)
    agreed = merged.finding(CW_IDS[0])
    assert agreed is not None
    assert agreed.note == "coded adopted by ann, bo"
    assert [e.title for e in agreed.evidence] == ["Policy 300"]
    resolved = merged.finding(CW_IDS[1])
    assert resolved is not None
    assert resolved.status is Status.PARTIAL
    assert resolved.note == (
        "coded partial by ann, not_adopted by bo; resolved as partial by cy (adjudicator): "
        "section 4 is partial"
    )
    assert merged.finding(CW_IDS[3]) is None  # unknown on both sides stays without a finding


def test_reconcile_refuses_to_guess() -> None:
    with pytest.raises(ValidationError) as info:
        reconcile([A, B], assessor="team")
    assert [p.path for p in info.value.problems] == [CW_IDS[1], CW_IDS[2]]
    assert "no resolution given" in info.value.problems[0].message
    stray = Resolution(jurisdiction=CITY, framework_id=CW, as_of="2021-03", principle_id=CW_IDS[0],
                       status="adopted", resolved_by="cy", how="adjudicator")  # fmt: skip
    with pytest.raises(ValidationError, match="did not disagree on"):
        reconcile([A, A.__class__(**{**_fields(A), "assessor": "bo"})], resolutions=[stray], assessor="t")


def _fields(a: Assessment) -> dict[str, object]:
    return {
        "jurisdiction": a.jurisdiction,
        "framework_id": a.framework_id,
        "as_of": a.as_of,
        "assessor": a.assessor,
        "method": a.method,
        "findings": a.findings,
    }


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def fill(path: Path, row: int, cells: list[str]) -> None:
    table = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    table[row][-4:] = cells
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def test_review_sheet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    write_review_sheet(disagreements([A, B]), path)
    rows = read_rows(path)
    assert len(rows) == 2
    assert rows[0]["status: ann"] == "partial"
    assert rows[0]["status: bo"] == "not_adopted"
    assert read_review_sheet(path) == ((), 2)
    # the adjudicator fills in the first row (a spreadsheet would show the note as text: "'=...")
    fill(path, 1, ["partial", "cy", "adjudicator", "'=looks partial"])
    (resolution,), unresolved = read_review_sheet(path)
    assert unresolved == 1
    assert (resolution.principle_id, resolution.status, resolution.resolved_by) == (
        CW_IDS[1],
        "partial",
        "cy",
    )
    assert resolution.note == "=looks partial"
    assert resolution.jurisdiction.key == CITY.key


def test_review_sheet_escapes_formula_cells(tmp_path: Path) -> None:
    evidence_a = coding("ann", {CW_IDS[1]: "partial"}, **{CW_IDS[1].split(":")[1]: "=HYPERLINK()"})
    path = tmp_path / "review.csv"
    write_review_sheet(disagreements([evidence_a, B]), path)
    (row,) = [r for r in read_rows(path) if r["principle_id"] == CW_IDS[1]]
    assert row["evidence: ann"] == '\'=HYPERLINK(); "=SUM(A1)"'


def test_review_sheet_bad_resolution_names_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    write_review_sheet(disagreements([A, B]), path)
    fill(path, 1, ["adoptd", "", "consensus", ""])
    with pytest.raises(ValidationError) as info:
        read_review_sheet(path)
    messages = [str(p) for p in info.value.problems]
    assert any("row 2, column 'resolved_status'" in m and "did you mean 'adopted'" in m for m in messages)
    assert any("row 2, column 'resolved_by'" in m for m in messages)
