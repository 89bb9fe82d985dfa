"""Adoption summaries over any dataframe, written once with narwhals.

They count what :meth:`Assessment.score <policeframeworks.Assessment.score>` and
:func:`policeframeworks.summarize` count. Inputs may be pandas, Polars (eager or lazy), PyArrow, DuckDB
relations or PySpark DataFrames; the result is of the caller's type, and lazy inputs stay lazy. Each
function first refuses (:class:`~policeframeworks.ValidationError`, each wrong value once with its count of
rows and an example) rows of the framework summarized whose ``principle_id`` is not one of its principles,
or whose ``status`` is not a :class:`~policeframeworks.Status` word (or is missing beside a principle);
rows of other frameworks are not read. That check runs when the function is called, as one aggregate pass
over the input: a lazy input is computed once for it, and the rest only when the caller collects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import narwhals as nw

from .. import Framework, Problem, ValidationError, load_catalog
from ._check import check_findings
from ._native import need, small
from ._project import ASSESSMENT

__all__ = ["adoption", "principle_counts", "summarize"]

_STATUSES = ("adopted", "partial", "not_adopted", "not_applicable")


def _leaf_table(frame: Any, leaves: list[str]) -> Any:
    import pyarrow as pa

    return small(frame, pa.table({"principle_id": pa.array(leaves, pa.string())}))


def _framework(framework: Framework | str) -> Framework:
    return framework if isinstance(framework, Framework) else load_catalog().framework(framework)


def _scores(frame: Any, fw: Framework, by: Sequence[str], weights: str | None) -> Any:
    """One row per assessment of ``fw``: the ``by`` columns, weight, lower, upper, unknown, applicable."""
    leaves = [p.id for p in fw.leaves()]
    n = len(leaves)
    names = frame.collect_schema().names()
    need(
        frame,
        ("jurisdiction_key", "framework_id", "principle_id", "status", *by, *([weights] if weights else [])),
    )
    check_findings(frame, {fw.id: fw.principle_ids}, only=fw.id)
    key = [c for c in ASSESSMENT if c in names]
    key += [c for c in by if c not in key]
    is_leaf = nw.col("principle_id").is_in(leaves)
    counts = [(is_leaf & (nw.col("status") == s)).cast(nw.Int64).alias(f"_pf_{s}") for s in _STATUSES]
    with_rt = "reported_total" in names
    w = nw.col(weights).cast(nw.Float64) if weights else nw.lit(1.0, dtype=nw.Float64)
    per = (
        frame.filter(nw.col("framework_id") == fw.id)
        .with_columns(*counts, w.alias("_pf_w"))
        .group_by(key)
        .agg(
            *[nw.col(f"_pf_{s}").sum() for s in _STATUSES],
            nw.col("_pf_w").max(),
            *([nw.col("reported_total").max().alias("_pf_rt")] if with_rt else []),
        )
    )
    adopted, partial, na = nw.col("_pf_adopted"), nw.col("_pf_partial"), nw.col("_pf_not_applicable")
    unknown = n - adopted - partial - nw.col("_pf_not_adopted") - na
    lower: nw.Expr = adopted
    upper: nw.Expr = adopted + unknown
    if with_rt:
        has_rt = ~nw.col("_pf_rt").is_null()
        lower = nw.when(has_rt).then(nw.col("_pf_rt")).otherwise(lower)
        upper = nw.when(has_rt).then(nw.col("_pf_rt")).otherwise(upper)
    return per.with_columns(
        unknown.alias("_pf_unknown"),
        lower.alias("_pf_lower"),
        upper.alias("_pf_upper"),
        (n - na).alias("_pf_applicable"),
    )


def summarize(
    findings: Any,
    framework: Framework | str,
    *,
    by: Sequence[str] | str | None = None,
    weights: str | None = None,
) -> Any:
    """Weighted adoption shares per group and principle, as bounds, in the caller's frame type.

    The definitions are those of ``summarize(assessments, by=..., weights=...)`` (module
    ``policeframeworks._grouped``), row for row: for each group (each distinct value of the ``by`` columns;
    one group without ``by``) and each scored principle of ``framework``, ``assessments`` counts the
    assessments whose status of the principle is not ``not_applicable`` and ``denominator`` is their total
    weight; ``adopted`` and ``unknown`` are the weights of those that adopted it and of those whose status is
    unknown (no finding counts as unknown); ``lower = adopted / denominator`` and
    ``upper = (adopted + unknown) / denominator`` (null when the denominator is 0). As there, assessments with
    a null group, with a null weight, or with no finding and no reported total are left out. Only rows of
    ``framework`` are read. An eager input with a jurisdiction assessed twice, or a negative or non-finite
    weight, raises as the object path does; a lazy one is not checked for those (that would compute it).
    Unknown principle ids and status words are refused on every input (see the module).

    Args:
        findings: a findings table (see ``docs/reference/tables.md``).
        framework: the framework (or its id, for a bundled one).
        by: the column or columns to group by, each constant within an assessment (e.g. ``state``).
        weights: a numeric column holding each assessment's weight (e.g. population), constant within it.

    Example:
        >>> import pandas as pd
        >>> from policeframeworks import frames
        >>> pid = "8cantwait-2020:duty-to-intervene"
        >>> df = pd.DataFrame({"jurisdiction_key": ["a|IL|city", "b|IL|city", "c|IL|city", "d|MN|city"],
        ...     "state": ["IL", "IL", "IL", "MN"], "framework_id": "8cantwait-2020", "principle_id": pid,
        ...     "status": ["adopted", "unknown", "not_adopted", "adopted"],
        ...     "population": [300, 100, 600, 50]})
        >>> out = frames.summarize(df, "8cantwait-2020", by="state", weights="population")
        >>> out[out.principle_id == pid].sort_values("state")[["state", "denominator", "lower", "upper"]]
           state  denominator  lower  upper
        ...   IL       1000.0    0.3    0.4
        ...   MN         50.0    1.0    1.0
    """
    fw = _framework(framework)
    groups = [] if by is None else [by] if isinstance(by, str) else list(by)
    frame = nw.from_native(findings)
    leaves = [p.id for p in fw.leaves()]
    need(
        frame,
        (
            "jurisdiction_key",
            "framework_id",
            "principle_id",
            "status",
            *groups,
            *([weights] if weights else []),
        ),
    )
    check_findings(frame, {fw.id: fw.principle_ids}, only=fw.id)
    names = frame.collect_schema().names()
    key = [c for c in ASSESSMENT if c in names]
    key += [c for c in groups if c not in key]
    w = nw.col(weights).cast(nw.Float64) if weights else nw.lit(1.0, dtype=nw.Float64)
    rows = frame.filter(nw.col("framework_id") == fw.id).with_columns(w.alias("_pf_w"))
    for c in [*groups, *(["_pf_w"] if weights else [])]:
        rows = rows.filter(~nw.col(c).is_null())
    # Per assessment: its weight, and whether it holds a finding or a reported total (else never assessed).
    assessed = ~nw.col("principle_id").is_null()
    if "reported_total" in names:
        assessed = assessed | ~nw.col("reported_total").is_null()
    per = (
        rows.with_columns(assessed.cast(nw.Int64).alias("_pf_seen"))
        .group_by(key)
        .agg(nw.col("_pf_w").max(), nw.col("_pf_seen").max())
    )
    if isinstance(per, nw.DataFrame):
        _check_eager(frame.filter(nw.col("framework_id") == fw.id).group_by(key).agg(nw.len()), per, weights)
    per = per.filter(nw.col("_pf_seen") > 0)
    totals_aggs = [nw.col("_pf_w").sum().alias("_pf_total"), nw.len().alias("_pf_n")]
    totals = per.group_by(groups).agg(*totals_aggs) if groups else per.select(*totals_aggs)
    totals = totals.filter(nw.col("_pf_n") > 0)  # no assessment, no group (as in the object path)
    weighted = {
        "_pf_adopted": nw.col("status") == "adopted",
        "_pf_unknown": nw.col("status") == "unknown",
        "_pf_na": nw.col("status") == "not_applicable",
        "_pf_any": nw.lit(value=True),
    }
    cells = (
        rows.filter(nw.col("principle_id").is_in(leaves))
        .with_columns(
            *[(nw.col("_pf_w") * cond.cast(nw.Float64)).alias(name) for name, cond in weighted.items()],
            (nw.col("status") == "not_applicable").cast(nw.Int64).alias("_pf_na_n"),
        )
        .group_by([*groups, "principle_id"])
        .agg(*[nw.col(c).sum() for c in [*weighted, "_pf_na_n"]])
    )
    grid = totals.join(_leaf_table(frame, leaves), how="cross")
    out = grid.join(cells, on=[*groups, "principle_id"], how="left").with_columns(
        *[nw.col(c).fill_null(0) for c in [*weighted, "_pf_na_n"]]
    )
    denominator = nw.col("_pf_total") - nw.col("_pf_na")
    unknown = nw.col("_pf_unknown") + nw.col("_pf_total") - nw.col("_pf_any")
    out = out.with_columns(denominator.alias("denominator"), unknown.alias("unknown")).select(
        *groups,
        "principle_id",
        (nw.col("_pf_n") - nw.col("_pf_na_n")).cast(nw.Int64).alias("assessments"),
        "denominator",
        nw.col("_pf_adopted").alias("adopted"),
        "unknown",
        nw.when(nw.col("denominator") > 0).then(nw.col("_pf_adopted") / nw.col("denominator")).alias("lower"),
        nw.when(nw.col("denominator") > 0)
        .then((nw.col("_pf_adopted") + nw.col("unknown")) / nw.col("denominator"))
        .alias("upper"),
    )
    return out.to_native()


def _check_eager(every: nw.DataFrame[Any], per: nw.DataFrame[Any], weights: str | None) -> None:
    """The object path's refusals, where they cost nothing: a jurisdiction twice, a weight not >= 0."""
    problems = []
    if every["jurisdiction_key"].n_unique() != len(every):
        problems.append(
            Problem(
                "jurisdiction_key",
                "a jurisdiction is assessed more than once; keep one per jurisdiction "
                "(e.g. the latest) before summarizing",
            )
        )
    if weights:
        w = per["_pf_w"]
        bad = int((~((w >= 0) & (w < float("inf")))).sum())
        if bad:
            problems.append(
                Problem(weights, f"{bad} assessment(s) weigh less than 0, or not a finite number")
            )
    if problems:
        raise ValidationError(problems)


