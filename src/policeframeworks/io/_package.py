"""A Frictionless Data Package (v2) of a release, written and read back into the library equal.

The package holds frameworks, principles, mappings, reviews, endorsements and any assessments as CSV tables
with table schemas and foreign keys.

Tables (each a resource named like its file): ``frameworks``, ``principles`` (framing statements too, with
their parent and position), ``mappings``, ``reviews``, ``endorsements``, and, when assessments are given,
``assessments`` and ``findings``. A mapping's or endorsement's end is split into a framework column and a
principle column (empty for a whole framework), so that both can be foreign keys. Lists of words are
``array`` fields and nested records (evidence, derivations, attributes) ``object``/``array`` fields, both
written as JSON in their cells. Every text cell goes through the package's formula escaping
(:func:`policeframeworks.io.escape_cell`): a text that starts with ``=``, ``+``, ``-`` or ``@`` is written
behind an apostrophe, which :func:`read_package` removes.

A finding's ``status`` is an ordered category, ``not_adopted`` < ``partial`` < ``adopted``; ``unknown`` (not
known: never read it as not adopted) and ``not_applicable`` are declared as the field's missing values,
each with its label, so that tools that read the package treat them as missing, never as a category.

Example:
    >>> import pathlib, tempfile
    >>> from policeframeworks import load_catalog, load_seed_assessments, io
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "release"
    >>> io.write_package(out, assessments=load_seed_assessments())
    >>> sorted(p.name for p in out.iterdir())  # doctest: +NORMALIZE_WHITESPACE
    ['assessments.csv', 'datapackage.json', 'endorsements.csv', 'findings.csv', 'frameworks.csv',
     'mappings.csv', 'principles.csv', 'reviews.csv']
    >>> release = io.read_package(out)
    >>> release.crosswalk == load_catalog().crosswalk, release.assessments == load_seed_assessments()
    (True, True)
"""

from __future__ import annotations

import csv
import io as _stdio
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .. import _convert
from .._assessment import Assessment
from .._endorsement import Endorsement
from .._mapping import Mapping, Review
from .._model import Framework, Principle
from ..exceptions import DataFileError, Problem, ValidationError
from ._cells import csv_text, unescape_cell
from ._files import read_text
from ._folders import write_folder_atomic
from ._package_schema import TABLES, Column, package_descriptor

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk

__all__ = ["Release", "read_package", "write_package"]


@attrs.frozen(kw_only=True)
class Release:
    """What a data package holds, read back into the library's objects.

    Attributes:
        catalog: the frameworks (with their principles) and the endorsements.
        crosswalk: the mappings and the declared reviews, over ``catalog``.
        assessments: the assessments, in the package's order.
        data_version: the data version the package was written with.
    """

    catalog: Catalog
    crosswalk: Crosswalk
    assessments: tuple[Assessment, ...]
    data_version: str | None


# --------------------------------------------------------------------------- writing


def _end_columns(end: str, catalog: Catalog) -> tuple[str, str]:
    """(framework id, principle id or "") of a mapping's or endorsement's end."""
    if end in catalog.framework_ids:
        return end, ""
    return end.partition(":")[0], end


def _principle_rows(framework: Framework) -> Iterator[dict[str, Any]]:
    def walk(items: Sequence[Principle], parent: str, framing: bool) -> Iterator[dict[str, Any]]:
        for position, p in enumerate(items):
            data = _convert.to_builtins(p)
            data.pop("children", None)
            yield {
                **data,
                "framework_id": framework.id,
                "parent_id": parent,
                "position": position,
                "framing": framing,
            }
            yield from walk(p.children, p.id, framing)

    yield from walk(framework.principles, "", False)
    yield from walk(framework.framing, "", True)


def _rows(
    catalog: Catalog, crosswalk: Crosswalk, assessments: Sequence[Assessment]
) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for fw in catalog:
        data = _convert.to_builtins(fw)
        data.pop("principles", None)
        data.pop("framing", None)
        tables["frameworks"].append(data)
        tables["principles"] += _principle_rows(fw)
    for position, m in enumerate(crosswalk.mappings):
        data = _convert.to_builtins(m)
        data["source_framework"], data["source_principle"] = _end_columns(data.pop("source"), catalog)
        data["target_framework"], data["target_principle"] = _end_columns(data.pop("target"), catalog)
        tables["mappings"].append({**data, "position": position})
    tables["reviews"] = [_convert.to_builtins(r) for r in crosswalk.reviews]
    for position, e in enumerate(catalog.endorsements):
        data = _convert.to_builtins(e)
        data["target_framework"], data["target_principle"] = _end_columns(data.pop("target"), catalog)
        via = data.pop("via", None)
        data["via_framework"], data["via_principle"] = _end_columns(via, catalog) if via else ("", "")
        tables["endorsements"].append({**data, "position": position})
    if assessments:
        for position, a in enumerate(assessments):
            data = _convert.to_builtins(a)
            findings = data.pop("findings", [])
            jurisdiction = data.pop("jurisdiction")
            data.update({f"jurisdiction_{k}": v for k, v in jurisdiction.items()})
            tables["assessments"].append({**data, "id": position})
            tables["findings"] += [{**f, "assessment": position} for f in findings]
    else:
        del tables["assessments"], tables["findings"]
    return tables


