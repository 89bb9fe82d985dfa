"""Typed protocols of the pytest plugin's factory fixtures, for your type checker (no pytest import).

Example:
    >>> from policeframeworks.testing import FrameworkFactory
    >>> def test_uses_the_factory(pf_framework: FrameworkFactory) -> None:
    ...     assert pf_framework("uscm-2020").id == "uscm-2020"
    >>> from policeframeworks import load_catalog
    >>> test_uses_the_factory(load_catalog().framework)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .._assessment import Assessment
    from .._finding import Method
    from .._jurisdiction import Jurisdiction
    from .._model import Framework

__all__ = ["AssessmentFactory", "FrameworkFactory"]


class FrameworkFactory(Protocol):
    """The ``pf_framework`` fixture: a bundled framework by id.

    Calling it with an unknown id raises :class:`~policeframeworks.UnknownIdError` naming the closest ids.
    """

    def __call__(self, framework_id: str, /) -> Framework:
        """The bundled framework with this id."""
        ...


class AssessmentFactory(Protocol):
    """The ``pf_make_assessment`` fixture: a valid assessment from a few keyword arguments.

    Principles are named by id or by the slug after the framework id (``"duty-to-intervene"``); the ones
    not named stay ``unknown``. See :func:`policeframeworks.testing.make_assessment`.
    """

    def __call__(
        self,
        framework: str | Framework = "8cantwait-2020",
        *,
        adopted: Iterable[str] = (),
        partial: Iterable[str] = (),
        not_adopted: Iterable[str] = (),
        unknown: Iterable[str] = (),
        not_applicable: Iterable[str] = (),
        jurisdiction: str | Jurisdiction = "Springfield, IL",
        as_of: str = "2020-07-01",
        assessor: str = "test suite",
        method: str | Method = "document-review",
        reported_total: int | None = None,
    ) -> Assessment:
        """A valid assessment."""
        ...
