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

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "DataFileError",
    "PoliceFrameworksError",
    "Problem",
    "UnknownIdError",
    "ValidationError",
]


class PoliceFrameworksError(Exception):
    """The root of every error raised by policeframeworks."""


@attrs.frozen
class Problem:
    """One problem found in data.

    Attributes:
        path: where the problem is, e.g. ``principles[3].wording``, or ``row 7, column 'holds'``;
            empty for the whole document.
        message: what is wrong and what was expected.
        file: the file the data came from, if any.
        suggestion: the closest valid value, for a did-you-mean.
        code: what kind of problem it is, for programs (empty where none is assigned yet), e.g.
            ``near_miss_header`` (a CSV header that nearly matches a principle) or ``missing_default``
            (a CSV row without a value the caller could have given as a default).
        field: the field or column the problem is about, for programs (empty where none is assigned).
    """

    path: str
    message: str
    file: str | None = None
    suggestion: str | None = None
    code: str = ""
    field: str = ""

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
        return attrs.evolve(self, path=path, file=self.file if self.file is not None else file)


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
