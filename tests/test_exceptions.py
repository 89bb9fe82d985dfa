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
