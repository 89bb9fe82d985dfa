"""policeframeworks.frames: the object path's rules over every installed dataframe backend."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policeframeworks as pf
from policeframeworks.testing import strategies as pfst

pa = pytest.importorskip("pyarrow")
nw = pytest.importorskip("narwhals")
frames = pytest.importorskip("policeframeworks.frames")

CATALOG = pf.load_catalog()
EIGHT = CATALOG.framework("8cantwait-2020")
CROSSWALK = CATALOG.crosswalk
DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "reference"
FLAT = [
    "jurisdiction_key",
    "name",
    "state",
    "kind",
    "fips",
    "ori",
    "framework_id",
    "as_of",
    "assessor",
    "method",
    "reported_total",
    "principle_id",
    "status",
]


# ------------------------------------------------------------------ backends


def _pandas(t: Any) -> Any:
    pytest.importorskip("pandas")
    return t.to_pandas()


def _polars(t: Any) -> Any:
    pl = pytest.importorskip("polars")
    return pl.from_arrow(t)


def _polars_lazy(t: Any) -> Any:
    return _polars(t).lazy()


def _duckdb(t: Any) -> Any:
    duckdb = pytest.importorskip("duckdb")
    return duckdb.connect().from_arrow(t)


BACKENDS: dict[str, Callable[[Any], Any]] = {
    "pyarrow": lambda t: t,
    "pandas": _pandas,
    "polars": _polars,
    "polars-lazy": _polars_lazy,
    "duckdb": _duckdb,
}
LAZY = {"polars-lazy", "duckdb"}


def _collect(out: Any) -> list[dict[str, Any]]:
    frame = nw.from_native(out)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    return [
        {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        for row in frame.rows(named=True)
    ]  # NaN: null


def _is_lazy(out: Any) -> bool:
    return isinstance(nw.from_native(out), nw.LazyFrame)


unique_eight = st.lists(pfst.assessments(framework=EIGHT), max_size=6, unique_by=lambda a: a.jurisdiction.key)


def _flat(assessments: Any) -> Any:
    return frames.findings(assessments).select(FLAT)


# ------------------------------------------------------------------ projection, summaries == the object path


FRAMEWORK_IDS = list(CATALOG.framework_ids)
Projected = dict[tuple[str, str, str], tuple[str, tuple[tuple[str, str, str, str], ...]]]


def _projected_by_objects(items: list[pf.Assessment], onto: str) -> Projected:
    """Per (jurisdiction, date, target): the status and derived_from the object path gives."""
    out: Projected = {}
    for a in items:
        if a.framework_id == onto:
            continue
        for f in a.project(onto, CROSSWALK).findings:
            derived = tuple(
                (d.source, str(d.relationship), d.target, str(d.source_status)) for d in f.derived_from
            )
            out[frames.jurisdiction_key(a.jurisdiction), a.as_of, f.principle_id] = (str(f.status), derived)
    return out


def _projected_by_frames(out: Any) -> Projected:
    got: Projected = {}
    for r in _collect(out):
        key = (r["jurisdiction_key"], r["as_of"], r["principle_id"])
        assert key not in got, f"{key} projected twice"
        derived = tuple(
            (d["source"], d["relationship"], d["target"], d["source_status"]) for d in r["derived_from"]
        )
        got[key] = (r["status"], derived)
    return got


def _patterns(fw: pf.Framework, start: int) -> list[pf.Assessment]:
    """Assessments of ``fw`` in distinct cities: statuses cycling over leaves (some missing), own findings on
    some parents, and every leaf adopted, not adopted or not applicable (every rollup case)."""
    statuses = ["adopted", "partial", "not_adopted", "unknown", "not_applicable", "adopted", "partial"]
    leaves = {p.id for p in fw.leaves()}
    plans: list[dict[str, str]] = []
    for i in range(7):
        plan = {
            pid: statuses[(i + k) % 7]
            for k, pid in enumerate(fw.principle_ids)
            if pid in leaves and (i + k) % 4
        }
        if i % 2:  # some parents with a finding of their own
            plan |= {
                pid: statuses[(i + k) % 7] for k, pid in enumerate(fw.principle_ids) if pid not in leaves
            }
        plans.append(plan)
    plans += [dict.fromkeys(leaves, s) for s in ("adopted", "not_adopted", "not_applicable", "partial")]
    plans.append({pid: "adopted" if k % 3 else "not_applicable" for k, pid in enumerate(sorted(leaves))})
    return [
        pf.Assessment(
            jurisdiction=pf.Jurisdiction(name=f"{fw.id} city {start + i}", state="IL", kind="city"),
            framework_id=fw.id,
            as_of="2020",
            assessor="coder",
            method="document-review",
            findings=[pf.Finding(principle_id=pid, status=s) for pid, s in plan.items()],
        )
        for i, plan in enumerate(plans)
    ]


EVERY_FRAMEWORK = [a for k, fw in enumerate(CATALOG) for a in _patterns(fw, 100 * k)]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_project_equals_the_object_path_for_every_pair_of_frameworks(backend: str) -> None:
    native = BACKENDS[backend](_flat(EVERY_FRAMEWORK))
    for onto in FRAMEWORK_IDS:
        out = frames.project(native, CROSSWALK, onto=onto)
        assert _is_lazy(out) == (backend in LAZY)
        assert type(nw.from_native(out).to_native()) is type(out)
        rows = _collect(out)
        assert {r["framework_id"] for r in rows} <= {onto}
        assert {r["method"] for r in rows} <= {"derived"}
        expected = _projected_by_objects(EVERY_FRAMEWORK, onto)
        assert _projected_by_frames(out) == expected, onto


def _rolled_up(a: pf.Assessment, source: str) -> bool:
    whole = source in CATALOG.framework_ids
    return (whole or not CATALOG.principle(source).is_leaf) and a.finding(source) is None


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_project_through_a_crosswalk_reaching_nothing_gives_no_rows(backend: str) -> None:
    out = frames.project(BACKENDS[backend](_flat(EVERY_FRAMEWORK[:20])), pf.Crosswalk([]), onto="uscm-2020")
    assert _collect(out) == []
    assert nw.from_native(out).collect_schema().names()[-3:] == ["principle_id", "status", "derived_from"]


@pytest.mark.parametrize("onto", ["campaignzero-2015", "ilacp-naacp-2018"])
def test_project_on_a_duckdb_connection_without_replacement_scans(onto: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.execute("SET python_enable_replacements = false")  # the rule tables go in as SQL literals then
    out = frames.project(con.from_arrow(_flat(EVERY_FRAMEWORK)), CROSSWALK, onto=onto)
    assert _projected_by_frames(out) == _projected_by_objects(EVERY_FRAMEWORK, onto)


def test_project_reads_arrow_tables_of_large_strings() -> None:
    table = _flat(EVERY_FRAMEWORK)
    large = pa.schema(
        [pa.field(f.name, pa.large_string() if f.type == pa.string() else f.type) for f in table.schema]
    )
    out = frames.project(table.cast(large), CROSSWALK, onto="uscm-2020")
    assert _projected_by_frames(out) == _projected_by_objects(EVERY_FRAMEWORK, "uscm-2020")


def test_the_fixed_assessments_reach_targets_through_rolled_up_statuses() -> None:
    statuses = {
        str(d.source_status)
        for a in EVERY_FRAMEWORK
        for onto in FRAMEWORK_IDS
        if onto != a.framework_id
        for f in a.project(onto, CROSSWALK).findings
        for d in f.derived_from
        if _rolled_up(a, d.source)
    }
    assert statuses >= {"adopted", "partial"}


any_assessments = st.lists(
    st.sampled_from(list(CATALOG)).flatmap(lambda fw: pfst.assessments(framework=fw)),
    max_size=6,
    unique_by=lambda a: a.jurisdiction.key,
)


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=any_assessments, onto=st.sampled_from(FRAMEWORK_IDS))
def test_project_equals_the_object_path(backend: str, items: list[pf.Assessment], onto: str) -> None:
    out = frames.project(BACKENDS[backend](_flat(items)), CROSSWALK, onto=onto)
    assert _projected_by_frames(out) == _projected_by_objects(items, onto)


USCM = CATALOG.framework("uscm-2020")


def _summary_by_objects(items: list[pf.Assessment]) -> dict[str, Any]:
    s = pf.summarize(items, framework=EIGHT)
    lo, hi = s.mean_bounds or (None, None)
    return {
        "assessments": s.assessments,
        "lower_mean": lo,
        "upper_mean": hi,
        "undetermined": s.undetermined,
        "unknown_findings": s.unknown_findings,
        "all_adopted": len(s.all_adopted),
        "none_adopted": len(s.none_adopted),
    }


def _close(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(
        a[k] == pytest.approx(b[k]) if isinstance(b[k], float) else a[k] == b[k] for k in a
    )


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=unique_eight.filter(bool))
def test_adoption_equals_the_object_path(backend: str, items: list[pf.Assessment]) -> None:
    native = BACKENDS[backend](_flat(items))
    out = frames.adoption(native, EIGHT)
    assert _is_lazy(out) == (backend in LAZY)
    (row,) = _collect(out)
    assert row["jurisdictions"] == row["assessments"] == row["weight"] == len(items)
    got = {k: row[k] for k in _summary_by_objects(items)}
    assert _close(got, _summary_by_objects(items))


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=unique_eight.filter(bool))
def test_adoption_by_groups_equals_the_object_path_per_group(
    backend: str, items: list[pf.Assessment]
) -> None:
    native = BACKENDS[backend](_flat(items))
    rows = _collect(frames.adoption(native, "8cantwait-2020", by=["state"]))
    assert {r["state"] for r in rows} == {a.jurisdiction.state for a in items}
    for r in rows:
        group = [a for a in items if a.jurisdiction.state == r["state"]]
        assert _close({k: r[k] for k in _summary_by_objects(group)}, _summary_by_objects(group))


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=unique_eight.filter(bool), data=st.data())
def test_weighted_adoption_is_the_weighted_mean_of_the_scores(
    backend: str, items: list[pf.Assessment], data: st.DataObject
) -> None:
    weights = data.draw(st.lists(st.integers(1, 10**7), min_size=len(items), max_size=len(items)))
    table = _flat(items)
    by_key = {frames.jurisdiction_key(a.jurisdiction): w for a, w in zip(items, weights, strict=True)}
    table = table.append_column(
        "population", pa.array([by_key[k] for k in table.column("jurisdiction_key").to_pylist()], pa.int64())
    )
    (row,) = _collect(frames.adoption(BACKENDS[backend](table), EIGHT, weights="population"))
    ranges = [a.score().adopted_range for a in items]
    total = sum(weights)
    assert row["weight"] == pytest.approx(total)
    assert row["lower_mean"] == pytest.approx(
        sum(w * lo for w, (lo, _) in zip(weights, ranges, strict=True)) / total
    )
    assert row["upper_mean"] == pytest.approx(
        sum(w * hi for w, (_, hi) in zip(weights, ranges, strict=True)) / total
    )


def _with_population(items: list[pf.Assessment], weights: list[int | None]) -> list[pf.Assessment]:
    out = []
    for a, w in zip(items, weights, strict=True):
        attributes = {k: v for k, v in a.jurisdiction.attributes.items() if k != "population"}
        if w is not None:
            attributes["population"] = str(w)
        out.append(attrs.evolve(a, jurisdiction=attrs.evolve(a.jurisdiction, attributes=attributes)))
    return out


def _flat_with_population(items: list[pf.Assessment]) -> Any:
    table = _flat(items)
    by_key = {
        frames.jurisdiction_key(a.jurisdiction): a.jurisdiction.attributes.get("population") for a in items
    }
    column = [by_key[k] for k in table.column("jurisdiction_key").to_pylist()]
    return table.append_column(
        "population", pa.array([None if v is None else int(v) for v in column], pa.int64())
    )


def _same_shares(got: list[dict[str, Any]], expected: list[dict[str, Any]], by: str | None) -> bool:
    def norm(rows: list[dict[str, Any]], group: str | None) -> list[tuple[Any, ...]]:
        return sorted(
            (
                r[group] if group else None,
                r["principle_id"],
                r["assessments"],
                r["denominator"],
                r["adopted"],
                r["unknown"],
                r["lower"],
                r["upper"],
            )
            for r in rows
        )

    a, b = norm(got, by), norm(expected, "group")
    return len(a) == len(b) and all(
        x[:3] == y[:3] and all(u == pytest.approx(v) for u, v in zip(x[3:], y[3:], strict=True))
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize(("by", "weights"), [("state", None), (None, "population"), ("state", "population")])
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=unique_eight, data=st.data())
def test_summarize_equals_the_object_path(
    backend: str, by: str | None, weights: str | None, items: list[pf.Assessment], data: st.DataObject
) -> None:
    pops = data.draw(
        st.lists(st.one_of(st.none(), st.integers(0, 10**7)), min_size=len(items), max_size=len(items))
    )
    items = _with_population(items, pops)
    out = frames.summarize(BACKENDS[backend](_flat_with_population(items)), EIGHT, by=by, weights=weights)
    assert _is_lazy(out) == (backend in LAZY)
    expected = pf.summarize(items, by=by, weights=weights, framework=EIGHT)  # type: ignore[call-overload]
    assert _same_shares(_collect(out), expected.to_records(), by)


def test_summarize_refuses_negative_weights_in_an_eager_frame() -> None:
    items = _with_population(_fixed_assessments(2), [10, 20])
    table = _flat_with_population(items)
    table = table.set_column(
        table.schema.get_field_index("population"), "population", pa.array([-1] * len(table), pa.int64())
    )
    with pytest.raises(pf.ValidationError, match="2 assessment"):
        frames.summarize(table, EIGHT, weights="population")


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=unique_eight.filter(bool))
def test_principle_counts_equal_the_object_path(backend: str, items: list[pf.Assessment]) -> None:
    out = frames.principle_counts(BACKENDS[backend](_flat(items)), EIGHT)
    got = sorted(_collect(out), key=lambda r: r["principle_id"])
    expected = sorted(pf.summarize(items, framework=EIGHT).to_records(), key=lambda r: r["principle_id"])
    assert got == expected  # floats equal to the integer counts


def test_adoption_refuses_a_jurisdiction_assessed_twice_in_an_eager_frame() -> None:
    a = pf.load_seed_assessments()[0]
    twice = [
        a,
        pf.Assessment(
            jurisdiction=a.jurisdiction,
            framework_id=a.framework_id,
            as_of="2021",
            assessor=a.assessor,
            method=a.method,
        ),
    ]
    with pytest.raises(pf.ValidationError, match="more than once"):
        frames.adoption(_flat(twice), EIGHT)
    with pytest.raises(pf.ValidationError, match="more than once"):
        frames.summarize(_flat(twice), EIGHT, by="state")
    lazy = _polars_lazy(_flat(twice))
    (row,) = _collect(frames.adoption(lazy, EIGHT))
    assert (row["assessments"], row["jurisdictions"]) == (2, 1)


def test_missing_columns_are_named() -> None:
    t = _flat(pf.load_seed_assessments()).drop_columns(["status"])
    with pytest.raises(pf.ValidationError, match="status: required column missing"):
        frames.project(t, onto="uscm-2020")
    with pytest.raises(pf.ValidationError, match="status: required column missing"):
        frames.summarize(t, EIGHT)


def test_unknown_target_framework_is_suggested() -> None:
    with pytest.raises(pf.UnknownIdError, match="uscm-2020"):
        frames.project(_flat(pf.load_seed_assessments()), onto="uscm-2021")


@pytest.mark.parametrize("onto", FRAMEWORK_IDS)
def test_every_rule_has_its_own_bit_within_an_exact_word(onto: str) -> None:
    from policeframeworks.frames import _rules

    compiled = _rules.compiled(CROSSWALK, onto)
    bits = compiled.table.column("_pf_packed").to_pylist()
    words = compiled.table.column("_pf_word").to_pylist()
    sources = [r.source.split(":")[0] for r in compiled.rules]  # one framework per assessment
    assert len(set(zip(sources, words, bits, strict=True))) == len(bits)
    assert all(0 < b < 2**_rules.WORD_BITS for b in bits)
    assert all(s.offset + sum(s.widths) <= _rules.WORD_BITS for s in compiled.slots)


def test_a_crosswalk_too_dense_for_derived_from_is_refused_by_name() -> None:
    target = EIGHT.leaves()[0].id
    sources = [p.id for p in USCM.iter_principles()][:20]
    dense = pf.Crosswalk(
        [
            pf.Mapping(
                source=s,
                relationship="intersects",
                target=target,
                rationale_type="semantic",
                strength=5,
                basis="analytic",
                rationale="test",
                mapped_by="test",
            )
            for s in sources
        ]
    )
    with pytest.raises(pf.ValidationError, match=f"bear on {target}; frames.project carries"):
        frames.rules(dense, EIGHT.id)


def test_rules_are_cached_per_crosswalk() -> None:
    assert frames.rules(CROSSWALK, "uscm-2020") is frames.rules(CROSSWALK, "uscm-2020")
    smaller = pf.Crosswalk(CROSSWALK.mappings[:3])
    assert frames.rules(smaller, "uscm-2020") != frames.rules(CROSSWALK, "uscm-2020")


# ------------------------------------------------------------------ PySpark (local mode)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("PySpark needs a Java runtime and none is on PATH (apt-get install default-jre-headless)")
    pyspark_sql = pytest.importorskip("pyspark.sql")
    session = (
        pyspark_sql.SparkSession.builder.master("local[1]")
        .appName("policeframeworks-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_project_and_summarize_on_spark(spark: Any) -> None:
    sdf = spark.createDataFrame(_flat(EVERY_FRAMEWORK).to_pandas())
    for onto in FRAMEWORK_IDS:  # every pair of bundled frameworks, as on the other engines
        out = frames.project(sdf, CROSSWALK, onto=onto)
        assert _is_lazy(out)
        assert _projected_by_frames(out) == _projected_by_objects(EVERY_FRAMEWORK, onto)
    items = list(_fixed_assessments(12))
    sdf = spark.createDataFrame(_flat(items).to_pandas())
    got = _collect(frames.summarize(sdf, EIGHT, by="state"))
    assert _same_shares(got, pf.summarize(items, by="state", framework=EIGHT).to_records(), "state")


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_bad_rows_are_refused_on_spark_too(spark: Any) -> None:
    # The input check (frames/_check.py) is narwhals code like the rules: on Spark too a misspelt principle
    # id is refused with its column, count and suggestion, not dropped.
    table = _flat(list(_fixed_assessments(3))).to_pandas()
    table.loc[table["principle_id"] == table["principle_id"].iloc[0], "principle_id"] = "duty-to-intervine"
    sdf = spark.createDataFrame(table)
    for call in (
        lambda f: frames.project(f, CROSSWALK, onto="uscm-2020"),
        lambda f: frames.summarize(f, EIGHT),
    ):
        with pytest.raises(pf.ValidationError) as err:
            call(sdf)
        (problem,) = [p for p in err.value.problems if p.field == "principle_id"]
        assert "duty-to-intervine" in problem.message
        assert problem.suggestion is not None
        assert "duty-to-intervene" in problem.suggestion


def _fixed_assessments(n: int) -> list[pf.Assessment]:
    """n assessments of 8 Can't Wait in distinct cities, statuses cycling so every rule is exercised."""
    statuses = ["adopted", "partial", "not_adopted", "unknown", "not_applicable", "adopted"]
    leaves = [p.id for p in EIGHT.leaves()]
    out = []
    for i in range(n):
        findings = [
            pf.Finding(principle_id=pid, status=statuses[(i + k) % len(statuses)])
            for k, pid in enumerate(leaves)
            if (i + k) % 4
        ]
        out.append(
            pf.Assessment(
                jurisdiction=pf.Jurisdiction(name=f"City {i}", state="IL", kind="city"),
                framework_id=EIGHT.id,
                as_of="2020",
                assessor="coder",
                method="document-review",
                findings=findings,
            )
        )
    return out


