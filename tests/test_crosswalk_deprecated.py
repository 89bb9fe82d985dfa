"""The deprecated file methods of Crosswalk: each warns, names its io function, and gives what that gives."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from policeframeworks import Crosswalk, ValidationError, io, load_catalog

CW = load_catalog().crosswalk


def _deprecated(call: Any, new: str) -> Any:
    """Call ``call()``; it must warn once, with a DeprecationWarning naming ``new``, pointing at this file."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    assert [type(w.message) for w in caught] == [DeprecationWarning]
    assert f"policeframeworks.io.{new}" in str(caught[0].message)
    assert caught[0].filename == __file__  # the caller's line, not the library's
    return result


def test_text_writers_give_what_io_gives() -> None:
    assert _deprecated(lambda: CW.to_csv(), "crosswalk_to_csv") == io.crosswalk_to_csv(CW)
    assert _deprecated(lambda: CW.to_graphml(), "crosswalk_to_graphml") == io.crosswalk_to_graphml(CW)
    assert _deprecated(lambda: CW.to_gexf(), "crosswalk_to_gexf") == io.crosswalk_to_gexf(CW)
    assert _deprecated(lambda: CW.to_node_link(), "crosswalk_to_node_link") == io.crosswalk_to_node_link(CW)


@pytest.mark.parametrize(
    ("fmt", "write", "read"),
    [
        ("csv", "write_crosswalk_csv", "read_crosswalk_csv"),
        ("graphml", "write_graphml", "read_graphml"),
        ("gexf", "write_gexf", "read_gexf"),
    ],
)
def test_file_methods_write_and_read_what_io_does(tmp_path: Path, fmt: str, write: str, read: str) -> None:
    old, new = tmp_path / f"old.{fmt}", tmp_path / f"new.{fmt}"
    assert _deprecated(lambda: getattr(CW, f"to_{fmt}")(old), write) is None
    getattr(io, write)(CW, new)
    assert old.read_text(encoding="utf-8") == new.read_text(encoding="utf-8")
    back = _deprecated(lambda: getattr(Crosswalk, f"from_{fmt}")(old), read)
    assert back == getattr(io, read)(new)
    assert back.mappings == CW.mappings


def test_from_csv_with_text_is_crosswalk_from_csv() -> None:
    text = io.crosswalk_to_csv(CW)
    back = _deprecated(lambda: Crosswalk.from_csv("mine.csv", text=text), "crosswalk_from_csv")
    assert back == io.crosswalk_from_csv(text, file="mine.csv")
    bad = text.replace(",intersects with,", ",intersectz,", 1)
    with pytest.raises(ValidationError) as old, pytest.warns(DeprecationWarning, match="crosswalk_from_csv"):
        Crosswalk.from_csv("mine.csv", text=bad)
    with pytest.raises(ValidationError) as new:
        io.crosswalk_from_csv(bad, file="mine.csv")
    assert str(old.value) == str(new.value)


def test_from_node_link_is_crosswalk_from_node_link() -> None:
    data = io.crosswalk_to_node_link(CW)
    back = _deprecated(lambda: Crosswalk.from_node_link(data), "crosswalk_from_node_link")
    assert back == io.crosswalk_from_node_link(data) == CW


def test_load_keeps_its_default_of_extending_the_bundled(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    io.write_crosswalk_csv(CW, path)
    extended = _deprecated(lambda: Crosswalk.load(path), "read_crosswalk")
    assert extended == io.read_crosswalk(path, include_bundled=True)
    alone = _deprecated(lambda: Crosswalk.load(path, include_bundled=False), "read_crosswalk")
    assert alone == io.read_crosswalk(path)
    assert len(extended.mappings) == 2 * len(alone.mappings)


def test_the_aliases_are_the_only_deprecated_methods() -> None:
    # Graph views stay methods of the crosswalk: to_networkx and from_networkx do not warn.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Crosswalk.from_networkx(CW.to_networkx(multigraph=True)) == CW
