"""Reading SSSOM/TSV: the YAML header and the records, into mappings and declared reviews.

The vocabulary is :mod:`._sssom`'s (which writes the format). This module turns text into mappings and
reviews; :func:`policeframeworks.io.crosswalk_from_sssom` and :func:`~policeframeworks.io.read_sssom` build
the crosswalk.
"""

from __future__ import annotations

import csv
import io as _stdio
import json
from typing import TYPE_CHECKING, Any, Literal

from .. import _convert
from .._mapping import Mapping, Review
from .._model import Citation
from .._relationship import RationaleType, Relationship
from ..crosswalk._checks import id_problems, review_id_problems
from ..crosswalk._graph import CITATION_FIELDS
from ..exceptions import DataFileError, Problem, ValidationError
from ._sssom import CHAINED, JUSTIFICATIONS, PREDICATES, SSSOM_PREFIX

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["parse_sssom"]


def parse_sssom(
    text: str, catalog: Catalog, *, derived: Literal["skip", "error"] = "skip", file: str | None = None
) -> tuple[list[Mapping], list[Review]]:
    """The mappings and reviews SSSOM/TSV text holds, ids checked against ``catalog``.

    See :func:`~policeframeworks.io.crosswalk_from_sssom` for what is read and how.

    Raises:
        ValidationError: every problem, with its line number and column.
        DataFileError: the YAML header cannot be parsed (PyYAML is needed).
    """
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
        if record["mapping_justification"] == CHAINED:
            if derived == "error":
                problems.append(
                    Problem(
                        f"line {n}.mapping_justification", "a chained (derived) record, not an asserted one"
                    )
                )
            continue
        mapping = _mapping(record, f"line {n}", problems)
        if mapping is not None:
            problems += id_problems(mapping, catalog, f"line {n}")
            mappings.append(mapping)
    reviews = meta.get("complete_reviews") if isinstance(meta, dict) else None
    if problems:
        raise ValidationError(problems, file=file)
    return mappings, _reviews(reviews, catalog, file) if reviews else []


def _reviews(reviews: Any, catalog: Catalog, file: str | None) -> list[Review]:
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
            review = _convert.from_builtins(item, Review)
        except ValidationError as exc:
            problems += [p.within(f"complete_reviews[{i}]") for p in exc.problems]
        else:
            problems += review_id_problems(review, catalog, f"complete_reviews[{i}]")
            parsed.append(review)
    if problems:
        raise ValidationError(problems, file=file)
    return parsed


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
                and PREDICATES[relationship] != predicate
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
    basis = next((b for b, j in JUSTIFICATIONS.items() if j == justification), None)
    if basis is None:
        problems.append(
            Problem(
                f"{where}.mapping_justification",
                f"{justification!r}: expected {' or '.join(JUSTIFICATIONS.values())}",
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
    parts = {part: record.get(f"citation_{part}", "") for part in CITATION_FIELDS}
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
