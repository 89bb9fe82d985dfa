"""Writing assessments and summaries as CSV, readable back by :func:`read_assessments_csv`."""

from __future__ import annotations

import csv
import io as _stdio
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from .._analysis import AdoptionSummary
from .._assessment import Assessment
from .._model import Framework
from ..exceptions import Problem, ValidationError
from ._cells import escape_cell
from ._csv_columns import _EVIDENCE_KEYS, FIELDS, LONG_FIELDS, Layout, hnorm, principle_aliases
from ._csv_rows import bundled
from ._files import write_text_atomic

__all__ = ["write_assessments_csv", "write_summary_csv"]


def _framework_for_writing(
    assessments: Sequence[Assessment], framework: Framework | None
) -> Framework | None:
    ids = sorted({a.framework_id for a in assessments})
    if len(ids) > 1:
        raise ValidationError(
            [Problem("framework_id", f"one CSV file holds one framework; got {', '.join(ids)}")]
        )
    if framework is not None:
        return framework
    return bundled(ids[0]) if ids else None


def _meta_columns(assessments: Sequence[Assessment]) -> tuple[list[str], list[str]]:
    fields = ["name", "state", "kind"]
    for opt in ("fips", "ori"):
        if any(getattr(a.jurisdiction, opt) is not None for a in assessments):
            fields.append(opt)
    fields += ["as_of", "assessor", "method"]
    if any(a.reported_total is not None for a in assessments):
        fields.append("reported_total")
    attributes: dict[str, None] = {}
    for a in assessments:
        attributes.update(dict.fromkeys(a.jurisdiction.attributes))
    return fields, list(attributes)


def _meta_cells(a: Assessment, fields: Sequence[str], attributes: Sequence[str]) -> list[str]:
    j = a.jurisdiction
    values = {
        "name": j.name,
        "state": j.state or "",
        "kind": str(j.kind),
        "fips": j.fips or "",
        "ori": j.ori or "",
        "as_of": a.as_of,
        "assessor": a.assessor,
        "method": str(a.method),
        "reported_total": "" if a.reported_total is None else str(a.reported_total),
    }
    return [values[f] for f in fields] + [j.attributes.get(k, "") for k in attributes]


