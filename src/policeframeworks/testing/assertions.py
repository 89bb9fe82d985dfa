"""Assertion helpers for your tests: plain functions raising :class:`AssertionError` with readable messages.

They need neither pytest nor Hypothesis. Use them on data your code produces or edits: they check what
the constructors cannot, namely that the data survives being written and read back.

- :func:`assert_valid_catalog`: frameworks load, ids are unique, and everything survives JSON and TOML.
- :func:`assert_crosswalk_clean`: every id of a crosswalk exists and
  :meth:`Crosswalk.lint <policeframeworks.Crosswalk.lint>` finds nothing.

Example:
    >>> from policeframeworks import load_catalog
    >>> from policeframeworks.testing.assertions import assert_valid_catalog
    >>> assert_valid_catalog(load_catalog())
    >>> assert_valid_catalog(["no-such-file.toml"])
    Traceback (most recent call last):
    ...
    AssertionError: not a valid catalog:
      no-such-file.toml: no such file
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .._catalog import Catalog
from .._mapping import Mapping
from .._model import Framework
from ..crosswalk import Crosswalk
from ..exceptions import DataFileError, ValidationError
from ..io import read_catalog, read_crosswalk

__all__ = ["assert_crosswalk_clean", "assert_valid_catalog"]

#: What :func:`assert_valid_catalog` takes: a catalog, frameworks, or framework file paths.
CatalogLike = (
    Catalog | Framework | Iterable[Framework] | str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
)


def assert_valid_catalog(catalog: CatalogLike, *, include_bundled: bool = False) -> None:
    """Assert that frameworks make a valid catalog that survives JSON and TOML round trips.

    Checks, reporting every failure at once:

    - framework files (paths) load: every problem with its file and path, as
      :func:`policeframeworks.io.read_catalog` reports them;
    - framework ids are unique;
    - each framework is unchanged after writing and reading it back as plain data, JSON and TOML, and its
      text can be written as UTF-8. The first differing field is named.

    Args:
        catalog: a :class:`~policeframeworks.Catalog`, a framework, frameworks, or framework file paths
            (a folder stands for the ``.toml`` and ``.json`` files in it).
        include_bundled: with paths, load them beside the bundled frameworks (ids must not clash).

    Raises:
        AssertionError: one message listing every problem found.

    Example:
        >>> from policeframeworks import load_catalog
        >>> fws = load_catalog().frameworks
        >>> assert_valid_catalog([fws[0], fws[1]])
        >>> assert_valid_catalog([fws[0], fws[0]])
        Traceback (most recent call last):
        ...
        AssertionError: not a valid catalog:
          frameworks[1].id: duplicate framework id 'uscm-2020'
    """
    __tracebackhide__ = True
    try:
        built = _as_catalog(catalog, include_bundled=include_bundled)
    except ValidationError as exc:
        raise AssertionError(_message([str(p) for p in exc.problems])) from None
    except DataFileError as exc:
        raise AssertionError(_message([str(exc)])) from None
    problems: list[str] = []
    for i, fw in enumerate(built.frameworks):
        where = built.sources.get(fw.id) or f"frameworks[{i}] ({fw.id})"
        problems += [f"{where}: {p}" for p in _round_trip_problems(fw)]
    if problems:
        raise AssertionError(_message(problems))


def _message(problems: list[str], head: str = "not a valid catalog:") -> str:
    return "\n".join([head, *(f"  {p}" for p in problems)])


def _as_catalog(catalog: CatalogLike, *, include_bundled: bool) -> Catalog:
    if isinstance(catalog, Catalog):
        return catalog
    if isinstance(catalog, Framework):
        return Catalog([catalog])
    if isinstance(catalog, (str, os.PathLike)):
        return read_catalog(catalog, include_bundled=include_bundled)
    items: list[Any] = list(catalog)
    if items and all(isinstance(item, (str, os.PathLike)) for item in items):
        return read_catalog(*items, include_bundled=include_bundled)
    return Catalog(items)


def _round_trip_problems(fw: Framework) -> list[str]:
    import json
    import tomllib

    from .. import io
    from ..io._files import lone_surrogate

    data = io.to_dict(fw)
    surrogate = lone_surrogate(data, "")
    if surrogate is not None:
        # Neither JSON nor TOML files can hold it: they are UTF-8.
        return [f"cannot be written as JSON or TOML (UTF-8): {surrogate.path}: {surrogate.message}"]
    problems: list[str] = []
    for label, fmt in (("JSON", "json"), ("TOML", "toml")):
        try:
            text = io.dumps(fw, fmt)
        except ValueError as exc:
            problems.append(f"cannot be written as {label}: {exc}")
            continue
        parsed = json.loads(text) if fmt == "json" else tomllib.loads(text)
        if parsed != data:
            problems.append(f"changes in a {label} round trip: {_first_difference(data, parsed)}")
            continue
        try:
            back = io.from_dict(parsed, Framework)
        except ValidationError as exc:
            problems.append(f"cannot be read back from {label}: {exc.problems[0]}")
            continue
        if back != fw:
            problems.append(f"changes in a {label} round trip: {_first_difference(data, io.to_dict(back))}")
    return problems


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    """The path of the first difference between two plain-data values, and both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in b:
                return f"{sub}: missing after the round trip"
            if key not in a:
                return f"{sub}: appeared in the round trip"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], sub)
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items became {len(b)}"
    return f"{path or 'document'}: {a!r} became {b!r}"


