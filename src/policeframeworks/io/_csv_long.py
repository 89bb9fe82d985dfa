"""Reading the rows of a long assessment spreadsheet: one row per finding, grouped into assessments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._assessment import Assessment
from .._finding import Evidence, Finding, Status
from .._model import Framework
from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._csv_columns import _EVIDENCE_KEYS, hnorm
from ._csv_reader import RowReader
from ._csv_rows import _build, _locate, blank_note, check_width, is_repeated_header

__all__ = ["read_long"]


def read_long(rows: Iterable[list[str]], reader: RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    meta_fields = ("name", "state", "kind", "fips", "ori", "method", "reported_total", "attributes")
    for row, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values) or is_repeated_header(values, reader.headers):
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
        status, quote = (
            (None, None) if status_col is None else reader.status(row, status_col, values[status_col])
        )
        evidence: dict[str, str] = {}
        for key in _EVIDENCE_KEYS:
            v, _ = reader.cell(values, f"evidence_{key}")
            if v is not None:
                evidence[key] = v
        if quote is not None:
            if "quote" in evidence:
                reader.problems.append(
                    Problem(
                        reader.where(row, status_col or 0), "a quote in the status cell and in evidence_quote"
                    )
                )
            evidence["quote"] = quote
            if "title" not in evidence and reader.opts.source is not None:
                evidence["title"] = reader.opts.source.title
        note, _ = reader.cell(values, "note")
        if meta is None:
            continue
        if pid_text is None and (status is not None or evidence or note):
            reader.problems.append(Problem(f"row {row}", "a status, note or evidence without a principle"))
            continue
        if (
            pid_text is not None
            and status is None
            and status_text is None
            and reader.opts.blank == "not_adopted"
        ):
            status = Status.NOT_ADOPTED
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
    check = True  # building an Assessment checks nothing against its framework: do it here, per row
    for group in groups.values():
        findings = [
            Finding(principle_id=pid, status=f["status"], note=f["note"], evidence=tuple(f["evidence"]))
            for pid, f in group["findings"].items()
        ]
        try:
            a = _build(group["meta"], fw.id, findings, reader.opts, blank_note(reader.opts))
            if check:
                a.check(fw)
        except ValidationError as exc:
            reader.problems += [_locate(p, group["row"], cols, reader.headers) for p in exc.problems]
            continue
        out.append(a)
    return out


def name_key_of(name: str) -> str:
    """The matching key of a jurisdiction name (see :func:`policeframeworks._assessment.name_key`)."""
    from .._jurisdiction import name_key

    return name_key(name)
