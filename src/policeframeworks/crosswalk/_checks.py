"""Checks of a crosswalk's ids against a catalog, shared by the crosswalk, its lint and the io readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._mapping import Mapping, Review, end_framework_id
from .._suggest import closest
from ..exceptions import Problem

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = ["id_problems", "review_id_problems", "unknown_end"]


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
