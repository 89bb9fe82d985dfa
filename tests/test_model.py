"""The model: validation of citations, principles and frameworks, tree walking and lookups."""

from __future__ import annotations

import attrs
import pytest

import builders
from policeframeworks import (
    Citation,
    Framework,
    FrameworkKind,
    Principle,
    Theme,
    UnknownIdError,
    ValidationError,
    Wording,
)

SRC = Citation(publisher="Example City", title="Example", url="https://example.org/f")


def leaf(pid: str, **kw: object) -> Principle:
    return builders.principle(pid, **{"text": "Text.", "citation": SRC, **kw})


def framework(*principles: Principle, **kw: object) -> Framework:
    fields = {
        "title": "Example",
        "short_title": "Ex",
        "publisher": "Example City",
        "date": "2024-05",
        "version": "1",
        "citation": SRC,
        **kw,
    }
    return builders.framework("ex", *(principles or (leaf("ex:one"),)), **fields)


def paths(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.path for p in exc.value.problems]


class TestCitation:
    def test_valid(self) -> None:
        c = Citation(publisher="P", title="T", url="http://x.org", date="2020-06", locator="p. 3")
        assert c.date == "2020-06"

    def test_every_problem_listed(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Citation(publisher=" ", title="", url="ftp://x", date="June 2020", locator="")
        assert paths(exc) == ["publisher", "title", "url", "date", "locator"]

    @pytest.mark.parametrize("date", ["2020", "2020-06", "2020-06-30"])
    def test_reduced_dates(self, date: str) -> None:
        assert Citation(publisher="P", title="T", url="https://x", date=date).date == date

    @pytest.mark.parametrize("date", ["2020-13", "2020-02-30", "20", "2020/06"])
    def test_bad_dates(self, date: str) -> None:
        with pytest.raises(ValidationError, match="not an ISO date"):
            Citation(publisher="P", title="T", url="https://x", date=date)


class TestPrinciple:
    def test_words_become_enums(self) -> None:
        p = leaf("ex:one", wording="verbatim", themes=["use-of-force", "training"])
        assert p.wording is Wording.VERBATIM
        assert p.themes == (Theme.USE_OF_FORCE, Theme.TRAINING)

    def test_bad_wording_suggests(self) -> None:
        with pytest.raises(ValidationError) as exc:
            leaf("ex:one", wording="verbatum")
        (problem,) = exc.value.problems
        assert problem.path == "wording"
        assert problem.suggestion == "verbatim"

    def test_needs_a_theme(self) -> None:
        with pytest.raises(ValidationError, match="at least one theme"):
            leaf("ex:one", themes=())

    def test_unknown_and_repeated_themes(self) -> None:
        with pytest.raises(ValidationError) as exc:
            leaf("ex:one", themes=("training", "use of force", "training"))
        assert paths(exc) == ["themes[1]", "themes[2]"]
        assert exc.value.problems[0].suggestion == "use-of-force"

    @pytest.mark.parametrize("pid", ["ex", "Ex:one", "ex:One", "ex:one/", "ex:a--b", "ex one:x", "ex:a:b"])
    def test_bad_ids(self, pid: str) -> None:
        with pytest.raises(ValidationError, match="not a principle id"):
            leaf(pid)

    def test_child_needs_parent_prefix(self) -> None:
        with pytest.raises(ValidationError) as exc:
            leaf("ex:a", children=(leaf("ex:a/b"), leaf("ex:b/c"), leaf("ex:a/b/c")))
        assert paths(exc) == ["children[1].id", "children[2].id"]

    def test_duplicate_alias_case_insensitive(self) -> None:
        with pytest.raises(ValidationError, match="listed twice"):
            leaf("ex:a", aliases=("Restrict holds", "restrict HOLDS"))

    def test_walk_and_leaf(self) -> None:
        p = leaf("ex:a", children=(leaf("ex:a/b", children=(leaf("ex:a/b/c"),)), leaf("ex:a/d")))
        assert [q.id for q in p.walk()] == ["ex:a", "ex:a/b", "ex:a/b/c", "ex:a/d"]
        assert not p.is_leaf
        assert p.children[1].is_leaf
        assert p.framework_id == "ex"

    def test_frozen_and_hashable(self) -> None:
        p = leaf("ex:a")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            p.title = "x"  # type: ignore[misc]
        assert {p: 1}[leaf("ex:a")] == 1


class TestFramework:
    def test_lookups(self) -> None:
        tree = leaf("ex:a", children=(leaf("ex:a/b"),))
        fw = framework(tree, leaf("ex:c"), framing=(leaf("ex:frame"),))
        assert fw.principle_ids == ("ex:a", "ex:a/b", "ex:c")
        assert [p.id for p in fw.leaves()] == ["ex:a/b", "ex:c"]
        assert fw.principle("ex:a/b").id == "ex:a/b"
        assert fw.principle("ex:frame").id == "ex:frame"
        assert "ex:frame" in fw
        assert fw.parent("ex:a/b") == tree
        assert fw.parent("ex:a") is None
        assert fw.kind is FrameworkKind.PRINCIPLES

    def test_unknown_principle_suggests(self) -> None:
        fw = framework(leaf("ex:chokeholds"))
        with pytest.raises(UnknownIdError) as exc:
            fw.principle("ex:chokehold")
        assert exc.value.suggestions == ("ex:chokeholds",)
        assert isinstance(exc.value, KeyError)

    def test_duplicate_ids_across_tree_and_framing(self) -> None:
        with pytest.raises(ValidationError) as exc:
            framework(leaf("ex:a"), leaf("ex:a"), framing=(leaf("ex:a"),))
        assert paths(exc) == ["principles[1].id", "framing[0].id"]

    def test_principles_must_belong(self) -> None:
        with pytest.raises(ValidationError) as exc:
            framework(leaf("other:a"))
        assert paths(exc) == ["principles[0].id"]

    def test_child_cannot_be_top_level(self) -> None:
        with pytest.raises(ValidationError, match="one slug"):
            framework(leaf("ex:a/b"))

    def test_every_field_problem_reported(self) -> None:
        with pytest.raises(ValidationError) as exc:
            framework(id="Ex 1", family="Ex", date="soon", kind="poem", short_title="")
        assert paths(exc)[:5] == ["id", "family", "short_title", "kind", "date"]

    def test_incomplete_needs_missing(self) -> None:
        with pytest.raises(ValidationError, match="must say what is missing"):
            framework(complete=False)
        with pytest.raises(ValidationError, match="only an incomplete"):
            framework(missing="items 17-30")
        assert not framework(complete=False, missing="items 17-30").complete

    @pytest.mark.parametrize("blank", ["", " ", "\t\n"])
    def test_incomplete_with_blank_missing_is_refused(self, blank: str) -> None:
        # Regression (issue 13): a blank 'missing' passed, and a fuzz test found it only on some runs.
        with pytest.raises(ValidationError) as exc:
            framework(complete=False, missing=blank)
        assert paths(exc) == ["missing"]

    def test_placeholders_must_occur(self) -> None:
        fw = framework(preamble="I, Mayor [name of mayor], pledge.", placeholders=("[name of mayor]",))
        assert fw.placeholders == ("[name of mayor]",)
        with pytest.raises(ValidationError) as exc:
            framework(preamble="I pledge.", placeholders=("[name of city]",))
        assert paths(exc) == ["placeholders[0]"]

    def test_needs_principles(self) -> None:
        with pytest.raises(ValidationError, match="at least one principle"):
            Framework(
                id="ex",
                family="ex",
                version="1",
                title="E",
                short_title="E",
                publisher="P",
                date="2024",
                kind="pledge",
                data_version="1",
                citation=SRC,
                principles=(),
            )


def test_framework_date_note_is_optional_and_never_blank() -> None:
    from policeframeworks import io as pf_io
    from policeframeworks import load_catalog

    held = {fw.id: fw.date_note for fw in load_catalog() if fw.date_note is not None}
    assert set(held) == {"peel-principles", "policylink-2014", "policylink-pledge"}
    fw = load_catalog().framework("policylink-pledge")
    assert pf_io.from_dict(pf_io.to_dict(fw), Framework) == fw
    with pytest.raises(ValidationError, match="date_note: must not be empty"):
        attrs.evolve(fw, date_note=" ")
