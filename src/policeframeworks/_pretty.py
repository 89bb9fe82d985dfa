"""``_repr_pretty_`` for IPython's and Hypothesis' pretty printers: an object's own short ``repr``.

A plain ``_repr_pretty_`` method breaks one case: Hypothesis looks the method up on the object it prints,
and when that object is the class itself (a strategy or an example naming ``Catalog``), it gets the
unbound function and calls it with the printer as ``self``, which raises ``TypeError``. This descriptor
gives the method on instances only; on the class it is ``None``, so the printers print the class as any
class (IPython, which looks the method up on the class of an instance, then prints ``repr(obj)``: the same
text).

Example:
    >>> from hypothesis.vendor.pretty import pretty
    >>> from policeframeworks import Catalog, load_catalog
    >>> pretty(Catalog)
    'policeframeworks._catalog.Catalog'
    >>> pretty(load_catalog()) == repr(load_catalog())
    True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["PrettyAsRepr"]


class PrettyAsRepr:
    """A class attribute ``_repr_pretty_ = PrettyAsRepr()``: prints ``repr(obj)`` for an instance."""

    def __get__(self, obj: object, owner: type | None = None) -> Callable[[Any, bool], None] | None:
        if obj is None:
            return None

        def pretty(p: Any, cycle: bool) -> None:
            p.text(repr(obj))

        return pretty
