"""Progress on a terminal: a one-line counter on stderr, shown only when stderr is a terminal.

Piped or redirected, nothing is written, so scripts and log files stay clean.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, TextIO

from ._common import terminal_safe


class Progress:
    """A counter that rewrites one line of ``stream`` (``label: 120/500``), throttled, only on a terminal.

    Use it as a context manager; the line is erased when the block ends.

    Example:
        >>> import io
        >>> quiet = io.StringIO()  # not a terminal: nothing is written
        >>> with Progress(quiet, "reading", total=3) as bar:
        ...     for _ in range(3):
        ...         bar.advance()
        >>> quiet.getvalue()
        ''
    """

    def __init__(
        self, stream: TextIO | None, label: str, *, total: int | None = None, interval: float = 0.1
    ) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.count = 0
        self.interval = interval
        self.enabled = _is_terminal(stream)
        self._last = 0.0
        self._width = 0

    def __enter__(self) -> Progress:
        self._draw(force=True)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done."""
        self.count += n
        self._draw()

    def set(self, count: int, *, label: str | None = None) -> None:
        """Set the count (and optionally the label)."""
        self.count = count
        if label is not None:
            self.label = label
        self._draw(force=label is not None)

    def close(self) -> None:
        """Erase the progress line."""
        if self.enabled and self.stream is not None and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self, *, force: bool = False) -> None:
        if not self.enabled or self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval and self.count != self.total:
            return
        self._last = now
        shown = f"{self.count}/{self.total}" if self.total is not None else str(self.count)
        line = terminal_safe(f"{self.label}: {shown}")[:79]
        pad = max(0, self._width - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)


def _is_terminal(stream: TextIO | None) -> bool:
    if stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def check_each(
    files: Iterable[str],
    check: Callable[[str], tuple[dict[str, Any], list[str], int]],
    err: TextIO,
    *,
    label: str,
    total: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    r"""Run ``check`` on each file with progress; write its problem lines to ``err`` as ``error: ...``.

    ``check`` returns ``(row, problem lines, exit code)``. Returns the rows and the worst exit code (0 when
    there are no files).

    Example:
        >>> import io
        >>> err = io.StringIO()
        >>> check_each(["a", "b"], lambda f: ({"file": f}, [f"{f}: bad"] if f == "b" else [], int(f == "b")),
        ...            err, label="checking")
        ([{'file': 'a'}, {'file': 'b'}], 1)
        >>> err.getvalue()
        'error: b: bad\n'
    """
    rows: list[dict[str, Any]] = []
    code = 0
    names = list(files)
    with Progress(err, label, total=len(names) if total is None else total) as progress:
        for name in names:
            row, lines, file_code = check(name)
            rows.append(row)
            progress.close()
            for line in lines:
                err.write(terminal_safe(f"error: {line}") + "\n")
            code = max(code, file_code)
            progress.advance()
    return rows, code
