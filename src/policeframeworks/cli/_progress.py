"""Progress on a terminal: a bar (or a counter, or a clock) on stderr, shown only when stderr is a terminal.

Piped or redirected, nothing is written, so scripts and log files stay clean.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, TextIO

from ._common import terminal_safe

#: Width of the bar, in characters.
BAR_WIDTH = 24


class Progress:
    r"""One line of ``stream`` rewritten as work goes on, throttled, only on a terminal.

    With a ``total``, a bar: ``reading cities.csv [#########       ]  38% 76000/200000``; without one, a
    count (``reading: 76000``). With ``clock=True`` a background thread also redraws the line every
    ``interval`` with the time taken so far, for a step that reports nothing while it runs
    (``summarizing 8cantwait-2020: 3.2 s``). Use it as a context manager; the line is erased when the
    block ends. The count may pass ``total`` (an estimate): the bar then stays full.

    Example:
        >>> import io
        >>> quiet = io.StringIO()  # not a terminal: nothing is written
        >>> with Progress(quiet, "reading", total=3) as bar:
        ...     for _ in range(3):
        ...         bar.advance()
        >>> quiet.getvalue()
        ''
        >>> class Terminal(io.StringIO):
        ...     def isatty(self):
        ...         return True
        >>> term = Terminal()
        >>> with Progress(term, "scoring", total=4, interval=0) as bar:
        ...     bar.advance(1)
        >>> term.getvalue().split("\r")[2].rstrip()
        'scoring [######                  ]  25% 1/4'
    """

    def __init__(
        self,
        stream: TextIO | None,
        label: str,
        *,
        total: int | None = None,
        interval: float = 0.1,
        clock: bool = False,
    ) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.count = 0
        self.interval = interval
        self.enabled = _is_terminal(stream)
        self._last = 0.0
        self._width = 0
        self._start = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if clock and self.enabled:
            self._thread = threading.Thread(target=self._tick, name="progress-clock", daemon=True)

    def __enter__(self) -> Progress:
        self._start = time.monotonic()
        self._draw(force=True)
        if self._thread is not None:
            self._thread.start()
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

    def update(self, count: int) -> None:
        """Set the count and draw it: a ``progress`` callback for the library's readers and writers.

        They call it every thousand items, so each call is drawn (the last one too).
        """
        self.count = count
        self._draw(force=True)

    def close(self) -> None:
        """Stop the clock and erase the progress line."""
        if self._thread is not None and self._thread.is_alive():
            self._stop.set()
            self._thread.join()
        with self._lock:
            if self.enabled and self.stream is not None and self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
                self._width = 0

    def line(self) -> str:
        """The text of the progress line as it is now (whether or not it is shown).

        Example:
            >>> Progress(None, "reading", total=200).line()
            'reading [                        ]   0% 0/200'
            >>> Progress(None, "reading").line()
            'reading: 0'
        """
        if self._thread is not None:
            return f"{self.label}: {time.monotonic() - self._start:.1f} s"
        if self.total is None:
            return f"{self.label}: {self.count}"
        share = min(1.0, self.count / self.total) if self.total else 1.0
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        return f"{self.label} [{bar}] {share:4.0%} {self.count}/{self.total}"

    def _tick(self) -> None:
        while not self._stop.wait(max(self.interval, 0.05)):
            self._draw(force=True)

    def _draw(self, *, force: bool = False) -> None:
        if not self.enabled or self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval and self.count != self.total:
            return
        with self._lock:
            if self._stop.is_set():
                return
            self._last = now
            text = terminal_safe(self.line())[:79]
            pad = max(0, self._width - len(text))
            self.stream.write("\r" + text + " " * pad)
            self.stream.flush()
            self._width = len(text)


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
