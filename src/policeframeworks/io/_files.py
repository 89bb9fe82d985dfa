"""Reading and writing data files: JSON and TOML chosen by extension, atomic writes, clear errors."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .._suggest import first_or_none
from ..exceptions import DataFileError, Problem, ValidationError

SUFFIXES = (".json", ".toml")

#: File kinds recognised by :func:`policeframeworks.io.load` when no class is given:
#: ``(name, "module:Class", test on the document's top-level keys)``, first match wins. Classes are named,
#: not imported, so reading a framework file imports nothing of the crosswalk or assessment layers.
DOCUMENT_TYPES: list[tuple[str, str, Callable[[Mapping[str, Any]], bool]]] = [
    ("framework", "policeframeworks._model:Framework", lambda d: "principles" in d),
    ("endorsements", "policeframeworks._endorsement:EndorsementSet", lambda d: "endorsements" in d),
    ("crosswalk", "policeframeworks._mapping:CrosswalkDocument", lambda d: "mappings" in d),
    (
        "assessment",
        "policeframeworks._assessment:Assessment",
        lambda d: "jurisdiction" in d and "framework_id" in d,  # no findings: only a reported total
    ),
    ("assessments", "policeframeworks._assessment:AssessmentSet", lambda d: "assessments" in d),
]


def document_kind(data: Any) -> str | None:
    """The name of the kind of document ``data`` is (``"framework"``, ...), or None."""
    if isinstance(data, Mapping):
        for name, _, test in DOCUMENT_TYPES:
            if test(data):
                return name
    return None


def resolve_type(data: Any, file: str) -> type:
    """The model class a loaded document holds, from its top-level keys."""
    if isinstance(data, Mapping):
        for _, target, test in DOCUMENT_TYPES:
            if test(data):
                module, _, name = target.partition(":")
                cls: type = getattr(importlib.import_module(module), name)
                return cls
    kinds = ", ".join(name for name, _, _ in DOCUMENT_TYPES)
    raise ValidationError(
        [Problem("", f"cannot tell what this file holds (expected one of: {kinds})")], file=file
    )


def check_suffix(path: Path) -> str:
    """The file's format (``.json`` or ``.toml``), or a :class:`DataFileError` naming the path."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = first_or_none(suffix, SUFFIXES) if suffix else None
        more = f" (did you mean {hint!r}?)" if hint else ""
        raise DataFileError(f"{path}: unsupported file type {suffix or '(none)'!r}; use .json or .toml{more}")
    return suffix


