"""Bundled data read with :mod:`importlib.resources`, each read once (``functools.cache``)."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from ._mapping import CrosswalkDocument
from .exceptions import Problem, ValidationError

__all__ = ["bundled_documents", "bundled_sources"]


def bundled_documents() -> tuple[CrosswalkDocument, ...]:
    """The bundled crosswalk documents listed under ``crosswalks`` in ``data/catalog.toml`` (cached)."""
    return _bundled()[0]


def bundled_sources() -> tuple[str, ...]:
    """The files the bundled crosswalk documents come from."""
    return _bundled()[1]


@functools.cache
def _bundled() -> tuple[tuple[CrosswalkDocument, ...], tuple[str, ...]]:
    from . import _convert

    root = resources.files("policeframeworks.data")
    index = tomllib.loads(root.joinpath("catalog.toml").read_text(encoding="utf-8"))
    docs: list[CrosswalkDocument] = []
    names: list[str] = []
    problems: list[Problem] = []
    for name in index.get("crosswalks", []):
        file = f"policeframeworks/data/crosswalks/{name}.toml"
        text = root.joinpath("crosswalks", f"{name}.toml").read_text(encoding="utf-8")
        try:
            docs.append(_convert.from_builtins(tomllib.loads(text), CrosswalkDocument, file=file))
            names.append(file)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return (tuple(docs), tuple(names))
