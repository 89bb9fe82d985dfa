"""Testing kit: Hypothesis strategies, a pytest plugin and assertion helpers for your own test suites.

Nothing here is imported by ``import policeframeworks``, and importing this package imports neither
Hypothesis nor pytest: each submodule imports only what it needs.

- :mod:`policeframeworks.testing.strategies`: Hypothesis strategies of valid objects (needs ``hypothesis``).
- :mod:`policeframeworks.testing.assertions`: :func:`assert_valid_catalog`, usable without pytest.
- :mod:`policeframeworks.testing.pytest_plugin`: the fixtures ``pf_catalog`` and ``pf_framework``, loaded
  automatically by pytest once the package is installed; :class:`FrameworkFactory` types the factory
  fixture for your type checker.

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
    from ._protocols import FrameworkFactory
    from .assertions import assert_valid_catalog

__all__ = ["FrameworkFactory", "assert_valid_catalog"]

_LAZY = {
    "assert_valid_catalog": "assertions",
    "FrameworkFactory": "_protocols",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
