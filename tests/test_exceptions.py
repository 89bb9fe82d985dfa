"""The error tree and its messages."""

import pytest

from policeframeworks import (
    DataFileError,
    PoliceFrameworksError,
    Problem,
    UnknownIdError,
    ValidationError,
)


def test_tree() -> None:
    for cls in (ValidationError, UnknownIdError, DataFileError):
        assert issubclass(cls, PoliceFrameworksError)
    assert issubclass(UnknownIdError, KeyError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(DataFileError, OSError)


def test_validation_error_lists_every_problem_with_file() -> None:
    err = ValidationError([Problem("a", "bad"), Problem("b[2].c", "worse", suggestion="c")], file="f.toml")
    text = str(err)
    assert text.splitlines() == [
        "2 problems in f.toml:",
        "  f.toml: a: bad",
        "  f.toml: b[2].c: worse (did you mean 'c'?)",
    ]
    assert all(p.file == "f.toml" for p in err.problems)


def test_validation_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError([])


def test_within_prefixes_paths() -> None:
    err = ValidationError([Problem("", "whole"), Problem("[1]", "item"), Problem("x", "field")])
    moved = err.within("frameworks[2]", file="cat.toml")
    assert [p.path for p in moved.problems] == ["frameworks[2]", "frameworks[2][1]", "frameworks[2].x"]
    assert moved.file == "cat.toml"


def test_unknown_id_message_is_not_quoted_like_a_keyerror() -> None:
    err = UnknownIdError("uscm", kind="framework", suggestions=["uscm-2020", "uscm-2021"])
    assert str(err) == "unknown framework id 'uscm' (did you mean 'uscm-2020' or 'uscm-2021'?)"
    assert err.id == "uscm"
    assert str(UnknownIdError("zzz")) == "unknown id 'zzz'"


# --- Problem.code and Problem.field: what programs read instead of the message --------------------------


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in exc.value.problems]


def test_problem_codes_from_the_converter() -> None:
    from policeframeworks import Citation, io

    with pytest.raises(ValidationError) as info:
        io.from_dict({"publisher": "X", "title": "Y", "url": "https://example.org", "dat": "2020"}, Citation)
    assert _codes(info) == [("unknown_key", "dat")]
    assert info.value.problems[0].suggestion == "date"
    with pytest.raises(ValidationError) as info:
        io.from_dict({"publisher": "X", "title": 3}, Citation)
    assert sorted(_codes(info)) == [("missing", "url"), ("type", "title")]


def test_problem_codes_from_the_model() -> None:
    from policeframeworks import Citation, Mapping, Principle

    src = Citation(publisher="X", title="Y", url="https://example.org")
    with pytest.raises(ValidationError) as info:
        Principle(id="ex:one", title="", text="t", wording="verbatum", themes=(), citation=src)
    assert _codes(info) == [("missing", "title"), ("enum", "wording"), ("missing", "themes")]
    with pytest.raises(ValidationError) as info:
        Citation(publisher="X", title="Y", url="https://example.org", date="5 June")
    assert _codes(info) == [("date", "date")]
    with pytest.raises(ValidationError) as info:
        Mapping(
            source="a:b",
            relationship="equal",
            target="c:d",
            rationale_type="semantic",
            strength=11,
            basis="analytic",
            rationale="r",
            mapped_by="me",
        )
    assert ("range", "strength") in _codes(info)


def test_problem_codes_for_ids() -> None:
    from policeframeworks import Crosswalk, Mapping

    m = Mapping(
        source="uscm-2020:comunity",
        relationship="equal",
        target="uscm-2020",
        rationale_type="semantic",
        strength=10,
        basis="analytic",
        rationale="r",
        mapped_by="me",
    )
    with pytest.raises(ValidationError) as info:
        Crosswalk([m])
    assert _codes(info) == [("unknown_id", "source")]


def test_every_code_the_package_sets_is_documented() -> None:
    import ast
    from pathlib import Path

    from policeframeworks.exceptions import PROBLEM_CODES

    used = set()
    for path in (Path(__file__).parent.parent / "src" / "policeframeworks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "code" and isinstance(node.value, ast.Constant):
                used.add(node.value.value)
    assert len(used) > 5
    assert used <= set(PROBLEM_CODES)
