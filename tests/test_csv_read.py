"""Reading published spreadsheets (policeframeworks.io._csv_read and its helpers): file shapes, cell
conventions, argument checks and grouped problems, each refused with file, row and column or read by an
explicit option."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policeframeworks import Citation, Status, ValidationError, io

CW = "8cantwait-2020"
DEI = f"{CW}:require-de-escalation"
HOLDS = f"{CW}:ban-chokeholds-and-strangleholds"
DEFAULTS = {"as_of": "2020-06", "assessor": "coder", "method": "document-review", "kind": "city"}


def write(tmp_path: Path, text: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def read(path: Path, **kw: Any) -> Any:
    return io.read_assessments_csv(path, framework=CW, **{**DEFAULTS, **kw})


def problems(path: Path, **kw: Any) -> list[str]:
    with pytest.raises(ValidationError) as info:
        read(path, **kw)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


# --- Grouped problems ------------------------------------------------------------------------------


def test_missing_defaults_are_one_problem_each_with_the_row_count(tmp_path: Path) -> None:
    rows = "".join(f"City {i},IL,1,0\n" for i in range(91))
    path = write(tmp_path, "City,State,restrict holds,Require De-escalation\n" + rows)
    with pytest.raises(ValidationError) as info:
        io.read_assessments_csv(path, framework=CW)
    found = [(p.path, p.message) for p in info.value.problems]
    assert len(found) == 4
    for field in ("kind", "method", "as_of", "assessor"):
        assert (
            field,
            f"no {field!r} column and no default: all 91 rows need one; add the column or pass "
            f"{field}=... (on the command line --{field.replace('_', '-')})",
        ) in found


def test_a_problem_repeated_on_many_rows_is_stated_once_with_its_count(tmp_path: Path) -> None:
    rows = "".join(f"City {i},IL,maybe\n" for i in range(91))
    path = write(tmp_path, "City,State,restrict holds\n" + rows)
    (only,) = problems(path)
    assert only.startswith("row 2, column 'restrict holds': 'maybe' is not a status")
    assert only.endswith("(and 90 more rows like it: 3, 4, 5, 6, 7, ...)")


# --- Headers ---------------------------------------------------------------------------------------


def test_headers_differing_only_by_spaces_are_an_error_not_merged(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,Population,Population \nA,IL,1,2\n")
    assert problems(path) == [
        "row 1, column 4: header 'Population ' repeats column 3 ('Population': they differ only by spaces)"
    ]


def test_long_layout_column_named_like_a_principle_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,principle,status,restrict holds\nA,IL,restrict holds,1,x\n")
    (only,) = problems(path, layout="long")
    assert only.startswith("row 1, column 'restrict holds': is named like the principle")
    (a,) = read(path, layout="long", columns={"restrict holds": "attribute"})
    assert a.jurisdiction.attributes == {"restrict holds": "x"}


def test_header_only_file_is_an_error(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "City,State,restrict holds\n")) == [
        "row 2: no data rows: the file holds a header only"
    ]


def test_repeated_header_row_inside_the_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds\nA,IL,1\nCity,State,restrict holds\nB,IL,0\n")
    assert [a.jurisdiction.name for a in read(path)] == ["A", "B"]


# --- Rows ------------------------------------------------------------------------------------------


def test_short_rows_are_an_error_unless_read_as_blank(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds,Require De-escalation\nA,IL,1\n")
    (only,) = problems(path)
    assert only.startswith("row 2: 3 cells but 4 headers (a short row")
    (a,) = read(path, short_rows="blank")
    assert a.status_of(HOLDS) is Status.ADOPTED
    assert a.finding(DEI) is None


def test_row_numbers_count_records_not_lines(tmp_path: Path) -> None:
    path = write(tmp_path, 'City,State,restrict holds,Notes\nA,IL,1,"two\nlines"\nB,IL,maybe,\n')
    (only,) = problems(path)
    assert only.startswith("row 3, column 'restrict holds'")


def test_bare_carriage_returns_inside_cells(tmp_path: Path) -> None:
    path = write(tmp_path, 'City,State,restrict holds,Notes\r\nA,IL,1,"one\rtwo"\r\nB,IL,0,\r\n')
    a, b = read(path)
    assert a.jurisdiction.attributes["Notes"] == "one\rtwo"
    assert b.status_of(HOLDS) is Status.NOT_ADOPTED


# --- Non-ASCII digits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "cell"),
    [
        ("as_of", "\u0662\u0660\u0662\u0660"),
        ("as_of", "\uff12\uff10\uff12\uff10"),
        ("fips", "\uff12\uff17"),
        ("reported_total", "\u0665"),
    ],
)
def test_non_ascii_digits_are_refused_with_row_and_column(tmp_path: Path, header: str, cell: str) -> None:
    path = write(tmp_path, f"City,State,{header}\nA,IL,{cell}\n")
    (only,) = problems(path)
    assert only == f"row 2, column {header!r}: {cell!r} has characters other than ASCII (write digits as 0-9)"


# --- Arguments -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"as_of": 2020}, "as_of: expected text, got int 2020 (write it as a string)"),
        (
            {"columns": ["City"]},
            "columns: expected a mapping of header -> target or a column map file, got list",
        ),
        ({"unmapped": "drop"}, "unmapped: 'drop' is not one of 'keep', 'error'"),
        (
            {"assessor": ""},
            "assessor: is empty: give a value (on the command line: --assessor VALUE) or leave it out",
        ),
        ({"blank": "no"}, "blank: 'no' is not one of 'unknown', 'not_adopted'"),
        ({"partial": "0.5"}, "partial: expected a list of cell values such as ['0.5'], got '0.5'"),
        (
            {"encoding": "klingon"},
            "encoding: 'klingon' is not a known text encoding (e.g. 'utf-8', 'cp1252')",
        ),
    ],
)
def test_bad_arguments_are_named_never_a_bare_type_error(
    tmp_path: Path, kw: dict[str, Any], expected: str
) -> None:
    path = write(tmp_path, "City,State,restrict holds\nA,IL,1\n")
    assert expected in problems(path, **kw)


# --- Encodings and delimiters ----------------------------------------------------------------------


def test_legacy_encodings_read_with_encoding_and_named_when_not(tmp_path: Path) -> None:
    text = "City,State,restrict holds,Notes\nSt. Paul,MN,1,Officer\u2019s duty\n"
    for encoding in ("cp1252", "mac_roman"):
        path = write(tmp_path, text.encode(encoding), f"{encoding}.csv")
        (a,) = read(path, encoding=encoding)
        assert a.jurisdiction.attributes["Notes"] == "Officer\u2019s duty"
        (only,) = problems(path)
        assert only.startswith("line 2: byte 0x")
        assert "pass encoding='cp1252' or encoding='mac_roman'" in only


def test_utf16_without_bom_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds\nA,IL,1\n".encode("utf-16-le"))
    assert problems(path) == [
        "line 1: the file looks like UTF-16 without a byte-order mark (every other byte is zero); "
        "pass encoding='utf-16-le'"
    ]
    (a,) = read(path, encoding="utf-16-le")
    assert a.status_of(HOLDS) is Status.ADOPTED


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_other_delimiters_are_named_and_read_with_delimiter(tmp_path: Path, delimiter: str) -> None:
    path = write(
        tmp_path,
        delimiter.join(["City", "State", "restrict holds"]) + "\nA" + delimiter + "IL" + delimiter + "1\n",
    )
    (only,) = problems(path)
    assert only == (
        f"row 1: the header is one column holding 2 {delimiter!r}: a {delimiter!r}-delimited file? "
        f"pass delimiter={delimiter!r}"
    )
    (a,) = read(path, delimiter=delimiter)
    assert a.status_of(HOLDS) is Status.ADOPTED


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds\rA,IL,1\rB,IL,maybe\r")
    (only,) = problems(path)
    assert only.startswith("row 3, column 'restrict holds'")
    sep = write(tmp_path, "sep=;\rCity;State\r", "sep.csv")
    (only,) = problems(sep)
    assert only.startswith("line 1: the first line 'sep=;'")
    # A carriage return ends the first line even when line feeds come later in the file.
    mixed = write(tmp_path, "sep=;\rCity;State\nA;IL\n", "mixed.csv")
    (only,) = problems(mixed)
    assert only.startswith("line 1: the first line 'sep=;'")


def test_sep_line_is_named_with_its_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path, "sep=;\nCity;State;restrict holds\nA;IL;1\n")
    assert problems(path) == [
        "line 1: the first line 'sep=;' is a spreadsheet's delimiter hint (delimiter ';'), not a header row: "
        "delete that line and pass delimiter=';'"
    ]


# --- Cell conventions ------------------------------------------------------------------------------


def test_blank_means_unknown_unless_not_adopted_is_asked_and_recorded(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds,Require De-escalation\nA,IL,1,\n")
    (a,) = read(path)
    assert a.finding(DEI) is None
    assert a.notes == ()
    (b,) = read(path, blank="not_adopted")
    assert b.status_of(DEI) is Status.NOT_ADOPTED
    (note,) = b.notes
    assert "blank='not_adopted'" in note


def test_blank_status_in_the_long_layout(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,principle,status\nA,IL,restrict holds,\n")
    (only,) = problems(path, layout="long")
    assert only == "row 2, column 'status': no status for 'restrict holds'"
    (a,) = read(path, layout="long", blank="not_adopted")
    assert a.status_of(HOLDS) is Status.NOT_ADOPTED
    assert "blank='not_adopted'" in a.notes[0]


def test_half_is_partial_only_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,restrict holds\nA,IL,0.5\n")
    (only,) = problems(path)
    assert "to read '0.5' as partial, pass partial=['0.5']" in only
    (a,) = read(path, partial=["0.5"])
    assert a.status_of(HOLDS) is Status.PARTIAL


def test_verdict_with_quoted_policy_language_in_one_cell(tmp_path: Path) -> None:
    path = write(tmp_path, 'City,State,restrict holds\nA,IL,"Yes\n""Officers shall not use chokeholds."""\n')
    (only,) = problems(path)
    assert "pass cell_quotes=True" in only
    source = Citation(publisher="P", title="Policy table", url="https://example.org/t.csv", date="2020")
    (a,) = read(path, cell_quotes=True, source=source)
    f = a.finding(HOLDS)
    assert f is not None
    assert f.status is Status.ADOPTED
    (ev,) = f.evidence
    assert ev.quote == '"Officers shall not use chokeholds."'
    assert ev.title == "Policy table"
    assert ev.section == "row 2, column 'restrict holds'"
    assert [e.title for e in a.evidence] == ["Policy table"]


