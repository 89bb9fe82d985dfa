r"""Spreadsheets of assessments: read the coded data researchers have, write it back losslessly.

Two layouts:

* **wide**: one row per assessment (jurisdiction), one column per principle, plus jurisdiction columns;
* **long**: one row per finding (a finding with several pieces of evidence takes one row for each).

Columns are recognised as follows, in this order:

1. the explicit ``columns`` mapping (a dict, or a TOML/JSON file with a ``[columns]`` table), from a
   header as written in the file to a principle id or to one of the jurisdiction/assessment fields;
2. the field names below (``name``, ``state``, ...), and a few common synonyms;
3. for principle columns in the wide layout (and principle cells in the long one), each principle's id,
   title and ``aliases`` (8 Can't Wait carries the 2016 Use of Force Project and Police Scorecard column
   names).

Header matching ignores case and surrounding spaces, and treats ``_`` as a space and runs of spaces as one
(``Bans_Chokeholds_and_Strangleholds`` matches the alias ``bans_chokeholds_and_strangleholds``). A header
that matches the names of two different principles is reported as ambiguous, never guessed. Columns that
map to nothing are kept as jurisdiction ``attributes`` (``unmapped="keep"``, the default) or reported as
an error (``unmapped="error"``); nothing is dropped.

Declaring attributes: the value ``"attribute"`` in ``columns`` (:data:`ATTRIBUTE`) keeps a column as a
jurisdiction attribute, named by its header, whatever the header resembles, also with
``unmapped="error"`` (``{"Population": "attribute"}``, or ``Population = "attribute"`` in a column map
file).

Near misses: in the wide layout, under ``unmapped="keep"``, a header that maps to nothing but *nearly*
matches a principle's name is an error, not an attribute, since a misspelt principle column would
otherwise make that principle ``unknown`` in every row without a word. The error names the column, the
principle and the name it resembles, and says how to resolve it: map the column in ``columns``, or declare
it an attribute. It is reported with every other problem of the file. ``near_miss`` decides, as
follows. The header and every principle's title, aliases, id and slug (the id after the ``:``) are compared
as *keys*: casefolded, with every run of characters other than letters and digits (``_``, ``-``, ``:``,
``&``, spaces, ...) made one space. The header's score against a name is the :class:`difflib.SequenceMatcher`
ratio of the two keys; if the header has at least two words and ten characters and fewer words than the
name, also the ratio against the name's first as many words (a shortened header, ``bans_chokehold``).
The header is a near miss when its best score is at least :data:`NEAR_MISS_CUTOFF` (0.88); the highest
score wins, and on a tie the first principle, and within it the title, then the aliases, the slug and the
id. Ordinary jurisdiction columns (``city``, ``county``, ``population``, ``fips``, ``ori``, ``notes``, ...)
score at most 0.84 against the bundled frameworks, and an exact match never reaches this test.

Cells: surrounding spaces and case are ignored. A status cell is ``1``/``yes``/``y``/``true``/``adopted``
(adopted), ``0``/``no``/``n``/``false``/``not_adopted`` (not adopted), or one of ``partial``,
``unknown``, ``not_applicable``; an empty cell means no finding (``unknown``). States may be codes or
spelled out (``Texas``, ``DC``, ``District of Columbia``). Jurisdiction names are kept as written; rows
are matched to jurisdictions by :attr:`~policeframeworks.Jurisdiction.key`, so ``St Paul`` and
``St. Paul`` are the same city. Every bad cell is reported in one :class:`ValidationError`, each with its
row number (the header is row 1, as in a spreadsheet) and column.

Formula escaping: a spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula. The writer puts an apostrophe before such a cell, and before a cell that already
starts with an apostrophe followed by one of those characters; the reader removes one apostrophe from a cell
that starts with an apostrophe followed by one of them. So a written file reads back to equal assessments.

Example:
    >>> import pathlib, tempfile
    >>> from policeframeworks import io
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cities.csv"
    >>> _ = path.write_text(
    ...     "\ufeffCity,State,restrict holds,require officer intervention,Population\n"
    ...     "St. Paul,Minnesota,1,yes,311527\n"
    ...     "Austin,TX,0,,961855\n", encoding="utf-8")
    >>> cities = io.read_assessments_csv(path, framework="8cantwait-2020", as_of="2016",
    ...                                  assessor="coder", method="document-review", kind="city")
    >>> [(str(a.jurisdiction), a.score().adopted, a.score().unknown) for a in cities]
    [('St. Paul, MN', 2, 6), ('Austin, TX', 0, 7)]
    >>> cities[0].jurisdiction.attributes["Population"]
    '311527'
"""

