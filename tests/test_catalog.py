"""The catalog: the bundled frameworks, lookups, search and user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policeframeworks import (
    Catalog,
    DataFileError,
    Framework,
    Theme,
    UnknownIdError,
    ValidationError,
    io,
    load_catalog,
)
from policeframeworks._ids import is_framework_id, is_principle_id

CATALOG = load_catalog()
SEEDS = ["uscm-2020", "8cantwait-2020", "ilacp-naacp-2018", "policylink-2014", "policylink-pledge"]


def test_seed_frameworks_in_order_with_counts() -> None:
    assert list(CATALOG.framework_ids[:5]) == SEEDS
    counts = [len(CATALOG.framework(i).principles) for i in SEEDS]
    assert counts == [6, 8, 10, 7, 7]


def test_uscm_sanctity_of_life_has_its_sub_provisions() -> None:
    sol = CATALOG.principle("uscm-2020:sanctity-of-life")
    children = " ".join(c.text.lower() for c in sol.children)
    for words in (
        "the duty to protect all human life",
        "intervene",
        "minimum amount of force",
        "chokeholds",
        "de-escalation",
        "peer intervention",
        "moving vehicles",
        "car pursuits",
        "foot pursuits",
    ):
        assert words in children, words
    assert len(sol.children) == 9
    # Every child is an excerpt of the parent's text (the parts around an ellipsis each appear in it).
    for child in sol.children:
        for part in child.text.split(" … "):
            assert part.strip(" …") in sol.text, (child.id, part)


def test_uscm_transparency_children_and_peel_framing() -> None:
    ta = next(p for p in CATALOG.framework("uscm-2020").principles if p.title.startswith("Transparency"))
    text = " ".join(c.text.lower() for c in ta.children)
    for words in (
        "build trust and legitimacy through transparency",
        "policies publicly available",
        "body cameras",
        "prompt release",
        "collective bargaining",
        "state laws",
    ):
        assert words in text, words
    for child in ta.children:
        for part in child.text.split(" … "):
            assert part.strip(" …") in ta.text, (child.id, part)
    framing = CATALOG.framework("uscm-2020").framing
    assert len(framing) == 1
    assert "Peel" in framing[0].text


def test_every_framework_and_principle_has_provenance() -> None:
    for fw in CATALOG:
        assert fw.citation.url.startswith(("http://", "https://")), fw.id
        for p in [*fw.iter_principles(), *fw.framing]:
            assert p.citation.url.startswith(("http://", "https://")), p.id
            assert p.themes, p.id
            assert is_principle_id(p.id)
            assert p.framework_id == fw.id


def test_ids_unique_across_catalog() -> None:
    ids = [p.id for fw in CATALOG for p in [*fw.iter_principles(), *fw.framing]]
    assert len(ids) == len(set(ids))
    assert all(is_framework_id(i) for i in CATALOG.framework_ids)


def test_pledge_keeps_its_placeholders() -> None:
    pledge = CATALOG.framework("policylink-pledge")
    assert "[name of city]" in pledge.placeholders
    assert pledge.preamble is not None
    assert all(ph in pledge.preamble for ph in pledge.placeholders)


def test_ilacp_is_not_called_iacp() -> None:
    fw = CATALOG.framework("ilacp-naacp-2018")
    assert "Illinois Association of Chiefs of Police" in fw.publisher
    assert any("IACP" in n for n in fw.notes)


def test_quotations_only_where_verified() -> None:
    # The ILACP/NAACP long forms of principles 8-10 are not verified: never shipped as verbatim.
    fw = CATALOG.framework("ilacp-naacp-2018")
    for p in fw.principles[7:]:
        assert p.wording != "verbatim", p.id


def test_lookups_and_suggestions() -> None:
    assert CATALOG.framework_of("uscm-2020:sanctity-of-life/chokehold-ban").id == "uscm-2020"
    assert "uscm-2020:sanctity-of-life" in CATALOG
    assert "uscm-2020" in CATALOG
    assert "nope:x" not in CATALOG
    assert 3 not in CATALOG
    with pytest.raises(UnknownIdError) as exc:
        CATALOG.principle("uscm-2020:sanctity-of-lif")
    assert exc.value.suggestions[0] == "uscm-2020:sanctity-of-life"
    with pytest.raises(UnknownIdError) as exc2:
        CATALOG.principle("uscm:sanctity-of-life")
    assert "uscm-2020:sanctity-of-life" in exc2.value.suggestions
    with pytest.raises(KeyError):
        CATALOG.framework("8cantwait")


def test_search() -> None:
    hits = CATALOG.search("moving vehicles")
    assert {p.framework_id for p in hits} >= {"uscm-2020", "8cantwait-2020"}
    intervene = CATALOG.search(theme=Theme.DUTY_TO_INTERVENE)
    assert all(Theme.DUTY_TO_INTERVENE in p.themes for p in intervene)
    assert CATALOG.search("MOVING  Vehicles") == hits
    assert len(CATALOG.search()) == sum(1 for _ in CATALOG.iter_principles())
    with pytest.raises(ValidationError) as exc:
        CATALOG.search(theme="use of force")
    assert exc.value.problems[0].suggestion == "use-of-force"


def test_cached() -> None:
    assert load_catalog() is load_catalog()
    assert load_catalog().data_version


def _write(fw: Framework, path: Path) -> Path:
    io.dump(fw, path)
    return path


def _renamed(fw_id: str, new_id: str) -> dict[str, object]:
    text = io.dumps(CATALOG.framework(fw_id)).replace(f'"{fw_id}:', f'"{new_id}:')
    data = json.loads(text)
    data["id"] = new_id
    return data


def test_read_catalog_adds_user_frameworks(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(json.dumps(_renamed("policylink-2014", "my-city")), encoding="utf-8")
    both = io.read_catalog(tmp_path / "mine.json", include_bundled=True)
    assert both.framework_ids[-1] == "my-city"
    assert both.sources["my-city"] == str(tmp_path / "mine.json")
    alone = io.read_catalog(tmp_path)
    assert alone.framework_ids == ("my-city",)


def test_read_catalog_reports_every_problem_in_every_file(tmp_path: Path) -> None:
    a = _renamed("policylink-2014", "city-a")
    a["principles"][0]["wording"] = "verbatum"  # type: ignore[index]
    b = _renamed("policylink-2014", "city-b")
    b["kind"] = "pledges"
    (tmp_path / "a.json").write_text(json.dumps(a), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(b), encoding="utf-8")
    _write(CATALOG.framework("uscm-2020"), tmp_path / "c.toml")  # clashes with the bundled id
    with pytest.raises(ValidationError) as exc:
        io.read_catalog(tmp_path, include_bundled=True)
    lines = [str(p) for p in exc.value.problems]
    assert len(lines) == 3
    assert lines[0].startswith(str(tmp_path / "a.json") + ": principles[0].wording")
    assert lines[1].startswith(str(tmp_path / "b.json") + ": kind")
    assert "already in the catalog" in lines[2]


def test_read_catalog_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        io.read_catalog(tmp_path / "missing.toml")
    with pytest.raises(DataFileError, match="holds no"):
        io.read_catalog(tmp_path)


@pytest.mark.parametrize("include_bundled", [True, False])
def test_from_paths_is_a_deprecated_alias_of_read_catalog(tmp_path: Path, include_bundled: bool) -> None:
    (tmp_path / "mine.json").write_text(json.dumps(_renamed("policylink-2014", "my-city")), encoding="utf-8")
    with pytest.warns(DeprecationWarning, match=r"io\.read_catalog\(\*paths, include_bundled=") as caught:
        old = Catalog.from_paths(tmp_path, include_bundled=include_bundled)
    assert caught[0].filename == __file__  # the caller's line, not the library's
    new = io.read_catalog(tmp_path, include_bundled=include_bundled)
    assert old == new
    assert dict(old.sources) == dict(new.sources)
    assert old.endorsements == new.endorsements
    assert old.framework_ids[-1] == "my-city"


def test_catalog_rejects_duplicate_frameworks() -> None:
    fw = CATALOG.framework("uscm-2020")
    with pytest.raises(ValidationError, match="duplicate framework id"):
        Catalog([fw, fw])


def test_repr_is_short_and_pretty_printers_agree() -> None:
    from hypothesis.vendor.pretty import pretty

    ids = CATALOG.framework_ids
    more = f", and {len(ids) - 5} more" if len(ids) > 6 else ""
    shown = ids[:5] if more else ids
    assert repr(CATALOG) == f"Catalog({len(ids)} frameworks: {', '.join(shown)}{more})"
    assert pretty(CATALOG) == repr(CATALOG)
    assert pretty([CATALOG]) == f"[{CATALOG!r}]"
    assert len(repr(CATALOG)) < 200


@pytest.mark.parametrize("n", [0, 1, 2, 6, 7, 11])
def test_repr_lists_at_most_six_ids(n: int) -> None:
    frameworks = CATALOG.frameworks[:n]
    text = repr(Catalog(frameworks, bundled_crosswalks=False))
    noun = "framework" if n == 1 else "frameworks"
    ids = [fw.id for fw in frameworks]
    if n == 0:
        assert text == "Catalog(0 frameworks)"
    elif n <= 6:
        assert text == f"Catalog({n} {noun}: {', '.join(ids)})"
    else:
        assert text == f"Catalog({n} {noun}: {', '.join(ids[:5])}, and {n - 5} more)"
