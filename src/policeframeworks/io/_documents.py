"""Model objects as plain data (``to_dict``/``from_dict``) and as JSON or TOML documents (``load``, ``dump``).

These are the functions :mod:`policeframeworks.io` names first; the file formats of crosswalks, assessments
and packages have modules of their own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar, overload

from .. import _convert
from ._files import (
    check_suffix,
    document_kind,
    parse,
    read_document,
    resolve_type,
    serialize,
    write_text_atomic,
)

__all__ = ["dump", "dumps", "file_kind", "from_dict", "load", "loads", "to_dict"]

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