def adoption(
    findings: Any, framework: Framework | str, *, by: Sequence[str] | str = (), weights: str | None = None
) -> Any:
    """The number of principles adopted, as bounds, per group (:class:`~policeframeworks.AdoptionSummary`).

    One row per group (per distinct value of the ``by`` columns; one row without ``by``) with:
    ``assessments`` (rows counted), ``jurisdictions`` (distinct ``jurisdiction_key``: fewer than
    ``assessments`` means a jurisdiction was assessed twice, which the object path refuses), ``weight`` (the
    sum of the weights, or of 1 per assessment), ``lower_mean`` and ``upper_mean`` (the weighted mean of the
    least and most principles adopted:
    :attr:`AdoptionSummary.mean_bounds <policeframeworks.AdoptionSummary.mean_bounds>`), ``undetermined``,
    ``unknown_findings``, ``all_adopted`` and ``none_adopted`` (counts of assessments, unweighted, as in
    :class:`~policeframeworks.AdoptionSummary`). Only rows of ``framework`` are read, so one table of several
    frameworks can be summarized framework by framework. An eager input with a jurisdiction assessed twice
    raises, as
    :func:`policeframeworks.summarize` does.

    Args:
        findings: a findings table (see ``docs/reference/tables.md``).
        framework: the framework (or its id, for a bundled one).
        by: columns to group by, each constant within an assessment (e.g. ``state``).
        weights: a column holding each assessment's weight (e.g. population), constant within it.

    Example:
        >>> import pandas as pd
        >>> from policeframeworks import frames
        >>> df = pd.DataFrame({"jurisdiction_key": ["a|IL|city", "b|IL|city", "c|WI|city"],
        ...     "state": ["IL", "IL", "WI"], "framework_id": "8cantwait-2020",
        ...     "principle_id": "8cantwait-2020:duty-to-intervene",
        ...     "status": ["adopted", "not_adopted", "adopted"],
        ...     "population": [100, 300, 50]})
        >>> out = frames.adoption(df, "8cantwait-2020", by="state", weights="population")
        >>> out = out.sort_values("state")
        >>> out[["state", "assessments", "weight", "lower_mean", "upper_mean"]].to_dict("records")
        [{'state': 'IL', 'assessments': 2, 'weight': 400.0, 'lower_mean': 0.25, 'upper_mean': 7.25}, \
{'state': 'WI', 'assessments': 1, 'weight': 50.0, 'lower_mean': 1.0, 'upper_mean': 8.0}]
    """
    fw = _framework(framework)
    groups = [by] if isinstance(by, str) else list(by)
    frame = nw.from_native(findings)
    per = _scores(frame, fw, groups, weights)
    w = nw.col("_pf_w")
    lower, upper = nw.col("_pf_lower"), nw.col("_pf_upper")
    per = per.with_columns(
        (w * lower).alias("_pf_wl"),
        (w * upper).alias("_pf_wu"),
        (lower != upper).cast(nw.Int64).alias("undetermined"),
        nw.col("_pf_unknown").alias("unknown_findings"),
        (lower == nw.col("_pf_applicable")).cast(nw.Int64).alias("all_adopted"),
        (upper == 0).cast(nw.Int64).alias("none_adopted"),
    )
    aggs = [
        nw.len().alias("assessments"),
        nw.col("jurisdiction_key").n_unique().alias("jurisdictions"),
        w.sum().alias("weight"),
        *[
            nw.col(c).sum()
            for c in ("_pf_wl", "_pf_wu", "undetermined", "unknown_findings", "all_adopted", "none_adopted")
        ],
    ]
    out = per.group_by(groups).agg(*aggs) if groups else per.select(*aggs)
    out = out.select(
        *groups,
        "assessments",
        "jurisdictions",
        "weight",
        (nw.col("_pf_wl") / nw.col("weight")).alias("lower_mean"),
        (nw.col("_pf_wu") / nw.col("weight")).alias("upper_mean"),
        "undetermined",
        "unknown_findings",
        "all_adopted",
        "none_adopted",
    )
    if isinstance(out, nw.DataFrame):
        twice = out.filter(nw.col("jurisdictions") != nw.col("assessments"))
        if len(twice):
            raise ValidationError(
                [
                    Problem(
                        "jurisdiction_key",
                        "a jurisdiction is assessed more than once; keep one per "
                        "jurisdiction (e.g. the latest) before summarizing",
                    )
                ]
            )
    return out.to_native()


