"""The Hypothesis profiles of the test suite (registered in ``tests/conftest.py``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def test_ci_profile_is_derandomized_without_a_database() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize
    assert ci.database is None
    assert ci.deadline is None
    assert HealthCheck.too_slow in ci.suppress_health_check


def test_thorough_profile_runs_many_more_examples() -> None:
    assert settings.get_profile("thorough").max_examples >= 10 * settings.get_profile("default").max_examples


def test_the_profile_in_use_is_the_registered_one() -> None:
    name = settings.get_current_profile_name()
    assert name in ("ci", "default", "thorough")
    if os.environ.get("CI"):
        assert name == "ci"
    assert settings().deadline is None
