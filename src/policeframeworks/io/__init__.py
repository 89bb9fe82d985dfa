"""Serialization: plain dicts, JSON and TOML files, with strict validation and atomic writes.

``to_dict`` and ``from_dict`` convert any model object to and from plain data (what JSON and TOML hold);
``load`` and ``dump`` read and write files, choosing JSON or TOML by the file's extension (``loads`` and
``dumps`` for text). Every other format follows one rule: ``read_<format>(path)`` and
``write_<format>(obj, path)`` for files (``read_assessments_csv``, ``write_graphml``, ``read_sssom``, ...),
and for a crosswalk ``crosswalk_from_<format>`` and ``crosswalk_to_<format>`` in memory;
``read_crosswalk(*paths)`` reads crosswalk files of any kind, told by extension.

Example:
    >>> from policeframeworks import Framework, load_catalog
    >>> from policeframeworks import io
    >>> fw = load_catalog().framework("8cantwait-2020")
    >>> io.from_dict(io.to_dict(fw), Framework) == fw
    True
    >>> from policeframeworks import Citation
    >>> io.from_dict({"publisher": "X", "title": 3, "url": "ftp://x", "pages": 2}, Citation)
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 2 problems:
      title: expected a string, got int 3
      pages: unknown key; expected one of publisher, title, url, date, locator
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar, overload

from .. import _convert
from ._assessment_files import dump_assessments, iter_assessments
from ._catalog import read_catalog
from ._cells import csv_text, escape_cell, unescape_cell
from ._column_map import read_column_map, with_attributes
from ._crosswalk import (
    crosswalk_from_csv,
    crosswalk_from_gexf,
    crosswalk_from_graphml,
    crosswalk_from_node_link,
    crosswalk_from_sssom,
    crosswalk_to_csv,
    crosswalk_to_gexf,
    crosswalk_to_graphml,
    crosswalk_to_node_link,
    read_crosswalk,
    read_crosswalk_csv,
    read_gexf,
    read_graphml,
    read_node_link,
    read_sssom,
    write_crosswalk_csv,
    write_gexf,
    write_graphml,
    write_node_link,
)
from ._csv import read_assessments_csv, write_assessments_csv, write_summary_csv
from ._descriptor import (
    DatasetDefaults,
    DatasetDescriptor,
    known_layouts,
    load_descriptor,
    read_assessments,
)
from ._files import (
    check_suffix,
    document_kind,
    parse,
    read_document,
    resolve_type,
    serialize,
    write_text_atomic,
)
from ._folders import write_folder_atomic
from ._oscal import crosswalk_from_oscal, crosswalk_to_oscal, read_oscal, write_oscal
from ._package import Release, read_package, write_package
from ._records import (
    citation_record,
    coverage_matrix_records,
    coverage_record,
    diff_records,
    endorsement_record,
    framework_record,
    mapping_record,
    principle_record,
    projection_record,
    review_record,
    score_record,
    summary_record,
)
from ._review_sheet import read_review_sheet, write_review_sheet
from ._schema import json_schema
from ._sssom import crosswalk_to_sssom, write_sssom

__all__ = [
    "DatasetDefaults",
    "DatasetDescriptor",
    "Release",
    "citation_record",
    "coverage_matrix_records",
    "coverage_record",
    "crosswalk_from_csv",
    "crosswalk_from_gexf",
    "crosswalk_from_graphml",
    "crosswalk_from_node_link",
    "crosswalk_from_oscal",
    "crosswalk_from_sssom",
    "crosswalk_to_csv",
    "crosswalk_to_gexf",
    "crosswalk_to_graphml",
    "crosswalk_to_node_link",
    "crosswalk_to_oscal",
    "crosswalk_to_sssom",
    "csv_text",
    "diff_records",
    "dump",
    "dump_assessments",
    "dumps",
    "endorsement_record",
    "escape_cell",
    "file_kind",
    "framework_record",
    "from_dict",
    "iter_assessments",
    "json_schema",
    "known_layouts",
    "load",
    "load_descriptor",
    "loads",
    "mapping_record",
    "principle_record",
    "projection_record",
    "read_assessments",
    "read_assessments_csv",
    "read_catalog",
    "read_column_map",
    "read_crosswalk",
    "read_crosswalk_csv",
    "read_gexf",
    "read_graphml",
    "read_node_link",
    "read_oscal",
    "read_package",
    "read_review_sheet",
    "read_sssom",
    "review_record",
    "score_record",
    "summary_record",
    "to_dict",
    "unescape_cell",
    "with_attributes",
    "write_assessments_csv",
    "write_crosswalk_csv",
    "write_folder_atomic",
    "write_gexf",
    "write_graphml",
    "write_node_link",
    "write_oscal",
    "write_package",
    "write_review_sheet",
    "write_sssom",
    "write_summary_csv",
    "write_text_atomic",
]

T = TypeVar("T")


def to_dict(obj: object) -> Any:
    """Plain data (dicts, lists, strings, numbers, booleans) for a model object.

    Fields at their default values are left out. Enum members become their words, tuples become lists.
    """
    return _convert.to_builtins(obj)


def from_dict(data: Any, cls: type[T], *, file: str | None = None) -> T:
    """Build a ``cls`` from plain data, strictly.

    Raises:
        ValidationError: every problem found, each with its path (and ``file`` if given).
    """
    return _convert.from_builtins(data, cls, file=file)


@overload
def load(path: str | os.PathLike[str]) -> Any: ...
@overload
def load(path: str | os.PathLike[str], cls: type[T]) -> T: ...
def load(path: str | os.PathLike[str], cls: type[T] | None = None) -> T | Any:
    """Read a JSON or TOML file (chosen by extension) into a model object.

    Without ``cls``, what the file holds is told from its top-level keys (``principles`` makes a
    :class:`~policeframeworks.Framework`).

    Raises:
        DataFileError: the file is missing, a directory, not UTF-8, or of another type.
        ValidationError: the content does not fit; every problem is listed with the file and path.
    """
    data, name = read_document(path)
    target = cls if cls is not None else resolve_type(data, name)
    return _convert.from_builtins(data, target, file=name)


@overload
def loads(text: str, cls: None = None, *, format: str = "json") -> Any: ...
@overload
def loads(text: str, cls: type[T], *, format: str = "json") -> T: ...
def loads(text: str, cls: type[T] | None = None, *, format: str = "json") -> T | Any:
    """Read JSON or TOML text (``format``) into a model object: the inverse of :func:`dumps`.

    Without ``cls``, what the text holds is told from its top-level keys, as :func:`load` does.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> fw = load_catalog().framework("8cantwait-2020")
        >>> io.loads(io.dumps(fw, "toml"), format="toml") == fw
        True

    Raises:
        DataFileError: ``format`` is neither ``"json"`` nor ``"toml"``.
        ValidationError: the text is not valid, or does not fit; every problem is listed with its path.
    """
    name = f"<{format} text>"
    data = parse(text, check_suffix(Path(f"x.{format}")), name)
    target = cls if cls is not None else resolve_type(data, name)
    return _convert.from_builtins(data, target, file=name)


def file_kind(path: str | os.PathLike[str]) -> str | None:
    """What a JSON or TOML data file holds, told from its top-level keys as :func:`load` tells it.

    One of ``"framework"``, ``"endorsements"``, ``"crosswalk"``, ``"assessment"`` and ``"assessments"``, or
    ``None`` when the keys match none of them. The content is not checked: :func:`load` does that.

    Raises:
        DataFileError: the file is missing, a directory, not UTF-8, of another type, or not valid JSON/TOML.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cities.json"
        >>> _ = path.write_text('{"assessments": []}', encoding="utf-8")
        >>> file_kind(path)
        'assessments'
    """
    data, _ = read_document(path)
    return document_kind(data)


def dumps(obj: object, format: str = "json") -> str:
    """The text ``dump`` would write, for ``format`` ``"json"`` or ``"toml"``."""
    return serialize(to_dict(obj), check_suffix(Path(f"x.{format}")))


def dump(obj: object, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write a model object to a JSON or TOML file (chosen by extension), atomically.

    Raises:
        DataFileError: unsupported extension, missing folder, or (with ``overwrite=False``) an existing file.
    """
    suffix = check_suffix(Path(path))
    write_text_atomic(path, serialize(to_dict(obj), suffix), overwrite=overwrite)
