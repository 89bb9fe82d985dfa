"""SSSOM: a crosswalk as a Simple Standard for Sharing Ontological Mappings table (TSV with a YAML header).

Every mapping becomes one SSSOM record, read "subject PREDICATE object" in the mapping's own direction:

=================  =======================  ==========================================================
relationship       ``predicate_id``         note
=================  =======================  ==========================================================
equal              ``skos:exactMatch``
subset             ``skos:broadMatch``      the object is broader: the source's content lies within it
superset           ``skos:narrowMatch``     the object is narrower: the source holds all of it
intersects         ``skos:relatedMatch``    the IR 8477 word is kept in the ``ir8477_relationship`` slot
no_relationship    ``skos:relatedMatch``    with ``predicate_modifier: Not`` (reviewed, nothing shared)
=================  =======================  ==========================================================

``confidence`` is the mapping's strength on the SSSOM scale: strength / 10 (equal is 1.0, the 1-9 of subset,
superset and intersects become 0.1-0.9); a negated record carries none. ``mapping_justification`` says how the
mapping was made: ``semapv:ManualMappingCuration`` for an analytic mapping (this library's reading),
``semapv:BackgroundKnowledgeBasedMatching`` for an explicit one (a cited source states it) and
``semapv:MappingChaining`` for a derived one (composed from asserted mappings; written only on request, and
never read back as asserted). ``comment`` holds the rationale and ``author_label`` who mapped it. The rest
lives in extension slots declared in the header: ``ir8477_relationship``, ``rationale_type``, ``opposing``,
the citation's parts (``citation_publisher``, ``citation_title``, ``citation_url``, ``citation_date``,
``citation_locator``) and, on derived records, ``derived_via`` (the ids the path passes through). Declared
complete reviews go in the mapping-set slot ``complete_reviews`` as JSON.

Ids keep their own spelling behind one prefix, ``pf`` (``pf:uscm-2020:community``), expanded to
``urn:policeframeworks:`` in the ``curie_map``: the library publishes no web namespace, so the URIs are URNs.

Example:
    >>> from policeframeworks import load_catalog, io
    >>> cw = load_catalog().crosswalk
    >>> text = io.crosswalk_to_sssom(cw)
    >>> text.startswith("#curie_map:")
    True
    >>> io.crosswalk_from_sssom(text) == cw
    True
"""

from __future__ import annotations

import csv
import io as _stdio
import json
import os
from typing import TYPE_CHECKING, Any

from .. import _convert
from .._mapping import Mapping
from .._relationship import Basis, Relationship
from ..crosswalk._graph import CITATION_FIELDS
from ..exceptions import Problem, ValidationError
from ._files import write_text_atomic

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk, DerivedMapping

__all__ = [
    "CHAINED",
    "JUSTIFICATIONS",
    "PREDICATES",
    "SSSOM_COLUMNS",
    "SSSOM_PREFIX",
    "crosswalk_to_sssom",
    "write_sssom",
]

#: The CURIE prefix of every id in an SSSOM file we write, and what it expands to.
SSSOM_PREFIX = ("pf", "urn:policeframeworks:")

#: The SKOS predicate each relationship is written with.
PREDICATES = {
    Relationship.EQUAL: "skos:exactMatch",
    Relationship.SUBSET: "skos:broadMatch",
    Relationship.SUPERSET: "skos:narrowMatch",
    Relationship.INTERSECTS: "skos:relatedMatch",
    Relationship.NO_RELATIONSHIP: "skos:relatedMatch",
}
#: The SEMAPV justification of each basis.
JUSTIFICATIONS = {
    Basis.ANALYTIC: "semapv:ManualMappingCuration",
    Basis.EXPLICIT: "semapv:BackgroundKnowledgeBasedMatching",
}
#: The justification of a derived (chained) record.
CHAINED = "semapv:MappingChaining"