def _cell(value: Any, column: Column) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if column.type in ("array", "object"):
        return json.dumps(value, ensure_ascii=False)
    if column.type == "boolean":
        return "true" if value else "false"
    return str(value)


def _flatten(row: dict[str, Any]) -> dict[str, Any]:
    citation = row.pop("citation", None)
    if isinstance(citation, dict):
        row.update({f"citation_{k}": v for k, v in citation.items()})
    return row


def _table_text(name: str, rows: Iterable[dict[str, Any]]) -> str:
    columns = TABLES[name]
    names = [c.name for c in columns]
    out: list[list[str]] = [names]
    for row in rows:
        flat = _flatten(dict(row))
        unknown = set(flat) - set(names)
        if unknown:  # a model field the package does not know: never drop it silently
            raise ValueError(f"table {name!r} has no column for {', '.join(sorted(unknown))}")
        out.append([_cell(flat.get(c.name), c) for c in columns])
    return csv_text(out)


def write_package(
    folder: str | os.PathLike[str],
    *,
    catalog: Catalog | None = None,
    crosswalk: Crosswalk | None = None,
    assessments: Iterable[Assessment] = (),
    overwrite: bool = False,
) -> None:
    """Write a Frictionless Data Package (v2) of a release into ``folder``, all or nothing.

    Args:
        folder: the package's folder (written beside itself, then swapped in whole).
        catalog: the frameworks and endorsements (default: the bundled catalog).
        crosswalk: the mappings and reviews (default: the catalog's crosswalk).
        assessments: assessments to include (their framework and principle ids must be in the catalog).
        overwrite: replace an existing folder.

    Raises:
        DataFileError: the folder exists (without ``overwrite``), its parent is missing, or a file cannot
            be written.
        ValidationError: an assessment names a framework or principle the catalog does not hold.
    """
    from .._catalog import load_catalog

    catalog = catalog if catalog is not None else load_catalog()
    crosswalk = crosswalk if crosswalk is not None else catalog.crosswalk
    assessments = tuple(assessments)
    problems = [
        p.within(f"assessments[{i}]")
        for i, a in enumerate(assessments)
        for p in _assessment_id_problems(a, catalog)
    ]
    if problems:
        raise ValidationError(problems)
    tables = _rows(catalog, crosswalk, assessments)
    files = {f"{name}.csv": _table_text(name, rows) for name, rows in tables.items()}
    descriptor = package_descriptor(catalog, tuple(tables))
    files["datapackage.json"] = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    write_folder_atomic(folder, files, overwrite=overwrite)


def _assessment_id_problems(a: Assessment, catalog: Catalog) -> list[Problem]:
    if a.framework_id not in catalog.framework_ids:
        return [Problem("framework_id", f"{a.framework_id!r} is not a framework of the catalog")]
    return [
        Problem(f"findings[{i}].principle_id", f"{f.principle_id!r} is not a principle of the catalog")
        for i, f in enumerate(a.findings)
        if f.principle_id not in catalog
    ]


# --------------------------------------------------------------------------- reading