def write_assessments_csv(
    assessments: Iterable[Assessment],
    path: str | os.PathLike[str],
    *,
    layout: Layout = "wide",
    framework: Framework | None = None,
    overwrite: bool = True,
) -> None:
    """Write assessments of one framework to a CSV file that :func:`read_assessments_csv` reads back equal.

    Principle columns are headed by principle ids. A finding without a status cell (no finding) is an
    empty cell. Cells that a spreadsheet would run as formulas are escaped (see the module docs).
    What a layout cannot hold is an error, never dropped: evidence, notes and derivations of findings in
    the wide layout, derivations in the long one, and assessment-level evidence and notes in both (use
    JSON for those). An attribute named like a principle is an error too; one whose name only nearly
    matches a principle (``near_miss``) is written, and reads back with its column declared
    (``columns={name: "attribute"}``).

    Args:
        assessments: assessments of one framework.
        path: the file to write (atomically).
        layout: ``"wide"`` or ``"long"``.
        framework: the framework, when it is not bundled (its principles give the wide columns).
        overwrite: replace an existing file.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_catalog
        >>> from policeframeworks import Assessment, Finding, Jurisdiction
        >>> a = Assessment(jurisdiction=Jurisdiction(name="=cmd()", state="DC", kind="city"),
        ...                framework_id="8cantwait-2020", as_of="2020-06", assessor="me", method="survey",
        ...                findings=[Finding(principle_id="8cantwait-2020:duty-to-intervene",
        ...                                  status="partial")])
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
        >>> io.write_assessments_csv([a], path)
        >>> path.read_text().splitlines()[1][:30]
        "'=cmd(),DC,city,2020-06,me,sur"
        >>> io.read_assessments_csv(path, framework="8cantwait-2020") == (a,)
        True

    Raises:
        ValidationError: no assessments, more than one framework, or content the layout cannot hold (every
            case listed).
    """
    items = list(assessments)
    if not items:
        raise ValidationError(
            [Problem("", "no assessments to write (a CSV file of a header only does not read back)")]
        )
    fw = _framework_for_writing(items, framework)
    problems: list[Problem] = []
    for n, a in enumerate(items):
        if a.evidence or a.notes:
            problems.append(Problem(f"[{n}]", "assessment evidence and notes do not fit in CSV; use JSON"))
        for k, f in enumerate(a.findings):
            if f.derived_from:
                problems.append(Problem(f"[{n}].findings[{k}]", "derivations do not fit in CSV; use JSON"))
            elif layout == "wide" and (f.evidence or f.note):
                problems.append(
                    Problem(f"[{n}].findings[{k}]", "evidence and notes need layout='long' (or JSON)")
                )
    first: dict[tuple[object, ...], int] = {}
    for n, a in enumerate(items):  # the reader's identity of a row: what it would refuse as a repeat
        other = first.setdefault((a.jurisdiction.key, a.as_of, a.assessor), n)
        if other != n:
            problems.append(
                Problem(
                    f"[{n}]",
                    f"{a.jurisdiction} on {a.as_of} by {a.assessor} is the same row as [{other}] "
                    f"({items[other].jurisdiction}) to the reader, which would refuse the file",
                )
            )
    fields, attributes = _meta_columns(items)
    clash = {hnorm(s) for syns in FIELDS.values() for s in syns}
    if layout == "long":
        clash |= {hnorm(s) for syns in LONG_FIELDS.values() for s in syns}
    elif fw is not None:
        clash |= set(principle_aliases(fw))
    for key in attributes:
        if hnorm(key) in clash:
            problems.append(
                Problem(f"attributes.{key}", "this attribute name would read back as a field or principle")
            )
    if problems:
        raise ValidationError(problems)
    table: list[list[str]] = []
    if layout == "wide":
        pids = list(fw.principle_ids) if fw is not None else []
        for a in items:
            pids += [f.principle_id for f in a.findings if f.principle_id not in pids]
        table.append([*fields, *attributes, *pids])
        for a in items:
            cells = _meta_cells(a, fields, attributes)
            cells += [str(a.status_of(p)) if a.finding(p) is not None else "" for p in pids]
            table.append(cells)
    else:
        long_fields = ["principle_id", "status", "note", *(f"evidence_{k}" for k in _EVIDENCE_KEYS)]
        table.append([*fields, *attributes, *long_fields])
        for a in items:
            meta = _meta_cells(a, fields, attributes)
            if not a.findings:
                table.append(meta + [""] * len(long_fields))
            for f in a.findings:
                for ev in f.evidence or (None,):
                    tail = [f.principle_id, str(f.status), f.note or ""]
                    tail += [(getattr(ev, k) or "") if ev else "" for k in _EVIDENCE_KEYS]
                    table.append(meta + tail)
    for r, cells in enumerate(table, start=1):
        for c, value in enumerate(cells):
            if value != value.strip():
                problems.append(
                    Problem(
                        f"row {r}, column {table[0][c]!r}",
                        f"{value!r} has surrounding spaces, which reading ignores; strip them first",
                    )
                )
    if problems:
        raise ValidationError(problems)
    buf = _stdio.StringIO()
    w = csv.writer(buf)
    for cells in table:
        w.writerow([escape_cell(c) for c in cells])
    write_text_atomic(path, buf.getvalue(), overwrite=overwrite)


def write_summary_csv(
    summary: AdoptionSummary,
    path: str | os.PathLike[str],
    *,
    table: Literal["principles", "distribution"] = "principles",
    overwrite: bool = True,
) -> None:
    """Write an adoption summary as CSV: per principle counts, or the distribution by number adopted.

    Args:
        summary: from :func:`policeframeworks.summarize`.
        path: the file to write (atomically).
        table: ``"principles"`` (:meth:`~policeframeworks.AdoptionSummary.to_records`) or
            ``"distribution"`` (:meth:`~policeframeworks.AdoptionSummary.distribution_records`).
        overwrite: replace an existing file.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_seed_assessments, summarize
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "summary.csv"
        >>> io.write_summary_csv(summarize(load_seed_assessments()), path)
        >>> path.read_text().splitlines()[0]
        'principle_id,adopted,partial,not_adopted,unknown,not_applicable'
    """
    records: Sequence[Mapping[str, Any]]
    if table == "principles":
        records = summary.to_records()
    elif table == "distribution":
        records = summary.distribution_records()
    else:
        raise ValidationError([Problem("table", f"{table!r} is not 'principles' or 'distribution'")])
    buf = _stdio.StringIO()
    w = csv.writer(buf)
    if records:
        w.writerow([escape_cell(str(k)) for k in records[0]])
    for r in records:
        w.writerow([escape_cell(str(v)) for v in r.values()])
    write_text_atomic(path, buf.getvalue(), overwrite=overwrite)
