"""An OSCAL-style mapping collection: the crosswalk in NIST OSCAL's control mapping model (1.2), best effort.

The OSCAL mapping model and NIST IR 8477 share the set-theory vocabulary, so the relationships carry over
word for word: ``subset`` is ``subset-of``, ``superset`` ``superset-of``, ``intersects``
``intersects-with`` and ``no_relationship`` ``no-relationship``. OSCAL splits equality in two, and the
mapping's rationale type chooses: a ``syntactic`` equal (the same words) is ``equal-to``, any other equal
(the same meaning in other words) is ``equivalent-to``. The rationale type is also the map's
``matching-rationale``, which OSCAL takes from IR 8477 (syntactic, semantic, functional).

Where the models differ (the best-effort part, each kept so that the export reads back without loss):

- OSCAL maps controls of catalogs; here each framework pair is one ``mapping`` whose ``source-resource`` and
  ``target-resource`` point (``#uuid``) to a ``back-matter`` resource holding the framework's citation.
  Principles are ``control`` items; an end that is a whole framework is a ``control`` item whose
  ``id-ref`` is the framework id, with the prop ``end = framework``.
- The mapping's place in the crosswalk, its strength, basis, the opposing flag, who mapped it and an
  explicit mapping's citation are props in this library's namespace (:data:`OSCAL_NS`); the rationale is the
  map's ``remarks``. A prop value OSCAL's token rules cannot hold (blank at either end, a line break) is
  written JSON-encoded with ``class = json``.
- Declared complete reviews become the ``status`` of the framework pair's ``mapping``: ``complete`` where
  the pair was declared completely reviewed, ``not-complete`` elsewhere; the collection as a whole is
  ``not-complete`` unless every pair with a mapping was reviewed. Every declaration is also kept, whole,
  as a ``complete-review`` prop of the provenance, so that it reads back.
- UUIDs are derived from the content (version 5), so exporting the same crosswalk twice gives the same
  document; ``last_modified`` is the caller's to give (the default is the time of the export).

Example:
    >>> from policeframeworks import load_catalog, io
    >>> cw = load_catalog().crosswalk
    >>> doc = io.crosswalk_to_oscal(cw, last_modified="2026-12-05T00:00:00Z")
    >>> doc["mapping-collection"]["metadata"]["oscal-version"]
    '1.2.1'
    >>> io.crosswalk_from_oscal(doc) == cw
    True
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .. import _convert
from .._mapping import Mapping, Review
from .._relationship import Basis, RationaleType, Relationship
from ..exceptions import Problem, ValidationError
from ._files import read_json, write_text_atomic

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk

__all__ = ["OSCAL_NS", "crosswalk_from_oscal", "crosswalk_to_oscal", "read_oscal", "write_oscal"]

#: The namespace of this library's props (a URN: the library publishes no web namespace).
OSCAL_NS = "urn:policeframeworks:oscal"
#: The OSCAL version whose mapping model the export follows.
OSCAL_VERSION = "1.2.1"

_UUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, OSCAL_NS)
_TOKEN_SAFE = re.compile(r"\S(?:.*\S)?")

_TO_OSCAL = {
    Relationship.SUBSET: "subset-of",
    Relationship.SUPERSET: "superset-of",
    Relationship.INTERSECTS: "intersects-with",
    Relationship.NO_RELATIONSHIP: "no-relationship",
}
_FROM_OSCAL = {
    "equal-to": Relationship.EQUAL,
    "equivalent-to": Relationship.EQUAL,
    **{word: rel for rel, word in _TO_OSCAL.items()},
}
_CITATION_PARTS = ("publisher", "title", "url", "date", "locator")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_UUID_NS, "\x1f".join(parts)))


def _relationship_word(m: Mapping) -> str:
    if m.relationship is Relationship.EQUAL:
        return "equal-to" if m.rationale_type is RationaleType.SYNTACTIC else "equivalent-to"
    return _TO_OSCAL[m.relationship]


def _prop(name: str, value: str) -> dict[str, str]:
    if _TOKEN_SAFE.fullmatch(value):
        return {"name": name, "ns": OSCAL_NS, "value": value}
    return {"name": name, "ns": OSCAL_NS, "value": json.dumps(value, ensure_ascii=False), "class": "json"}


def _item(end: str, catalog: Catalog) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "control", "id-ref": end}
    if end in catalog.framework_ids:
        item["props"] = [_prop("end", "framework")]
    return item


def _framework_of(end: str) -> str:
    return end.partition(":")[0]


def _resource(catalog: Catalog, framework_id: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "uuid": _uuid("resource", framework_id),
        "props": [_prop("framework", framework_id)],
    }
    if framework_id in catalog.framework_ids:
        fw = catalog.framework(framework_id)
        c = fw.citation
        resource["title"] = fw.title
        text = ", ".join(part for part in (c.publisher, c.title, c.date) if part)
        resource["citation"] = {"text": text}
        resource["rlinks"] = [{"href": c.url}]
    else:  # a framework the catalog does not hold (a crosswalk built without id checks)
        resource["title"] = framework_id
    return resource


def crosswalk_to_oscal(
    crosswalk: Crosswalk,
    *,
    title: str = "Crosswalk between police-reform frameworks (policeframeworks)",
    version: str | None = None,
    last_modified: str | None = None,
) -> dict[str, Any]:
    """The crosswalk as an OSCAL mapping collection (a JSON-ready dict; see the module's notes).

    Args:
        crosswalk: the crosswalk; its catalog supplies the frameworks' citations.
        title: the collection's title.
        version: the document's version (default: the catalog's data version, or ``"unversioned"``).
        last_modified: an ISO 8601 date-time with a time zone (default: now, in UTC).
    """
    catalog = crosswalk.catalog
    pairs: dict[tuple[str, str], list[tuple[int, Mapping]]] = {}
    for position, m in enumerate(crosswalk.mappings):
        pairs.setdefault((_framework_of(m.source), _framework_of(m.target)), []).append((position, m))
    reviewed = {frozenset((r.source, r.target)) for r in crosswalk.reviews}
    mappings: list[dict[str, Any]] = []
    frameworks: dict[str, None] = {}
    for (source_fw, target_fw), found in pairs.items():
        frameworks.update({source_fw: None, target_fw: None})
        maps = []
        for position, m in found:
            entry: dict[str, Any] = {
                "uuid": _uuid("map", str(position), m.source, m.relationship.value, m.target),
                "matching-rationale": m.rationale_type.value,
                "relationship": _relationship_word(m),
                "sources": [_item(m.source, catalog)],
                "targets": [_item(m.target, catalog)],
                "props": [_prop("position", str(position)), *_map_props(m)],
                "remarks": m.rationale,
            }
            maps.append(entry)
        mappings.append(
            {
                "uuid": _uuid("mapping", source_fw, target_fw),
                "method": "human",
                "status": "complete" if frozenset((source_fw, target_fw)) in reviewed else "not-complete",
                "source-resource": {"type": "catalog", "href": f"#{_uuid('resource', source_fw)}"},
                "target-resource": {"type": "catalog", "href": f"#{_uuid('resource', target_fw)}"},
                "maps": maps,
            }
        )
    mapped_pairs = {frozenset(pair) for pair in pairs}
    review_props = [
        _prop("complete-review", json.dumps(_convert.to_builtins(r), ensure_ascii=False, sort_keys=True))
        for r in crosswalk.reviews
    ]
    provenance: dict[str, Any] = {
        "method": "human",
        "matching-rationale": "semantic",
        "status": "complete" if mapped_pairs and mapped_pairs <= reviewed else "not-complete",
        "mapping-description": (
            "Principles of police-reform frameworks related with the NIST IR 8477 set-theory relationships. "
            "A pair not mapped is not reviewed unless its frameworks were declared completely reviewed."
        ),
    }
    if review_props:
        provenance["props"] = review_props
    collection: dict[str, Any] = {
        "uuid": _uuid("collection", *(m["uuid"] for m in mappings)),
        "metadata": {
            "title": title,
            "last-modified": last_modified or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "version": version or catalog.data_version or "unversioned",
            "oscal-version": OSCAL_VERSION,
        },
        "provenance": provenance,
        "mappings": mappings,
    }
    if frameworks:
        collection["back-matter"] = {"resources": [_resource(catalog, fid) for fid in frameworks]}
    return {"mapping-collection": collection}


def _map_props(m: Mapping) -> list[dict[str, str]]:
    props = [
        _prop("strength", str(m.strength)),
        _prop("basis", m.basis.value),
        _prop("mapped-by", m.mapped_by),
        _prop("ir8477-relationship", m.relationship.value),
    ]
    if m.opposing:
        props.append(_prop("opposing", "true"))
    if m.citation is not None:
        for part in _CITATION_PARTS:
            value = getattr(m.citation, part)
            if value is not None:
                props.append(_prop(f"citation-{part}", value))
    return props


def write_oscal(
    crosswalk: Crosswalk, path: str | os.PathLike[str], *, overwrite: bool = True, **options: Any
) -> None:
    """Write :func:`crosswalk_to_oscal`'s document to ``path`` as JSON, atomically (options as there)."""
    text = json.dumps(crosswalk_to_oscal(crosswalk, **options), indent=2, ensure_ascii=False) + "\n"
    write_text_atomic(path, text, overwrite=overwrite)


