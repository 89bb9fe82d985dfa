"""The pytest plugin: fixtures with realistic policeframeworks data for your own tests.

pytest loads this module by itself once policeframeworks is installed (entry point group ``pytest11``,
plugin name ``policeframeworks``; ``-p no:policeframeworks`` turns it off). It only defines fixtures:
it adds no option, marker, header line or output, changes no Hypothesis setting, and reads nothing until
a test asks for a fixture.

Fixtures:

- ``pf_catalog``: the bundled :class:`~policeframeworks.Catalog` (read once, cached).
- ``pf_framework``: a factory, ``pf_framework("uscm-2020")``, returning a bundled framework by id; an
  unknown id raises :class:`~policeframeworks.UnknownIdError` naming the closest ids. Annotate it with
  :class:`~policeframeworks.testing.FrameworkFactory`.

Fixtures for crosswalks and assessments (``pf_crosswalk``, ``pf_kankakee``, ``pf_make_assessment``) are
not built yet: they follow those types.

Example:
    >>> def test_8cantwait_has_eight(pf_framework):
    ...     assert len(pf_framework("8cantwait-2020").principles) == 8
    >>> from policeframeworks import load_catalog
    >>> test_8cantwait_has_eight(load_catalog().framework)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ._protocols import FrameworkFactory

__all__ = ["pf_catalog", "pf_framework"]


@pytest.fixture(scope="session")
def pf_catalog() -> Catalog:
    """The bundled catalog of frameworks (the same object as ``load_catalog()``).

    Example:
        >>> def test_uscm_comes_first(pf_catalog):
        ...     assert pf_catalog.framework_ids[0] == "uscm-2020"
        >>> from policeframeworks import load_catalog
        >>> test_uscm_comes_first(load_catalog())
    """
    from .._catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def pf_framework(pf_catalog: Catalog) -> FrameworkFactory:
    """A factory returning a bundled framework by id: ``pf_framework("uscm-2020")``.

    Example:
        >>> def test_ten_shared_principles(pf_framework):
        ...     assert len(pf_framework("ilacp-naacp-2018").principles) == 10
        >>> from policeframeworks import load_catalog
        >>> test_ten_shared_principles(load_catalog().framework)
    """
    return pf_catalog.framework
