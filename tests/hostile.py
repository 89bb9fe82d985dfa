"""Hostile files for the fuzz campaign: valid documents of every kind with one thing made hostile.

Not a test module (no ``test_`` prefix): ``test_fuzz_hostile.py`` imports it by name.

Hostile means what an attacker or an unlucky user puts in a file: digits ``int()`` refuses (``²``),
non-ASCII digits, formula text, control characters and ANSI escapes, XML-invalid characters, numbers of
thousands of digits, nesting thousands deep, blank and padded words, ``None`` for a relationship,
wrong types, raw bytes, broken CSV quoting.
"""

from __future__ import annotations

import copy
import csv
import io as stdio
import json
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st

from policeframeworks import (
    AssessmentSet,
    Crosswalk,
    CrosswalkDocument,
    io,
    load_catalog,
    load_seed_assessments,
)
from policeframeworks.io._toml import dumps as toml_dumps

HOSTILE_TEXT = (
    "²",
    "٣",
    "\uff13",
    "1²",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("https://evil.example","x")',
    "@SUM(A1)",
    "-1+1",
    "\x0b",
    "\ufffe",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "a\rb",
    "a\r\nb",
    "\u202eevil",
    " padded ",
    "",
    " ",
    "None",
    "none",
    "null",
    "NaN",
    "10",
    "yes",
    "Population",
    "8cantwait-2020:duty-to-intervene",
    "8cantwait-2020",
    "x" * 2000,
)
HOSTILE_VALUES: tuple[Any, ...] = (
    *HOSTILE_TEXT,
    -1,
    11,
    2**63,
    10**300,
    1.5,
    1e308,
    True,
    False,
    [],
    {},
    ["²"],
    {"": ""},
)
#: Placeholders replaced in the text after serialization: values no Python object serializes to.
BIG_NUMBER = "__BIG_NUMBER__"
DEEP = "__DEEP__"


@cache
def valid_documents() -> dict[str, dict[str, Any]]:
    """One valid plain-data document of each kind a file can hold."""
    catalog = load_catalog()
    kankakee = load_seed_assessments()[0]
    small_cw = CrosswalkDocument(
        id="mine", title="Mine", data_version="1", mappings=catalog.crosswalk.mappings[:3]
    )
    other = attrs.evolve(kankakee, jurisdiction=attrs.evolve(kankakee.jurisdiction, name="Springfield"))
    own = io.to_dict(catalog.framework("8cantwait-2020"))
    own = json.loads(json.dumps(own).replace('"8cantwait-2020', '"mine-2024'))
    own["version"] = "mine"
    return {  # a second coder of the assessment: see second_coder()
        "framework": own,
        "crosswalk": io.to_dict(small_cw),
        "assessment": io.to_dict(kankakee),
        "assessments": io.to_dict(AssessmentSet(assessments=(kankakee, other))),
        "column-map": {"columns": {"name": "name", "state": "state"}},
        "endorsements": {"endorsements": [io.to_dict(e) for e in catalog.endorsements[:2]]},
    }


@cache
def second_coder() -> str:
    """The assessments file of a second coder of the same assessments (JSON), for ``assess agreement``."""
    kankakee = load_seed_assessments()[0]
    other = attrs.evolve(kankakee, jurisdiction=attrs.evolve(kankakee.jurisdiction, name="Springfield"))
    coded = tuple(attrs.evolve(a, assessor="second coder") for a in (kankakee, other))
    return json.dumps(io.to_dict(AssessmentSet(assessments=coded)))


@cache
def valid_csv() -> dict[str, str]:
    """Valid CSV texts: a crosswalk, and assessments in the wide and long layouts."""
    import tempfile
    from pathlib import Path

    cw = Crosswalk(load_catalog().crosswalk.mappings[:3])
    kankakee = load_seed_assessments()[0]
    kankakee = attrs.evolve(kankakee, reported_total=None, notes=(), evidence=())
    kankakee = attrs.evolve(
        kankakee, findings=tuple(attrs.evolve(f, evidence=(), note=None) for f in kankakee.findings)
    )
    out = {"crosswalk": str(io.crosswalk_to_csv(cw))}
    with tempfile.TemporaryDirectory() as folder:
        for layout in ("wide", "long"):
            path = Path(folder) / f"{layout}.csv"
            io.write_assessments_csv([kankakee], path, layout=layout)  # type: ignore[arg-type]
            out[layout] = path.read_text(encoding="utf-8")
    return out


