"""The crosswalk layer: mappings over a catalog, explained coverage, dispositions, derivation and lint.

``Crosswalk`` and its result types are also importable from :mod:`policeframeworks` itself. The
coverage rule is stated in ``policeframeworks.crosswalk._coverage`` and in the docs (coverage bounds).

Example:
    >>> from policeframeworks import load_catalog
    >>> report = load_catalog().crosswalk.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
"""

from ._core import Crosswalk, Disposition
from ._coverage import CoverageMatrix, CoverageReport, CoverageStatus, Explanation
from ._derive import DerivedMapping
from ._lint import LintKind, LintProblem

__all__ = [
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Crosswalk",
    "DerivedMapping",
    "Disposition",
    "Explanation",
    "LintKind",
    "LintProblem",
]
