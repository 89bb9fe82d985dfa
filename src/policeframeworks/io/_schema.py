"""JSON Schema for the package's file types, generated from the attrs model itself.

:func:`json_schema` walks the fields of an attrs class and their type annotations and writes a JSON Schema
(draft 2020-12) for the plain data that :func:`policeframeworks.io.from_dict` accepts for that class, that is
for what a JSON or TOML file of that type holds:

- a field without a default is ``required``; a field with a default may be left out (files written by
  :func:`~policeframeworks.io.dump` leave out fields at their defaults);
- ``str``, ``int``, ``float`` and ``bool`` map to ``string``, ``integer``, ``number`` and ``boolean``
  (the converter never coerces one into another, and neither does the schema);
- an enum maps to its words (``"enum": [...]``); ``tuple[X, ...]`` to an array of ``X``, ``frozenset[X]``
  to an array of unique ``X``; ``X | None`` to ``X`` or ``null`` (JSON only: TOML has no null, leave the
  key out);
- a nested attrs class goes to ``$defs`` and is referred to with ``$ref`` (recursion, as in
  ``Principle.children``, is a ``$ref`` to itself);
- every object has ``additionalProperties: false``, as the converter rejects unknown keys;
- descriptions come from the ``Attributes:`` section of each class's docstring.

What the schema cannot say: the checks the model makes when an object is built (the id patterns, non-empty
strings, a child's id starting with its parent's, unique ids, ...). Data that passes the schema may still be
rejected by :func:`~policeframeworks.io.from_dict`; data the schema rejects is always rejected.

A field may override what is generated with ``attrs.field(metadata={"json_schema": {...}})``.
"""

from __future__ import annotations

import collections.abc
import enum
import inspect
import re
import types
import typing
from typing import Any

import attrs

from ..exceptions import Problem, ValidationError

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[Any, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def json_schema(cls: type) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for the plain data (a JSON or TOML file) of an attrs model class.

    Args:
        cls: an attrs class of the model, e.g. :class:`~policeframeworks.Framework`.

    Returns:
        The schema as plain data, ready for :func:`json.dumps`: the class's own object schema at the top,
        every nested class in ``$defs``.

    Raises:
        ValidationError: ``cls`` is not an attrs class, or a field has a type that has no JSON form.

    Example:
        >>> from policeframeworks import Citation, Framework
        >>> from policeframeworks.io import json_schema
        >>> schema = json_schema(Citation)
        >>> schema["required"]
        ['publisher', 'title', 'url']
        >>> schema["properties"]["date"]["anyOf"]
        [{'type': 'string'}, {'type': 'null'}]
        >>> schema["properties"]["url"]
        {'type': 'string', 'description': 'an ``http(s)://`` address.'}
        >>> schema["additionalProperties"]
        False
        >>> fw = json_schema(Framework)
        >>> fw["properties"]["principles"]["items"]
        {'$ref': '#/$defs/Principle'}
        >>> fw["$defs"]["Principle"]["properties"]["children"]["items"]
        {'$ref': '#/$defs/Principle'}
        >>> fw["$defs"]["Principle"]["properties"]["wording"]["enum"]
        ['verbatim', 'excerpt', 'paraphrase']
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise ValidationError([Problem("cls", f"{cls!r} is not an attrs class of the model")])
    builder = _Builder(cls)
    root = builder.object_schema(cls)
    schema: dict[str, Any] = {"$schema": DIALECT, "title": cls.__name__, **root}
    defs = {name: body for name, body in builder.defs.items() if name != cls.__name__}
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


class _Builder:
    """Collects the nested classes of one schema in ``defs``; the root class is referred to as ``#``."""

    def __init__(self, root: type) -> None:
        self.root = root
        self.defs: dict[str, dict[str, Any]] = {}
        self.in_progress: set[type] = set()

    def ref(self, cls: type) -> dict[str, Any]:
        if cls is self.root:
            return {"$ref": "#"}
        name = cls.__name__
        if name not in self.defs and cls not in self.in_progress:
            self.in_progress.add(cls)
            self.defs[name] = self.object_schema(cls)
            self.in_progress.discard(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        problems: list[Problem] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            override = field.metadata.get("json_schema")
            if override is not None:
                prop = dict(override)
            else:
                try:
                    prop = self.type_schema(hints.get(field.name, field.type))
                except _NoJsonForm as exc:
                    problems.append(Problem(f"{cls.__name__}.{field.name}", str(exc)))
                    continue
            if field.name in docs and "description" not in prop:
                prop["description"] = docs[field.name]
            properties[field.name] = prop
            if field.default is attrs.NOTHING:
                required.append(field.name)
        if problems:
            raise ValidationError(problems)
        body: dict[str, Any] = {"type": "object"}
        summary = class_summary(cls)
        if summary:
            body["description"] = summary
        body["properties"] = properties
        if required:
            body["required"] = required
        body["additionalProperties"] = False
        return body

    def type_schema(self, t: Any) -> dict[str, Any]:
        if t is Any:
            return {}
        if t is type(None) or t is None:
            return {"type": "null"}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            values = [m.value for m in t]
            kinds = sorted({_SCALARS[type(v)] for v in values if type(v) in _SCALARS})
            out: dict[str, Any] = {"type": kinds[0]} if len(kinds) == 1 else {}
            out["enum"] = values
            return out
        if t in _SCALARS:
            return {"type": _SCALARS[t]}
        if isinstance(t, type) and attrs.has(t):
            return self.ref(t)
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if origin in (typing.Union, types.UnionType):
            options = [self.type_schema(a) for a in args]
            return {"anyOf": options}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (tuple, list, frozenset, set, collections.abc.Sequence, collections.abc.Set):
            if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
                return {
                    "type": "array",
                    "prefixItems": [self.type_schema(a) for a in args],
                    "minItems": len(args),
                    "maxItems": len(args),
                }
            out = {"type": "array", "items": self.type_schema(args[0]) if args else {}}
            if origin in (frozenset, set, collections.abc.Set):
                out["uniqueItems"] = True
            return out
        if origin in (dict, collections.abc.Mapping):
            key = args[0] if args else str
            if key is not str:
                raise _NoJsonForm(f"a mapping with {key!r} keys has no JSON form (keys must be strings)")
            return {"type": "object", "additionalProperties": self.type_schema(args[1]) if args else {}}
        raise _NoJsonForm(f"type {t!r} has no JSON Schema form")


class _NoJsonForm(Exception):
    """A type annotation that the generator cannot express."""


def class_summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    first = doc.split("\n\n", 1)[0]
    return " ".join(first.split())


_ATTR_LINE = re.compile(r"^(\w+)(?: \([^)]*\))?: (.*)$")


def attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style class docstring, as ``{name: one-line text}``.

    Example:
        >>> from policeframeworks import Citation
        >>> attribute_docs(Citation)["url"]
        'an ``http(s)://`` address.'
    """
    doc = inspect.getdoc(cls) or ""
    lines = doc.splitlines()
    out: dict[str, str] = {}
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Attributes:")
    except StopIteration:
        return out
    indent: int | None = None
    current: str | None = None
    for line in lines[start + 1 :]:
        if not line.strip():
            current = None
            continue
        width = len(line) - len(line.lstrip())
        if indent is None:
            indent = width
        if width < indent:
            break
        match = _ATTR_LINE.match(line.strip()) if width == indent else None
        if match:
            current = match.group(1)
            out[current] = match.group(2).strip()
        elif current is not None and width > indent:
            out[current] += " " + line.strip()
        else:
            break
    return out
