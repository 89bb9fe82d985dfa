"""Aggregation and history (policeframeworks._summary, _history)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import attrs
import pytest

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    ValidationError,
    diff_assessments,
    io,
    latest,
    load_catalog,
    load_seed_assessments,
    summarize,
    timeline,
)

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids


def city(
    name: str, statuses: dict[str, str], *, as_of: str = "2020", assessor: str = "A", **kw: object
) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(name=name, state="IL", kind="city"),
        framework_id=kw.pop("framework_id", CW),  # type: ignore[arg-type]
        as_of=as_of,
        assessor=assessor,
        method="document-review",
        findings=tuple(Finding(principle_id=p, status=s) for p, s in statuses.items()),
        **kw,  # type: ignore[arg-type]
    )


# --- A coded data set, imported with a column mapping, reproduces totals computed by hand ------

# The column names of a made-up coded data set: one row per city, one column per policy.
HEADERS = [
    "Chokeholds",
    "Deescalation",
    "Warning",
    "Exhaust",
    "Intervene",
    "Vehicles",
    "Continuum",
    "Reporting",
]
MAPPING = dict(zip(HEADERS, CW_IDS, strict=True)) | {"Agency": "name", "ST": "state"}


def _coded_rows(n: int, seed: int, missing: float) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        cells = [rng.choice(["1", "0"]) if rng.random() >= missing else "" for _ in HEADERS]
        rows.append([f"City {i}", rng.choice(["Texas", "CA", "New York", "DC"]), *cells])
    return rows


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["Agency", "ST", *HEADERS])
        w.writerows(rows)


@pytest.mark.parametrize(("missing", "seed"), [(0.0, 1), (0.0, 2), (0.2, 3)])
def test_imported_totals_match_totals_counted_from_the_raw_table(
    tmp_path: Path, missing: float, seed: int
) -> None:
    rows = _coded_rows(60, seed, missing)
    path = tmp_path / "coded.csv"
    _write_rows(path, rows)
    assessments = io.read_assessments_csv(
        path,
        framework=CW,
        columns=MAPPING,
        as_of="2020-06",
        assessor="coders",
        method="document-review",
        kind="city",
    )
    s = summarize(assessments)
    # The "published" totals, counted straight from the raw cells.
    for col, pid in enumerate(CW_IDS, start=2):
        column = [r[col] for r in rows]
        counts = s.principle(pid)
        assert (counts.adopted, counts.not_adopted, counts.unknown) == (
            column.count("1"),
            column.count("0"),
            column.count(""),
        )
    ones = [r[2:].count("1") for r in rows]
    blanks = [r[2:].count("") for r in rows]
    exact = [k for k, b in zip(ones, blanks, strict=True) if b == 0]
    assert dict(s.distribution) == {k: exact.count(k) for k in sorted(set(exact))}
    assert s.undetermined == sum(1 for b in blanks if b)
    assert dict(s.distribution_lower) == {k: ones.count(k) for k in sorted(set(ones))}
    assert s.unknown_findings == sum(blanks)
    if missing == 0:
        assert s.mean == pytest.approx(sum(ones) / len(ones))
        assert s.undetermined == 0
    else:
        assert s.undetermined > 0
        assert s.mean is None
        assert s.mean_bounds is not None
        lo, hi = s.mean_bounds
        assert lo == pytest.approx(sum(ones) / len(ones))
        assert hi == pytest.approx(sum(o + b for o, b in zip(ones, blanks, strict=True)) / len(ones))


def test_summary_records_and_csv(tmp_path: Path) -> None:
    items = [
        city("A", dict.fromkeys(CW_IDS, "adopted")),
        city("B", dict.fromkeys(CW_IDS, "not_adopted")),
        city("C", {CW_IDS[0]: "partial"}),
    ]
    s = summarize(items)
    assert [j.name for j in s.all_adopted] == ["A"]
    assert [j.name for j in s.none_adopted] == ["B"]
    assert s.median_bounds == (0.0, 7.0)
    records = s.to_records()
    assert records[0] == {
        "principle_id": CW_IDS[0],
        "adopted": 1,
        "partial": 1,
        "not_adopted": 1,
        "unknown": 0,
        "not_applicable": 0,
    }
    assert len(records) == 8
    dist = {r["adopted"]: r for r in s.distribution_records()}
    assert dist[8] == {"adopted": 8, "exactly": 1, "lower": 1, "upper": 1}
    assert dist[0] == {"adopted": 0, "exactly": 1, "lower": 2, "upper": 1}
    io.write_summary_csv(s, tmp_path / "p.csv")
    with (tmp_path / "p.csv").open(newline="") as handle:
        read_back = list(csv.DictReader(handle))
    assert read_back == [{k: str(v) for k, v in r.items()} for r in records]
    io.write_summary_csv(s, tmp_path / "d.csv", table="distribution")
    assert (tmp_path / "d.csv").read_text().splitlines()[0] == "adopted,exactly,lower,upper"


def test_summary_counts_reported_totals_honestly() -> None:
    s = summarize(load_seed_assessments())
    assert dict(s.distribution) == {5: 1}
    assert s.principle("8cantwait-2020:duty-to-intervene").adopted == 1
    assert s.principle("8cantwait-2020:require-de-escalation").unknown == 1


def test_summary_refuses_mixed_frameworks_and_repeats() -> None:
    with pytest.raises(ValidationError, match="one framework; got 8cantwait-2020, uscm-2020"):
        summarize([city("A", {}), city("B", {}, framework_id="uscm-2020")])
    with pytest.raises(ValidationError, match=r"St Paul, IL is assessed again \(first at \[0\]\)"):
        summarize([city("St. Paul", {}), city("St Paul", {}, as_of="2021")])
    with pytest.raises(ValidationError, match="nothing to summarize"):
        summarize([])
    empty = summarize([], framework=load_catalog().framework(CW))
    assert empty.assessments == 0
    assert empty.mean is None


# --- History ----------------------------------------------------------------------------------


def test_timeline_and_diff() -> None:
    a = city("St. Paul", {CW_IDS[0]: "not_adopted"}, as_of="2016")
    b = city("St Paul", {CW_IDS[0]: "adopted", CW_IDS[1]: "adopted"}, as_of="2020-06")
    c = city("Saint Paul", {CW_IDS[1]: "adopted"}, as_of="2021-01-05")
    t = timeline([c, a, b])
    assert t.dates == ("2016", "2020-06", "2021-01-05")
    assert t.jurisdiction.name == "Saint Paul"
    assert t.at("2015") is None
    assert t.at("2020-05") is a
    assert t.at("2020-06-01") is b
    d = t.diff("2016-12", "2022")
    assert d.before is a
    assert d.after is c
    assert [str(ch) for ch in d.changes] == [
        f"{CW_IDS[0]}: not_adopted -> unknown",
        f"{CW_IDS[1]}: unknown -> adopted",
    ]
    assert d.newly_adopted == (CW_IDS[1],)
    assert d.no_longer_adopted == ()
    steps = t.changes()
    assert [s.newly_adopted for s in steps] == [(CW_IDS[0], CW_IDS[1]), ()]
    assert steps[1].no_longer_adopted == (CW_IDS[0],)
    with pytest.raises(ValidationError, match="no assessment of Saint Paul, IL on or before 2015"):
        t.diff("2015", "2020")


def test_timeline_errors() -> None:
    with pytest.raises(ValidationError) as info:
        timeline([city("A", {}), city("B", {}, as_of="2021"), city("A", {}, assessor="other")])
    text = str(info.value)
    assert "one jurisdiction; got A, IL, B, IL" in text
    assert "two assessments on 2020 (by A and other)" in text
    with pytest.raises(ValidationError):
        timeline([])
    with pytest.raises(ValidationError, match="is not"):
        diff_assessments(city("A", {}), city("B", {}))


def test_latest() -> None:
    a, b = city("A", {}, as_of="2019"), city("a", {}, as_of="2020-02")
    other = city("B", {})
    assert latest([a, other, b]) == (b, other)
    assert latest([a, other, b], as_of="2019-12") == (a,)
    with pytest.raises(ValidationError, match="2 assessments of 8cantwait-2020 on 2020"):
        latest([other, attrs.evolve(other, assessor="Z")])
