"""The crosswalk layer: mappings over a catalog, explained coverage, dispositions, derivation and lint.

``Crosswalk`` and its result types are also importable from :mod:`policeframeworks` itself. The
coverage rule is stated in ``policeframeworks.crosswalk._coverage`` and in the docs (coverage bounds).

Example:
    >>> from policeframeworks import load_catalog
    >>> report = load_catalog().crosswalk.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/moving-vehicles" in report.covered
    True

Each target leaf is covered, touched, no_relationship or not_reviewed, and a report gives four figures
(lower, touched share, upper, reviewed share); see ``docs/explanation/coverage-bounds.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._core import Crosswalk
    from ._coverage import (
        PARTLY_REVIEWED_NOTE,
        CoverageMatrix,
        CoverageReport,
        CoverageStatus,
        Explanation,
        coverage_label,
    )
    from ._derive import DerivedMapping
    from ._disposition import Disposition
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

#: Where each public name lives, imported on first use: the crosswalk's helper modules (its checks, its
#: graph form) can be imported by io's format readers without importing the Crosswalk class itself.
_NAMES = {
    "CoverageMatrix": "_coverage",
    "CoverageReport": "_coverage",
    "CoverageStatus": "_coverage",
    "Crosswalk": "_core",
    "DerivedMapping": "_derive",
    "Disposition": "_disposition",
    "Explanation": "_coverage",
    "LintKind": "_lint",
    "LintProblem": "_lint",
    "PARTLY_REVIEWED_NOTE": "_coverage",
    "coverage_label": "_coverage",
}


__getattr__, __dir__ = lazy_names(__name__, _NAMES, __all__)