#: What :func:`assert_crosswalk_clean` takes: a crosswalk, mappings, or crosswalk file paths.
CrosswalkLike = Crosswalk | Iterable[Mapping] | str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def assert_crosswalk_clean(crosswalk: CrosswalkLike, *, catalog: Catalog | None = None) -> None:
    """Assert that a crosswalk loads and :meth:`Crosswalk.lint <policeframeworks.Crosswalk.lint>` is empty.

    Lint finds unknown ids (with the closest ids), self-mappings, duplicates, conflicting relationships
    for one pair, pairs stated both related and unrelated (also through a parent or a whole framework),
    subsets both ways without ``equal``, and cycles of strict subsets. Each is one line of the message,
    with the positions and the mappings involved.

    Args:
        crosswalk: a :class:`~policeframeworks.Crosswalk`, a list of mappings, or crosswalk files (TOML,
            JSON or CSV), read without the bundled crosswalk.
        catalog: the catalog the ids refer to (default: the crosswalk's own, or the bundled catalog).

    Raises:
        AssertionError: one message listing every problem found.

    Example:
        >>> from policeframeworks import load_catalog
        >>> cw = load_catalog().crosswalk
        >>> assert_crosswalk_clean(cw)
        >>> m = cw.mappings[0]
        >>> assert_crosswalk_clean([m, m.inverse()])
        Traceback (most recent call last):
        ...
        AssertionError: crosswalk is not clean:
          mappings[0], mappings[1]: duplicate: ...
    """
    __tracebackhide__ = True
    try:
        built = _as_crosswalk(crosswalk, catalog)
    except ValidationError as exc:
        raise AssertionError(_message([str(p) for p in exc.problems], "crosswalk is not clean:")) from None
    except DataFileError as exc:
        raise AssertionError(_message([str(exc)], "crosswalk is not clean:")) from None
    lines = []
    for problem in built.lint():
        where = ", ".join(f"mappings[{i}]" for i in problem.indices)
        lines.append(f"{where}: {problem.kind.value}: {problem.message}")
    if lines:
        raise AssertionError(_message(lines, "crosswalk is not clean:"))


def _as_crosswalk(crosswalk: CrosswalkLike, catalog: Catalog | None) -> Crosswalk:
    if isinstance(crosswalk, Crosswalk):
        if catalog is None or catalog is crosswalk.catalog:
            return crosswalk
        return Crosswalk(crosswalk.mappings, catalog=catalog, check_ids=False)
    if isinstance(crosswalk, (str, os.PathLike)):
        return read_crosswalk(crosswalk, catalog=catalog)
    items: list[Any] = list(crosswalk)
    if items and all(isinstance(item, (str, os.PathLike)) for item in items):
        return read_crosswalk(*items, catalog=catalog)
    return Crosswalk(items, catalog=catalog, check_ids=False)  # None: the bundled catalog