def _places(data: Any, keys: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every key and list item of a plain-data document."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            found.append((*keys, k))
            found += _places(v, (*keys, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found.append((*keys, i))
            found += _places(v, (*keys, i))
    return found


def _set(data: Any, keys: tuple[Any, ...], value: Any) -> None:
    for k in keys[:-1]:
        data = data[k]
    data[keys[-1]] = value


def serialize(data: Any, suffix: str) -> str:
    """JSON or TOML text of a document, with the placeholders turned into what they stand for."""
    if suffix == ".toml":
        try:
            text = toml_dumps(data)
        except Exception:  # a null or a non-table: TOML cannot say it; JSON can
            text = json.dumps(data, ensure_ascii=False)
    else:
        text = json.dumps(data, ensure_ascii=False)
    text = text.replace(f'"{BIG_NUMBER}"', "9" * 5000)
    if suffix == ".toml":
        return text.replace(f'"{DEEP}"', "[" * 5000 + "]" * 5000)
    return text.replace(f'"{DEEP}"', "[" * 100_000 + "]" * 100_000)


@st.composite
def hostile_documents(draw: st.DrawFn, kinds: tuple[str, ...], suffix: str) -> str:
    """A valid document of one of ``kinds`` with one to three places made hostile, as text."""
    kind = draw(st.sampled_from(kinds))
    data = copy.deepcopy(valid_documents()[kind])
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data)
        if not places:
            break
        where = draw(st.sampled_from(places))
        how = draw(st.sampled_from(["value", "value", "big number", "deep", "new key"]))
        if how == "value":
            _set(data, where, copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES))))
        elif how == "big number":
            _set(data, where, BIG_NUMBER)
        elif how == "deep":
            _set(data, where, DEEP)
        else:
            _set(data, where, {draw(st.sampled_from(HOSTILE_TEXT)): draw(st.sampled_from(HOSTILE_VALUES))})
    return serialize(data, suffix)


@st.composite
def hostile_csv(draw: st.DrawFn, kinds: tuple[str, ...]) -> str:
    """A valid CSV of one of ``kinds`` with cells, headers or rows made hostile, as text."""
    kind = draw(st.sampled_from(kinds))
    rows = list(csv.reader(stdio.StringIO(valid_csv()[kind], newline="")))
    for _ in range(draw(st.integers(1, 3))):
        how = draw(
            st.sampled_from(["cell", "cell", "header", "short row", "long row", "repeat header", "blank"])
        )
        r = draw(st.integers(0, len(rows) - 1))
        if how in ("cell", "header"):
            r = 0 if how == "header" else r
            if rows[r]:
                c = draw(st.integers(0, len(rows[r]) - 1))
                rows[r][c] = draw(st.sampled_from(HOSTILE_TEXT))
        elif how == "short row" and rows[r]:
            rows[r] = rows[r][: draw(st.integers(0, len(rows[r]) - 1))]
        elif how == "long row":
            rows[r] = [*rows[r], draw(st.sampled_from(HOSTILE_TEXT))]
        elif how == "repeat header" and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            rows[0] = [*rows[0], rows[0][c]]
            rows[1:] = [[*row, ""] for row in rows[1:]]
        elif how == "blank":
            rows.insert(r, [])
    buf = stdio.StringIO()
    csv.writer(buf, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"]))).writerows(rows)
    text = buf.getvalue()
    if draw(st.booleans()):
        text = draw(st.sampled_from(['"', "sep=,\n", "\ufeff", "\x00", ";", "\t"])) + text
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """One of ``texts`` as UTF-8 with one to three bytes flipped, deleted or inserted."""
    raw = bytearray(draw(texts).encode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        how = draw(st.sampled_from(["flip", "delete", "insert"]))
        byte = draw(st.integers(0, 255))
        if how == "flip" and raw:
            raw[at] = byte
        elif how == "delete" and raw:
            del raw[at]
        else:
            raw.insert(at, byte)
    return bytes(raw)


def file_contents(kinds: tuple[str, ...], suffix: str) -> st.SearchStrategy[bytes]:
    """What a file of ``suffix`` may hold for a reader of ``kinds``: hostile, broken or arbitrary."""
    if suffix == ".csv":
        csv_kinds = tuple(k for k in kinds if k in ("crosswalk", "wide", "long")) or ("wide",)
        structured: st.SearchStrategy[str] = hostile_csv(csv_kinds)
        valid = st.sampled_from([valid_csv()[k] for k in csv_kinds])
    else:
        doc_kinds = tuple(k for k in kinds if k in valid_documents()) or tuple(valid_documents())
        structured = hostile_documents(doc_kinds, suffix)
        valid = st.sampled_from([serialize(valid_documents()[k], suffix) for k in doc_kinds])
    encode: Callable[[str], bytes] = lambda t: t.encode("utf-8", "surrogatepass")  # noqa: E731
    return st.one_of(
        structured.map(encode),
        structured.map(encode),
        structured.map(encode),
        mutated_bytes(valid),
        st.binary(max_size=200),
        valid.map(lambda t: t.encode("utf-16")),
        valid.map(lambda t: t.encode("utf-16-le")),
    )
