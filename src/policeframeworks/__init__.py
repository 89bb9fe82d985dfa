"""policeframeworks: police-reform frameworks as typed data.

A catalog of published frameworks (USCM 2020, 8 Can't Wait, the ILACP/NAACP Ten Shared Principles,
PolicyLink's principles and pledge, ...), a crosswalk between their principles with explained coverage,
and honest assessments of jurisdictions.

Importing the package reads no file and imports neither networkx nor cattrs: the catalog is read on the
first call to :func:`load_catalog`, and :mod:`policeframeworks.io` is imported on first use.

Example:
    >>> import policeframeworks as pf
    >>> cat = pf.load_catalog()
    >>> cat.framework("8cantwait-2020").title
    '#8CantWait'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._model import Citation, Framework, FrameworkKind, Principle, Theme, Wording
from .exceptions import (
    DataFileError,
    PoliceFrameworksError,
    Problem,
    UnknownIdError,
    ValidationError,
)

if TYPE_CHECKING:
    from . import io, report
    from ._adjudication import Disagreement, Resolution, ResolutionMethod, disagreements, reconcile
    from ._agreement import Agreement, AgreementStats, Estimate, Statistic, agreement
    from ._assessment import Assessment, AssessmentSet
    from ._catalog import Catalog, load_catalog
    from ._changes import (
        AdoptionEvent,
        Changes,
        adoption_events,
        change_kind,
        changes,
    )
    from ._cite import cite
    from ._diff import FrameworkDiff, PrincipleChange, diff, version_crosswalk
    from ._endorsement import Endorsement, EndorsementSet, EndorserKind, Relation
    from ._finding import Derivation, Evidence, Finding, Method, Status
    from ._grouped import (
        GroupedSummary,
        GroupShare,
    )
    from ._history import AssessmentDiff, Change, Timeline, diff_assessments, latest, timeline
    from ._jurisdiction import Jurisdiction, JurisdictionKind
    from ._jurisdictions import (
        Ambiguous,
        JurisdictionMatch,
        MatchedPair,
        Unmatched,
        match_jurisdictions,
    )
    from ._mapping import CrosswalkDocument, Mapping, Review, ReviewScope
    from ._plot import plot_coverage_matrix, plot_crosswalk
    from ._relationship import Basis, RationaleType, Relationship
    from ._score import Score
    from ._seeds import load_seed_assessments
    from ._study import DivergencePeriod, divergence_over_time, double_coding_sample
    from ._summary import AdoptionSummary, PrincipleCounts, summarize
    from .crosswalk import (
        CoverageMatrix,
        CoverageReport,
        CoverageStatus,
        Crosswalk,
        DerivedMapping,
        Disposition,
        Explanation,
        LintKind,
        LintProblem,
        coverage_label,
    )

__all__ = [
    "AdoptionEvent",
    "AdoptionSummary",
    "Agreement",
    "AgreementStats",
    "Ambiguous",
    "Assessment",
    "AssessmentDiff",
    "AssessmentSet",
    "Basis",
    "Catalog",
    "Change",
    "Changes",
    "Citation",
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Crosswalk",
    "CrosswalkDocument",
    "DataFileError",
    "Derivation",
    "DerivedMapping",
    "Disagreement",
    "Disposition",
    "DivergencePeriod",
    "Endorsement",
    "EndorsementSet",
    "EndorserKind",
    "Estimate",
    "Evidence",
    "Explanation",
    "Finding",
    "Framework",
    "FrameworkDiff",
    "FrameworkKind",
    "GroupShare",
    "GroupedSummary",
    "Jurisdiction",
    "JurisdictionKind",
    "JurisdictionMatch",
    "LintKind",
    "LintProblem",
    "Mapping",
    "MatchedPair",
    "Method",
    "PoliceFrameworksError",
    "Principle",
    "PrincipleChange",
    "PrincipleCounts",
    "Problem",
    "RationaleType",
    "Relation",
    "Relationship",
    "Resolution",
    "ResolutionMethod",
    "Review",
    "ReviewScope",
    "Score",
    "Statistic",
    "Status",
    "Theme",
    "Timeline",
    "UnknownIdError",
    "Unmatched",
    "ValidationError",
    "Wording",
    "adoption_events",
    "agreement",
    "change_kind",
    "changes",
    "cite",
    "coverage_label",
    "diff",
    "diff_assessments",
    "disagreements",
    "divergence_over_time",
    "double_coding_sample",
    "io",
    "latest",
    "load_catalog",
    "load_seed_assessments",
    "match_jurisdictions",
    "plot_coverage_matrix",
    "plot_crosswalk",
    "reconcile",
    "report",
    "summarize",
    "timeline",
    "version_crosswalk",
]

# policeframeworks.frames needs the frames extra; reaching it as an attribute imports it then.
_LAZY_MODULES = {"io", "frames", "report"}

#: Names imported on first use, so ``import policeframeworks`` stays light (about the cost of attrs alone).
_LAZY_NAMES = {
    "Catalog": "_catalog",
    "load_catalog": "_catalog",
    "CoverageMatrix": "crosswalk",
    "CoverageReport": "crosswalk",
    "CoverageStatus": "crosswalk",
    "Crosswalk": "crosswalk",
    "DerivedMapping": "crosswalk",
    "Disposition": "crosswalk",
    "Explanation": "crosswalk",
    "LintKind": "crosswalk",
    "LintProblem": "crosswalk",
    "coverage_label": "crosswalk",
    "cite": "_cite",
    "FrameworkDiff": "_diff",
    "PrincipleChange": "_diff",
    "diff": "_diff",
    "version_crosswalk": "_diff",
    "Endorsement": "_endorsement",
    "EndorsementSet": "_endorsement",
    "EndorserKind": "_endorsement",
    "Relation": "_endorsement",
    "CrosswalkDocument": "_mapping",
    "Mapping": "_mapping",
    "Review": "_mapping",
    "ReviewScope": "_mapping",
    "plot_coverage_matrix": "_plot",
    "plot_crosswalk": "_plot",
    "Basis": "_relationship",
    "RationaleType": "_relationship",
    "Relationship": "_relationship",
    "AdoptionSummary": "_summary",
    "Agreement": "_agreement",
    "AgreementStats": "_agreement",
    "Estimate": "_agreement",
    "DivergencePeriod": "_study",
    "divergence_over_time": "_study",
    "double_coding_sample": "_study",
    "Disagreement": "_adjudication",
    "Resolution": "_adjudication",
    "ResolutionMethod": "_adjudication",
    "disagreements": "_adjudication",
    "reconcile": "_adjudication",
    "Statistic": "_agreement",
    "agreement": "_agreement",
    "AssessmentDiff": "_history",
    "Change": "_history",
    "PrincipleCounts": "_summary",
    "Timeline": "_history",
    "diff_assessments": "_history",
    "latest": "_history",
    "summarize": "_summary",
    "timeline": "_history",
    "Assessment": "_assessment",
    "AssessmentSet": "_assessment",
    "Derivation": "_finding",
    "Evidence": "_finding",
    "Finding": "_finding",
    "Jurisdiction": "_jurisdiction",
    "JurisdictionKind": "_jurisdiction",
    "Method": "_finding",
    "Score": "_score",
    "Status": "_finding",
    "load_seed_assessments": "_seeds",
    "Ambiguous": "_jurisdictions",
    "JurisdictionMatch": "_jurisdictions",
    "MatchedPair": "_jurisdictions",
    "Unmatched": "_jurisdictions",
    "match_jurisdictions": "_jurisdictions",
    "AdoptionEvent": "_changes",
    "Changes": "_changes",
    "adoption_events": "_changes",
    "change_kind": "_changes",
    "changes": "_changes",
    "GroupShare": "_grouped",
    "GroupedSummary": "_grouped",
}


def __dir__() -> list[str]:
    """Every public name, the lazily imported ones included (so completion offers ``Crosswalk``)."""
    return sorted({*globals(), *__all__, "__version__"})


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _LAZY_NAMES:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY_NAMES[name]}"), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("policeframeworks")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
