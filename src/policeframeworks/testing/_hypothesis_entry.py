"""Registers the package's strategies with Hypothesis, so ``st.from_type(Framework)`` works.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point group when it is
imported (``hypothesis.entry_points.run``; ``HYPOTHESIS_NO_PLUGINS=1`` turns that off). The hook only
registers one small function per type: the strategies module is imported the first time a test asks
``st.from_type`` for one of these types, so ``import hypothesis`` stays cheap.

Example:
    >>> from hypothesis import given, settings, strategies as st
    >>> from policeframeworks import Framework
    >>> @settings(max_examples=10)
    ... @given(st.from_type(Framework))
    ... def test_any_framework(fw):
    ...     assert fw.principles
    >>> test_any_framework()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []

#: The public model types given a strategy, by name in :mod:`policeframeworks`.
TYPE_NAMES = (
    "Assessment",
    "Catalog",
    "Citation",
    "Crosswalk",
    "CrosswalkDocument",
    "Evidence",
    "Finding",
    "Framework",
    "Jurisdiction",
    "Mapping",
    "Principle",
)


def _from_type(cls: type) -> SearchStrategy[object]:
    """The package's strategy for ``cls`` (the strategies module is imported on first use)."""
    from .strategies import FROM_TYPE

    make = FROM_TYPE.get(cls)
    return NotImplemented if make is None else make()


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public model type (called by Hypothesis, once, at its import)."""
    from hypothesis import strategies as st

    import policeframeworks

    for name in TYPE_NAMES:
        st.register_type_strategy(getattr(policeframeworks, name), _from_type)