# ------------------------------------------------------------------ tables round-trip


def _key(a: pf.Assessment) -> tuple[Any, ...]:
    return (a.jurisdiction.key, a.framework_id, a.as_of, a.assessor, str(a.method))


@pytest.mark.parametrize("backend", ["pyarrow", "pandas", "polars", "duckdb"])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(pfst.assessments(), max_size=4, unique_by=_key))
def test_findings_round_trip(backend: str, items: list[pf.Assessment]) -> None:
    table = frames.findings(items)
    assert table.schema == frames.arrow_schema("findings")
    assert frames.to_assessments(BACKENDS[backend](table)) == tuple(items)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(pfst.assessments(), min_size=1, max_size=3, unique_by=_key), data=st.data())
def test_findings_shared_between_assessments_round_trip(
    items: list[pf.Assessment], data: st.DataObject
) -> None:
    # The reader builds one Finding (and one Jurisdiction) per distinct cells and shares it between rows;
    # the same findings on other jurisdictions must come back equal, and equal to the checked objects.
    names = data.draw(st.lists(st.sampled_from(["Aurora", "Bristol", "Camden"]), max_size=3, unique=True))
    copies = [
        attrs.evolve(a, jurisdiction=pf.Jurisdiction(name=n, state="WY", kind="city"))
        for a in items
        for n in names
    ]
    copies = list({_key(a): a for a in copies if _key(a) not in {_key(b) for b in items}}.values())
    everything = [*items, *copies]
    table = frames.findings(everything)
    back = frames.to_assessments(table)
    assert back == tuple(everything)
    assert back == frames.to_assessments(BACKENDS["pandas"](table))  # columns read vs rows read
    for a in back:
        assert attrs.evolve(a) == a
        for f in a.findings:
            assert attrs.evolve(f) == f


