"""The bundled frameworks beyond the five seeds: counts, provenance, ids, incompleteness, correspondences."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
from policeframeworks import (
    Catalog,
    Framework,
    Principle,
    ValidationError,
    Wording,
    io,
    load_catalog,
)

SEEDS = ["uscm-2020", "8cantwait-2020", "ilacp-naacp-2018", "policylink-2014", "policylink-pledge"]
NEW = [
    "21cp-2015",
    "campaignzero-2015",
    "useofforce-2016",
    "peel-principles",
    "8toabolition-2020",
    "perf-2016",
]
DATA_SRC = Path(__file__).resolve().parents[1] / "data-src"


def test_catalog_holds_the_seeds_first_then_the_new_frameworks() -> None:
    ids = list(load_catalog().framework_ids)
    assert ids[:5] == SEEDS
    assert set(NEW) <= set(ids)
    assert len(ids) >= 11


@pytest.mark.parametrize(
    ("framework_id", "top_level", "kind"),
    [
        ("21cp-2015", 6, "pillars"),
        ("campaignzero-2015", 10, "platform"),
        ("useofforce-2016", 8, "policy-checklist"),
        ("peel-principles", 9, "principles"),
        ("8toabolition-2020", 8, "platform"),
        ("perf-2016", 17, "principles"),
    ],
)
def test_counts_and_kinds(framework_id: str, top_level: int, kind: str) -> None:
    fw = load_catalog().framework(framework_id)
    assert len(fw.principles) == top_level
    assert fw.kind.value == kind


def test_campaign_zero_components_follow_the_verified_counts_where_modelled() -> None:
    fw = load_catalog().framework("campaignzero-2015")
    # 3, 2, 4, 4, 2, 2, 2, 4, 2, 3 in the 2015-2016 platform; areas 9 and 10 are held without components.
    assert [len(p.children) for p in fw.principles] == [3, 2, 4, 4, 2, 2, 2, 4, 0, 0]
    assert all(c.wording is Wording.PARAPHRASE for p in fw.principles for c in p.children)
    assert not fw.complete
    assert fw.missing is not None
    assert "Demilitarization" in fw.missing
    assert "Fair Police Union Contracts" in fw.missing


def test_21cp_records_the_recommendation_counts_and_the_modelled_level() -> None:
    fw = load_catalog().framework("21cp-2015")
    notes = " ".join(fw.notes)
    assert "59 recommendations" in notes
    assert "92 action items" in notes
    assert "modelled level is the six pillars" in notes
    assert [p.number for p in fw.principles] == ["One", "Two", "Three", "Four", "Five", "Six"]


def test_perf_is_incomplete_and_says_which_principles_are_missing() -> None:
    fw = load_catalog().framework("perf-2016")
    assert not fw.complete
    assert fw.missing is not None
    assert "17, 18, 19 and 21 to 30" in fw.missing
    held = [int(p.number) for p in fw.principles if p.number is not None]
    assert held == [*range(1, 17), 20]


def test_incomplete_lists_exactly_the_frameworks_marked_so() -> None:
    cat = load_catalog()
    assert cat.incomplete() == tuple(fw for fw in cat if not fw.complete)
    assert {fw.id for fw in cat.incomplete()} == {"21cp-2015", "campaignzero-2015", "perf-2016"}
    assert all(fw.missing for fw in cat.incomplete())


def test_peel_records_attribution_and_chosen_wording() -> None:
    fw = load_catalog().framework("peel-principles")
    notes = " ".join(fw.notes)
    assert "Lentz and Chaires (2007" in notes
    assert "Moskos" in notes
    assert "Wording chosen" in notes
    # The items were checked against reproductions that cannot be cited, and the date is an attribution.
    assert {p.wording.value for p in fw.iter_principles()} == {"paraphrase"}
    assert fw.date_note is not None
    assert fw.date_note.startswith("Attributed")


def test_the_2016_and_2020_lists_share_one_family() -> None:
    cat = load_catalog()
    assert cat.framework("useofforce-2016").family == cat.framework("8cantwait-2020").family
    assert [fw.id for fw in cat.family("campaign-zero-eight")] == ["useofforce-2016", "8cantwait-2020"]


def _everything(fw: Framework) -> list[Principle]:
    return [*fw.iter_principles(), *(p for top in fw.framing for p in top.walk())]


@pytest.mark.parametrize("framework_id", load_catalog().framework_ids)
def test_every_principle_has_a_theme_and_a_citation_with_an_address(framework_id: str) -> None:
    fw = load_catalog().framework(framework_id)
    assert fw.citation.url.startswith(("http://", "https://"))
    for p in _everything(fw):
        assert p.themes, p.id
        assert p.citation.url.startswith(("http://", "https://")), p.id
        assert p.citation.locator, p.id


def test_ids_are_unique_across_the_catalog() -> None:
    cat = load_catalog()
    ids = [p.id for fw in cat for p in _everything(fw)]
    assert len(ids) == len(set(ids))
    assert len(cat.framework_ids) == len(set(cat.framework_ids))


def test_new_frameworks_say_how_their_wording_was_checked() -> None:
    # Every held principle of the new frameworks carries a note on its provenance.
    for fw_id in NEW:
        for p in load_catalog().framework(fw_id).iter_principles():
            assert p.notes, p.id


@given(st.sampled_from(NEW))
def test_new_frameworks_round_trip_through_plain_data(framework_id: str) -> None:
    fw = load_catalog().framework(framework_id)
    assert io.from_dict(io.to_dict(fw), Framework) == fw


def test_draft_id_map_resolves_every_row_to_the_catalog() -> None:
    cat = load_catalog()
    with (DATA_SRC / "draft-id-map.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    drafts = [r["draft_id"] for r in rows]
    assert len(drafts) == len(set(drafts))
    for row in rows:
        assert row["catalog_id"] in cat or row["catalog_id"] in cat.framework_ids, row
    prefixes = {d.split(".")[0] for d in drafts}
    assert {"21cp", "cz10", "peel", "abol", "perf", "cz8-2016"} <= prefixes


# corresponds_to: validated on the principle, the framework and the catalog


def _p(pid: str, *, corresponds_to: tuple[str, ...] = (), text: str = "t") -> Principle:
    return builders.principle(pid, corresponds_to=corresponds_to, text=text)


def _fw(fid: str, *principles: Principle, family: str = "ex") -> Framework:
    return builders.framework(fid, *principles, family=family)


def test_corresponds_to_must_name_principles_of_other_versions_once_each() -> None:
    with pytest.raises(ValidationError) as info:
        _p("ex-1:a", corresponds_to=("not an id", "ex-1:b", "ex-2:a", "ex-2:b"))
    paths = [p.path for p in info.value.problems]
    assert paths == ["corresponds_to[0]", "corresponds_to[1]", "corresponds_to[3]"]
    assert "at most one principle per version" in info.value.problems[2].message


def test_two_principles_may_not_declare_the_same_counterpart() -> None:
    with pytest.raises(ValidationError) as info:
        _fw("ex-1", _p("ex-1:a", corresponds_to=("ex-2:z",)), _p("ex-1:b", corresponds_to=("ex-2:z",)))
    assert info.value.problems[0].path == "principles[1].corresponds_to[0]"


def test_catalog_checks_declared_counterparts_it_holds() -> None:
    old = _fw("ex-1", _p("ex-1:a", corresponds_to=("ex-2:zz",)))
    new = _fw("ex-2", _p("ex-2:z"))
    with pytest.raises(ValidationError) as info:
        Catalog([old, new])
    assert "has no principle 'ex-2:zz'" in str(info.value)
    assert info.value.problems[0].suggestion == "ex-2:z"
    other_family = _fw("ex-2", _p("ex-2:zz"), family="other")
    with pytest.raises(ValidationError, match="not this framework's family"):
        Catalog([old, other_family])
    # A version outside the catalog cannot be checked, and is allowed.
    assert Catalog([old]).framework_ids == ("ex-1",)
