"""The long tables' schemas: one list of columns per table, as Arrow schemas and Frictionless table schemas.

Each column has a name, an Arrow type (written as text, e.g. ``string`` or ``list<evidence>``), whether it may
be null, the values it may take (for enumerations) and a description. :func:`arrow_schema` turns a table's
columns into a :class:`pyarrow.Schema`; :func:`table_schema` into a Frictionless table schema (a plain dict,
what ``docs/reference/tables/*.schema.json`` holds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import Basis, CoverageStatus, JurisdictionKind, Method, RationaleType, Relationship, Status
from .._table_schema import Column, arrow_column

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ASSESSMENT_KEY", "FINDING_COLUMNS", "STRUCTS", "TABLES", "arrow_schema", "table_schema"]


def _values(enum_cls: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in enum_cls)


#: The structs nested in list columns, field by field (every field is text, and may be null unless noted).
STRUCTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "evidence": (
        ("title", True),
        ("url", False),
        ("publisher", False),
        ("date", False),
        ("section", False),
        ("quote", False),
        ("retrieved", False),
    ),
    "derivation": (("source", True), ("relationship", True), ("target", True), ("source_status", True)),
    "attribute": (("name", True), ("value", True)),
}

_JURISDICTION = (
    arrow_column(
        "jurisdiction_key",
        "string",
        True,
        "The jurisdiction's identity across files: "
        "normalised name, state and kind joined by a vertical bar "
        "(derived from the next three; never read back).",
    ),
    arrow_column("name", "string", True, "The jurisdiction's name, as given."),
    arrow_column("state", "string", False, "USPS two-letter code of the state, district or territory."),
    arrow_column("kind", "string", True, "City, county, state or agency.", _values(JurisdictionKind)),
    arrow_column("fips", "string", False, "FIPS code (2, 5, 7 or 10 digits, as text)."),
    arrow_column("ori", "string", False, "FBI originating agency identifier (9 characters)."),
)

_ATTRIBUTES = arrow_column(
    "attributes", "list<attribute>", True, "Other facts about the jurisdiction, as (name, value) pairs."
)

#: The findings table's columns that belong to one finding; every other column belongs to its assessment
#: (repeated on each of the assessment's rows).
FINDING_COLUMNS = ("principle_id", "status", "note", "evidence", "derived_from")

#: Every table's columns, in order.
TABLES: dict[str, tuple[Column, ...]] = {
    "findings": (
        *_JURISDICTION,
        arrow_column("framework_id", "string", True, "The framework assessed against."),
        arrow_column("as_of", "string", True, "The date the findings describe (ISO, possibly reduced)."),
        arrow_column("assessor", "string", True, "Who made the assessment."),
        arrow_column("method", "string", True, "How the assessment was made.", _values(Method)),
        arrow_column(
            "reported_total",
            "int64",
            False,
            "Principles reported adopted without naming them all (repeated on each row of the assessment).",
        ),
        arrow_column(
            "principle_id",
            "string",
            False,
            "The principle; null only on the one row standing for an assessment without findings.",
        ),
        arrow_column(
            "status",
            "string",
            False,
            "The finding's status (null only where principle_id is).",
            _values(Status),
        ),
        arrow_column("note", "string", False, "The assessor's note on the finding."),
        arrow_column("evidence", "list<evidence>", True, "The documents the finding rests on."),
        arrow_column(
            "derived_from",
            "list<derivation>",
            True,
            "For a projected finding, the crosswalk mappings it came from.",
        ),
        arrow_column(
            "assessment_evidence",
            "list<evidence>",
            True,
            "What the assessment as a whole rests on (repeated on each row of the assessment).",
        ),
        arrow_column(
            "assessment_notes",
            "list<string>",
            True,
            "The assessor's notes on the assessment (repeated on each row of the assessment).",
        ),
        _ATTRIBUTES,
    ),
    "mappings": (
        arrow_column(
            "kind",
            "string",
            True,
            "asserted (a mapping of the crosswalk) or derived (a composition).",
            ("asserted", "derived"),
        ),
        arrow_column(
            "mapping_id", "int64", False, "An asserted mapping's position in the crosswalk (from 0)."
        ),
        arrow_column("path_id", "int64", False, "A derived mapping's number (from 0)."),
        arrow_column("source", "string", True, "A principle id, or a framework id for the whole framework."),
        arrow_column(
            "relationship", "string", True, "How the source relates to the target.", _values(Relationship)
        ),
        arrow_column("target", "string", True, "A principle id, or a framework id for the whole framework."),
        arrow_column(
            "rationale_type",
            "string",
            False,
            "Asserted only: same words, meaning or effect.",
            _values(RationaleType),
        ),
        arrow_column("strength", "int64", False, "Asserted only: 0-10."),
        arrow_column(
            "basis", "string", False, "Asserted only: a source says so, or our reading.", _values(Basis)
        ),
        arrow_column("rationale", "string", False, "Asserted only: why, in words."),
        arrow_column("mapped_by", "string", False, "Asserted only: who made the mapping."),
        arrow_column(
            "opposing", "bool", False, "Asserted only: both speak to one subject with opposite demands."
        ),
        arrow_column("citation_publisher", "string", False, "Asserted only: the citation's publisher."),
        arrow_column("citation_title", "string", False, "Asserted only: the citation's title."),
        arrow_column("citation_url", "string", False, "Asserted only: the citation's address."),
        arrow_column("citation_date", "string", False, "Asserted only: the citation's date."),
        arrow_column("citation_locator", "string", False, "Asserted only: section or page cited."),
        arrow_column(
            "path",
            "list<int64>",
            True,
            "Derived only: the mapping_id of each asserted mapping on the path, in order (else empty).",
        ),
        arrow_column(
            "path_reversed",
            "list<bool>",
            True,
            "Derived only: for each step, whether the asserted mapping is read backwards (else empty).",
        ),
    ),
    "coverage": (
        arrow_column("source", "string", True, "The source framework id."),
        arrow_column("target", "string", True, "The target framework id."),
        arrow_column("principle_id", "string", True, "A leaf principle of the target framework."),
        arrow_column("status", "string", True, "The leaf's coverage status.", _values(CoverageStatus)),
    ),
    "jurisdictions": (*_JURISDICTION, _ATTRIBUTES),
}


def _arrow_type(text: str) -> pa.DataType:
    import pyarrow as pa

    simple = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_()}
    if text in simple:
        return simple[text]
    inner = text.removeprefix("list<").removesuffix(">")
    if inner in simple:
        return pa.list_(simple[inner])
    fields = [pa.field(name, pa.string(), nullable=not required) for name, required in STRUCTS[inner]]
    return pa.list_(pa.struct(fields))


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one long table (``findings``, ``mappings``, ``coverage`` or ``jurisdictions``).

    Example:
        >>> from policeframeworks import frames
        >>> frames.arrow_schema("coverage").names
        ['source', 'target', 'principle_id', 'status']
        >>> str(frames.arrow_schema("findings").field("evidence").type)[:25]
        'list<item: struct<title: '

    Raises:
        UnknownIdError: no table of that name.
    """
    import pyarrow as pa

    return pa.schema(
        [pa.field(c.name, _arrow_type(c.arrow_type or ""), nullable=not c.required) for c in _columns(table)]
    )


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless table schema of one long table, as a dict ready for ``json.dump``.

    Example:
        >>> from policeframeworks import frames
        >>> s = frames.table_schema("coverage")
        >>> s["fields"][3]["constraints"]["enum"]
        ['covered', 'touched', 'no_relationship', 'not_reviewed']
    """
    fields = [c.field() for c in _columns(table)]
    return {"name": table, "fields": fields, "missingValues": [""]}


def _columns(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        from .._suggest import closest
        from ..exceptions import UnknownIdError

        raise UnknownIdError(table, kind="table", suggestions=closest(table, list(TABLES))) from None


#: The findings table's columns that identify one assessment, in table order: the jurisdiction's cells,
#: the framework, the date, the assessor and the method.
_FINDINGS_NAMES = tuple(c.name for c in TABLES["findings"])
ASSESSMENT_KEY = _FINDINGS_NAMES[: _FINDINGS_NAMES.index("method") + 1]
