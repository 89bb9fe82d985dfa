"""Model objects from the pre-parsed copy of the bundled data (``data/prebuilt.json``), without cattrs.

The TOML files under ``policeframeworks/data`` are the source of truth. ``data/prebuilt.json`` holds the same
data after it went through the strict converter once (structured, checked, then unstructured back to plain
JSON values), with a checksum of every TOML file it came from. Reading it costs a ``json.loads`` and the
model classes' own constructors (each class still checks itself when built); the TOML parser and cattrs are
not imported. :mod:`policeframeworks._bundled` uses it only when every checksum matches the TOML files, so an
edited TOML file is never shadowed by a stale copy; ``tests/test_prebuilt.py`` regenerates the copy and
fails when it differs from the committed one (regenerate with ``python -m policeframeworks._bundled``).

This module is pure: it turns plain values into objects and objects into plain values; reading and
checksumming files is :mod:`policeframeworks._bundled`'s job.

Example:
    >>> from policeframeworks._prebuilt import build_framework
    >>> fw = build_framework({
    ...     "id": "ex", "family": "ex", "version": "1", "title": "Example", "short_title": "Ex",
    ...     "publisher": "X", "date": "2024", "kind": "principles", "data_version": "1",
    ...     "citation": {"publisher": "X", "title": "Y", "url": "https://example.org"},
    ...     "principles": [{"id": "ex:one", "title": "One", "text": "First.", "wording": "paraphrase",
    ...                     "themes": ["training"],
    ...                     "citation": {"publisher": "X", "title": "Y", "url": "https://example.org"}}]})
    >>> fw.principle("ex:one").wording
    <Wording.PARAPHRASE: 'paraphrase'>
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping as AnyMapping
from typing import Any

from ._citation import Citation
from ._endorsement import Endorsement, EndorsementSet
from ._mapping import CrosswalkDocument, Mapping, Review
from ._model import Framework, Principle

__all__ = [
    "FORMAT",
    "build_documents",
    "build_endorsements",
    "build_framework",
    "checksum",
]

#: The layout version of ``prebuilt.json``; a copy of another layout is never read (the TOML path is used).
FORMAT = 1


def checksum(data: bytes) -> str:
    """The checksum recorded for one source file (CRC-32, hex): it tells a stale copy, not an attack.

    Example:
        >>> checksum(b"data_version = '1'")
        '6d1eb993'
    """
    return f"{zlib.crc32(data):08x}"


def _citation(data: AnyMapping[str, Any]) -> Citation:
    return Citation(**data)


def _principle(data: AnyMapping[str, Any]) -> Principle:
    fields = dict(data)
    fields["citation"] = _citation(fields["citation"])
    if "children" in fields:
        fields["children"] = [_principle(child) for child in fields["children"]]
    return Principle(**fields)


def build_framework(data: AnyMapping[str, Any]) -> Framework:
    """A :class:`Framework` from its unstructured form (what the strict converter writes).

    Raises:
        ValidationError: the data does not make a valid framework (each class checks itself).
    """
    fields = dict(data)
    fields["citation"] = _citation(fields["citation"])
    fields["principles"] = [_principle(p) for p in fields["principles"]]
    if "framing" in fields:
        fields["framing"] = [_principle(p) for p in fields["framing"]]
    return Framework(**fields)


def _endorsement(data: AnyMapping[str, Any]) -> Endorsement:
    fields = dict(data)
    fields["citation"] = _citation(fields["citation"])
    return Endorsement(**fields)


def build_endorsements(data: AnyMapping[str, Any]) -> EndorsementSet:
    """An :class:`EndorsementSet` from its unstructured form."""
    return EndorsementSet(
        data_version=data["data_version"],
        endorsements=[_endorsement(e) for e in data["endorsements"]],
    )


def _mapping(data: AnyMapping[str, Any]) -> Mapping:
    fields = dict(data)
    if "citation" in fields:
        fields["citation"] = _citation(fields["citation"])
    return Mapping(**fields)


def build_documents(data: list[AnyMapping[str, Any]]) -> tuple[CrosswalkDocument, ...]:
    """Crosswalk documents from their unstructured forms, in order."""
    out = []
    for doc in data:
        fields = dict(doc)
        fields["mappings"] = [_mapping(m) for m in fields["mappings"]]
        if "reviews" in fields:
            fields["reviews"] = [Review(**r) for r in fields["reviews"]]
        out.append(CrosswalkDocument(**fields))
    return tuple(out)
