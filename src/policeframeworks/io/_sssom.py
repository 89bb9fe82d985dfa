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
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import _convert
from .._mapping import Mapping, Review
from .._model import Citation
from .._relationship import Basis, RationaleType, Relationship
from ..exceptions import DataFileError, Problem, ValidationError
from ._files import read_text, write_text_atomic

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk, DerivedMapping

__all__ = [
    "SSSOM_COLUMNS",
    "SSSOM_PREFIX",
    "crosswalk_from_sssom",
    "crosswalk_to_sssom",
    "read_sssom",
    "write_sssom",
]

#: The CURIE prefix of every id in an SSSOM file we write, and what it expands to.
SSSOM_PREFIX = ("pf", "urn:policeframeworks:")

_PREDICATES = {
    Relationship.EQUAL: "skos:exactMatch",
    Relationship.SUBSET: "skos:broadMatch",
    Relationship.SUPERSET: "skos:narrowMatch",
    Relationship.INTERSECTS: "skos:relatedMatch",
    Relationship.NO_RELATIONSHIP: "skos:relatedMatch",
}
_JUSTIFICATIONS = {
    Basis.ANALYTIC: "semapv:ManualMappingCuration",
    Basis.EXPLICIT: "semapv:BackgroundKnowledgeBasedMatching",
}
_CHAINED = "semapv:MappingChaining"
_CITATION_PARTS = ("publisher", "title", "url", "date", "locator")

