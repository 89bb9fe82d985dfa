"""Codings of many coders grouped by unit (jurisdiction, framework, date), for agreement and adjudication.

Example:
    >>> import attrs
    >>> from policeframeworks import load_seed_assessments
    >>> k = load_seed_assessments()[0]
    >>> units, order = units_of([[k, attrs.evolve(k, assessor="b")]])
    >>> [len(by_coder) for by_coder in units.values()], [where for where, _ in order]
    ([2], ['assessments[0]', 'assessments[1]'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._assessment import Assessment
from ._model import Framework
from .exceptions import Problem, UnknownIdError, ValidationError

__all__ = ["framework_for", "units_of"]


def framework_for(framework_id: str, given: Mapping[str, Framework], where: str) -> Framework:
    """The framework ``framework_id``: one of ``given``, else the bundled one.

    Raises:
        ValidationError: neither has it (the problem is at ``where``, with close ids suggested).
    """
    found = given.get(framework_id)
    if found is not None:
        return found
    from ._catalog import load_catalog

    try:
        return load_catalog().framework(framework_id)
    except UnknownIdError as exc:
        raise ValidationError([Problem(where, str(exc))]) from None


def units_of(
    codings: Sequence[Iterable[Assessment]],
) -> tuple[dict[tuple[Any, ...], dict[str, Assessment]], list[tuple[str, Assessment]]]:
    """Assessments grouped by unit, then coder (assessor); and every assessment with where it was.

    Raises:
        ValidationError: a coder coded one unit twice (every repeat listed, with where the first was).
    """
    units: dict[tuple[Any, ...], dict[str, Assessment]] = {}
    seen: dict[tuple[Any, ...], str] = {}
    problems: list[Problem] = []
    order: list[tuple[str, Assessment]] = []
    for side, items in enumerate(codings):
        for i, a in enumerate(items):
            where = f"codings[{side}][{i}]" if len(codings) > 1 else f"assessments[{i}]"
            unit = (a.jurisdiction.key, a.framework_id, a.as_of)
            key = (*unit, a.assessor)
            if key in seen:
                problems.append(
                    Problem(
                        where,
                        f"{a.assessor!r} coded {a.jurisdiction}, {a.framework_id}, {a.as_of} twice "
                        f"(first at {seen[key]})",
                    )
                )
                continue
            seen[key] = where
            units.setdefault(unit, {})[a.assessor] = a
            order.append((where, a))
    if problems:
        raise ValidationError(problems)
    return units, order
