"""The pre-parsed copy of the bundled data (``data/prebuilt.json``) against its TOML sources.

The TOML files are the source of truth: the copy must be exactly what ``prebuilt_text()`` makes of them now,
the objects built from it must equal those the strict converter builds from the TOML, and a copy older than
a TOML file must never be read.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given

import policeframeworks.testing.strategies as pfst
from policeframeworks import CrosswalkDocument, EndorsementSet, Framework, ValidationError, io
from policeframeworks import _bundled as bundled
from policeframeworks._prebuilt import build_documents, build_endorsements, build_framework


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Forget what the bundled module read, before and after a test that changes what it reads."""
    caches = (bundled._catalog, bundled._documents, bundled._fresh_prebuilt)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_the_committed_copy_is_what_the_toml_files_make_now() -> None:
    committed = bundled.read_data_bytes(bundled.PREBUILT).decode("utf-8")
    assert committed == bundled.prebuilt_text(), (
        "data/prebuilt.json is stale: run `python -m policeframeworks._bundled` and commit the result"
    )


def test_the_copy_is_the_one_read() -> None:
    assert bundled._fresh_prebuilt() is not None


def test_the_copy_builds_what_the_strict_converter_builds_from_toml() -> None:
    from_toml = bundled.catalog_from_toml()
    fast = bundled.bundled_catalog()
    assert fast == from_toml
    assert dict(fast.sources) == dict(from_toml.sources)
    # Equality of attrs classes leaves out eq=False fields: compare every field's plain value too.
    assert [io.to_dict(fw) for fw in fast.frameworks] == [io.to_dict(fw) for fw in from_toml.frameworks]
    assert fast.endorsements is not None
    assert from_toml.endorsements is not None
    assert io.to_dict(fast.endorsements) == io.to_dict(from_toml.endorsements)
    docs, names = bundled.documents_from_toml()
    assert bundled.bundled_documents() == docs
    assert [io.to_dict(d) for d in bundled.bundled_documents()] == [io.to_dict(d) for d in docs]
    assert bundled.bundled_sources() == names


def _edited(name: str, old: bytes, new: bytes) -> Any:
    read = bundled.read_data_bytes

    def reader(*parts: str) -> bytes:
        data = read(*parts)
        if "/".join(parts) == name:
            assert old in data
            return data.replace(old, new, 1)
        return data

    return reader


def test_an_edited_toml_file_wins_over_the_copy(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    reader = _edited("frameworks/8cantwait-2020.toml", b'short_title = "8 Can', b'short_title = "Eight Can')
    monkeypatch.setattr(bundled, "read_data_bytes", reader)
    assert bundled._fresh_prebuilt() is None
    fws = {fw.id: fw for fw in bundled.bundled_catalog().frameworks}
    assert fws["8cantwait-2020"].short_title == "Eight Can't Wait"


def test_an_edited_crosswalk_file_wins_over_the_copy(
    monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    reader = _edited("crosswalks/seed-frameworks.toml", b'title = "', b'title = "Edited: ')
    monkeypatch.setattr(bundled, "read_data_bytes", reader)
    (doc,) = [d for d in bundled.bundled_documents() if d.id == "seed-frameworks"]
    assert doc.title.startswith("Edited: ")


def test_an_invalid_edit_is_reported_with_its_file(
    monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    # The strict converter, not the copy, judges an edited file: a string for a boolean is refused.
    reader = _edited("frameworks/perf-2016.toml", b"complete = false", b'complete = "false"')
    monkeypatch.setattr(bundled, "read_data_bytes", reader)
    with pytest.raises(ValidationError) as exc:
        bundled.bundled_catalog()
    (problem,) = exc.value.problems
    assert problem.file == "policeframeworks/data/frameworks/perf-2016.toml"
    assert problem.path == "complete"


def _copy_edited(*, bad_date: bool = False, **changes: Any) -> Any:
    read = bundled.read_data_bytes

    def reader(*parts: str) -> bytes:
        data = read(*parts)
        if parts == (bundled.PREBUILT,):
            copy = json.loads(data)
            if bad_date:
                copy["frameworks"][0]["date"] = "someday"  # the class's own check refuses it
            return json.dumps({**copy, **changes}).encode()
        return data

    return reader


@pytest.mark.parametrize(
    "changes",
    [{"format": 0}, {"checksums": None}, {"checksums": {"catalog.toml": "0"}}],
    ids=["another layout", "no checksums", "a wrong checksum"],
)
def test_a_copy_that_cannot_be_vouched_for_is_not_read(
    changes: dict[str, Any], monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    monkeypatch.setattr(bundled, "read_data_bytes", _copy_edited(**changes))
    assert bundled._fresh_prebuilt() is None
    assert bundled.bundled_catalog() == bundled.catalog_from_toml()


@pytest.mark.parametrize(
    "changes",
    [
        {"frameworks": [{}]},
        {"bad_date": True},
        {"framework_sources": []},
        {"crosswalks": [{"mappings": 3}]},
    ],
    ids=["a missing field", "an invalid value", "sources that do not match", "a wrong type"],
)
def test_a_damaged_copy_gives_way_to_the_toml_files(
    changes: dict[str, Any], monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    monkeypatch.setattr(bundled, "read_data_bytes", _copy_edited(**changes))
    assert bundled._fresh_prebuilt() is not None  # the checksums still match: the copy is tried
    assert bundled.bundled_catalog() == bundled.catalog_from_toml()
    assert bundled.bundled_documents() == bundled.documents_from_toml()[0]


def test_the_first_load_imports_neither_cattrs_nor_the_toml_parser() -> None:
    script = (
        "import sys, json, policeframeworks as pf; pf.load_catalog(); heavy = ('cattrs', 'tomllib', "
        "'policeframeworks.io'); print(json.dumps(sorted(m for m in heavy if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


# The builders are the inverse of unstructuring, as the strict converter is: a law over any valid object.
@given(pfst.frameworks())
def test_build_framework_inverts_to_dict(fw: Framework) -> None:
    assert build_framework(io.to_dict(fw)) == fw


@given(pfst.crosswalk_documents())
def test_build_documents_inverts_to_dict(doc: CrosswalkDocument) -> None:
    assert build_documents([io.to_dict(doc)]) == (doc,)


def test_build_endorsements_inverts_to_dict() -> None:
    endorsements = bundled.bundled_catalog().endorsements
    assert endorsements is not None
    assert build_endorsements(io.to_dict(endorsements)) == endorsements
    assert isinstance(endorsements, EndorsementSet)
