"""The bundled data: frameworks, endorsements and crosswalk documents, each read once (``functools.cache``).

The TOML files under ``policeframeworks/data`` are the source of truth. Reading them means the TOML parser and
the strict cattrs converter, which cost more than the whole of ``import policeframeworks``; so a pre-parsed
copy, ``data/prebuilt.json``, ships beside them (see :mod:`policeframeworks._prebuilt`). It is used only when
the checksum it records for every TOML file matches the file read now; otherwise (an edited TOML file, a
copy of another layout) the TOML files are read and converted as before. ``tests/test_prebuilt.py`` fails
when the copy differs from a fresh one; regenerate it with ``python -m policeframeworks._bundled``.

Files are read through the data package's loader (:func:`pkgutil.get_data`, the same protocol
:mod:`importlib.resources` uses), which works from a folder and from a zip file alike.

Example:
    >>> from policeframeworks._bundled import bundled_catalog
    >>> bundled = bundled_catalog()
    >>> [fw.id for fw in bundled.frameworks][:2], bundled.sources["uscm-2020"]
    (['uscm-2020', '8cantwait-2020'], 'policeframeworks/data/frameworks/uscm-2020.toml')
"""

from __future__ import annotations

import functools
import json
import pkgutil
from collections.abc import Mapping
from typing import Any, NamedTuple

from . import _prebuilt
from ._endorsement import EndorsementSet
from ._mapping import CrosswalkDocument
from ._model import Framework
from .exceptions import DataFileError, Problem, ValidationError

__all__ = [
    "PREBUILT",
    "BundledCatalog",
    "bundled_catalog",
    "bundled_documents",
    "bundled_sources",
    "prebuilt_text",
    "read_data_bytes",
    "read_data_toml",
]

_DATA_PACKAGE = "policeframeworks.data"
#: The pre-parsed copy of the bundled data, below ``policeframeworks/data``.
PREBUILT = "prebuilt.json"


class BundledCatalog(NamedTuple):
    """What the bundled catalog is made of (``load_catalog`` builds the :class:`Catalog` from it)."""

    frameworks: tuple[Framework, ...]
    sources: Mapping[str, str]
    data_version: str
    endorsements: EndorsementSet | None


def read_data_bytes(*parts: str) -> bytes:
    """One file of the bundled data (``parts`` below ``policeframeworks/data``), as bytes.

    Raises:
        DataFileError: the file is not there (a broken installation).
    """
    name = "/".join(parts)
    try:
        data = pkgutil.get_data(_DATA_PACKAGE, name)
    except OSError as exc:
        raise DataFileError(f"policeframeworks/data/{name}: cannot read ({exc})") from None
    if data is None:  # a loader without get_data: fall back on importlib.resources
        from importlib import resources

        return resources.files(_DATA_PACKAGE).joinpath(*parts).read_bytes()
    return data


def read_data_toml(*parts: str) -> dict[str, Any]:
    """One TOML file of the bundled data (``parts`` below ``policeframeworks/data``), parsed."""
    import tomllib

    return tomllib.loads(read_data_bytes(*parts).decode("utf-8"))


def bundled_catalog() -> BundledCatalog:
    """The bundled frameworks (in the index's order), their files, data version and endorsements (cached).

    Raises:
        ValidationError: a bundled file is invalid (every problem, each with its file).
    """
    return _catalog()


def bundled_documents() -> tuple[CrosswalkDocument, ...]:
    """The bundled crosswalk documents listed under ``crosswalks`` in ``data/catalog.toml`` (cached)."""
    return _documents()[0]


def bundled_sources() -> tuple[str, ...]:
    """The files the bundled crosswalk documents come from."""
    return _documents()[1]


@functools.cache
def _catalog() -> BundledCatalog:
    data = _fresh_prebuilt()
    if data is not None:
        try:
            frameworks = tuple(_prebuilt.build_framework(fw) for fw in data["frameworks"])
            endorsements = data.get("endorsements")
            return BundledCatalog(
                frameworks,
                dict(zip((fw.id for fw in frameworks), data["framework_sources"], strict=True)),
                data["data_version"],
                None if endorsements is None else _prebuilt.build_endorsements(endorsements),
            )
        except (KeyError, TypeError, ValueError):  # a damaged copy (ValidationError is a ValueError)
            pass  # the TOML files decide, as they always do
    return catalog_from_toml()


