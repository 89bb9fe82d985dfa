"""The refusal every frames rule starts with: findings rows the catalog cannot read.

A row whose ``principle_id`` is not a principle of the framework its ``framework_id`` names (a misspelt id,
an id of another framework, an unknown framework), or whose ``status`` is not a
:class:`~policeframeworks.Status` word, would join nothing and vanish from a projection or a summary. The
object path refuses such data when its objects are built; these functions refuse it too, with one
:class:`ValidationError` naming the column, each wrong value once with its count of rows and an example
row, and a did-you-mean.

The check costs one aggregate pass over the input when called (per row, an ``is_in`` test of the ids of its
framework and one of the status words, summed). For a lazy input (a Polars LazyFrame, a DuckDB relation, a
PySpark DataFrame) that pass is computed at call time and only its one-row total is collected; the result
stays lazy. Only when something is wrong does a second query collect the wrong rows' distinct values
(grouped), to name them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import narwhals as nw

from .. import Problem, Status, ValidationError
from .._suggest import first_or_none

__all__ = ["check_findings"]

_WORDS = tuple(str(s) for s in Status)
#: The columns that name an example row, the first present is used.
_EXAMPLE = ("jurisdiction_key", "name", "fips", "ori")
#: Most distinct wrong values named one by one; the rest are counted together.
_SHOWN = 5


def check_findings(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any],
    principles: dict[str, Sequence[str]],
    *,
    only: str | None = None,
) -> None:
    """Raise one :class:`ValidationError` for rows of unknown principles or statuses (see the module).

    Args:
        frame: the findings (``framework_id``, ``principle_id`` and ``status`` present).
        principles: per framework id the catalog holds, the ids of all its principles (parents too).
        only: check only the rows of this framework (the others are not read by the caller).
    """
    rows = frame if only is None else frame.filter(nw.col("framework_id") == only)
    # Per framework, one is_in of its own ids (cheaper in DuckDB than one is_in of every pair).
    chain: Any = None
    for fw, ids in principles.items():
        held = nw.col("framework_id") == fw
        chain = (nw.when(held) if chain is None else chain.when(held)).then(nw.col("principle_id").is_in(ids))
    valid = nw.lit(value=False) if chain is None else chain.otherwise(nw.lit(value=False))
    bad_pid = ~nw.col("principle_id").is_null() & ~valid
    has_status = ~nw.col("status").is_null()
    bad_status = has_status & ~nw.col("status").is_in(_WORDS)
    missing_status = ~nw.col("principle_id").is_null() & ~has_status
    flags = {"_pf_bad_pid": bad_pid, "_pf_bad_status": bad_status, "_pf_no_status": missing_status}
    total = rows.select(*[cond.cast(nw.Int64).sum().alias(name) for name, cond in flags.items()])
    counts = _one_row(total)
    if not any(counts.values()):
        return
    names = frame.collect_schema().names()
    example = next((c for c in _EXAMPLE if c in names), None)
    problems: list[Problem] = []
    if counts["_pf_bad_pid"]:
        found = _grouped(rows.filter(bad_pid), ["framework_id", "principle_id"], example)
        problems += _principle_problems(found, counts["_pf_bad_pid"], principles, example)
    if counts["_pf_bad_status"]:
        found = _grouped(rows.filter(bad_status), ["status"], example)
        problems += _status_problems(found, counts["_pf_bad_status"], example)
    if counts["_pf_no_status"]:
        found = _grouped(rows.filter(missing_status), ["principle_id"], example)
        n = counts["_pf_no_status"]
        message = (
            f"{n} row{'s' if n != 1 else ''} with a principle_id but no status "
            f"({_example(found[0], example)}); give 'unknown' where the status is not known"
        )
        problems.append(_problem("status", message, "missing"))
    raise ValidationError(problems)


def _one_row(frame: nw.DataFrame[Any] | nw.LazyFrame[Any]) -> dict[str, int]:
    eager = frame.collect() if isinstance(frame, nw.LazyFrame) else frame
    return {k: int(v or 0) for k, v in eager.rows(named=True)[0].items()}


def _grouped(
    rows: nw.DataFrame[Any] | nw.LazyFrame[Any], by: list[str], example: str | None
) -> list[dict[str, Any]]:
    """The distinct values of ``by`` among ``rows``: each with its count and an example row, most first."""
    aggs = [nw.len().alias("_pf_n")]
    if example is not None:
        aggs.append(nw.col(example).min().alias("_pf_example"))
    out = rows.group_by(by).agg(*aggs)
    eager = out.collect() if isinstance(out, nw.LazyFrame) else out
    found = eager.rows(named=True)
    return sorted(found, key=lambda r: (-r["_pf_n"], *(str(r[c]) for c in by)))


def _example(row: dict[str, Any], example: str | None) -> str:
    n = row["_pf_n"]
    rows = f"{n} row{'s' if n != 1 else ''}"
    if example is None or row.get("_pf_example") is None:
        return rows
    return f"{rows}, e.g. {example} {row['_pf_example']!r}"


def _problem(column: str, message: str, code: str, suggestion: str | None = None) -> Problem:
    """A problem with the named column of the findings table."""
    return Problem(f"column '{column}'", message, suggestion=suggestion, code=code, field=column)


def _rest(found: list[dict[str, Any]], what: str) -> Iterable[Problem]:
    rest = found[_SHOWN:]
    if rest:
        n = sum(r["_pf_n"] for r in rest)
        yield _problem(
            what,
            f"and {len(rest)} more such value{'s' if len(rest) != 1 else ''} "
            f"on {n} row{'s' if n != 1 else ''}",
            "unknown_id" if what == "principle_id" else "enum",
        )


def _principle_problems(
    found: list[dict[str, Any]], total: int, principles: dict[str, Sequence[str]], example: str | None
) -> list[Problem]:
    out: list[Problem] = []
    owner = {pid: fw for fw, ids in principles.items() for pid in ids}
    # Rows of an unknown framework: one problem per framework, whatever their principle ids.
    merged: dict[Any, dict[str, Any]] = {}
    for row in found:
        fw = row["framework_id"]
        if fw is None or fw in principles:
            merged[(fw, row["principle_id"])] = row
        elif ("", fw) in merged:
            merged[("", fw)]["_pf_n"] += row["_pf_n"]
        else:
            merged[("", fw)] = dict(row)
    found = sorted(merged.values(), key=lambda r: -r["_pf_n"])
    for row in found[:_SHOWN]:
        fw, pid = row["framework_id"], row["principle_id"]
        where = _example(row, example)
        if fw is None:
            message = f"no framework_id on {where} (principle_id {pid!r})"
            out.append(_problem("framework_id", message, "missing"))
        elif fw not in principles:
            message = f"{fw!r} is not a framework of the catalog ({where}, principle_id {pid!r})"
            out.append(_problem("framework_id", message, "unknown_id", first_or_none(fw, principles)))
        elif pid in owner:
            message = f"{pid!r} is a principle of {owner[pid]}, not of framework_id {fw!r} ({where})"
            out.append(_problem("principle_id", message, "conflict"))
        else:
            message = f"{pid!r} is not a principle of {fw} ({where})"
            out.append(_problem("principle_id", message, "unknown_id", first_or_none(pid, principles[fw])))
    out.extend(_rest(found, "principle_id"))
    if len(found) > 1:
        message = f"{total} rows name a principle their framework_id does not hold"
        out.insert(0, _problem("principle_id", message, "unknown_id"))
    return out


def _status_problems(found: list[dict[str, Any]], total: int, example: str | None) -> list[Problem]:
    out = []
    for row in found[:_SHOWN]:
        word = row["status"]
        message = f"{word!r} is not a status, one of {', '.join(_WORDS)} ({_example(row, example)})"
        out.append(_problem("status", message, "enum", first_or_none(str(word), _WORDS)))
    out.extend(_rest(found, "status"))
    if len(found) > 1:
        out.insert(0, _problem("status", f"{total} rows have a word that is not a status", "enum"))
    return out
