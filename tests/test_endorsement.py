"""Endorsements and adoptions: the model, the bundled file and the catalog queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import (
    Catalog,
    Citation,
    Endorsement,
    EndorsementSet,
    EndorserKind,
    Relation,
    UnknownIdError,
    ValidationError,
    io,
    load_catalog,
)

SRC = Citation(publisher="X", title="Y", url="https://example.org")
USCM = "The United States Conference of Mayors"


def test_the_bundled_endorsements_are_the_ones_the_issue_lists() -> None:
    found = {(e.endorser, e.relation.value, e.target, e.via) for e in load_catalog().endorsements}
    assert found == {
        ("Illinois Municipal League", "endorsed", "ilacp-naacp-2018", None),
        (USCM, "adopted", "uscm-2020", None),
        (
            "Illinois Association of Chiefs of Police and NAACP Illinois State Conference",
            "endorsed",
            "21cp-2015",
            "ilacp-naacp-2018:21st-century-policing-pillars",
        ),
        (USCM, "builds-on", "21cp-2015", None),
        (USCM, "builds-on", "perf-2016", None),
        (USCM, "builds-on", "peel-principles", None),
        (USCM, "endorsed", "peel-principles", "uscm-2020:peel-framing"),
        ("Campaign Zero", "integrates", "21cp-2015", "campaignzero-2015"),
        ("#8toAbolition", "answers", "8cantwait-2020", "8toabolition-2020"),
    }


def test_bundled_endorsements_have_citations_and_known_dates() -> None:
    cat = load_catalog()
    by_target = {(e.endorser, e.target): e for e in cat.endorsements}
    assert by_target[("Illinois Municipal League", "ilacp-naacp-2018")].date == "2020-06-16"
    assert by_target[(USCM, "uscm-2020")].date == "2020-06"
    for e in cat.endorsements:
        assert e.citation.url.startswith(("http://", "https://"))
        assert e.target in cat or e.target in cat.framework_ids
        if e.date is None:  # an unchecked date is said so
            assert any("date" in note.casefold() for note in e.notes)


def test_endorsements_of_a_framework_include_its_principles_and_filter_by_relation() -> None:
    cat = load_catalog()
    assert [e.endorser for e in cat.endorsements_of("21cp-2015")] == [
        "Illinois Association of Chiefs of Police and NAACP Illinois State Conference",
        USCM,
        "Campaign Zero",
    ]
    assert [e.endorser for e in cat.endorsements_of("21cp-2015", relation="integrates")] == ["Campaign Zero"]
    answers = cat.endorsements_of("8cantwait-2020")
    assert [e.relation for e in answers] == [Relation.ANSWERS]
    assert not answers[0].relation.is_support
    assert cat.endorsements_of("21cp-2015:building-trust-and-legitimacy") == ()


def test_endorsements_of_a_principle_target() -> None:
    e = Endorsement(
        endorser="Town",
        endorser_kind="jurisdiction",
        relation="adopted",
        target="perf-2016:first-aid",
        citation=SRC,
    )
    cat = Catalog(load_catalog().frameworks, endorsements=[e])
    assert cat.endorsements_of("perf-2016:first-aid") == (e,)
    assert cat.endorsements_of("perf-2016") == (e,)
    assert cat.endorsements_of("perf-2016:proportionality") == ()


def test_endorsed_by_ignores_case_and_suggests_names() -> None:
    cat = load_catalog()
    assert len(cat.endorsed_by(USCM.upper())) == 5
    assert [e.target for e in cat.endorsed_by(USCM, relation=Relation.ADOPTED)] == ["uscm-2020"]
    with pytest.raises(UnknownIdError) as info:
        cat.endorsed_by("Campaign Zeroo")
    assert info.value.suggestions == ("Campaign Zero",)


def test_query_errors() -> None:
    cat = load_catalog()
    with pytest.raises(UnknownIdError):
        cat.endorsements_of("21cp-2016")
    with pytest.raises(UnknownIdError):
        cat.endorsements_of("21cp-2015:pillar-seven")
    with pytest.raises(ValidationError) as info:
        cat.endorsements_of("21cp-2015", relation="endorses")
    assert info.value.problems[0].suggestion == "endorsed"


@given(st.sampled_from([e.relation for e in load_catalog().endorsements] + [None]))
def test_every_endorsement_belongs_to_exactly_one_framework(relation: Relation | None) -> None:
    cat = load_catalog()
    per_framework = [e for fid in cat.framework_ids for e in cat.endorsements_of(fid, relation=relation)]
    wanted = [e for e in cat.endorsements if relation is None or e.relation is relation]
    assert sorted(map(id, per_framework)) == sorted(map(id, wanted))
    per_endorser = [e for name in cat.endorsers for e in cat.endorsed_by(name, relation=relation)]
    assert sorted(map(id, per_endorser)) == sorted(map(id, wanted))


def test_model_validation_lists_every_problem() -> None:
    with pytest.raises(ValidationError) as info:
        Endorsement(
            endorser=" ",
            endorser_kind="city",
            relation="adopts",
            target="Not An Id",
            date="June 2020",
            via="8cantwait-2020:duty-to-intervene",
            citation=SRC,
        )
    assert [p.path for p in info.value.problems] == [
        "endorser",
        "endorser_kind",
        "relation",
        "target",
        "date",
    ]
    with pytest.raises(ValidationError, match="target's own framework"):
        Endorsement(
            endorser="X",
            endorser_kind=EndorserKind.GROUP,
            relation="answers",
            target="8cantwait-2020",
            via="8cantwait-2020:duty-to-intervene",
            citation=SRC,
        )


def test_catalog_rejects_endorsements_of_unknown_ids() -> None:
    e = Endorsement(
        endorser="X", endorser_kind="group", relation="endorsed", target="8cantwait-2021", citation=SRC
    )
    with pytest.raises(ValidationError) as info:
        Catalog(load_catalog().frameworks, endorsements=[e])
    problem = info.value.problems[0]
    assert problem.path == "endorsements[0].target"
    assert problem.suggestion == "8cantwait-2020"


def test_endorsement_files_round_trip_and_load_strictly(tmp_path: Path) -> None:
    bundled = EndorsementSet(data_version="1", endorsements=load_catalog().endorsements)
    for suffix in (".toml", ".json"):
        path = tmp_path / f"e{suffix}"
        io.dump(bundled, path)
        assert io.load(path) == bundled
    data = io.to_dict(bundled)
    data["endorsements"][0]["relation"] = "endorse"
    data["endorsements"][1]["date"] = 2020
    with pytest.raises(ValidationError) as info:
        io.from_dict(data, EndorsementSet, file="mine.toml")
    problems = {p.path: p for p in info.value.problems}
    assert problems["endorsements[0].relation"].suggestion == "endorsed"
    assert "expected a string" in problems["endorsements[1].date"].message


def test_read_catalog_adds_endorsement_files_and_names_the_file_on_error(tmp_path: Path) -> None:
    mine = Endorsement(
        endorser="Example City",
        endorser_kind="jurisdiction",
        relation="adopted",
        target="peel-principles",
        citation=SRC,
    )
    good = tmp_path / "good.toml"
    io.dump(EndorsementSet(data_version="1", endorsements=(mine,)), good)
    cat = io.read_catalog(good, include_bundled=True)
    assert cat.endorsed_by("example city") == (mine,)
    assert len(cat.endorsements) == len(load_catalog().endorsements) + 1
    # Without the bundled frameworks, the target is unknown: the error names the file and the record.
    with pytest.raises(ValidationError) as info:
        io.read_catalog(good)
    assert info.value.problems[0].file == str(good)
    assert info.value.problems[0].path == "endorsements[0].target"
