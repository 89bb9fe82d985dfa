"""Citations: where a statement comes from (a frozen attrs class, no I/O).

Every framework, principle, explicit mapping and endorsement carries one; the class checks itself when built.

Example:
    >>> from policeframeworks import Citation
    >>> Citation(publisher="X", title="Y", url="example.org")
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 1 problem:
      url: 'example.org' is not an http:// or https:// address
"""

from __future__ import annotations

import attrs

from ._validate import date_problem, nonempty, raise_problems
from .exceptions import Problem

__all__ = ["Citation"]


@attrs.frozen(kw_only=True)
class Citation:
    """Where a statement comes from.

    Attributes:
        publisher: who published the source.
        title: the source's title.
        url: an ``http(s)://`` address.
        date: ISO date of the source, possibly reduced (``2020``, ``2020-06``).
        locator: section, page or paragraph within the source.

    Example:
        >>> Citation(publisher="PolicyLink", title="Beyond Confrontation",
        ...          url="http://www.policylink.org/resources-tools/tools/beyond-confrontation",
        ...          locator="principle 3").locator
        'principle 3'
    """

    publisher: str
    title: str
    url: str
    date: str | None = None
    locator: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = [
            p
            for p in (
                nonempty("publisher", self.publisher),
                nonempty("title", self.title),
                nonempty("url", self.url),
            )
            if p
        ]
        if (
            isinstance(self.url, str)
            and self.url.strip()
            and not self.url.startswith(("http://", "https://"))
        ):
            problems.append(Problem("url", f"{self.url!r} is not an http:// or https:// address"))
        problems += [p for p in [date_problem("date", self.date, required=False)] if p]
        if self.locator is not None:
            problems += [p for p in [nonempty("locator", self.locator)] if p]
        raise_problems(problems)
