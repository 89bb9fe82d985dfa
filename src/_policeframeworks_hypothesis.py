"""Registers policeframeworks' strategies with Hypothesis, so ``st.from_type(Framework)`` works.

A top-level module, outside the package, so that loading it imports nothing of policeframeworks.
Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point group when it is
imported (``hypothesis.entry_points.run``; ``HYPOTHESIS_NO_PLUGINS=1`` turns that off). pytest imports
Hypothesis in every run (for its header line), so the hook must cost nothing in a project that does not
use policeframeworks: it imports nothing of the package. Each type is registered when its module is
imported: at once for modules already imported, otherwise right after the module runs, through a small
finder put first on :data:`sys.meta_path` that wraps the loader of these modules and nothing else. The
strategies module (:mod:`policeframeworks.testing.strategies`) is imported only when a test first asks
``st.from_type`` for one of the types.

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

import importlib.abc
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []

#: The public model types given a strategy, by the module that defines them.
TYPES_BY_MODULE: dict[str, tuple[str, ...]] = {
    "policeframeworks._model": ("Citation", "Framework", "Principle"),
    "policeframeworks._catalog": ("Catalog",),
    "policeframeworks._mapping": ("CrosswalkDocument", "Mapping", "Review"),
    "policeframeworks.crosswalk": ("Crosswalk",),
    "policeframeworks._assessment": ("Assessment", "AssessmentSet"),
    "policeframeworks._finding": ("Evidence", "Finding"),
    "policeframeworks._jurisdiction": ("Jurisdiction",),
}
#: The same types by name (as :mod:`policeframeworks` exports them).
TYPE_NAMES = tuple(sorted(name for names in TYPES_BY_MODULE.values() for name in names))


def _from_type(cls: type) -> SearchStrategy[object]:
    """The package's strategy for ``cls`` (the strategies module is imported on first use)."""
    from policeframeworks.testing.strategies import FROM_TYPE

    make = FROM_TYPE.get(cls)
    return NotImplemented if make is None else make()


def _register(module: ModuleType) -> None:
    from hypothesis import strategies as st

    for name in TYPES_BY_MODULE[module.__name__]:
        st.register_type_strategy(getattr(module, name), _from_type)


class _RegisteringLoader(importlib.abc.Loader):
    """Runs a module with its own loader, then registers its types (everything else is delegated)."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _register(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: for the model modules not yet imported, wraps the loader others find."""

    def __init__(self, pending: set[str]) -> None:
        self.pending = pending

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in self.pending:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec: ModuleSpec | None = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    self.pending.discard(fullname)
                    spec.loader = _RegisteringLoader(spec.loader)
                return spec
        return None


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public model type (called by Hypothesis, once, at its import)."""
    pending = set()
    for name in TYPES_BY_MODULE:
        module = sys.modules.get(name)
        if module is not None:
            _register(module)
        else:
            pending.add(name)
    if pending and not any(isinstance(f, _RegisterOnImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _RegisterOnImport(pending))
