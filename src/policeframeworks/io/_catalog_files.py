"""Reading the user's framework, endorsement and crosswalk files for :func:`policeframeworks.io.read_catalog`.

This module reads and converts files; it knows nothing of :class:`~policeframeworks.Catalog` (the catalog
module's deprecated ``Catalog.from_paths`` imports it, on use, so it must not import the catalog back).
What it returns is checked against the catalog being built by ``policeframeworks._catalog.catalog_of_files``:
endorsement targets, correspondences, crosswalk ids.

Example:
    >>> import pathlib, tempfile
    >>> from policeframeworks import io, load_catalog
    >>> from policeframeworks.io._catalog_files import read_catalog_files
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> io.dump(load_catalog().framework("policylink-2014"), folder / "mine.toml")
    >>> found = read_catalog_files([folder], taken={})
    >>> [fw.id for fw, _ in found.frameworks], found.problems
    (['policylink-2014'], [])
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from .. import _convert
from .._endorsement import Endorsement, EndorsementSet
from .._mapping import CrosswalkDocument
from .._model import Framework
from ..exceptions import DataFileError, Problem, ValidationError
from ._files import read_document, resolve_type

__all__ = ["CatalogFiles", "expand_paths", "read_catalog_files"]


class CatalogFiles(NamedTuple):
    """What a list of files holds, each item with the file it came from, and every problem found."""

    frameworks: list[tuple[Framework, str]]
    endorsements: list[tuple[str, int, Endorsement]]
    documents: list[tuple[CrosswalkDocument, str]]
    problems: list[Problem]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: a folder stands for its ``.toml`` and ``.json`` files, in name order.

    Raises:
        DataFileError: a folder holds no such file.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in (".toml", ".json"))
            if not inside:
                raise DataFileError(f"{path}: folder holds no .toml or .json file")
            files += inside
        else:
            files.append(path)
    return files


def read_catalog_files(paths: Iterable[str | os.PathLike[str]], *, taken: Mapping[str, str]) -> CatalogFiles:
    """Every framework, endorsement and crosswalk document in ``paths``, and every problem, in file order.

    ``taken`` maps the framework ids already in the catalog to their files: a file holding one of them (or
    an id an earlier file holds) is a ``duplicate_id`` problem naming both files.

    Raises:
        DataFileError: a path is missing or not a JSON or TOML file.
    """
    sources = dict(taken)
    found = CatalogFiles([], [], [], [])
    for file in expand_paths(paths):
        try:
            data, name = read_document(file)
            kind = resolve_type(data, name)
            if kind is EndorsementSet:
                endorsements = _convert.from_builtins(data, EndorsementSet, file=name).endorsements
                found.endorsements.extend((name, i, e) for i, e in enumerate(endorsements))
                continue
            if kind is CrosswalkDocument:
                found.documents.append((_convert.from_builtins(data, CrosswalkDocument, file=name), name))
                continue
            if kind is not Framework:
                raise ValidationError(
                    [Problem("", "expected a framework file (with 'principles')")], file=name
                )
            fw = _convert.from_builtins(data, Framework, file=name)
        except ValidationError as exc:
            found.problems.extend(exc.problems)
            continue
        if fw.id in sources:
            found.problems.append(
                Problem(
                    "id",
                    f"framework id {fw.id!r} is already in the catalog (from {sources[fw.id]})",
                    file=name,
                    code="duplicate_id",
                )
            )
            continue
        found.frameworks.append((fw, name))
        sources[fw.id] = name
    return found
