"""Reading assessment spreadsheets: the file, its encoding and shape, then the rows."""

from __future__ import annotations

import csv
import gc
import io as _stdio
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Literal

from .._assessment import Assessment, JurisdictionKind, Method
from .._catalog import Catalog
from .._model import Framework
from ..exceptions import Problem, ValidationError
from ._cells import unescape_cell
from ._csv_columns import Columns, Layout, load_column_map
from ._csv_rows import RowReader, counting, read_long, read_wide, resolve_framework
from ._files import read_text

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
    fw = resolve_framework(framework, catalog)
    explicit = load_column_map(columns)
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
    cols = Columns(headers, framework=fw, explicit=explicit, layout=layout, unmapped=unmapped, file=name)
    defaults = {
        "as_of": as_of,
        "assessor": assessor,
        "method": None if method is None else str(method),
        "kind": None if kind is None else str(kind),
    }
    reader = RowReader(cols, defaults, name)
    reader.headers = headers
    reader.problems += cols.near_misses
    # The rows become many small acyclic objects; pausing the cyclic garbage collector while they are
    # built keeps reading linear in the number of rows (it is restored, whatever happens).
    collecting = gc.isenabled()
    gc.disable()
    try:
        counted = rows if progress is None else counting(rows, progress)
        out = read_wide(counted, reader, fw) if layout == "wide" else read_long(counted, reader, fw)
    except csv.Error as exc:
        reader.problems.append(Problem(f"row {rows.line_num}", f"not valid CSV ({exc})"))
        out = []
    finally:
        if collecting:
            gc.enable()
    if reader.problems:
        raise ValidationError(reader.problems, file=name)
    return tuple(out)
