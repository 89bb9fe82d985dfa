"""The pytest plugin of policeframeworks (documented as :mod:`policeframeworks.testing.pytest_plugin`).

A top-level module, outside the package, so that pytest loading it imports nothing of policeframeworks:
the fixtures import what they need when a test asks for them. pytest loads it by itself once
policeframeworks is installed (entry point group ``pytest11``, plugin name ``policeframeworks``;
``-p no:policeframeworks`` turns it off). It only defines fixtures: it adds no option, marker, header
line or output, and changes no Hypothesis setting.

Fixtures:

- ``pf_catalog``: the bundled :class:`~policeframeworks.Catalog` (read once, cached).
- ``pf_framework``: a factory, ``pf_framework("uscm-2020")``, returning a bundled framework by id; an
  unknown id raises :class:`~policeframeworks.UnknownIdError` naming the closest ids. Annotate it with
  :class:`~policeframeworks.testing.FrameworkFactory`.
- ``pf_crosswalk``: the bundled :class:`~policeframeworks.Crosswalk` over the bundled catalog.
- ``pf_kankakee``: the bundled seed assessment (Kankakee, IL, against 8 Can't Wait, 15 June 2020: a
  reported total of five, one of them named).
- ``pf_make_assessment``: a factory building a valid assessment from a few keyword arguments
  (:func:`~policeframeworks.testing.make_assessment`); annotate it with
  :class:`~policeframeworks.testing.AssessmentFactory`.

"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from policeframeworks import Assessment, Catalog, Crosswalk
    from policeframeworks.testing import AssessmentFactory, FrameworkFactory

__all__ = ["pf_catalog", "pf_crosswalk", "pf_framework", "pf_kankakee", "pf_make_assessment"]


@pytest.fixture(scope="session")
def pf_catalog() -> Catalog:
    """The bundled catalog of frameworks (the same object as ``load_catalog()``).

    Example:
        >>> def test_uscm_comes_first(pf_catalog):
        ...     assert pf_catalog.framework_ids[0] == "uscm-2020"
        >>> from policeframeworks import load_catalog
        >>> test_uscm_comes_first(load_catalog())
    """
    from policeframeworks import load_catalog

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


@pytest.fixture(scope="session")
def pf_crosswalk(pf_catalog: Catalog) -> Crosswalk:
    """The bundled crosswalk over the bundled catalog (the same object as ``load_catalog().crosswalk``).

    Example:
        >>> def test_8cantwait_covers_part_of_uscm(pf_crosswalk):
        ...     report = pf_crosswalk.coverage("8cantwait-2020", "uscm-2020")
        ...     assert 0 < report.lower <= report.upper <= 1
        >>> from policeframeworks import load_catalog
        >>> test_8cantwait_covers_part_of_uscm(load_catalog().crosswalk)
    """
    return pf_catalog.crosswalk


@pytest.fixture(scope="session")
def pf_kankakee() -> Assessment:
    """The bundled seed assessment: Kankakee, IL, against 8 Can't Wait, as reported on 15 June 2020.

    The city reported being "aligned with five of the eight" and named one of the five, so it has one
    finding (the duty to intervene) and a reported total of 5.

    Example:
        >>> def test_kankakee_bounds(pf_kankakee):
        ...     score = pf_kankakee.score()
        ...     assert (score.adopted, score.reported_total) == (1, 5)
        >>> from policeframeworks import load_seed_assessments
        >>> test_kankakee_bounds(load_seed_assessments()[0])
    """
    from policeframeworks import load_seed_assessments

    (found,) = [a for a in load_seed_assessments() if a.jurisdiction.name == "Kankakee"]
    return found


@pytest.fixture(scope="session")
def pf_make_assessment() -> AssessmentFactory:
    """A factory: ``pf_make_assessment("8cantwait-2020", adopted=["duty-to-intervene"])``.

    See :func:`~policeframeworks.testing.make_assessment` for the arguments.

    Example:
        >>> def test_one_adopted(pf_make_assessment):
        ...     a = pf_make_assessment(adopted=["duty-to-intervene"], partial=["require-de-escalation"])
        ...     assert (a.score().adopted, a.score().partial) == (1, 1)
        >>> from policeframeworks.testing import make_assessment
        >>> test_one_adopted(make_assessment)
    """
    from policeframeworks.testing import make_assessment

    return make_assessment
