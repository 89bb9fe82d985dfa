"""Pretty printers (Hypothesis', IPython's) print an instance's short repr, and the class as a class."""

from __future__ import annotations

import pytest
from hypothesis.vendor.pretty import pretty

from policeframeworks import Catalog, Crosswalk, load_catalog


@pytest.mark.parametrize("cls", [Catalog, Crosswalk])
def test_the_class_itself_prints_as_a_class(cls: type) -> None:
    # Regression: the printer called _repr_pretty_ on the class, unbound, and raised TypeError.
    assert pretty(cls) == f"{cls.__module__}.{cls.__qualname__}"
    assert pretty([cls]) == f"[{cls.__module__}.{cls.__qualname__}]"


def test_an_instance_prints_its_short_repr() -> None:
    catalog = load_catalog()
    assert pretty(catalog) == repr(catalog)
    assert pretty(catalog.crosswalk) == repr(catalog.crosswalk)
    assert "mappings=" not in pretty(catalog.crosswalk)  # not attrs' field-by-field form


def test_ipython_style_lookup_on_the_class_falls_back_to_repr() -> None:
    # IPython looks _repr_pretty_ up on the instance's class and calls it only when it is callable.
    assert Catalog._repr_pretty_ is None
    assert callable(load_catalog()._repr_pretty_)