def principle_counts(
    findings: Any, framework: Framework | str, *, by: Sequence[str] | str = (), weights: str | None = None
) -> Any:
    """Per group and scored principle, how many assessments give each status, in the caller's frame type.

    The columns are the ``by`` columns, ``principle_id`` (each leaf of the framework), then ``adopted``,
    ``partial``, ``not_adopted``, ``unknown`` (a missing finding counts here) and ``not_applicable``: the
    counts of :meth:`AdoptionSummary.to_records <policeframeworks.AdoptionSummary.to_records>`, or with
    ``weights`` the sums of the weights.

    Example:
        >>> import polars as pl
        >>> from policeframeworks import frames
        >>> df = pl.DataFrame({"jurisdiction_key": ["a|IL|city", "b|IL|city"],
        ...     "framework_id": "8cantwait-2020",
        ...     "principle_id": "8cantwait-2020:duty-to-intervene", "status": ["adopted", "not_adopted"]})
        >>> out = frames.principle_counts(df, "8cantwait-2020")
        >>> out.filter(pl.col("principle_id") == "8cantwait-2020:duty-to-intervene").row(0)
        ('8cantwait-2020:duty-to-intervene', 1.0, 0.0, 1.0, 0.0, 0.0)
    """
    fw = _framework(framework)
    groups = [by] if isinstance(by, str) else list(by)
    frame = nw.from_native(findings)
    leaves = [p.id for p in fw.leaves()]
    need(frame, ("jurisdiction_key", "framework_id", "principle_id", "status", *groups))
    check_findings(frame, {fw.id: fw.principle_ids}, only=fw.id)
    names = frame.collect_schema().names()
    key = [c for c in ASSESSMENT if c in names]
    key += [c for c in groups if c not in key]
    w = nw.col(weights).cast(nw.Float64) if weights else nw.lit(1.0, dtype=nw.Float64)
    mine = frame.filter(nw.col("framework_id") == fw.id).with_columns(w.alias("_pf_w"))
    # The weight of every assessment in each group (unknown = that total minus the known statuses).
    per = mine.group_by(key).agg(nw.col("_pf_w").max())
    total = nw.col("_pf_w").sum().alias("_pf_total")
    totals = per.group_by(groups).agg(total) if groups else per.select(total)
    cells = (
        mine.filter(nw.col("principle_id").is_in(leaves))
        .with_columns(
            *[(nw.col("_pf_w") * (nw.col("status") == s).cast(nw.Float64)).alias(s) for s in _STATUSES]
        )
        .group_by([*groups, "principle_id"])
        .agg(*[nw.col(s).sum() for s in _STATUSES])
    )
    grid = totals.join(_leaf_table(frame, leaves), how="cross")
    out = grid.join(cells, on=[*groups, "principle_id"], how="left").with_columns(
        *[nw.col(s).fill_null(0.0) for s in _STATUSES]
    )
    known = nw.col("adopted") + nw.col("partial") + nw.col("not_adopted") + nw.col("not_applicable")
    out = out.select(
        *groups,
        "principle_id",
        "adopted",
        "partial",
        "not_adopted",
        (nw.col("_pf_total") - known).alias("unknown"),
        "not_applicable",
    )
    return out.to_native()
