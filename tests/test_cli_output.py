"""Rendering helpers of the command line: tables in any width, CSV and JSON, and terminal-only progress."""

from __future__ import annotations

import csv
import io
import json
import re
import time

from hypothesis import given
from hypothesis import strategies as st

from policeframeworks.cli._output import emit, table, wrap
from policeframeworks.cli._progress import Progress
from policeframeworks.io._cells import is_formula, unescape_cell

words = st.text(alphabet="abcdefghij-:/ ", min_size=0, max_size=60)
column_names = st.lists(
    st.text(alphabet="abcxyz", min_size=1, max_size=8), min_size=1, max_size=5, unique=True
)


@st.composite
def rows_and_columns(draw: st.DrawFn) -> tuple[list[dict[str, str]], list[str]]:
    columns = draw(column_names)
    rows = draw(st.lists(st.fixed_dictionaries(dict.fromkeys(columns, words)), max_size=6))
    return rows, columns


@given(rows_and_columns(), st.integers(min_value=40, max_value=160))
def test_tables_fit_the_width_whatever_the_cells(
    data: tuple[list[dict[str, str]], list[str]], width: int
) -> None:
    # Prose wraps; a table whose tokens cannot fit becomes records, whose over-long values break after / or :.
    rows, columns = data
    for line in table(rows, columns, width=width).splitlines():
        assert len(line) <= width


@given(rows_and_columns(), st.integers(min_value=40, max_value=160))
def test_records_or_table_keep_every_character(
    data: tuple[list[dict[str, str]], list[str]], width: int
) -> None:
    rows, columns = data
    flat = "".join(table(rows, columns, width=width).split())
    for row in rows:
        for c in columns:
            for char in row[c].replace(" ", ""):
                assert char in flat


def test_ids_that_fit_stay_whole_and_long_ones_break_after_a_separator() -> None:
    long_id = "fw:" + "/".join(["segment-of-an-id"] * 6)
    short = {"id": "fw:short", "title": "A short one"}
    text = table([short, {"id": long_id, "title": "A long one " * 6}], ["id", "title"], width=60)
    lines = text.splitlines()
    assert "fw:short" in lines  # a record: the id alone on its line
    pieces = [line.strip() for line in lines if "segment-of-an-id" in line]
    assert "".join(pieces) == long_id
    assert all(piece.endswith(("/", ":")) for piece in pieces[:-1])
    assert all(len(line) <= 60 for line in lines)


@given(rows_and_columns())
def test_tables_keep_every_character(data: tuple[list[dict[str, str]], list[str]]) -> None:
    rows, columns = data
    text = table(rows, columns, width=80)
    flat = "".join(text.split())
    for row in rows:
        for c in columns:
            for char in row[c].replace(" ", ""):
                assert char in flat


@given(rows_and_columns())
def test_csv_round_trips(data: tuple[list[dict[str, str]], list[str]]) -> None:
    rows, columns = data
    out = io.StringIO()
    emit(rows, columns, "csv", out)
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert not any(is_formula(cell) for row in parsed for cell in row)
    back = [{k: unescape_cell(v) for k, v in r.items()} for r in csv.DictReader(io.StringIO(out.getvalue()))]
    assert back == [{c: r[c] for c in columns} for r in rows]


@given(rows_and_columns())
def test_json_round_trips(data: tuple[list[dict[str, str]], list[str]]) -> None:
    rows, columns = data
    out = io.StringIO()
    emit(rows, columns, "json", out)
    assert json.loads(out.getvalue()) == rows


def test_table_columns_narrow_the_table_only() -> None:
    rows = [{"id": "a", "long": "x"}]
    out = io.StringIO()
    emit(rows, ["id", "long"], "table", out, table_columns=["id"])
    assert "long" not in out.getvalue()
    out = io.StringIO()
    emit(rows, ["id", "long"], "csv", out, table_columns=["id"])
    assert out.getvalue().splitlines()[0] == "id,long"


def test_ids_stay_whole() -> None:
    for pid in ("uscm-2020:sanctity-of-life/chokehold-ban", "x" * 75):
        rows = [{"id": pid, "title": "word " * 20}]
        text = table(rows, ["id", "title"], width=80)
        assert pid in text


def test_kept_columns_are_never_wrapped() -> None:
    long_id = "x" * 70
    rows = [{"id": long_id, "title": "a few words here"}]
    text = table(rows, ["id", "title"], width=80, keep=["id"])
    assert long_id in text


def test_wrap_indents() -> None:
    assert wrap("aa bb cc", first="> ", indent="  ", width=6) == "> aa\n  bb\n  cc"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_and_erased() -> None:
    term = FakeTerminal()
    with Progress(term, "reading", total=3, interval=0) as bar:
        for _ in range(3):
            bar.advance()
    text = term.getvalue()
    assert "\rreading [########                ]  33% 1/3" in text
    assert "\rreading [########################] 100% 3/3" in text
    assert text.endswith("\r")
    assert text.rsplit("\r", 2)[1].strip() == ""  # the last line drawn is blanks: the bar is erased


def test_progress_without_a_total_counts_and_an_estimate_passed_keeps_the_bar_full() -> None:
    term = FakeTerminal()
    with Progress(term, "reading", interval=0) as bar:
        bar.update(1000)
    assert "\rreading: 1000" in term.getvalue()
    over = Progress(None, "reading", total=10)
    over.update(12)
    assert over.line() == "reading [########################] 100% 12/10"


def test_progress_clock_ticks_while_a_step_reports_nothing_and_stops() -> None:
    term = FakeTerminal()
    with Progress(term, "summarizing", clock=True, interval=0.05) as bar:
        assert bar._thread is not None
        deadline = time.monotonic() + 5
        while term.getvalue().count("\rsummarizing: ") < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert term.getvalue().count("\rsummarizing: ") >= 3
    assert re.search(r"\rsummarizing: \d+\.\d s", term.getvalue())
    assert bar._thread is not None
    assert not bar._thread.is_alive()
    after = term.getvalue()
    time.sleep(0.15)
    assert term.getvalue() == after  # nothing drawn once the block is over


def test_progress_clock_is_silent_and_threadless_when_piped() -> None:
    piped = io.StringIO()
    with Progress(piped, "summarizing", clock=True, interval=0.01) as bar:
        time.sleep(0.05)
    assert piped.getvalue() == ""
    assert bar._thread is None


def test_progress_is_silent_when_piped() -> None:
    piped = io.StringIO()
    with Progress(piped, "reading", total=3, interval=0) as bar:
        bar.advance(3)
    assert piped.getvalue() == ""
    assert not Progress(None, "x").enabled
