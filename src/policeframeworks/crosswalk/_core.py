"""The crosswalk: an immutable collection of mappings over a catalog, with its indexes and queries.

Coverage lives in :mod:`._coverage`, lint in :mod:`._lint`, derived mappings in :mod:`._derive`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._catalog import Catalog, load_catalog
from .._mapping import CrosswalkDocument, Mapping, Review, end_framework_id, review_problems
from .._pretty import PrettyAsRepr
from .._relationship import Relationship
from ..exceptions import Problem, ValidationError
from . import _deprecated
from ._checks import check_end, document_problems, id_problems, review_id_problems
from ._coverage import CoverageMatrix, CoverageReport
from ._coverage_build import coverage_report
from ._derive import DerivedMapping, derive_mappings
from ._disposition import Disposition, disposition_of
from ._graph import crosswalk_graph, graph_parts
from ._index import Structure, _Oriented, by_end, catalog_structure, framework_buckets
from ._lint import LintProblem, lint_crosswalk

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Crosswalk", "Disposition"]


def _to_mappings(value: Iterable[Mapping]) -> tuple[Mapping, ...]:
    return tuple(value)


def _to_reviews(value: Iterable[Review]) -> tuple[Review, ...]:
    return tuple(value)


def _catalog_or_bundled(catalog: Catalog | None) -> Catalog:
    """The catalog given, or (the documented default) the bundled one."""
    return catalog if catalog is not None else load_catalog()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@attrs.frozen
class Crosswalk:
    """An immutable collection of mappings over a catalog.

    ``Crosswalk(mappings, catalog=cat)`` checks that every id is in the catalog (a principle, a framing
    statement, or a whole framework) and raises one :class:`ValidationError` listing every unknown id with
    close matches; pass ``check_ids=False`` to build one anyway (for :meth:`lint`). Without ``catalog`` the
    bundled catalog is used. The bundled crosswalk is ``load_catalog().crosswalk``; files are read with
    :func:`policeframeworks.io.read_crosswalk`. Two crosswalks are equal when their mappings and their
    declared reviews are, in order.

    Example:
        >>> from policeframeworks import Crosswalk, Mapping, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> for m in cw.related("policylink-2014:reject-militarization"):
        ...     print(m.source, m.relationship.value, m.target)
        policylink-2014:reject-militarization subset policylink-pledge:preserve-life
        policylink-2014:reject-militarization intersects campaignzero-2015:demilitarization
        policylink-2014:reject-militarization intersects 8toabolition-2020:demilitarize-communities
        >>> Crosswalk([Mapping(source="uscm-2020:comunity", relationship="equal", target="uscm-2020",
        ...     rationale_type="semantic", strength=10, basis="analytic", rationale="r", mapped_by="me")])
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          mappings[0].source: unknown id 'uscm-2020:comunity' (did you mean 'uscm-2020:community'?)
    """

    mappings: tuple[Mapping, ...] = attrs.field(converter=_to_mappings)
    reviews: tuple[Review, ...] = attrs.field(default=(), kw_only=True, converter=_to_reviews)
    # The catalog and the id check are how the crosswalk was built, not its data: ``io.to_dict`` leaves
    # them out and ``io.from_dict`` takes the defaults (the bundled catalog, ids checked).
    catalog: Catalog = attrs.field(
        default=None,
        converter=_catalog_or_bundled,
        kw_only=True,
        eq=False,
        repr=False,
        metadata={"data": False},
    )
    check_ids: bool = attrs.field(default=True, kw_only=True, eq=False, repr=False, metadata={"data": False})

    def __attrs_post_init__(self) -> None:
        problems = [
            Problem(f"mappings[{i}]", f"expected a Mapping, got {type(m).__name__}")
            for i, m in enumerate(self.mappings)
            if not isinstance(m, Mapping)
        ]
        problems += review_problems(self.reviews, ())
        if not problems and self.check_ids:
            problems = [
                p for i, m in enumerate(self.mappings) for p in id_problems(m, self.catalog, f"mappings[{i}]")
            ]
            problems += [
                p
                for i, r in enumerate(self.reviews)
                for p in review_id_problems(r, self.catalog, f"reviews[{i}]")
            ]
        if problems:
            raise ValidationError(problems)

    def __repr__(self) -> str:
        """A short summary: how many mappings, over how many frameworks (never the mappings themselves).

        Example:
            >>> from policeframeworks import Crosswalk, load_catalog
            >>> Crosswalk([])
            Crosswalk(0 mappings over 0 frameworks)
            >>> m = load_catalog().crosswalk.mappings[0]  # from uscm-2020 to 8cantwait-2020
            >>> Crosswalk([m])
            Crosswalk(1 mapping over 2 frameworks)
        """
        n = len(self.mappings)
        ends = {end_framework_id(end) for m in self.mappings for end in (m.source, m.target)}
        reviews = f", {_count(len(self.reviews), 'declared review')}" if self.reviews else ""
        return f"Crosswalk({_count(n, 'mapping')} over {_count(len(ends), 'framework')}{reviews})"

    # The same short summary for IPython's and Hypothesis' pretty printers (instances only: see _pretty).
    _repr_pretty_ = PrettyAsRepr()

    # ----------------------------------------------------------------- building and loading

    @classmethod
    def from_documents(
        cls,
        documents: Sequence[CrosswalkDocument],
        *,
        catalog: Catalog | None = None,
        sources: Sequence[str | None] = (),
    ) -> Crosswalk:
        """One crosswalk of the mappings of several documents, in order; unknown ids name their file.

        Args:
            documents: the crosswalk documents.
            catalog: the catalog the ids refer to (default: the bundled one).
            sources: for each document, the file it came from (used in error messages).

        Example:
            >>> from policeframeworks import Crosswalk
            >>> from policeframeworks._bundled import bundled_documents
            >>> len(Crosswalk.from_documents(bundled_documents()).mappings) > 30
            True
        """
        catalog = _catalog_or_bundled(catalog)
        problems = document_problems(documents, catalog, sources)
        if problems:
            raise ValidationError(problems)
        mappings = [m for doc in documents for m in doc.mappings]
        reviews = [r for doc in documents for r in doc.reviews]
        return cls(mappings, reviews=reviews, catalog=catalog, check_ids=False)

    @classmethod
    def load(
        cls, *paths: str | os.PathLike[str], catalog: Catalog | None = None, include_bundled: bool = True
    ) -> Crosswalk:
        """Deprecated: use :func:`policeframeworks.io.read_crosswalk` (pass ``include_bundled=True``).

        Reads crosswalk files (TOML, JSON, CSV or SSSOM/TSV) beside (``include_bundled``, the default
        here) or instead of the catalog's own crosswalk; warns with a :class:`DeprecationWarning`.
        """
        return _deprecated.load(cls, paths, catalog, include_bundled)

    def with_mappings(self, mappings: Iterable[Mapping]) -> Crosswalk:
        """A new crosswalk with ``mappings`` added at the end (same catalog).

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.with_mappings([cw.mappings[0].inverse()]).mappings[-1] == cw.mappings[0].inverse()
            True
        """
        return Crosswalk(
            [*self.mappings, *mappings], reviews=self.reviews, catalog=self.catalog, check_ids=self.check_ids
        )

    def with_reviews(self, reviews: Iterable[Review]) -> Crosswalk:
        """A new crosswalk with ``reviews`` declared besides its own (same mappings, same catalog).

        Example:
            >>> from policeframeworks import Crosswalk, Review, load_catalog
            >>> cw = Crosswalk([], catalog=load_catalog())
            >>> cw.with_reviews([Review(source="perf-2016", target="peel-principles",
            ...                         scope="complete", reviewer="me", date="2026")])
            Crosswalk(0 mappings over 0 frameworks, 1 declared review)
        """
        return Crosswalk(
            self.mappings, reviews=[*self.reviews, *reviews], catalog=self.catalog, check_ids=self.check_ids
        )

    # ----------------------------------------------------------------- indexes (built lazily, cached)

    @functools.cached_property
    def _structure(self) -> Structure:
        return catalog_structure(self.catalog)

    @functools.cached_property
    def _by_end(self) -> dict[str, list[int]]:
        return by_end(self.mappings)

    @functools.cached_property
    def _related_memo(self) -> dict[str, tuple[Mapping, ...]]:
        """Per id, its mappings read from its side (filled by :meth:`related`, each id once)."""
        return {}

    @functools.cached_property
    def _coverage_memo(self) -> dict[tuple[str, str], CoverageReport]:
        """Coverage reports by (source, target), filled by ``coverage_report``."""
        return {}

    @functools.cached_property
    def projection_tables(self) -> dict[tuple[str, str], Any]:
        """Projection rules compiled from this (frozen) crosswalk by (source, target) framework id.

        A cache filled by :meth:`Assessment.project <policeframeworks.Assessment.project>`.
        """
        return {}

    @functools.cached_property
    def _leaf_sets_memo(self) -> dict[str, frozenset[str]]:
        """Per target framework id, its leaves as a set (filled by ``CoverageReport``)."""
        return {}

    @functools.cached_property
    def _opposing_memo(self) -> frozenset[int]:
        """The positions of the mappings flagged ``opposing``."""
        return frozenset(i for i, m in enumerate(self.mappings) if m.opposing)

    @functools.cached_property
    def _buckets(self) -> dict[tuple[str, str], list[_Oriented]]:
        """Mapping uses by framework pair (see :func:`._index.framework_buckets`)."""
        return framework_buckets(self.mappings, self._structure.framing)

    def _read(self, i: int, reversed_: bool) -> Mapping:
        m = self.mappings[i]
        return m.inverse() if reversed_ else m

    # ----------------------------------------------------------------- queries

    def related(
        self, principle_id: str, *, relationships: Iterable[Relationship | str] | None = None
    ) -> tuple[Mapping, ...]:
        """Every mapping touching an id (a principle, framing statement or framework), read from its side.

        Each returned mapping has ``.source == principle_id``: an incoming ``subset`` is returned as an
        outgoing ``superset``. Only mappings on the id itself are returned (not those on its parent, its
        children or its framework). ``relationships`` keeps only those relationships (as read from the
        id's side; any spelling :meth:`Relationship.parse` accepts).

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> [m.target for m in cw.related("policylink-pledge:training", relationships=["subset"])]
            []
            >>> [m.target for m in cw.related("policylink-pledge:training", relationships=["superset"])]
            ['policylink-2014:training']

        Raises:
            UnknownIdError: the id is not in the catalog (close ids are suggested).
        """
        reads = self._related_memo
        found = reads.get(principle_id)
        if found is None:
            # Each id's mappings are read (and inverted, which builds and checks a new Mapping) once.
            check_end(self.catalog, principle_id)
            ends = self._by_end.get(principle_id, ())
            found = tuple(self.mappings[i].reads_from(principle_id) for i in ends)
            reads[principle_id] = found
        if relationships is None:
            return found
        wanted = {Relationship.parse(r) for r in relationships}
        return tuple(m for m in found if m.relationship in wanted)

    def coverage(self, source_framework_id: str, target_framework_id: str) -> CoverageReport:
        """How much of the target framework the source framework covers (see the module docs for the rule).

        Example:
            >>> from policeframeworks import load_catalog
            >>> r = load_catalog().crosswalk.coverage("policylink-2014", "policylink-pledge")
            >>> for target in r.covered:
            ...     print(target)
            policylink-pledge:reflect-and-respect-the-community
            >>> print(r.explain("policylink-pledge:training"))
            policylink-pledge:training: touched
              policylink-2014:training subset policylink-pledge:training (9/10)

        Raises:
            UnknownIdError: either framework id is unknown.
        """
        self.catalog.framework(source_framework_id)
        self.catalog.framework(target_framework_id)
        return coverage_report(self, source_framework_id, target_framework_id)

    def matrix(self, frameworks: Sequence[str] | None = None) -> CoverageMatrix:
        """Coverage of every framework by every other, diagonal included (default: every catalog framework).

        Example:
            >>> from policeframeworks import load_catalog
            >>> m = load_catalog().crosswalk.matrix(["policylink-2014", "policylink-pledge"])
            >>> [(s, t, round(lo, 2), round(up, 2)) for s, t, lo, up in m.rows()][1]
            ('policylink-2014', 'policylink-pledge', 0.14, 0.71)
        """
        ids = tuple(self.catalog.framework_ids if frameworks is None else frameworks)
        for f in ids:
            self.catalog.framework(f)
        reports = {(s, t): coverage_report(self, s, t) for s in ids for t in ids}
        return CoverageMatrix(frameworks=ids, reports=reports)

    def disposition(self, principle_id: str, *, against: str | None = None) -> Disposition:
        """Mapped, reviewed with no relationship, or not reviewed.

        A principle is ``mapped`` when a mapping other than ``no_relationship`` is on it or on one of its
        descendants, or when one on an ancestor or its whole framework is, read from that side, ``equal``
        or ``subset`` (so it holds for every part; a ``superset`` or ``intersects`` on a parent says nothing
        certain about a given child). It is ``no_relationship`` when it is not mapped and the whole of
        another framework was reviewed against it with nothing related: every leaf at or below it is
        ``no_relationship`` in that framework's coverage of its own (see :meth:`coverage`: a whole-framework
        ``no_relationship`` mapping, ``no_relationship`` mappings that together take in the whole other
        framework, or a declared complete review); else ``not_reviewed``. A ``no_relationship`` with one
        principle of the other framework says nothing about its other principles. With ``against`` (a
        framework id), only mappings whose other end is in that framework count, and only that framework's
        review. A framing statement (never counted in coverage) is ``no_relationship`` when a
        ``no_relationship`` mapping on it or an ancestor joins it to a whole framework.

        Example:
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.disposition("uscm-2020:community", against="8cantwait-2020")
            <Disposition.NO_RELATIONSHIP: 'no_relationship'>
            >>> cw.disposition("uscm-2020:sanctity-of-life/foot-pursuits")
            <Disposition.NO_RELATIONSHIP: 'no_relationship'>
            >>> cw.disposition("perf-2016:first-aid")
            <Disposition.NOT_REVIEWED: 'not_reviewed'>

        Raises:
            UnknownIdError: not a principle or framing statement of the catalog.
        """
        return disposition_of(self, principle_id, against)

    def derive(self, *, max_hops: int = 3) -> tuple[DerivedMapping, ...]:
        """Relationships implied by chaining asserted mappings across frameworks, each with its path.

        Paths follow mappings in either direction (read accordingly), visit no id twice, and have 2 to
        ``max_hops`` steps; the relationship is composed step by step with :meth:`Relationship.compose`
        and the path is dropped as soon as nothing certain follows. A derived mapping joins ids of two
        different frameworks that no asserted mapping joins. For each (source, relationship, target)
        the shortest path found is kept. Derived mappings are returned apart; the crosswalk is unchanged.

        Example:
            >>> from policeframeworks import Crosswalk, Mapping
            >>> def m(s, r, t, n):
            ...     return Mapping(source=s, relationship=r, target=t, rationale_type="semantic",
            ...                    strength=n, basis="analytic", rationale="r", mapped_by="me")
            >>> cw = Crosswalk([
            ...     m("ilacp-naacp-2018:diversity", "subset", "policylink-2014:diversity", 7),
            ...     m("policylink-2014:diversity", "equal", "policylink-pledge:training", 10),
            ... ])
            >>> for d in cw.derive():
            ...     print(d.source, d.relationship.value, d.target, "via", *d.via)
            ilacp-naacp-2018:diversity subset policylink-pledge:training via policylink-2014:diversity
            policylink-pledge:training superset ilacp-naacp-2018:diversity via policylink-2014:diversity
            >>> from policeframeworks import load_catalog
            >>> load_catalog().crosswalk.derive()  # the bundled mappings imply nothing they do not state
            ()
        """
        return derive_mappings(self.mappings, max_hops=max_hops)

    # ----------------------------------------------------------------- lint

    def lint(self) -> tuple[LintProblem, ...]:
        """Problems as data: unknown ids, self-mappings, duplicates, contradictions, subset cycles.

        Checks (pairs are compared within one rationale type, since NIST IR 8477 allows one pair different
        relationships under different rationales): an id not in the catalog; a mapping from an id to
        itself; two mappings stating the same fact (also one and the other's inverse); one pair with two
        different relationships, stated the same way round (``conflicting``) or opposite ways round
        (``inverse-disagrees``); a pair both related and ``no_relationship``, also through a
        ``no_relationship`` on a parent or whole framework; ``subset`` both ways without ``equal``; a cycle
        of strict subsets through three or more ids; a declared review (:class:`Review`) of a framework the
        catalog does not hold, or holds only in part (``complete = false``), or of one pair twice. Strength
        against relationship and a citation for an
        explicit basis are checked when each :class:`Mapping` is built, so a crosswalk cannot hold those.

        Example:
            >>> import attrs
            >>> from policeframeworks import load_catalog
            >>> cw = load_catalog().crosswalk
            >>> cw.lint()
            ()
            >>> m = next(m for m in cw.mappings if m.relationship.value == "equal")
            >>> bad = cw.with_mappings([attrs.evolve(m, relationship="intersects", strength=5)])
            >>> [p.kind.value for p in bad.lint()]
            ['conflicting']
        """
        return lint_crosswalk(self)

    # ----------------------------------------------------------------- graphs and exports

    def to_networkx(self, *, multigraph: bool = False) -> nx.DiGraph[str]:
        """A fresh networkx graph: catalog ids as nodes, mappings as edges (source -> target).

        Nodes are every principle and framing statement of the catalog and every framework, with scalar
        attributes: ``kind`` (principle, framing or framework), ``framework``, ``title``, ``number``,
        ``themes`` (joined with ``;``), ``parent`` (empty at the top), ``leaf``. Edges carry
        ``relationship``, ``rationale_type``, ``strength``, ``basis``, ``rationale``, ``opposing``,
        ``mapped_by``, ``order`` (position in ``mappings``) and, with a citation, ``citation_publisher``,
        ``citation_title``, ``citation_url``, ``citation_date``, ``citation_locator``. ``G.graph`` holds
        the catalog data version and each framework's data version. A ``DiGraph`` holds one edge per
        ordered pair: if two mappings share one, ask for ``multigraph=True`` (a ``MultiDiGraph``). The
        graph file formats (:func:`policeframeworks.io.write_graphml` and its siblings) write this graph.

        Example:
            >>> from policeframeworks import load_catalog
            >>> g = load_catalog().crosswalk.to_networkx()
            >>> g.edges["policylink-2014:diversity", "policylink-pledge:reflect-and-respect-the-community"][
            ...     "relationship"]
            'equal'

        Raises:
            ValidationError: two mappings share an ordered pair and ``multigraph`` is False.
        """
        return crosswalk_graph(self, multigraph=multigraph)

    @classmethod
    def from_networkx(cls, graph: Any, *, catalog: Catalog | None = None) -> Crosswalk:
        """The crosswalk a graph made by :meth:`to_networkx` (or read from its exports) holds.

        Edges are read in their ``order``; every problem is reported with the edge it is on.

        Example:
            >>> from policeframeworks import Crosswalk, load_catalog
            >>> cw = load_catalog().crosswalk
            >>> Crosswalk.from_networkx(cw.to_networkx(multigraph=True)) == cw
            True
        """
        mappings, reviews = graph_parts(graph)
        return cls(mappings, reviews=reviews, catalog=catalog)

    # ----------------------------------------------------------------- deprecated file methods (see io)

    def to_graphml(self, path: str | os.PathLike[str] | None = None) -> str | None:
        """Deprecated: use :func:`policeframeworks.io.crosswalk_to_graphml` or :func:`~policeframeworks.io.write_graphml`."""  # noqa: E501
        return _deprecated.deprecated_write(self, "graphml", path)  # type: ignore[no-any-return]

    def to_gexf(self, path: str | os.PathLike[str] | None = None) -> str | None:
        """Deprecated: use :func:`policeframeworks.io.crosswalk_to_gexf` or :func:`~policeframeworks.io.write_gexf`."""  # noqa: E501
        return _deprecated.deprecated_write(self, "gexf", path)  # type: ignore[no-any-return]

    def to_node_link(self) -> dict[str, Any]:
        """Deprecated: use :func:`policeframeworks.io.crosswalk_to_node_link`."""
        return _deprecated.deprecated_write(self, "node_link", None)  # type: ignore[no-any-return]

    def to_csv(self, path: str | os.PathLike[str] | None = None) -> str | None:
        """Deprecated: use :func:`policeframeworks.io.crosswalk_to_csv` or :func:`~policeframeworks.io.write_crosswalk_csv`."""  # noqa: E501
        return _deprecated.deprecated_write(self, "csv", path)  # type: ignore[no-any-return]

    @classmethod
    def from_graphml(cls, path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
        """Deprecated: use :func:`policeframeworks.io.read_graphml`."""
        return _deprecated.deprecated_read(cls, "graphml", path, catalog=catalog)

    @classmethod
    def from_gexf(cls, path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
        """Deprecated: use :func:`policeframeworks.io.read_gexf`."""
        return _deprecated.deprecated_read(cls, "gexf", path, catalog=catalog)

    @classmethod
    def from_node_link(cls, data: Any, *, catalog: Catalog | None = None) -> Crosswalk:
        """Deprecated: use :func:`policeframeworks.io.crosswalk_from_node_link`."""
        return _deprecated.deprecated_read(cls, "node_link", data, catalog=catalog)

    @classmethod
    def from_csv(
        cls, source: str | os.PathLike[str], *, catalog: Catalog | None = None, text: str | None = None
    ) -> Crosswalk:
        """Deprecated: use :func:`policeframeworks.io.read_crosswalk_csv` (a file) or :func:`~policeframeworks.io.crosswalk_from_csv` (text)."""  # noqa: E501
        return _deprecated.deprecated_read(cls, "csv", source, catalog=catalog, text=text)

    def to_document(self, *, id: str, title: str, data_version: str) -> CrosswalkDocument:
        """A crosswalk document of these mappings (for ``policeframeworks.io.dump``).

        Example:
            >>> from policeframeworks import load_catalog
            >>> doc = load_catalog().crosswalk.to_document(id="copy", title="Copy", data_version="1")
            >>> len(doc.mappings) == len(load_catalog().crosswalk.mappings)
            True
        """
        return CrosswalkDocument(
            id=id, title=title, data_version=data_version, mappings=self.mappings, reviews=self.reviews
        )
