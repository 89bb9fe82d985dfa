from __future__ import annotations

import csv
import io as stdio
import logging
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policeframeworks import Crosswalk, Mapping, Relationship, Review, ValidationError, io, load_catalog
from policeframeworks.testing import strategies as pfst

sssom_parsers = pytest.importorskip("sssom.parsers")
sssom_validators = pytest.importorskip("sssom.validators")
sssom_util = pytest.importorskip("sssom.util")

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CW = load_catalog().crosswalk


def records(text: str) -> list[dict[str, str]]:
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return list(csv.DictReader(stdio.StringIO(body), delimiter="\t"))


def mapping(source: str, relationship: str, target: str, strength: int) -> Mapping:
    return Mapping(
        source=source,
        relationship=relationship,
        target=target,
        rationale_type="semantic",
        strength=strength,
        basis="analytic",
        rationale="r",
        mapped_by="me",
    )


def validate_with_sssom(path: Path) -> list[str]:
    """Every message the sssom package's own validators give for a file (empty when valid)."""
    logging.getLogger().setLevel(logging.CRITICAL)  # the package logs each extension column it skips
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its own pandas deprecation warnings, not ours
        msdf = sssom_parsers.parse_sssom_table(path)
        reports = sssom_validators.validate(msdf, fail_on_error=False)
    return [result.message for report in reports.values() for result in report.results]


def has_nul_text(data: object) -> bool:
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, dict):
        return any(has_nul_text(v) for v in data.values())
    if isinstance(data, list):
        return any(has_nul_text(v) for v in data)
    return False


# ------------------------------------------------------------------ round trips


def test_bundled_crosswalk_round_trips_through_text_and_file(tmp_path: Path) -> None:
    text = io.crosswalk_to_sssom(CW)
    assert io.crosswalk_from_sssom(text) == CW
    path = tmp_path / "cw.sssom.tsv"
    io.write_sssom(CW, path)
    assert path.read_text(encoding="utf-8") == text
    assert io.read_sssom(path) == CW


