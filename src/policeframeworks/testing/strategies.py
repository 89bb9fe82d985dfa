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

import datetime as _dt
import enum
import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._assessment import (
    Assessment,
    AssessmentSet,
    Evidence,
    Finding,
    Jurisdiction,
    JurisdictionKind,
    Method,
    Status,
)
from .._catalog import Catalog, load_catalog
from .._mapping import CrosswalkDocument, Mapping, Review
from .._model import Citation, Framework, FrameworkKind, Principle, Theme, Wording
from .._relationship import Basis, RationaleType, Relationship
from ..crosswalk import Crosswalk
from ..exceptions import PoliceFrameworksError

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

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_TLDS = ("org", "com", "gov", "net", "us")
# No surrogates: they cannot be written as UTF-8.
_ANY_CHAR = st.characters(codec="utf-8")
_WORDINGS = st.sampled_from(Wording)
_QUARTER = st.integers(0, 3).map(lambda n: n == 3)


class StrategyArgumentError(PoliceFrameworksError, InvalidArgument):
    """A strategy was called with arguments that cannot be met (also Hypothesis's ``InvalidArgument``).

    Example:
        >>> frameworks(min_principles=3, max_principles=1)
        Traceback (most recent call last):
        ...
        policeframeworks.testing.strategies.StrategyArgumentError: min_principles=3 is more than ...
    """


def _check_range(low_name: str, low: int, high_name: str, high: int, *, floor: int = 0) -> None:
    for name, value in ((low_name, low), (high_name, high)):
        if isinstance(value, bool) or not isinstance(value, int) or value < floor:
            raise StrategyArgumentError(f"{name}={value!r} must be an integer >= {floor}")
    if low > high:
        raise StrategyArgumentError(f"{low_name}={low!r} is more than {high_name}={high!r}")