def test_paired_policy_language_column_becomes_the_quote(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "City,State,Require De-escalation,Require De-escalation (Policy Language)\n"
        "A,IL,1,Officers shall de-escalate when possible.\nB,IL,0,\n",
    )
    a, b = read(path)
    (ev,) = a.finding(DEI).evidence
    assert ev.quote == "Officers shall de-escalate when possible."
    assert ev.section == "row 2, column 'Require De-escalation (Policy Language)'"
    assert b.finding(DEI).evidence == ()
    (c, _) = read(path, policy_language="attribute")
    assert c.jurisdiction.attributes["Require De-escalation (Policy Language)"].startswith("Officers")


def test_bare_policy_language_columns_pair_with_the_column_to_their_left(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "City,State,Require De-escalation,(Policy Language),restrict holds,(Policy Language)\n"
        "A,IL,1,Officers shall de-escalate.,0,\n",
    )
    (a,) = read(path)
    assert a.finding(DEI).evidence[0].quote == "Officers shall de-escalate."
    assert a.finding(HOLDS).evidence == ()
    bad = write(tmp_path, "City,(Policy Language),State\nA,x,IL\n", "bad.csv")
    assert problems(bad) == [
        "row 1, column 2: '(Policy Language)' follows no principle column: it pairs with the column to its "
        "left; map the columns in 'columns'"
    ]


