"""Checks of a crosswalk's ids against a catalog, shared by the crosswalk, its lint and the io readers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._mapping import CrosswalkDocument, Mapping, Review, end_framework_id
from .._suggest import closest
from .._validate import unknown_id
from ..exceptions import Problem

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["check_end", "document_problems", "id_problems", "review_id_problems", "unknown_end"]


def id_problems(m: Mapping, catalog: Catalog, path: str) -> list[Problem]:
    return [
        unknown_end(getattr(m, field), catalog, f"{path}.{field}" if path else field)
        for field in ("source", "target")
        if getattr(m, field) not in catalog
    ]


def review_id_problems(r: Review, catalog: Catalog, path: str) -> list[Problem]:
    """Problems for a declared review naming a framework the catalog does not hold (with did-you-mean)."""
    out = []
    for field in ("source", "target"):
        fw = getattr(r, field)
        if fw not in catalog.framework_ids:
            found = closest(fw, list(catalog.framework_ids), n=1)
            out.append(
                Problem(
                    f"{path}.{field}",
                    f"unknown framework {fw!r}",
                    suggestion=found[0] if found else None,
                    code="unknown_id",
                )
            )
    return out


def unknown_end(end: str, catalog: Catalog, path: str) -> Problem:
    """The problem for an id not in the catalog, with the closest id (same framework first) suggested."""
    fw = end_framework_id(end)
    if fw in catalog.framework_ids:
        pool = [fw, *catalog.framework(fw).by_id]
    else:
        pool = [*catalog.framework_ids, *(p for f in catalog for p in f.by_id)]
    found = closest(end, pool, n=1)
    return Problem(path, f"unknown id {end!r}", suggestion=found[0] if found else None, code="unknown_id")


def document_problems(
    documents: Sequence[CrosswalkDocument], catalog: Catalog, sources: Sequence[str | None] = ()
) -> list[Problem]:
    """Every unknown id of several crosswalk documents' mappings and reviews, each naming its file.

    ``sources`` gives, for each document, the file it came from (the rest are named by path only).
    """
    problems: list[Problem] = []
    for n, doc in enumerate(documents):
        file = sources[n] if n < len(sources) else None
        for i, m in enumerate(doc.mappings):
            problems += [p.within("", file) for p in id_problems(m, catalog, f"mappings[{i}]")]
        for i, r in enumerate(doc.reviews):
            problems += [p.within("", file) for p in review_id_problems(r, catalog, f"reviews[{i}]")]
    return problems


def check_end(catalog: Catalog, end: str) -> None:
    """Raise :class:`UnknownIdError` (close ids suggested) unless ``end`` is a principle or framework."""
    if end not in catalog:
        everything = [*catalog.framework_ids, *(p for f in catalog for p in f.by_id)]
        raise unknown_id(end, "", everything)
