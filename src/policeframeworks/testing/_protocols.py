"""Typed protocols of the pytest plugin's factory fixtures, for your type checker (no pytest import).

Example:
    >>> from policeframeworks.testing import FrameworkFactory
    >>> def test_uses_the_factory(pf_framework: FrameworkFactory) -> None:
    ...     assert pf_framework("uscm-2020").id == "uscm-2020"
    >>> from policeframeworks import load_catalog
    >>> test_uses_the_factory(load_catalog().framework)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .._model import Framework

__all__ = ["FrameworkFactory"]


class FrameworkFactory(Protocol):
    """The ``pf_framework`` fixture: a bundled framework by id.

    Calling it with an unknown id raises :class:`~policeframeworks.UnknownIdError` naming the closest ids.
    """

    def __call__(self, framework_id: str, /) -> Framework:
        """The bundled framework with this id."""
        ...
