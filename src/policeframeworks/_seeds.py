"""The bundled seed assessments (read with :mod:`importlib.resources` on first call, then cached)."""

from __future__ import annotations

import functools

from ._assessment import Assessment
from ._bundled import read_data_toml
from ._catalog import load_catalog
from ._convert import from_builtins
from ._validate import raise_problems
from .exceptions import Problem, ValidationError

__all__ = ["load_seed_assessments"]


@functools.cache
def load_seed_assessments() -> tuple[Assessment, ...]:
    """The bundled example assessments, read on first call and cached.

    The bundled seed is Kankakee, IL, 15 June 2020, against 8 Can't Wait: a self-report of alignment
    with "five of the eight" policies, of which only the duty to intervene is named.

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> [str(a.jurisdiction) for a in load_seed_assessments()]
        ['Kankakee, IL']
    """
    catalog = load_catalog()
    index = read_data_toml("catalog.toml")
    out: list[Assessment] = []
    problems: list[Problem] = []
    for name in index.get("assessments", []):
        file = f"policeframeworks/data/assessments/{name}.toml"
        data = read_data_toml("assessments", f"{name}.toml")
        try:
            found = from_builtins(data, Assessment, file=file)
            found.check(catalog.framework(found.framework_id))
            out.append(found)
        except ValidationError as exc:
            problems += [p.within("", file) for p in exc.problems]
    raise_problems(problems)
    return tuple(out)