from __future__ import annotations

import csv
import difflib
import gc
import io as _stdio
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from .._analysis import AdoptionSummary
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
from ._files import read_document, read_text, write_text_atomic

__all__ = ["read_assessments_csv", "write_assessments_csv", "write_summary_csv"]

Layout = Literal["wide", "long"]

#: Assessment and jurisdiction fields a column can hold, with the header synonyms recognised.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "jurisdiction", "city"),
    "state": ("state",),
    "kind": ("kind",),
    "fips": ("fips",),
    "ori": ("ori",),
    "as_of": ("as of", "date"),
    "assessor": ("assessor", "coder"),
    "method": ("method",),
    "reported_total": ("reported total",),
}
#: Fields of the long layout only.
LONG_FIELDS: dict[str, tuple[str, ...]] = {
    "principle_id": ("principle id", "principle"),
    "status": ("status",),
    "note": ("note",),
    "evidence_title": ("evidence title",),
    "evidence_url": ("evidence url",),
    "evidence_publisher": ("evidence publisher",),
    "evidence_date": ("evidence date",),
    "evidence_section": ("evidence section",),
    "evidence_quote": ("evidence quote",),
    "evidence_retrieved": ("evidence retrieved",),
}
_EVIDENCE_KEYS = ("title", "url", "publisher", "date", "section", "quote", "retrieved")

