"""Shared checks of the model layer, with public-in-package names (the package's own modules use them).

Every model class checks its fields with these, so one kind of problem is always worded the same way and
carries the same :attr:`~policeframeworks.Problem.code`.

Example:
    >>> from policeframeworks._validate import enum_problem, nonempty
    >>> from policeframeworks import Wording
    >>> print(enum_problem("wording", "verbatum", Wording))
    wording: 'verbatum' is not one of verbatim, excerpt, paraphrase (did you mean 'verbatim'?)
    >>> nonempty("title", " ").code
    'missing'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from ._ids import is_partial_date
from ._suggest import closest, first_or_none
from .exceptions import Problem, UnknownIdError, ValidationError

__all__ = [
    "DATE_FORMS",
    "as_tuple",
    "date_problem",
    "enum_problem",
    "enum_words",
    "nonempty",
    "parse_enum",
    "raise_problems",
    "str_tuple",
    "string_tuple_problems",
    "to_enum",
    "typed_tuple_problems",
    "unknown_id",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
S = TypeVar("S", bound=enum.StrEnum)

#: The date forms the package accepts, as every "is not an ISO date" message names them.
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


@functools.cache
def enum_words(cls: type[enum.StrEnum]) -> tuple[str, ...]:
    """The words of an enum, in definition order (computed once per enum, not on every check).

    Example:
        >>> from policeframeworks import Wording
        >>> enum_words(Wording)
        ('verbatim', 'excerpt', 'paraphrase')
    """
    return tuple(m.value for m in cls)


def enum_problem(field: str, value: object, cls: type[enum.StrEnum]) -> Problem | None:
    """None for a member of ``cls`` or one of its words, else the problem with a did-you-mean."""
    if isinstance(value, cls):
        return None
    words = enum_words(cls)
    if isinstance(value, str) and value in words:
        return None
    shown = ", ".join(words)
    hint = first_or_none(value, words) if isinstance(value, str) else None
    return Problem(field, f"{value!r} is not one of {shown}", suggestion=hint, code="enum")


def parse_enum(field: str, value: S | str, cls: type[S]) -> S:
    """The member of ``cls`` that ``value`` is or names.

    Example:
        >>> from policeframeworks import Theme
        >>> parse_enum("theme", "training", Theme)
        <Theme.TRAINING: 'training'>
        >>> parse_enum("theme", "trainig", Theme)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          theme: 'trainig' is not one of use-of-force, ... (did you mean 'training'?)

    Raises:
        ValidationError: anything else, with the words listed and the closest one suggested (code ``enum``).
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
    problem = enum_problem(field, value, cls)
    raise ValidationError([problem] if problem else [Problem(field, f"{value!r} is not a {cls.__name__}")])


def nonempty(field: str, value: object) -> Problem | None:
    """None for a string with something in it, else the problem (``type`` or ``missing``)."""
    if not isinstance(value, str):
        return Problem(field, f"expected a string, got {type(value).__name__} {value!r}", code="type")
    if not value.strip():
        return Problem(field, "must not be empty", code="missing")
    return None


def padded(field: str, value: object) -> Problem | None:
    """None unless a text has surrounding white space, which CSV cannot keep (its readers strip cells)."""
    if isinstance(value, str) and value != value.strip():
        return Problem(field, f"{value!r} has surrounding spaces; strip them", code="invalid")
    return None


def date_problem(field: str, value: object, *, required: bool) -> Problem | None:
    """None for an ISO date (possibly reduced: a year, a month) or an allowed None, else the problem."""
    if value is None and not required:
        return None
    if not (isinstance(value, str) and is_partial_date(value)):
        return Problem(field, f"{value!r} is not an ISO date ({DATE_FORMS})", code="date")
    return None


def raise_problems(problems: Sequence[Problem]) -> None:
    """Raise one :class:`ValidationError` listing every problem, if there is any."""
    if problems:
        raise ValidationError(problems)


def to_enum(cls: type[E], value: E | str) -> E:
    """A valid enum word becomes its member; anything else is left for the check to report."""
    if isinstance(value, str) and not isinstance(value, cls):
        try:
            return cls(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """A list becomes a tuple; anything else is left for the check to report (never silently coerced)."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


# A concrete converter for string fields: the attrs mypy plugin types ``__init__`` from a converter's
# argument, and cannot do so from a generic one, so users' type checkers would reject a plain tuple.
def str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """A list of strings becomes a tuple; anything else is left for the check to report."""
    return as_tuple(value)


def string_tuple_problems(field: str, value: object, *, unique: bool) -> list[Problem]:
    """Problems of a tuple of non-empty strings (optionally unique, ignoring case)."""
    if not isinstance(value, tuple):
        return [Problem(field, "expected a list of strings", code="type")]
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():  # the item's path is formatted only for a problem
            problems += [p for p in [nonempty(f"{field}[{i}]", item)] if p]
            continue
        key = item.casefold()
        if unique and key in seen:
            problems.append(Problem(f"{field}[{i}]", f"{item!r} is listed twice", code="duplicate"))
        seen.add(key)
    return problems


def typed_tuple_problems(field: str, value: object, cls: type) -> list[Problem]:
    """Problems of a tuple whose items must all be ``cls`` instances."""
    if not isinstance(value, tuple):
        return [Problem(field, f"expected a list of {cls.__name__}", code="type")]
    return [
        Problem(f"{field}[{i}]", f"expected {cls.__name__}, got {type(v).__name__}", code="type")
        for i, v in enumerate(value)
        if not isinstance(v, cls)
    ]


def unknown_id(value: str, kind: str, candidates: Iterable[str] | dict[str, Any]) -> UnknownIdError:
    """The :class:`UnknownIdError` for ``value``, with the closest candidates suggested."""
    return UnknownIdError(value, kind=kind, suggestions=closest(value, list(candidates)))
