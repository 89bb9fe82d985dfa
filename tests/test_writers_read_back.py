"""What we write, we can read back: every writer, on anything the model accepts.

The law, for each writer: an object the model accepts either writes and reads back equal, or the writer
refuses it at write time with one of the package's errors that names the field (and leaves no file).
Texts are drawn from all of Unicode (control characters, U+FFFE, carriage returns, formula text), put into
the text fields of generated frameworks, crosswalks and assessments.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    AssessmentSet,
    Crosswalk,
    CrosswalkDocument,
    Framework,
    PoliceFrameworksError,
    ValidationError,
    io,
    load_catalog,
    load_seed_assessments,
)
from policeframeworks.testing import strategies as pfst

EIGHT = load_catalog().framework("8cantwait-2020")
TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=8) | st.sampled_from(
    ["a\x0bb", "\ufffe", "\uffff", "x\ry", "\r\n", "=1+1", "'=1", "\x1b[2J", "\x00", "a\u2028b"]
)


def _accepted(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except ValidationError:
        assume(False)


def _check(write: Callable[[Path], object], read: Callable[[Path], Any], obj: Any, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        refused: PoliceFrameworksError | None = None
        try:
            write(path)
        except PoliceFrameworksError as exc:
            refused = exc
        if refused is not None:
            assert str(refused).strip()
            assert not path.exists(), "a refused write left a file"
            return
        assert read(path) == obj


# --------------------------------------------------------------------------- crosswalks

CROSSWALK_WRITERS: dict[str, tuple[Callable[[Crosswalk, Path], object], Callable[[Path], Crosswalk], str]] = {
    "csv": (lambda cw, p: io.write_crosswalk_csv(cw, p), lambda p: io.read_crosswalk_csv(p), ".csv"),
    "graphml": (lambda cw, p: io.write_graphml(cw, p), lambda p: io.read_graphml(p), ".graphml"),
    "gexf": (lambda cw, p: io.write_gexf(cw, p), lambda p: io.read_gexf(p), ".gexf"),
    "json": (lambda cw, p: io.dump(_doc(cw), p), lambda p: _from_doc(p), ".json"),
    "toml": (lambda cw, p: io.dump(_doc(cw), p), lambda p: _from_doc(p), ".toml"),
}


def _from_doc(path: Path) -> Crosswalk:
    return Crosswalk(io.load(path, CrosswalkDocument).mappings)


def _doc(cw: Crosswalk) -> CrosswalkDocument:
    return CrosswalkDocument(id="x", title="x", data_version="1", mappings=cw.mappings)


@given(
    pfst.crosswalks(min_size=1, max_size=3),
    st.sampled_from(["rationale", "mapped_by"]),
    TEXT,
    st.sampled_from(sorted(CROSSWALK_WRITERS)),
)
def test_crosswalk_writers_read_back_or_refuse(cw: Crosswalk, field: str, text: str, writer: str) -> None:
    m = _accepted(lambda: attrs.evolve(cw.mappings[0], **{field: text}))
    one = Crosswalk([m, *cw.mappings[1:]])
    write, read, suffix = CROSSWALK_WRITERS[writer]
    _check(lambda p: write(one, p), read, one, suffix)


@given(pfst.crosswalks(min_size=1, max_size=3), TEXT)
def test_node_link_reads_back(cw: Crosswalk, text: str) -> None:
    m = _accepted(lambda: attrs.evolve(cw.mappings[0], rationale=text))
    one = Crosswalk([m, *cw.mappings[1:]])
    assert io.crosswalk_from_node_link(io.crosswalk_to_node_link(one)) == one


@pytest.mark.parametrize("char", ["\x0b", "\ufffe", "\x00"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_writers_refuse_what_xml_cannot_hold(tmp_path: Path, char: str, fmt: str) -> None:
    m = attrs.evolve(load_catalog().crosswalk.mappings[0], rationale=f"before{char}after")
    path = tmp_path / f"x.{fmt}"
    with pytest.raises(
        ValidationError, match=rf"x\.{fmt}: mappings\[0\]\.rationale: .*XML cannot hold"
    ) as info:
        getattr(io, f"write_{fmt}")(Crosswalk([m]), path)
    assert f"U+{ord(char):04X}" in str(info.value)
    assert not path.exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_writers_keep_a_carriage_return(tmp_path: Path, fmt: str) -> None:
    m = attrs.evolve(load_catalog().crosswalk.mappings[0], rationale="line one\rline two\r\n")
    path = tmp_path / f"x.{fmt}"
    getattr(io, f"write_{fmt}")(Crosswalk([m]), path)
    assert getattr(io, f"read_{fmt}")(path).mappings[0].rationale == "line one\rline two\r\n"


# --------------------------------------------------------------------------- assessments


def _plain(a: Assessment) -> Assessment:
    """What the CSV layouts hold: no evidence, notes or attributes, a named state."""
    return attrs.evolve(
        a,
        jurisdiction=attrs.evolve(a.jurisdiction, state=a.jurisdiction.state or "IL", attributes={}),
        evidence=(),
        notes=(),
        reported_total=None,
        findings=tuple(attrs.evolve(f, evidence=(), note=None) for f in a.findings),
    )


@given(
    pfst.assessments(framework=EIGHT, reported_total=False),
    st.sampled_from(["name", "assessor"]),
    TEXT,
    st.sampled_from(["json", "toml", "wide", "long"]),
)
def test_assessment_writers_read_back_or_refuse(a: Assessment, field: str, text: str, writer: str) -> None:
    a = _plain(a)
    if field == "name":
        a = _accepted(lambda: attrs.evolve(a, jurisdiction=attrs.evolve(a.jurisdiction, name=text)))
    else:
        a = _accepted(lambda: attrs.evolve(a, assessor=text))
    if writer in ("json", "toml"):
        _check(
            lambda p: io.dump(AssessmentSet(assessments=(a,)), p),
            io.load,
            AssessmentSet(assessments=(a,)),
            f".{writer}",
        )
    else:
        _check(
            lambda p: io.write_assessments_csv([a], p, layout=writer),  # type: ignore[arg-type]
            lambda p: tuple(io.read_assessments_csv(p, framework=EIGHT, layout=writer)),  # type: ignore[arg-type]
            (a,),
            ".csv",
        )


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_an_assessment_with_only_a_reported_total_reads_back(tmp_path: Path, suffix: str) -> None:
    kankakee = load_seed_assessments()[0]
    total_only = attrs.evolve(kankakee, findings=())
    path = tmp_path / f"k{suffix}"
    io.dump(total_only, path)
    assert io.load(path) == total_only
    assert io.load(path, Assessment).score().reported_total == kankakee.reported_total


# --------------------------------------------------------------------------- frameworks


@given(pfst.frameworks(max_principles=2, max_depth=1), TEXT, st.sampled_from([".json", ".toml"]))
def test_framework_writers_read_back_or_refuse(fw: Framework, text: str, suffix: str) -> None:
    fw = _accepted(lambda: attrs.evolve(fw, title=text))
    _check(lambda p: io.dump(fw, p), lambda p: io.load(p, Framework), fw, suffix)


def test_assessment_csv_refuses_two_rows_the_reader_would_take_for_one(tmp_path: Path) -> None:
    kankakee = _plain(load_seed_assessments()[0])
    st_paul = attrs.evolve(kankakee, jurisdiction=attrs.evolve(kankakee.jurisdiction, name="St. Paul"))
    saint_paul = attrs.evolve(kankakee, jurisdiction=attrs.evolve(kankakee.jurisdiction, name="Saint Paul"))
    path = tmp_path / "x.csv"
    with pytest.raises(
        ValidationError, match=r"\[1\]: Saint Paul, IL .* same row as \[0\] \(St\. Paul, IL\)"
    ):
        io.write_assessments_csv([st_paul, saint_paul], path)
    assert not path.exists()


@given(
    st.lists(pfst.assessments(framework=EIGHT, reported_total=False), min_size=2, max_size=3),
    st.sampled_from(["wide", "long"]),
)
def test_assessment_csv_of_many_reads_back_or_refuses(items: list[Assessment], layout: str) -> None:
    plain = tuple(_plain(a) for a in items)
    _check(
        lambda p: io.write_assessments_csv(plain, p, layout=layout),  # type: ignore[arg-type]
        lambda p: tuple(io.read_assessments_csv(p, framework=EIGHT, layout=layout)),  # type: ignore[arg-type]
        plain,
        ".csv",
    )
