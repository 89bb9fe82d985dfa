"""Crosswalk files of any kind, told by extension: TOML/JSON documents, CSV, SSSOM/TSV; read into mappings.

This module reads files into mappings and declared reviews, every id checked against the catalog and every
problem naming its file; :func:`policeframeworks.io.read_crosswalk` builds the crosswalk.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _convert
from .._mapping import CrosswalkDocument, Mapping, Review
from ..crosswalk._checks import document_problems
from ..exceptions import Problem, ValidationError
from ._crosswalk_csv import parse_csv, raw_mapping_problems
from ._files import read_document, read_text
from ._sssom_read import parse_sssom

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["read_files", "read_one"]

#: The file name endings :func:`read_one` reads as SSSOM/TSV.
SSSOM_SUFFIXES = (".sssom.tsv", ".tsv")


def read_one(path: str | os.PathLike[str], catalog: Catalog) -> tuple[list[Mapping], list[Review]]:
    """The mappings and reviews of one file: a TOML/JSON crosswalk document, CSV or SSSOM/TSV (by extension).

    Raises:
        DataFileError: the file is missing, unreadable or of another type.
        ValidationError: every problem in the file, each naming it.
    """
    if Path(path).suffix.lower() == ".csv":
        return parse_csv(read_text(Path(path)), catalog, str(path)), []
    if Path(path).name.lower().endswith(SSSOM_SUFFIXES):
        return parse_sssom(read_text(Path(path)), catalog, file=str(path))
    data, name = read_document(path)
    try:
        doc = _convert.from_builtins(data, CrosswalkDocument, file=name)
    except ValidationError as exc:
        extra: list[Problem] = []
        raw = data.get("mappings") if isinstance(data, dict) else None
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                mine = tuple(p for p in exc.problems if p.path.startswith(f"mappings[{i}]."))
                local = tuple(Problem(p.path.removeprefix(f"mappings[{i}]."), p.message) for p in mine)
                raw_problems = raw_mapping_problems(item, already=local, catalog=catalog)
                extra += [p.within(f"mappings[{i}]", name) for p in raw_problems]
        raise ValidationError([*exc.problems, *extra], file=name) from None
    problems = document_problems([doc], catalog, [name])
    if problems:
        raise ValidationError(problems)
    return list(doc.mappings), list(doc.reviews)


def read_files(
    paths: Iterable[str | os.PathLike[str]], catalog: Catalog, *, include_bundled: bool
) -> tuple[list[Mapping], list[Review]]:
    """The mappings and reviews of several files, in order, after the catalog's own with ``include_bundled``.

    Every problem in every file is reported in one :class:`ValidationError`.
    """
    mappings: list[Mapping] = list(catalog.crosswalk.mappings) if include_bundled else []
    reviews: list[Review] = list(catalog.crosswalk.reviews) if include_bundled else []
    problems: list[Problem] = []
    for path in paths:
        try:
            found, declared = read_one(path, catalog)
        except ValidationError as exc:
            problems += exc.problems
        else:
            mappings += found
            reviews += declared
    if problems:
        raise ValidationError(problems)
    return mappings, reviews
