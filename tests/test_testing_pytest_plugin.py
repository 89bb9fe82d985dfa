"""The pytest plugin, tested as a downstream project sees it: installed package, no conftest, pytester."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from policeframeworks import Assessment, Crosswalk, UnknownIdError, load_catalog, load_seed_assessments
from policeframeworks.testing import AssessmentFactory, FrameworkFactory, make_assessment

DOCS = Path(__file__).resolve().parent.parent / "docs" / "testing.md"


def _docs_example() -> str:
    """The complete example of docs/testing.md, exactly as printed."""
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    examples = [b for b in blocks if b.startswith("# test_with_policeframeworks.py\n")]
    assert len(examples) == 1, "docs/testing.md should hold one complete example"
    return examples[0]


def test_fixtures_in_this_suite(
    pf_catalog: object,
    pf_framework: FrameworkFactory,
    pf_crosswalk: Crosswalk,
    pf_kankakee: Assessment,
    pf_make_assessment: AssessmentFactory,
) -> None:
    assert pf_catalog is load_catalog()
    assert pf_framework("uscm-2020") is load_catalog().framework("uscm-2020")
    assert pf_crosswalk is load_catalog().crosswalk
    assert pf_kankakee in load_seed_assessments()
    assert str(pf_kankakee.jurisdiction) == "Kankakee, IL"
    assert pf_make_assessment is make_assessment


def test_unknown_framework_names_the_closest(pf_framework: FrameworkFactory) -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'uscm-2020'"):
        pf_framework("uscm")


def test_the_docs_example_passes_in_a_fresh_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_with_policeframeworks=_docs_example())
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=8)


def test_a_downstream_project_uses_fixtures_and_from_type(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_downstream="""
        from hypothesis import given, settings, strategies as st
        from policeframeworks import (Assessment, Catalog, Citation, Crosswalk, Framework, Jurisdiction,
                                      Mapping, Principle, UnknownIdError)
        import pytest

        def test_catalog(pf_catalog):
            assert isinstance(pf_catalog, Catalog)
            assert len(pf_catalog) >= 5

        def test_factory(pf_framework):
            assert pf_framework("policylink-2014").id == "policylink-2014"
            with pytest.raises(UnknownIdError):
                pf_framework("no-such-framework")

        @settings(max_examples=10)
        @given(st.from_type(Framework), st.from_type(Principle), st.from_type(Citation))
        def test_from_type(fw, p, c):
            assert fw.principles and p.title and c.url

        @settings(max_examples=5)
        @given(st.from_type(Catalog))
        def test_catalogs(cat):
            assert len(set(cat.framework_ids)) == len(cat)

        @settings(max_examples=5)
        @given(st.builds(lambda fw: fw.id, st.from_type(Framework)))
        def test_builds(fid):
            assert fid

        def test_crosswalk_and_assessments(pf_crosswalk, pf_kankakee, pf_make_assessment):
            assert pf_crosswalk.lint() == ()
            assert pf_kankakee.reported_total == 5
            a = pf_make_assessment("uscm-2020", not_applicable=["trust-and-legitimacy"])
            assert a.score().not_applicable == 1

        @settings(max_examples=10)
        @given(st.from_type(Assessment), st.from_type(Crosswalk), st.from_type(Mapping),
               st.from_type(Jurisdiction))
        def test_from_type_later_layers(a, cw, m, j):
            assert a.score().lower <= a.score().upper
            assert cw.lint() == ()
            assert m.source != m.target
            assert j.name
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=7)


def test_fixture_listing_shows_the_fixtures(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    listing = result.stdout.str()
    for name in ("pf_catalog", "pf_framework", "pf_crosswalk", "pf_kankakee", "pf_make_assessment"):
        pattern = rf"^{name} \[session scope\] -- .*_policeframeworks_pytest\.py"
        assert re.search(pattern, listing, flags=re.M), name
    assert "The bundled catalog of frameworks" in listing


UNUSED_PROJECT = """
import os, sys

def test_plugin_is_loaded_but_costs_nothing(pytestconfig):
    expected = os.environ["PF_EXPECT_PLUGIN"] == "yes"
    assert pytestconfig.pluginmanager.hasplugin("policeframeworks") == expected
    # No fixture was used, so nothing of policeframeworks was imported (Hypothesis was: pytest's header).
    assert "hypothesis" in sys.modules
    assert [m for m in sys.modules if m.startswith("policeframeworks")] == []

def test_hypothesis_settings_are_untouched():
    from hypothesis import settings
    # Hypothesis itself picks its profile ("ci" when it detects CI); the plugin must not change it.
    expected = os.environ["PF_EXPECT_PROFILE"]
    assert settings.get_current_profile_name() == expected
    assert settings().max_examples == settings.get_profile(expected).max_examples
"""


def _normalized(lines: list[str]) -> list[str]:
    """Output lines without what differs from run to run: timings, paths, the plugin list."""
    out = []
    for line in lines:
        if line.startswith(("plugins:", "rootdir:", "platform ", "cachedir:")):
            continue
        out.append(re.sub(r"in \d+\.\d+s", "in Xs", line))
    return out


def test_a_project_not_using_the_fixtures_sees_no_change(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hypothesis import settings

    pytester.makepyfile(test_unused=UNUSED_PROJECT)
    monkeypatch.setenv("PF_EXPECT_PROFILE", settings.get_current_profile_name())
    monkeypatch.setenv("PF_EXPECT_PLUGIN", "yes")
    on = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v")
    monkeypatch.setenv("PF_EXPECT_PLUGIN", "no")
    off = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:policeframeworks", "-v")
    on.assert_outcomes(passed=2)
    off.assert_outcomes(passed=2)
    assert _normalized(on.outlines) == _normalized(off.outlines)


def test_loading_the_plugin_and_the_hypothesis_hook_imports_nothing_of_the_package() -> None:
    import subprocess

    code = (
        "import sys, _policeframeworks_pytest, hypothesis; "
        "print(sorted(m for m in sys.modules if 'policeframeworks' in m))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['_policeframeworks_hypothesis', '_policeframeworks_pytest']"


def test_the_documented_module_holds_the_same_fixtures() -> None:
    import _policeframeworks_pytest
    from policeframeworks.testing import pytest_plugin

    for name in pytest_plugin.__all__:
        assert getattr(pytest_plugin, name) is getattr(_policeframeworks_pytest, name)
