"""Comparing two versions of a framework: which principles were added, removed or changed.

Principles of the two frameworks are matched in two ways, in this order:

1. **Declared correspondence**: a principle's ``corresponds_to`` names its counterpart in the other version
   (declared on either side; each principle has at most one counterpart). Use it when a provision was
   reworded so much that it got a new slug, or changed in substance (a new id, by the id policy).
2. **Same slug**: otherwise, principles whose ids are equal after the framework id
   (``useofforce-2016:require-de-escalation`` and ``8cantwait-2020:require-de-escalation``) match.

Unmatched principles of the first framework are *removed*, unmatched ones of the second are *added*; a
matched pair is *changed* when its number, title, text, wording or set of themes differ, and *reworded*
when its title or text differ. Framing statements are not compared. Any two frameworks can be compared;
the comparison is meaningful between versions of one family (see :attr:`FrameworkDiff.same_family`).

A crosswalk between two versions is generated from the same matching by :func:`version_crosswalk`
(``equal`` only where the text is the same, ``intersects`` where it was reworded; see there for the rule).

Example:
    >>> from policeframeworks import diff, load_catalog
    >>> d = diff("useofforce-2016", "8cantwait-2020")
    >>> [p.id for p in d.removed], [p.id for p in d.added]
    (['useofforce-2016:life-preservation'], ['8cantwait-2020:ban-shooting-at-moving-vehicles'])
    >>> print(d.changed[2])
    useofforce-2016:duty-to-intervene-and-report -> 8cantwait-2020:duty-to-intervene (declared): title, text
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ._ids import framework_id_of
from ._model import Framework, Principle
from .exceptions import Problem, ValidationError

if TYPE_CHECKING:
    from ._catalog import Catalog
    from ._mapping import Mapping
    from .crosswalk import Crosswalk

__all__ = ["FrameworkDiff", "PrincipleChange", "diff", "version_crosswalk"]

#: ``mapped_by`` of every mapping :func:`version_crosswalk` makes.
GENERATED_BY = "generated"

#: The fields compared between matched principles, in report order.
COMPARED_FIELDS = ("number", "title", "text", "wording", "themes")


@attrs.frozen(kw_only=True)
class PrincipleChange:
    """A principle present in both versions, with what differs.

    Attributes:
        before: the principle in the first framework.
        after: its counterpart in the second.
        matched_by: ``"declared"`` (through ``corresponds_to``) or ``"slug"`` (same id after the
            framework id).
        changed: the names of the compared fields that differ, in the order of ``COMPARED_FIELDS``
            (themes compare as sets); empty when nothing differs.

    Example:
        >>> from policeframeworks import diff
        >>> c = diff("useofforce-2016", "8cantwait-2020").changed[0]
        >>> c.before.id, c.after.id, c.matched_by, c.reworded
        ('useofforce-2016:require-de-escalation', '8cantwait-2020:require-de-escalation', 'slug', True)
    """

    before: Principle
    after: Principle
    matched_by: str
    changed: tuple[str, ...]

    @property
    def reworded(self) -> bool:
        """Whether the title or the text differ."""
        return "title" in self.changed or "text" in self.changed

    def reversed(self) -> PrincipleChange:
        """The same change seen from the other framework (``before`` and ``after`` swapped)."""
        return PrincipleChange(
            before=self.after, after=self.before, matched_by=self.matched_by, changed=self.changed
        )

    def __str__(self) -> str:
        what = ", ".join(self.changed) if self.changed else "unchanged"
        return f"{self.before.id} -> {self.after.id} ({self.matched_by}): {what}"


@attrs.frozen(kw_only=True)
class FrameworkDiff:
    """What changed from framework ``before`` to framework ``after``.

    Attributes:
        before: the first framework's id.
        after: the second framework's id.
        same_family: whether both frameworks share a family (are versions of one framework).
        removed: principles of ``before`` with no counterpart in ``after``, in ``before``'s order.
        added: principles of ``after`` with no counterpart in ``before``, in ``after``'s order.
        matched: every matched pair, changed or not, in ``before``'s order.

    Example:
        >>> from policeframeworks import diff
        >>> d = diff("useofforce-2016", "8cantwait-2020")
        >>> d.same_family, len(d.reworded), len(d.unchanged), d.is_empty
        (True, 7, 0, False)
        >>> diff("uscm-2020", "uscm-2020").is_empty
        True
    """

    before: str
    after: str
    same_family: bool
    removed: tuple[Principle, ...]
    added: tuple[Principle, ...]
    matched: tuple[PrincipleChange, ...]

    @property
    def changed(self) -> tuple[PrincipleChange, ...]:
        """The matched pairs that differ in a compared field."""
        return tuple(c for c in self.matched if c.changed)

    @property
    def unchanged(self) -> tuple[PrincipleChange, ...]:
        """The matched pairs that do not differ."""
        return tuple(c for c in self.matched if not c.changed)

    @property
    def reworded(self) -> tuple[PrincipleChange, ...]:
        """The changed pairs whose title or text differ."""
        return tuple(c for c in self.matched if c.reworded)

    @property
    def is_empty(self) -> bool:
        """True when nothing was added, removed or changed."""
        return not (self.added or self.removed or self.changed)

    def reversed(self) -> FrameworkDiff:
        """The diff from ``after`` back to ``before``: added and removed swap, pairs turn around.

        ``d.reversed()`` equals ``diff(after, before)`` up to the order of ``matched``, which follows the
        first framework's document order in each.

        Example:
            >>> from policeframeworks import diff
            >>> [p.id for p in diff("useofforce-2016", "8cantwait-2020").reversed().removed]
            ['8cantwait-2020:ban-shooting-at-moving-vehicles']
        """
        return FrameworkDiff(
            before=self.after,
            after=self.before,
            same_family=self.same_family,
            removed=self.added,
            added=self.removed,
            matched=tuple(c.reversed() for c in self.matched),
        )

    def lines(self) -> Iterator[str]:
        """The diff as text lines: a heading, then ``-`` removed, ``+`` added, ``~`` changed.

        Example:
            >>> from policeframeworks import diff
            >>> for line in list(diff("useofforce-2016", "8cantwait-2020").lines())[:3]:
            ...     print(line)
            useofforce-2016 -> 8cantwait-2020 (same family): 1 removed, 1 added, 7 changed, 0 unchanged
            - useofforce-2016:life-preservation  Life preservation as the primary principle
            + 8cantwait-2020:ban-shooting-at-moving-vehicles  Ban Shooting at Moving Vehicles
        """
        family = "same family" if self.same_family else "different families"
        yield (
            f"{self.before} -> {self.after} ({family}): {len(self.removed)} removed, "
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged"
        )
        for p in self.removed:
            yield f"- {p.id}  {p.title}"
        for p in self.added:
            yield f"+ {p.id}  {p.title}"
        for c in self.changed:
            yield f"~ {c}"

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _slug(principle_id: str) -> str:
    return principle_id.split(":", 1)[1]


def _differences(a: Principle, b: Principle) -> tuple[str, ...]:
    out = []
    for field in COMPARED_FIELDS:
        x, y = getattr(a, field), getattr(b, field)
        if field == "themes":
            x, y = frozenset(x), frozenset(y)
        if x != y:
            out.append(field)
    return tuple(out)


def _declared_pairs(a: Framework, b: Framework) -> dict[str, str]:
    """Declared correspondences between a and b (either side), as a one-to-one map from a's ids to b's."""
    problems: list[Problem] = []
    pairs: set[tuple[str, str]] = set()
    ids = {a.id: set(a.principle_ids), b.id: set(b.principle_ids)}
    for here, there, flip in ((a, b, False), (b, a, True)):
        for p in here.iter_principles():
            for i, other in enumerate(p.corresponds_to):
                if framework_id_of(other) != there.id:
                    continue
                if other not in ids[there.id]:
                    problems.append(
                        Problem(
                            f"{p.id}: corresponds_to[{i}]",
                            f"{other!r} is not a principle of {there.id!r}",
                        )
                    )
                    continue
                pairs.add((other, p.id) if flip else (p.id, other))
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for x, y in sorted(pairs):
        if x in forward or y in backward:
            first = (x, forward[x]) if x in forward else (backward[y], y)
            problems.append(
                Problem(
                    x,
                    f"declared to correspond to both {first[1]!r} and {y!r}"
                    if x in forward
                    else f"{y!r} is declared to correspond to both {first[0]!r} and {x!r}",
                )
            )
            continue
        forward[x] = y
        backward[y] = x
    if problems:
        raise ValidationError(problems)
    return forward


def diff(a: Framework | str, b: Framework | str) -> FrameworkDiff:
    """Compare two frameworks (usually two versions of one family): added, removed, changed principles.

    Args:
        a: the earlier framework, or its id in the bundled catalog.
        b: the later framework, or its id in the bundled catalog.

    Laws: ``diff(a, a).is_empty``; ``diff(a, b).added == diff(b, a).removed`` and the reverse; the matched
    pairs of ``diff(b, a)`` are those of ``diff(a, b)`` turned around.

    Example:
        >>> from policeframeworks import diff
        >>> d = diff("useofforce-2016", "8cantwait-2020")
        >>> for c in d.reworded:
        ...     print(c.matched_by, c.after.id)
        slug 8cantwait-2020:require-de-escalation
        slug 8cantwait-2020:ban-chokeholds-and-strangleholds
        declared 8cantwait-2020:duty-to-intervene
        slug 8cantwait-2020:require-use-of-force-continuum
        slug 8cantwait-2020:exhaust-all-alternatives-before-shooting
        slug 8cantwait-2020:require-warning-before-shooting
        slug 8cantwait-2020:require-comprehensive-reporting

    Raises:
        UnknownIdError: an id is not in the bundled catalog.
        ValidationError: declared correspondences name a missing principle or are not one-to-one.
    """
    if isinstance(a, str) or isinstance(b, str):
        from ._catalog import load_catalog

        cat = load_catalog()
        a = cat.framework(a) if isinstance(a, str) else a
        b = cat.framework(b) if isinstance(b, str) else b
    declared = _declared_pairs(a, b) if a.id != b.id else {}
    b_ids = set(b.principle_ids)
    taken = set(declared.values())
    pairs: dict[str, tuple[str, str]] = {x: (y, "declared") for x, y in declared.items()}
    for p in a.iter_principles():
        if p.id in pairs:
            continue
        twin = f"{b.id}:{_slug(p.id)}"
        if twin in b_ids and twin not in taken:
            pairs[p.id] = (twin, "slug")
            taken.add(twin)
    matched: list[PrincipleChange] = []
    removed: list[Principle] = []
    for p in a.iter_principles():
        if p.id not in pairs:
            removed.append(p)
            continue
        twin_id, how = pairs[p.id]
        q = b.principle(twin_id)
        matched.append(PrincipleChange(before=p, after=q, matched_by=how, changed=_differences(p, q)))
    return FrameworkDiff(
        before=a.id,
        after=b.id,
        same_family=a.family == b.family,
        removed=tuple(removed),
        added=tuple(q for q in b.iter_principles() if q.id not in taken),
        matched=tuple(matched),
    )


def _words(text: str) -> list[str]:
    return text.casefold().split()


def _shared_wording(a: str, b: str) -> int:
    """The share of words two texts have in common, in order, as a whole percentage (difflib's ratio)."""
    return round(100 * difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio())


def _same_subtree(p: Principle, q: Principle, pairs: dict[str, str]) -> bool:
    """Whether p and q have the same text and, below them, children matched one-to-one with the same."""
    if p.text != q.text or len(p.children) != len(q.children):
        return False
    below = {c.id: c for c in q.children}
    for child in p.children:
        twin = below.get(pairs.get(child.id, ""))
        if twin is None or not _same_subtree(child, twin, pairs):
            return False
    return True


def version_crosswalk(a: Framework | str, b: Framework | str, *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from one version of a framework to another, generated from :func:`diff`'s matching.

    The rule, for every pair of principles that :func:`diff` matches (declared ``corresponds_to`` first,
    then the same slug):

    - ``equal`` (syntactic, strength 10) when the two texts are identical and, for principles with
      sub-provisions, their children are matched one-to-one and are, recursively, ``equal`` too (an
      ``equal`` mapping on a parent covers every leaf below it, so a changed or added child rules it
      out). Title, number, themes and the wording label do not count: they do not change what is asked.
    - ``intersects`` (semantic) for every other matched pair: the text was reworded (or the children
      changed). Being matched says the two are one provision across versions, so they share content;
      whether one now asks for more than the other cannot be read off a rewording, so neither ``equal``
      nor ``subset``/``superset`` is claimed. Review the pair and assert a stronger relationship in a
      crosswalk file where one holds. The strength is 5, the middle of the 1-9 range, for every such
      pair: a generated mapping does not measure how much the two share. The rationale gives the share
      of words the two texts have in common, in order (``difflib.SequenceMatcher`` over case-folded
      words), a rough measure of rewording, not of meaning.

    Principles without a counterpart get no mapping (they stay not reviewed: a removed item may still
    share content with another one), and framing statements are not mapped. Every mapping is
    ``basis = "analytic"``, ``mapped_by = "generated"``, with a rationale naming how the pair was
    matched. The mappings are never added to the bundled crosswalk: combine them yourself with
    ``catalog.crosswalk.with_mappings(version_crosswalk(a, b).mappings)``.

    Args:
        a: the earlier version, or its id.
        b: the later version, or its id.
        catalog: the catalog holding both (default: the bundled catalog; when both are given as
            :class:`Framework` objects, a catalog of just the two).

    Returns:
        A :class:`~policeframeworks.Crosswalk` over ``catalog``, mappings in ``a``'s document order.

    Raises:
        ValidationError: ``a`` and ``b`` are the same framework, or not of one family; or
            :func:`diff`'s errors.
        UnknownIdError: an id is not in the catalog.

    Example:
        >>> from policeframeworks import version_crosswalk
        >>> cw = version_crosswalk("useofforce-2016", "8cantwait-2020")
        >>> m = cw.mappings[0]
        >>> m.source, m.relationship.value, m.target, m.strength, m.mapped_by
        ('useofforce-2016:require-de-escalation', 'intersects', '8cantwait-2020:require-de-escalation', 5, 'generated')
        >>> print(m.rationale)
        Generated by version_crosswalk (same slug in both versions): the text was reworded (30% of words in common, in order); one provision across versions, so they share content, but whether either now asks for more is not read off a rewording.
        >>> sorted({m.relationship.value for m in cw.mappings}), len(cw.mappings)
        (['intersects'], 7)
        >>> r = cw.coverage("useofforce-2016", "8cantwait-2020")
        >>> r.touched_share, r.label  # one leaf of 2020 has no counterpart: not reviewed, so a range
        (0.875, '0-100%*')
    """  # noqa: E501
    from ._mapping import Mapping
    from .crosswalk import Crosswalk

    if catalog is None:
        from ._catalog import Catalog, load_catalog

        if isinstance(a, Framework) and isinstance(b, Framework):
            catalog = Catalog([a, b], bundled_crosswalks=False)
        else:
            catalog = load_catalog()
    a = catalog.framework(a) if isinstance(a, str) else a
    b = catalog.framework(b) if isinstance(b, str) else b
    problems = []
    if a.id == b.id:
        problems.append(Problem("b", f"{b.id!r} is the same framework as a; give two versions"))
    elif a.family != b.family:
        problems.append(
            Problem(
                "b",
                f"{b.id!r} is of family {b.family!r}, {a.id!r} of family {a.family!r}: a version "
                "crosswalk joins versions of one family (use diff() to compare any two frameworks)",
            )
        )
    if problems:
        raise ValidationError(problems)
    d = diff(a, b)
    pairs = {c.before.id: c.after.id for c in d.matched}
    mappings: list[Mapping] = []
    for c in d.matched:
        how = "declared in corresponds_to" if c.matched_by == "declared" else "same slug in both versions"
        if _same_subtree(c.before, c.after, pairs):
            relationship, rationale_type, strength = "equal", "syntactic", 10
            why = "identical text" + (", with identical sub-provisions." if c.before.children else ".")
        else:
            relationship, rationale_type, strength = "intersects", "semantic", 5
            what = "the text was reworded" if c.before.text != c.after.text else "the sub-provisions changed"
            why = (
                f"{what} ({_shared_wording(c.before.text, c.after.text)}% of words in common, in order); one "
                "provision across versions, so they share content, but whether either now asks for more is "
                "not read off a rewording."
            )
        mappings.append(
            Mapping(
                source=c.before.id,
                relationship=relationship,
                target=c.after.id,
                rationale_type=rationale_type,
                strength=strength,
                basis="analytic",
                rationale=f"Generated by version_crosswalk ({how}): {why}",
                mapped_by=GENERATED_BY,
            )
        )
    return Crosswalk(mappings, catalog=catalog)