@functools.cache
def _documents() -> tuple[tuple[CrosswalkDocument, ...], tuple[str, ...]]:
    data = _fresh_prebuilt()
    if data is not None:
        try:
            return (_prebuilt.build_documents(data["crosswalks"]), tuple(data["crosswalk_sources"]))
        except (KeyError, TypeError, ValueError):
            pass
    return documents_from_toml()


@functools.cache
def _fresh_prebuilt() -> dict[str, Any] | None:
    """The pre-parsed copy, or None when it is missing, of another layout, or older than a TOML file."""
    try:
        data = json.loads(read_data_bytes(PREBUILT))
    except (DataFileError, OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _prebuilt.FORMAT:
        return None
    recorded = data.get("checksums")
    if not isinstance(recorded, dict) or _checksums(list(recorded)) != recorded:
        return None
    return data


def _checksums(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        try:
            out[name] = _prebuilt.checksum(read_data_bytes(*name.split("/")))
        except (DataFileError, OSError):
            out[name] = "missing"
    return out


def _index() -> dict[str, Any]:
    return read_data_toml("catalog.toml")


def catalog_from_toml() -> BundledCatalog:
    """The bundled catalog read from its TOML files through the strict converter (the source of truth)."""
    from . import _convert

    index = _index()
    frameworks: list[Framework] = []
    sources: dict[str, str] = {}
    problems: list[Problem] = []
    for fw_id in index["frameworks"]:
        name = f"policeframeworks/data/frameworks/{fw_id}.toml"
        try:
            fw = _convert.from_builtins(read_data_toml("frameworks", f"{fw_id}.toml"), Framework, file=name)
        except ValidationError as exc:
            problems += exc.problems
            continue
        if fw.id != fw_id:
            problems.append(Problem("id", f"file {fw_id}.toml holds framework {fw.id!r}", file=name))
        frameworks.append(fw)
        sources[fw.id] = name
    endorsements: EndorsementSet | None = None
    if "endorsements" in index:
        name = f"policeframeworks/data/{index['endorsements']}"
        try:
            data = read_data_toml(*index["endorsements"].split("/"))
            endorsements = _convert.from_builtins(data, EndorsementSet, file=name)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return BundledCatalog(tuple(frameworks), sources, index["data_version"], endorsements)


def documents_from_toml() -> tuple[tuple[CrosswalkDocument, ...], tuple[str, ...]]:
    """The bundled crosswalk documents and their files, read from TOML through the strict converter."""
    from . import _convert

    docs: list[CrosswalkDocument] = []
    names: list[str] = []
    problems: list[Problem] = []
    for name in _index().get("crosswalks", []):
        file = f"policeframeworks/data/crosswalks/{name}.toml"
        try:
            data = read_data_toml("crosswalks", f"{name}.toml")
            docs.append(_convert.from_builtins(data, CrosswalkDocument, file=file))
            names.append(file)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return (tuple(docs), tuple(names))


def prebuilt_text() -> str:
    """The text ``data/prebuilt.json`` must hold: the TOML files read through the strict converter.

    Raises:
        ValidationError: a bundled TOML file is invalid (nothing is generated from invalid data).
    """
    from . import _convert

    bundled = catalog_from_toml()
    docs, doc_sources = documents_from_toml()
    index = _index()
    files = [
        "catalog.toml",
        *(f"frameworks/{fw_id}.toml" for fw_id in index["frameworks"]),
        *([index["endorsements"]] if "endorsements" in index else []),
        *(f"crosswalks/{name}.toml" for name in index.get("crosswalks", [])),
    ]
    data: dict[str, Any] = {
        "format": _prebuilt.FORMAT,
        "generated": "from the TOML files beside it by `python -m policeframeworks._bundled`; do not edit",
        "checksums": _checksums(files),
        "data_version": bundled.data_version,
        "framework_sources": [bundled.sources[fw.id] for fw in bundled.frameworks],
        "frameworks": [_convert.to_builtins(fw) for fw in bundled.frameworks],
        "crosswalk_sources": list(doc_sources),
        "crosswalks": [_convert.to_builtins(doc) for doc in docs],
    }
    if bundled.endorsements is not None:
        data["endorsements"] = _convert.to_builtins(bundled.endorsements)
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _main() -> None:  # pragma: no cover - the developer's command; prebuilt_text() is what the tests run
    """Write ``data/prebuilt.json`` beside the TOML files of a source checkout."""
    from pathlib import Path

    from . import data

    target = Path(data.__file__).parent / PREBUILT
    text = prebuilt_text()
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    print(f"wrote {target} ({len(text):,} characters)")


if __name__ == "__main__":
    _main()
