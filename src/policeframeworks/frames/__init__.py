"""Findings, mappings and coverage as long tables, and projection and summaries over any dataframe.

Needs the ``frames`` extra (``pip install 'policeframeworks[frames]'``: narwhals and pyarrow) plus the engine
you compute with: pandas, Polars, DuckDB or PySpark. ``import policeframeworks`` never imports this module.

* Tables with documented schemas (``docs/reference/tables.md``): :func:`findings`, :func:`mappings`,
  :func:`coverage`, :func:`jurisdictions` build them from objects; :func:`to_assessments`,
  :func:`to_crosswalk` and :func:`to_jurisdictions` build the objects back. :func:`arrow_schema` and
  :func:`table_schema` give each table's schema (Arrow; Frictionless).
* Rules over dataframes, written once with narwhals: :func:`project`, :func:`summarize`,
  :func:`adoption` and :func:`principle_counts` take a findings table as pandas, Polars (eager or lazy),
  PyArrow, a DuckDB relation or a PySpark DataFrame, and return the same type (lazy stays lazy). They
  compute what :meth:`Assessment.project <policeframeworks.Assessment.project>` and
  :func:`policeframeworks.summarize` compute.

Example:
    >>> import duckdb
    >>> from policeframeworks import frames, load_seed_assessments
    >>> rel = duckdb.from_arrow(frames.findings(load_seed_assessments()))
    >>> out = frames.project(rel, onto="uscm-2020")
    >>> out.select("principle_id", "status").order("principle_id").fetchall()
    [('uscm-2020:sanctity-of-life/duty-to-intervene', 'adopted'), \
('uscm-2020:sanctity-of-life/peer-intervention', 'partial')]
"""

from __future__ import annotations

try:
    import narwhals  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "policeframeworks.frames needs narwhals and pyarrow: pip install 'policeframeworks[frames]'"
    ) from exc

from ._build import coverage, findings, jurisdiction_key, jurisdictions, mappings
from ._project import project
from ._read import to_assessments, to_crosswalk, to_jurisdictions
from ._rules import Rule, rules
from ._schema import arrow_schema, table_schema
from ._summaries import adoption, principle_counts, summarize

__all__ = [
    "Rule",
    "adoption",
    "arrow_schema",
    "coverage",
    "findings",
    "jurisdiction_key",
    "jurisdictions",
    "mappings",
    "principle_counts",
    "project",
    "rules",
    "summarize",
    "table_schema",
    "to_assessments",
    "to_crosswalk",
    "to_jurisdictions",
]
