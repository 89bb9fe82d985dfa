"""Reading assessment spreadsheets: the file, its encoding and shape, then the rows."""

from __future__ import annotations

import csv
import gc
import io as _stdio
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal

from .._assessment import Assessment
from .._catalog import Catalog
from .._finding import Method
from .._jurisdiction import JurisdictionKind
from .._model import Citation, Framework
from ..exceptions import Problem, ValidationError
from ._cells import unescape_cell
from ._csv_columns import Columns, Layout, load_column_map
from ._csv_long import read_long
from ._csv_options import ReadOptions, check_options
from ._csv_problems import group_problems, missing_defaults
from ._csv_reader import RowReader
from ._csv_rows import counting, read_wide, resolve_framework
from ._csv_text import check_sep_line, decode, delimiter_hint
from ._files import read_bytes
from ._layouts import known_headers

__all__ = ["read_assessments_csv"]


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
    blank: Literal["unknown", "not_adopted"] = "unknown",
    partial: Sequence[str] = (),
    cell_quotes: bool = False,
    policy_language: Literal["quote", "attribute"] = "quote",
    encoding: str = "utf-8",
    delimiter: str = ",",
    short_rows: Literal["error", "blank"] = "error",
    values: Mapping[str, Mapping[str, str]] | None = None,
    source: Citation | None = None,
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
        blank: what an empty principle cell means: ``"unknown"`` (no finding, the default) or
            ``"not_adopted"``, for tables whose publisher leaves a policy not adopted empty. The choice is
            recorded in every assessment's ``notes``.
        partial: cell values read as ``partial`` (for example ``["0.5"]``); none by default, so a ``0.5``
            is an error, never guessed.
        cell_quotes: read a cell holding a status and, after a line break, more text (``Yes`` then the
            quoted policy language) as that status with the text as an evidence quote. Off by default:
            such a cell is then an error that names this option.
        policy_language: a column ``X (Policy Language)`` (or ``policy_language_X``) beside the column of
            principle X holds the policy text behind each cell: ``"quote"`` makes it the finding's
            evidence quote, ``"attribute"`` keeps it as a jurisdiction attribute.
        encoding: the file's text encoding (``"utf-8"``, with or without a byte-order mark, by default;
            ``"cp1252"``, ``"mac_roman"``, ``"utf-16"``, ...). A file not in it is an error that names
            the byte and what it looks like.
        delimiter: the character between cells (``","``; ``";"`` or ``"\\t"`` for such files).
        short_rows: ``"error"`` (the default) for a row with fewer cells than the header, or ``"blank"``
            to read its missing cells as empty.
        values: per field (``kind``, ``method``, ``status``), cell text -> the library's word, for files
            that code them their own way (``{"kind": {"police-department": "city"}}``).
        source: the dataset's citation: it becomes each assessment's evidence, and the title of quotes.

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
        DataFileError: the file is missing or cannot be read.
        ValidationError: every bad argument, header, cell and row, each with its row number and column;
            a problem repeated on many rows is stated once with their count; the wrong encoding or
            delimiter, named with what the file looks like.
    """  # noqa: E501
    opts = check_options(
        path=path,
        framework=framework,
        columns=columns,
        defaults={"as_of": as_of, "assessor": assessor, "method": method, "kind": kind},
        values=values,
        source=source,
        layout=layout,
        unmapped=unmapped,
        blank=blank,
        partial=partial,
        cell_quotes=cell_quotes,
        policy_language=policy_language,
        encoding=encoding,
        delimiter=delimiter,
        short_rows=short_rows,
    )
    fw = resolve_framework(framework, catalog)
    return read_with_options(path, fw, load_column_map(columns), opts, progress=progress)


def read_with_options(
    path: str | os.PathLike[str],
    fw: Framework,
    explicit: Mapping[str, str],
    opts: ReadOptions,
    *,
    progress: Callable[[int], object] | None = None,
    known: Mapping[str, str] | None = None,
) -> tuple[Assessment, ...]:
    """Read a file with checked options (the shared path of ``read_assessments_csv`` and descriptors)."""
    name = str(path)
    text = decode(read_bytes(Path(path)), name, encoding=opts.encoding)
    # The first line (as ``splitlines`` cuts it) lies before the first line feed: split only that far.
    end = text.find("\n")
    check_sep_line(((text if end < 0 else text[: end + 1]).splitlines() or [""])[0], name)
    rows = csv.reader(_stdio.StringIO(text, newline=""), delimiter=opts.delimiter, strict=True)
    try:
        headers = next(rows)
    except StopIteration:
        raise ValidationError(
            [Problem("row 1", "the file is empty; expected a header row")], file=name
        ) from None
    except csv.Error as exc:
        raise ValidationError([Problem("row 1", f"not valid CSV ({exc})")], file=name) from None
    headers = [unescape_cell(h) for h in headers]
    hint = delimiter_hint(headers, opts.delimiter)
    if hint is not None:
        raise ValidationError([Problem("row 1", hint)], file=name)
    cols = Columns(
        headers,
        framework=fw,
        explicit=explicit,
        layout=opts.layout,  # type: ignore[arg-type]
        unmapped=opts.unmapped,
        file=name,
        known={**known_headers(fw.id), **(known or {})},
        policy_language=opts.policy_language,
    )
    reader = RowReader(cols, opts, name)
    reader.headers = headers
    reader.problems += cols.near_misses
    # The rows become many small acyclic objects; pausing the cyclic garbage collector while they are
    # built keeps reading linear in the number of rows (it is restored, whatever happens).
    collecting = gc.isenabled()
    gc.disable()
    records = _Records(rows)
    try:
        counted = records if progress is None else counting(records, progress)
        read = read_wide if opts.layout == "wide" else read_long
        out = read(counted, reader, fw)
    except csv.Error as exc:
        reader.problems.append(
            Problem(f"row {records.n + 1}", f"not valid CSV ({exc}; line {rows.line_num} of the file)")
        )
        out = []
    finally:
        if collecting:
            gc.enable()
    problems = [*missing_defaults(reader.missing), *group_problems(reader.problems)]
    if not problems and not out and not records.data:
        problems.append(Problem("row 2", "no data rows: the file holds a header only"))
    if problems:
        raise ValidationError(problems, file=name)
    return tuple(out)


class _Records:
    """The records of a csv reader, counted (a record with a line break in a cell is still one row)."""

    def __init__(self, rows: Iterator[list[str]]) -> None:
        self.rows = rows
        self.n = 0
        #: Whether a record with a non-blank cell was seen (records are looked at until the first one).
        self.data = False

    def __iter__(self) -> Iterator[list[str]]:
        for values in self.rows:
            self.n += 1
            if not self.data and any(v.strip() for v in values):
                self.data = True
            yield values
