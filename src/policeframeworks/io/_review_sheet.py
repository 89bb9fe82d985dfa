"""The review sheet: one CSV row per disagreement, each coder's status and evidence, columns to resolve it.

Columns: :data:`ITEM_COLUMNS`, then for each coder ``status: CODER``, ``evidence: CODER`` and
``note: CODER``, then :data:`RESOLUTION_COLUMNS`, left empty for the adjudicator to fill in. Every cell is
formula-escaped (:func:`policeframeworks.io.escape_cell`). :func:`read_review_sheet` reads the filled-in sheet
back as :class:`~policeframeworks.Resolution` objects (rows without a resolved status are skipped and
counted, never guessed).

Example:
    >>> import attrs, tempfile, pathlib
    >>> from policeframeworks import Finding, disagreements, load_seed_assessments
    >>> k = load_seed_assessments()[0]
    >>> pid = "8cantwait-2020:ban-chokeholds-and-strangleholds"
    >>> a = attrs.evolve(k, assessor="a", reported_total=None,
    ...                  findings=(Finding(principle_id=pid, status="adopted", note="=policy 3.1"),))
    >>> b = attrs.evolve(a, assessor="b", findings=())
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.csv"
    >>> write_review_sheet(disagreements([a, b]), path)
    >>> import csv
    >>> header, row = list(csv.reader(path.read_text().splitlines()))
    >>> header[6:9], row[6:9], row[9]
    (['status: a', 'evidence: a', 'note: a'], ['adopted', '', "'=policy 3.1"], 'unknown')
    >>> read_review_sheet(path)
    ((), 1)
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence

from .._adjudication import Disagreement, Resolution, ResolutionMethod
from .._finding import Evidence, Status
from .._jurisdiction import Jurisdiction
from ..exceptions import Problem, ValidationError
from ._cells import csv_text, unescape_cell
from ._files import write_text_atomic

__all__ = ["ITEM_COLUMNS", "RESOLUTION_COLUMNS", "read_review_sheet", "write_review_sheet"]

#: The columns that name the item.
ITEM_COLUMNS = ("jurisdiction", "state", "kind", "framework_id", "as_of", "principle_id")
#: The columns the adjudicator fills in.
RESOLUTION_COLUMNS = ("resolved_status", "resolved_by", "how", "resolution_note")


def _evidence_text(evidence: Sequence[Evidence]) -> str:
    parts = []
    for e in evidence:
        bits = [e.title]
        bits += [f"{label} {v}" for label, v in (("section", e.section), ("url", e.url)) if v]
        if e.quote:
            bits.append(f'"{e.quote}"')
        parts.append("; ".join(bits))
    return " | ".join(parts)


def write_review_sheet(
    items: Iterable[Disagreement], path: str | os.PathLike[str], *, overwrite: bool = True
) -> None:
    """Write a review sheet (CSV, atomically) with one row per disagreement.

    Args:
        items: the disagreements (:func:`policeframeworks.disagreements`).
        path: the file to write.
        overwrite: replace an existing file (else :class:`~policeframeworks.DataFileError`).
    """
    rows = list(items)
    coders = sorted({c for d in rows for c in d.findings})
    header = [*ITEM_COLUMNS]
    for c in coders:
        header += [f"status: {c}", f"evidence: {c}", f"note: {c}"]
    header += RESOLUTION_COLUMNS
    table: list[list[str]] = [header]
    for d in rows:
        j = d.jurisdiction
        cells = [j.name, j.state or "", str(j.kind), d.framework_id, d.as_of, d.principle_id]
        for c in coders:
            if c not in d.findings:
                cells += ["", "", ""]
                continue
            f = d.findings[c]
            status = str(f.status) if f is not None else str(Status.UNKNOWN)
            cells += [status, _evidence_text(f.evidence) if f else "", (f.note or "") if f else ""]
        cells += [""] * len(RESOLUTION_COLUMNS)
        table.append(cells)
    write_text_atomic(path, csv_text(table), overwrite=overwrite)


def read_review_sheet(path: str | os.PathLike[str]) -> tuple[tuple[Resolution, ...], int]:
    """The resolutions filled in on a review sheet, and how many rows are still unresolved.

    Raises:
        ValidationError: a missing column, or a bad status, method or empty ``resolved_by`` on a resolved
            row (every problem listed with its row and column).
    """
    name = os.fspath(path)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = [unescape_cell(h) for h in next(reader, [])]
        rows = [[unescape_cell(x) for x in row] for row in reader]
    missing = [c for c in (*ITEM_COLUMNS, *RESOLUTION_COLUMNS) if c not in header]
    if missing:
        raise ValidationError([Problem("header", f"missing column {c!r}") for c in missing], file=name)
    out = []
    unresolved = 0
    problems: list[Problem] = []
    for n, row in enumerate(rows, start=2):
        cell = dict(zip(header, row, strict=False))
        if len(row) != len(header):
            problems.append(Problem(f"row {n}", f"has {len(row)} cells, the header {len(header)}"))
            continue
        if not cell["resolved_status"].strip():
            unresolved += 1
            continue
        where = f"row {n}"
        row_problems = [
            *_choice(Status, cell["resolved_status"], f"{where}, column 'resolved_status'"),
            *_choice(ResolutionMethod, cell["how"], f"{where}, column 'how'"),
        ]
        if not cell["resolved_by"].strip():
            row_problems.append(Problem(f"{where}, column 'resolved_by'", "empty; say who resolved the item"))
        if row_problems:
            problems += row_problems
            continue
        try:
            out.append(
                Resolution(
                    jurisdiction=Jurisdiction(
                        name=cell["jurisdiction"], state=cell["state"] or None, kind=cell["kind"]
                    ),
                    framework_id=cell["framework_id"],
                    as_of=cell["as_of"],
                    principle_id=cell["principle_id"],
                    status=cell["resolved_status"].strip(),
                    resolved_by=cell["resolved_by"],
                    how=cell["how"].strip(),
                    note=cell["resolution_note"] or None,
                )
            )
        except ValidationError as exc:
            problems += [p.within(where) for p in exc.problems]
    if problems:
        raise ValidationError(problems, file=name)
    return tuple(out), unresolved


def _choice(enum: type[Status] | type[ResolutionMethod], value: str, where: str) -> list[Problem]:
    options = [str(v) for v in enum]
    if value.strip() in options:
        return []
    from .._suggest import first_or_none

    message = f"{value!r} is not one of {', '.join(options)}"
    return [Problem(where, message, suggestion=first_or_none(value, options))]
