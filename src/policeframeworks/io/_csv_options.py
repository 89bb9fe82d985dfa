"""The options of a spreadsheet read, checked at once, each bad one named (never a bare TypeError)."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._assessment import JurisdictionKind, Method, Status
from .._model import Citation
from ..exceptions import Problem, ValidationError
from ._csv_text import check_delimiter, check_encoding

__all__ = ["BLANKS", "ReadOptions", "check_options"]

#: What an empty principle cell means: no finding (the default), or the publisher's "not adopted".
BLANKS = ("unknown", "not_adopted")
_CHOICES: dict[str, tuple[str, ...]] = {
    "layout": ("wide", "long"),
    "unmapped": ("keep", "error"),
    "blank": BLANKS,
    "policy_language": ("quote", "attribute"),
    "short_rows": ("error", "blank"),
}
#: Fields whose cell values a ``values`` table may translate (cell text -> the library's word).
VALUE_FIELDS: dict[str, type[enum.StrEnum]] = {
    "kind": JurisdictionKind,
    "method": Method,
    "status": Status,
}


@attrs.frozen(kw_only=True)
class ReadOptions:
    """Everything that decides how the cells of one file are read (see ``read_assessments_csv``)."""

    layout: str = "wide"
    unmapped: str = "keep"
    blank: str = "unknown"
    partial: tuple[str, ...] = ()
    cell_quotes: bool = False
    policy_language: str = "quote"
    encoding: str = "utf-8"
    delimiter: str = ","
    short_rows: str = "error"
    defaults: Mapping[str, str | None] = attrs.field(factory=dict)
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    source: Citation | None = None
    #: Where these options came from, for provenance notes (a descriptor file, or None).
    descriptor: str | None = None


def _text_or_none(name: str, value: object, problems: list[Problem], *, flag: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str):
        problems.append(
            Problem(name, f"expected text, got {type(value).__name__} {value!r} (write it as a string)")
        )
        return None
    if not value.strip():
        problems.append(
            Problem(name, f"is empty: give a value (on the command line: {flag} VALUE) or leave it out")
        )
        return None
    if value != value.strip():
        problems.append(Problem(name, f"{value!r} has surrounding spaces"))
    return value


def check_options(
    *,
    path: object,
    framework: object,
    columns: object,
    defaults: Mapping[str, object],
    values: object = None,
    source: object = None,
    descriptor: str | None = None,
    **choices: Any,
) -> ReadOptions:
    """Check every argument of a read at once and build the options.

    Raises:
        ValidationError: every bad argument, named (``as_of: expected text, got int 2020``).
    """
    problems: list[Problem] = []
    if not isinstance(path, (str, os.PathLike)):
        problems.append(Problem("path", f"expected a file path, got {type(path).__name__}"))
    from .._model import Framework

    if not isinstance(framework, (str, Framework)):
        problems.append(Problem("framework", f"expected a framework id or Framework, got {framework!r}"))
    if columns is not None and not isinstance(columns, (Mapping, str, os.PathLike)):
        problems.append(
            Problem(
                "columns",
                f"expected a mapping of header -> target or a column map file, got {type(columns).__name__}",
            )
        )
    checked: dict[str, str | None] = {}
    for field, value in defaults.items():
        text = _text_or_none(field, value, problems, flag="--" + field.replace("_", "-"))
        if text is not None and field in ("kind", "method"):
            enum_cls = VALUE_FIELDS[field]
            words = [m.value for m in enum_cls]
            if text.casefold() not in words:
                problems.append(Problem(field, f"{text!r} is not one of {', '.join(words)}"))
        checked[field] = text
    for name, allowed in _CHOICES.items():
        value = choices.get(name, allowed[0])
        if value not in allowed or not isinstance(value, str):
            problems.append(Problem(name, f"{value!r} is not one of {', '.join(map(repr, allowed))}"))
    partial = choices.get("partial", ())
    if isinstance(partial, str) or not isinstance(partial, Sequence):
        problems.append(
            Problem("partial", f"expected a list of cell values such as ['0.5'], got {partial!r}")
        )
        partial = ()
    elif not all(isinstance(p, str) and p.strip() for p in partial):
        problems.append(Problem("partial", f"expected non-empty text values, got {list(partial)!r}"))
        partial = ()
    cell_quotes = choices.get("cell_quotes", False)
    if not isinstance(cell_quotes, bool):
        problems.append(Problem("cell_quotes", f"expected true or false, got {cell_quotes!r}"))
    for check, key in ((check_encoding, "encoding"), (check_delimiter, "delimiter")):
        found = check(choices.get(key, "utf-8" if key == "encoding" else ","))
        if found is not None:
            problems.append(found)
    table: dict[str, dict[str, str]] = {}
    if values is not None:
        if not isinstance(values, Mapping):
            problems.append(
                Problem("values", f"expected a table of field -> {{cell: value}}, got {values!r}")
            )
        else:
            for field, mapping in values.items():
                value_enum = VALUE_FIELDS.get(field)
                if value_enum is None:
                    problems.append(
                        Problem(f"values.{field}", f"only {', '.join(VALUE_FIELDS)} take a values table")
                    )
                    continue
                if not isinstance(mapping, Mapping):
                    problems.append(Problem(f"values.{field}", "expected a table of cell -> value"))
                    continue
                words = [m.value for m in value_enum]
                for cell, word in mapping.items():
                    if word not in words:
                        problems.append(
                            Problem(f"values.{field}.{cell}", f"{word!r} is not one of {', '.join(words)}")
                        )
                table[field] = {str(k).strip().casefold(): str(v) for k, v in mapping.items()}
    if source is not None and not isinstance(source, Citation):
        problems.append(Problem("source", f"expected a Citation, got {type(source).__name__}"))
    if problems:
        raise ValidationError(problems)
    return ReadOptions(
        layout=choices.get("layout", "wide"),
        unmapped=choices.get("unmapped", "keep"),
        blank=choices.get("blank", "unknown"),
        partial=tuple(p.strip().casefold() for p in partial),
        cell_quotes=cell_quotes,
        policy_language=choices.get("policy_language", "quote"),
        encoding=choices.get("encoding", "utf-8"),
        delimiter=choices.get("delimiter", ","),
        short_rows=choices.get("short_rows", "error"),
        defaults=checked,
        values=table,
        source=source if isinstance(source, Citation) else None,
        descriptor=descriptor,
    )
