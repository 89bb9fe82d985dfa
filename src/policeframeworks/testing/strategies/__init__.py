"""Hypothesis strategies of valid policeframeworks objects, for property tests in your own suite.

Every function returns a :class:`~hypothesis.strategies.SearchStrategy` and takes only keyword arguments,
which narrow what is generated. Objects are valid by construction (nothing is filtered away): ids follow
the id scheme and are unique, a child's id is its parent's id and one more slug, placeholders occur in the
text, an incomplete framework says what is missing. Examples shrink towards one short principle with
one-letter slugs.

Once the package is installed, ``st.from_type(Framework)`` (and the same for every public model type) uses
these strategies; see the top-level module ``_policeframeworks_hypothesis``.

Model and catalog: :func:`citations`, :func:`principles`, :func:`frameworks`, :func:`bundled_frameworks`,
:func:`catalogs`, :func:`framework_ids`. Crosswalks: :func:`mappings`, :func:`reviews`, :func:`crosswalks`,
:func:`crosswalk_documents`. Assessments: :func:`jurisdictions`, :func:`evidence`, :func:`findings`,
:func:`assessments`, :func:`assessment_sets`. Strategies over the bundled catalog read it on the first
draw, not when called.

Example:
    >>> from hypothesis import given, settings
    >>> from policeframeworks import io, Framework
    >>> from policeframeworks.testing import strategies as pfst
    >>> @settings(max_examples=10)
    ... @given(pfst.frameworks(max_principles=3))
    ... def test_round_trip(fw):
    ...     assert io.from_dict(io.to_dict(fw), Framework) == fw
    >>> test_round_trip()
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from ..._assessment import Assessment, AssessmentSet
from ..._catalog import Catalog
from ..._finding import Evidence, Finding
from ..._jurisdiction import Jurisdiction
from ..._mapping import CrosswalkDocument, Mapping, Review
from ..._model import Citation, Framework, Principle
from ...crosswalk import Crosswalk
from ._assessment import assessment_sets, assessments, evidence, findings, jurisdictions
from ._base import StrategyArgumentError, framework_ids
from ._crosswalk import crosswalk_documents, crosswalks, mappings, reviews
from ._model import bundled_frameworks, catalogs, citations, frameworks, principles

__all__ = [
    "StrategyArgumentError",
    "assessment_sets",
    "assessments",
    "bundled_frameworks",
    "catalogs",
    "citations",
    "crosswalk_documents",
    "crosswalks",
    "evidence",
    "findings",
    "framework_ids",
    "frameworks",
    "jurisdictions",
    "mappings",
    "principles",
    "reviews",
]


#: For ``_policeframeworks_hypothesis`` (the entry point): the strategy ``st.from_type`` uses per type.
FROM_TYPE: dict[type, Callable[[], st.SearchStrategy[object]]] = {
    Assessment: assessments,
    AssessmentSet: assessment_sets,
    Catalog: catalogs,
    Citation: citations,
    Crosswalk: crosswalks,
    CrosswalkDocument: crosswalk_documents,
    Evidence: evidence,
    Finding: findings,
    Framework: frameworks,
    Jurisdiction: jurisdictions,
    Mapping: mappings,
    Principle: principles,
    Review: reviews,
}