@pytest.mark.parametrize("backend", ["pyarrow", "pandas"])
def test_a_bad_value_repeated_on_many_rows_is_named_on_each(backend: str) -> None:
    t = pa.table(
        {
            "name": ["Aurora", "Bristol", "Camden", "Camden"],
            "state": ["IL", "IL", "IL", "IL"],
            "kind": ["city", "city", "city", "town"],
            "framework_id": ["8cantwait-2020"] * 4,
            "as_of": ["2020"] * 4,
            "assessor": ["me"] * 4,
            "method": ["document-review"] * 4,
            "principle_id": ["8cantwait-2020:duty-to-intervene"] * 4,
            "status": ["yes"] * 4,
        }
    )
    with pytest.raises(pf.ValidationError) as info:
        frames.to_assessments(BACKENDS[backend](t))
    bad_status = ": 'yes' is not one of adopted, partial, not_adopted, unknown, not_applicable"
    assert [f"{p.path}: {p.message}" for p in info.value.problems] == [
        "rows[3].kind: 'town' is not one of city, county, state, agency",
        *(f"rows[{i}].status{bad_status}" for i in range(3)),
    ]


def test_rows_of_one_assessment_that_disagree_are_refused_not_merged() -> None:
    a = pf.load_seed_assessments()[0]
    other = pf.Assessment(
        jurisdiction=pf.Jurisdiction(name="Kankakee", state="IL", kind="city", fips="1738934"),
        framework_id=a.framework_id,
        as_of=a.as_of,
        assessor=a.assessor,
        method=a.method,
        findings=[pf.Finding(principle_id="8cantwait-2020:require-de-escalation", status="adopted")],
    )
    with pytest.raises(pf.ValidationError, match=r"rows\[1\]\.fips: differs from rows\[0\]"):
        frames.to_assessments(frames.findings([a, other]))


