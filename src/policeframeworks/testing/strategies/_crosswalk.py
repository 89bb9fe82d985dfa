"""Strategies of crosswalks: mappings, crosswalks, crosswalk documents."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from ..._catalog import Catalog, load_catalog
from ..._mapping import CrosswalkDocument, Mapping, Review
from ..._relationship import Basis, RationaleType, Relationship
from ...crosswalk import Crosswalk
from ...exceptions import PoliceFrameworksError
from ._base import (
    _QUARTER,
    StrategyArgumentError,
    _check_count,
    _check_range,
    _dates,
    _optional,
    _slugs,
    _text,
)
from ._model import (
    _notes,
    citations,
)


def _catalog_or_bundled(catalog: Catalog | None) -> Catalog:
    if catalog is None:
        return load_catalog()
    if not isinstance(catalog, Catalog):
        raise StrategyArgumentError(f"catalog={catalog!r} must be a Catalog or None")
    return catalog


def _relationship_choices(relationships: Sequence[Relationship | str] | None) -> tuple[Relationship, ...]:
    if relationships is None:
        return tuple(Relationship)
    if isinstance(relationships, str):
        raise StrategyArgumentError(f"relationships={relationships!r} must be a list, not one string")
    out: list[Relationship] = []
    for r in relationships:
        try:
            out.append(Relationship.parse(r))
        except PoliceFrameworksError:
            words = ", ".join(x.value for x in Relationship)
            raise StrategyArgumentError(f"relationships: {r!r} is not one of {words}") from None
    if not out:
        raise StrategyArgumentError("relationships must name at least one relationship")
    return tuple(dict.fromkeys(out))


class _Ends:
    """The ids a mapping can join in a catalog: principles, framing statements and whole frameworks."""

    def __init__(self, catalog: Catalog) -> None:
        self.all: list[str] = []
        self.leaves: set[str] = set()
        for fw in catalog.frameworks:
            self.all.append(fw.id)
            for top in (*fw.principles, *fw.framing):
                for p in top.walk():
                    self.all.append(p.id)
                    if p.is_leaf:
                        self.leaves.add(p.id)
        self.several_frameworks = len(catalog) > 1
        self._others: dict[str, list[str]] = {}

    def others(self, source: str) -> list[str]:
        """The ids a mapping from ``source`` can go to (other frameworks' ids, if there are others)."""
        fid = _framework_of(source)
        if not self.several_frameworks:
            return [e for e in self.all if e != source]
        if fid not in self._others:
            self._others[fid] = [e for e in self.all if _framework_of(e) != fid]
        return self._others[fid]


def _framework_of(end: str) -> str:
    return end.split(":", 1)[0]


def _rank(salt: int, end: str) -> int:
    """A fixed pseudo-random order of ids for one example (crc32: the same in every process)."""
    import zlib

    return zlib.crc32(f"{salt}:{end}".encode())


@st.composite
def _pair(draw: st.DrawFn, ends: _Ends) -> tuple[str, str]:
    source = draw(st.sampled_from(ends.all))
    return source, draw(st.sampled_from(ends.others(source)))


@st.composite
def _mapping(
    draw: st.DrawFn,
    ends: _Ends,
    relationships: tuple[Relationship, ...],
    pair: tuple[str, str] | None,
    salt: int,
) -> Mapping:
    source, target = draw(_pair(ends)) if pair is None else pair
    allowed = [
        r
        for r in relationships
        if r is not Relationship.NO_RELATIONSHIP or (source in ends.leaves and target in ends.leaves)
    ]
    relationship = draw(st.sampled_from(allowed or [Relationship.INTERSECTS]))
    # Strict subsets always point up a fixed order of ids (ends swapped if need be): never a cycle.
    if relationship in (Relationship.SUBSET, Relationship.SUPERSET):
        up = _rank(salt, source) < _rank(salt, target)
        if up != (relationship is Relationship.SUBSET):
            source, target = target, source
    low, high = relationship.strength_range
    basis = draw(st.sampled_from(Basis))
    citation = draw(citations()) if basis is Basis.EXPLICIT else draw(_optional(citations()))
    fields: dict[str, Any] = {
        "source": source,
        "relationship": relationship,
        "target": target,
        "rationale_type": draw(st.sampled_from(RationaleType)),
        "strength": draw(st.integers(low, high)),
        "basis": basis,
        "rationale": draw(_text(max_size=40)),
        "mapped_by": draw(_text(max_size=16)),
        "opposing": relationship.touches and draw(_QUARTER),
        "citation": citation,
    }
    return Mapping(**fields)


def mappings(
    *,
    catalog: Catalog | None = None,
    relationships: Sequence[Relationship | str] | None = None,
) -> st.SearchStrategy[Mapping]:
    """Valid mappings between ids of a catalog (principles, framing statements or whole frameworks).

    The ends are two different ids, of two different frameworks when the catalog has more than one;
    ``no_relationship`` joins two leaf principles only; strength fits the relationship; an explicit basis
    has a citation.

    Args:
        catalog: the catalog the ids come from (default: the bundled catalog).
        relationships: the relationships to choose from (default: all five).

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks import load_catalog
        >>> @settings(max_examples=20)
        ... @given(mappings(relationships=["equal", "superset"]))
        ... def test_ends_exist(m):
        ...     assert m.source in load_catalog() and m.target in load_catalog()
        ...     assert m.relationship.covers
        >>> test_ends_exist()

    Raises:
        StrategyArgumentError: an unknown relationship, or a catalog with fewer than two ids.
    """
    choices = _relationship_choices(relationships)
    if catalog is not None:
        _check_mappable(_catalog_or_bundled(catalog))
    return st.deferred(
        lambda: st.integers(0, 2**16).flatmap(lambda salt: _mapping(_ends_of(catalog), choices, None, salt))
    )


def _check_mappable(catalog: Catalog) -> None:
    if len(_Ends(catalog).all) < 2:
        raise StrategyArgumentError("the catalog holds fewer than two ids, so nothing can be mapped")


def _ends_of(catalog: Catalog | None) -> _Ends:
    if catalog is None:
        return _bundled_ends()
    return _Ends(catalog)


@functools.cache
def _bundled_ends() -> _Ends:
    return _Ends(load_catalog())


@st.composite
def _crosswalk(
    draw: st.DrawFn,
    catalog: Catalog | None,
    choices: tuple[Relationship, ...],
    min_size: int,
    max_size: int,
    max_reviews: int = 0,
) -> Crosswalk:
    ends = _ends_of(catalog)
    cat = _catalog_or_bundled(catalog)
    salt = draw(st.integers(0, 2**16))

    def pair_key(pair: tuple[str, str]) -> tuple[str, str]:
        a, b = sorted(pair)
        return (a, b)

    pairs = draw(st.lists(_pair(ends), min_size=min_size, max_size=max_size, unique_by=pair_key))
    declared: list[Review] = []
    if max_reviews and len(_complete_ids(cat)) >= 2:
        declared = draw(st.lists(_review(cat), max_size=max_reviews, unique_by=lambda r: r.pair))
    # Built here, so that Hypothesis never prints the catalog (a Crosswalk's repr leaves it out).
    return Crosswalk(
        [draw(_mapping(ends, choices, pair, salt)) for pair in pairs], reviews=declared, catalog=cat
    )


def _complete_ids(catalog: Catalog) -> tuple[str, ...]:
    return tuple(fw.id for fw in catalog.frameworks if fw.complete)


@st.composite
def _review(draw: st.DrawFn, catalog: Catalog) -> Review:
    ids = _complete_ids(catalog)
    source, target = draw(st.permutations(ids).map(lambda found: found[:2]))
    return Review(
        source=source,
        target=target,
        scope="complete",
        reviewer=draw(_text()),
        date=draw(_dates()),
        note=draw(st.just("") | _text()),
    )


def reviews(*, catalog: Catalog | None = None) -> st.SearchStrategy[Review]:
    """Valid declared reviews of two different frameworks the catalog holds completely (lint-clean).

    Args:
        catalog: the catalog the framework ids come from (default: the bundled catalog).

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks import load_catalog
        >>> @settings(max_examples=10)
        ... @given(reviews())
        ... def test_known(r):
        ...     assert load_catalog().framework(r.source).complete and r.source != r.target
        >>> test_known()

    Raises:
        StrategyArgumentError: the catalog holds fewer than two frameworks completely.
    """
    if catalog is not None and len(_complete_ids(catalog)) < 2:
        raise StrategyArgumentError("a review needs two frameworks the catalog holds completely")
    return st.deferred(lambda: _review(_catalog_or_bundled(catalog)))


def crosswalks(
    *,
    catalog: Catalog | None = None,
    min_size: int = 0,
    max_size: int = 8,
    relationships: Sequence[Relationship | str] | None = None,
    max_reviews: int = 0,
) -> st.SearchStrategy[Crosswalk]:
    """Valid crosswalks over a catalog, clean by :meth:`Crosswalk.lint <policeframeworks.Crosswalk.lint>`.

    Each unordered pair of ids is mapped at most once, so no two mappings duplicate or contradict each
    other; strict subsets never form a cycle; ``no_relationship`` joins leaves only.

    Args:
        catalog: the catalog the ids come from (default: the bundled catalog); pass one drawn from
            :func:`catalogs` with ``catalogs().flatmap(lambda c: crosswalks(catalog=c))``.
        min_size: the fewest mappings.
        max_size: the most mappings.
        relationships: the relationships to choose from (default: all five).
        max_reviews: the most declared reviews (:func:`reviews`, one per framework pair; none by
            default). A declared review may say two frameworks were compared completely whatever the
            mappings drawn: use it to test what a review changes, not to model a real one.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(crosswalks(max_size=5))
        ... def test_clean(cw):
        ...     assert cw.lint() == ()
        >>> test_clean()

    Raises:
        StrategyArgumentError: ``min_size`` above ``max_size``, an unknown relationship, or a catalog
            with fewer than two ids.
    """
    _check_range("min_size", min_size, "max_size", max_size)
    _check_count("max_reviews", max_reviews)
    choices = _relationship_choices(relationships)
    if catalog is not None:
        _check_mappable(_catalog_or_bundled(catalog))
    return st.deferred(lambda: _crosswalk(catalog, choices, min_size, max_size, max_reviews))


def crosswalk_documents(
    *, catalog: Catalog | None = None, max_size: int = 8
) -> st.SearchStrategy[CrosswalkDocument]:
    """Valid crosswalk documents (what a crosswalk file holds) whose mappings are lint-clean.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(crosswalk_documents(max_size=3))
        ... def test_listed(doc):
        ...     assert all(m.source.split(":")[0] in doc.frameworks for m in doc.mappings)
        >>> test_listed()

    Raises:
        StrategyArgumentError: a negative ``max_size`` or a catalog with fewer than two ids.
    """
    _check_count("max_size", max_size)

    def document(
        cw: Crosswalk, slug: str, title: str, version: str, notes: tuple[str, ...]
    ) -> CrosswalkDocument:
        used = dict.fromkeys(_framework_of(e) for m in cw.mappings for e in (m.source, m.target))
        fields: dict[str, Any] = {
            "id": slug,
            "title": title,
            "data_version": version,
            "mappings": cw.mappings,
            "frameworks": tuple(used),
            "notes": notes,
        }
        return CrosswalkDocument(**fields)

    return st.builds(
        document,
        crosswalks(catalog=catalog, max_size=max_size),
        _slugs(),
        _text(),
        _text(max_size=12),
        _notes(),
    )


# --------------------------------------------------------------------------- assessments
