r"""Assessments files of any size: written one assessment at a time, read back one at a time.

The format is chosen by the file's extension:

* ``.json``: ``{"assessments": [...]}`` as :func:`policeframeworks.io.dump` writes it, but compact, one
  assessment per line::

      {"assessments":[
      {"jurisdiction":{"name":"Austin",...},"framework_id":"8cantwait-2020",...},
      {"jurisdiction":{"name":"St. Paul",...},...}
      ]}

  It is ordinary JSON (:func:`policeframeworks.io.load` and any JSON reader read it) and is written and
  read without ever holding the whole document: 200,000 assessments take about 160 MB on disk, where the
  indented form takes about 240 MB and a pure-Python encoder. The reader takes the indented form too
  (and any other spacing), reading that one whole.
* ``.toml``: as :func:`policeframeworks.io.dump` writes it (whole; TOML is for small hand-edited files).
* ``.parquet``: the ``findings`` table of :mod:`policeframeworks.frames` (one row per finding, its columns
  documented in the tables reference), written in row groups. Needs the ``parquet`` extra
  (``pip install 'policeframeworks[parquet]'``: pyarrow and narwhals). DuckDB, Polars, pandas and Spark read
  it as it is. One assessment per jurisdiction, framework, date, assessor and method (the table's key):
  a set with two such is refused rather than merged. Partly done as to scale: reading it back into
  objects goes through :func:`policeframeworks.frames.to_assessments` a batch at a time, which builds a
  dict and fresh strings per row: several times slower than the JSON reader, and at 200,000 cities over
  600 MiB (the JSON reader: about 280 MiB).

Every write is atomic: a temporary file beside the target, renamed over it when complete.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import _convert
from .._assessment import Assessment, AssessmentSet
from ..exceptions import DataFileError, Problem, ValidationError
from ._files import SURROGATE_ESCAPE, atomic_path, document_kind, no_constants, read_document, serialize

__all__ = ["PARQUET_BATCH", "dump_assessments", "iter_assessments"]

#: How many assessments go into one Parquet row group (and are held as table rows at once).
PARQUET_BATCH = 5_000

#: How many Parquet rows (findings) are turned into assessments at a time.
PARQUET_READ_ROWS = 16_384

#: How often (in assessments) the ``progress`` callbacks are called, besides once at the end.
PROGRESS_EVERY = 1_000

_SUFFIXES = (".json", ".toml", ".parquet")
_HEAD = b'{"assessments":[\n'
_TAIL = b"]}\n"
_EXTRA = "parquet"
_ROWS = re.compile(r"^rows\[(\d+)\]")


def dump_assessments(
    assessments: Iterable[Assessment] | AssessmentSet,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Write assessments to an assessments file (JSON, TOML or Parquet by extension), atomically.

    JSON and Parquet are written as the assessments come, so an iterator of assessments is never held
    whole; what is written reads back with :func:`iter_assessments` (and JSON with
    :func:`policeframeworks.io.load`) to equal assessments, in order.

    Args:
        assessments: the assessments, or an :class:`~policeframeworks.AssessmentSet`.
        path: the file to write: ``.json``, ``.toml`` or ``.parquet``.
        overwrite: replace ``path`` if it exists (else :class:`~policeframeworks.DataFileError`).
        progress: called with the number of assessments written so far, every 1,000 and once at the end.

    Returns:
        The number of assessments written.

    Raises:
        DataFileError: another extension, a missing folder, an existing file with ``overwrite=False``,
            something that is not an :class:`~policeframeworks.Assessment`, a text that cannot be written
            as UTF-8, or ``.parquet`` without pyarrow (the message names the ``parquet`` extra).

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_seed_assessments
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cities.json"
        >>> io.dump_assessments(load_seed_assessments(), path)
        1
        >>> print(path.read_text(encoding="utf-8")[:64])
        {"assessments":[
        {"jurisdiction":{"name":"Kankakee","kind":"city
        >>> tuple(io.iter_assessments(path)) == load_seed_assessments()
        True
    """
    p = Path(path)
    suffix = _suffix(p)
    items: Iterable[Assessment] = (
        assessments.assessments if isinstance(assessments, AssessmentSet) else assessments
    )
    if suffix == ".toml":
        whole = AssessmentSet(assessments=tuple(_checked(items)))
        text = serialize(_convert.to_builtins(whole), suffix)
        with atomic_path(p, overwrite=overwrite) as tmp:
            tmp.write_text(text, encoding="utf-8", newline="\n")
        _report(progress, len(whole.assessments), last=True)
        return len(whole.assessments)
    if suffix == ".parquet":
        return _dump_parquet(_checked(items), p, overwrite, progress)
    count = 0
    with atomic_path(p, overwrite=overwrite) as tmp, tmp.open("wb") as handle:
        handle.write(_HEAD)
        for a in _checked(items):
            line = _line(a, p, count)
            handle.write(b",\n" + line if count else line)
            count += 1
            _report(progress, count)
        handle.write(b"\n" + _TAIL if count else _TAIL)
    _report(progress, count, last=True)
    return count


