"""Strategies of the model and the catalog: citations, principles, frameworks, catalogs."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from ..._catalog import Catalog, load_catalog
from ..._model import Citation, Framework, FrameworkKind, Principle, Theme
from ._base import (
    _QUARTER,
    _WORDINGS,
    StrategyArgumentError,
    _check_count,
    _check_range,
    _dates,
    _optional,
    _slugs,
    _text,
    _urls,
    framework_ids,
)


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
    from ..._ids import is_framework_id

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
