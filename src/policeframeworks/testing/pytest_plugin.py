"""The pytest plugin: fixtures with realistic policeframeworks data for your own tests.

pytest loads the plugin by itself once policeframeworks is installed (entry point group ``pytest11``,
plugin name ``policeframeworks``; ``-p no:policeframeworks`` turns it off). It only defines fixtures: it
adds no option, marker, header line or output, changes no Hypothesis setting, and reads nothing until a
test asks for a fixture. The entry point names the top-level module ``_policeframeworks_pytest`` (outside
the package, so that loading the plugin does not even import policeframeworks); this module re-exports
its fixtures, for ``pytest_plugins = ["policeframeworks.testing.pytest_plugin"]`` where entry points are
turned off (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``).

Fixtures (all session-scoped):

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

Example:
    >>> def test_8cantwait_has_eight(pf_framework):
    ...     assert len(pf_framework("8cantwait-2020").principles) == 8
    >>> from policeframeworks import load_catalog
    >>> test_8cantwait_has_eight(load_catalog().framework)
    >>> def test_kankakee(pf_kankakee, pf_make_assessment):
    ...     assert pf_kankakee.score().reported_total == 5
    ...     assert pf_make_assessment(adopted=["duty-to-intervene"]).score().adopted == 1
    >>> from policeframeworks import load_seed_assessments
    >>> from policeframeworks.testing import make_assessment
    >>> test_kankakee(load_seed_assessments()[0], make_assessment)
"""

from __future__ import annotations

from _policeframeworks_pytest import pf_catalog, pf_crosswalk, pf_framework, pf_kankakee, pf_make_assessment

__all__ = ["pf_catalog", "pf_crosswalk", "pf_framework", "pf_kankakee", "pf_make_assessment"]
