"""The rule table :func:`~policeframeworks.frames.project` joins with, compiled from the crosswalk's coverage.

For each leaf of the target framework, the mappings bearing on it are exactly those
:meth:`Assessment.project <policeframeworks.Assessment.project>` reads: ``crosswalk.coverage(source,
target).explain(leaf).mappings``, ``opposing`` ones and those that touch nothing left out. Each mapping and
each source status that can carry it gives one :class:`Rule`; a target's status is the best rank of the
rules an assessment fires, and its ``derived_from`` the rules of that rank, in the object path's order.

Sources that are parent principles or whole frameworks take the status their leaves add up to; the
:class:`Compiled` form carries the leaf-to-parent table that rollup needs, and every ``derived_from`` an
assessment can give (keyed by target, rank and a bit mask of the rules fired), so that the dataframe
engine only sums integers.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .. import Crosswalk, Problem, Relationship, Status, ValidationError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["WORD_BITS", "Compiled", "Rule", "Slot", "compiled", "rules"]

#: A projected status from the best rank its rules give (the object path's order).
STATUS_OF_RANK = ("unknown", "not_adopted", "partial", "adopted")
_COVERS = (Relationship.EQUAL, Relationship.SUPERSET)
_SOURCE_STATUSES = (Status.ADOPTED, Status.PARTIAL, Status.NOT_ADOPTED)
#: The bits of one summed word: below 2**53, so exact in every engine (Spark divides in floating point).
WORD_BITS = 52
#: Most distinct ``derived_from`` lists compiled for one target framework.
MAX_OUTCOMES = 1 << 16


class Rule(NamedTuple):
    """One mapping read for one source status: what a source with that status gives a target leaf.

    Its fields, in order: ``source`` (a principle of the assessed framework, or the assessed framework's
    id for the whole framework), ``status`` (the source's status: ``adopted``, ``partial`` or
    ``not_adopted``), ``target`` (a leaf of the framework projected onto), ``rank`` (3 gives adopted,
    2 partial, 1 not_adopted, 0 proves nothing: unknown), ``relationship`` (how the source relates to the
    target, read from the source's side) and ``order`` (the rule's place in a projected finding's
    ``derived_from`` among rules of its rank).
    """

    source: str
    status: str
    target: str
    rank: int
    relationship: str
    order: int


def _framework_of(source: str) -> str:
    """The framework of a rule's source (a principle id, or a framework id)."""
    return source.split(":", 1)[0]


def _rank(status: Status, relationship: Relationship) -> int:
    """The rank one derivation gives (``Assessment.project``: covered, touched, denied, or nothing)."""
    covers = relationship in _COVERS
    if status is Status.ADOPTED:
        return 3 if covers else 2
    if status is Status.PARTIAL:
        return 2 if covers else 0
    return 1 if relationship is Relationship.EQUAL else 0


class Slot(NamedTuple):
    """Where one target leaf's fired rules sit in the summed words: word, offset, and bits per rank 0-3."""

    word: int
    offset: int
    widths: tuple[int, int, int, int]


class Compiled(NamedTuple):
    """A crosswalk's rules onto one framework, as the small tables the dataframe engine joins with.

    Every rule has a bit among the rules of its rank from its framework to its target; the bits of one
    target sit side by side (rank 0 lowest) in a field of one of a few integer words (``slots``), so
    that per assessment one sum per word holds every rule fired (no two rules share a bit, so the sum is
    their union). A word holds at most ``WORD_BITS`` bits, which every engine's integers (and Spark's
    floating-point division) carry exactly.

    Attributes:
        rules: every rule.
        slots: per target leaf (numbered from 0 in order of first rule), where its bits sit.
        words: how many words there are.
        table: ``principle_id``, ``status`` (the source and its status), ``_pf_word`` and ``_pf_packed``
            (the rule's bit, shifted into place in that word).
        outcomes: ``framework_id`` (the assessed framework) and ``_pf_key``: ``(mask * 4 + rank) * S + n``
            for target number ``n`` of ``S``, the best ``rank`` fired there and the ``mask`` of that
            framework's rules of that rank fired (their bits from 0);
            then ``principle_id``, ``status`` and ``derived_from`` of the projected finding they give.
        rollup: ``principle_id`` (a leaf, or the parent itself), ``_pf_parent`` (a parent principle or a
            whole framework some rule reads), ``_pf_n`` (its number of leaves), ``_pf_own`` (1 on the
            parent's own row); empty when no rule reads a parent.
    """

    rules: tuple[Rule, ...]
    slots: tuple[Slot, ...]
    words: int
    table: pa.Table
    outcomes: pa.Table
    rollup: pa.Table