_EXTENSIONS = (
    (
        "ir8477_relationship",
        "the NIST IR 8477 relationship: equal, subset, superset, intersects, no_relationship",
    ),
    ("rationale_type", "syntactic, semantic or functional"),
    ("opposing", "true where both ends speak to one subject with opposite demands"),
    *(
        (f"citation_{part}", f"the {part} of the source that states an explicit mapping")
        for part in _CITATION_PARTS
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
    *(f"citation_{part}" for part in _CITATION_PARTS),
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
        "predicate_id": _PREDICATES[m.relationship],
        "predicate_modifier": "Not" if m.relationship is Relationship.NO_RELATIONSHIP else "",
        "object_id": _curie(m.target),
        "object_label": _check_cell(_label(catalog, m.target), f"{where}.target title", problems),
        "mapping_justification": _JUSTIFICATIONS[m.basis],
        "confidence": "" if m.relationship is Relationship.NO_RELATIONSHIP else _confidence(m.strength),
        "author_label": _check_cell(m.mapped_by, f"{where}.mapped_by", problems),
        "comment": _check_cell(m.rationale, f"{where}.rationale", problems),
        "ir8477_relationship": m.relationship.value,
        "rationale_type": m.rationale_type.value,
        "opposing": "true" if m.opposing else "false",
    }
    if m.citation is not None:
        for part in _CITATION_PARTS:
            value = getattr(m.citation, part)
            if value is not None:
                row[f"citation_{part}"] = _check_cell(value, f"{where}.citation.{part}", problems)
    return row


def _derived_row(d: DerivedMapping, catalog: Catalog, where: str, problems: list[Problem]) -> dict[str, str]:
    rationale = " then ".join(f"{m.source} {m.relationship.value} {m.target}" for m in d.path)
    return {
        "subject_id": _curie(d.source),
        "subject_label": _check_cell(_label(catalog, d.source), f"{where}.source title", problems),
        "predicate_id": _PREDICATES[d.relationship],
        "object_id": _curie(d.target),
        "object_label": _check_cell(_label(catalog, d.target), f"{where}.target title", problems),
        "mapping_justification": _CHAINED,
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


def read_sssom(
    path: str | os.PathLike[str],
    *,
    catalog: Catalog | None = None,
    derived: Literal["skip", "error"] = "skip",
) -> Crosswalk:
    """A crosswalk from an SSSOM/TSV file (see :func:`crosswalk_from_sssom`)."""
    path = Path(path)
    return crosswalk_from_sssom(read_text(path), catalog=catalog, derived=derived, file=str(path))


def crosswalk_from_sssom(
    text: str,
    *,
    catalog: Catalog | None = None,
    derived: Literal["skip", "error"] = "skip",
    file: str | None = None,
) -> Crosswalk:
    r"""A crosswalk from SSSOM/TSV text, this module's or another tool's.

    A record needs ``subject_id``, ``predicate_id``, ``object_id`` and ``mapping_justification``; ids must
    use the ``pf`` prefix bound to ``urn:policeframeworks:``. Without our ``ir8477_relationship`` slot the
    relationship is read from the predicate (``relatedMatch`` as intersects, with ``Not`` as
    no_relationship) and without ``confidence`` the strength is 5 (10 for exactMatch, 0 for Not).
    Chained records (``semapv:MappingChaining``) are derived, not asserted: with ``derived="skip"`` (the
    default) they are left out, because :meth:`Crosswalk.derive <policeframeworks.Crosswalk.derive>`
    recomputes them; with ``"error"`` they are refused. Labels are not read back.

    Raises:
        ValidationError: every problem, with its line number and column.
        DataFileError: the YAML header cannot be parsed (PyYAML is needed: ``pip install
            'policeframeworks[sssom]'``).

    Example:
        >>> from policeframeworks import io
        >>> text = (
        ...     '#curie_map:\n#  pf: "urn:policeframeworks:"\n'
        ...     "#mapping_set_id: urn:x\n#license: https://opensource.org/licenses/MIT\n"
        ...     "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\t"
        ...     "author_label\tcomment\n"
        ...     "pf:8cantwait-2020:duty-to-intervene\tskos:exactMatch\t"
        ...     "pf:uscm-2020:sanctity-of-life/duty-to-intervene\tsemapv:ManualMappingCuration\t1.0\t"
        ...     "me\tBoth require intervening.\n"
        ... )
        >>> io.crosswalk_from_sssom(text).mappings[0].relationship.value
        'equal'
    """
    from .._catalog import load_catalog
    from ..crosswalk import Crosswalk

    if catalog is None:
        catalog = load_catalog()
    lines = text.splitlines(keepends=True)
    skipped = 0
    meta_lines: list[str] = []
    while skipped < len(lines) and lines[skipped].startswith("#"):
        meta_lines.append(lines[skipped][1:])
        skipped += 1
    meta = _parse_yaml("".join(meta_lines), file)
    reader = csv.reader(_stdio.StringIO("".join(lines[skipped:])), delimiter="\t", strict=True)
    body: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if any(cells):
                body.append((skipped + reader.line_num, cells))
    except csv.Error as exc:
        raise ValidationError([Problem(f"line {skipped + reader.line_num}", str(exc))], file=file) from None
    problems: list[Problem] = []
    prefix_map = meta.get("curie_map") if isinstance(meta, dict) else None
    if not isinstance(prefix_map, dict) or prefix_map.get(SSSOM_PREFIX[0]) != SSSOM_PREFIX[1]:
        problems.append(
            Problem("curie_map", f"must bind {SSSOM_PREFIX[0]!r} to {SSSOM_PREFIX[1]!r} (the ids' prefix)")
        )
    if not body:
        problems.append(Problem("", "no header row and no records"))
        raise ValidationError(problems, file=file)
    header_line, header = body[0]
    seen: set[str] = set()
    for col in header:
        if col in seen:
            problems.append(Problem(f"line {header_line}", f"column {col!r} appears twice"))
        seen.add(col)
    for required in ("subject_id", "predicate_id", "object_id", "mapping_justification"):
        if required not in seen:
            problems.append(Problem(f"line {header_line}", f"no {required!r} column"))
    if problems:
        raise ValidationError(problems, file=file)
    mappings: list[Mapping] = []
    for n, cells in body[1:]:
        if len(cells) != len(header):
            problems.append(Problem(f"line {n}", f"has {len(cells)} cells; the header has {len(header)}"))
            continue
        record = dict(zip(header, cells, strict=True))
        if record["mapping_justification"] == _CHAINED:
            if derived == "error":
                problems.append(
                    Problem(
                        f"line {n}.mapping_justification", "a chained (derived) record, not an asserted one"
                    )
                )
            continue
        mapping = _mapping(record, f"line {n}", problems)
        if mapping is not None:
            mappings.append(mapping)
    reviews = meta.get("complete_reviews") if isinstance(meta, dict) else None
    if problems:
        raise ValidationError(problems, file=file)
    cw = Crosswalk(mappings, catalog=catalog)
    if reviews:
        cw = _with_reviews(cw, reviews, file)
    return cw


def _with_reviews(cw: Crosswalk, reviews: Any, file: str | None) -> Crosswalk:
    try:
        data = json.loads(reviews) if isinstance(reviews, str) else None
    except ValueError:
        data = None
    if not isinstance(data, list):
        raise ValidationError([Problem("complete_reviews", "expected a JSON list of reviews")], file=file)
    problems: list[Problem] = []
    parsed: list[Review] = []
    for i, item in enumerate(data):
        try:
            parsed.append(_convert.from_builtins(item, Review))
        except ValidationError as exc:
            problems += [p.within(f"complete_reviews[{i}]") for p in exc.problems]
    if problems:
        raise ValidationError(problems, file=file)
    return cw.with_reviews(parsed)


def _parse_yaml(text: str, file: str | None) -> Any:
    if not text.strip():
        return {}
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the environment
        raise DataFileError(
            f"{file or '<text>'}: reading an SSSOM header needs PyYAML: pip install 'policeframeworks[sssom]'"
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValidationError([Problem("header", f"not valid YAML: {exc}")], file=file) from None


def _end(value: str, field: str, problems: list[Problem]) -> str | None:
    prefix = f"{SSSOM_PREFIX[0]}:"
    if not value.startswith(prefix):
        problems.append(Problem(field, f"{value!r} does not use the {SSSOM_PREFIX[0]!r} prefix"))
        return None
    return value[len(prefix) :]


_FROM_PREDICATE = {
    "skos:exactMatch": Relationship.EQUAL,
    "skos:broadMatch": Relationship.SUBSET,
    "skos:narrowMatch": Relationship.SUPERSET,
    "skos:relatedMatch": Relationship.INTERSECTS,
    "skos:closeMatch": Relationship.INTERSECTS,
}


def _mapping(record: dict[str, str], where: str, problems: list[Problem]) -> Mapping | None:
    start = len(problems)
    source = _end(record["subject_id"], f"{where}.subject_id", problems)
    target = _end(record["object_id"], f"{where}.object_id", problems)
    predicate = record["predicate_id"]
    negated = record.get("predicate_modifier", "") == "Not"
    if record.get("predicate_modifier", "") not in ("", "Not"):
        problems.append(Problem(f"{where}.predicate_modifier", "expected Not or nothing"))
    implied = Relationship.NO_RELATIONSHIP if negated else _FROM_PREDICATE.get(predicate)
    if predicate not in _FROM_PREDICATE:
        problems.append(
            Problem(f"{where}.predicate_id", f"{predicate!r} is not one of {', '.join(_FROM_PREDICATE)}")
        )
    word = record.get("ir8477_relationship", "")
    relationship = implied
    if word:
        try:
            relationship = Relationship.parse(word)
        except ValidationError:
            problems.append(Problem(f"{where}.ir8477_relationship", f"{word!r} is not a relationship"))
            relationship = None
        else:
            if (
                implied is not None
                and _PREDICATES[relationship] != predicate
                and not (relationship is Relationship.INTERSECTS and predicate == "skos:closeMatch")
            ):
                problems.append(
                    Problem(f"{where}.predicate_id", f"{predicate} contradicts ir8477_relationship {word!r}")
                )
            if negated != (relationship is Relationship.NO_RELATIONSHIP):
                problems.append(
                    Problem(f"{where}.predicate_modifier", f"Not must go with no_relationship, not {word!r}")
                )
    justification = record["mapping_justification"]
    basis = next((b for b, j in _JUSTIFICATIONS.items() if j == justification), None)
    if basis is None:
        problems.append(
            Problem(
                f"{where}.mapping_justification",
                f"{justification!r}: expected {' or '.join(_JUSTIFICATIONS.values())}",
            )
        )
    strength = _strength(record.get("confidence", ""), relationship, f"{where}.confidence", problems)
    opposing_word = record.get("opposing", "") or "false"
    if opposing_word not in ("true", "false"):
        problems.append(Problem(f"{where}.opposing", f"{opposing_word!r}: expected true or false"))
    citation = _citation(record, where, problems)
    if len(problems) > start or source is None or target is None or relationship is None or basis is None:
        return None
    try:
        return Mapping(
            source=source,
            relationship=relationship,
            target=target,
            rationale_type=record.get("rationale_type") or RationaleType.SEMANTIC,
            strength=strength,
            basis=basis,
            rationale=record.get("comment", ""),
            mapped_by=record.get("author_label", ""),
            opposing=opposing_word == "true",
            citation=citation,
        )
    except ValidationError as exc:
        problems += [p.within(where) for p in exc.problems]
        return None


def _strength(value: str, relationship: Relationship | None, where: str, problems: list[Problem]) -> int:
    if relationship is Relationship.NO_RELATIONSHIP:
        if value not in ("", "0", "0.0"):
            problems.append(Problem(where, "a negated record carries no confidence"))
        return 0
    if not value:
        return 10 if relationship is Relationship.EQUAL else 5
    try:
        number = float(value) if value.isascii() else float("nan")
    except ValueError:
        number = float("nan")
    tenths = number * 10
    if not (0 <= number <= 1) or abs(tenths - round(tenths)) > 1e-9:
        problems.append(Problem(where, f"{value!r} is not a confidence in tenths between 0 and 1"))
        return 0
    return round(tenths)


def _citation(record: dict[str, str], where: str, problems: list[Problem]) -> Citation | None:
    parts = {part: record.get(f"citation_{part}", "") for part in _CITATION_PARTS}
    if not any(parts.values()):
        return None
    try:
        return Citation(
            publisher=parts["publisher"],
            title=parts["title"],
            url=parts["url"],
            date=parts["date"] or None,
            locator=parts["locator"] or None,
        )
    except ValidationError as exc:
        problems += [p.within(f"{where}.citation") for p in exc.problems]
        return None