def read_oscal(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from an OSCAL mapping collection file written by :func:`write_oscal`."""
    return crosswalk_from_oscal(read_json(path), catalog=catalog, file=str(path))


def _props(items: Iterable[Any], where: str, problems: list[Problem]) -> dict[str, str]:
    out: dict[str, str] = {}
    for prop in items:
        if not isinstance(prop, dict) or prop.get("ns") != OSCAL_NS:
            continue
        value = prop.get("value")
        if prop.get("class") == "json":
            try:
                value = json.loads(value) if isinstance(value, str) else None
            except ValueError:
                value = None
        if not isinstance(value, str):
            problems.append(Problem(f"{where}.props", f"prop {prop.get('name')!r} has no readable value"))
            continue
        out[str(prop.get("name"))] = value
    return out


def crosswalk_from_oscal(data: Any, *, catalog: Catalog | None = None, file: str | None = None) -> Crosswalk:
    """A crosswalk from an OSCAL mapping collection (as written by :func:`crosswalk_to_oscal`).

    Maps without this library's props (another tool's collection) are read too: strength 5 (10 for equal,
    0 for no-relationship), basis analytic, mapped by the collection's title.

    Raises:
        ValidationError: every problem, with its path in the document.
    """
    from .._catalog import load_catalog
    from ..crosswalk import Crosswalk

    catalog = catalog if catalog is not None else load_catalog()
    problems: list[Problem] = []
    collection = data.get("mapping-collection") if isinstance(data, dict) else None
    if not isinstance(collection, dict):
        raise ValidationError(
            [Problem("mapping-collection", "missing: not an OSCAL mapping collection")], file=file
        )
    fallback_author = str((collection.get("metadata") or {}).get("title") or "unknown")
    found: list[tuple[int, int, Mapping]] = []
    for i, mapping in enumerate(collection.get("mappings") or []):
        for j, entry in enumerate(mapping.get("maps") or [] if isinstance(mapping, dict) else []):
            where = f"mappings[{i}].maps[{j}]"
            m = _mapping(entry, where, fallback_author, problems)
            if m is not None:
                order = _props(entry.get("props") or [], where, problems).get("position", "")
                found.append(
                    (int(order) if order.isascii() and order.isdigit() else len(found), len(found), m)
                )
    mappings = [m for _, _, m in sorted(found, key=lambda item: item[:2])]
    provenance = collection.get("provenance") or {}
    reviews: list[Review] = []
    for k, prop in enumerate(provenance.get("props") or []):
        if isinstance(prop, dict) and prop.get("ns") == OSCAL_NS and prop.get("name") == "complete-review":
            raw = _props([prop], f"provenance.props[{k}]", problems).get("complete-review")
            try:
                reviews.append(_convert.from_builtins(json.loads(raw or "null"), Review))
            except (ValueError, ValidationError) as exc:
                problems.append(Problem(f"provenance.props[{k}]", f"not a review declaration ({exc})"))
    if problems:
        raise ValidationError(problems, file=file)
    return Crosswalk(mappings, reviews=reviews, catalog=catalog)


def _end(items: Any, where: str, problems: list[Problem]) -> str | None:
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict):
        problems.append(Problem(where, "expected exactly one item (this library maps one end to one end)"))
        return None
    ref = items[0].get("id-ref")
    if not isinstance(ref, str):
        problems.append(Problem(f"{where}[0].id-ref", "missing"))
        return None
    return ref


def _mapping(entry: Any, where: str, fallback_author: str, problems: list[Problem]) -> Mapping | None:
    if not isinstance(entry, dict):
        problems.append(Problem(where, "expected an object"))
        return None
    start = len(problems)
    source = _end(entry.get("sources"), f"{where}.sources", problems)
    target = _end(entry.get("targets"), f"{where}.targets", problems)
    word = entry.get("relationship")
    relationship = _FROM_OSCAL.get(word) if isinstance(word, str) else None
    if relationship is None:
        problems.append(Problem(f"{where}.relationship", f"{word!r} is not one of {', '.join(_FROM_OSCAL)}"))
    props = _props(entry.get("props") or [], where, problems)
    rationale_type = entry.get("matching-rationale") or ("syntactic" if word == "equal-to" else "semantic")
    default_strength = {Relationship.EQUAL: "10", Relationship.NO_RELATIONSHIP: "0"}.get(relationship, "5")  # type: ignore[arg-type]
    strength_word = props.get("strength", default_strength)
    if not (strength_word.isascii() and strength_word.isdigit()):
        problems.append(Problem(f"{where}.props.strength", f"{strength_word!r} is not a whole number 0-10"))
    citation = {part: props[f"citation-{part}"] for part in _CITATION_PARTS if f"citation-{part}" in props}
    if len(problems) > start or source is None or target is None or relationship is None:
        return None
    record: dict[str, Any] = {
        "source": source,
        "relationship": relationship.value,
        "target": target,
        "rationale_type": rationale_type,
        "strength": int(strength_word),
        "basis": props.get("basis", Basis.ANALYTIC.value),
        "rationale": entry.get("remarks") or "",
        "mapped_by": props.get("mapped-by", fallback_author),
    }
    if props.get("opposing") == "true":
        record["opposing"] = True
    if citation:
        record["citation"] = citation
    try:
        return _convert.from_builtins(record, Mapping)
    except ValidationError as exc:
        problems += [p.within(where) for p in exc.problems]
        return None