@SETTINGS
@given(cw=pfst.crosswalks(max_size=10))
def test_generated_crosswalks_round_trip(cw: Crosswalk, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("sssom") / "cw.sssom.tsv"
    has_nul = any(has_nul_text(io.to_dict(m)) for m in cw.mappings)
    if has_nul:  # refused at write time, with the field named, and nothing written
        with pytest.raises(ValidationError, match=r"mappings\[\d+\]\.[\w.]+: holds a NUL"):
            io.write_sssom(cw, path)
        assert not path.exists()
        return
    io.write_sssom(cw, path)
    assert io.read_sssom(path, catalog=cw.catalog) == cw


# The sssom validator takes about a second a file, so fewer examples.
@settings(SETTINGS, max_examples=5)
@given(cw=pfst.crosswalks(min_size=1, max_size=10))
def test_generated_crosswalks_pass_the_sssom_validator(
    cw: Crosswalk, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("sssom") / "cw.sssom.tsv"
    try:
        io.write_sssom(cw, path)
    except ValidationError:
        return  # a NUL character: refused at write time (tested above)
    assert validate_with_sssom(path) == []


@SETTINGS
@given(
    cw=pfst.crosswalks(max_size=4),
    text=st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1
    ),
)
def test_any_rationale_text_round_trips(cw: Crosswalk, text: str) -> None:
    assume(text.strip() and not any(has_nul_text(io.to_dict(m)) for m in cw.mappings))

    changed = Crosswalk([attrs.evolve(m, rationale=text) for m in cw.mappings], catalog=cw.catalog)
    assert io.crosswalk_from_sssom(io.crosswalk_to_sssom(changed), catalog=cw.catalog) == changed


# ------------------------------------------------------------------ the ecosystem's own validator


def test_bundled_export_passes_the_sssom_validator(tmp_path: Path) -> None:
    path = tmp_path / "cw.sssom.tsv"
    io.write_sssom(CW.with_mappings(CHAIN.mappings), path, include_derived=True)
    assert validate_with_sssom(path) == []


def test_the_validator_check_can_fail(tmp_path: Path) -> None:
    # The same file with a justification outside the SEMAPV vocabulary must be rejected by the validator,
    # so the test above is not vacuous.
    path = tmp_path / "bad.sssom.tsv"
    path.write_text(io.crosswalk_to_sssom(CW).replace("semapv:ManualMappingCuration", "semapv:Guessing"))
    assert validate_with_sssom(path) != []


# ------------------------------------------------------------------ direction and vocabulary


@pytest.mark.parametrize(
    ("relationship", "strength", "predicate", "modifier", "confidence"),
    [
        ("equal", 10, "skos:exactMatch", "", "1.0"),
        ("subset", 7, "skos:broadMatch", "", "0.7"),
        ("superset", 3, "skos:narrowMatch", "", "0.3"),
        ("intersects", 5, "skos:relatedMatch", "", "0.5"),
        ("no_relationship", 0, "skos:relatedMatch", "Not", ""),
    ],
)
def test_each_relationship_has_its_predicate(
    relationship: str, strength: int, predicate: str, modifier: str, confidence: str
) -> None:
    m = mapping(
        "8cantwait-2020:duty-to-intervene",
        relationship,
        "uscm-2020:sanctity-of-life/duty-to-intervene",
        strength,
    )
    (row,) = records(io.crosswalk_to_sssom(Crosswalk([m])))
    assert (row["predicate_id"], row["predicate_modifier"], row["confidence"]) == (
        predicate,
        modifier,
        confidence,
    )
    assert row["subject_id"] == "pf:8cantwait-2020:duty-to-intervene"
    assert row["ir8477_relationship"] == relationship


def test_subset_reads_as_the_object_being_broader() -> None:
    # "A subset B": A's content lies within B, so B is the broader concept: A skos:broadMatch B.
    # Reading the same fact from B's side must give the inverse predicate, as SKOS defines it.
    m = mapping("policylink-2014:training", "subset", "policylink-pledge:training", 9)
    (forward,) = records(io.crosswalk_to_sssom(Crosswalk([m])))
    (backward,) = records(io.crosswalk_to_sssom(Crosswalk([m.inverse()])))
    assert (forward["subject_id"], forward["predicate_id"], forward["object_id"]) == (
        "pf:policylink-2014:training",
        "skos:broadMatch",
        "pf:policylink-pledge:training",
    )
    assert (backward["subject_id"], backward["predicate_id"], backward["object_id"]) == (
        "pf:policylink-pledge:training",
        "skos:narrowMatch",
        "pf:policylink-2014:training",
    )


def test_sssom_packages_own_inversion_agrees_with_ours(tmp_path: Path) -> None:
    positive = Crosswalk([m for m in CW.mappings if m.relationship is not Relationship.NO_RELATIONSHIP])
    path = tmp_path / "cw.sssom.tsv"
    io.write_sssom(positive, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        msdf = sssom_parsers.parse_sssom_table(path)
        theirs = sssom_util.invert_mappings(msdf.df, merge_inverted=False)
    ours = records(io.crosswalk_to_sssom(Crosswalk([m.inverse() for m in positive.mappings])))
    got = {(r["subject_id"], r["predicate_id"], r["object_id"]) for _, r in theirs.iterrows()}
    want = {(r["subject_id"], r["predicate_id"], r["object_id"]) for r in ours}
    assert got == want


CHAIN = Crosswalk(
    [
        mapping("policylink-2014:training", "equal", "ilacp-naacp-2018:de-escalation-training", 10),
        mapping(
            "ilacp-naacp-2018:de-escalation-training",
            "subset",
            "uscm-2020:sanctity-of-life/de-escalation-and-critical-incident-training",
            5,
        ),
    ]
)


def test_derived_mappings_are_chained_records() -> None:
    assert CHAIN.derive()  # the chain composes: equal then subset gives subset
    rows = records(io.crosswalk_to_sssom(CHAIN, include_derived=True))
    chained = [r for r in rows if r["mapping_justification"] == "semapv:MappingChaining"]
    assert len(chained) == len(CHAIN.derive())
    assert {(r["subject_id"], r["predicate_id"], r["object_id"], r["derived_via"]) for r in chained} >= {
        (
            "pf:policylink-2014:training",
            "skos:broadMatch",
            "pf:uscm-2020:sanctity-of-life/de-escalation-and-critical-incident-training",
            "ilacp-naacp-2018:de-escalation-training",
        )
    }


def test_basis_has_its_justification() -> None:
    rows = records(io.crosswalk_to_sssom(CW))
    by_basis = {(r["mapping_justification"]) for r in rows}
    assert by_basis == {"semapv:ManualMappingCuration", "semapv:BackgroundKnowledgeBasedMatching"}
    explicit = [m for m in CW.mappings if m.basis.value == "explicit"]
    cited = [r for r in rows if r["mapping_justification"] == "semapv:BackgroundKnowledgeBasedMatching"]
    assert len(cited) == len(explicit)
    assert all(r["citation_url"].startswith("http") for r in cited)


def test_derived_records_are_not_read_as_asserted() -> None:
    text = io.crosswalk_to_sssom(CHAIN, include_derived=True)
    assert io.crosswalk_from_sssom(text) == CHAIN
    with pytest.raises(ValidationError, match="chained"):
        io.crosswalk_from_sssom(text, derived="error")


# ------------------------------------------------------------------ bad input


def test_bad_records_are_reported_with_line_and_field() -> None:
    text = io.crosswalk_to_sssom(Crosswalk(CW.mappings[:3]))
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1  # the first record
    cells = lines[first].rstrip("\n").split("\t")
    cells[2] = "skos:exactMatch"
    cells[3] = "Not"
    lines[first] = "\t".join(cells) + "\n"
    with pytest.raises(ValidationError) as info:
        io.crosswalk_from_sssom("".join(lines), file="x.sssom.tsv")
    message = str(info.value)
    assert "x.sssom.tsv" in message
    assert f"line {first + 1}.predicate_modifier" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('pf: "urn:policeframeworks:"', 'pf: "urn:other:"', "curie_map"),
        ("\tconfidence\t", "\tconfidence\t", None),
    ],
)
def test_header_problems(old: str, new: str, expected: str | None) -> None:
    text = io.crosswalk_to_sssom(Crosswalk(CW.mappings[:2])).replace(old, new)
    if expected is None:
        assert io.crosswalk_from_sssom(text) == Crosswalk(CW.mappings[:2])
    else:
        with pytest.raises(ValidationError, match=expected):
            io.crosswalk_from_sssom(text)


