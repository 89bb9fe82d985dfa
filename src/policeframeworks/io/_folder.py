"""Writing a folder of files as one unit: built beside its destination, then swapped in whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..exceptions import DataFileError

__all__ = ["write_folder_atomic"]


def _check_name(name: str) -> None:
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"{name!r} is not a relative file name inside the folder")


def write_folder_atomic(folder: str | os.PathLike[str], files: Mapping[str, str], *, overwrite: bool) -> None:
    r"""Write ``files`` (relative name -> UTF-8 text) as the folder ``folder``, all or nothing.

    The files are written into a hidden temporary folder beside ``folder`` and synced; then that folder
    takes ``folder``'s place (an existing one is moved aside first and removed after). A reader sees the
    old folder or the new one, never a mix; if anything fails, ``folder`` is left as it was and the
    temporary folder is removed.

    Raises:
        DataFileError: ``folder`` is empty, names a file, its parent folder is missing, it exists and
            ``overwrite`` is false, or a file cannot be written (the message names it).

    Example:
        >>> import pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "release"
        >>> write_folder_atomic(out, {"a.csv": "x\n", "sub/b.json": "{}\n"}, overwrite=False)
        >>> sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
        ['a.csv', 'sub/b.json']
    """
    if not str(folder):
        raise DataFileError("the output folder's name is empty")
    out = Path(folder)
    for name in files:
        _check_name(name)
    if out.exists() and not out.is_dir():
        raise DataFileError(f"{out}: is a file, expected a folder")
    if out.exists() and not overwrite:
        raise DataFileError(f"{out}: already exists (refusing to replace it)")
    parent = out.parent
    if not parent.is_dir():
        raise DataFileError(f"{out}: folder {parent} does not exist")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    try:
        for name, text in files.items():
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with open(target, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise DataFileError(f"{out / name}: cannot be written ({exc.strerror or exc})") from None
        os.chmod(tmp, 0o777 & ~_umask())
        if out.exists():
            if not overwrite:
                raise DataFileError(f"{out}: already exists (refusing to replace it)")
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=parent))
            os.replace(out, old / out.name)
            try:
                os.replace(tmp, out)
            except BaseException:
                os.replace(old / out.name, out)
                raise
            finally:
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