_TRUE = ("1", "yes", "y", "true")
_FALSE = ("0", "no", "n", "false")
_CELL_STATUS: dict[str, Status] = {
    **dict.fromkeys(_TRUE, Status.ADOPTED),
    **dict.fromkeys(_FALSE, Status.NOT_ADOPTED),
    **{s.value: s for s in Status},
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: The ``columns`` value that declares a column a jurisdiction attribute.
ATTRIBUTE = "attribute"
#: The least score of a header against a principle's name that makes it a near miss (see the module docs).
NEAR_MISS_CUTOFF = 0.88
_NON_WORD = re.compile(r"[\W_]+")


def _hnorm(header: str) -> str:
    return " ".join(header.replace("_", " ").casefold().split())


def escape_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula.

    Example:
        >>> escape_cell("=1+1"), escape_cell("'=1+1"), escape_cell("plain")
        ("'=1+1", "''=1+1", 'plain')
    """
    if value.startswith(_FORMULA_START) or (value[:1] == "'" and value[1:2] in (*_FORMULA_START, "'")):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`.

    Example:
        >>> unescape_cell("'=1+1"), unescape_cell("''=1+1"), unescape_cell("'tis")
        ('=1+1', "'=1+1", "'tis")
    """
    if value[:1] == "'" and value[1:2] in (*_FORMULA_START, "'"):
        return value[1:]
    return value


class _Columns:
    """Which column holds what, for one file."""

    def __init__(
        self,
        headers: Sequence[str],
        *,
        framework: Framework,
        explicit: Mapping[str, str],
        layout: Layout,
        unmapped: str,
        file: str,
    ) -> None:
        self.field: dict[str, int] = {}
        self.principle: dict[int, str] = {}
        self.attribute: dict[int, str] = {}
        self.problems: list[Problem] = []
        #: Headers that nearly match a principle: reported with the problems of the rows (the file can
        #: still be read), or with the other header problems.
        self.near_misses: list[Problem] = []
        self.aliases = principle_aliases(framework)
        fields = {**FIELDS, **(LONG_FIELDS if layout == "long" else {})}
        synonyms = {syn: name for name, syns in fields.items() for syn in syns}
        seen: dict[str, int] = {}
        for i, h in enumerate(headers):
            if h in seen:
                self.problems.append(
                    Problem(f"row 1, column {i + 1}", f"header {h!r} repeats column {seen[h] + 1}")
                )
            seen.setdefault(h, i)
        by_header = {h: i for i, h in enumerate(headers)}
        by_norm: dict[str, int] = {}
        for i, h in enumerate(headers):
            by_norm.setdefault(_hnorm(h), i)
        done: set[int] = set()
        for header, target in explicit.items():
            col = by_header.get(header, by_norm.get(_hnorm(header)))
            if col is None:
                self.problems.append(
                    Problem(
                        f"columns[{header!r}]",
                        "the column mapping names a column the file does not have",
                        suggestion=first_or_none(header, headers),
                    )
                )
                continue
            if target == ATTRIBUTE:
                self.attribute[col] = headers[col].strip()
            elif target in fields:
                self._set_field(target, col, headers)
            elif target in framework and layout == "wide":
                self.principle[col] = target
            else:
                wanted = [*fields, ATTRIBUTE, *(framework.principle_ids if layout == "wide" else [])]
                self.problems.append(
                    Problem(
                        f"columns[{header!r}]",
                        f"{target!r} is neither a principle of {framework.id!r}, a field "
                        f"({', '.join(fields)}), nor {ATTRIBUTE!r}",
                        suggestion=first_or_none(target, wanted),
                    )
                )
            done.add(col)
        names = _names(framework) if layout == "wide" and unmapped == "keep" else []
        for i, h in enumerate(headers):
            if i in done:
                continue
            key = _hnorm(h)
            if key in synonyms:
                self._set_field(synonyms[key], i, headers)
            elif layout == "wide" and key in self.aliases:
                found = self.aliases[key]
                if len(found) > 1:
                    self.problems.append(
                        Problem(
                            f"row 1, column {h!r}",
                            f"matches more than one principle ({', '.join(found)}); map it in 'columns'",
                        )
                    )
                else:
                    self.principle[i] = found[0]
            elif unmapped == "keep":
                near = near_miss(h, framework, names=names) if names else None
                if near is None:
                    self.attribute[i] = h.strip()
                else:
                    self.near_misses.append(_near_miss_problem(h, near))
            else:
                self.problems.append(
                    Problem(
                        f"row 1, column {h!r}",
                        "maps to no principle or field",
                        suggestion=first_or_none(key, list(self.aliases) + list(synonyms)),
                    )
                )
        twice: dict[str, list[str]] = {}
        for i, pid in self.principle.items():
            twice.setdefault(pid, []).append(headers[i])
        for pid, hs in twice.items():
            if len(hs) > 1:
                self.problems.append(
                    Problem("row 1", f"columns {', '.join(map(repr, hs))} all map to {pid!r}; keep one")
                )
        if "name" not in self.field:
            self.problems.append(
                Problem("row 1", "no jurisdiction name column ('name', 'jurisdiction' or 'city')")
            )
        if layout == "long":
            for need in ("principle_id", "status"):
                if need not in self.field:
                    self.problems.append(Problem("row 1", f"no {need!r} column (the long layout needs one)"))
        if self.problems:
            raise ValidationError(self.problems + self.near_misses, file=file)

    def _set_field(self, name: str, i: int, headers: Sequence[str]) -> None:
        if name in self.field:
            other = headers[self.field[name]]
            self.problems.append(
                Problem(f"row 1, column {headers[i]!r}", f"a second column for {name!r} (also {other!r})")
            )
        else:
            self.field[name] = i


def _near_miss_problem(header: str, near: NearMiss) -> Problem:
    kind = "an alias" if near.kind == "alias" else f"the {near.kind}"
    also = f" (as close to {', '.join(map(repr, near.also))})" if near.also else ""
    return Problem(
        f"row 1, column {header!r}",
        f"matches no principle or field, but nearly matches {near.name!r}, {kind} of {near.principle_id!r}"
        f"{also}; map it in 'columns' ({{{header.strip()!r}: {near.principle_id!r}}}) or declare it an "
        f"attribute ({{{header.strip()!r}: {ATTRIBUTE!r}}})",
        suggestion=near.principle_id,
        code="near_miss_header",
        field=header,
    )


def principle_aliases(framework: Framework) -> dict[str, tuple[str, ...]]:
    """Normalised header -> principle ids: every principle's id, title and aliases.

    A key with more than one principle id is ambiguous and is never used to guess.

    Example:
        >>> from policeframeworks import load_catalog
        >>> aliases = principle_aliases(load_catalog().framework("8cantwait-2020"))
        >>> aliases["bans chokeholds and strangleholds"]
        ('8cantwait-2020:ban-chokeholds-and-strangleholds',)
    """
    out: dict[str, list[str]] = {}
    for p in framework.iter_principles():
        for name in (p.id, p.title, *p.aliases):
            ids = out.setdefault(_hnorm(name), [])
            if p.id not in ids:
                ids.append(p.id)
    return {k: tuple(v) for k, v in out.items()}


class NearMiss(NamedTuple):
    """What a header nearly matches: see ``near_miss``.

    Attributes:
        principle_id: the principle whose name the header resembles.
        name: that name, as the framework writes it.
        kind: which name it is: ``"title"``, ``"alias"``, ``"slug"`` or ``"id"``.
        score: the similarity, from :data:`NEAR_MISS_CUTOFF` to 1.
        also: other principles whose names score as high (a tie), in framework order.
    """

    principle_id: str
    name: str
    kind: str
    score: float
    also: tuple[str, ...] = ()


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _names(framework: Framework) -> list[tuple[str, str, str, str]]:
    """(key, principle id, name, kind) for every name of every principle, in tie-breaking order."""
    out = []
    for p in framework.iter_principles():
        named = [(p.title, "title"), *((a, "alias") for a in p.aliases)]
        named += [(p.id.partition(":")[2], "slug"), (p.id, "id")]
        out += [(_key(n), p.id, n, kind) for n, kind in named]
    return out


def _ratio(a: str, b: str) -> float:
    """The SequenceMatcher ratio of ``a`` and ``b``, or 0 when an upper bound is below the cutoff."""
    if 2 * min(len(a), len(b)) < NEAR_MISS_CUTOFF * (len(a) + len(b)):  # the bound from the lengths
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.quick_ratio() < NEAR_MISS_CUTOFF:
        return 0.0
    return matcher.ratio()


def _score(header_key: str, name_key: str) -> float:
    best = _ratio(header_key, name_key)
    words, name_words = header_key.split(), name_key.split()
    if len(words) >= 2 and len(header_key) >= 10 and len(words) < len(name_words):
        best = max(best, _ratio(header_key, " ".join(name_words[: len(words)])))
    return best


def near_miss(
    header: str, framework: Framework, *, names: Sequence[tuple[str, str, str, str]] | None = None
) -> NearMiss | None:
    """The principle of ``framework`` whose name ``header`` nearly matches, or None.

    The rule is in the module docs (section *Near misses*). It does not look at exact matches: the
    reader only asks about headers that matched no principle or field.

    Args:
        header: a column header, as written.
        framework: the framework whose principles' titles, aliases, slugs and ids are compared.
        names: the framework's names, precomputed (for many headers); by default computed here.

    Example:
        >>> from policeframeworks import load_catalog
        >>> cw = load_catalog().framework("8cantwait-2020")
        >>> near_miss("Requires De-escalation", cw)
        NearMiss(principle_id='8cantwait-2020:require-de-escalation', name='Require De-escalation', kind='title', score=0.977, also=())
        >>> near_miss("bans_chokehold", cw).name
        'bans_chokeholds_and_strangleholds'
        >>> near_miss("Population", cw) is None
        True
    """  # noqa: E501
    key = _key(header)
    if not key:
        return None
    best: NearMiss | None = None
    also: list[str] = []
    for name_key, pid, name, kind in names if names is not None else _names(framework):
        score = round(_score(key, name_key), 3)
        if score < NEAR_MISS_CUTOFF or (best is not None and score < best.score):
            continue
        if best is None or score > best.score:
            best, also = NearMiss(pid, name, kind, score), []
        elif pid != best.principle_id and pid not in also:
            also.append(pid)
    return None if best is None else best._replace(also=tuple(also))


def _load_column_map(columns: Mapping[str, str] | str | os.PathLike[str] | None) -> Mapping[str, str]:
    if columns is None:
        return {}
    if isinstance(columns, Mapping):
        bad = [
            Problem(f"columns[{k!r}]", "expected text") for k, v in columns.items() if not isinstance(v, str)
        ]
        if bad:
            raise ValidationError(bad)
        return columns
    data, name = read_document(columns)
    problems: list[Problem] = []
    if not isinstance(data, Mapping) or not isinstance(data.get("columns"), Mapping):
        raise ValidationError(
            [Problem("", "a column map holds a 'columns' table: header = target")], file=name
        )
    for key in data:
        if key != "columns":
            problems.append(Problem(key, "unknown key; expected only 'columns'", suggestion="columns"))
    table = data["columns"]
    for key, value in table.items():
        if not isinstance(value, str):
            problems.append(
                Problem(f"columns.{key}", f"expected a principle id or field name, got {value!r}")
            )
    if problems:
        raise ValidationError(problems, file=name)
    return dict(table)


def _resolve_framework(framework: str | Framework, catalog: Catalog | None) -> Framework:
    if isinstance(framework, Framework):
        return framework
    return (catalog if catalog is not None else load_catalog()).framework(framework)


class _RowReader:
    """Parses the cells of one file, collecting every problem."""

    def __init__(self, cols: _Columns, defaults: Mapping[str, str | None], file: str) -> None:
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
                    Problem(
                        f"row {row}",
                        f"no {field}: add a column {field!r} or pass {field}=...",
                        code="missing_default",
                        field=field,
                    )
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
                    Problem(
                        f"row {row}",
                        f"no {field}: add a column {field!r} or pass {field}=...",
                        code="missing_default",
                        field=field,
                    )
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


def _locate(problem: Problem, row: int | str, cols: _Columns, headers: Sequence[str]) -> Problem:
    field = problem.path.split(".")[-1].split("[")[0]
    if problem.path.startswith("jurisdiction.attributes"):
        field = ""
    i = cols.field.get(field)
    where = f"row {row}" + (f", column {headers[i]!r}" if i is not None else "")
    return Problem(where, problem.message, suggestion=problem.suggestion)


def read_assessments_csv(
    path: str | os.PathLike[str],
    *,
    framework: str | Framework,
    columns: Mapping[str, str] | str | os.PathLike[str] | None = None,
    layout: Layout = "wide",
    catalog: Catalog | None = None,
    as_of: str | None = None,
    assessor: str | None = None,
    method: Method | str | None = None,
    kind: JurisdictionKind | str | None = None,
    unmapped: Literal["keep", "error"] = "keep",
    progress: Callable[[int], object] | None = None,
) -> tuple[Assessment, ...]:
    r"""Read assessments from a CSV file (UTF-8, with or without a byte-order mark).

    Args:
        path: the CSV file.
        framework: the framework assessed against: an id (looked up in ``catalog``) or a Framework.
        columns: header -> principle id, field name or ``"attribute"`` (keep the column as a jurisdiction
            attribute), as a dict or a TOML/JSON file with a ``[columns]`` table; see the module docs for
            what is recognised without it.
        layout: ``"wide"`` (one row per jurisdiction) or ``"long"`` (one row per finding).
        catalog: where to look the framework up (default: the bundled catalog).
        as_of: the date for rows without an ``as_of`` column.
        assessor: the assessor for rows without an ``assessor`` column.
        method: the method for rows without a ``method`` column.
        kind: the jurisdiction kind for rows without a ``kind`` column.
        unmapped: ``"keep"`` columns that map to nothing as jurisdiction attributes, or report them as an
            ``"error"``. Under ``"keep"``, a wide-layout header that nearly matches a principle's name
            (``near_miss``) is an error all the same, unless ``columns`` maps or declares it.
        progress: called with the number of data rows read so far (blank rows included, the header not):
            every 1,000 rows (``PROGRESS_EVERY``) and once at the end. Its return value is ignored. For a
            progress display on long files (the command line uses it); it cannot change what is read.

    Returns:
        The assessments, in the order they first appear in the file.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cities.csv"
        >>> _ = path.write_text("City,State,Requires De-escalation,Population\nA,IL,1,9\n", encoding="utf-8")
        >>> defaults = dict(as_of="2020", assessor="me", method="survey", kind="city")
        >>> io.read_assessments_csv(path, framework="8cantwait-2020", **defaults)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem in ...cities.csv:
          ...: row 1, column 'Requires De-escalation': matches no principle or field, but nearly matches 'Require De-escalation', the title of '8cantwait-2020:require-de-escalation'; map it in 'columns' ({'Requires De-escalation': '8cantwait-2020:require-de-escalation'}) or declare it an attribute ({'Requires De-escalation': 'attribute'}) (did you mean '8cantwait-2020:require-de-escalation'?)
        >>> (a,) = io.read_assessments_csv(path, framework="8cantwait-2020",
        ...                                columns={"Requires De-escalation": "attribute"}, **defaults)
        >>> dict(a.jurisdiction.attributes)
        {'Requires De-escalation': '1', 'Population': '9'}

    Raises:
        DataFileError: the file is missing or not UTF-8.
        ValidationError: every bad header, cell and row, each with its row number and column.
    """  # noqa: E501
    if layout not in ("wide", "long"):
        raise ValidationError([Problem("layout", f"{layout!r} is not 'wide' or 'long'")])
    fw = _resolve_framework(framework, catalog)
    explicit = _load_column_map(columns)
    name = str(path)
    text = read_text(Path(path))
    rows = csv.reader(_stdio.StringIO(text, newline=""), strict=True)
    try:
        headers = next(rows)
    except StopIteration:
        raise ValidationError(
            [Problem("row 1", "the file is empty; expected a header row")], file=name
        ) from None
    except csv.Error as exc:
        raise ValidationError([Problem("row 1", f"not valid CSV ({exc})")], file=name) from None
    headers = [unescape_cell(h) for h in headers]
    cols = _Columns(headers, framework=fw, explicit=explicit, layout=layout, unmapped=unmapped, file=name)
    defaults = {
        "as_of": as_of,
        "assessor": assessor,
        "method": None if method is None else str(method),
        "kind": None if kind is None else str(kind),
    }
    reader = _RowReader(cols, defaults, name)
    reader.headers = headers
    reader.problems += cols.near_misses
    # The rows become many small acyclic objects; pausing the cyclic garbage collector while they are
    # built keeps reading linear in the number of rows (it is restored, whatever happens).
    collecting = gc.isenabled()
    gc.disable()
    try:
        counted = rows if progress is None else _counting(rows, progress)
        out = _read_wide(counted, reader, fw) if layout == "wide" else _read_long(counted, reader, fw)
    except csv.Error as exc:
        reader.problems.append(Problem(f"row {rows.line_num}", f"not valid CSV ({exc})"))
        out = []
    finally:
        if collecting:
            gc.enable()
    if reader.problems:
        raise ValidationError(reader.problems, file=name)
    return tuple(out)


#: How many rows :func:`read_assessments_csv` reads between calls of its ``progress`` callback.
PROGRESS_EVERY = 1000


def _counting(rows: Iterable[list[str]], progress: Callable[[int], object]) -> Iterator[list[str]]:
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


def _check_width(reader: _RowReader, row: int, values: Sequence[str]) -> bool:
    n = len(reader.headers)
    if len(values) > n and any(v.strip() for v in values[n:]):
        reader.problems.append(Problem(f"row {row}", f"{len(values)} cells but only {n} headers"))
        return False
    return True


def _read_wide(rows: Iterable[list[str]], reader: _RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    principle_cols = sorted(cols.principle.items())
    check = fw is not _bundled(fw.id)
    out: list[Assessment] = []
    seen: dict[tuple[Any, ...], int] = {}
    for row, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue
        if not _check_width(reader, row, values):
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


def _bundled(framework_id: str) -> Framework | None:
    from .._assessment import _bundled_framework

    return _bundled_framework(framework_id)


def _read_long(rows: Iterable[list[str]], reader: _RowReader, fw: Framework) -> list[Assessment]:
    cols = reader.cols
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    meta_fields = ("name", "state", "kind", "fips", "ori", "method", "reported_total", "attributes")
    for row, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue
        if not _check_width(reader, row, values):
            continue
        meta = reader.jurisdiction_and_meta(row, values)
        pid_text, pid_col = reader.cell(values, "principle_id")
        status_text, status_col = reader.cell(values, "status")
        pid: str | None = None
        if pid_text is not None:
            if pid_text in fw:
                pid = pid_text
            else:
                found = cols.aliases.get(_hnorm(pid_text), ())
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
    check = fw is not _bundled(fw.id)
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
    return _bundled(ids[0]) if ids else None


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
        ValidationError: more than one framework, or content the layout cannot hold (every case listed).
    """
    items = list(assessments)
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
    fields, attributes = _meta_columns(items)
    clash = {_hnorm(s) for syns in FIELDS.values() for s in syns}
    if layout == "long":
        clash |= {_hnorm(s) for syns in LONG_FIELDS.values() for s in syns}
    elif fw is not None:
        clash |= set(principle_aliases(fw))
    for key in attributes:
        if _hnorm(key) in clash:
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
