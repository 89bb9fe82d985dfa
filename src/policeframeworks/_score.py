"""Scores of one assessment against its framework: counts per status and honest bounds on adoption.

Pure functions of an assessment's findings and a framework (no lookups, no I/O); :meth:`Assessment.score`
calls :func:`score_of`.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from operator import attrgetter
from typing import Any

import attrs

from ._finding import STATUSES, Finding, Status
from ._model import Framework

__all__ = ["Score", "ScoreIndex", "adopted_range", "score_index", "score_of", "tally"]


@attrs.frozen(kw_only=True)
class Score:
    """Counts and bounds on adoption for one assessment.

    Only a framework's leaves (principles without sub-provisions) are scored, so a provision and its own
    sub-provisions are never counted twice; findings on parent principles are kept but not counted.

    Bounds count principles:

    * ``lower`` is the number of principles certainly adopted: the adopted findings, or the reported total
      when the assessment has one (a reported total is a count of adopted principles, some of which may
      be unnamed). ``partial`` never counts in ``lower``.
    * ``upper`` is the most that could be adopted on the most generous reading: adopted + partial +
      unknown. With a reported total R the principles that are neither named adopted nor among the
      R are known not to be adopted, so ``upper`` is R + partial.

    Attributes:
        framework_id: the framework scored against.
        scored: how many principles are scored (the framework's leaves).
        applicable: scored principles not marked ``not_applicable``; fractions are of this.
        adopted: principles with an ``adopted`` finding (named).
        partial: principles with a ``partial`` finding.
        not_adopted: principles with a ``not_adopted`` finding.
        unknown: principles with an ``unknown`` finding or no finding at all.
        not_applicable: principles found not to apply.
        known: applicable principles with a finding other than ``unknown``.
        reported_total: the number of adopted principles the assessment reports without naming them all.
        lower: the lower bound on adopted principles.
        upper: the upper bound (adopted, partial, and unknown unless ruled out by a reported total).
        adopted_ids: the named adopted principles, in framework order (likewise for the other ``_ids``).

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> s = load_seed_assessments()[0].score()
        >>> (s.adopted, s.reported_total, s.unnamed_adopted, s.unknown, s.lower, s.upper)
        (1, 5, 4, 7, 5, 5)
    """

    framework_id: str
    scored: int
    applicable: int
    adopted: int
    partial: int
    not_adopted: int
    unknown: int
    not_applicable: int
    known: int
    reported_total: int | None
    lower: int
    upper: int
    adopted_ids: tuple[str, ...]
    partial_ids: tuple[str, ...]
    not_adopted_ids: tuple[str, ...]
    unknown_ids: tuple[str, ...]
    not_applicable_ids: tuple[str, ...]

    @property
    def unnamed_adopted(self) -> int:
        """How many adopted principles the reported total adds beyond the named ones (0 without one)."""
        return 0 if self.reported_total is None else self.reported_total - self.adopted

    @property
    def lower_fraction(self) -> float | None:
        """``lower`` as a fraction of the applicable principles (None when none applies)."""
        return self.lower / self.applicable if self.applicable else None

    @property
    def upper_fraction(self) -> float | None:
        """``upper`` as a fraction of the applicable principles (None when none applies)."""
        return self.upper / self.applicable if self.applicable else None

    @property
    def adopted_range(self) -> tuple[int, int]:
        """The least and the most principles that can be fully adopted (partial not counted).

        Example:
            >>> from policeframeworks import load_seed_assessments
            >>> load_seed_assessments()[0].score().adopted_range
            (5, 5)
        """
        return adopted_range(self.adopted, self.unknown, self.reported_total)

    def counts(self) -> dict[Status, int]:
        """The number of scored principles per status."""
        return {
            Status.ADOPTED: self.adopted,
            Status.PARTIAL: self.partial,
            Status.NOT_ADOPTED: self.not_adopted,
            Status.UNKNOWN: self.unknown,
            Status.NOT_APPLICABLE: self.not_applicable,
        }

    def explain(self) -> str:
        """The score in words.

        Example:
            >>> from policeframeworks import load_seed_assessments
            >>> print(load_seed_assessments()[0].score().explain())
            8cantwait-2020: 8 applicable principles.
            1 known adopted: 8cantwait-2020:duty-to-intervene.
            Reported total: 5 adopted; the other 4 are not named and are among the 7 unknown:
              8cantwait-2020:ban-chokeholds-and-strangleholds, 8cantwait-2020:require-de-escalation, ...
            Adopted: at least 5 of 8, at most 5 of 8.
        """
        lines = [f"{self.framework_id}: {self.applicable} applicable principles."]
        named = f": {', '.join(self.adopted_ids)}" if self.adopted_ids else ""
        lines.append(f"{self.adopted} known adopted{named}.")
        for word, ids in (
            ("partial", self.partial_ids),
            ("not adopted", self.not_adopted_ids),
            ("not applicable", self.not_applicable_ids),
        ):
            if ids:
                lines.append(f"{len(ids)} {word}: {', '.join(ids)}.")
        if self.reported_total is not None:
            lines.append(
                f"Reported total: {self.reported_total} adopted; the other {self.unnamed_adopted} are not "
                f"named and are among the {self.unknown} unknown:"
            )
            lines.append(f"  {', '.join(self.unknown_ids)}")
        elif self.unknown_ids:
            lines.append(f"{self.unknown} unknown: {', '.join(self.unknown_ids)}.")
        lines.append(
            f"Adopted: at least {self.lower} of {self.applicable}, at most {self.upper} of {self.applicable}."
        )
        return "\n".join(lines)


def tally(by_principle: Mapping[str, Finding], framework: Framework) -> dict[Status, list[str]]:
    """The framework's leaf ids by status (a leaf without a finding is ``unknown``), in document order."""
    out: dict[Status, list[str]] = {s: [] for s in STATUSES}
    get = by_principle.get
    unknown = out[Status.UNKNOWN]
    for pid in framework.leaf_ids:
        f = get(pid)
        if f is None:
            unknown.append(pid)
        else:
            out[f.status].append(pid)
    return out


def adopted_range(adopted: int, unknown: int, reported_total: int | None) -> tuple[int, int]:
    """The least and the most principles fully adopted (see :attr:`Score.adopted_range`).

    Example:
        >>> adopted_range(1, 7, None), adopted_range(1, 7, 5)
        ((1, 8), (5, 5))
    """
    if reported_total is None:
        return (adopted, adopted + unknown)
    return (reported_total, reported_total)


_new = object.__new__
_set = object.__setattr__
_ADOPTED, _PARTIAL = Status.ADOPTED, Status.PARTIAL
_NOT_ADOPTED, _UNKNOWN = Status.NOT_ADOPTED, Status.UNKNOWN


def score_of(by_principle: Mapping[str, Finding], reported_total: int | None, framework: Framework) -> Score:
    """The :class:`Score` of findings (by principle id) and a reported total against ``framework``.

    The score is built without ``Score.__init__``: a score has no checks, and the fields set here are every
    field of :class:`Score` (the tests compare it with ``Score(...)`` field by field).
    """
    fw = framework
    leaf_ids = fw.leaf_ids
    # tally() written out: one list per status, leaves in document order, no finding is unknown.
    adopted_ids: list[str] = []
    partial_ids: list[str] = []
    not_adopted_ids: list[str] = []
    unknown_ids: list[str] = []
    na_ids: list[str] = []
    get = by_principle.get
    for pid in leaf_ids:
        f = get(pid)
        st = None if f is None else f.status
        if st is _ADOPTED:
            adopted_ids.append(pid)
        elif st is _NOT_ADOPTED:
            not_adopted_ids.append(pid)
        elif st is None or st is _UNKNOWN:
            unknown_ids.append(pid)
        elif st is _PARTIAL:
            partial_ids.append(pid)
        else:
            na_ids.append(pid)
    adopted, partial, unknown, na = len(adopted_ids), len(partial_ids), len(unknown_ids), len(na_ids)
    rt = reported_total
    if rt is None:
        lower, upper = adopted, adopted + partial + unknown
    else:
        lower, upper = rt, rt + partial
    n = len(leaf_ids)
    s = _new(Score)
    _set(s, "framework_id", fw.id)
    _set(s, "scored", n)
    _set(s, "applicable", n - na)
    _set(s, "adopted", adopted)
    _set(s, "partial", partial)
    _set(s, "not_adopted", len(not_adopted_ids))
    _set(s, "unknown", unknown)
    _set(s, "not_applicable", na)
    _set(s, "known", n - na - unknown)
    _set(s, "reported_total", rt)
    _set(s, "lower", lower)
    _set(s, "upper", upper)
    _set(s, "adopted_ids", tuple(adopted_ids))
    _set(s, "partial_ids", tuple(partial_ids))
    _set(s, "not_adopted_ids", tuple(not_adopted_ids))
    _set(s, "unknown_ids", tuple(unknown_ids))
    _set(s, "not_applicable_ids", tuple(na_ids))
    return s


class _NoFinding:
    """Stands for a leaf without a finding when statuses are read in one step (it is ``unknown``)."""

    status = Status.UNKNOWN


_NO_FINDING: Any = _NoFinding()
_status_of = attrgetter("status")
#: How many distinct scores a :class:`ScoreIndex` keeps (when full it starts again; scores are rebuilt).
SCORES_KEPT = 8192


class ScoreIndex:
    """What scoring against one framework needs, computed once, and the scores of the patterns seen.

    A :class:`Score` depends only on the status of each leaf and the reported total, and is frozen, so
    assessments with the same statuses share one ``Score`` (equal to what :func:`score_of` builds; the
    tests compare the two). For the bulk paths (:meth:`Assessment.score`, :func:`summarize`).

    Attributes:
        framework: the framework.
        leaf_ids: its leaves (the scored principles), in document order.
        principle_ids: the ids a finding may name: the framework's principles, framing statements left out.
        scores: ``(statuses(by_principle), reported_total)`` -> the score, for the patterns seen (read it
            with ``get``: :meth:`score` fills it).

    Example:
        >>> from policeframeworks import load_catalog, load_seed_assessments
        >>> a = load_seed_assessments()[0]
        >>> index = score_index(load_catalog().framework(a.framework_id))
        >>> index.score(a.by_principle, a.reported_total) == a.score()
        True
    """

    __slots__ = ("_checked", "framework", "leaf_ids", "principle_ids", "scores")

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.leaf_ids = framework.leaf_ids
        self.principle_ids = frozenset(framework.by_id).difference(framework.framing_ids)
        self.scores: dict[tuple[tuple[Status, ...], int | None], Score] = {}
        # (ids of the findings, reported total) -> (those very findings, kept alive so that their ids stay
        # theirs, and their score): findings checked against the framework and scored before.
        self._checked: dict[tuple[tuple[int, ...], int | None], tuple[tuple[Finding, ...], Score]] = {}

    def statuses(self, by_principle: Mapping[str, Finding]) -> tuple[Status, ...]:
        """The status of each leaf (``unknown`` without a finding), in document order."""
        return tuple(map(_status_of, map(by_principle.get, self.leaf_ids, repeat(_NO_FINDING))))

    def score(self, by_principle: Mapping[str, Finding], reported_total: int | None) -> Score:
        """``score_of(by_principle, reported_total, framework)``, shared between equal status patterns.

        Checks nothing: the caller has checked the findings against the framework.
        """
        key = (self.statuses(by_principle), reported_total)
        found = self.scores.get(key)
        if found is None:
            if len(self.scores) >= SCORES_KEPT:
                self.scores.clear()
            found = self.scores[key] = score_of(by_principle, reported_total, self.framework)
        return found

    def checked_score(self, findings: tuple[Finding, ...], reported_total: int | None) -> Score | None:
        """The score :meth:`remember` was given for these very finding objects and total, or None.

        Findings are frozen, so the same objects (in the same order) with the same total pass the same
        checks and have the same score.
        """
        found = self._checked.get((tuple(map(id, findings)), reported_total))
        return None if found is None else found[1]

    def remember(self, findings: tuple[Finding, ...], reported_total: int | None, score: Score) -> None:
        """Remember the score of findings (of an assessment of this framework) that passed its checks."""
        if len(self._checked) >= SCORES_KEPT:
            self._checked.clear()
        self._checked[(tuple(map(id, findings)), reported_total)] = (findings, score)


_INDEXES: dict[int, ScoreIndex] = {}
#: How many frameworks' indexes are kept (when full the cache starts again).
INDEXES_KEPT = 64


def score_index(framework: Framework) -> ScoreIndex:
    """The :class:`ScoreIndex` of ``framework`` (built once per framework object, kept in a small cache)."""
    index = _INDEXES.get(id(framework))
    if index is None or index.framework is not framework:
        if len(_INDEXES) >= INDEXES_KEPT:
            _INDEXES.clear()
        index = _INDEXES[id(framework)] = ScoreIndex(framework)
    return index