def read_bytes(path: Path) -> bytes:
    """A file's bytes, with errors naming the file."""
    if not path.exists():
        raise DataFileError(f"{path}: no such file")
    if path.is_dir():
        raise DataFileError(f"{path}: is a directory, expected a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a leading byte-order mark is allowed), with errors naming the file."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def parse(text: str, suffix: str, file: str) -> Any:
    """Parse JSON or TOML text; syntax errors become a :class:`ValidationError` naming the file and line."""
    if suffix == ".toml":
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValidationError([Problem("", f"not valid TOML: {exc}")], file=file) from None
        except RecursionError:
            raise ValidationError([Problem("", "not valid TOML: nested too deeply")], file=file) from None
        except ValueError as exc:  # an integer of more digits than Python converts (sys.int_info)
            raise ValidationError(
                [Problem("", f"not valid TOML: {_number_message(exc)}")], file=file
            ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [Problem("", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")], file=file
        ) from None
    except _DuplicateKeyError as exc:
        raise ValidationError(
            [Problem("", f"not valid JSON: key {exc.key!r} appears twice in one object")], file=file
        ) from None
    except RecursionError:
        raise ValidationError([Problem("", "not valid JSON: nested too deeply")], file=file) from None
    except ValueError as exc:  # an integer of more digits than Python converts (sys.int_info)
        raise ValidationError([Problem("", f"not valid JSON: {_number_message(exc)}")], file=file) from None
    if SURROGATE_ESCAPE.search(text):
        found = lone_surrogate(data, "")
        if found is not None:
            raise ValidationError([found], file=file)
    return data


def _number_message(exc: ValueError) -> str:
    """The reason a parser gave up on a number, said plainly."""
    if "digits" in str(exc):
        return f"a number has more than {sys.get_int_max_str_digits()} digits"
    return str(exc)


SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(data: Any, path: str) -> Problem | None:
    r"""The first key or string holding a lone surrogate (JSON can spell one as ``\ud800``)."""
    message = "a lone surrogate, which is not a character (a JSON \\u escape can make one)"
    if isinstance(data, str):
        return Problem(path, f"{data!r}: {message}") if _SURROGATE.search(data) else None
    if isinstance(data, dict):
        for key, value in data.items():
            if _SURROGATE.search(key):
                return Problem(path, f"key {key!r}: {message}")
            found = lone_surrogate(value, f"{path}.{key}" if path else key)
            if found is not None:
                return found
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found = lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def no_constants(name: str) -> Any:
    """A JSON ``parse_constant`` hook: ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON; refuse them."""
    raise json.JSONDecodeError(f"{name} is not allowed", name, 0)


def read_json(path: str | os.PathLike[str]) -> Any:
    """Read and parse a JSON file whatever its extension, strictly (as :func:`parse`), errors naming it."""
    return parse(read_text(Path(path)), ".json", str(path))


def read_document(path: str | os.PathLike[str]) -> tuple[Any, str]:
    """Read and parse a JSON or TOML file: ``(data, file name as given)``."""
    p = Path(path)
    suffix = check_suffix(p)
    return parse(read_text(p), suffix, str(path)), str(path)


def serialize(data: Any, suffix: str) -> str:
    """JSON (indented, UTF-8, key order kept) or TOML text for plain data."""
    if suffix == ".toml":
        from ._toml import dumps

        if not isinstance(data, Mapping):
            raise DataFileError("a TOML file holds a table at the top level")
        return dumps(data)
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _mode_for(path: Path) -> int:
    """The permission bits a new file gets: an existing file's own, else what the umask allows."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    r"""Write ``text`` to ``path`` atomically: a temporary file in the same folder, then a rename.

    Readers see the old file or the new one, never half of one. With ``overwrite=False`` an existing
    file is left alone and :class:`~policeframeworks.DataFileError` is raised.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.md"
        >>> write_text_atomic(path, "# Notes\n")
        >>> write_text_atomic(path, "again", overwrite=False)
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.DataFileError: ...notes.md: already exists (refusing to replace it)
    """
    p = Path(path)
    if p.is_dir():
        raise DataFileError(f"{p}: is a directory, expected a file")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        raise DataFileError(
            f"{p}: cannot be written as UTF-8: {text[exc.start]!r} (line {line}, column {column}) "
            "is a lone surrogate, not a character"
        ) from None
    with atomic_path(p, overwrite=overwrite) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[Path]:
    """A temporary file beside ``path`` to write to; on success it is synced and renamed to ``path``.

    On an error (or with ``overwrite=False`` when ``path`` appeared meanwhile) the temporary file is
    removed and ``path`` is left as it was. Writers that stream (large assessment files) write to the
    temporary path given, in as many pieces as they like.

    Raises:
        DataFileError: ``path`` is a directory, its folder is missing, or it exists and ``overwrite`` is
            False.
    """
    p = Path(path)
    if p.is_dir():
        raise DataFileError(f"{p}: is a directory, expected a file")
    if not overwrite and p.exists():
        raise DataFileError(f"{p}: already exists (refusing to replace it)")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise DataFileError(f"{p}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp, _mode_for(p))
        yield Path(tmp)
        with open(tmp, "rb+") as handle:  # the bytes are on disk before the rename
            os.fsync(handle.fileno())
        if not overwrite and p.exists():
            raise DataFileError(f"{p}: already exists (refusing to replace it)")
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
