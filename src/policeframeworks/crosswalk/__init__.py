"""The crosswalk layer: mappings over a catalog, explained coverage, dispositions, derivation and lint.

``Crosswalk`` and its result types are also importable from :mod:`policeframeworks` itself.


    >>> from policeframeworks import load_catalog
    >>> cw = load_catalog().crosswalk
    >>> report = cw.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/moving-vehicles" in report.covered
    True

Coverage (the rule, precisely) is described in :mod:`policeframeworks.crosswalk._coverage` and
``docs/explanation/coverage-bounds.md``: each target leaf is covered, touched, no_relationship or
not_reviewed, and a report gives four figures (lower, touched share, upper, reviewed share).
"""

from ._core import Crosswalk, Disposition
from ._coverage import (
    PARTLY_REVIEWED_NOTE,
    CoverageMatrix,
    CoverageReport,
    CoverageStatus,
    Explanation,
    coverage_label,
)
from ._derive import DerivedMapping
from ._lint import LintKind, LintProblem

__all__ = [
    "PARTLY_REVIEWED_NOTE",
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Crosswalk",
    "DerivedMapping",
    "Disposition",
    "Explanation",
    "LintKind",
    "LintProblem",
    "coverage_label",
]
