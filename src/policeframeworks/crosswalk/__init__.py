"""The crosswalk layer: mappings over a catalog, explained coverage, dispositions, derivation and lint.

``Crosswalk`` and its result types are also importable from :mod:`policeframeworks` itself.


    >>> from policeframeworks import load_catalog
    >>> cw = load_catalog().crosswalk
    >>> report = cw.coverage("8cantwait-2020", "uscm-2020")
    >>> report.lower <= report.upper
    True
    >>> "uscm-2020:sanctity-of-life/moving-vehicles" in report.covered
    True

Coverage (the rule, precisely). ``coverage(F, T)`` counts the **leaf principles** of T (framing statements
are never counted). Every mapping with one end in F (a principle of F, or F as a whole) and the other in T
(a principle of T, or T as a whole) is read from F's side as "s REL x", and then:

- x a leaf: the mapping bears on x.
- x a parent principle: the mapping bears on every leaf below x. ``equal``/``superset`` cover them all
  (a parent's wording includes its children's), ``subset``/``intersects`` touch them all (the upper bound
  is an over-estimate by design: what touches a part may touch any of it), ``no_relationship`` says
  each of them was reviewed and shares nothing.
- x the whole framework T: as for a parent, over every leaf of T.
- s may be a principle of F at any depth, or F itself (coverage assumes all of F is met). Mappings whose
  ends are framing statements are not used.

A leaf is **covered** when some mapping bearing on it is ``equal`` or ``superset``, **touched** when some
mapping bearing on it is anything but ``no_relationship`` (covered leaves are touched). Each leaf is
counted once, however many mappings bear on it: ``lower = covered / leaves`` and ``upper = touched /
leaves``. A parent is covered when all the leaves below it are (a direct ``equal``/``superset`` mapping to
the parent makes that so). A framework covers itself fully. Frameworks that the catalog holds only in
part (``complete = false``) are named in ``CoverageReport.incomplete``: their figures are about the part
held. A parent's wording beyond its children is not a separate unit.
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