_EXTENSIONS = (
    (
        "ir8477_relationship",
        "the NIST IR 8477 relationship: equal, subset, superset, intersects, no_relationship",
    ),
    ("rationale_type", "syntactic, semantic or functional"),
    ("opposing", "true where both ends speak to one subject with opposite demands"),
    *(
        (f"citation_{part}", f"the {part} of the source that states an explicit mapping")
        for part in CITATION_FIELDS
    ),
    ("derived_via", "on a chained record: the ids the derivation passes through, space-separated"),
    ("complete_reviews", "mapping set: the framework pairs declared completely reviewed, as JSON"),
)

#: The columns of the TSV body, in order.
SSSOM_COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "author_label",
    "comment",
    "ir8477_relationship",
    "rationale_type",
    "opposing",
    *(f"citation_{part}" for part in CITATION_FIELDS),
    "derived_via",
)
# Filled from the catalog for people reading the table; not read back.
_LABELS = ("subject_label", "object_label")


def _curie(end: str) -> str:
    return f"{SSSOM_PREFIX[0]}:{end}"


def _label(catalog: Catalog, end: str) -> str:
    if end in catalog.framework_ids:
        return catalog.framework(end).title
    if end in catalog:
        return catalog.principle(end).title
    return ""


def _check_cell(value: str, where: str, problems: list[Problem]) -> str:
    if "\x00" in value:
        problems.append(Problem(where, "holds a NUL character, which a TSV file cannot hold"))
    return value


def _yaml_scalar(value: str) -> str:
    # A JSON string is a valid YAML 1.2 double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _reviews_of(crosswalk: Crosswalk) -> list[dict[str, Any]]:
    return [_convert.to_builtins(r) for r in crosswalk.reviews]


def crosswalk_to_sssom(
    crosswalk: Crosswalk,
    *,
    mapping_set_id: str = "urn:policeframeworks:crosswalk",
    mapping_set_version: str | None = None,
    title: str | None = None,
    license: str = "https://opensource.org/licenses/MIT",
    include_derived: bool = False,
) -> str:
    r"""The crosswalk as SSSOM/TSV text: a ``#``-commented YAML header, then one row per mapping.

    Args:
        crosswalk: the crosswalk to write; its catalog supplies the labels.
        mapping_set_id: the mapping set's URI.
        mapping_set_version: its version (default: none written).
        title: its title (default: none written).
        license: the licence of the mappings, a URI (the library's own licence by default).
        include_derived: also write the derived mappings
            (:meth:`Crosswalk.derive <policeframeworks.Crosswalk.derive>`) as chained records.

    Raises:
        ValidationError: a value holds a NUL character (no TSV cell can); nothing is written.

    Cells holding a tab, a quote or a line break are quoted as the ``csv`` module (and pandas, which the
    ``sssom`` package reads with) quote them.

    Example:
        >>> from policeframeworks import load_catalog, io
        >>> cw = load_catalog().crosswalk
        >>> row = io.crosswalk_to_sssom(cw).splitlines()[-1].split("\t")
        >>> row[2] in ("skos:exactMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch")
        True
    """
    problems: list[Problem] = []
    catalog = crosswalk.catalog
    rows: list[dict[str, str]] = []
    for i, m in enumerate(crosswalk.mappings):
        rows.append(_row(m, catalog, f"mappings[{i}]", problems))
    if include_derived:
        for i, d in enumerate(crosswalk.derive()):
            rows.append(_derived_row(d, catalog, f"derived[{i}]", problems))
    if problems:
        raise ValidationError(problems)
    header = _header(
        mapping_set_id=mapping_set_id,
        mapping_set_version=mapping_set_version,
        title=title,
        license=license,
        reviews=_reviews_of(crosswalk),
    )
    out = _stdio.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    # With "\n" line ends the csv module does not quote a lone "\r"; rows holding one are fully quoted.
    quoted = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(SSSOM_COLUMNS)
    for row in rows:
        cells = [row.get(c, "") for c in SSSOM_COLUMNS]
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return header + out.getvalue()