def test_projected_findings_round_trip_with_their_derivations() -> None:
    projected = [a.project("uscm-2020", CROSSWALK) for a in _fixed_assessments(5)]
    assert frames.to_assessments(frames.findings(projected)) == tuple(projected)


@settings(max_examples=20, deadline=None)
@given(cw=pfst.crosswalks(max_size=6))
def test_mappings_round_trip(cw: pf.Crosswalk) -> None:
    table = frames.mappings(cw, derived=True)
    assert table.schema == frames.arrow_schema("mappings")
    assert frames.to_crosswalk(table) == cw
    derived = [r for r in table.to_pylist() if r["kind"] == "derived"]
    assert len(derived) == len(cw.derive())
    for row, d in zip(derived, cw.derive(), strict=True):
        steps = [
            cw.mappings[i].inverse() if back else cw.mappings[i]
            for i, back in zip(row["path"], row["path_reversed"], strict=True)
        ]
        assert tuple(steps) == d.path


@pytest.mark.parametrize("backend", ["pyarrow", "pandas", "polars"])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(pfst.jurisdictions(), max_size=5, unique=True))
def test_jurisdictions_round_trip(backend: str, items: list[pf.Jurisdiction]) -> None:
    table = frames.jurisdictions(items)
    assert frames.to_jurisdictions(BACKENDS[backend](table)) == tuple(items)