def test_name_with_state_and_no_state_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'City,restrict holds\n"Kansas City, MO",1\n"Kansas City, KS",0\nBoise,1\n')
    kc_mo, kc_ks, boise = read(path)
    assert (kc_mo.jurisdiction.name, kc_mo.jurisdiction.state) == ("Kansas City", "MO")
    assert kc_ks.jurisdiction.state == "KS"
    assert boise.jurisdiction.state is None


def test_totals_row_is_checked_against_the_rows(tmp_path: Path) -> None:
    good = write(
        tmp_path, "City,State,restrict holds,Require De-escalation\nA,IL,1,0\nB,IL,1,1\nTotal,,2,1\n"
    )
    assert len(read(good)) == 2
    bad = write(tmp_path, "City,State,restrict holds\nA,IL,1\nB,IL,1\nTotal,,3\n", "bad.csv")
    assert problems(bad) == [
        "row 4, column 'restrict holds': the totals row says 3 adopted, but the rows above hold 2"
    ]


def test_values_table_translates_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "City,State,kind,restrict holds\nA,IL,police-department,X\n")
    (a,) = read(path, kind=None, values={"kind": {"police-department": "city"}, "status": {"x": "adopted"}})
    assert a.jurisdiction.kind == "city"
    assert a.status_of(HOLDS) is Status.ADOPTED
