"""Building test data in one line: :func:`make_assessment` (also the ``pf_make_assessment`` fixture)."""

from __future__ import annotations

from collections.abc import Iterable

from .._assessment import Assessment
from .._catalog import load_catalog
from .._finding import Finding, Method, Status
from .._jurisdiction import Jurisdiction
from .._model import Framework
from .._states import state_code
from ..exceptions import Problem, ValidationError

__all__ = ["make_assessment"]


def make_assessment(
    framework: str | Framework = "8cantwait-2020",
    *,
    adopted: Iterable[str] = (),
    partial: Iterable[str] = (),
    not_adopted: Iterable[str] = (),
    unknown: Iterable[str] = (),
    not_applicable: Iterable[str] = (),
    jurisdiction: str | Jurisdiction = "Springfield, IL",
    as_of: str = "2020-07-01",
    assessor: str = "test suite",
    method: str | Method = "document-review",
    reported_total: int | None = None,
) -> Assessment:
    """A valid assessment from a few keyword arguments, checked against its framework.

    Args:
        framework: a bundled framework's id, or a Framework.
        adopted: principles found adopted, by id or by the slug after the framework id.
        partial: principles found partially adopted.
        not_adopted: principles found not adopted.
        unknown: principles given an explicit ``unknown`` finding (any principle not named is unknown
            anyway).
        not_applicable: principles that do not apply.
        jurisdiction: a Jurisdiction, or ``"Name, ST"`` for a city (``"Name"`` for one in no state).
        as_of: the date the findings describe.
        assessor: who assessed.
        method: how.
        reported_total: a number adopted reported without saying which.

    Raises:
        ValidationError: a principle not in the framework (with the closest ids), one named twice, a
            bad jurisdiction or date, or a reported total the findings contradict.
        UnknownIdError: an unknown framework id.

    Example:
        >>> a = make_assessment("8cantwait-2020", adopted=["duty-to-intervene"], reported_total=5)
        >>> s = a.score()
        >>> (s.adopted, s.unknown, s.lower, s.upper, str(a.jurisdiction))
        (1, 7, 5, 5, 'Springfield, IL')
        >>> make_assessment(adopted=["duty-to-intervine"])
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem:
          findings[0].principle_id: '8cantwait-2020:duty-to-intervine' is not a principle of ...
    """
    fw = load_catalog().framework(framework) if isinstance(framework, str) else framework
    findings: list[Finding] = []
    named: dict[str, str] = {}
    problems: list[Problem] = []
    for status, ids in (
        (Status.ADOPTED, adopted),
        (Status.PARTIAL, partial),
        (Status.NOT_ADOPTED, not_adopted),
        (Status.UNKNOWN, unknown),
        (Status.NOT_APPLICABLE, not_applicable),
    ):
        if isinstance(ids, str):
            problems.append(
                Problem(status.value, f"expected a list of principle ids, got the string {ids!r}")
            )
            continue
        for given in ids:
            pid = given if ":" in given else f"{fw.id}:{given}"
            if pid in named:
                problems.append(Problem(status.value, f"{given!r} is already {named[pid]}"))
                continue
            named[pid] = status.value
            findings.append(Finding(principle_id=pid, status=status))
    if problems:
        raise ValidationError(problems)
    result = Assessment(
        jurisdiction=_jurisdiction(jurisdiction),
        framework_id=fw.id,
        as_of=as_of,
        assessor=assessor,
        method=method,
        findings=tuple(findings),
        reported_total=reported_total,
    )
    result.check(fw)
    return result


def _jurisdiction(value: str | Jurisdiction) -> Jurisdiction:
    if isinstance(value, Jurisdiction):
        return value
    name, comma, state = value.rpartition(",")
    if not comma:
        return Jurisdiction(name=value.strip(), state=None, kind="city")
    code = state_code(state) or state.strip()
    return Jurisdiction(name=name.strip(), state=code, kind="city")
