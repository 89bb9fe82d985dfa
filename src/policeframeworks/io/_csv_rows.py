"""Reading the rows of an assessment spreadsheet: cells to jurisdictions, statuses and assessments."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, NamedTuple

from .._assessment import Assessment, checked_parts_assessment
from .._catalog import Catalog, load_catalog
from .._finding import Evidence, Finding, Method, Status
from .._jurisdiction import Jurisdiction, JurisdictionKind, checked_parts_jurisdiction
from .._model import Framework
from ..exceptions import Problem, ValidationError
from ._cells import unescape_cell
from ._csv_columns import Columns
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
#: The enum members by word (the reader has checked the words; a lookup is quicker than calling the enum).
_KINDS = {k.value: k for k in JurisdictionKind}
_METHODS = {m.value: m for m in Method}
#: How many distinct texts of one principle column a reader remembers (a file has a handful: 1, 0, ...).
_KEPT = 256
_MISSING: Any = object()


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
    # Per principle column: its index, principle, quote column, and (without a quote column) the finding
    # (or None: no finding) each cell text already gave without a problem, so a repeated text is read once.
    principle_cols: list[tuple[int, str, int | None, dict[str, tuple[Finding, ...]] | None]] = [
        (i, pid, quote_of.get(pid), {} if quote_of.get(pid) is None else None)
        for i, pid in sorted(cols.principle.items())
    ]
    # Without quote columns, a row whose every principle cell was read before takes its findings from
    # those memos in one step (``fast_rows`` keeps them for a totals row's counts).
    kept_by_col = [kept for _, _, _, kept in principle_cols if kept is not None]
    whole_rows = len(kept_by_col) == len(principle_cols)
    cells_of = _getter([i for i, _, _, _ in principle_cols])
    fast_rows: list[tuple[Finding, ...]] = []
    blank = Status.NOT_ADOPTED if reader.opts.blank == "not_adopted" else None
    name_col = cols.field["name"]
    width = len(reader.headers)  # a row of this width needs no check_width
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
    ctx = _RowContext(framing, plain_attributes, blank_note(reader.opts), _source_evidence(reader.opts))
    cell_status = reader.cell_status
    plain = reader.plain_rows() if not framing and ctx.evidence is not None else None
    fixed = reader.fixed_meta
    if plain is not None:
        as_of, assessor, method = fixed["as_of"], fixed["assessor"], _METHODS[fixed["method"]]
        evidence: tuple[Evidence, ...] = ctx.evidence  # type: ignore[assignment]
    adopted_status = Status.ADOPTED
    for row, values in enumerate(rows, start=2):
        first = values[0].strip() if values else None
        if not first:
            first = next((c for c in (v.strip() for v in values) if c), None)
        if first is None or (first == first_header and is_repeated_header(values, reader.headers)):
            continue
        if len(values) != width and not check_width(reader, row, values):
            continue
        if values[name_col].strip().casefold() in _TOTALS:
            _check_totals(reader, row, values, _with_fast_rows(adopted, fast_rows))
            continue
        if plain is not None and whole_rows:
            # A plain file's row whose cells were all read before: its assessment from checked parts.
            j = plain(values)
            if j is not None:
                known = list(map(dict.get, kept_by_col, cells_of(values)))
                if None not in known:
                    found = tuple(chain.from_iterable(known))  # type: ignore[arg-type]
                    fast_rows.append(found)
                    a = checked_parts_assessment(
                        jurisdiction=j,
                        framework_id=fw.id,
                        as_of=as_of,
                        assessor=assessor,
                        method=method,
                        findings=found,
                        evidence=evidence,
                        notes=ctx.notes,
                    )
                    key = (j.key, as_of, assessor)  # what _keep does (j.key is computed once, here)
                    if key in seen:
                        _keep(reader, row, a, seen, out)  # reports the repeated row
                    else:
                        seen[key] = row
                        out.append(a)
                    continue
        meta = reader.jurisdiction_and_meta(row, values)
        if whole_rows:
            known = [k.get(v) for k, v in zip(kept_by_col, cells_of(values), strict=True)]
            if None not in known:
                found = tuple([f for t in known for f in t])  # type: ignore[union-attr]
                fast_rows.append(found)
                if meta is not None:
                    _add_row(reader, row, meta, found, fw, ctx, seen, out)
                continue
        findings: list[Finding] = []
        for i, pid, q, kept in principle_cols:
            v = values[i]
            if kept is not None:
                memo = kept.get(v)
                if memo is not None:
                    findings.extend(memo)
                    if memo and memo[0].status is adopted_status:
                        adopted[pid] = adopted.get(pid, 0) + 1
                    continue
                problems_before = len(reader.problems)
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
                if kept is not None and len(reader.problems) == problems_before and len(kept) < _KEPT:
                    kept[v] = ()
                continue
            if status is Status.ADOPTED:
                adopted[pid] = adopted.get(pid, 0) + 1
            if quote is None:
                finding = reader.finding(pid, status)
                findings.append(finding)
                if kept is not None and len(reader.problems) == problems_before and len(kept) < _KEPT:
                    kept[v] = (finding,)
            else:
                try:
                    ev = _evidence(reader, row, q if q is not None and values[q].strip() else i, quote)
                    findings.append(Finding(principle_id=pid, status=status, evidence=(ev,)))
                except ValidationError as exc:
                    reader.problems += [
                        Problem(reader.where(row, i), f"evidence {p.path}: {p.message}") for p in exc.problems
                    ]
        if meta is not None:
            _add_row(reader, row, meta, tuple(findings), fw, ctx, seen, out)
    return out


class _RowContext(NamedTuple):
    """What every row of one file shares when its assessment is built."""

    framing: bool  # a principle column maps to a framing statement (the row is checked in full)
    plain_attributes: bool  # every attribute column has a name
    notes: tuple[str, ...]
    evidence: tuple[Evidence, ...] | None  # None: the source does not check (each row reports it)


def _add_row(
    reader: RowReader,
    row: int,
    meta: dict[str, Any],
    findings: tuple[Finding, ...],
    fw: Framework,
    ctx: _RowContext,
    seen: dict[tuple[Any, ...], int],
    out: list[Assessment],
) -> None:
    """Build one row's assessment (checking what the reader has not) and keep it unless it repeats a row."""
    try:
        if ctx.framing or ctx.evidence is None:
            a = _build(meta, fw.id, findings, reader.opts, ctx.notes)
            a.check(fw)
        else:
            if meta["fips"] is None and meta["ori"] is None and ctx.plain_attributes:
                j = checked_parts_jurisdiction(
                    name=meta["name"],
                    state=meta["state"],
                    kind=_KINDS[meta["kind"]],
                    attributes=meta["attributes"],
                )
            else:
                j = _jurisdiction(meta)
            a = checked_parts_assessment(
                jurisdiction=j,
                framework_id=fw.id,
                as_of=meta["as_of"],
                assessor=meta["assessor"],
                method=_METHODS[meta["method"]],
                findings=findings,
                reported_total=meta.get("reported_total"),
                evidence=ctx.evidence,
                notes=ctx.notes,
            )
            if a.reported_total is not None:
                a.check(fw)
    except ValidationError as exc:
        reader.problems += [_locate(p, row, reader.cols, reader.headers) for p in exc.problems]
        return
    _keep(reader, row, a, seen, out)


