"""The tables of the data package: their columns, keys and descriptions, and the package descriptor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._table_schema import Column

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["TABLES", "Column", "package_descriptor"]

#: The Data Package v2 profile the descriptor follows.
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _citation(of: str) -> tuple[Column, ...]:
    return (
        Column("citation_publisher", "string", f"who published the source of {of}"),
        Column("citation_title", "string", f"the title of the source of {of}"),
        Column("citation_url", "string", f"the address of the source of {of}"),
        Column("citation_date", "string", "the source's date, ISO 8601, possibly reduced (2020, 2020-06)"),
        Column("citation_locator", "string", "section, page or paragraph within the source"),
    )


_TEXTS = "JSON array of strings"

TABLES: dict[str, tuple[Column, ...]] = {
    "frameworks": (
        Column("id", "string", "the framework's id (a lowercase slug)", required=True),
        Column("family", "string", "the family its versions share", required=True),
        Column("version", "string", "its version within the family", required=True),
        Column("title", "string", "its title", required=True),
        Column("short_title", "string", "a short title", required=True),
        Column("publisher", "string", "who published it", required=True),
        Column("date", "string", "its date, ISO 8601, possibly reduced", required=True),
        Column("date_note", "string", "how the date is known when the source does not state it"),
        Column("kind", "string", "principles, policy-checklist, pledge or pillars", required=True),
        Column("data_version", "string", "the version of this framework's data file", required=True),
        *_citation("the framework"),
        Column("preamble", "string", "text before the principles, with placeholders as written"),
        Column("placeholders", "array", f"placeholders in the text ({_TEXTS})"),
        Column("complete", "boolean", "whether every principle of the framework is held"),
        Column("missing", "string", "what is not held, where complete is false"),
        Column("notes", "array", f"editorial notes ({_TEXTS})"),
    ),
    "principles": (
        Column("id", "string", "the principle's id: <framework-id>:<slug>[/<slug>...]", required=True),
        Column("framework_id", "string", "the framework it belongs to", required=True),
        Column("parent_id", "string", "the principle it is a sub-provision of; empty at the top level"),
        Column("position", "integer", "its place among its siblings, from 0", required=True),
        Column("framing", "boolean", "a framing statement (never counted in coverage)", required=True),
        Column("number", "string", "its number as printed"),
        Column("title", "string", "its title", required=True),
        Column("text", "string", "its wording (see the wording column for how it relates to the source)"),
        Column(
            "wording",
            "string",
            "verbatim (quoted from the source), excerpt (a quoted part) or paraphrase (our words)",
            required=True,
            enum=("verbatim", "excerpt", "paraphrase"),
        ),
        Column("themes", "array", f"its themes ({_TEXTS})"),
        *_citation("the principle"),
        Column("aliases", "array", f"other names ({_TEXTS})"),
        Column("corresponds_to", "array", f"counterparts in other versions ({_TEXTS})"),
        Column("notes", "array", f"editorial notes ({_TEXTS})"),
    ),
    "mappings": (
        Column("position", "integer", "the mapping's place in the crosswalk, from 0", required=True),
        Column("source_framework", "string", "the framework of the source end", required=True),
        Column(
            "source_principle", "string", "the source principle; empty when the end is the whole framework"
        ),
        Column(
            "relationship",
            "string",
            "source RELATIONSHIP target (NIST IR 8477): no_relationship means reviewed, nothing in common",
            required=True,
            enum=("equal", "subset", "superset", "intersects", "no_relationship"),
        ),
        Column("target_framework", "string", "the framework of the target end", required=True),
        Column(
            "target_principle", "string", "the target principle; empty when the end is the whole framework"
        ),
        Column(
            "rationale_type",
            "string",
            "syntactic, semantic or functional",
            required=True,
            enum=("syntactic", "semantic", "functional"),
        ),
        Column("strength", "integer", "0-10: equal is 10, no_relationship 0", required=True),
        Column(
            "basis",
            "string",
            "explicit (a cited source states it) or analytic (our reading)",
            required=True,
            enum=("explicit", "analytic"),
        ),
        Column("rationale", "string", "why, in words", required=True),
        Column("opposing", "boolean", "both ends speak to one subject with opposite demands"),
        *_citation("an explicit mapping"),
        Column("mapped_by", "string", "who made the mapping", required=True),
    ),
    "reviews": (
        Column("source", "string", "a framework compared leaf by leaf ...", required=True),
        Column("target", "string", "... with this one", required=True),
        Column("scope", "string", "complete: every leaf pair compared", required=True, enum=("complete",)),
        Column("reviewer", "string", "who reviewed", required=True),
        Column("date", "string", "when, ISO 8601, possibly reduced", required=True),
        Column("note", "string", "how the review was made, or where its log is"),
    ),
    "endorsements": (
        Column("position", "integer", "the endorsement's place in the list, from 0", required=True),
        Column("endorser", "string", "the body's name as usually written", required=True),
        Column("endorser_kind", "string", "what sort of body it is", required=True),
        Column("relation", "string", "how it stands to the target", required=True),
        Column("target_framework", "string", "the framework endorsed", required=True),
        Column("target_principle", "string", "the principle, when a single one is meant"),
        Column("date", "string", "when, ISO 8601, possibly reduced; empty when not checked"),
        Column("via_framework", "string", "the framework in which the endorser makes the statement"),
        Column("via_principle", "string", "the principle in which the endorser makes the statement"),
        Column("notes", "array", f"editorial notes ({_TEXTS})"),
        *_citation("the endorsement"),
    ),
    "assessments": (
        Column("id", "integer", "the assessment's place in the package, from 0", required=True),
        Column("jurisdiction_name", "string", "the jurisdiction's name", required=True),
        Column("jurisdiction_state", "string", "its state (two-letter code)"),
        Column("jurisdiction_kind", "string", "city, county, state or agency", required=True),
        Column("jurisdiction_fips", "string", "its FIPS code"),
        Column("jurisdiction_ori", "string", "its ORI (agency identifier)"),
        Column("jurisdiction_attributes", "object", "other attributes (a JSON object of strings)"),
        Column("framework_id", "string", "the framework it is assessed against", required=True),
        Column("as_of", "string", "the date the assessment describes", required=True),
        Column("assessor", "string", "who assessed", required=True),
        Column("method", "string", "document-review, self-report, survey or derived", required=True),
        Column("reported_total", "integer", "a reported count of adopted principles, without item detail"),
        Column("evidence", "array", "evidence for the whole assessment (a JSON array of objects)"),
        Column("notes", "array", f"notes ({_TEXTS})"),
    ),
    "findings": (
        Column("assessment", "integer", "the assessment (its id)", required=True),
        Column("principle_id", "string", "the principle", required=True),
        Column("status", "string", "adopted > partial > not_adopted; unknown and not_applicable are missing"),
        Column("evidence", "array", "what the finding rests on (a JSON array of objects)"),
        Column("note", "string", "a note"),
        Column("derived_from", "array", "for a projected finding, the mappings it came from (JSON)"),
    ),
}

_KEYS: dict[str, dict[str, Any]] = {
    "frameworks": {"primaryKey": ["id"]},
    "principles": {
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["framework_id"], "reference": {"resource": "frameworks", "fields": ["id"]}},
            {"fields": ["parent_id"], "reference": {"resource": "principles", "fields": ["id"]}},
        ],
    },
    "mappings": {
        "primaryKey": ["position"],
        "foreignKeys": [
            {"fields": [f"{end}_framework"], "reference": {"resource": "frameworks", "fields": ["id"]}}
            for end in ("source", "target")
        ]
        + [
            {"fields": [f"{end}_principle"], "reference": {"resource": "principles", "fields": ["id"]}}
            for end in ("source", "target")
        ],
    },
    "reviews": {
        "primaryKey": ["source", "target"],
        "foreignKeys": [
            {"fields": [end], "reference": {"resource": "frameworks", "fields": ["id"]}}
            for end in ("source", "target")
        ],
    },
    "endorsements": {
        "primaryKey": ["position"],
        "foreignKeys": [
            {"fields": [f"{end}_framework"], "reference": {"resource": "frameworks", "fields": ["id"]}}
            for end in ("target", "via")
        ]
        + [
            {"fields": [f"{end}_principle"], "reference": {"resource": "principles", "fields": ["id"]}}
            for end in ("target", "via")
        ],
    },
    "assessments": {
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["framework_id"], "reference": {"resource": "frameworks", "fields": ["id"]}}
        ],
    },
    "findings": {
        "primaryKey": ["assessment", "principle_id"],
        "foreignKeys": [
            {"fields": ["assessment"], "reference": {"resource": "assessments", "fields": ["id"]}},
            {"fields": ["principle_id"], "reference": {"resource": "principles", "fields": ["id"]}},
        ],
    },
}

_STATUS_MISSING = [
    {"value": "unknown", "label": "not known: not assessed or not said (never read it as not_adopted)"},
    {"value": "not_applicable", "label": "the principle does not apply to this jurisdiction"},
    {"value": "", "label": "empty cell"},
]

_DESCRIPTIONS = {
    "frameworks": "Police-reform frameworks, each with its source.",
    "principles": "Every principle of every framework (and each framework's framing statements).",
    "mappings": "The crosswalk: how principles (or whole frameworks) relate, NIST IR 8477 vocabulary.",
    "reviews": "Framework pairs declared completely reviewed: an unmapped leaf pair there is unrelated.",
    "endorsements": "Who endorsed, adopted, built on or answered which framework.",
    "assessments": "Jurisdictions assessed against a framework.",
    "findings": "One principle's status in one assessment.",
}


def _schema(name: str) -> dict[str, Any]:
    fields = [c.field() for c in TABLES[name]]
    if name == "findings":
        for f in fields:
            if f["name"] == "status":
                f["categories"] = ["not_adopted", "partial", "adopted"]
                f["categoriesOrdered"] = True
                f["missingValues"] = _STATUS_MISSING
                f["constraints"] = {"enum": ["not_adopted", "partial", "adopted"]}
    return {"fields": fields, **_KEYS[name]}


def package_descriptor(catalog: Catalog, tables: tuple[str, ...]) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of a release holding ``tables``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        code_version = version("policeframeworks")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        code_version = "unknown"
    sources = [{"title": fw.citation.title, "path": fw.citation.url} for fw in catalog]
    return {
        "$schema": PROFILE,
        "name": "policeframeworks",
        "title": "Police-reform frameworks, their crosswalk and assessments (policeframeworks)",
        "description": (
            "Frameworks and principles with citations, the reviewed crosswalk between them "
            "(not reviewed is never no relationship), endorsements, and assessments, written by "
            f"policeframeworks {code_version}."
        ),
        "version": catalog.data_version or "unversioned",
        "licenses": [
            {
                "name": "MIT",
                "path": "https://opensource.org/licenses/MIT",
                "title": "MIT License (the library's data and code); quoted texts belong to their publishers",
            }
        ],
        "sources": sources,
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "type": "table",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _DESCRIPTIONS[name],
                "schema": _schema(name),
            }
            for name in tables
        ],
    }
