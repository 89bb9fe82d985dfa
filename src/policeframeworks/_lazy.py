"""Names a package imports on first use: the ``__getattr__`` and ``__dir__`` of a lazy ``__init__``.

``policeframeworks.io`` and ``policeframeworks.crosswalk`` keep a table of where each public name lives and
import a name's module the first time the name is read, so importing one of their modules does not import
them all (see docs/explanation/architecture.md).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, names: Mapping[str, str], public: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose public ``names`` live in the given submodules.

    A name read once is kept in the package's namespace, so ``__getattr__`` runs once per name.

    Example:
        >>> getattr_, dir_ = lazy_names("policeframeworks", {"Crosswalk": "crosswalk"}, ["Crosswalk"])
        >>> getattr_("Crosswalk").__name__, "Crosswalk" in dir_()
        ('Crosswalk', True)
        >>> getattr_("Crosswalks")
        Traceback (most recent call last):
        ...
        AttributeError: module 'policeframeworks' has no attribute 'Crosswalks'
    """

    def __getattr__(name: str) -> Any:
        if name in names:
            value = getattr(importlib.import_module(f"{package}.{names[name]}"), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *public})

    return __getattr__, __dir__
