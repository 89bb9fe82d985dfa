"""Change over time across datasets and adoption events (policeframeworks._changes)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    Status,
    ValidationError,
    adoption_events,
    change_kind,
    changes,
    io,
)
from policeframeworks._analysis import Change

CW = "8cantwait-2020"
DTI = f"{CW}:duty-to-intervene"
DEI = f"{CW}:require-de-escalation"


def city(name: str, state: str | None, as_of: str, fw: str = CW, **statuses: str) -> Assessment:
    return Assessment(
        jurisdiction=Jurisdiction(name=name, state=state, kind="city"),
        framework_id=fw,
        as_of=as_of,
        assessor="me",
        method="document-review",
        findings=[Finding(principle_id=pid, status=s) for pid, s in statuses.items()],
    )


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("not_adopted", "adopted", "newly_adopted"),
        ("partial", "adopted", "newly_adopted"),
        ("adopted", "not_adopted", "no_longer_adopted"),
        ("unknown", "adopted", "known_after_only"),
        ("adopted", "unknown", "known_before_only"),
        ("partial", "not_adopted", "other"),
    ],
)
def test_change_classes(before: str, after: str, kind: str) -> None:
    assert change_kind(Change(principle_id=DTI, before=before, after=after)) == kind


def test_changes_counts_honestly_over_matched_jurisdictions() -> None:
    before = [
        city("Saint Paul", "MN", "2016", **{DTI: "not_adopted", DEI: "adopted"}),
        city("Kansas City, MO", None, "2016", **{DTI: "adopted"}),
        city("Boise", "ID", "2016", **{DTI: "adopted"}),
    ]
    after = [
        city("St. Paul", "MN", "2020-06", **{DTI: "adopted", DEI: "not_adopted"}),
        city("Kansas City", "MO", "2020-06"),
        city("Austin", "TX", "2020-06", **{DTI: "adopted"}),
    ]
    c = changes(before, after)
    assert [str(d.jurisdiction) for d in c.diffs] == ["St. Paul, MN", "Kansas City, MO"]
    assert (c.count("newly_adopted"), c.count("no_longer_adopted"), c.count("known_before_only")) == (1, 1, 1)
    rows = {r["principle_id"]: r for r in c.to_records()}
    assert rows[DTI]["adopted_before"] == 1 and rows[DTI]["adopted_after"] == 1  # noqa: PT018
    assert rows[DTI]["matched"] == 2
    assert {r["change"] for r in c.change_records()} == {
        "newly_adopted",
        "no_longer_adopted",
        "known_before_only",
    }
    assert [str(u.jurisdiction) for u in c.match.unmatched_left] == ["Boise, ID"]


def test_changes_across_versions_go_through_the_version_crosswalk() -> None:
    old = city(
        "Boise", "ID", "2016", fw="useofforce-2016", **{"useofforce-2016:require-de-escalation": "adopted"}
    )
    new = city("Boise", "ID", "2020-06", **{DEI: "adopted"})
    c = changes([old], [new])
    assert c.projected_from == "useofforce-2016"
    (d,) = c.diffs
    assert d.before.method == "derived"
    # A reworded policy is only "intersects" in the generated version crosswalk: adopted projects as partial.
    assert d.before.status_of(DEI) is Status.PARTIAL
    assert change_kind(next(ch for ch in d.changes if ch.principle_id == DEI)) == "newly_adopted"


def test_changes_refuses_unrelated_frameworks_and_repeats() -> None:
    with pytest.raises(ValidationError, match="not versions of one framework family"):
        changes([city("A", "IL", "2016", fw="uscm-2020")], [city("A", "IL", "2020")])
    with pytest.raises(ValidationError, match="twice"):
        changes([city("A", "IL", "2016"), city("A", "IL", "2017")], [city("A", "IL", "2020")])


def test_adoption_events_are_interval_left_and_right_censored() -> None:
    obs = [
        city("A", "IL", "2016", **{DTI: "not_adopted", DEI: "adopted"}),
        city("A", "IL", "2018-05", **{DTI: "not_adopted"}),
        city("A", "IL", "2020-06", **{DTI: "adopted", DEI: "not_adopted"}),
        city("B", "IL", "2016", **{DTI: "not_adopted"}),
    ]
    events = {(e.jurisdiction.name, e.principle_id): e for e in adoption_events(obs)}
    a = events[("A", DTI)]
    assert (a.last_not_adopted, a.first_adopted, a.censoring) == ("2018-05", "2020-06", "interval")
    assert (a.lower, a.upper) == (datetime.date(2018, 5, 1), datetime.date(2020, 6, 30))
    left = events[("A", DEI)]
    assert (left.censoring, left.lower, left.reverted) == ("left", None, True)
    right = events[("B", DTI)]
    assert (right.censoring, right.upper, right.last_not_adopted) == ("right", None, "2016")
    assert ("B", DEI) not in events  # never known: no row
    assert events[("A", DTI)].to_record()["upper"] == "2020-06-30"


def test_overlapping_dates_with_different_statuses_are_reported_not_ordered() -> None:
    obs = [city("A", "IL", "2016", **{DTI: "adopted"}), city("A", "IL", "2016-09", **{DTI: "not_adopted"})]
    with pytest.raises(ValidationError, match=r"2016 \(adopted\) and 2016-09 \(not_adopted\) overlap"):
        adoption_events(obs)


def test_malformed_dates_are_refused_at_reading_with_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("City,State,as_of,restrict holds\nA,IL,2017-2015-06,1\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        io.read_assessments_csv(path, framework=CW, assessor="me", method="survey", kind="city")
    (p,) = info.value.problems
    assert (p.path, p.message) == (
        "row 2, column 'as_of'",
        "'2017-2015-06' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
