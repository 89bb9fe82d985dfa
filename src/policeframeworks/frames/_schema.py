"""The long tables' schemas: one list of columns per table, as Arrow schemas and Frictionless table schemas.

Each column has a name, an Arrow type (written as text, e.g. ``string`` or ``list<evidence>``), whether it may
be null, the values it may take (for enumerations) and a description. :func:`arrow_schema` turns a table's
columns into a :class:`pyarrow.Schema`; :func:`table_schema` into a Frictionless table schema (a plain dict,
what ``docs/reference/tables/*.schema.json`` holds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from .. import Basis, CoverageStatus, JurisdictionKind, Method, RationaleType, Relationship, Status

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["TABLES", "Column", "arrow_schema", "table_schema"]


class Column(NamedTuple):
    """One column of a long table.

    Attributes:
        name: the column name.
        type: the Arrow type as text: ``string``, ``int64``, ``bool``, ``list<string>``, ``list<int64>``,
            ``list<bool>``, or ``list<NAME>`` for a list of the structs in :data:`STRUCTS`.
        required: False when the column may hold nulls.
        description: what the column holds.
        values: the values an enumerated column may hold (empty for free text).
    """

    name: str
    type: str
    required: bool
    description: str
    values: tuple[str, ...] = ()


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
    Column(
        "jurisdiction_key",
        "string",
        True,
        "The jurisdiction's identity across files: "
        "normalised name, state and kind joined by a vertical bar "
        "(derived from the next three; never read back).",
    ),
    Column("name", "string", True, "The jurisdiction's name, as given."),
    Column("state", "string", False, "USPS two-letter code of the state, district or territory."),
    Column("kind", "string", True, "City, county, state or agency.", _values(JurisdictionKind)),
    Column("fips", "string", False, "FIPS code (2, 5, 7 or 10 digits, as text)."),
    Column("ori", "string", False, "FBI originating agency identifier (9 characters)."),
)

_ATTRIBUTES = Column(
    "attributes", "list<attribute>", True, "Other facts about the jurisdiction, as (name, value) pairs."
)

#: Every table's columns, in order.
TABLES: dict[str, tuple[Column, ...]] = {
    "findings": (
        *_JURISDICTION,
        Column("framework_id", "string", True, "The framework assessed against."),
        Column("as_of", "string", True, "The date the findings describe (ISO, possibly reduced)."),
        Column("assessor", "string", True, "Who made the assessment."),
        Column("method", "string", True, "How the assessment was made.", _values(Method)),
        Column(
            "reported_total",
            "int64",
            False,
            "Principles reported adopted without naming them all (repeated on each row of the assessment).",
        ),
        Column(
            "principle_id",
            "string",
            False,
            "The principle; null only on the one row standing for an assessment without findings.",
        ),
        Column(
            "status",
            "string",
            False,
            "The finding's status (null only where principle_id is).",
            _values(Status),
        ),
        Column("note", "string", False, "The assessor's note on the finding."),
        Column("evidence", "list<evidence>", True, "The documents the finding rests on."),
        Column(
            "derived_from",
            "list<derivation>",
            True,
            "For a projected finding, the crosswalk mappings it came from.",
        ),
        Column(
            "assessment_evidence",
            "list<evidence>",
            True,
            "What the assessment as a whole rests on (repeated on each row of the assessment).",
        ),
        Column(
            "assessment_notes",
            "list<string>",
            True,
            "The assessor's notes on the assessment (repeated on each row of the assessment).",
        ),
        _ATTRIBUTES,
    ),
    "mappings": (
        Column(
            "kind",
            "string",
            True,
            "asserted (a mapping of the crosswalk) or derived (a composition).",
            ("asserted", "derived"),
        ),
        Column("mapping_id", "int64", False, "An asserted mapping's position in the crosswalk (from 0)."),
        Column("path_id", "int64", False, "A derived mapping's number (from 0)."),
        Column("source", "string", True, "A principle id, or a framework id for the whole framework."),
        Column(
            "relationship", "string", True, "How the source relates to the target.", _values(Relationship)
        ),
        Column("target", "string", True, "A principle id, or a framework id for the whole framework."),
        Column(
            "rationale_type",
            "string",
            False,
            "Asserted only: same words, meaning or effect.",
            _values(RationaleType),
        ),
        Column("strength", "int64", False, "Asserted only: 0-10."),
        Column("basis", "string", False, "Asserted only: a source says so, or our reading.", _values(Basis)),
        Column("rationale", "string", False, "Asserted only: why, in words."),
        Column("mapped_by", "string", False, "Asserted only: who made the mapping."),
        Column("opposing", "bool", False, "Asserted only: both speak to one subject with opposite demands."),
        Column("citation_publisher", "string", False, "Asserted only: the citation's publisher."),
        Column("citation_title", "string", False, "Asserted only: the citation's title."),
        Column("citation_url", "string", False, "Asserted only: the citation's address."),
        Column("citation_date", "string", False, "Asserted only: the citation's date."),
        Column("citation_locator", "string", False, "Asserted only: section or page cited."),
        Column(
            "path",
            "list<int64>",
            True,
            "Derived only: the mapping_id of each asserted mapping on the path, in order (else empty).",
        ),
        Column(
            "path_reversed",
            "list<bool>",
            True,
            "Derived only: for each step, whether the asserted mapping is read backwards (else empty).",
        ),
    ),
    "coverage": (
        Column("source", "string", True, "The source framework id."),
        Column("target", "string", True, "The target framework id."),
        Column("principle_id", "string", True, "A leaf principle of the target framework."),
        Column("status", "string", True, "The leaf's coverage status.", _values(CoverageStatus)),
    ),
    "jurisdictions": (*_JURISDICTION, _ATTRIBUTES),
}

_SIMPLE = {"string": "string", "int64": "integer", "bool": "boolean"}


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
        [pa.field(c.name, _arrow_type(c.type), nullable=not c.required) for c in _columns(table)]
    )


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless table schema of one long table, as a dict ready for ``json.dump``.

    Example:
        >>> from policeframeworks import frames
        >>> s = frames.table_schema("coverage")
        >>> s["fields"][3]["constraints"]["enum"]
        ['covered', 'touched', 'no_relationship', 'not_reviewed']
    """
    fields = []
    for c in _columns(table):
        field: dict[str, Any] = {
            "name": c.name,
            "type": _SIMPLE.get(c.type, "array"),
            "description": c.description,
        }
        if c.type not in _SIMPLE:
            field["arrowType"] = c.type
        constraints: dict[str, Any] = {}
        if c.required:
            constraints["required"] = True
        if c.values:
            constraints["enum"] = list(c.values)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"name": table, "fields": fields, "missingValues": [""]}


def _columns(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        from .._suggest import closest
        from ..exceptions import UnknownIdError

        raise UnknownIdError(table, kind="table", suggestions=closest(table, list(TABLES))) from None
