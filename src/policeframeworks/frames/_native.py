"""Small tables in the caller's engine, and the column checks every dataframe operation starts with.

The rule operations join the caller's frame with small tables built here (a rule table, a list of
principle ids). Each is made in the caller's backend, and for DuckDB and Spark on the caller's own
connection or session, so that joins stay inside one engine and lazy inputs stay lazy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import narwhals as nw

from .. import Problem, ValidationError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["need", "small"]


def need(frame: nw.DataFrame[Any] | nw.LazyFrame[Any], columns: Sequence[str]) -> None:
    """Raise one :class:`ValidationError` naming every column of ``columns`` the frame lacks."""
    have = set(frame.collect_schema().names())
    missing = [c for c in columns if c not in have]
    if missing:
        raise ValidationError([Problem(c, "required column missing") for c in missing])


def small(frame: nw.DataFrame[Any] | nw.LazyFrame[Any], table: pa.Table) -> Any:
    """``table`` as a narwhals frame of the same backend (and connection or session) as ``frame``.

    Columns may be ``string``, ``int64``, or a list of structs of strings (``derived_from``).
    """
    impl = frame.implementation
    if impl is nw.Implementation.PYARROW:
        # Acero joins only keys of one type: text the caller holds as large_string is matched here.
        schema = frame.to_native().schema
        for i, field in enumerate(table.schema):
            if field.name in schema.names and schema.field(field.name).type != field.type:
                table = table.set_column(i, field.name, table.column(i).cast(schema.field(field.name).type))
    if isinstance(frame, nw.DataFrame):
        return nw.from_arrow(table, backend=impl)
    native = frame.to_native()
    if impl is nw.Implementation.DUCKDB:
        import duckdb

        # DuckDB reads the Arrow table through its replacement scan of this frame's local names, on the
        # caller's connection (binding the same rows as SQL literals takes seconds for a thousand lists).
        _pf_small = table  # read by name by the query below
        try:
            return nw.from_native(native.query("_pf_input", "SELECT * FROM _pf_small"))
        except duckdb.Error:  # replacement scans switched off on this connection
            return nw.from_native(native.query("_pf_input", _duckdb_sql(table)))
    if impl.is_spark_like():
        ddl = ", ".join(f"{f.name} {_spark_type(f.type)}" for f in table.schema)
        rows = [tuple(_spark_value(v) for v in row.values()) for row in table.to_pylist()]
        return nw.from_native(native.sparkSession.createDataFrame(rows, schema=ddl))
    if impl is nw.Implementation.POLARS:
        return nw.from_arrow(table, backend=impl).lazy()
    return nw.from_arrow(table, backend="pyarrow").lazy(backend=impl)  # pragma: no cover - other engines


def _duckdb_type(t: pa.DataType) -> str:
    import pyarrow as pa

    if pa.types.is_integer(t):
        return "BIGINT"
    if pa.types.is_list(t):
        fields = ", ".join(f"{f.name} VARCHAR" for f in t.value_type)
        return f"STRUCT({fields})[]"
    return "VARCHAR"


def _duckdb_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_duckdb_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_duckdb_literal(k)}: {_duckdb_literal(v)}" for k, v in value.items()) + "}"
    return "'" + str(value).replace("'", "''") + "'"


def _duckdb_sql(table: pa.Table) -> str:
    names = table.schema.names
    cast = ", ".join(f"{n}::{_duckdb_type(table.schema.field(n).type)} AS {n}" for n in names)
    if table.num_rows == 0:
        nulls = ", ".join(f"NULL::{_duckdb_type(f.type)} AS {f.name}" for f in table.schema)
        return f"SELECT {nulls} WHERE false"
    values = ", ".join(
        "(" + ", ".join(_duckdb_literal(row[n]) for n in names) + ")" for row in table.to_pylist()
    )
    return f"SELECT {cast} FROM (VALUES {values}) AS t({', '.join(names)})"


def _spark_type(t: pa.DataType) -> str:
    import pyarrow as pa

    if pa.types.is_integer(t):
        return "bigint"
    if pa.types.is_list(t):
        return "array<struct<" + ",".join(f"{f.name}:string" for f in t.value_type) + ">>"
    return "string"


def _spark_value(value: Any) -> Any:
    if isinstance(value, list):
        return [tuple(v.values()) if isinstance(v, dict) else v for v in value]
    return value
