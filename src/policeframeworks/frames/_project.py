"""Projection of a findings table onto another framework, written once with narwhals.

The findings (and, for sources that are parent principles or whole frameworks, the statuses their leaves
add up to) join the rule table of :mod:`._rules`; per assessment and target leaf the engine sums the bits
of the rules fired at each rank, and a join with the compiled outcomes gives the status and
``derived_from``. Only integers are summed and nothing is collected, so lazy inputs stay lazy.
"""

from __future__ import annotations

from typing import Any

import narwhals as nw

from .. import Crosswalk, load_catalog
from ._check import check_findings
from ._native import need, small
from ._rules import Slot, compiled
from ._schema import ASSESSMENT_KEY

__all__ = ["project"]

#: The columns that identify one assessment in a findings table (those present are used).
KEY = ASSESSMENT_KEY
#: Of those, the ones an assessment is grouped by; the others are constant within it and ride along.
ASSESSMENT = ("jurisdiction_key", "framework_id", "as_of", "assessor", "method")


def project(findings: Any, crosswalk: Crosswalk | None = None, *, onto: str) -> Any:
    """Findings projected onto another framework, by the object path's rules, in the caller's frame type.

    Each assessment (the rows sharing the assessment columns present of ``jurisdiction_key``, ``name``,
    ``state``, ``kind``, ``fips``, ``ori``, ``framework_id``, ``as_of``, ``assessor`` and ``method``) gives
    one row per target leaf a mapping reaches, with the ``status`` and ``derived_from`` that
    :meth:`Assessment.project <policeframeworks.Assessment.project>` gives it: a parent principle without
    a finding of its own, and the assessed framework as a whole, take the status their leaves add up to;
    unknown and not_applicable sources contribute nothing; a target reached only by sources that prove
    nothing is ``unknown``, and lists every mapping considered. The result has those assessment columns,
    ``framework_id`` set to ``onto`` and ``method`` to ``derived``, then ``principle_id``, ``status`` and
    ``derived_from`` (a list of ``source``, ``relationship``, ``target``, ``source_status``, as in the
    ``findings`` table); rows come in no particular order, and rows already of ``onto`` are left out.

    Args:
        findings: a findings table (see ``docs/reference/tables.md``): pandas, Polars, PyArrow, DuckDB or
            PySpark; lazy frames stay lazy (but see Raises: the input is checked when called).
        crosswalk: the crosswalk (default: the bundled one).
        onto: the framework to project onto.

    Raises:
        ValidationError: ``framework_id``, ``principle_id`` or ``status`` is missing; or rows name a
            principle their ``framework_id`` does not hold (or a framework the catalog does not hold), or
            a status that is not a :class:`~policeframeworks.Status` word, or none with a principle: each
            wrong value once, with its count of rows and an example. That check runs when this is called,
            as one aggregate pass over the input (a lazy input is computed once for it; the result stays
            lazy).
        UnknownIdError: ``onto`` is not a framework of the crosswalk's catalog.

    Example:
        >>> import polars as pl
        >>> from policeframeworks import frames
        >>> df = pl.DataFrame({"jurisdiction_key": ["springfield|IL|city"] * 2,
        ...     "framework_id": ["8cantwait-2020"] * 2, "as_of": ["2020"] * 2, "assessor": ["me"] * 2,
        ...     "principle_id": ["8cantwait-2020:ban-chokeholds-and-strangleholds",
        ...                      "8cantwait-2020:duty-to-intervene"], "status": ["adopted", "partial"]})
        >>> out = frames.project(df, onto="uscm-2020").sort("principle_id")
        >>> out.select("principle_id", "status").rows()
        [('uscm-2020:sanctity-of-life/chokehold-ban', 'partial'), \
('uscm-2020:sanctity-of-life/duty-to-intervene', 'partial'), \
('uscm-2020:sanctity-of-life/peer-intervention', 'unknown')]
        >>> [d["source"] for d in out["derived_from"][0]]
        ['8cantwait-2020:ban-chokeholds-and-strangleholds']
    """
    cw = crosswalk if crosswalk is not None else load_catalog().crosswalk
    frame = nw.from_native(findings)
    need(frame, ("framework_id", "principle_id", "status"))
    rules = compiled(cw, onto)
    check_findings(frame, {fw.id: fw.principle_ids for fw in cw.catalog})
    names = frame.collect_schema().names()
    key = [c for c in KEY if c in names]
    ident = [c for c in ASSESSMENT if c in key] or key
    carried = [c for c in key if c not in ident]
    rows = frame.filter(nw.col("framework_id") != onto).select(*key, "principle_id", "status")
    if rules.rollup.num_rows:
        rows = nw.concat([rows, _rolled_up(rows, small(frame, rules.rollup), key, ident)], how="diagonal")
    # One row per assessment and one column per word: the sum of the bits of the rules fired.
    words = [f"_pf_w{i}" for i in range(rules.words)] or ["_pf_w0"]  # (no rule: one empty word)
    fired = rows.join(small(frame, rules.table), on=["principle_id", "status"], how="inner").with_columns(
        *[
            nw.when(nw.col("_pf_word") == i).then(nw.col("_pf_packed")).otherwise(0).alias(w)
            for i, w in enumerate(words)
        ]
    )
    wide = fired.group_by(ident).agg(
        *[nw.col(w).sum() for w in words], *[nw.col(c).any_value() for c in carried]
    )
    # Per target leaf n of S: (mask * 4 + rank) * S + n, the best rank fired there and the bits of the rules
    # of that rank fired (below S: nothing fired), the key of its outcome.
    n = len(rules.slots)
    slots = [f"_pf_t{k}" for k in range(n)]
    wide = wide.select(
        *ident,
        *carried,
        *[
            (_outcome(nw.col(words[slot.word]).cast(nw.Int64), slot) * n + k).alias(name)
            for k, (slot, name) in enumerate(zip(rules.slots, slots, strict=True))
        ],
    )
    if n:
        per = _unpivot(wide, slots, [*ident, *carried]).filter(nw.col("_pf_key") >= n)
    else:  # no mapping reaches the target framework: no row (of the same columns)
        per = rows.select(*ident, *carried, nw.lit(-1, dtype=nw.Int64).alias("_pf_key")).filter(
            nw.col("_pf_key") >= 0
        )
    out_cols = [
        nw.lit(onto).alias("framework_id")
        if c == "framework_id"
        else nw.lit("derived").alias("method")
        if c == "method"
        else nw.col(c)
        for c in key
    ]
    on = ["framework_id", "_pf_key"]
    if frame.implementation is nw.Implementation.PYARROW:
        # PyArrow's join (Acero) carries no list column: join the outcome's row number, then take its list.
        import pyarrow as pa

        numbered = rules.outcomes.drop_columns("derived_from")
        numbered = numbered.append_column("_pf_outcome", pa.array(range(numbered.num_rows), pa.int64()))
        out = per.join(small(per, numbered), on=on, how="inner").select(
            *out_cols, "principle_id", "status", "_pf_outcome"
        )
        native = out.to_native()
        taken = rules.outcomes["derived_from"].take(native["_pf_outcome"])
        return native.drop_columns("_pf_outcome").append_column("derived_from", taken)
    out = per.join(small(frame, rules.outcomes), on=on, how="inner")
    return out.select(*out_cols, "principle_id", "status", "derived_from").to_native()