_CACHE: dict[tuple[int, str | None, str], tuple[weakref.ref[Crosswalk], Compiled]] = {}


def rules(crosswalk: Crosswalk, onto: str) -> tuple[Rule, ...]:
    """The rules :func:`~policeframeworks.frames.project` applies to project findings onto ``onto``.

    One rule per mapping bearing on a leaf of ``onto`` (as
    :meth:`CoverageReport.explain <policeframeworks.CoverageReport.explain>` lists them for each other
    framework of the crosswalk's catalog) and per source status that mapping carries: an adopted source
    covering the target ranks 3, one touching it 2; a partial source covering it 2; a not-adopted source
    ``equal`` to the leaf itself 1; anything else 0. Cached per crosswalk, data version and target.

    Raises:
        UnknownIdError: ``onto`` is not a framework of the crosswalk's catalog.

    Example:
        >>> from policeframeworks import frames, load_catalog
        >>> r = frames.rules(load_catalog().crosswalk, "uscm-2020")
        >>> [(x.relationship, x.status, x.rank) for x in r
        ...  if x.source == "8cantwait-2020:ban-shooting-at-moving-vehicles"]
        [('superset', 'adopted', 3), ('superset', 'partial', 2), ('superset', 'not_adopted', 0)]
    """
    return compiled(crosswalk, onto).rules


def compiled(crosswalk: Crosswalk, onto: str) -> Compiled:
    """The rules onto ``onto`` and the tables built from them (cached, see :func:`rules`)."""
    key = (id(crosswalk), crosswalk.catalog.data_version, onto)
    found = _CACHE.get(key)
    if found is not None and found[0]() is crosswalk:
        return found[1]
    catalog = crosswalk.catalog
    catalog.framework(onto)  # an unknown id raises here, with suggestions
    out: list[Rule] = []
    for fw in catalog:
        if fw.id == onto:
            continue
        report = crosswalk.coverage(fw.id, onto)
        for leaf in report.leaves:
            for i, m in enumerate(report.explain(leaf).mappings):
                if not m.relationship.touches or m.opposing:
                    continue
                for status in _SOURCE_STATUSES:
                    if status is Status.NOT_ADOPTED and m.target != leaf:
                        continue  # equal to a parent says nothing certain against one of its leaves
                    rank = _rank(status, m.relationship)
                    # Partial ranks list the adopted sources that touch before the partial ones that cover.
                    order = i + (1 << 20 if rank == 2 and status is Status.PARTIAL else 0)
                    out.append(Rule(m.source, str(status), leaf, rank, str(m.relationship), order))
    result = _compile(crosswalk, tuple(out))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = (weakref.ref(crosswalk), result)
    return result


def _compile(crosswalk: Crosswalk, found: tuple[Rule, ...]) -> Compiled:
    import pyarrow as pa

    targets = list(dict.fromkeys(r.target for r in found))
    number = {t: i for i, t in enumerate(targets)}
    bits: list[int] = []
    seen: dict[tuple[str, str, int], int] = {}
    widths = [[0, 0, 0, 0] for _ in targets]
    for r in found:
        group = (_framework_of(r.source), r.target, r.rank)
        k = seen.get(group, 0)
        seen[group] = k + 1
        bits.append(k)
        width = widths[number[r.target]]
        width[r.rank] = max(width[r.rank], k + 1)
    slots: list[Slot] = []
    used: list[int] = []  # bits taken in each word so far
    for target, width in zip(targets, widths, strict=True):
        need = sum(width)
        if need > WORD_BITS:
            raise ValidationError(
                [
                    Problem(
                        "crosswalk",
                        f"{need} mapping-and-status rules from one framework bear on {target}; "
                        f"frames.project carries derived_from for at most {WORD_BITS} "
                        "(use Assessment.project)",
                    )
                ]
            )
        word = next((i for i, n in enumerate(used) if n + need <= WORD_BITS), len(used))
        if word == len(used):
            used.append(0)
        slots.append(Slot(word, used[word], (width[0], width[1], width[2], width[3])))
        used[word] += need
    packed = []
    for r, k in zip(found, bits, strict=True):
        slot = slots[number[r.target]]
        packed.append(1 << (slot.offset + sum(slot.widths[: r.rank]) + k))
    table = pa.table(
        {
            "principle_id": pa.array([r.source for r in found], pa.string()),
            "status": pa.array([r.status for r in found], pa.string()),
            "_pf_word": pa.array([slots[number[r.target]].word for r in found], pa.int64()),
            "_pf_packed": pa.array(packed, pa.int64()),
        }
    )
    masks = [1 << k for k in bits]
    outcomes = _outcomes(found, masks, number)
    return Compiled(found, tuple(slots), len(used), table, outcomes, _rollup(crosswalk, found))


