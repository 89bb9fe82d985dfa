"""Testing kit: Hypothesis strategies, a pytest plugin and assertion helpers for your own test suites.

Nothing here is imported by ``import policeframeworks``, and importing this package imports neither
Hypothesis nor pytest: each submodule imports only what it needs.

- :mod:`policeframeworks.testing.strategies`: Hypothesis strategies of valid objects (needs ``hypothesis``).
- :mod:`policeframeworks.testing.assertions`: :func:`assert_valid_catalog` and
  :func:`assert_crosswalk_clean`, usable without pytest.
- :func:`make_assessment`: a valid assessment from a few keyword arguments (no pytest needed).
- :mod:`policeframeworks.testing.pytest_plugin`: the fixtures ``pf_catalog``, ``pf_framework``,
  ``pf_crosswalk``, ``pf_kankakee`` and ``pf_make_assessment``, loaded automatically by pytest once the
  package is installed; :class:`FrameworkFactory` and :class:`AssessmentFactory` type the factory
  fixtures for your type checker.

Install the optional dependencies with ``pip install 'policeframeworks[testing]'``.
See ``docs/testing.md`` for a complete example.

Example:
    >>> from policeframeworks.testing import assert_valid_catalog
    >>> from policeframeworks import load_catalog
    >>> assert_valid_catalog(load_catalog())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._factories import make_assessment
    from ._protocols import AssessmentFactory, FrameworkFactory
    from .assertions import assert_crosswalk_clean, assert_valid_catalog

__all__ = [
    "AssessmentFactory",
    "FrameworkFactory",
    "assert_crosswalk_clean",
    "assert_valid_catalog",
    "make_assessment",
]

_LAZY = {
    "AssessmentFactory": "_protocols",
    "FrameworkFactory": "_protocols",
    "assert_crosswalk_clean": "assertions",
    "assert_valid_catalog": "assertions",
    "make_assessment": "_factories",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