def _keep(
    reader: RowReader, row: int, a: Assessment, seen: dict[tuple[Any, ...], int], out: list[Assessment]
) -> None:
    """Keep a row's assessment unless it repeats a row (same jurisdiction, date and assessor)."""
    key = (a.jurisdiction.key, a.as_of, a.assessor)
    if key in seen:
        reader.problems.append(
            Problem(f"row {row}", f"{a.jurisdiction} on {a.as_of} by {a.assessor} repeats row {seen[key]}")
        )
        return
    seen[key] = row
    out.append(a)


def _getter(indexes: Sequence[int]) -> Callable[[Sequence[str]], Sequence[str]]:
    """The cells at ``indexes`` of a row, as a tuple."""
    if len(indexes) == 1:
        i = indexes[0]
        return lambda values: (values[i],)
    if not indexes:
        return lambda values: ()
    return operator.itemgetter(*indexes)


def _with_fast_rows(adopted: dict[str, int], fast_rows: Sequence[tuple[Finding, ...]]) -> dict[str, int]:
    """The adopted counts per principle of the rows read so far, those read in one step included."""
    counts = dict(adopted)
    for findings in fast_rows:
        for f in findings:
            if f.status is Status.ADOPTED:
                counts[f.principle_id] = counts.get(f.principle_id, 0) + 1
    return counts


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