def _header(
    *,
    mapping_set_id: str,
    mapping_set_version: str | None,
    title: str | None,
    license: str,
    reviews: list[dict[str, Any]],
) -> str:
    out = [
        "curie_map:",
        f"  {SSSOM_PREFIX[0]}: {_yaml_scalar(SSSOM_PREFIX[1])}",
        '  semapv: "https://w3id.org/semapv/vocab/"',
        '  skos: "http://www.w3.org/2004/02/skos/core#"',
        f"mapping_set_id: {_yaml_scalar(mapping_set_id)}",
    ]
    if mapping_set_version is not None:
        out.append(f"mapping_set_version: {_yaml_scalar(mapping_set_version)}")
    if title is not None:
        out.append(f"mapping_set_title: {_yaml_scalar(title)}")
    out.append(f"license: {_yaml_scalar(license)}")
    out.append("mapping_tool: policeframeworks")
    out.append("extension_definitions:")
    for name, _ in _EXTENSIONS:
        out.append(f"  - slot_name: {name}")
        out.append(f"    property: {SSSOM_PREFIX[0]}:{name}")
        out.append("    type_hint: xsd:string")
    if reviews:
        out.append(f"complete_reviews: {_yaml_scalar(json.dumps(reviews, ensure_ascii=False))}")
    return "".join(f"#{line}\n" for line in out)


def _row(m: Mapping, catalog: Catalog, where: str, problems: list[Problem]) -> dict[str, str]:
    row = {
        "subject_id": _curie(m.source),
        "subject_label": _check_cell(_label(catalog, m.source), f"{where}.source title", problems),
        "predicate_id": PREDICATES[m.relationship],
        "predicate_modifier": "Not" if m.relationship is Relationship.NO_RELATIONSHIP else "",
        "object_id": _curie(m.target),
        "object_label": _check_cell(_label(catalog, m.target), f"{where}.target title", problems),
        "mapping_justification": JUSTIFICATIONS[m.basis],
        "confidence": "" if m.relationship is Relationship.NO_RELATIONSHIP else _confidence(m.strength),
        "author_label": _check_cell(m.mapped_by, f"{where}.mapped_by", problems),
        "comment": _check_cell(m.rationale, f"{where}.rationale", problems),
        "ir8477_relationship": m.relationship.value,
        "rationale_type": m.rationale_type.value,
        "opposing": "true" if m.opposing else "false",
    }
    if m.citation is not None:
        for part in CITATION_FIELDS:
            value = getattr(m.citation, part)
            if value is not None:
                row[f"citation_{part}"] = _check_cell(value, f"{where}.citation.{part}", problems)
    return row


def _derived_row(d: DerivedMapping, catalog: Catalog, where: str, problems: list[Problem]) -> dict[str, str]:
    rationale = " then ".join(f"{m.source} {m.relationship.value} {m.target}" for m in d.path)
    return {
        "subject_id": _curie(d.source),
        "subject_label": _check_cell(_label(catalog, d.source), f"{where}.source title", problems),
        "predicate_id": PREDICATES[d.relationship],
        "object_id": _curie(d.target),
        "object_label": _check_cell(_label(catalog, d.target), f"{where}.target title", problems),
        "mapping_justification": CHAINED,
        "author_label": "policeframeworks (derived)",
        "comment": f"Derived: {rationale}",
        "ir8477_relationship": d.relationship.value,
        "derived_via": " ".join(d.via),
    }


def _confidence(strength: int) -> str:
    return f"{strength / 10:.1f}"


def write_sssom(
    crosswalk: Crosswalk,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    **options: Any,
) -> None:
    """Write :func:`crosswalk_to_sssom`'s text to ``path`` atomically (options as there).

    Raises:
        ValidationError: a value an SSSOM TSV cell cannot hold; nothing is written.
        DataFileError: the folder is missing, or ``overwrite=False`` and the file exists.
    """
    write_text_atomic(path, crosswalk_to_sssom(crosswalk, **options), overwrite=overwrite)
