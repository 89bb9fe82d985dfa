"""Strategies of assessments: jurisdictions, evidence, findings, assessments, sets."""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from ..._assessment import Assessment, AssessmentSet
from ..._finding import Evidence, Finding, Method, Status
from ..._jurisdiction import Jurisdiction, JurisdictionKind
from ..._model import Framework
from ._base import (
    _ANY_CHAR,
    E,
    StrategyArgumentError,
    _check_count,
    _dates,
    _optional,
    _slugs,
    _text,
    _urls,
)
from ._model import (
    _notes,
    bundled_frameworks,
)

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
    from ..._states import STATES

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
        from ..._ids import is_principle_id

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
