"""The bulk paths build objects without checking them again; these tests show they build the same objects.

``checked_parts_assessment`` (``_assessment.py``), ``checked_parts_jurisdiction`` (``_jurisdiction.py``) and
``score_of`` (``_score.py``) set an object's fields directly; ``Assessment.score`` and ``summarize``
share one ``Score`` between assessments of equal statuses (``ScoreIndex`` in ``_score.py``) after a quick
check that stands for the full one only when the full one finds nothing; the wide CSV reader
(``io/_csv_rows.py``) builds rows through the first two. Each is compared with the checking constructor
(``attrs.evolve`` runs ``__init__`` and its checks on every field) or with the rule written through
:meth:`Assessment.score` (and that with ``score_of``).
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    Finding,
    Jurisdiction,
    Method,
    ValidationError,
    _score,
    io,
    load_catalog,
    summarize,
)
from policeframeworks._assessment import checked_parts_assessment
from policeframeworks._jurisdiction import checked_parts_jurisdiction
from policeframeworks._score import score_index, score_of
from policeframeworks.testing import strategies as pfst

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EIGHT = load_catalog().framework("8cantwait-2020")
USCM = load_catalog().framework("uscm-2020")


def same_as_checked(obj: object) -> None:
    """``obj`` equals the object the checking constructor builds from its fields, field by field."""
    again = attrs.evolve(obj)  # type: ignore[misc]
    assert again == obj
    assert repr(again) == repr(obj)
    for field in attrs.fields(type(obj)):
        assert getattr(again, field.name) == getattr(obj, field.name), field.name


@SETTINGS
@given(pfst.assessments())
def test_checked_parts_assessment_is_the_checked_one(a: Assessment) -> None:
    fast = checked_parts_assessment(
        jurisdiction=a.jurisdiction,
        framework_id=a.framework_id,
        as_of=a.as_of,
        assessor=a.assessor,
        method=a.method,
        findings=a.findings,
        reported_total=a.reported_total,
        evidence=a.evidence,
        notes=a.notes,
    )
    same_as_checked(fast)
    assert fast == a
    assert fast.by_principle == a.by_principle


@SETTINGS
@given(pfst.jurisdictions())
def test_checked_parts_jurisdiction_is_the_checked_one(j: Jurisdiction) -> None:
    j = attrs.evolve(j, fips=None, ori=None)
    fast = checked_parts_jurisdiction(name=j.name, state=j.state, kind=j.kind, attributes=dict(j.attributes))
    same_as_checked(fast)
    assert fast == j
    assert fast.key == j.key


@SETTINGS
@given(pfst.assessments(framework=EIGHT))
def test_scores_are_the_checked_ones(a: Assessment) -> None:
    s = a.score()
    same_as_checked(s)
    assert s == a.score(EIGHT)


@SETTINGS
@given(pfst.assessments(framework=EIGHT))
def test_shared_scores_are_the_rule(a: Assessment) -> None:
    """The shared score is the one ``score_of`` builds, and equal statuses in any order share it."""
    s = a.score()
    assert s == score_of(a.by_principle, a.reported_total, EIGHT)
    again = attrs.evolve(a, findings=tuple(reversed(a.findings)))
    assert again.score() is s
    assert score_index(EIGHT).score(a.by_principle, a.reported_total) is s


def test_a_full_score_index_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_score, "SCORES_KEPT", 2)
    index = _score.ScoreIndex(EIGHT)
    leaves = EIGHT.leaf_ids
    for n in range(len(leaves) + 1):
        by_principle = {pid: Finding(principle_id=pid, status="adopted") for pid in leaves[:n]}
        assert index.score(by_principle, None) == score_of(by_principle, None, EIGHT)
        assert len(index.scores) <= 2


EXTRA = st.sampled_from(
    [None, "uscm-2020:peel-framing", "uscm-2020:no-such-principle", "8cantwait-2020:no-such-principle"]
)


@SETTINGS
@given(
    st.sampled_from([EIGHT, USCM]).flatmap(lambda fw: pfst.assessments(framework=fw)),
    EXTRA,
    st.sampled_from([EIGHT, USCM]),
    st.one_of(st.none(), st.integers(0, 12)),
)
def test_the_quick_check_stands_for_the_full_one(
    a: Assessment, extra: str | None, fw: object, total: int | None
) -> None:
    """``check`` and ``score`` raise exactly the problems of the full check, and only when it has some."""
    findings = a.findings
    if extra is not None and extra.split(":")[0] == a.framework_id and extra not in a.by_principle:
        findings = (*findings, Finding(principle_id=extra, status="adopted"))
    a = checked_parts_assessment(
        jurisdiction=a.jurisdiction,
        framework_id=a.framework_id,
        as_of=a.as_of,
        assessor=a.assessor,
        method=a.method,
        findings=findings,
        reported_total=total if total is not None else a.reported_total,
    )
    assert fw is EIGHT or fw is USCM
    expected = a._framework_problems(fw)
    for call in (a.check, a.score):
        if expected:
            with pytest.raises(ValidationError) as info:
                call(fw)
            assert list(info.value.problems) == expected
        else:
            call(fw)


def summary_by_scores(items: list[Assessment]) -> dict[str, object]:
    """What summarize counts, written through Assessment.score (the rule as the Score says it)."""
    words = ("adopted", "partial", "not_adopted", "unknown", "not_applicable")
    counts = {pid: dict.fromkeys(words, 0) for pid in EIGHT.leaf_ids}
    lows: list[int] = []
    highs: list[int] = []
    all_adopted: list[Jurisdiction] = []
    none_adopted: list[Jurisdiction] = []
    unknown = 0
    for a in items:
        s = a.score()
        for pid in EIGHT.leaf_ids:
            counts[pid][str(a.status_of(pid))] += 1
        lo, hi = s.adopted_range
        lows.append(lo)
        highs.append(hi)
        unknown += s.unknown
        if lo == s.applicable:
            all_adopted.append(a.jurisdiction)
        if hi == 0:
            none_adopted.append(a.jurisdiction)
    return {
        "counts": counts,
        "lows": lows,
        "highs": highs,
        "all": all_adopted,
        "none": none_adopted,
        "unknown": unknown,
    }


@SETTINGS
@given(
    st.lists(
        pfst.assessments(framework=EIGHT), min_size=1, max_size=8, unique_by=lambda a: a.jurisdiction.key
    )
)
def test_summarize_counts_what_the_scores_say(items: list[Assessment]) -> None:
    s = summarize(items)
    expected = summary_by_scores(items)
    assert {r.pop("principle_id"): r for r in s.to_records()} == expected["counts"]
    assert list(s._lows) == expected["lows"]
    assert list(s._highs) == expected["highs"]
    assert list(s.all_adopted) == expected["all"]
    assert list(s.none_adopted) == expected["none"]
    assert s.unknown_findings == expected["unknown"]
    assert summarize(items, framework=EIGHT) == s


CELLS = st.sampled_from(["1", "0", "yes", "No", " y ", "", "TRUE", "partial", "not_applicable", "unknown"])
ROWS = st.lists(
    st.tuples(
        st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
        st.sampled_from(["Texas", "IL", "new york", "DC", "Puerto Rico"]),
        st.sampled_from(["", "1200", " 35 "]),
        st.lists(CELLS, min_size=8, max_size=8),
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda r: r[0],
)


@SETTINGS
@given(ROWS)
def test_csv_rows_build_the_checked_objects(rows: list[tuple[str, str, str, list[str]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            w = csv.writer(handle)
            w.writerow(["City", "State", "Population", *(p for p in EIGHT.leaf_ids)])
            for name, state, population, cells in rows:
                w.writerow([name, state, population, *cells])
        read = io.read_assessments_csv(
            path,
            framework=EIGHT.id,
            as_of="2020-06",
            assessor="tester",
            method="document-review",
            kind="city",
        )
    assert len(read) == len(rows)
    for a in read:
        same_as_checked(a)
        same_as_checked(a.jurisdiction)
        assert a.method is Method.DOCUMENT_REVIEW
        a.check(EIGHT)


MESSY_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["Springfield", " Salem ", "", "'=Cmd", "''Quoted", "St. Paul", "Springfield"]),
        st.sampled_from(["Texas", "IL", " il ", "", "'IL", "Nowhere", "Puerto Rico"]),
        st.sampled_from(["", "1200", " 35 ", "'=1+1", "''x"]),
        st.lists(CELLS, min_size=8, max_size=8),
    ),
    min_size=1,
    max_size=12,
)


def read_rows(rows: list[tuple[str, str, str, list[str]]], kind_column: bool) -> object:
    """The assessments of a file of ``rows`` (or its problems), the kind in a column or as a default."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            w = csv.writer(handle)
            w.writerow(["City", "State", "Population", *EIGHT.leaf_ids, *(["Kind"] if kind_column else [])])
            for name, state, population, cells in rows:
                w.writerow([name, state, population, *cells, *(["city"] if kind_column else [])])
        try:
            return io.read_assessments_csv(
                path,
                framework=EIGHT.id,
                as_of="2020-06",
                assessor="tester",
                method="document-review",
                kind=None if kind_column else "city",
            )
        except ValidationError as exc:
            return [p.message for p in exc.problems]