def _outcomes(found: Sequence[Rule], bits: Sequence[int], number: dict[str, int]) -> pa.Table:
    """Every (target, rank, mask) an assessment can give, with the projected finding it stands for.

    In one assessment each source has one status, so the rules of one rank fired for one target are, per
    source, none or all of those with one status: the product of those choices is every outcome.
    """
    import pyarrow as pa

    from ._schema import arrow_schema

    cols: dict[str, list[object]] = {"framework_id": [], "_pf_key": []}
    cols |= {"principle_id": [], "status": [], "derived_from": []}
    groups: dict[tuple[str, str, int], dict[str, dict[str, list[tuple[Rule, int]]]]] = {}
    for r, bit in zip(found, bits, strict=True):
        group = groups.setdefault((_framework_of(r.source), r.target, r.rank), {})
        group.setdefault(r.source, {}).setdefault(r.status, []).append((r, bit))
    for (fw, target, rank), by_source in groups.items():
        options = [[None, *by_status.values()] for by_status in by_source.values()]
        for choice in itertools.product(*options):
            fired = sorted((rb for one in choice if one for rb in one), key=lambda rb: rb[0].order)
            if not fired:
                continue
            if len(cols["_pf_key"]) >= MAX_OUTCOMES:
                raise ValidationError(
                    [
                        Problem(
                            "crosswalk",
                            f"more than {MAX_OUTCOMES} distinct derived_from lists from {fw}; "
                            "frames.project cannot carry them (use Assessment.project)",
                        )
                    ]
                )
            cols["framework_id"].append(fw)
            mask = sum(bit for _, bit in fired)
            cols["_pf_key"].append((mask * 4 + rank) * len(number) + number[target])
            cols["principle_id"].append(target)
            cols["status"].append(STATUS_OF_RANK[rank])
            cols["derived_from"].append(
                [
                    {
                        "source": r.source,
                        "relationship": r.relationship,
                        "target": r.target,
                        "source_status": r.status,
                    }
                    for r, _ in fired
                ]
            )
    derived = arrow_schema("findings").field("derived_from").type
    return pa.table(
        {
            "framework_id": pa.array(cols["framework_id"], pa.string()),
            "_pf_key": pa.array(cols["_pf_key"], pa.int64()),
            "principle_id": pa.array(cols["principle_id"], pa.string()),
            "status": pa.array(cols["status"], pa.string()),
            "derived_from": pa.array(cols["derived_from"], derived),
        }
    )


def _rollup(crosswalk: Crosswalk, found: Sequence[Rule]) -> pa.Table:
    """The leaves of every parent principle or whole framework a rule reads (their status rolls up)."""
    import pyarrow as pa

    catalog = crosswalk.catalog
    cols: dict[str, list[object]] = {"principle_id": [], "_pf_parent": [], "_pf_n": [], "_pf_own": []}

    def add(pid: str, parent: str, n: int, own: int) -> None:
        cols["principle_id"].append(pid)
        cols["_pf_parent"].append(parent)
        cols["_pf_n"].append(n)
        cols["_pf_own"].append(own)

    for source in dict.fromkeys(r.source for r in found):
        if source in catalog.framework_ids:
            leaves = [p.id for p in catalog.framework(source).leaves()]
        else:
            leaves = [q.id for q in catalog.principle(source).walk() if q.is_leaf]
            if leaves == [source]:
                continue  # a leaf: its own finding, or unknown
            add(source, source, len(leaves), 1)
        for leaf in leaves:
            add(leaf, source, len(leaves), 0)
    return pa.table(
        {
            "principle_id": pa.array(cols["principle_id"], pa.string()),
            "_pf_parent": pa.array(cols["_pf_parent"], pa.string()),
            "_pf_n": pa.array(cols["_pf_n"], pa.int64()),
            "_pf_own": pa.array(cols["_pf_own"], pa.int64()),
        }
    )
