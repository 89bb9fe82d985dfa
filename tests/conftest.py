"""Shared test configuration: the ``pytester`` fixture for the plugin tests, and the Hypothesis profiles.

Hypothesis picks its profile itself: ``ci`` when it detects CI (``CI=true``), else ``default``. Both are
registered here once, instead of settings copied into each test: no deadline (this machine is shared, and a
slow example is not a failure) and no "too slow" health check; ``ci`` is also derandomized (the same
examples on every run, so a red build is reproducible) and keeps no example database. For a long local run
pass ``--hypothesis-profile=thorough`` (2,000 examples a test, where a test does not set its own count).
Fuzz tests take their count from ``PF_FUZZ_EXAMPLES`` (see ``tests/test_fuzz_loaders.py``).
"""

from hypothesis import HealthCheck, settings

pytest_plugins = ["pytester"]

_RELAXED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default", settings.get_profile("default"), **_RELAXED)
settings.register_profile(
    "ci", settings.get_profile("default"), derandomize=True, database=None, print_blob=True, **_RELAXED
)
settings.register_profile("thorough", settings.get_profile("default"), max_examples=2000, **_RELAXED)
