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

__all__ = ["BITS_PER_RANK", "Compiled", "Rule", "compiled", "rules"]

#: A projected status from the best rank its rules give (the object path's order).
STATUS_OF_RANK = ("unknown", "not_adopted", "partial", "adopted")
_COVERS = (Relationship.EQUAL, Relationship.SUPERSET)
_SOURCE_STATUSES = (Status.ADOPTED, Status.PARTIAL, Status.NOT_ADOPTED)
#: Most rules of one rank from one framework to one target leaf (their bits, four ranks of them, share one
#: 64-bit integer).
BITS_PER_RANK = 15
#: Most distinct ``derived_from`` lists compiled for one target framework.
MAX_OUTCOMES = 1 << 16


class Rule(NamedTuple):
    """One mapping read for one source status: what a source with that status gives a target leaf.

    Attributes:
        source: a principle of the assessed framework, or the assessed framework's id (the whole framework).
        status: the source's status: ``adopted``, ``partial`` or ``not_adopted``.
        target: a leaf of the framework projected onto.
        rank: 3 (gives adopted), 2 (partial), 1 (not_adopted) or 0 (proves nothing: unknown).
        relationship: how the source relates to the target (read from the source's side).
        order: the rule's place in a projected finding's ``derived_from`` among rules of its rank.
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


class Compiled(NamedTuple):
    """A crosswalk's rules onto one framework, as the small tables the dataframe engine joins with.

    Attributes:
        rules: every rule.
        slots: the number of target leaves the rules reach (numbered from 0 in order of first rule).
        table: ``principle_id``, ``status`` (the source and its status), ``_pf_slot`` (the target leaf's
            number) and ``_pf_packed``: the rule's bit among the rules of its rank from its framework to
            its target, shifted by ``BITS_PER_RANK`` times its rank (so one sum per target holds the rules
            fired at every rank).
        outcomes: ``framework_id`` (the assessed framework), ``_pf_slot`` (``_pf_t`` and the target's
            number), ``_pf_rank``, ``_pf_mask`` (the bits of that framework's rules of that rank fired),
            then ``principle_id``, ``status`` and ``derived_from`` of the projected finding they give.
        rollup: ``principle_id`` (a leaf, or the parent itself), ``_pf_parent`` (a parent principle or a
            whole framework some rule reads), ``_pf_n`` (its number of leaves), ``_pf_own`` (1 on the
            parent's own row); empty when no rule reads a parent.
    """

    rules: tuple[Rule, ...]
    slots: int
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
    for r in found:
        group = (_framework_of(r.source), r.target, r.rank)
        k = seen.get(group, 0)
        if k >= BITS_PER_RANK:
            raise ValidationError(
                [
                    Problem(
                        "crosswalk",
                        f"more than {BITS_PER_RANK} mapping-and-status rules of rank {r.rank} from "
                        f"{group[0]} bear on {r.target}; frames.project cannot carry derived_from for it "
                        "(use Assessment.project)",
                    )
                ]
            )
        seen[group] = k + 1
        bits.append(1 << k)
    table = pa.table(
        {
            "principle_id": [r.source for r in found],
            "status": [r.status for r in found],
            "_pf_slot": pa.array([number[r.target] for r in found], pa.int64()),
            "_pf_packed": pa.array(
                [b << (BITS_PER_RANK * r.rank) for r, b in zip(found, bits, strict=True)], pa.int64()
            ),
        }
    )
    return Compiled(found, len(targets), table, _outcomes(found, bits, number), _rollup(crosswalk, found))


def _outcomes(found: Sequence[Rule], bits: Sequence[int], number: dict[str, int]) -> pa.Table:
    """Every (target, rank, mask) an assessment can give, with the projected finding it stands for.

    In one assessment each source has one status, so the rules of one rank fired for one target are, per
    source, none or all of those with one status: the product of those choices is every outcome.
    """
    import pyarrow as pa

    from ._schema import arrow_schema

    cols: dict[str, list[object]] = {k: [] for k in ("framework_id", "_pf_slot", "_pf_rank", "_pf_mask")}
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
            if len(cols["_pf_mask"]) >= MAX_OUTCOMES:
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
            cols["_pf_slot"].append(f"_pf_t{number[target]}")
            cols["_pf_rank"].append(rank)
            cols["_pf_mask"].append(sum(bit for _, bit in fired))
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
            "_pf_slot": pa.array(cols["_pf_slot"], pa.string()),
            "_pf_rank": pa.array(cols["_pf_rank"], pa.int64()),
            "_pf_mask": pa.array(cols["_pf_mask"], pa.int64()),
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
