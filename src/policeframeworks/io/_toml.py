"""A small TOML writer for the package's own data (the standard library reads TOML but has no writer).

It writes what the converter produces: tables, arrays of tables, strings, numbers, booleans and lists.
Tables come after plain keys, so the output reads like a hand-written file.

Example:
    >>> print(dumps({"id": "ex", "tags": ["a", "b"], "citation": {"url": "https://example.org"}}))
    id = "ex"
    tags = ["a", "b"]
    <BLANKLINE>
    [citation]
    url = "https://example.org"
    <BLANKLINE>
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ..exceptions import PoliceFrameworksError

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


class TomlWriteError(PoliceFrameworksError, ValueError):
    """A value TOML cannot hold (a null, NaN, infinity, a non-string key, an unknown type).

    One of the package's errors (and a :class:`ValueError`), naming the path of the value.
    """


def dumps(data: Mapping[str, Any]) -> str:
    """Serialize a mapping to TOML text."""
    lines: list[str] = []
    _table(data, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _key(key: object, path: list[str]) -> str:
    if not isinstance(key, str):
        raise TomlWriteError(f"{'.'.join(path) or 'document'}: key {key!r} is not a string")
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _is_table_array(value: object) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(data: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        k = _key(key, path)
        if isinstance(value, Mapping) or _is_table_array(value):
            tables.append((k, value))
        else:
            lines.append(f"{k} = {_inline(value, [*path, str(key)])}")
    for k, value in tables:
        sub = [*path, k]
        if isinstance(value, Mapping):
            lines.append("")
            lines.append(f"[{'.'.join(sub)}]")
            _table(value, sub, lines)
        else:
            for item in value:
                lines.append("")
                lines.append(f"[[{'.'.join(sub)}]]")
                _table(item, sub, lines)


def _inline(value: Any, path: list[str]) -> str:
    if value is None:
        raise TomlWriteError(f"{'.'.join(path)}: TOML has no null; leave the key out instead")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise TomlWriteError(f"{'.'.join(path)}: {value!r} cannot be written")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k, path)} = {_inline(v, [*path, str(k)])}" for k, v in value.items())
        return "{" + (f" {inner} " if inner else "") + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_inline(v, [*path, f"[{i}]"]) for i, v in enumerate(value)) + "]"
    raise TomlWriteError(f"{'.'.join(path)}: cannot write a {type(value).__name__}")
