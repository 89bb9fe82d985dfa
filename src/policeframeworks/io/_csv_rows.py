"""Reading the rows of an assessment spreadsheet: cells to jurisdictions, statuses and assessments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from .._assessment import (
    Assessment,
    Evidence,
    Finding,
    Jurisdiction,
    JurisdictionKind,
    Method,
    Status,
)
from .._catalog import Catalog, load_catalog
from .._ids import is_partial_date
from .._model import Framework
from .._states import state_code, state_names
from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._cells import unescape_cell
from ._csv_columns import _EVIDENCE_KEYS, Columns, hnorm

_TRUE = ("1", "yes", "y", "true")
_FALSE = ("0", "no", "n", "false")
_CELL_STATUS: dict[str, Status] = {
    **dict.fromkeys(_TRUE, Status.ADOPTED),
    **dict.fromkeys(_FALSE, Status.NOT_ADOPTED),
    **{s.value: s for s in Status},
}


def resolve_framework(framework: str | Framework, catalog: Catalog | None) -> Framework:
    if isinstance(framework, Framework):
        return framework
    return (catalog if catalog is not None else load_catalog()).framework(framework)


class RowReader:
    """Parses the cells of one file, collecting every problem."""

    def __init__(self, cols: Columns, defaults: Mapping[str, str | None], file: str) -> None:
        self.cols = cols
        self.defaults = defaults
        self.file = file
        self.problems: list[Problem] = []
        self.headers: Sequence[str] = ()
        self._findings: dict[tuple[str, Status], Finding] = {}
        self._states: dict[str, str | None] = {}
        self._words = {
            "kind": frozenset(m.value for m in JurisdictionKind),
            "method": frozenset(m.value for m in Method),
        }

    def where(self, row: int, col: int) -> str:
        return f"row {row}, column {self.headers[col]!r}"

    def cell(self, values: Sequence[str], field: str) -> tuple[str | None, int | None]:
        i = self.cols.field.get(field)
        if i is None or i >= len(values):
            return (self.defaults.get(field), None)
        v = unescape_cell(values[i]).strip()
        return (v or None, i)

    def jurisdiction_and_meta(self, row: int, values: Sequence[str]) -> dict[str, Any] | None:
        before = len(self.problems)
        out: dict[str, Any] = {}
        name, _ = self.cell(values, "name")
        if name is None:
            self.problems.append(
                Problem(f"row {row}, column {self.headers[self.cols.field['name']]!r}", "empty name")
            )
        out["name"] = name
        state, i = self.cell(values, "state")
        if state is not None:
            code = self._states.get(state)
            if code is None:
                code = self._states[state] = state_code(state)
            if code is None:
                self.problems.append(
                    Problem(
                        self.where(row, i) if i is not None else f"row {row}",
                        f"{state!r} is not a US state, district or territory",
                        suggestion=first_or_none(state, state_names()),
                    )
                )
            state = code
        out["state"] = state
        for field, enum_cls in (("kind", JurisdictionKind), ("method", Method)):
            value, i = self.cell(values, field)
            if value is None:
                self.problems.append(
                    Problem(f"row {row}", f"no {field}: add a column {field!r} or pass {field}=...")
                )
                continue
            low = value.casefold()
            if low in self._words[field]:
                out[field] = low
                continue
            words = [m.value for m in enum_cls]
            if low not in words:
                self.problems.append(
                    Problem(
                        self.where(row, i) if i is not None else field,
                        f"{value!r} is not one of {', '.join(words)}",
                        suggestion=first_or_none(low, words),
                    )
                )
            out[field] = low
        for field in ("as_of", "assessor"):
            value, i = self.cell(values, field)
            if value is None:
                self.problems.append(
                    Problem(f"row {row}", f"no {field}: add a column {field!r} or pass {field}=...")
                )
            elif field == "as_of" and not is_partial_date(value):
                self.problems.append(
                    Problem(
                        self.where(row, i) if i is not None else "as_of",
                        f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                    )
                )
            out[field] = value
        for field in ("fips", "ori"):
            out[field] = self.cell(values, field)[0]
        total, i = self.cell(values, "reported_total")
        if total is not None:
            if not total.isdigit():
                self.problems.append(Problem(self.where(row, i or 0), f"{total!r} is not a whole number"))
            else:
                out["reported_total"] = int(total)
        attributes = {}
        for i, key in self.cols.attribute.items():
            if i < len(values):
                v = unescape_cell(values[i]).strip()
                if v:
                    attributes[key] = v
        out["attributes"] = attributes
        return out if len(self.problems) == before else None

    def status(self, row: int, col: int, raw: str) -> Status | None:
        text = unescape_cell(raw).strip().casefold()
        if not text:
            return None
        found = _CELL_STATUS.get(text)
        if found is None:
            self.problems.append(
                Problem(
                    self.where(row, col),
                    f"{raw!r} is not a status (use 1/0, yes/no, y/n, true/false, or one of "
                    f"{', '.join(s.value for s in Status)})",
                    suggestion=first_or_none(text, list(_CELL_STATUS)),
                )
            )
        return found

    def finding(self, principle_id: str, status: Status) -> Finding:
        key = (principle_id, status)
        f = self._findings.get(key)
        if f is None:
            f = self._findings[key] = Finding(principle_id=principle_id, status=status)
        return f


def _build(meta: dict[str, Any], framework_id: str, findings: Sequence[Finding]) -> Assessment:
    jurisdiction = Jurisdiction(
        name=meta["name"],
        state=meta["state"],
        kind=meta["kind"],
        fips=meta["fips"],
        ori=meta["ori"],
        attributes=meta["attributes"],
    )
    return Assessment(
        jurisdiction=jurisdiction,
        framework_id=framework_id,
        as_of=meta["as_of"],
        assessor=meta["assessor"],
        method=meta["method"],
        findings=tuple(findings),
        reported_total=meta.get("reported_total"),
    )


def _locate(problem: Problem, row: int | str, cols: Columns, headers: Sequence[str]) -> Problem:
    field = problem.path.split(".")[-1].split("[")[0]
    if problem.path.startswith("jurisdiction.attributes"):
        field = ""
    i = cols.field.get(field)
    where = f"row {row}" + (f", column {headers[i]!r}" if i is not None else "")
    return Problem(where, problem.message, suggestion=problem.suggestion)


#: How many rows :func:`read_assessments_csv` reads between calls of its ``progress`` callback.
PROGRESS_EVERY = 1000


def counting(rows: Iterable[list[str]], progress: Callable[[int], object]) -> Iterator[list[str]]:
    """``rows`` unchanged, calling ``progress(n)`` every :data:`PROGRESS_EVERY` rows and at the end."""
    n = 0
    for n, values in enumerate(rows, start=1):
        if n % PROGRESS_EVERY == 0:
            progress(n)
        yield values
    if n % PROGRESS_EVERY:
        progress(n)
    elif n == 0:
        progress(0)


def check_width(reader: RowReader, row: int, values: Sequence[str]) -> bool:
    n = len(reader.headers)
    if len(values) > n and any(v.strip() for v in values[n:]):
        reader.problems.append(Problem(f"row {row}", f"{len(values)} cells but only {n} headers"))
        return False
    return True


def read_wide(rows: Iterable[list[str]], reader: RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    principle_cols = sorted(cols.principle.items())
    check = fw is not bundled(fw.id)
    out: list[Assessment] = []
    seen: dict[tuple[Any, ...], int] = {}
    for row, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue
        if not check_width(reader, row, values):
            continue
        meta = reader.jurisdiction_and_meta(row, values)
        findings = []
        for i, pid in principle_cols:
            if i < len(values) and values[i]:
                status = reader.status(row, i, values[i])
                if status is not None:
                    findings.append(reader.finding(pid, status))
        if meta is None:
            continue
        try:
            a = _build(meta, fw.id, findings)
            if check:
                a.check(fw)
        except ValidationError as exc:
            reader.problems += [_locate(p, row, cols, reader.headers) for p in exc.problems]
            continue
        key = (a.jurisdiction.key, a.as_of, a.assessor)
        if key in seen:
            reader.problems.append(
                Problem(
                    f"row {row}", f"{a.jurisdiction} on {a.as_of} by {a.assessor} repeats row {seen[key]}"
                )
            )
            continue
        seen[key] = row
        out.append(a)
    return out


def bundled(framework_id: str) -> Framework | None:
    from .._assessment import _bundled_framework

    return _bundled_framework(framework_id)


def read_long(rows: Iterable[list[str]], reader: RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    meta_fields = ("name", "state", "kind", "fips", "ori", "method", "reported_total", "attributes")
    for row, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue
        if not check_width(reader, row, values):
            continue
        meta = reader.jurisdiction_and_meta(row, values)
        pid_text, pid_col = reader.cell(values, "principle_id")
        status_text, status_col = reader.cell(values, "status")
        pid: str | None = None
        if pid_text is not None:
            if pid_text in fw:
                pid = pid_text
            else:
                found = cols.aliases.get(hnorm(pid_text), ())
                if len(found) == 1:
                    pid = found[0]
                else:
                    why = "matches more than one principle" if found else f"is not a principle of {fw.id!r}"
                    reader.problems.append(
                        Problem(
                            reader.where(row, pid_col or 0),
                            f"{pid_text!r} {why}",
                            suggestion=first_or_none(pid_text, fw.principle_ids),
                        )
                    )
        status = None if status_col is None else reader.status(row, status_col, values[status_col])
        evidence: dict[str, str] = {}
        for key in _EVIDENCE_KEYS:
            v, _ = reader.cell(values, f"evidence_{key}")
            if v is not None:
                evidence[key] = v
        note, _ = reader.cell(values, "note")
        if meta is None:
            continue
        if pid_text is None and (status is not None or evidence or note):
            reader.problems.append(Problem(f"row {row}", "a status, note or evidence without a principle"))
            continue
        if pid_text is not None and status is None:
            if status_text is None:
                reader.problems.append(
                    Problem(reader.where(row, status_col or 0), f"no status for {pid_text!r}")
                )
            continue
        if pid_text is not None and pid is None:
            continue
        group_key = (name_key_of(meta["name"]), meta["state"], meta["kind"], meta["as_of"], meta["assessor"])
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = {"meta": meta, "row": row, "findings": {}, "rows": {}}
        else:
            first = group["meta"]
            for field in meta_fields:
                if first.get(field) != meta.get(field):
                    shown = f"{meta.get(field)!r} here but {first.get(field)!r} in row {group['row']}"
                    i = cols.field.get(field)
                    where = reader.where(row, i) if i is not None else f"row {row}"
                    reader.problems.append(Problem(where, f"{field}: {shown} (same assessment)"))
        if pid is None or status is None:
            continue
        ev = None
        if evidence:
            if "title" not in evidence:
                reader.problems.append(Problem(f"row {row}", "evidence needs an evidence_title"))
                continue
            try:
                ev = Evidence(**evidence)
            except ValidationError as exc:
                reader.problems += [
                    Problem(f"row {row}, column 'evidence_{p.path}'", p.message, suggestion=p.suggestion)
                    for p in exc.problems
                ]
                continue
        existing = group["findings"].get(pid)
        if existing is None:
            group["findings"][pid] = {"status": status, "note": note, "evidence": [ev] if ev else []}
            group["rows"][pid] = row
        elif existing["status"] != status or existing["note"] != note:
            reader.problems.append(
                Problem(
                    f"row {row}",
                    f"{pid!r} has another status or note in row {group['rows'][pid]} (same assessment)",
                )
            )
        elif ev is None or not existing["evidence"]:
            reader.problems.append(
                Problem(f"row {row}", f"{pid!r} repeats row {group['rows'][pid]} without new evidence")
            )
        else:
            existing["evidence"].append(ev)
    out: list[Assessment] = []
    check = fw is not bundled(fw.id)
    for group in groups.values():
        findings = [
            Finding(principle_id=pid, status=f["status"], note=f["note"], evidence=tuple(f["evidence"]))
            for pid, f in group["findings"].items()
        ]
        try:
            a = _build(group["meta"], fw.id, findings)
            if check:
                a.check(fw)
        except ValidationError as exc:
            reader.problems += [_locate(p, group["row"], cols, reader.headers) for p in exc.problems]
            continue
        out.append(a)
    return out


def name_key_of(name: str) -> str:
    """The matching key of a jurisdiction name (see :func:`policeframeworks._assessment.name_key`)."""
    from .._assessment import name_key

    return name_key(name)