def test_coverage_table_agrees_with_the_reports() -> None:
    rows = frames.coverage(CROSSWALK, sources=["8cantwait-2020", "uscm-2020"]).to_pylist()
    assert {(r["source"], r["target"]) for r in rows} == {
        ("8cantwait-2020", "uscm-2020"),
        ("uscm-2020", "8cantwait-2020"),
    }
    for r in rows:
        assert r["status"] == str(CROSSWALK.coverage(r["source"], r["target"]).status(r["principle_id"]))
    report = CROSSWALK.coverage("8cantwait-2020", "uscm-2020")
    assert [r["principle_id"] for r in rows if r["target"] == "uscm-2020"] == list(report.leaves)


def test_builders_return_the_asked_frame_type() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    assert isinstance(frames.findings(pf.load_seed_assessments(), backend="pandas"), pd.DataFrame)
    assert isinstance(
        frames.coverage(CROSSWALK, sources=["8cantwait-2020", "uscm-2020"], backend="polars"), pl.DataFrame
    )


def test_reader_names_row_and_column_of_each_problem() -> None:
    rows = frames.findings(pf.load_seed_assessments()).to_pylist()
    bad = [
        dict(rows[0], status="yes"),
        dict(rows[0], principle_id="8cantwait-2020:duty-to-intervene", reported_total=4),
    ]
    with pytest.raises(pf.ValidationError) as info:
        frames.to_assessments(pa.Table.from_pylist(bad, schema=frames.arrow_schema("findings")))
    paths = [p.path for p in info.value.problems]
    assert "rows[0].status" in paths
    assert "rows[1].reported_total" in paths


