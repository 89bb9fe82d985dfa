"""Change over time across datasets: matched jurisdictions' diffs, counted honestly, and adoption events.

:func:`changes` compares two datasets (say the 2016 analysis and the 2020 table): it pairs their
jurisdictions (:func:`~policeframeworks.match_jurisdictions`), and gives one
:class:`~policeframeworks.AssessmentDiff` per pair. When the two datasets code different versions of one
framework family (``useofforce-2016`` then ``8cantwait-2020``), the earlier assessments are first projected
onto the later framework through the version crosswalk (:func:`~policeframeworks.version_crosswalk`), so a
policy only reworded between versions is compared, and one with no counterpart stays unknown.

Each principle's change is put in exactly one class, from its status before and after:

* ``newly_adopted``: ``not_adopted`` or ``partial`` before, ``adopted`` after;
* ``no_longer_adopted``: ``adopted`` before, ``not_adopted`` or ``partial`` after;
* ``known_after_only``: ``unknown`` before, known after (not counted as adopted or dropped: what held
  before is not known);
* ``known_before_only``: known before, ``unknown`` after;
* ``other``: any other change (``partial`` <-> ``not_adopted``, to or from ``not_applicable``).

Note that :attr:`AssessmentDiff.newly_adopted <policeframeworks.AssessmentDiff.newly_adopted>` lists every
principle adopted after and not before, ``unknown`` before included; the classes here (:func:`change_kind`,
:meth:`Changes.count`) keep those apart as ``known_after_only``.

:func:`adoption_events` turns the assessments of many dates into one row per jurisdiction and principle,
for survival analysis: the last date seen not adopted and the first date seen adopted, so that adoption
happened in between (interval-censored), before the first observation (left-censored) or not yet
(right-censored). Dates are used as written (reduced ISO dates, ``2016`` or ``2016-09``); the bounds of each
interval are the widest the written dates allow, and two observations whose dates overlap (``2016`` and
``2016-09``) with different statuses are reported, never ordered by guess. Malformed dates never get this
far: the readers refuse them with their row and column.

Example:
    >>> import attrs
    >>> from policeframeworks import Finding, Jurisdiction, Assessment, changes
    >>> def city(name, state, as_of, **statuses):
    ...     findings = [Finding(principle_id=f"8cantwait-2020:{k.replace('_', '-')}", status=v)
    ...                 for k, v in statuses.items()]
    ...     return Assessment(jurisdiction=Jurisdiction(name=name, state=state, kind="city"),
    ...                       framework_id="8cantwait-2020", as_of=as_of, assessor="me",
    ...                       method="document-review", findings=findings)
    >>> before = [city("Saint Paul", "MN", "2016", duty_to_intervene="not_adopted"),
    ...           city("Boise", "ID", "2016", duty_to_intervene="adopted")]
    >>> after = [city("St. Paul", "MN", "2020-06", duty_to_intervene="adopted",
    ...               require_de_escalation="adopted"),
    ...          city("Austin", "TX", "2020-06")]
    >>> c = changes(before, after)
    >>> [str(d.jurisdiction) for d in c.diffs]
    ['St. Paul, MN']
    >>> c.count("newly_adopted"), c.count("known_after_only")
    (1, 1)
    >>> [str(u.jurisdiction) for u in c.match.unmatched_left], [str(u.jurisdiction) for u in c.match.unmatched_right]
    (['Boise, ID'], ['Austin, TX'])
"""  # noqa: E501

from __future__ import annotations

import calendar
import datetime
import itertools
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from ._assessment import Assessment
from ._catalog import Catalog, load_catalog
from ._finding import Status
from ._history import AssessmentDiff, Change
from ._jurisdiction import Jurisdiction
from ._jurisdictions import JurisdictionMatch, match_jurisdictions
from ._model import Framework
from .exceptions import Problem, ValidationError

__all__ = ["AdoptionEvent", "ChangeKind", "Changes", "adoption_events", "change_kind", "changes"]

