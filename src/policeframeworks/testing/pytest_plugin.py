"""The pytest plugin: fixtures with realistic policeframeworks data for your own tests.

pytest loads the plugin by itself once policeframeworks is installed (entry point group ``pytest11``,
plugin name ``policeframeworks``; ``-p no:policeframeworks`` turns it off). It only defines fixtures: it
adds no option, marker, header line or output, changes no Hypothesis setting, and reads nothing until a
test asks for a fixture. The entry point names the top-level module ``_policeframeworks_pytest`` (outside
the package, so that loading the plugin does not even import policeframeworks); this module re-exports
its fixtures, for ``pytest_plugins = ["policeframeworks.testing.pytest_plugin"]`` where entry points are
turned off (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``).

Its five session-scoped fixtures (``pf_catalog``, ``pf_framework``, ``pf_crosswalk``, ``pf_kankakee``,
``pf_make_assessment``) are described once, in the docstring of ``_policeframeworks_pytest`` and in the
testing guide.

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