def iter_assessments(
    path: str | os.PathLike[str], *, progress: Callable[[int], object] | None = None
) -> Iterator[Assessment]:
    """The assessments in an assessment or assessments file (JSON, TOML or Parquet), one at a time.

    A JSON file as :func:`dump_assessments` writes it is read line by line, so only the assessments the
    caller keeps are held; any other JSON layout (the indented form of earlier versions, for example) and
    TOML are read whole, Parquet one row group at a time. A single assessment file gives its one
    assessment.

    Args:
        path: the file.
        progress: called with the number of assessments read so far, every 1,000 and once at the end.

    Raises:
        DataFileError: the file is missing, of another extension, not UTF-8, or ``.parquet`` without
            pyarrow (the message names the ``parquet`` extra).
        ValidationError: the content is not valid JSON/TOML/Parquet or does not fit: every problem, each
            with its path (``assessments[12].as_of``; ``rows[40].status`` in Parquet), raised once the rest
            of the file has been checked too; or the file holds something else than assessments (a
            framework, ...: one problem, code ``type``).

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_seed_assessments
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "old.json"
        >>> io.dump(load_seed_assessments()[0], path)  # a single assessment file, indented
        >>> [a.jurisdiction.name for a in io.iter_assessments(path)]
        ['Kankakee']
    """
    p = Path(path)
    suffix = _suffix(p)
    if suffix == ".parquet":
        yield from _counted(_iter_parquet(p), progress)
        return
    if suffix == ".json":
        with _open(p) as handle:
            streamed = handle.readline() == _HEAD
        if streamed:
            yield from _counted(_iter_lines(p), progress)
            return
    yield from _counted(_iter_whole(p), progress)


def _iter_whole(p: Path, skip: int = 0) -> Iterator[Assessment]:
    """The assessments of a document read whole, but the first ``skip`` (given already)."""
    data, name = read_document(p)
    kind = document_kind(data)
    if kind == "assessment" and not skip:
        yield _convert.from_builtins(data, Assessment, file=name)
        return
    if kind != "assessments":
        what = f"holds {_article(kind)}" if kind else "does not hold assessments"
        if skip:  # crafted: it starts as written by dump_assessments and turns out to be something else
            what = f"starts as an assessments file and {what}"
        raise ValidationError(
            [Problem("", f"{what}; expected an assessment or assessments file", code="type")], file=name
        )
    whole = _convert.from_builtins(data, AssessmentSet, file=name)
    del data
    yield from whole.assessments[skip:]


def _suffix(p: Path) -> str:
    suffix = p.suffix.lower()
    if suffix not in _SUFFIXES:
        raise DataFileError(
            f"{p}: unsupported file type {suffix or '(none)'!r} for assessments; use .json, .toml or .parquet"
        )
    return suffix


def _open(p: Path) -> IO[bytes]:
    try:
        return p.open("rb")
    except FileNotFoundError:
        raise DataFileError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DataFileError(f"{p}: is a directory, expected a file") from None
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read ({exc.strerror or exc})") from None


def _article(kind: str) -> str:
    return kind if kind == "endorsements" else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _report(progress: Callable[[int], object] | None, count: int, *, last: bool = False) -> None:
    if progress is not None and (last or count % PROGRESS_EVERY == 0):
        progress(count)


def _counted(items: Iterator[Assessment], progress: Callable[[int], object] | None) -> Iterator[Assessment]:
    count = 0
    for a in items:
        count += 1
        _report(progress, count)
        yield a
    _report(progress, count, last=True)


def _checked(items: Iterable[Assessment]) -> Iterator[Assessment]:
    for i, a in enumerate(items):
        if not isinstance(a, Assessment):
            raise DataFileError(f"assessments[{i}]: expected Assessment, got {type(a).__name__}")
        yield a