def test_confidence_must_be_in_tenths() -> None:
    text = io.crosswalk_to_sssom(
        Crosswalk([mapping("policylink-2014:training", "subset", "policylink-pledge:training", 9)])
    )
    with pytest.raises(ValidationError, match="tenths"):
        io.crosswalk_from_sssom(text.replace("\t0.9\t", "\t0.95\t"))


def test_a_file_from_another_tool_without_our_slots() -> None:
    text = (
        '#curie_map:\n#  pf: "urn:policeframeworks:"\n#mapping_set_id: urn:x\n#license: https://example.org/l\n'
        "subject_id\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\tauthor_label\tcomment\n"
        "pf:8cantwait-2020:duty-to-intervene\tskos:relatedMatch\tNot\tpf:uscm-2020:community\t"
        "semapv:ManualMappingCuration\tme\tNothing shared.\n"
    )
    (m,) = io.crosswalk_from_sssom(text).mappings
    assert (m.relationship, m.strength, m.rationale_type.value) == (
        Relationship.NO_RELATIONSHIP,
        0,
        "semantic",
    )


def test_a_missing_required_column_is_named() -> None:
    text = '#curie_map:\n#  pf: "urn:policeframeworks:"\nsubject_id\tobject_id\n'
    with pytest.raises(ValidationError, match="predicate_id"):
        io.crosswalk_from_sssom(text)


def test_crosswalk_load_reads_sssom_files_by_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.sssom.tsv"
    io.write_sssom(CHAIN, path)
    assert io.read_crosswalk(path) == CHAIN
    assert io.read_crosswalk(path, include_bundled=True).mappings[-2:] == CHAIN.mappings


def test_declared_reviews_are_mapping_set_metadata(tmp_path: Path) -> None:
    reviewed = CHAIN.with_reviews(
        [
            Review(
                source="policylink-2014",
                target="ilacp-naacp-2018",
                scope="complete",
                reviewer="me",
                date="2026",
            )
        ]
    )
    text = io.crosswalk_to_sssom(reviewed)
    assert "#complete_reviews:" in text
    assert io.crosswalk_from_sssom(text) == reviewed
    path = tmp_path / "reviewed.sssom.tsv"
    path.write_text(text, encoding="utf-8")
    assert validate_with_sssom(path) == []


def test_a_broken_review_declaration_is_named() -> None:
    text = io.crosswalk_to_sssom(
        CHAIN.with_reviews(
            [
                Review(
                    source="policylink-2014",
                    target="ilacp-naacp-2018",
                    scope="complete",
                    reviewer="me",
                    date="2026",
                )
            ]
        )
    ).replace('\\"scope\\": \\"complete\\"', '\\"scope\\": \\"most\\"')
    with pytest.raises(ValidationError, match=r"complete_reviews\[0\]\.scope"):
        io.crosswalk_from_sssom(text)
