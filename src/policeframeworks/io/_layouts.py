"""Known published layouts: the bundled descriptors of well-known datasets, and the headers they teach.

Each file under ``data/layouts/`` is a dataset descriptor (see :mod:`policeframeworks.io._descriptor`)
without a ``path``: the framework, the column map of the publisher's own headers, the cell conventions and
the source. Their column maps are also recognised without a descriptor, by
:func:`~policeframeworks.io.read_assessments_csv`, for files read against the same framework.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["known_headers", "raw_layouts", "layout_data"]

_PACKAGE = "policeframeworks.data"


@functools.cache
def raw_layouts() -> Mapping[str, Mapping[str, Any]]:
    """Layout id -> the raw table of its bundled descriptor, read on first use."""
    import tomllib
    from importlib import resources

    out: dict[str, Mapping[str, Any]] = {}
    for entry in sorted(resources.files(_PACKAGE).joinpath("layouts").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            out[entry.name[: -len(".toml")]] = tomllib.loads(entry.read_text(encoding="utf-8"))
    return MappingProxyType(out)


def layout_data(layout_id: str) -> Mapping[str, Any] | None:
    """The raw table of one known layout, or None."""
    return raw_layouts().get(layout_id)


@functools.cache
def known_headers(framework_id: str) -> Mapping[str, str]:
    """Normalised header -> target (field, principle id or ``"attribute"``) of the known layouts.

    Only the layouts of ``framework_id`` count; a header two layouts map differently is left out.

    Example:
        >>> known_headers("8cantwait-2020")["requires exhaust other means before shooting"]
        '8cantwait-2020:exhaust-all-alternatives-before-shooting'
    """
    from ._csv_columns import hnorm

    found: dict[str, str] = {}
    clash: set[str] = set()
    for data in raw_layouts().values():
        if data.get("framework") != framework_id:
            continue
        translated = set(dict(data.get("values", {})))
        for header, target in dict(data.get("columns", {})).items():
            if target in translated:  # its cells need the layout's values table: only with the layout
                continue
            key = hnorm(header)
            if found.get(key, target) != target:
                clash.add(key)
            found[key] = target
    return MappingProxyType({k: v for k, v in found.items() if k not in clash})
