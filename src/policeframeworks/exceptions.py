"""The package's errors: one tree under :class:`PoliceFrameworksError`.

Every error a user can cause is one of these. Problems in data are reported all at once, each with the file,
the path of the record and field, what was expected and, where it helps, a did-you-mean.

Example:
    >>> from policeframeworks.exceptions import Problem, ValidationError
    >>> err = ValidationError([Problem("principles[3].wording", "'verbatum' is not a wording",
    ...     suggestion="verbatim")], file="mine.toml")
    >>> print(err)
    1 problem in mine.toml:
      mine.toml: principles[3].wording: 'verbatum' is not a wording (did you mean 'verbatim'?)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "PROBLEM_CODES",
    "DataFileError",
    "PoliceFrameworksError",
    "Problem",
    "UnknownIdError",
    "ValidationError",
]


class PoliceFrameworksError(Exception):
    """The root of every error raised by policeframeworks."""


#: The machine-readable :attr:`policeframeworks.Problem.code` values, with what each means.
PROBLEM_CODES: dict[str, str] = {
    "invalid": "the value breaks a rule not covered by a more precise code",
    "unknown_key": "a key, field or column the format does not have",
    "missing": "a required key, field or value is absent or empty",
    "type": "a value of the wrong type (a number where text is expected, ...)",
    "enum": "a word that is not one of the allowed words (a did-you-mean is given where one is close)",
    "date": "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "id": "not a well-formed id (slug, principle id, FIPS code, ...)",
    "duplicate": "a value stated twice where it must be unique",
    "duplicate_id": "a second object with the same id",
    "unknown_id": "an id that names nothing known (close ids are suggested)",
    "range": "a number outside its allowed range",
    "conflict": "two values that contradict each other",
    "empty_header": "a CSV column without a header",
    "near_miss_header": "a CSV header that nearly matches a principle (a did-you-mean is given)",
    "missing_default": "CSV rows without a value the caller could have given as a default",
    "attribute_conflict": "a column map sends a column named as an attribute elsewhere",
    "unknown_target": "a column map sends a column to something that is neither a principle nor a field",
    "frameworks": "a column map names principles of several frameworks (a map is for one)",
}

_LAST_FIELD = re.compile(r"(?:column '([^']*)'|([A-Za-z_][A-Za-z0-9_]*))(?:\[\d+\])*$")


def _field_of(path: str) -> str:
    """The last field name of a path: ``wording`` for ``principles[3].wording``, ``holds`` for a column."""
    found = _LAST_FIELD.search(path.strip())
    if found is None:
        return ""
    return found.group(1) if found.group(1) is not None else found.group(2)


@attrs.frozen
class Problem:
    """One problem found in data.

    Callers that act on problems read :attr:`code` and :attr:`field`, never the message text, which may
    be reworded.

    Attributes:
        path: where the problem is, e.g. ``principles[3].wording``, or ``row 7, column 'holds'``;
            empty for the whole document.
        message: what is wrong and what was expected.
        file: the file the data came from, if any.
        suggestion: the closest valid value, for a did-you-mean.
        code: what kind of problem, one of :data:`~policeframeworks.exceptions.PROBLEM_CODES`
            (``"invalid"`` when nothing more precise applies).
        field: the name of the field (or column) the problem is in; by default the last name in ``path``
            (``wording`` for ``principles[3].wording``, ``holds`` for ``row 7, column 'holds'``), empty
            for the whole document.

    Example:
        >>> p = Problem("principles[3].wording", "'verbatum' is not one of ...", code="enum")
        >>> p.code, p.field
        ('enum', 'wording')
        >>> Problem("row 7, column 'holds'", "bad").field
        'holds'
    """

    path: str
    message: str
    file: str | None = None
    suggestion: str | None = None
    code: str = attrs.field(default="invalid", kw_only=True)
    field: str = attrs.field(
        default=attrs.Factory(lambda self: _field_of(self.path), takes_self=True), kw_only=True
    )

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.path) if p]
        text = ": ".join([*parts, self.message])
        if self.suggestion is not None:
            text += f" (did you mean {self.suggestion!r}?)"
        return text

    def within(self, prefix: str, file: str | None = None) -> Problem:
        """Return this problem with ``prefix`` put before its path (and ``file`` set if it had none).

        Example:
            >>> Problem("wording", "bad").within("principles[2]").path
            'principles[2].wording'
            >>> Problem("[0].id", "bad").within("principles").path
            'principles[0].id'
        """
        if not prefix:
            path = self.path
        elif not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        return attrs.evolve(
            self,
            path=path,
            file=self.file if self.file is not None else file,
            field=self.field or _field_of(path),
        )


class ValidationError(PoliceFrameworksError, ValueError):
    """Data that does not fit the model: lists every problem found, not just the first.

    Attributes:
        problems: every problem, in the order found.
        file: the file the data came from, if any.
    """

    problems: tuple[Problem, ...]
    file: str | None

    def __init__(self, problems: Iterable[Problem], file: str | None = None) -> None:
        found = tuple(
            p if p.file is not None or file is None else attrs.evolve(p, file=file) for p in problems
        )
        if not found:
            raise ValueError("a ValidationError needs at least one problem")
        self.problems = found
        self.file = file
        super().__init__(self._message())

    def _message(self) -> str:
        n = len(self.problems)
        where = f" in {self.file}" if self.file else ""
        head = f"{n} problem{'s' if n != 1 else ''}{where}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    def __str__(self) -> str:
        return self._message()

    def within(self, prefix: str, file: str | None = None) -> ValidationError:
        """Return the same problems with ``prefix`` put before each path."""
        return ValidationError(
            [p.within(prefix, file) for p in self.problems], file=self.file if self.file is not None else file
        )


class UnknownIdError(PoliceFrameworksError, KeyError):
    """An id that is not in the catalog (also a :class:`KeyError`), with the closest ids suggested.

    Example:
        >>> err = UnknownIdError("uscm", kind="framework", suggestions=["uscm-2020"])
        >>> print(err)
        unknown framework id 'uscm' (did you mean 'uscm-2020'?)
        >>> isinstance(err, KeyError)
        True
    """

    id: str
    kind: str
    suggestions: tuple[str, ...]

    def __init__(self, id: str, *, kind: str = "", suggestions: Sequence[str] = ()) -> None:
        self.id = id
        self.kind = kind
        self.suggestions = tuple(suggestions)
        super().__init__(id)

    def __str__(self) -> str:
        text = f"unknown {self.kind + ' ' if self.kind else ''}id {self.id!r}"
        if self.suggestions:
            text += " (did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?)"
        return text


class DataFileError(PoliceFrameworksError, OSError):
    """A data file that cannot be read or written: missing, a directory, unsupported format, not UTF-8."""
