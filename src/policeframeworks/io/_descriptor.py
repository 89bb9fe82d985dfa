r"""Dataset descriptors: a small TOML (or JSON) file beside a published CSV that says how to read it.

A descriptor names the CSV (``path``, relative to the descriptor), the framework it codes, and whatever a
plain read would need as arguments: the column map, the defaults (``as_of``, ``assessor``, ``method``,
``kind``), what an empty cell means, the encoding and delimiter, and the source citation. With it an import
is reproducible and citable: ``io.read_assessments("force-2020.toml")`` or, on the command line,
``policeframeworks assess import --dataset force-2020.toml``.

``based_on`` starts from a known published layout (see :func:`known_layouts`: ``police-scorecard``,
``8cantwait-2020``, ``useofforce-2016-analysis``): its framework, column map, conventions and source, which
the descriptor's own keys then extend or override (tables are merged key by key, the descriptor winning).
The format: ``docs/reference/dataset-descriptors.md``; the JSON Schema:
``io.json_schema(io.DatasetDescriptor)``.

Example:
    >>> import pathlib, tempfile
    >>> from policeframeworks import io
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "scorecard.csv").write_text(
    ...     "agency_name,location_name,agency_type,state,requires_deescalation,duty_to_intervene\n"
    ...     "Boise Police Department,Boise,police-department,ID,1,0\n"
    ...     "Ada County Sheriff,Ada County,sheriff,ID,,1\n", encoding="utf-8")
    >>> _ = (folder / "scorecard.toml").write_text(
    ...     'path = "scorecard.csv"\nbased_on = "police-scorecard"\n[defaults]\nas_of = "2021"\n',
    ...     encoding="utf-8")
    >>> boise, ada = io.read_assessments(folder / "scorecard.toml")
    >>> str(boise.jurisdiction), str(boise.jurisdiction.kind), boise.score().adopted
    ('Boise, ID', 'city', 1)
    >>> str(ada.jurisdiction.kind), ada.assessor, ada.evidence[0].title
    ('county', 'Campaign Zero (Police Scorecard)', 'Police Scorecard')
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .._assessment import Assessment
from .._catalog import Catalog
from .._model import Citation
from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._csv_options import check_options
from ._files import read_document
from ._layouts import layout_data, raw_layouts

__all__ = ["DatasetDefaults", "DatasetDescriptor", "known_layouts", "load_descriptor", "read_assessments"]


@attrs.frozen(kw_only=True)
class DatasetDefaults:
    """Values for rows of a dataset that has no column for them.

    Attributes:
        as_of: the date the dataset describes (ISO, possibly reduced: ``2016``, ``2020-06``).
        assessor: who coded it (the publisher, usually).
        method: how: ``document-review``, ``self-report``, ``survey`` or ``derived``.
        kind: what its rows are: ``city``, ``county``, ``state`` or ``agency``.
    """

    as_of: str | None = None
    assessor: str | None = None
    method: str | None = None
    kind: str | None = None


@attrs.frozen(kw_only=True)
class DatasetDescriptor:
    """How to read one published CSV file of assessments (the descriptor file, parsed and merged).

    Attributes:
        path: the CSV file, relative to the descriptor (absent in a known layout).
        based_on: a known published layout this descriptor starts from.
        framework: the framework the dataset codes (an id of the bundled catalog, or of ``catalog``).
        layout: ``wide`` (one row per jurisdiction) or ``long`` (one row per finding).
        title: the dataset's name.
        description: what a row and a column hold.
        encoding: the file's text encoding (``utf-8``, ``cp1252``, ``mac_roman``, ...).
        delimiter: the character between cells.
        blank: what an empty principle cell means: ``unknown`` (no finding) or ``not_adopted``.
        partial: cell values that mean ``partial`` (for example ``["0.5"]``).
        cell_quotes: a status followed by text in one cell gives the status and an evidence quote.
        policy_language: paired ``X (Policy Language)`` columns are evidence ``quote`` or ``attribute``.
        short_rows: a row with fewer cells than the header is an ``error`` or read as ``blank``.
        unmapped: columns that map to nothing are kept as attributes (``keep``) or an ``error``.
        defaults: values for rows without such columns.
        columns: header as written -> field name, principle id or ``attribute``: the descriptor's own map,
            every column of which the file must have (a ``based_on`` layout's map is used for the headers
            the file has).
        values: per field (``kind``, ``method``, ``status``), cell text -> the library's word.
        source: the dataset's citation; it becomes each assessment's evidence.
        notes: anything a reader of the dataset should know.
        column_sources: header -> where that header name is documented.
        data_version: the version of a bundled layout's data.
    """

    path: str | None = None
    based_on: str | None = None
    framework: str | None = None
    layout: str = "wide"
    title: str | None = None
    description: str | None = None
    encoding: str = "utf-8"
    delimiter: str = ","
    blank: str = "unknown"
    partial: tuple[str, ...] = ()
    cell_quotes: bool = False
    policy_language: str = "quote"
    short_rows: str = "error"
    unmapped: str = "keep"
    defaults: DatasetDefaults = attrs.field(factory=DatasetDefaults)
    columns: Mapping[str, str] = attrs.field(factory=dict)
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    source: Citation | None = None
    notes: tuple[str, ...] = ()
    column_sources: Mapping[str, str] = attrs.field(factory=dict)
    data_version: str | None = None


_KEYS = {f.name for f in attrs.fields(DatasetDescriptor)}
_SCALARS = (
    *("path", "based_on", "framework", "layout", "title", "description", "encoding", "delimiter"),
    *("blank", "policy_language", "short_rows", "unmapped", "data_version"),
)
_TABLES = ("columns", "values", "column_sources")


def _check_table(data: Mapping[str, Any], problems: list[Problem]) -> None:
    for key in data:
        if key not in _KEYS:
            problems.append(
                Problem(
                    key, "unknown key in a dataset descriptor", suggestion=first_or_none(key, sorted(_KEYS))
                )
            )
    for key in _SCALARS:
        if key in data and not isinstance(data[key], str):
            problems.append(Problem(key, f"expected text, got {data[key]!r}"))
    for key in ("partial", "notes"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, str) for v in data[key])):
            problems.append(Problem(key, f"expected a list of text, got {data[key]!r}"))
    if "cell_quotes" in data and not isinstance(data["cell_quotes"], bool):
        problems.append(Problem("cell_quotes", f"expected true or false, got {data['cell_quotes']!r}"))
    for key in (*_TABLES, "defaults", "source"):
        if key in data and not isinstance(data[key], Mapping):
            problems.append(Problem(key, f"expected a table, got {data[key]!r}"))
    for key in ("columns", "column_sources"):
        for header, target in dict(data.get(key, {})).items() if isinstance(data.get(key), Mapping) else ():
            if not isinstance(target, str):
                problems.append(Problem(f"{key}.{header}", f"expected text, got {target!r}"))
    defaults = data.get("defaults", {})
    if isinstance(defaults, Mapping):
        for key, value in defaults.items():
            if key not in ("as_of", "assessor", "method", "kind"):
                problems.append(
                    Problem(
                        f"defaults.{key}",
                        "unknown default; expected as_of, assessor, method or kind",
                        suggestion=first_or_none(key, ["as_of", "assessor", "method", "kind"]),
                    )
                )
            elif not isinstance(value, str):
                problems.append(Problem(f"defaults.{key}", f"expected text, got {value!r}"))


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key in ("columns", "values", "column_sources", "defaults") and isinstance(value, Mapping):
            merged = dict(out.get(key, {}))
            for k, v in value.items():
                merged[k] = {**merged.get(k, {}), **v} if key == "values" and isinstance(v, Mapping) else v
            out[key] = merged
        elif key == "notes":
            out[key] = [*out.get("notes", []), *value]
        else:
            out[key] = value
    return out


def descriptor_from_data(data: Any, *, file: str | None = None, layout: bool = False) -> DatasetDescriptor:
    """A descriptor from the plain data of a descriptor file (merged with its ``based_on`` layout).

    Raises:
        ValidationError: every problem, with its key.
    """
    if not isinstance(data, Mapping):
        raise ValidationError([Problem("", "a dataset descriptor is a table of keys")], file=file)
    problems: list[Problem] = []
    _check_table(data, problems)
    if problems:
        raise ValidationError(problems, file=file)
    merged: dict[str, Any] = dict(data)
    based_on = data.get("based_on")
    if based_on is not None:
        base = layout_data(based_on)
        if base is None:
            raise ValidationError(
                [
                    Problem(
                        "based_on",
                        f"{based_on!r} is not a known layout ({', '.join(raw_layouts())})",
                        suggestion=first_or_none(based_on, list(raw_layouts())),
                    )
                ],
                file=file,
            )
        inherited = {k: v for k, v in base.items() if k not in ("data_version", "columns", "column_sources")}
        merged = _merge(inherited, data)
    if merged.get("framework") is None:
        problems.append(Problem("framework", "a descriptor names the framework (or a based_on layout)"))
    if not layout and merged.get("path") is None:
        problems.append(Problem("path", "a descriptor names its CSV file (path, relative to the descriptor)"))
    source = None
    if "source" in merged:
        from .. import io

        try:
            source = io.from_dict(dict(merged["source"]), Citation)
        except ValidationError as exc:
            problems += [p.within("source") for p in exc.problems]
    if problems:
        raise ValidationError(problems, file=file)
    return DatasetDescriptor(
        **{k: merged[k] for k in _SCALARS if k in merged},
        partial=tuple(merged.get("partial", ())),
        cell_quotes=merged.get("cell_quotes", False),
        defaults=DatasetDefaults(**dict(merged.get("defaults", {}))),
        columns=dict(merged.get("columns", {})),
        values={k: dict(v) for k, v in dict(merged.get("values", {})).items()},
        source=source,
        notes=tuple(merged.get("notes", ())),
        column_sources=dict(merged.get("column_sources", {})),
    )


def known_layouts() -> dict[str, DatasetDescriptor]:
    """The known published layouts, by id: descriptors without a path, bundled with the package.

    Example:
        >>> from policeframeworks import io
        >>> sorted(io.known_layouts())
        ['8cantwait-2020', 'police-scorecard', 'useofforce-2016-analysis']
        >>> io.known_layouts()["police-scorecard"].columns["location_name"]
        'name'
    """
    return {
        k: descriptor_from_data(v, file=f"layouts/{k}.toml", layout=True) for k, v in raw_layouts().items()
    }


def load_descriptor(path: str | os.PathLike[str]) -> DatasetDescriptor:
    """Read a dataset descriptor file (TOML or JSON), merged with the layout it is ``based_on``.

    Raises:
        DataFileError: the file is missing or not TOML/JSON.
        ValidationError: every problem in it, with its key (unknown keys with a did-you-mean).
    """
    data, name = read_document(path)
    return descriptor_from_data(data, file=name)


def read_assessments(
    descriptor: str | os.PathLike[str] | DatasetDescriptor,
    *,
    catalog: Catalog | None = None,
    base: str | os.PathLike[str] | None = None,
    progress: Callable[[int], object] | None = None,
    **overrides: str | None,
) -> tuple[Assessment, ...]:
    """Read the assessments of a published dataset as its descriptor says.

    Args:
        descriptor: a descriptor file (TOML or JSON) or a :class:`DatasetDescriptor`.
        catalog: where to look the framework up (default: the bundled catalog).
        base: the folder the descriptor's ``path`` is relative to (default: the descriptor file's folder;
            the current folder for a :class:`DatasetDescriptor` object).
        progress: as for :func:`~policeframeworks.io.read_assessments_csv`.
        overrides: defaults that override the descriptor's (``as_of``, ``assessor``, ``method``, ``kind``),
            as the command line's ``--as-of`` and friends do.

    Returns:
        The assessments, in file order; each carries the descriptor's source as evidence, and a note
        when empty cells were read as ``not_adopted``.

    Raises:
        ValidationError: a bad descriptor, or every bad header, cell and row of the file.
    """
    from ._csv_read import read_with_options
    from ._csv_rows import resolve_framework

    if isinstance(descriptor, DatasetDescriptor):
        d, name, folder = descriptor, None, Path(base) if base is not None else Path()
    else:
        d = load_descriptor(descriptor)
        name = str(descriptor)
        folder = Path(base) if base is not None else Path(descriptor).parent
    if d.path is None or d.framework is None:
        raise ValidationError([Problem("path", "the descriptor names no CSV file or framework")], file=name)
    bad = [k for k in overrides if k not in ("as_of", "assessor", "method", "kind")]
    if bad:
        raise ValidationError([Problem(k, "only as_of, assessor, method and kind can override") for k in bad])
    defaults = {**attrs.asdict(d.defaults), **{k: v for k, v in overrides.items() if v is not None}}
    try:
        opts = check_options(
            path=d.path,
            framework=d.framework,
            columns=d.columns,
            defaults=defaults,
            values=d.values,
            source=d.source,
            descriptor=name,
            layout=d.layout,
            unmapped=d.unmapped,
            blank=d.blank,
            partial=d.partial,
            cell_quotes=d.cell_quotes,
            policy_language=d.policy_language,
            encoding=d.encoding,
            delimiter=d.delimiter,
            short_rows=d.short_rows,
        )
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=name) from None
    fw = resolve_framework(d.framework, catalog)
    known = None
    if d.based_on is not None:
        from ._csv_columns import hnorm

        layout = layout_data(d.based_on) or {}
        known = {hnorm(h): t for h, t in dict(layout.get("columns", {})).items()}
    return read_with_options(folder / d.path, fw, d.columns, opts, progress=progress, known=known)
