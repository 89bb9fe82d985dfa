"""``st.from_type`` works for every public model type through the ``hypothesis`` entry point, at no cost."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import _policeframeworks_hypothesis as hook
import policeframeworks
from policeframeworks import Catalog, Citation, Framework, Principle, io

#: Exported attrs classes that are results computed by the library, not data a user writes: no strategy.
RESULT_TYPES = {
    "AdoptionEvent",
    "AdoptionSummary",
    "Agreement",
    "AgreementStats",
    "Ambiguous",
    "AssessmentDiff",
    "Change",
    "Changes",
    "CoverageMatrix",
    "CoverageReport",
    "Derivation",
    "DerivedMapping",
    "Disagreement",
    "DivergencePeriod",
    "Estimate",
    "Explanation",
    "FrameworkDiff",
    "GroupShare",
    "GroupedSummary",
    "JurisdictionMatch",
    "LintProblem",
    "MatchedPair",
    "PrincipleChange",
    "PrincipleCounts",
    "Problem",
    "Score",
    "Timeline",
    "Unmatched",
}
#: Data types still without a strategy (listed so that a new type cannot be forgotten silently).
NOT_YET = {"Endorsement", "EndorsementSet", "Resolution"}


def test_every_public_model_type_is_registered_or_listed() -> None:
    exported = {
        name
        for name in policeframeworks.__all__
        if isinstance(getattr(policeframeworks, name), type) and attrs.has(getattr(policeframeworks, name))
    }
    registered = set(hook.TYPE_NAMES)
    assert registered.isdisjoint(RESULT_TYPES | NOT_YET)
    assert exported == registered | RESULT_TYPES | NOT_YET


def test_the_entry_point_is_installed_and_loads_the_hook() -> None:
    (entry,) = [
        e for e in importlib.metadata.entry_points(group="hypothesis") if e.name == "policeframeworks"
    ]
    assert entry.load() is hook._hypothesis_setup_hook


@settings(max_examples=30)
@given(
    st.from_type(Citation),
    st.from_type(Principle),
    st.from_type(Framework),
)
def test_from_type_draws_valid_objects(c: Citation, p: Principle, fw: Framework) -> None:
    for obj in (c, p, fw):
        assert io.from_dict(io.to_dict(obj), type(obj)) == obj


@settings(max_examples=10)
@given(st.from_type(Catalog))
def test_from_type_draws_valid_catalogs(cat: Catalog) -> None:
    assert io.from_dict(io.to_dict(cat), Catalog) == cat


def test_other_types_are_left_to_hypothesis() -> None:
    assert hook._from_type(int) is NotImplemented


def _run(code: str, **env: str) -> str:
    import os

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, **env}
    )
    return out.stdout.strip()


def test_import_hypothesis_imports_nothing_of_the_package() -> None:
    code = "import sys, hypothesis; print(sorted(m for m in sys.modules if 'policeframeworks' in m))"
    assert _run(code) == "['_policeframeworks_hypothesis']"


def test_types_are_registered_whenever_their_module_is_imported() -> None:
    code = (
        "import hypothesis\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup as lookup\n"
        "import policeframeworks as pf\n"
        "print(pf.Framework in lookup, pf.Catalog in lookup)\n"
        "from policeframeworks import Assessment, Crosswalk, Mapping\n"
        "print(Assessment in lookup, Crosswalk in lookup, Mapping in lookup)\n"
    )
    assert _run(code) == "True True\nTrue True True"
    before = "import policeframeworks as pf; from policeframeworks import Assessment\n" + code
    assert _run(before) == "True True\nTrue True True"


def test_registration_can_be_turned_off() -> None:
    code = (
        "from hypothesis.strategies._internal.types import _global_type_lookup as lookup; "
        "from policeframeworks import Framework; print(Framework in lookup)"
    )
    assert _run(code) == "True"
    assert _run(code, HYPOTHESIS_NO_PLUGINS="1") == "False"


def test_modules_loaded_through_the_hook_keep_their_source() -> None:
    import inspect

    import policeframeworks._assessment as module

    assert "class Assessment" in inspect.getsource(module)
    assert module.__spec__ is not None
    assert module.__spec__.origin is not None
    assert module.__spec__.origin.endswith("_assessment.py")
