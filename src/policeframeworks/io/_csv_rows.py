"""Reading the rows of an assessment spreadsheet: cells to jurisdictions, statuses and assessments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .._assessment import Assessment, checked_parts_assessment
from .._catalog import Catalog, load_catalog
from .._finding import Evidence, Finding, Method, Status
from .._jurisdiction import Jurisdiction, JurisdictionKind, checked_parts_jurisdiction
from .._model import Framework
from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._cells import unescape_cell
from ._csv_columns import _EVIDENCE_KEYS, Columns, hnorm
from ._csv_options import ReadOptions
from ._csv_reader import RowReader


def resolve_framework(framework: str | Framework, catalog: Catalog | None) -> Framework:
    if isinstance(framework, Framework):
        return framework
    return (catalog if catalog is not None else load_catalog()).framework(framework)


def _build(
    meta: dict[str, Any],
    framework_id: str,
    findings: Sequence[Finding],
    opts: ReadOptions | None = None,
    notes: Sequence[str] = (),
) -> Assessment:
    jurisdiction = _jurisdiction(meta)
    evidence: tuple[Evidence, ...] = ()
    src = opts.source if opts is not None else None
    if src is not None:
        evidence = (
            Evidence(
                title=src.title, url=src.url, publisher=src.publisher, date=src.date, section=src.locator
            ),
        )
    return Assessment(
        jurisdiction=jurisdiction,
        framework_id=framework_id,
        as_of=meta["as_of"],
        assessor=meta["assessor"],
        method=meta["method"],
        findings=tuple(findings),
        reported_total=meta.get("reported_total"),
        evidence=evidence,
        notes=tuple(notes),
    )


def _jurisdiction(meta: dict[str, Any]) -> Jurisdiction:
    return Jurisdiction(
        name=meta["name"],
        state=meta["state"],
        kind=meta["kind"],
        fips=meta["fips"],
        ori=meta["ori"],
        attributes=meta["attributes"],
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


def check_width(reader: RowReader, row: int, values: list[str]) -> bool:
    """Whether a row fits the header (extra cells empty; short rows padded only if ``short_rows="blank"``)."""
    n = len(reader.headers)
    if len(values) > n and any(v.strip() for v in values[n:]):
        reader.problems.append(Problem(f"row {row}", f"{len(values)} cells but only {n} headers"))
        return False
    if len(values) < n:
        if reader.opts.short_rows != "blank":
            reader.problems.append(
                Problem(
                    f"row {row}",
                    f"{len(values)} cells but {n} headers (a short row: its last cells are missing, not "
                    "empty); pass short_rows='blank' to read missing cells as empty",
                )
            )
            return False
        values.extend([""] * (n - len(values)))
    return True


_TOTALS = frozenset({"total", "totals", "sum", "count"})


def is_repeated_header(values: Sequence[str], headers: Sequence[str]) -> bool:
    """A row that repeats the header row (published files made by joining tables carry one)."""
    cells = [v.strip() for v in values if v.strip()]
    return bool(cells) and cells == [h.strip() for h in headers if h.strip()]


def _evidence(reader: RowReader, row: int, col: int, quote: str) -> Evidence:
    src = reader.opts.source
    title = src.title if src is not None else reader.file.replace("\\", "/").rsplit("/", 1)[-1]
    return Evidence(
        title=title,
        url=src.url if src is not None else None,
        publisher=src.publisher if src is not None else None,
        date=src.date if src is not None else None,
        section=f"row {row}, column {reader.headers[col]!r}",
        quote=quote,
    )


def _check_totals(reader: RowReader, row: int, values: Sequence[str], adopted: dict[str, int]) -> None:
    for i, pid in sorted(reader.cols.principle.items()):
        text = values[i].strip() if i < len(values) else ""
        if not text:
            continue
        if not (text.isascii() and text.isdigit()):
            reader.problems.append(
                Problem(reader.where(row, i), f"{text!r} in the totals row is not a whole number")
            )
        elif int(text) != adopted.get(pid, 0):
            reader.problems.append(
                Problem(
                    reader.where(row, i),
                    f"the totals row says {text} adopted, but the rows above hold {adopted.get(pid, 0)}",
                )
            )


def read_wide(rows: Iterable[list[str]], reader: RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    quote_of = {pid: i for i, pid in cols.quote.items()}
    principle_cols = [(i, pid, quote_of.get(pid)) for i, pid in sorted(cols.principle.items())]
    blank = Status.NOT_ADOPTED if reader.opts.blank == "not_adopted" else None
    name_col = cols.field["name"]
    header_cells = [h.strip() for h in reader.headers if h.strip()]
    first_header = header_cells[0] if header_cells else None
    # Building an Assessment checks nothing against its framework: rows are checked here. Findings are on
    # distinct principles of ``fw`` (the columns say so), so only framing statements and reported totals
    # can be wrong, and the assessment is built from its checked parts without checking them again.
    framing = any(pid in fw.framing_ids for pid in cols.principle.values())
    # The reader strips names, attributes and codes and checks states and kinds; FIPS codes and ORIs (and
    # an attribute column with a blank header) are left to the checking constructor.
    plain_attributes = all(cols.attribute.values())
    out: list[Assessment] = []
    seen: dict[tuple[Any, ...], int] = {}
    adopted: dict[str, int] = {}
    notes = blank_note(reader.opts)
    evidence = _source_evidence(reader.opts)
    cell_status = reader.cell_status
    for row, values in enumerate(rows, start=2):
        first = next((c for c in (v.strip() for v in values) if c), None)
        if first is None or (first == first_header and is_repeated_header(values, reader.headers)):
            continue
        if not check_width(reader, row, values):
            continue
        if values[name_col].strip().casefold() in _TOTALS:
            _check_totals(reader, row, values, adopted)
            continue
        meta = reader.jurisdiction_and_meta(row, values)
        findings = []
        for i, pid, q in principle_cols:
            v = values[i]
            status = cell_status.get(v)
            if status is None:
                status, quote = reader.status(row, i, v) if v else (None, None)
                if status is None and not v.strip():
                    status = blank
            else:
                quote = None
            if q is not None and values[q].strip():
                if quote is not None:
                    reader.problems.append(
                        Problem(
                            reader.where(row, q),
                            f"a second quote for {pid!r} (the cell of {reader.headers[i]!r} holds one too)",
                        )
                    )
                quote = unescape_cell(values[q]).strip()
                if status is None and not v.strip():
                    reader.problems.append(
                        Problem(
                            reader.where(row, q), f"policy language without a status in {reader.headers[i]!r}"
                        )
                    )
                    continue
            if status is None:
                continue
            if status is Status.ADOPTED:
                adopted[pid] = adopted.get(pid, 0) + 1
            if quote is None:
                findings.append(reader.finding(pid, status))
            else:
                try:
                    ev = _evidence(reader, row, q if q is not None and values[q].strip() else i, quote)
                    findings.append(Finding(principle_id=pid, status=status, evidence=(ev,)))
                except ValidationError as exc:
                    reader.problems += [
                        Problem(reader.where(row, i), f"evidence {p.path}: {p.message}") for p in exc.problems
                    ]
        if meta is None:
            continue
        try:
            if framing or evidence is None:
                a = _build(meta, fw.id, findings, reader.opts, notes)
                a.check(fw)
            else:
                if meta["fips"] is None and meta["ori"] is None and plain_attributes:
                    j = checked_parts_jurisdiction(
                        name=meta["name"],
                        state=meta["state"],
                        kind=JurisdictionKind(meta["kind"]),
                        attributes=meta["attributes"],
                    )
                else:
                    j = _jurisdiction(meta)
                a = checked_parts_assessment(
                    jurisdiction=j,
                    framework_id=fw.id,
                    as_of=meta["as_of"],
                    assessor=meta["assessor"],
                    method=Method(meta["method"]),
                    findings=tuple(findings),
                    reported_total=meta.get("reported_total"),
                    evidence=evidence,
                    notes=notes,
                )
                if a.reported_total is not None:
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


def _source_evidence(opts: ReadOptions) -> tuple[Evidence, ...] | None:
    """The evidence every assessment of the file carries (the ``source``), or None if it does not check."""
    src = opts.source
    if src is None:
        return ()
    try:
        return (
            Evidence(
                title=src.title, url=src.url, publisher=src.publisher, date=src.date, section=src.locator
            ),
        )
    except ValidationError:
        return None  # each row then reports it through the checking path


def blank_note(opts: ReadOptions) -> tuple[str, ...]:
    """The provenance note an import under ``blank="not_adopted"`` records on every assessment."""
    if opts.blank != "not_adopted":
        return ()
    where = f" (descriptor {opts.descriptor})" if opts.descriptor else ""
    return (
        "Empty principle cells were read as not_adopted (blank='not_adopted'), by the publisher's convention"
        f"{where}; the file itself leaves them empty.",
    )


def bundled(framework_id: str) -> Framework | None:
    from .._catalog import bundled_framework_or_none

    return bundled_framework_or_none(framework_id)


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
