"""Catalogs of the user's files: :func:`read_catalog` (framework, endorsement and crosswalk files).

The files are read by :mod:`policeframeworks.io._catalog_files` and checked against each other and the
bundled catalog by :func:`policeframeworks._catalog.catalog_of_files`; the deprecated
:meth:`Catalog.from_paths <policeframeworks.Catalog.from_paths>` does the same.
"""

from __future__ import annotations

import os

from .._bundled import bundled_catalog
from .._catalog import Catalog, catalog_of_files
from ._catalog_files import read_catalog_files

__all__ = ["read_catalog"]


def read_catalog(
    *paths: str | os.PathLike[str],
    include_bundled: bool = False,
    bundled_crosswalks: bool | None = None,
) -> Catalog:
    """The catalog of your own framework files (JSON or TOML), instead of or beside the bundled ones.

    A folder stands for every ``.toml`` and ``.json`` file in it, in name order. Every problem in every
    file is reported in one :class:`~policeframeworks.ValidationError`, each with its file and path. A file
    holding endorsements (see ``docs/reference/endorsements.md``) adds them to the catalog's; with
    ``include_bundled`` the bundled frameworks and endorsements are kept too, and a file may not reuse a
    bundled framework's id.

    Crosswalk files (documents with ``mappings``) among the paths extend the bundled crosswalk in
    :attr:`Catalog.crosswalk <policeframeworks.Catalog.crosswalk>`, or replace it with
    ``bundled_crosswalks=False`` (default: the same as ``include_bundled``); their ids are checked against
    the new catalog here.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_catalog
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> io.dump(load_catalog().framework("policylink-2014"), folder / "mine.toml")
        >>> io.read_catalog(folder).framework_ids
        ('policylink-2014',)
        >>> io.read_catalog(folder, include_bundled=True)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          ...mine.toml: id: framework id 'policylink-2014' is already in the catalog (from policeframeworks/data/frameworks/policylink-2014.toml)

    Raises:
        DataFileError: a path is missing or not a JSON or TOML file.
        ValidationError: a file does not hold a valid framework, or ids clash.
    """  # noqa: E501
    bundled = bundled_catalog() if include_bundled else None
    found = read_catalog_files(paths, taken=bundled.sources if bundled else {})
    return catalog_of_files(found, bundled, bundled_crosswalks=bundled_crosswalks)