def _line(a: Assessment, p: Path, i: int) -> bytes:
    text = json.dumps(_convert.to_builtins(a), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DataFileError(
            f"{p}: assessments[{i}] cannot be written as UTF-8: {text[exc.start]!r} is a lone surrogate, "
            "not a character"
        ) from None


def _iter_lines(p: Path) -> Iterator[Assessment]:
    """The streamed layout: a head line, one assessment per line (``,`` between), a tail line.

    A file that turns out to be laid out otherwise (a line that is not one JSON object, text after the
    tail) is read again whole from where the lines stopped: the assessments given so far are the same in
    both readings (each was a whole JSON object between commas), and an error is the one
    :func:`policeframeworks.io.load` gives.
    """
    name = str(p)
    problems: list[Problem] = []
    given = 0
    complete = False
    hook = _sharing()
    with _open(p) as handle:
        handle.readline()  # the head
        line = handle.readline()
        if line == _TAIL:
            complete = handle.read(1) == b""
        while line and not complete:
            text = _text(line)
            more = text.endswith(",\n")
            element = _element(text[:-2] if more else text, hook)
            if element is None:
                break
            try:
                a = _convert.from_builtins(element, Assessment, file=name, path=f"assessments[{given}]")
            except ValidationError as exc:
                problems += exc.problems
            if not problems:
                yield a
            given += 1
            if not more:
                complete = handle.readline() == _TAIL and handle.read(1) == b""
                break
            line = handle.readline()
    if not complete:
        yield from _iter_whole(p, skip=given)
    elif problems:
        raise ValidationError(problems, file=name)


def _text(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return ""  # not a JSON object: the whole-document reader names the byte


def _element(text: str, hook: Callable[[list[tuple[str, Any]]], dict[str, Any]]) -> Any:
    """One line's JSON object, or None where the line is not one (the caller then reads the file whole).

    A line :func:`policeframeworks.io.load` would refuse (a key twice, ``NaN``, a lone surrogate) is None too,
    so that the error is the one the whole-document reader gives.
    """
    if not text.startswith("{") or SURROGATE_ESCAPE.search(text):
        return None
    try:
        data = json.loads(text, object_pairs_hook=hook, parse_constant=no_constants)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _sharing() -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A JSON object hook that refuses a key given twice and shares equal keys and strings across lines.

    Each line is parsed on its own, so without it every assessment would hold its own copy of each
    principle id, framework id, date and assessor: for 200,000 assessments, well over 100 MB more.
    """
    memo: dict[str, str] = {}
    share = memo.setdefault

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(key)
            out[share(key, key)] = share(value, value) if type(value) is str else value
        return out

    return hook


# --- Parquet: the frames findings table ------------------------------------------------------------


def _needs_pyarrow(p: Path) -> Any:
    try:
        import pyarrow.parquet as pq

        from .. import frames
    except ImportError:
        raise DataFileError(
            f"{p}: Parquet files need pyarrow and narwhals: pip install 'policeframeworks[{_EXTRA}]'"
        ) from None
    return pq, frames


def _dump_parquet(
    items: Iterator[Assessment], p: Path, overwrite: bool, progress: Callable[[int], object] | None
) -> int:
    pq, frames = _needs_pyarrow(p)
    seen: dict[tuple[str, ...], int] = {}
    count = 0
    batch: list[Assessment] = []
    with atomic_path(p, overwrite=overwrite) as tmp:
        writer = pq.ParquetWriter(str(tmp), frames.arrow_schema("findings"))
        try:
            for a in items:
                j = frames.jurisdiction_key(a.jurisdiction)
                key = (j, a.framework_id, a.as_of, a.assessor, str(a.method))
                if key in seen:
                    raise DataFileError(
                        f"{p}: assessments[{count}] has the jurisdiction, framework, date, assessor and "
                        f"method of assessments[{seen[key]}] ({a.jurisdiction}, {a.framework_id}, {a.as_of}, "
                        f"{a.assessor}); a findings table would merge them: write .json instead"
                    )
                seen[key] = count
                batch.append(a)
                count += 1
                _report(progress, count)
                if len(batch) == PARQUET_BATCH:
                    writer.write_table(frames.findings(batch))
                    batch = []
            if batch or not count:
                writer.write_table(frames.findings(batch))
        finally:
            writer.close()
    _report(progress, count, last=True)
    return count


_KEY_COLUMNS = ("name", "state", "kind", "framework_id", "as_of", "assessor", "method")


def _iter_parquet(p: Path) -> Iterator[Assessment]:
    pq, frames = _needs_pyarrow(p)
    import pyarrow as pa

    try:
        source = pq.ParquetFile(str(p))
    except FileNotFoundError:
        raise DataFileError(f"{p}: no such file") from None
    except (OSError, pa.ArrowException) as exc:
        raise ValidationError([Problem("", f"not a Parquet file ({exc})")], file=str(p)) from None
    names = set(source.schema_arrow.names)
    missing = [c for c in _KEY_COLUMNS if c not in names]
    if missing:
        raise ValidationError(
            [Problem(c, "required column missing", code="missing") for c in missing], file=str(p)
        )
    pending: pa.Table | None = None
    offset = 0  # the row number (in the file) of pending's first row
    for batch in source.iter_batches(batch_size=PARQUET_READ_ROWS):
        table = pa.Table.from_batches([batch])
        if pending is not None:
            table = pa.concat_tables([pending, table])
        keys = list(zip(*(table.column(c).to_pylist() for c in _KEY_COLUMNS), strict=True))
        cut = len(keys) - 1
        while cut > 0 and keys[cut - 1] == keys[-1]:
            cut -= 1  # the last assessment may go on in the next batch: keep its rows for then
        yield from _assessments(frames, table.slice(0, cut), offset, p)
        pending = table.slice(cut)
        offset += cut
    if pending is not None and pending.num_rows:
        yield from _assessments(frames, pending, offset, p)


def _assessments(frames: Any, table: Any, offset: int, p: Path) -> tuple[Assessment, ...]:
    if not table.num_rows:
        return ()
    try:
        found: tuple[Assessment, ...] = frames.to_assessments(table)
    except ValidationError as exc:
        raise ValidationError(
            [
                Problem(
                    _ROWS.sub(lambda m: f"rows[{int(m.group(1)) + offset}]", q.path),
                    q.message,
                    suggestion=q.suggestion,
                    code=q.code,
                    field=q.field,
                )
                for q in exc.problems
            ],
            file=str(p),
        ) from None
    return found
