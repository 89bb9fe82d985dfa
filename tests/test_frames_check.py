"""policeframeworks.frames refuses findings rows it cannot read, on every installed backend."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import policeframeworks as pf

pa = pytest.importorskip("pyarrow")
frames = pytest.importorskip("policeframeworks.frames")

EIGHT = "8cantwait-2020"
DUTY = "8cantwait-2020:duty-to-intervene"


def _pandas(t: Any) -> Any:
    pytest.importorskip("pandas")
    return t.to_pandas()


def _polars(t: Any) -> Any:
    pl = pytest.importorskip("polars")
    return pl.from_arrow(t)


def _duckdb(t: Any) -> Any:
    duckdb = pytest.importorskip("duckdb")
    return duckdb.connect().from_arrow(t)


BACKENDS: dict[str, Callable[[Any], Any]] = {
    "pyarrow": lambda t: t,
    "pandas": _pandas,
    "polars": _polars,
    "polars-lazy": lambda t: _polars(t).lazy(),
    "duckdb": _duckdb,
}
CALLS: dict[str, Callable[[Any], Any]] = {
    "project": lambda f: frames.project(f, onto="uscm-2020"),
    "summarize": lambda f: frames.summarize(f, EIGHT),
    "adoption": lambda f: frames.adoption(f, EIGHT),
    "principle_counts": lambda f: frames.principle_counts(f, EIGHT),
}


def _table(principles: list[str | None], statuses: list[str | None], framework: str = EIGHT) -> Any:
    n = len(principles)
    return pa.table(
        {
            "jurisdiction_key": [f"city {i}|IL|city" for i in range(n)],
            "framework_id": [framework] * n,
            "principle_id": pa.array(principles, pa.string()),
            "status": pa.array(statuses, pa.string()),
        }
    )


def _problems(table: Any, backend: str, call: str) -> tuple[pf.Problem, ...]:
    with pytest.raises(pf.ValidationError) as err:
        CALLS[call](BACKENDS[backend](table))
    return err.value.problems


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_misspelt_principle_id_is_refused_with_its_count_an_example_and_a_suggestion(
    backend: str, call: str
) -> None:
    table = _table([DUTY, DUTY + "x", DUTY + "x", DUTY + "x"], ["adopted"] * 4)
    (p,) = _problems(table, backend, call)
    assert (p.code, p.field, p.suggestion) == ("unknown_id", "principle_id", DUTY)
    assert f"'{DUTY}x'" in p.message
    assert "3 rows" in p.message
    assert "jurisdiction_key 'city 1|IL|city'" in p.message


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unknown_status_word_is_refused(backend: str, call: str) -> None:
    table = _table([DUTY, DUTY], ["adopted", "adoptd"])
    (p,) = _problems(table, backend, call)
    assert (p.code, p.field, p.suggestion) == ("enum", "status", "adopted")
    assert "1 row, e.g. jurisdiction_key 'city 1|IL|city'" in p.message


@pytest.mark.parametrize("backend", BACKENDS)
def test_project_refuses_a_principle_of_another_framework(backend: str) -> None:
    other = "uscm-2020:sanctity-of-life/duty-to-intervene"
    (p,) = _problems(_table([DUTY, other], ["adopted", "adopted"]), backend, "project")
    assert (p.code, p.field) == ("conflict", "principle_id")
    assert other in p.message
    assert "not of framework_id '8cantwait-2020'" in p.message


@pytest.mark.parametrize("backend", BACKENDS)
def test_project_refuses_an_unknown_framework_once_for_all_its_rows(backend: str) -> None:
    table = _table([DUTY, DUTY + "x", "8cantwait-2020:require-warning-before-shooting"], ["adopted"] * 3)
    (p,) = _problems(table.set_column(1, "framework_id", pa.array(["8cantwait-202"] * 3)), backend, "project")
    assert (p.code, p.field, p.suggestion) == ("unknown_id", "framework_id", EIGHT)
    assert "3 rows" in p.message


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_finding_without_a_status_is_refused(backend: str) -> None:
    (p,) = _problems(_table([DUTY], [None]), backend, "project")
    assert (p.code, p.field) == ("missing", "status")


@pytest.mark.parametrize("backend", BACKENDS)
def test_many_wrong_values_are_counted_together(backend: str) -> None:
    table = _table([f"{EIGHT}:nothing-{i}" for i in range(8)], ["adopted"] * 8)
    problems = _problems(table, backend, "project")
    assert problems[0].message.startswith("8 rows name a principle")
    assert "and 3 more such values on 3 rows" in problems[-1].message
    assert len(problems) == 7


@pytest.mark.parametrize("backend", BACKENDS)
def test_rows_of_other_frameworks_are_not_read_by_the_summaries(backend: str) -> None:
    table = _table([DUTY, "uscm-2020:nothing"], ["adopted", "adopted"])
    table = table.set_column(1, "framework_id", pa.array([EIGHT, "uscm-2020"]))
    for call in ("summarize", "adoption", "principle_counts"):
        CALLS[call](BACKENDS[backend](table))  # no error: only rows of 8cantwait-2020 are read
    with pytest.raises(pf.ValidationError):
        CALLS["project"](BACKENDS[backend](table))


@pytest.mark.parametrize("backend", BACKENDS)
def test_valid_rows_and_assessments_without_findings_pass(backend: str) -> None:
    table = _table([DUTY, None], ["not_applicable", None])
    out = frames.principle_counts(BACKENDS[backend](table), EIGHT)
    assert out is not None
