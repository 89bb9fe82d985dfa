"""``assert_valid_catalog``: readable failures, every problem at once, no pytest needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from policeframeworks import ValidationError, io, load_catalog
from policeframeworks.testing import assert_crosswalk_clean, assert_valid_catalog, make_assessment
from policeframeworks.testing import strategies as pfst
from policeframeworks.testing.assertions import _first_difference


def test_the_bundled_catalog_is_valid() -> None:
    assert_valid_catalog(load_catalog())


def test_frameworks_and_single_framework() -> None:
    fws = load_catalog().frameworks
    assert_valid_catalog(fws[:2])
    assert_valid_catalog(fws[3])


def test_files_and_folders(tmp_path: Path) -> None:
    io.dump(load_catalog().framework("policylink-2014"), tmp_path / "a.toml")
    io.dump(load_catalog().framework("8cantwait-2020"), tmp_path / "b.json")
    assert_valid_catalog(tmp_path)
    assert_valid_catalog([tmp_path / "a.toml", str(tmp_path / "b.json")])


def test_a_broken_file_is_reported_with_file_path_and_suggestion(tmp_path: Path) -> None:
    data = io.to_dict(load_catalog().framework("8cantwait-2020"))
    data["principles"][2]["wording"] = "verbatum"
    del data["principles"][0]["title"]
    (tmp_path / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AssertionError) as info:
        assert_valid_catalog(tmp_path / "mine.json")
    lines = str(info.value).splitlines()
    assert lines[0] == "not a valid catalog:"
    assert any("mine.json: principles[2].wording: 'verbatum'" in ln and "'verbatim'" in ln for ln in lines)
    assert any("mine.json: principles[0].title: required key missing" in ln for ln in lines)


def test_clashing_with_the_bundled_catalog(tmp_path: Path) -> None:
    io.dump(load_catalog().framework("uscm-2020"), tmp_path / "copy.toml")
    assert_valid_catalog(tmp_path / "copy.toml")
    with pytest.raises(AssertionError, match=r"copy.toml: id: framework id 'uscm-2020' is already"):
        assert_valid_catalog(tmp_path / "copy.toml", include_bundled=True)


def test_missing_file() -> None:
    with pytest.raises(AssertionError, match=r"nowhere\.toml: no such file"):
        assert_valid_catalog("nowhere.toml")


def test_duplicate_ids() -> None:
    fw = load_catalog().framework("uscm-2020")
    with pytest.raises(AssertionError, match=r"frameworks\[1\]\.id: duplicate framework id 'uscm-2020'"):
        assert_valid_catalog([fw, fw])


def test_text_that_cannot_be_written_is_named() -> None:
    fw = load_catalog().framework("policylink-2014")
    p0 = attrs.evolve(fw.principles[0], title="broken \ud800 title")
    bad = attrs.evolve(fw, principles=(p0, *fw.principles[1:]))
    with pytest.raises(AssertionError) as info:
        assert_valid_catalog(bad)
    message = str(info.value)
    assert (
        "frameworks[0] (policylink-2014): cannot be written as JSON or TOML (UTF-8): principles[0].title: "
        "'broken \\ud800 title': a lone surrogate" in message
    )


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(pfst.catalogs(max_frameworks=2))
def test_generated_catalogs_are_valid(cat: object) -> None:
    assert_valid_catalog(cat)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"x": 1}, {"x": 2}, "x: 1 became 2"),
        ({"x": {"y": [1, 2]}}, {"x": {"y": [1, 3]}}, "x.y[1]: 2 became 3"),
        ({"x": [1, 2]}, {"x": [1]}, "x: 2 items became 1"),
        ({"x": 1, "y": 2}, {"x": 1}, "y: missing after the round trip"),
        ({"x": 1}, {"x": 1, "z": 0}, "z: appeared in the round trip"),
        ("a\r\nb", "a\nb", "document: 'a\\r\\nb' became 'a\\nb'"),
    ],
)
def test_the_first_difference_is_named(a: object, b: object, expected: str) -> None:
    assert _first_difference(a, b) == expected


def test_usable_without_pytest() -> None:
    code = (
        "import sys; sys.modules['pytest'] = None; sys.modules['hypothesis'] = None\n"
        "from policeframeworks import load_catalog\n"
        "from policeframeworks.testing import assert_valid_catalog\n"
        "assert_valid_catalog(load_catalog())\n"
        "fw = load_catalog().frameworks[0]\n"
        "try:\n"
        "    assert_valid_catalog([fw, fw])\n"
        "except AssertionError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("not a valid catalog:\n  frameworks[1].id: duplicate")


# --- assert_crosswalk_clean -------------------------------------------------------------------------------


def test_the_bundled_crosswalk_is_clean() -> None:
    assert_crosswalk_clean(load_catalog().crosswalk)


def test_every_lint_problem_is_a_line_naming_the_mappings() -> None:
    cw = load_catalog().crosswalk
    m = next(x for x in cw.mappings if x.relationship.covers)  # an equal or superset row
    conflicting = attrs.evolve(m, relationship="intersects", strength=5)
    selfish = attrs.evolve(m, target=m.source)
    with pytest.raises(AssertionError) as info:
        assert_crosswalk_clean([m, conflicting, selfish])
    lines = str(info.value).splitlines()
    assert lines[0] == "crosswalk is not clean:"
    assert any(ln.startswith("  mappings[2]: self-mapping:") for ln in lines)
    assert any(ln.startswith("  mappings[0], mappings[1]: conflicting:") for ln in lines)


def test_unknown_ids_are_named_with_the_closest() -> None:
    m = load_catalog().crosswalk.mappings[0]
    typo = attrs.evolve(m, source=m.source[:-1])
    with pytest.raises(AssertionError, match=r"mappings\[0\]: unknown-id: .*did you mean"):
        assert_crosswalk_clean([typo])


def test_crosswalk_files(tmp_path: Path) -> None:
    cw = load_catalog().crosswalk
    io.write_crosswalk_csv(cw, tmp_path / "cw.csv")
    assert_crosswalk_clean(tmp_path / "cw.csv")
    (tmp_path / "bad.csv").write_text(
        (tmp_path / "cw.csv").read_text(encoding="utf-8").replace("subset of", "subsett", 1), encoding="utf-8"
    )
    with pytest.raises(AssertionError, match=r"bad\.csv: row \d+, column 'STRM Relationship'.*'subset'"):
        assert_crosswalk_clean([tmp_path / "bad.csv"])


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(pfst.crosswalks())
def test_generated_crosswalks_are_clean(cw: object) -> None:
    assert_crosswalk_clean(cw)  # type: ignore[arg-type]


# --- make_assessment --------------------------------------------------------------------------------------


def test_make_assessment_by_slug_and_id() -> None:
    a = make_assessment(
        "8cantwait-2020",
        adopted=["duty-to-intervene", "8cantwait-2020:require-de-escalation"],
        not_applicable=["ban-shooting-at-moving-vehicles"],
        jurisdiction="Austin, Texas",
    )
    s = a.score()
    assert (s.adopted, s.not_applicable, s.unknown) == (2, 1, 5)
    assert (a.jurisdiction.name, a.jurisdiction.state) == ("Austin", "TX")


def test_make_assessment_of_a_framework_object() -> None:
    fw = load_catalog().framework("uscm-2020")
    a = make_assessment(fw, partial=[fw.leaves()[0].id], jurisdiction="Somewhere")
    assert a.jurisdiction.state is None
    assert a.score().partial == 1


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"adopted": ["duty-to-intervine"]}, "'8cantwait-2020:duty-to-intervine' is not a principle"),
        ({"adopted": ["duty-to-intervene"], "partial": ["duty-to-intervene"]}, "is already adopted"),
        ({"adopted": "duty-to-intervene"}, "got the string"),
        ({"adopted": ["duty-to-intervene"], "reported_total": 0}, "reported_total: 0 adopted reported"),
        ({"jurisdiction": "Austin, Texsa"}, "state: 'Texsa' is not a two-letter state code"),
        ({"as_of": "July 2020"}, "as_of: 'July 2020' is not an ISO date"),
    ],
)
def test_make_assessment_reports_mistakes(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        make_assessment(**kwargs)  # type: ignore[arg-type]
    assert fragment in str(info.value)