ChangeKind = Literal["newly_adopted", "no_longer_adopted", "known_after_only", "known_before_only", "other"]
_KINDS: tuple[ChangeKind, ...] = (
    "newly_adopted",
    "no_longer_adopted",
    "known_after_only",
    "known_before_only",
    "other",
)
_NOT = (Status.NOT_ADOPTED, Status.PARTIAL)


def change_kind(change: Change) -> ChangeKind:
    """The class of one change (see the module docs).

    Example:
        >>> from policeframeworks import Change
        >>> change_kind(Change(principle_id="x:a", before="unknown", after="adopted"))
        'known_after_only'
    """
    b, a = change.before, change.after
    if b in _NOT and a is Status.ADOPTED:
        return "newly_adopted"
    if b is Status.ADOPTED and a in _NOT:
        return "no_longer_adopted"
    if b is Status.UNKNOWN:
        return "known_after_only"
    if a is Status.UNKNOWN:
        return "known_before_only"
    return "other"


@attrs.frozen(kw_only=True)
class Changes:
    """What changed between two datasets of assessments.

    Attributes:
        framework_id: the framework compared on (the later dataset's).
        projected_from: the earlier dataset's framework, when it was projected through the version
            crosswalk; None when both code the same framework.
        diffs: one per matched jurisdiction, in match order (every principle of the framework compared).
        match: how the jurisdictions were paired, with the ambiguous and unmatched ones.
        principle_ids: the framework's scored (leaf) principles, in order: the rows of :meth:`to_records`.
    """

    framework_id: str
    projected_from: str | None
    diffs: tuple[AssessmentDiff, ...]
    match: JurisdictionMatch
    principle_ids: tuple[str, ...] = ()

    def count(self, kind: ChangeKind, principle_id: str | None = None) -> int:
        """How many principle changes of one class (for one principle, or all), over the matched pairs."""
        return sum(
            1
            for d in self.diffs
            for c in d.changes
            if change_kind(c) == kind and (principle_id is None or c.principle_id == principle_id)
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per principle: statuses before and after, and the count of each change class.

        Counted over the matched jurisdictions only (``matched``).
        """
        if not self.diffs:
            return []
        out: list[dict[str, Any]] = []
        for pid in self.principle_ids:
            row: dict[str, Any] = {"principle_id": pid, "matched": len(self.diffs)}
            for side in ("before", "after"):
                for status in (Status.ADOPTED, Status.UNKNOWN):
                    row[f"{status.value}_{side}"] = sum(
                        1 for d in self.diffs if getattr(d, side).status_of(pid) is status
                    )
            for kind in _KINDS:
                row[kind] = self.count(kind, pid)
            out.append(row)
        return out

    def change_records(self) -> list[dict[str, str]]:
        """One plain dict per changed cell: jurisdiction, principle, before, after, class, dates."""
        return [
            {
                "jurisdiction": str(d.jurisdiction),
                "before_name": str(d.before.jurisdiction),
                "principle_id": c.principle_id,
                "before": c.before.value,
                "after": c.after.value,
                "change": change_kind(c),
                "before_as_of": d.before.as_of,
                "after_as_of": d.after.as_of,
            }
            for d in self.diffs
            for c in d.changes
        ]


def _one_framework(items: Sequence[Assessment], side: str) -> str:
    ids = sorted({a.framework_id for a in items})
    if len(ids) != 1:
        got = ", ".join(ids) or "no assessments"
        raise ValidationError([Problem(side, f"expected assessments of one framework; got {got}")])
    return ids[0]


def _no_repeats(items: Sequence[Assessment], side: str) -> None:
    seen: dict[tuple[str, str | None, str], int] = {}
    problems = []
    for i, a in enumerate(items):
        first = seen.setdefault(a.jurisdiction.key, i)
        if first != i:
            problems.append(
                Problem(
                    f"{side}[{i}]",
                    f"{a.jurisdiction} is in this dataset twice (also [{first}]); keep one (latest())",
                )
            )
    if problems:
        raise ValidationError(problems)


def changes(
    before: Iterable[Assessment],
    after: Iterable[Assessment],
    *,
    catalog: Catalog | None = None,
) -> Changes:
    """Compare two datasets: one :class:`~policeframeworks.AssessmentDiff` per matched jurisdiction.

    Args:
        before: the earlier dataset (one assessment per jurisdiction, of one framework).
        after: the later dataset (one assessment per jurisdiction, of one framework).
        catalog: where the frameworks are (default: the bundled catalog).

    Raises:
        ValidationError: a dataset of several frameworks, or with a jurisdiction twice; frameworks of
            different families.
    """
    b_items, a_items = list(before), list(after)
    b_fw, a_fw = _one_framework(b_items, "before"), _one_framework(a_items, "after")
    _no_repeats(b_items, "before")
    _no_repeats(a_items, "after")
    cat = catalog if catalog is not None else load_catalog()
    target: Framework = cat.framework(a_fw)
    projected_from = None
    if b_fw != a_fw:
        source = cat.framework(b_fw)
        if source.family is None or source.family != target.family:
            raise ValidationError(
                [
                    Problem(
                        "before",
                        f"{b_fw!r} and {a_fw!r} are not versions of one framework family; compare "
                        "assessments of one framework, or of two versions of one family",
                    )
                ]
            )
        from ._diff import version_crosswalk

        crosswalk = version_crosswalk(source, target, catalog=cat)
        b_items = [a.project(a_fw, crosswalk) for a in b_items]
        projected_from = b_fw
    match = match_jurisdictions([a.jurisdiction for a in b_items], [a.jurisdiction for a in a_items])
    by_left = {id(a.jurisdiction): a for a in b_items}
    by_right = {id(a.jurisdiction): a for a in a_items}
    diffs = []
    for pair in match.pairs:
        old, new = by_left[id(pair.left)], by_right[id(pair.right)]
        diffs.append(
            AssessmentDiff(
                jurisdiction=new.jurisdiction,
                framework_id=target.id,
                before=old,
                after=new,
                changes=tuple(
                    Change(principle_id=pid, before=old.status_of(pid), after=new.status_of(pid))
                    for pid in target.principle_ids
                    if old.status_of(pid) is not new.status_of(pid)
                ),
            )
        )
    return Changes(
        framework_id=target.id,
        projected_from=projected_from,
        diffs=tuple(diffs),
        match=match,
        principle_ids=tuple(p.id for p in target.leaves()),
    )


# --- Adoption events ------------------------------------------------------------------------------


def _span(date: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a reduced ISO date can mean (``2016`` is 2016-01-01 to 2016-12-31)."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    day = datetime.date(year, month, parts[2])
    return day, day


@attrs.frozen(kw_only=True)
class AdoptionEvent:
    """When one jurisdiction adopted one principle, as far as its assessments tell.

    Attributes:
        jurisdiction: the jurisdiction (as in its latest assessment).
        principle_id: the principle.
        last_not_adopted: the latest date it was seen not adopted (or partial) before it was first seen
            adopted (or at all, if never adopted); None if never seen not adopted before.
        first_adopted: the first date it was seen adopted; None if never.
        censoring: ``interval`` (adopted between the two dates), ``left`` (adopted at the first
            observation: some time before), ``right`` (not seen adopted: maybe later).
        lower: the earliest day adoption can have happened after (the first day of ``last_not_adopted``);
            None for ``left``.
        upper: the latest day adoption can have happened by (the last day of ``first_adopted``); None for
            ``right``.
        reverted: seen not adopted again after ``first_adopted``.
        observations: how many known statuses (not unknown) the dates gave.
    """

    jurisdiction: Jurisdiction
    principle_id: str
    last_not_adopted: str | None
    first_adopted: str | None
    censoring: Literal["interval", "left", "right"]
    lower: datetime.date | None
    upper: datetime.date | None
    reverted: bool
    observations: int

    def to_record(self) -> dict[str, Any]:
        """A plain dict (dates as ISO text), one row of an event table."""
        return {
            "jurisdiction": str(self.jurisdiction),
            "principle_id": self.principle_id,
            "last_not_adopted": self.last_not_adopted,
            "first_adopted": self.first_adopted,
            "censoring": self.censoring,
            "lower": None if self.lower is None else self.lower.isoformat(),
            "upper": None if self.upper is None else self.upper.isoformat(),
            "reverted": self.reverted,
            "observations": self.observations,
        }


def adoption_events(
    assessments: Iterable[Assessment], *, framework: Framework | None = None
) -> tuple[AdoptionEvent, ...]:
    """One adoption event per jurisdiction and principle, for survival analysis (see the module docs).

    Jurisdictions are matched by :attr:`~policeframeworks.Jurisdiction.key`. A principle never known for a
    jurisdiction (unknown at every date) gets no row.

    Example:
        >>> import attrs
        >>> from policeframeworks import Finding, load_seed_assessments, adoption_events
        >>> k = load_seed_assessments()[0]
        >>> pid = "8cantwait-2020:require-de-escalation"
        >>> old = attrs.evolve(k, as_of="2016", reported_total=None,
        ...                    findings=[Finding(principle_id=pid, status="not_adopted")])
        >>> new = attrs.evolve(k, as_of="2021-03", reported_total=None,
        ...                    findings=[Finding(principle_id=pid, status="adopted")])
        >>> (e,) = adoption_events([new, old])
        >>> e.last_not_adopted, e.first_adopted, e.censoring, e.lower, e.upper
        ('2016', '2021-03', 'interval', datetime.date(2016, 1, 1), datetime.date(2021, 3, 31))

    Raises:
        ValidationError: assessments of several frameworks, or two observations of one jurisdiction and
            principle whose dates overlap (``2016`` and ``2016-09``) with different statuses.
    """
    items = list(assessments)
    if not items:
        return ()
    fw_id = _one_framework(items, "assessments")
    fw = framework if framework is not None else load_catalog().framework(fw_id)
    by_j: dict[tuple[str, str | None, str], list[Assessment]] = {}
    for a in items:
        by_j.setdefault(a.jurisdiction.key, []).append(a)
    problems: list[Problem] = []
    out: list[AdoptionEvent] = []
    for group in by_j.values():
        group.sort(key=lambda a: _span(a.as_of))
        jurisdiction = max(group, key=lambda a: _span(a.as_of)[1]).jurisdiction
        for pid in (p.id for p in fw.leaves()):
            seen = [(a.as_of, a.status_of(pid)) for a in group if a.status_of(pid) is not Status.UNKNOWN]
            seen = [(d, s) for d, s in seen if s is not Status.NOT_APPLICABLE]
            if not seen:
                continue
            for (d1, s1), (d2, s2) in itertools.combinations(seen, 2):
                (a1, b1), (a2, b2) = _span(d1), _span(d2)
                if a2 <= b1 and a1 <= b2 and (s1 is Status.ADOPTED) != (s2 is Status.ADOPTED):
                    problems.append(
                        Problem(
                            f"{jurisdiction} / {pid}",
                            f"{d1} ({s1}) and {d2} ({s2}) overlap in time: which came first is not known",
                        )
                    )
            first = next((i for i, (_, s) in enumerate(seen) if s is Status.ADOPTED), None)
            last_not: str | None
            first_ad: str | None
            if first is None:
                last_not, first_ad = seen[-1][0], None
            else:
                last_not = seen[first - 1][0] if first > 0 else None
                first_ad = seen[first][0]
            reverted = first is not None and any(s is not Status.ADOPTED for _, s in seen[first + 1 :])
            censoring: Literal["interval", "left", "right"] = (
                "right" if first_ad is None else "left" if last_not is None else "interval"
            )
            out.append(
                AdoptionEvent(
                    jurisdiction=jurisdiction,
                    principle_id=pid,
                    last_not_adopted=last_not,
                    first_adopted=first_ad,
                    censoring=censoring,
                    lower=None if last_not is None else _span(last_not)[0],
                    upper=None if first_ad is None else _span(first_ad)[1],
                    reverted=reverted,
                    observations=len(seen),
                )
            )
    if problems:
        raise ValidationError(problems)
    return tuple(out)