def _check_count(name: str, value: int, *, floor: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < floor:
        raise StrategyArgumentError(f"{name}={value!r} must be an integer >= {floor}")


def _not_blank(text: str) -> str:
    """The text itself unless it is all white space, then ``0`` and the text (keeps the model's rule)."""
    return text if text.strip() else "0" + text


@functools.cache
def _text(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Text that is not blank, of any UTF-8 characters (one draw: cheap to generate and to shrink)."""
    return st.text(_ANY_CHAR, min_size=1, max_size=max_size).map(_not_blank)


def _as_slug(text: str) -> str:
    """Hyphens only between letters and digits: ``-a--b-`` becomes ``a-b``; nothing left becomes ``0``."""
    return "-".join(part for part in text.split("-") if part) or "0"


@functools.cache
def _slugs() -> st.SearchStrategy[str]:
    """Lowercase slugs: ``a``, ``x9``, ``use-of-force`` (one draw each: cheap to shrink)."""
    return st.text(_SLUG_ALPHABET + "-", min_size=1, max_size=16).map(_as_slug)


def framework_ids() -> st.SearchStrategy[str]:
    """Framework ids: lowercase slugs such as ``a`` or ``uscm-2020``.

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks._ids import is_framework_id
        >>> @settings(max_examples=20)
        ... @given(framework_ids())
        ... def test_ids(fid):
        ...     assert is_framework_id(fid)
        >>> test_ids()
    """
    return _slugs()


def _cut_date(day: _dt.date, width: int) -> str:
    return day.isoformat()[:width]


@functools.cache
def _dates() -> st.SearchStrategy[str]:
    """ISO dates, possibly reduced: ``2000``, ``2000-01``, ``2000-01-01``."""
    days = st.dates(min_value=_dt.date(1800, 1, 1), max_value=_dt.date(2099, 12, 31))
    return st.builds(_cut_date, days, st.sampled_from((4, 7, 10)))


def _url(scheme: str, host: str, tld: str, path: list[str]) -> str:
    return f"{scheme}://{host}.{tld}" + "".join(f"/{p}" for p in path)


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.builds(
        _url,
        st.sampled_from(("https", "http")),
        _slugs(),
        st.sampled_from(_TLDS),
        st.lists(_slugs(), max_size=3),
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@functools.cache
def citations() -> st.SearchStrategy[Citation]:
    """Valid citations: publisher, title, an ``http(s)://`` address, optional date and locator.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(citations())
        ... def test_urls(c):
        ...     assert c.url.startswith(("http://", "https://"))
        >>> test_urls()
    """
    return st.builds(
        _citation, _text(), _text(), _urls(), st.none() | st.tuples(_optional(_dates()), _locators())
    )


def _citation(publisher: str, title: str, url: str, extras: tuple[str | None, str | None] | None) -> Citation:
    date, locator = extras if extras is not None else (None, None)
    return Citation(publisher=publisher, title=title, url=url, date=date, locator=locator)


@functools.cache
def _locators() -> st.SearchStrategy[str | None]:
    return _optional(_text(max_size=20))


@functools.cache
def _unique_texts(*, max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """Texts unique ignoring case (the model's rule for aliases and placeholders)."""
    return st.lists(_text(max_size=20), max_size=max_size, unique_by=str.casefold).map(tuple)


@functools.cache
def _notes() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(_text(), max_size=2).map(tuple)


@functools.cache
def _themes() -> st.SearchStrategy[tuple[Theme, ...]]:
    return st.lists(st.sampled_from(Theme), min_size=1, max_size=4, unique=True).map(tuple)


@functools.cache
def _slug_lists(*, min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_slugs(), min_size=min_size, max_size=max_size, unique=True)


def _draw_principle(
    draw: st.DrawFn, principle_id: str, depth_left: int, max_children: int, source: Citation
) -> Principle:
    """Draw one principle and its sub-tree (a plain function: one composite for the whole tree)."""
    child_slugs: list[str] = []
    if depth_left > 0 and max_children > 0:
        child_slugs = draw(_slug_lists(min_size=0, max_size=max_children))
    children = tuple(
        _draw_principle(draw, f"{principle_id}/{slug}", depth_left - 1, max_children, source)
        for slug in child_slugs
    )
    # Mostly the framework's source with a locator of its own (as in real files), sometimes another one.
    own_source = draw(_QUARTER)
    citation = draw(citations()) if own_source else attrs.evolve(source, locator=draw(_locators()))
    # A dict typed Any: mypy's attrs plugin cannot type the model's generic tuple converters.
    fields: dict[str, Any] = {
        "id": principle_id,
        "title": draw(_text(max_size=20)),
        "text": draw(_text(max_size=40)),
        "wording": draw(_WORDINGS),
        "themes": draw(_themes()),
        "citation": citation,
        "children": children,
    }
    # The optional fields come as one block, so shrinking can drop them all in one step.
    extras = draw(_principle_extras())
    if extras is not None:
        fields["number"], fields["aliases"], fields["notes"] = extras
    return Principle(**fields)


@functools.cache
def _principle_extras() -> st.SearchStrategy[tuple[str | None, tuple[str, ...], tuple[str, ...]] | None]:
    return st.none() | st.tuples(_optional(_text(max_size=4)), _unique_texts(max_size=2), _notes())


@st.composite
def _principle_tree(
    draw: st.DrawFn, fid: st.SearchStrategy[str], max_depth: int, max_children: int
) -> Principle:
    pid = f"{draw(fid)}:{draw(_slugs())}"
    return _draw_principle(draw, pid, max_depth, max_children, draw(citations()))


def principles(
    *, framework_id: str | None = None, max_depth: int = 2, max_children: int = 3
) -> st.SearchStrategy[Principle]:
    """Valid top-level principles, each with a tree of sub-provisions.

    Args:
        framework_id: the framework the principles belong to (their ids start with it); drawn if None.
        max_depth: how deep sub-provisions go: 0 for none, 1 for children, 2 for grandchildren.
        max_children: the most sub-provisions under one principle.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(principles(framework_id="ex", max_depth=1))
        ... def test_ids(p):
        ...     assert p.id.startswith("ex:")
        ...     assert all(c.id.startswith(p.id + "/") and c.is_leaf for c in p.children)
        >>> test_ids()

    Raises:
        StrategyArgumentError: ``framework_id`` is not a framework id, or a count is negative.
    """
    _check_count("max_depth", max_depth)
    _check_count("max_children", max_children)
    return _principle_tree(_framework_id_strategy(framework_id), max_depth, max_children)


def _framework_id_strategy(framework_id: str | None) -> st.SearchStrategy[str]:
    if framework_id is None:
        return framework_ids()
    from .._ids import is_framework_id

    if not (isinstance(framework_id, str) and is_framework_id(framework_id)):
        raise StrategyArgumentError(
            f"framework_id={framework_id!r} is not a framework id (a lowercase slug such as 'uscm-2020')"
        )
    return st.just(framework_id)


@st.composite
def _framework(
    draw: st.DrawFn,
    fid_strategy: st.SearchStrategy[str],
    min_principles: int,
    max_principles: int,
    max_depth: int,
    max_children: int,
    kinds: Sequence[FrameworkKind],
    complete: bool | None,
) -> Framework:
    fid = draw(fid_strategy)
    n_principles = draw(st.integers(min_principles, max_principles))
    n_framing = draw(st.integers(0, 2))
    # Top-level slugs of principles and framing statements share one namespace.
    n_top = n_principles + n_framing
    top = draw(_slug_lists(min_size=n_top, max_size=n_top))
    source = draw(citations())
    tops = tuple(_draw_principle(draw, f"{fid}:{slug}", max_depth, max_children, source) for slug in top)
    # The optional fields come as one block, so shrinking can drop them all in one step.
    extras = draw(_framework_extras())
    preamble, placeholders, notes = extras if extras is not None else (None, (), ())
    if placeholders:
        preamble = " ".join([preamble or draw(_text()), *placeholders])
    is_complete = (not draw(st.booleans())) if complete is None else complete
    fields: dict[str, Any] = {
        "id": fid,
        "family": draw(_slugs()),
        "version": draw(_text(max_size=10)),
        "title": draw(_text()),
        "short_title": draw(_text(max_size=20)),
        "publisher": draw(_text()),
        "date": draw(_dates()),
        "kind": draw(st.sampled_from(kinds)),
        "data_version": draw(_text(max_size=12)),
        "citation": source,
        "principles": tops[:n_principles],
        "framing": tops[n_principles:],
        "preamble": preamble,
        "placeholders": placeholders,
        "complete": is_complete,
        "missing": None if is_complete else draw(_text()),
        "notes": notes,
    }
    return Framework(**fields)


@functools.cache
def _framework_extras() -> st.SearchStrategy[tuple[str | None, tuple[str, ...], tuple[str, ...]] | None]:
    return st.none() | st.tuples(_optional(_text(max_size=60)), _unique_texts(max_size=2), _notes())


def frameworks(
    *,
    framework_id: str | None = None,
    min_principles: int = 1,
    max_principles: int = 6,
    max_depth: int = 2,
    max_children: int = 3,
    kinds: Sequence[FrameworkKind | str] | None = None,
    complete: bool | None = None,
) -> st.SearchStrategy[Framework]:
    """Valid frameworks: unique principle ids under the framework's id, optional framing statements.

    Args:
        framework_id: the id every framework gets; drawn if None.
        min_principles: the fewest top-level principles (at least 1: a framework needs one).
        max_principles: the most top-level principles.
        max_depth: how deep sub-provisions go: 0 for none, 1 for children, 2 for grandchildren.
        max_children: the most sub-provisions under one principle.
        kinds: the kinds to choose from (default: all of :class:`~policeframeworks.FrameworkKind`).
        complete: only complete (True) or only incomplete (False) frameworks; both if None.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(frameworks(min_principles=2, max_principles=3, max_depth=0, kinds=["pledge"]))
        ... def test_shape(fw):
        ...     assert 2 <= len(fw.principles) <= 3
        ...     assert all(p.is_leaf for p in fw.principles) and fw.kind == "pledge"
        >>> test_shape()

    Raises:
        StrategyArgumentError: the arguments cannot be met (``min_principles`` above ``max_principles``,
            an unknown kind, an invalid ``framework_id``).
    """
    _check_range("min_principles", min_principles, "max_principles", max_principles, floor=1)
    _check_count("max_depth", max_depth)
    _check_count("max_children", max_children)
    if complete is not None and not isinstance(complete, bool):
        raise StrategyArgumentError(f"complete={complete!r} must be True, False or None")
    return _framework(
        _framework_id_strategy(framework_id),
        min_principles,
        max_principles,
        max_depth,
        max_children,
        _kinds(kinds),
        complete,
    )


def _kinds(kinds: Sequence[FrameworkKind | str] | None) -> tuple[FrameworkKind, ...]:
    if kinds is None:
        return tuple(FrameworkKind)
    if isinstance(kinds, str):
        raise StrategyArgumentError(f"kinds={kinds!r} must be a list of kinds, not one string")
    out: list[FrameworkKind] = []
    words = [k.value for k in FrameworkKind]
    for kind in kinds:
        try:
            out.append(FrameworkKind(kind))
        except ValueError:
            raise StrategyArgumentError(f"kinds: {kind!r} is not one of {', '.join(words)}") from None
    if not out:
        raise StrategyArgumentError("kinds must name at least one kind")
    return tuple(dict.fromkeys(out))


def bundled_frameworks() -> st.SearchStrategy[Framework]:
    """One of the frameworks of the bundled catalog (read on first draw, not when called).

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks import load_catalog
        >>> @settings(max_examples=10)
        ... @given(bundled_frameworks())
        ... def test_bundled(fw):
        ...     assert fw is load_catalog().framework(fw.id)
        >>> test_bundled()
    """
    return st.deferred(lambda: st.sampled_from(load_catalog().frameworks))


def catalogs(
    *,
    min_frameworks: int = 1,
    max_frameworks: int = 3,
    include_bundled: bool = False,
    max_principles: int = 4,
    max_depth: int = 1,
) -> st.SearchStrategy[Catalog]:
    """Valid catalogs of generated frameworks with unique ids, optionally after the bundled ones.

    Args:
        min_frameworks: the fewest generated frameworks.
        max_frameworks: the most generated frameworks.
        include_bundled: put the bundled frameworks first (generated ids never clash with them).
        max_principles: the most top-level principles per generated framework.
        max_depth: how deep sub-provisions go in generated frameworks.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(catalogs(min_frameworks=2, include_bundled=True))
        ... def test_catalog(cat):
        ...     assert "uscm-2020" in cat and len(cat) >= 7
        >>> test_catalog()

    Raises:
        StrategyArgumentError: ``min_frameworks`` above ``max_frameworks``, or a negative count.
    """
    _check_range("min_frameworks", min_frameworks, "max_frameworks", max_frameworks)
    _check_count("max_principles", max_principles, floor=1)
    _check_count("max_depth", max_depth)
    if not isinstance(include_bundled, bool):
        raise StrategyArgumentError(f"include_bundled={include_bundled!r} must be True or False")

    def build(bundled: tuple[Framework, ...]) -> st.SearchStrategy[Catalog]:
        taken = {fw.id for fw in bundled}
        ids = st.lists(
            framework_ids().filter(lambda fid: fid not in taken) if taken else framework_ids(),
            min_size=min_frameworks,
            max_size=max_frameworks,
            unique=True,
        )

        def from_ids(fids: list[str]) -> st.SearchStrategy[Catalog]:
            parts = [
                frameworks(framework_id=fid, max_principles=max_principles, max_depth=max_depth)
                for fid in fids
            ]
            return st.tuples(*parts).map(lambda fws: Catalog([*bundled, *fws]))

        return ids.flatmap(from_ids)

    if include_bundled:
        return st.deferred(lambda: build(load_catalog().frameworks))
    return build(())


# --------------------------------------------------------------------------- crosswalks


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

_FIPS_LENGTHS = (2, 5, 7, 10)
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _stripped(text: str) -> str:
    """The text without surrounding white space (``0`` if nothing is left), as jurisdictions require."""
    return text.strip() or "0"


@functools.cache
def _names() -> st.SearchStrategy[str]:
    return st.text(_ANY_CHAR, min_size=1, max_size=24).map(_stripped)


def jurisdictions(
    *, kinds: Sequence[JurisdictionKind | str] | None = None, states: Sequence[str] | None = None
) -> st.SearchStrategy[Jurisdiction]:
    """Valid jurisdictions: a name without surrounding spaces, a state code, optional FIPS, ORI, attributes.

    Args:
        kinds: the kinds to choose from (default: all).
        states: the two-letter state codes to choose from (default: all, and sometimes no state).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(jurisdictions(kinds=["city"], states=["IL", "TX"]))
        ... def test_cities(j):
        ...     assert j.kind == "city" and j.state in ("IL", "TX")
        >>> test_cities()

    Raises:
        StrategyArgumentError: an unknown kind or state code.
    """
    from .._states import STATES

    kind_choices = _enum_choices("kinds", kinds, JurisdictionKind)
    if states is None:
        state_strategy: st.SearchStrategy[str | None] = _optional(st.sampled_from(sorted(STATES)))
    else:
        if isinstance(states, str):
            raise StrategyArgumentError(f"states={states!r} must be a list of codes, not one string")
        bad = [code for code in states if code not in STATES]
        if bad or not states:
            raise StrategyArgumentError(f"states: {bad or states!r} are not two-letter state codes")
        state_strategy = st.sampled_from(tuple(states))
    fips = st.sampled_from(_FIPS_LENGTHS).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))
    ori = st.builds(
        operator.add,
        st.text(_UPPER, min_size=2, max_size=2),
        st.text(_UPPER + "0123456789", min_size=7, max_size=7),
    )
    attributes = st.dictionaries(_names(), _names(), max_size=2)
    extras = st.none() | st.tuples(_optional(fips), _optional(ori), attributes)

    def build(name: str, state: str | None, kind: JurisdictionKind, more: Any) -> Jurisdiction:
        f, o, attrs_ = more if more is not None else (None, None, {})
        return Jurisdiction(name=name, state=state, kind=kind, fips=f, ori=o, attributes=attrs_)

    return st.builds(build, _names(), state_strategy, st.sampled_from(kind_choices), extras)


def _enum_choices(name: str, values: Sequence[Any] | None, cls: type[E]) -> tuple[E, ...]:
    if values is None:
        return tuple(cls)
    if isinstance(values, str):
        raise StrategyArgumentError(f"{name}={values!r} must be a list, not one string")
    out = []
    for v in values:
        try:
            out.append(cls(v))
        except ValueError:
            words = ", ".join(str(m.value) for m in cls)
            raise StrategyArgumentError(f"{name}: {v!r} is not one of {words}") from None
    if not out:
        raise StrategyArgumentError(f"{name} must name at least one value")
    return tuple(dict.fromkeys(out))


@functools.cache
def evidence() -> st.SearchStrategy[Evidence]:
    """Valid evidence: a title and, sometimes, where, when and what it says.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(evidence())
        ... def test_titled(e):
        ...     assert e.title.strip()
        >>> test_titled()
    """
    more = st.none() | st.tuples(
        _optional(_urls()),
        _optional(_text()),
        _optional(_dates()),
        _optional(_text(max_size=12)),
        _optional(_text(max_size=60)),
        _optional(_dates()),
    )

    def build(title: str, extra: Any) -> Evidence:
        url, publisher, date, section, quote, retrieved = extra if extra is not None else (None,) * 6
        return Evidence(
            title=title,
            url=url,
            publisher=publisher,
            date=date,
            section=section,
            quote=quote,
            retrieved=retrieved,
        )

    return st.builds(build, _text(), more)


def findings(
    *, principle_ids: Sequence[str] | None = None, statuses: Sequence[Status | str] | None = None
) -> st.SearchStrategy[Finding]:
    """Valid findings: a principle id, a status, sometimes evidence and a note.

    Args:
        principle_ids: the principles to choose from (default: any principle id).
        statuses: the statuses to choose from (default: all five).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(findings(principle_ids=["ex:a", "ex:b"], statuses=["adopted"]))
        ... def test_adopted(f):
        ...     assert f.status == "adopted" and f.principle_id in ("ex:a", "ex:b")
        >>> test_adopted()

    Raises:
        StrategyArgumentError: an unknown status, no principle ids, or an invalid id.
    """
    status_choices = _enum_choices("statuses", statuses, Status)
    if principle_ids is None:
        ids: st.SearchStrategy[str] = st.builds(lambda f, p: f"{f}:{p}", _slugs(), _slugs())
    else:
        from .._ids import is_principle_id

        if isinstance(principle_ids, str) or not principle_ids:
            raise StrategyArgumentError(f"principle_ids={principle_ids!r} must be a non-empty list of ids")
        bad = [p for p in principle_ids if not (isinstance(p, str) and is_principle_id(p))]
        if bad:
            raise StrategyArgumentError(f"principle_ids: {bad!r} are not principle ids")
        ids = st.sampled_from(tuple(principle_ids))
    return st.builds(_finding, ids, st.sampled_from(status_choices), _finding_extras())


def _finding(principle_id: str, status: Status, extra: Any) -> Finding:
    found, note = extra if extra is not None else ((), None)
    return Finding(principle_id=principle_id, status=status, evidence=found, note=note)


@functools.cache
def _finding_extras() -> st.SearchStrategy[Any]:
    return st.none() | st.tuples(st.lists(evidence(), max_size=2).map(tuple), _optional(_text(max_size=40)))


@st.composite
def _assessment(
    draw: st.DrawFn,
    framework: Framework | None,
    status_choices: tuple[Status, ...],
    reported: bool | None,
    max_findings: int | None,
) -> Assessment:
    fw = framework if framework is not None else draw(bundled_frameworks())
    ids = fw.principle_ids
    limit = len(ids) if max_findings is None else min(max_findings, len(ids))
    chosen = draw(st.lists(st.sampled_from(ids), max_size=limit, unique=True))
    status = st.sampled_from(status_choices)
    found = [_finding(pid, draw(status), draw(_finding_extras())) for pid in chosen]
    by_id = {f.principle_id: f.status for f in found}
    leaf_statuses = [by_id.get(p.id, Status.UNKNOWN) for p in fw.leaves()]
    adopted = leaf_statuses.count(Status.ADOPTED)
    unknown = leaf_statuses.count(Status.UNKNOWN)
    with_total = draw(st.booleans()) if reported is None else reported
    total = draw(st.integers(adopted, adopted + unknown)) if with_total else None
    extra = draw(st.none() | st.tuples(st.lists(evidence(), max_size=2).map(tuple), _notes()))
    more, notes = extra if extra is not None else ((), ())
    fields: dict[str, Any] = {
        "jurisdiction": draw(jurisdictions()),
        "framework_id": fw.id,
        "as_of": draw(_dates()),
        "assessor": draw(_text(max_size=20)).strip() or "0",
        "method": draw(st.sampled_from(Method)),
        "findings": tuple(found),
        "reported_total": total,
        "evidence": more,
        "notes": notes,
    }
    result = Assessment(**fields)
    result.check(fw)
    return result


def assessments(
    *,
    framework: Framework | None = None,
    statuses: Sequence[Status | str] | None = None,
    reported_total: bool | None = None,
    max_findings: int | None = None,
) -> st.SearchStrategy[Assessment]:
    """Valid assessments: findings on principles of the framework, reported totals the findings allow.

    Findings name principles of the framework (never framing statements), at most one each; a reported
    total lies between the adopted findings and the adopted plus unknown principles, so scores are
    consistent with it. Findings carry no ``derived_from`` (projected assessments come from
    :meth:`Assessment.project <policeframeworks.Assessment.project>`).

    Args:
        framework: the framework assessed against (default: one of the bundled frameworks), e.g.
            ``load_catalog().framework("8cantwait-2020")`` or one drawn from :func:`frameworks`.
        statuses: the statuses findings may have (default: all five).
        reported_total: always (True), never (False) or sometimes (None) a reported total.
        max_findings: the most findings (default: one per principle).

    Example:
        >>> from hypothesis import given, settings
        >>> from policeframeworks import load_catalog
        >>> eight = load_catalog().framework("8cantwait-2020")
        >>> @settings(max_examples=20)
        ... @given(assessments(framework=eight, statuses=["adopted", "not_adopted"], reported_total=True))
        ... def test_bounds(a):
        ...     s = a.score()
        ...     assert s.lower <= s.reported_total <= s.upper
        >>> test_bounds()

    Raises:
        StrategyArgumentError: an unknown status or a bad argument.
    """
    status_choices = _enum_choices("statuses", statuses, Status)
    if framework is not None and not isinstance(framework, Framework):
        raise StrategyArgumentError(f"framework={framework!r} must be a Framework or None")
    if reported_total is not None and not isinstance(reported_total, bool):
        raise StrategyArgumentError(f"reported_total={reported_total!r} must be True, False or None")
    if max_findings is not None:
        _check_count("max_findings", max_findings)
    return _assessment(framework, status_choices, reported_total, max_findings)


def assessment_sets(*, max_size: int = 3) -> st.SearchStrategy[AssessmentSet]:
    """Valid assessment sets (a file of many assessments), each assessment as :func:`assessments` draws.

    Args:
        max_size: the most assessments in a set.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(assessment_sets(max_size=2))
        ... def test_small(s):
        ...     assert len(s) <= 2
        >>> test_small()

    Raises:
        StrategyArgumentError: a negative ``max_size``.
    """
    _check_count("max_size", max_size)
    return st.lists(assessments(), max_size=max_size).map(lambda found: AssessmentSet(assessments=found))


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
