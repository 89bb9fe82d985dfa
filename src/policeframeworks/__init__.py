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

from ._catalog import Catalog, load_catalog
from ._crosswalk import (
    CoverageMatrix,
    CoverageReport,
    CoverageStatus,
    Crosswalk,
    DerivedMapping,
    Disposition,
    Explanation,
    LintKind,
    LintProblem,
)
from ._diff import FrameworkDiff, PrincipleChange, diff, version_crosswalk
from ._endorsement import Endorsement, EndorsementSet, EndorserKind, Relation
from ._mapping import CrosswalkDocument, Mapping
from ._model import Citation, Framework, FrameworkKind, Principle, Theme, Wording
from ._plot import plot_coverage_matrix, plot_crosswalk
from ._relationship import Basis, RationaleType, Relationship
from .exceptions import (
    DataFileError,
    PoliceFrameworksError,
    Problem,
    UnknownIdError,
    ValidationError,
)

if TYPE_CHECKING:
    from . import io

__all__ = [
    "Basis",
    "Catalog",
    "Citation",
    "CoverageMatrix",
    "CoverageReport",
    "CoverageStatus",
    "Crosswalk",
    "CrosswalkDocument",
    "DataFileError",
    "Endorsement",
    "EndorsementSet",
    "EndorserKind",
    "DerivedMapping",
    "Disposition",
    "Explanation",
    "Framework",
    "FrameworkDiff",
    "FrameworkKind",
    "LintKind",
    "LintProblem",
    "Mapping",
    "PoliceFrameworksError",
    "Principle",
    "PrincipleChange",
    "Problem",
    "Relation",
    "RationaleType",
    "Relationship",
    "Theme",
    "UnknownIdError",
    "ValidationError",
    "Wording",
    "diff",
    "io",
    "load_catalog",
    "plot_coverage_matrix",
    "plot_crosswalk",
    "version_crosswalk",
]

_LAZY_MODULES = {"io"}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "__version__":
        from importlib.metadata import version

        return version("policeframeworks")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