def test_reader_reports_missing_columns() -> None:
    with pytest.raises(pf.ValidationError, match="framework_id: required column missing"):
        frames.to_assessments(pa.table({"name": ["A"], "kind": ["city"]}))


# ------------------------------------------------------------------ schemas, docs and imports


@pytest.mark.parametrize("table", ["findings", "mappings", "coverage", "jurisdictions"])
def test_frictionless_schema_files_are_in_sync(table: str) -> None:
    path = DOCS / "tables" / f"{table}.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == frames.table_schema(table), (
        f"regenerate {path.name}: json.dumps(frames.table_schema({table!r}), indent=2)"
    )


def test_docs_list_every_column() -> None:
    from policeframeworks.frames._schema import TABLES

    text = (DOCS / "tables.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        assert f"## `{table}`" in text
        for c in columns:
            assert f"| `{c.name}` | `{c.arrow_type}` |" in text, (table, c.name)


def test_unknown_table_name_is_suggested() -> None:
    with pytest.raises(pf.UnknownIdError, match="findings"):
        frames.arrow_schema("finding")


def test_import_policeframeworks_imports_no_dataframe_library() -> None:
    code = (
        "import sys, policeframeworks; "
        "print([m for m in ('narwhals', 'pyarrow', 'pandas', 'polars', 'duckdb', 'pyspark') "
        "if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_findings_columns_split_into_assessment_and_finding_columns() -> None:
    from policeframeworks.frames import _build, _schema

    names = [c.name for c in _schema.TABLES["findings"]]
    assert set(_schema.FINDING_COLUMNS) <= set(names)
    assert set(_build._NO_FINDING) == set(_schema.FINDING_COLUMNS)
    jurisdiction = ("jurisdiction_key", "name", "state", "kind", "fips", "ori")
    assert (*jurisdiction, "framework_id", "as_of", "assessor", "method") == _schema.ASSESSMENT_KEY
    assert set(_schema.ASSESSMENT_KEY).isdisjoint(_schema.FINDING_COLUMNS)