def _rolled_up(rows: Any, rollup: Any, key: list[str], ident: list[str]) -> Any:
    """Per assessment, the status of each parent (or whole framework) a rule reads, from its leaves.

    The object path's rollup: ``not_applicable`` when no leaf applies, ``adopted`` when every applicable
    leaf is, ``partial`` when some are adopted or partial, ``not_adopted`` when every applicable leaf is
    not adopted, ``unknown`` otherwise (a leaf without a finding is unknown). A parent with a finding of its
    own keeps it (that row is already among the findings, so it is left out here).
    """
    counted = ("adopted", "partial", "not_adopted", "not_applicable")
    own = nw.col("_pf_own") == 1
    leaves = rows.join(rollup, on="principle_id", how="inner").with_columns(
        *[((~own) & (nw.col("status") == s)).cast(nw.Int64).alias(f"_pf_{s}") for s in counted]
    )
    carried = [c for c in key if c not in ident]
    per = leaves.group_by([*ident, "_pf_parent"]).agg(
        *[nw.col(f"_pf_{s}").sum() for s in counted],
        nw.col("_pf_n").max(),
        nw.col("_pf_own").max(),
        *[nw.col(c).any_value() for c in carried],
    )
    n, adopted, partial = nw.col("_pf_n"), nw.col("_pf_adopted"), nw.col("_pf_partial")
    applicable = n - nw.col("_pf_not_applicable")
    status = (
        nw.when(applicable == 0)
        .then(nw.lit("not_applicable"))
        .when(adopted == applicable)
        .then(nw.lit("adopted"))
        .when(adopted + partial > 0)
        .then(nw.lit("partial"))
        .when(nw.col("_pf_not_adopted") == applicable)
        .then(nw.lit("not_adopted"))
        .otherwise(nw.lit("unknown"))
    )
    return per.filter(nw.col("_pf_own") == 0).select(
        *key, nw.col("_pf_parent").alias("principle_id"), status.alias("status")
    )


def _outcome(word: nw.Expr, slot: Slot) -> nw.Expr:
    """``mask * 4 + rank`` of one target from its word: its best rank fired and the bits fired at it."""
    fields: list[nw.Expr] = []
    offset = slot.offset
    for width in slot.widths:
        fields.append((word // (1 << offset)) % (1 << width) if width else nw.lit(0, dtype=nw.Int64))
        offset += width
    out: Any = None
    for rank in (3, 2, 1):
        if slot.widths[rank]:
            out = (nw.when(fields[rank] > 0) if out is None else out.when(fields[rank] > 0)).then(
                fields[rank] * 4 + rank
            )
    return fields[0] * 4 if out is None else out.otherwise(fields[0] * 4)


def _unpivot(wide: Any, on: list[str], index: list[str]) -> Any:
    """``wide.unpivot(on, index=index)`` into ``_pf_key`` (the names dropped), on the frame's connection.

    narwhals 2 runs a DuckDB unpivot on DuckDB's default connection, which cannot read a relation of
    another connection; there the same UNPIVOT statement runs on the relation's own.
    """
    if wide.implementation is nw.Implementation.DUCKDB:
        cols = ", ".join(f'"{c}"' for c in on)
        keep = ", ".join(f'"{c}"' for c in [*index, "_pf_key"])
        sql = f"SELECT {keep} FROM (UNPIVOT _pf_wide ON {cols} INTO NAME _pf_slot VALUE _pf_key)"
        return nw.from_native(wide.to_native().query("_pf_wide", sql))
    out = wide.unpivot(on, index=index, variable_name="_pf_slot", value_name="_pf_key")
    return out.select(*index, "_pf_key")
