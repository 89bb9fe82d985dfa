"""The cells of one row of an assessment spreadsheet: jurisdiction fields, statuses, quotes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._finding import Finding, Method, Status
from .._ids import is_partial_date
from .._jurisdiction import Jurisdiction, JurisdictionKind, checked_parts_jurisdiction
from .._states import state_code, state_names
from .._suggest import first_or_none
from ..exceptions import Problem
from ._cells import unescape_cell
from ._csv_columns import Columns
from ._csv_options import ReadOptions

__all__ = ["RowReader", "split_state"]

#: How many distinct status cells a reader remembers (a file has a handful: 1, 0, yes, no, ...).
_KEPT_CELLS = 256
_REQUIRED = frozenset({"name", "kind", "method", "as_of", "assessor"})
#: Fields that make a file not plain (``RowReader.plain_rows``) when they have a column or a default.
_NOT_PLAIN = ("fips", "ori", "reported_total")
_TRUE = ("1", "yes", "y", "true")
_FALSE = ("0", "no", "n", "false")
_CELL_STATUS: dict[str, Status] = {
    **dict.fromkeys(_TRUE, Status.ADOPTED),
    **dict.fromkeys(_FALSE, Status.NOT_ADOPTED),
    **{s.value: s for s in Status},
}


class RowReader:
    """Parses the cells of one file, collecting every problem."""

    def __init__(self, cols: Columns, opts: ReadOptions, file: str) -> None:
        self.cols = cols
        self.opts = opts
        self.defaults = opts.defaults
        self.file = file
        self.problems: list[Problem] = []
        self.headers: Sequence[str] = ()
        #: Rows that lacked a field with no column and no default: field -> how many rows.
        self.missing: dict[str, int] = {}
        self._findings: dict[tuple[str, Status], Finding] = {}
        self._states: dict[str, str | None] = {}
        #: (field, text) -> the value it gave, for kinds, methods and dates read before without a problem.
        self._checked: dict[tuple[str, str], str] = {}
        self._words = {
            "kind": frozenset(m.value for m in JurisdictionKind),
            "method": frozenset(m.value for m in Method),
        }
        #: Cells read before as a status with no quote and no problem, as written (each read once).
        self.cell_status: dict[str, Status] = {}
        self._status_words = {**_CELL_STATUS, **dict.fromkeys(opts.partial, Status.PARTIAL)}
        for cell, word in opts.values.get("status", {}).items():
            self._status_words[cell] = Status(word)
        #: Required fields without a column whose default is valid: the value every row takes.
        self._fixed = self._fixed_fields()

    def where(self, row: int, col: int) -> str:
        return f"row {row}, column {self.headers[col]!r}"

    def cell(self, values: Sequence[str], field: str) -> tuple[str | None, int | None]:
        i = self.cols.field.get(field)
        if i is None or i >= len(values):
            return (self.defaults.get(field), None)
        v = unescape_cell(values[i]).strip()
        return (v or None, i)

    def _required(self, row: int, field: str) -> tuple[str | None, int | None]:
        value, i = self.cell(values=self._values, field=field)
        if value is None:
            if field not in self.cols.field:
                self.missing[field] = self.missing.get(field, 0) + 1
            else:
                col = self.cols.field[field]
                self.problems.append(Problem(self.where(row, col), f"empty {field}"))
        return value, i

    def _fixed_fields(self) -> dict[str, str]:
        """The kind, method, date and assessor every row takes from a valid default (no column, no problem).

        A field whose default is missing or wrong is left out: each row then reports it, as before.
        """
        fixed: dict[str, str] = {}
        for field in ("kind", "method", "as_of", "assessor"):
            value = self.defaults.get(field)
            if field in self.cols.field or value is None:
                continue
            if field in self._words:
                low = value.casefold()
                low = self.opts.values.get(field, {}).get(low, low)
                if low in self._words[field]:
                    fixed[field] = low
            elif field == "as_of":
                if value.isascii() and is_partial_date(value):
                    fixed[field] = value
            elif value.strip() == value:  # read_assessments_csv refuses a padded or empty one first
                fixed[field] = value
        return fixed

    def _default(self, field: str) -> tuple[str | None, None]:
        """A required field without a column: its default (``_required`` without the cell lookup)."""
        value = self.defaults.get(field)
        if value is None:
            self.missing[field] = self.missing.get(field, 0) + 1
        return value, None

    def _ascii_digits(self, row: int, i: int | None, field: str, value: str) -> bool:
        if value.isascii():
            return True
        where = self.where(row, i) if i is not None else field
        self.problems.append(
            Problem(where, f"{value!r} has characters other than ASCII (write digits as 0-9)")
        )
        return False

    def jurisdiction_and_meta(self, row: int, values: Sequence[str]) -> dict[str, Any] | None:
        before = len(self.problems)
        self._values = values
        out: dict[str, Any] = {}
        name, _ = self._required(row, "name")
        state, i = self.cell(values, "state")
        if state is None and name is not None:
            name, state = split_state(name)
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
        out["name"] = name
        out["state"] = state
        checked = self._checked
        columns = self.cols.field
        fixed = self._fixed
        for field, enum_cls in (("kind", JurisdictionKind), ("method", Method)):
            if field in fixed:
                out[field] = fixed[field]
                continue
            value, i = self._required(row, field) if field in columns else self._default(field)
            if value is None:
                continue
            known = checked.get((field, value))
            if known is not None:
                out[field] = known
                continue
            low = value.casefold()
            low = self.opts.values.get(field, {}).get(low, low)
            if low in self._words[field]:
                out[field] = low
                if len(checked) < _KEPT_CELLS:
                    checked[(field, value)] = low
                continue
            words = [m.value for m in enum_cls]
            mapped = list(self.opts.values.get(field, {}))
            self.problems.append(
                Problem(
                    self.where(row, i) if i is not None else field,
                    f"{value!r} is not one of {', '.join([*words, *mapped])}",
                    suggestion=first_or_none(low, [*words, *mapped]),
                )
            )
        for field in ("as_of", "assessor"):
            if field in fixed:
                out[field] = fixed[field]
                continue
            value, i = self._required(row, field) if field in columns else self._default(field)
            if value is None:
                continue
            if field == "as_of" and (field, value) in checked:
                out[field] = value
                continue
            if field == "as_of" and (
                not self._ascii_digits(row, i, field, value) or not is_partial_date(value)
            ):
                if value.isascii():
                    self.problems.append(
                        Problem(
                            self.where(row, i) if i is not None else "as_of",
                            f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                        )
                    )
                continue
            if field == "as_of" and len(checked) < _KEPT_CELLS:
                checked[(field, value)] = value
            out[field] = value
        for field in ("fips", "ori"):
            value, i = self.cell(values, field) if field in columns else (self.defaults.get(field), None)
            if value is not None and not self._ascii_digits(row, i, field, value):
                value = None
            out[field] = value
        total, i = (
            self.cell(values, "reported_total")
            if "reported_total" in columns
            else (self.defaults.get("reported_total"), None)
        )
        if total is not None and self._ascii_digits(row, i, "reported_total", total):
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
        complete = out.keys() >= _REQUIRED
        return out if len(self.problems) == before and complete and out["name"] else None

    def plain_rows(self) -> Callable[[Sequence[str]], Jurisdiction | None] | None:
        """A quicker :meth:`jurisdiction_and_meta` for plain files (or None for other files).

        In a plain file rows differ only in name, state and attributes: it has name and state columns, no
        FIPS, ORI or reported-total column or default, and a valid default for the kind, method, date and
        assessor (the same for every row, in ``fixed_meta``). The function returned builds a row's
        jurisdiction when the row's name is not empty and its state was read before (by
        :meth:`jurisdiction_and_meta`, without a problem), and else returns None: the row then goes through
        :meth:`jurisdiction_and_meta`, which reports what is wrong. What it builds equals what
        :meth:`jurisdiction_and_meta` gives (the tests compare them).
        """
        columns = self.cols.field
        if (
            "name" not in columns
            or "state" not in columns
            or not self._fixed.keys() >= {"kind", "method", "as_of", "assessor"}
            or any(f in columns or self.defaults.get(f) is not None for f in _NOT_PLAIN)
            or not all(self.cols.attribute.values())
        ):
            return None
        name_col, state_col = columns["name"], columns["state"]
        attribute_cols = tuple(self.cols.attribute.items())
        states = self._states
        kind = JurisdictionKind(self._fixed["kind"])

        def jurisdiction(values: Sequence[str]) -> Jurisdiction | None:
            name, state = values[name_col], values[state_col]
            if name[:1] == "'":
                name = unescape_cell(name)
            if state[:1] == "'":
                state = unescape_cell(state)
            name = name.strip()
            code = states.get(state.strip())
            if not name or code is None:
                return None
            attributes = {}
            for i, key in attribute_cols:
                v = values[i]
                if v[:1] == "'":
                    v = unescape_cell(v)
                v = v.strip()
                if v:
                    attributes[key] = v
            return checked_parts_jurisdiction(name=name, state=code, kind=kind, attributes=attributes)

        return jurisdiction

    @property
    def fixed_meta(self) -> Mapping[str, str]:
        """The kind, method, date and assessor every row takes from a valid default (see ``plain_rows``)."""
        return self._fixed

    def status(self, row: int, col: int, raw: str) -> tuple[Status | None, str | None]:
        """The status of a principle cell and the quote that follows it in the cell, if any."""
        text = unescape_cell(raw).strip()
        if not text:
            return None, None
        first, _, rest = text.replace("\r\n", "\n").replace("\r", "\n").partition("\n")
        quote = rest.strip() or None
        key = (first if quote else text).strip().casefold()
        found = self._status_words.get(key)
        if found is not None and quote is not None and not self.opts.cell_quotes:
            self.problems.append(
                Problem(
                    self.where(row, col),
                    f"{first.strip()!r} is followed by more text in the cell; pass cell_quotes=True "
                    "(a descriptor's cell_quotes = true) to read that text as the evidence quote",
                )
            )
            return None, None
        if found is None:
            hint = ""
            if key.replace(",", ".") in ("0.5", ".5", "1/2"):
                hint = f"; to read {first.strip()!r} as partial, pass partial=[{first.strip()!r}]"
            self.problems.append(
                Problem(
                    self.where(row, col),
                    f"{(first.strip() if quote else raw.strip())!r} is not a status (use 1/0, yes/no, y/n, "
                    f"true/false, or one of {', '.join(s.value for s in Status)}){hint}",
                    suggestion=first_or_none(key, list(self._status_words)),
                )
            )
            return None, None
        if quote is None and len(self.cell_status) < _KEPT_CELLS:
            self.cell_status[raw] = found
        return found, quote

    def finding(self, principle_id: str, status: Status) -> Finding:
        key = (principle_id, status)
        f = self._findings.get(key)
        if f is None:
            f = self._findings[key] = Finding(principle_id=principle_id, status=status)
        return f


_STATE_TAIL = re.compile(r"\A(?P<name>.*?\S)\s*,\s*(?P<state>[A-Za-z][A-Za-z .]*?)\s*\Z")


def split_state(name: str) -> tuple[str, str | None]:
    """A name written with its state (``Kansas City, MO``) as name and state, when no state is given.

    Only a trailing comma followed by a state code or name counts; anything else is left as written.

    Example:
        >>> split_state("Kansas City, MO"), split_state("Kansas City"), split_state("Paris, Texas")
        (('Kansas City', 'MO'), ('Kansas City', None), ('Paris', 'Texas'))
        >>> split_state("Portland, Or Not")
        ('Portland, Or Not', None)
    """
    m = _STATE_TAIL.match(name)
    if m and state_code(m.group("state")) is not None:
        return m.group("name"), m.group("state")
    return name, None