@SETTINGS
@given(MESSY_ROWS)
def test_plain_files_read_as_the_full_reader_reads_them(rows: list[tuple[str, str, str, list[str]]]) -> None:
    """A kind column (of ``city`` on every row) makes the reader take its full path for every row; without
    it, rows of a plain file whose cells were seen before take the quick path (``RowReader.plain_rows``).
    The two read the same assessments, and the same problems, from the same rows.
    """
    quick, full = read_rows(rows, kind_column=False), read_rows(rows, kind_column=True)
    assert quick == full
    if isinstance(quick, tuple):
        for a in quick:
            same_as_checked(a)
            same_as_checked(a.jurisdiction)
            assert a.jurisdiction.key == attrs.evolve(a.jurisdiction).key  # computed when read


@SETTINGS
@given(pfst.assessments(framework=EIGHT), st.one_of(st.none(), st.integers(0, 12)))
def test_scores_remembered_by_findings_are_the_rule(a: Assessment, total: int | None) -> None:
    """A score remembered for the very finding objects of one assessment is given to another only when
    its total is the same too; every other one is checked and scored (``ScoreIndex.checked_score``).
    """
    a.score()
    assert score_index(EIGHT).checked_score(a.findings, a.reported_total) == a.score()
    b = checked_parts_assessment(
        jurisdiction=a.jurisdiction,
        framework_id=a.framework_id,
        as_of=a.as_of,
        assessor=a.assessor,
        method=a.method,
        findings=a.findings,
        reported_total=total,
    )
    expected = b._framework_problems(EIGHT)
    if expected:
        with pytest.raises(ValidationError):
            b.score()
        with pytest.raises(ValidationError):
            summarize([b])
    else:
        assert b.score() == score_of(b.by_principle, total, EIGHT)
        lo, hi = b.score().adopted_range
        assert (list(summarize([b])._lows), list(summarize([b])._highs)) == ([lo], [hi])
    fresh = attrs.evolve(a, findings=[attrs.evolve(f) for f in a.findings])  # equal findings, new objects
    if fresh.findings:
        assert score_index(EIGHT).checked_score(fresh.findings, fresh.reported_total) is None
    assert fresh.score() == a.score()
