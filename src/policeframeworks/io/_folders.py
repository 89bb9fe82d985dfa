"""Writing a folder of files as one unit: readers see the old folder or the new one, never a mix.

:func:`write_folder_atomic` writes every file into a hidden temporary folder beside the target
(``.NAME.PID.RANDOM.tmp``, on the same file system), then swaps it in whole: on Linux with one atomic
``renameat2(RENAME_EXCHANGE)``, elsewhere with two renames (the old folder is moved aside first, so an
interruption between the two leaves the old folder aside, put back by the next run). So a process killed at
any moment, or a full disk, leaves the old folder or no folder, never some new files beside old ones.

Leftovers of a killed run (hidden folders of a process that no longer runs) are removed by the next run
into the same folder; those of a live process are left alone, so two runs at once never disturb each
other. Of two runs into one new folder, one wins and the other fails cleanly; with ``overwrite`` the
folder is whole after either swap, and a run that finds the folder swapped by another since it looked fails
instead of replacing it unseen.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from ..exceptions import DataFileError

__all__ = ["write_folder_atomic"]

_MEANWHILE = "{}: was written by another run meanwhile; nothing was changed"
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.(?:tmp|old)")


def write_folder_atomic(
    folder: str | os.PathLike[str],
    files: Mapping[str, str | bytes],
    *,
    overwrite: bool = False,
    owned: Sequence[str] = ("*",),
) -> None:
    r"""Write ``files`` (name -> text or bytes) as the whole content of ``folder``, atomically.

    The folder's parents are created if missing. An existing empty folder is replaced. A folder holding
    files is replaced only with ``overwrite``, and only if every entry in it matches one of the ``owned``
    patterns (shell-style, e.g. ``"*.svg"``; by default anything): the writer never deletes what it was
    not told it may.

    Args:
        folder: the folder to write; not empty.
        files: file names, relative to the folder (``"a.csv"``, ``"sub/b.json"``), and their content; text
            is written as UTF-8, as given.
        overwrite: replace a folder that already holds files.
        owned: patterns of the names a previous run may have left in the folder.

    Raises:
        DataFileError: an empty path, a file where the folder should be, a folder with files (without
            ``overwrite``), or with files not ``owned``, a file that cannot be written (the disk is full:
            the message names the file), or a folder replaced by another run meanwhile.

    Example:
        >>> import pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
        >>> write_folder_atomic(out, {"a.md": "# A\n", "b.svg": "<svg/>"})
        >>> sorted(p.name for p in out.iterdir())
        ['a.md', 'b.svg']
        >>> write_folder_atomic(out, {"a.md": "# A again\n"}, overwrite=True, owned=["*.md", "*.svg"])
        >>> sorted(p.name for p in out.iterdir())  # b.svg is gone: the folder is replaced whole
        ['a.md']
        >>> write_folder_atomic(out, {"a.md": "x"})
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.DataFileError: .../report: already exists (holds 1 file); pass ...
    """
    if not str(folder).strip():
        raise DataFileError("an empty path names no folder; give the folder to write")
    target = Path(folder)
    for name in files:
        parts = PurePosixPath(name).parts
        if (
            not parts
            or PurePosixPath(name).is_absolute()
            or "\\" in name
            or any(p in (".", "..") for p in parts)
            or _LEFTOVER.fullmatch(parts[0])
        ):
            raise DataFileError(f"{target}: {name!r} is not a relative file name inside the folder")
    if target.exists() and not target.is_dir():
        raise DataFileError(f"{target}: is a file, expected a folder")
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError(f"{parent}: cannot create the folder ({exc.strerror or exc})") from None
    _clean_leftovers(parent, target.name)
    seen = _existing(target, overwrite=overwrite, owned=owned)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=parent))
    try:
        for name, content in files.items():
            _write_file(tmp / name, content, shown=target / name)
        os.chmod(tmp, _folder_mode(target))
        _fsync(tmp)
        _swap(tmp, target, seen)
        _fsync(parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the new files if the swap failed, else the old folder


def _existing(target: Path, *, overwrite: bool, owned: Sequence[str]) -> int | None:
    """The inode of the folder to replace (None: none, or an empty one), after checking it may be."""
    try:
        entries = list(target.iterdir())
        inode = target.stat().st_ino
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataFileError(f"{target}: cannot read the folder ({exc.strerror or exc})") from None
    if not entries:
        return inode
    if not overwrite:
        raise DataFileError(
            f"{target}: already exists (holds {len(entries)} file{'s' if len(entries) != 1 else ''}); "
            "pass overwrite=True to replace it"
        )
    foreign = sorted(e.name for e in entries if not any(fnmatch.fnmatchcase(e.name, p) for p in owned))
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise DataFileError(
            f"{target}: holds what this writer did not write ({shown}); refusing to replace the folder "
            "(choose a new or empty folder)"
        )
    return inode


def _write_file(path: Path, content: str | bytes, *, shown: Path) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataFileError(f"{shown}: cannot be written ({reason}); nothing was changed") from None


def _folder_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def _fsync(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the renames are still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _swap(tmp: Path, target: Path, seen: int | None) -> None:
    """Put ``tmp`` in ``target``'s place; afterwards ``tmp`` holds the old folder (or nothing)."""
    try:
        now: int | None = target.stat().st_ino
    except FileNotFoundError:
        now = None
    if now != seen:
        raise DataFileError(_MEANWHILE.format(target))
    if now is None:
        try:
            os.rename(tmp, target)
        except OSError as exc:
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise DataFileError(_MEANWHILE.format(target)) from None
            raise DataFileError(f"{target}: cannot be written ({exc.strerror or exc})") from None
        return
    if _exchange(tmp, target):
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".old", dir=tmp.parent))
    os.rmdir(aside)
    os.rename(target, aside)
    os.rename(tmp, target)
    os.rename(aside, tmp)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where the system cannot."""
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, ImportError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise DataFileError(f"{b}: cannot be replaced ({os.strerror(code)}); nothing was changed")


def _clean_leftovers(parent: Path, name: str) -> None:
    """Remove the hidden folders killed runs left beside ``name``; put back an old folder moved aside."""
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        m = _LEFTOVER.fullmatch(entry.name)
        if m is None or m["name"] != name or _alive(int(m["pid"])):
            continue
        if entry.name.endswith(".old") and not (parent / name).exists():
            try:
                os.rename(entry, parent / name)  # killed between the two renames: the old folder is back
                continue
            except OSError:
                pass
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill would end the process: never clean
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
