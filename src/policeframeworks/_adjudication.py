"""Adjudication: the items coders disagree on, their resolutions, and one reconciled assessment per unit.

A *unit* is one (jurisdiction, framework, date); each coder (an
:attr:`~policeframeworks.Assessment.assessor`) codes it at most once. :func:`disagreements` lists every
item (a scored principle of a unit) on which the coders' statuses differ, with each coder's finding, for
a review sheet (:func:`policeframeworks.io.write_review_sheet`). :func:`reconcile` builds one assessment per
unit from the codings: where they agree it keeps the status and cites the coders; where they differ it
takes the :class:`Resolution` given for the item, recording who resolved it and how, and it refuses to
guess when an item has no resolution.

Example:
    >>> import attrs
    >>> from policeframeworks import Finding, load_seed_assessments
    >>> from policeframeworks import Resolution, disagreements, reconcile
    >>> k = load_seed_assessments()[0]
    >>> pid = "8cantwait-2020:ban-chokeholds-and-strangleholds"
    >>> a = attrs.evolve(k, assessor="a", reported_total=None,
    ...                  findings=(Finding(principle_id=pid, status="adopted"),))
    >>> b = attrs.evolve(a, assessor="b", findings=(Finding(principle_id=pid, status="partial"),))
    >>> [(d.principle_id, d.statuses) for d in disagreements([a, b])]
    [('8cantwait-2020:ban-chokeholds-and-strangleholds', {'a': 'adopted', 'b': 'partial'})]
    >>> r = Resolution(jurisdiction=k.jurisdiction, framework_id=k.framework_id, as_of=k.as_of,
    ...                principle_id=pid, status="adopted", resolved_by="c", how="adjudicator")
    >>> (merged,) = reconcile([a, b], resolutions=[r], assessor="team")
    >>> str(merged.status_of(pid)), merged.finding(pid).note
    ('adopted', 'coded adopted by a, partial by b; resolved as adopted by c (adjudicator)')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ._assessment import Assessment
from ._codings import framework_for, units_of
from ._finding import Evidence, Finding, Status
from ._jurisdiction import Jurisdiction
from ._model import Framework
from .exceptions import Problem, ValidationError

__all__ = ["Disagreement", "Resolution", "ResolutionMethod", "disagreements", "reconcile"]


class ResolutionMethod(enum.StrEnum):
    """How a disagreement was resolved."""

    CONSENSUS = "consensus"
    ADJUDICATOR = "adjudicator"
    MAJORITY = "majority"
    RECODED = "recoded"


def _frozen(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Disagreement:
    """One item the coders coded differently.

    Attributes:
        jurisdiction: the jurisdiction.
        framework_id: the framework.
        as_of: the date of the codings.
        principle_id: the principle.
        findings: coder -> their finding (None: the coder coded the unit but gave this principle no finding,
            which reads as ``unknown``); coders who did not code the unit are absent.
    """

    jurisdiction: Jurisdiction
    framework_id: str
    as_of: str
    principle_id: str
    findings: Mapping[str, Finding | None] = attrs.field(converter=_frozen, hash=False)

    @property
    def statuses(self) -> dict[str, str]:
        """Coder -> status, as plain strings."""
        return {c: str(f.status if f is not None else Status.UNKNOWN) for c, f in self.findings.items()}


@attrs.frozen(kw_only=True)
class Resolution:
    """Who settled one disagreement, how, and on what status.

    Attributes:
        jurisdiction: the jurisdiction of the item.
        framework_id: its framework.
        as_of: its date.
        principle_id: its principle.
        status: the status decided.
        resolved_by: who decided (a person or a panel).
        how: consensus, adjudicator, majority or recoded.
        note: the reason, in the resolver's words.
        evidence: evidence for the decided status (by default the evidence of the coders who gave it).
    """

    jurisdiction: Jurisdiction
    framework_id: str
    as_of: str
    principle_id: str
    status: Status = attrs.field(converter=Status)
    resolved_by: str
    how: ResolutionMethod = attrs.field(converter=ResolutionMethod)
    note: str | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=tuple)

    @property
    def item(self) -> tuple[Any, ...]:
        """The key of the item resolved."""
        return (self.jurisdiction.key, self.framework_id, self.as_of, self.principle_id)


def _leaves(units: Mapping[tuple[Any, ...], Mapping[str, Assessment]], given: Mapping[str, Framework]) -> Any:
    out: dict[str, tuple[str, ...]] = {}
    for (_, fid, _), by_coder in units.items():
        if fid not in out:
            out[fid] = tuple(
                p.id for p in framework_for(fid, given, f"{next(iter(by_coder))}.framework_id").leaves()
            )
    return out


def disagreements(
    *codings: Iterable[Assessment], frameworks: Iterable[Framework] = ()
) -> tuple[Disagreement, ...]:
    """Every item on which two or more coders gave different statuses, in input order.

    Args:
        codings: the assessments, as one iterable or several; coders are told apart by ``assessor``.
        frameworks: frameworks that are not bundled.

    Raises:
        ValidationError: a coder coded a unit twice, or an unknown framework.
    """
    units, _ = units_of(codings)
    leaves = _leaves(units, {f.id: f for f in frameworks})
    out = []
    for (_, fid, _), by_coder in units.items():
        if len(by_coder) < 2:
            continue
        first = next(iter(by_coder.values()))
        for pid in leaves[fid]:
            found = {c: a.finding(pid) for c, a in sorted(by_coder.items())}
            if len({a.status_of(pid) for a in by_coder.values()}) > 1:
                out.append(
                    Disagreement(
                        jurisdiction=first.jurisdiction,
                        framework_id=fid,
                        as_of=first.as_of,
                        principle_id=pid,
                        findings=found,
                    )
                )
    return tuple(out)


def _unique(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


def reconcile(
    *codings: Iterable[Assessment],
    resolutions: Iterable[Resolution] = (),
    assessor: str,
    frameworks: Iterable[Framework] = (),
) -> tuple[Assessment, ...]:
    """One reconciled assessment per unit, citing the codings each finding came from.

    Where every coder of a unit gave a principle the same status, the reconciled finding keeps it, with
    the coders' evidence; where they differ, the item's :class:`Resolution` decides. Each finding's note
    says which coder gave which status and, for a resolved item, who resolved it and how; the assessment's
    notes name the codings.

    Args:
        codings: the assessments, as one iterable or several; coders are told apart by ``assessor``.
        resolutions: one per disagreement (see :func:`disagreements`).
        assessor: the name the reconciled assessments carry (e.g. the team).
        frameworks: frameworks that are not bundled.

    Raises:
        ValidationError: a disagreement without a resolution, a resolution of no disagreement (or given
            twice), a coder who coded a unit twice, or an unknown framework; every problem listed.
    """
    units, _ = units_of(codings)
    leaves = _leaves(units, {f.id: f for f in frameworks})
    problems: list[Problem] = []
    by_item: dict[tuple[Any, ...], Resolution] = {}
    for i, r in enumerate(resolutions):
        if r.item in by_item:
            problems.append(
                Problem(
                    f"resolutions[{i}]",
                    f"a second resolution of {r.principle_id} for "
                    f"{r.jurisdiction}, {r.framework_id}, {r.as_of}",
                )
            )
        by_item[r.item] = r
    used: set[tuple[Any, ...]] = set()
    out = []
    for unit, by_coder in units.items():
        coders = sorted(by_coder)
        first = by_coder[coders[0]]
        findings = []
        for pid in leaves[unit[1]]:
            statuses = {c: by_coder[c].status_of(pid) for c in coders}
            coded = ", ".join(f"{s} by {c}" for c, s in statuses.items())
            evidence = {c: by_coder[c].finding(pid) for c in coders}
            if len(set(statuses.values())) == 1:
                status = statuses[coders[0]]
                if status is Status.UNKNOWN and all(f is None for f in evidence.values()):
                    continue
                note = f"coded {status} by {', '.join(coders)}"
                chosen = _unique(e for f in evidence.values() if f is not None for e in f.evidence)
            else:
                key = (*unit, pid)
                found = by_item.get(key)
                if found is None:
                    problems.append(
                        Problem(
                            pid,
                            f"{first.jurisdiction}, {unit[1]}, {unit[2]}: coded {coded}; no resolution given",
                        )
                    )
                    continue
                used.add(key)
                r = found
                status = r.status
                note = f"coded {_short(statuses)}; resolved as {status} by {r.resolved_by} ({r.how})"
                if r.note:
                    note += f": {r.note}"
                chosen = r.evidence or _unique(
                    e
                    for c, f in evidence.items()
                    if f is not None and statuses[c] == status
                    for e in f.evidence
                )
            findings.append(Finding(principle_id=pid, status=status, evidence=chosen, note=note))
        methods = {by_coder[c].method for c in coders}
        out.append(
            Assessment(
                jurisdiction=first.jurisdiction,
                framework_id=unit[1],
                as_of=first.as_of,
                assessor=assessor,
                method=first.method if len(methods) == 1 else "document-review",
                findings=findings,
                notes=(f"reconciled from the codings of {', '.join(coders)}",),
            )
        )
    for key, r in by_item.items():
        if key not in used:
            problems.append(
                Problem(
                    r.principle_id,
                    f"{r.jurisdiction}, {r.framework_id}, {r.as_of}: a resolution "
                    "of an item the coders did not disagree on (or did not code)",
                )
            )
    if problems:
        raise ValidationError(problems)
    return tuple(out)


def _short(statuses: Mapping[str, Status]) -> str:
    """``adopted by a, partial by b`` (coders with one status grouped: ``adopted by a and c``)."""
    groups: dict[Status, list[str]] = {}
    for c, s in statuses.items():
        groups.setdefault(s, []).append(c)
    return ", ".join(f"{s} by {' and '.join(cs)}" for s, cs in groups.items())