def _read_table(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / f"{name}.csv"
    text = read_text(path)
    reader = csv.reader(_stdio.StringIO(text, newline=""))
    rows = list(reader)
    columns = TABLES[name]
    want = [c.name for c in columns]
    if not rows or rows[0] != want:
        raise ValidationError([Problem("header", f"expected the columns {', '.join(want)}")], file=str(path))
    out: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for n, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(want):
            problems.append(Problem(f"row {n}", f"has {len(cells)} cells; the header has {len(want)}"))
            continue
        record: dict[str, Any] = {}
        for column, raw in zip(columns, cells, strict=True):
            value = _value(unescape_cell(raw), column, f"row {n}.{column.name}", problems)
            if value is not None:
                record[column.name] = value
        out.append(record)
    if problems:
        raise ValidationError(problems, file=str(path))
    return out


def _value(raw: str, column: Column, where: str, problems: list[Problem]) -> Any:
    if raw == "":
        return None
    if column.type in ("array", "object"):
        try:
            return json.loads(raw)
        except ValueError:
            problems.append(Problem(where, "is not JSON"))
            return None
    if column.type == "integer":
        if not (raw.isascii() and raw.isdigit()):
            problems.append(Problem(where, f"{raw!r} is not a whole number"))
            return None
        return int(raw)
    if column.type == "boolean":
        if raw not in ("true", "false"):
            problems.append(Problem(where, f"{raw!r} is not true or false"))
            return None
        return raw == "true"
    return raw


def _nest_citation(record: dict[str, Any]) -> dict[str, Any]:
    citation = {k.removeprefix("citation_"): record.pop(k) for k in list(record) if k.startswith("citation_")}
    if citation:
        record["citation"] = citation
    return record


def _end(framework: Any, principle: Any) -> Any:
    return principle if principle else framework


def read_package(folder: str | os.PathLike[str]) -> Release:
    """Read a data package written by :func:`write_package` back into the library's objects.

    Raises:
        DataFileError: a file is missing or not UTF-8.
        ValidationError: a table does not fit its schema or the library's model; every problem names the
            file, row and column.
    """
    from .._catalog import Catalog
    from ..crosswalk import Crosswalk

    root = Path(folder)
    descriptor_path = root / "datapackage.json"
    try:
        descriptor = json.loads(read_text(descriptor_path))
    except ValueError as exc:
        raise DataFileError(f"{descriptor_path}: not JSON ({exc})") from None
    names = {r.get("name") for r in descriptor.get("resources", []) if isinstance(r, dict)}
    frameworks = _frameworks(root)
    catalog_problems: list[Problem] = []
    endorsements = []
    for record in _read_table(root, "endorsements"):
        record["target"] = _end(record.pop("target_framework", None), record.pop("target_principle", None))
        via = _end(record.pop("via_framework", None), record.pop("via_principle", None))
        if via:
            record["via"] = via
        record.pop("position", None)
        endorsements.append(_build(_nest_citation(record), Endorsement, "endorsements", catalog_problems))
    if catalog_problems:
        raise ValidationError(catalog_problems, file=str(root / "endorsements.csv"))
    data_version = descriptor.get("version")
    catalog = Catalog(frameworks, endorsements=endorsements, bundled_crosswalks=False)
    mappings: list[Mapping] = []
    problems: list[Problem] = []
    for record in _read_table(root, "mappings"):
        record["source"] = _end(record.pop("source_framework", None), record.pop("source_principle", None))
        record["target"] = _end(record.pop("target_framework", None), record.pop("target_principle", None))
        record.pop("position", None)
        mappings.append(_build(_nest_citation(record), Mapping, "mappings", problems))
    reviews = [_build(r, Review, "reviews", problems) for r in _read_table(root, "reviews")]
    if problems:
        raise ValidationError(problems, file=str(root))
    crosswalk = Crosswalk(mappings, reviews=reviews, catalog=catalog)
    assessments: tuple[Assessment, ...] = ()
    if "assessments" in names:
        assessments = _assessments(root)
    return Release(catalog=catalog, crosswalk=crosswalk, assessments=assessments, data_version=data_version)


def _build(record: dict[str, Any], cls: type[Any], table: str, problems: list[Problem]) -> Any:
    try:
        return _convert.from_builtins(record, cls)
    except ValidationError as exc:
        problems += [p.within(table) for p in exc.problems]
        return None


def _frameworks(root: Path) -> list[Framework]:
    principles = _read_table(root, "principles")
    by_parent: dict[tuple[str, str, bool], list[tuple[int, dict[str, Any]]]] = {}
    for record in principles:
        key = (
            record.pop("framework_id", ""),
            record.pop("parent_id", "") or "",
            record.pop("framing", False),
        )
        by_parent.setdefault(key, []).append((record.pop("position", 0), _nest_citation(record)))

    def children(framework_id: str, parent: str, framing: bool) -> list[dict[str, Any]]:
        items = sorted(by_parent.get((framework_id, parent, framing), []), key=lambda item: item[0])
        out = []
        for _, record in items:
            kids = children(framework_id, record["id"], framing)
            out.append({**record, "children": kids} if kids else record)
        return out

    frameworks: list[Framework] = []
    problems: list[Problem] = []
    for record in _read_table(root, "frameworks"):
        fid = record.get("id", "")
        record["principles"] = children(fid, "", False)
        framing = children(fid, "", True)
        if framing:
            record["framing"] = framing
        frameworks.append(_build(_nest_citation(record), Framework, f"frameworks[{fid}]", problems))
    if problems:
        raise ValidationError(problems, file=str(root))
    return frameworks


def _assessments(root: Path) -> tuple[Assessment, ...]:
    findings: dict[int, list[dict[str, Any]]] = {}
    for record in _read_table(root, "findings"):
        findings.setdefault(record.pop("assessment", -1), []).append(record)
    out: list[Assessment] = []
    problems: list[Problem] = []
    for record in _read_table(root, "assessments"):
        position = record.pop("id", -1)
        record["jurisdiction"] = {
            k.removeprefix("jurisdiction_"): record.pop(k)
            for k in list(record)
            if k.startswith("jurisdiction_")
        }
        if position in findings:
            record["findings"] = findings[position]
        out.append(_build(record, Assessment, f"assessments[{position}]", problems))
    if problems:
        raise ValidationError(problems, file=str(root / "assessments.csv"))
    return tuple(out)
