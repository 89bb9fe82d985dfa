"""The assessment model, honest scoring, the bundled Kankakee seed, and JSON round trips."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
from policeframeworks import (
    Assessment,
    Evidence,
    Finding,
    Framework,
    Jurisdiction,
    Method,
    Principle,
    Status,
    UnknownIdError,
    ValidationError,
    io,
    load_catalog,
    load_seed_assessments,
)

CW = "8cantwait-2020"
CW_IDS = load_catalog().framework(CW).principle_ids
CITY = Jurisdiction(name="Springfield", state="IL", kind="city")


def make(findings: dict[str, str], **kw: object) -> Assessment:
    base: dict[str, object] = {
        "jurisdiction": CITY,
        "framework_id": CW,
        "as_of": "2020-07-01",
        "assessor": "coder A",
        "method": "document-review",
        "findings": tuple(Finding(principle_id=p, status=s) for p, s in findings.items()),
    }
    base.update(kw)
    return Assessment(**base)  # type: ignore[arg-type]


# --- Kankakee, the bundled seed ---------------------------------------------------------------


def test_kankakee_score_says_one_known_five_reported_four_unnamed() -> None:
    (kankakee,) = load_seed_assessments()
    assert kankakee.jurisdiction == Jurisdiction(name="Kankakee", state="IL", kind="city")
    assert kankakee.jurisdiction.fips is None
    assert kankakee.jurisdiction.ori is None
    assert kankakee.method is Method.SELF_REPORT
    assert kankakee.as_of == "2020-06-15"
    s = kankakee.score()
    assert s.adopted_ids == ("8cantwait-2020:duty-to-intervene",)
    assert s.reported_total == 5
    assert s.unnamed_adopted == 4
    assert s.unknown == 7
    assert set(s.unknown_ids) == set(CW_IDS) - {"8cantwait-2020:duty-to-intervene"}
    assert s.not_adopted == 0, "unknown never counts as not adopted"
    assert (s.lower, s.upper, s.applicable) == (5, 5, 8)
    assert s.lower_fraction == s.upper_fraction == 5 / 8
    assert s.known == 1


def test_kankakee_evidence_is_the_statement_itself() -> None:
    (kankakee,) = load_seed_assessments()
    finding = kankakee.finding("8cantwait-2020:duty-to-intervene")
    assert finding is not None
    (ev,) = finding.evidence
    assert ev.url == (
        "https://mayorsinnovation.org/2020/06/15/ending-police-brutality-a-mayors-perspective-call-to-action/"
    )
    assert ev.date == "2020-06-15"
    assert ev.quote is not None
    assert ev.quote.startswith("Furthermore, Kankakee police officers have a mandatory duty to intercede")
    assert "five of the eight" in (kankakee.evidence[0].quote or "")


def test_seed_loading_is_cached() -> None:
    assert load_seed_assessments() is load_seed_assessments()


# --- Model validation -------------------------------------------------------------------------


def test_principle_of_another_framework_is_an_error() -> None:
    with pytest.raises(ValidationError, match=r"findings\[0\]\.principle_id: 'uscm-2020:community' is not"):
        make({"uscm-2020:community": "adopted"})


def test_unknown_principle_gets_did_you_mean() -> None:
    # Building reads no framework; the check against one is explicit.
    a = make({"8cantwait-2020:duty-to-intervne": "adopted"})
    with pytest.raises(ValidationError) as info:
        a.check(load_catalog().framework("8cantwait-2020"))
    assert info.value.problems[0].suggestion == "8cantwait-2020:duty-to-intervene"
    with pytest.raises(ValidationError):
        a.score()  # scoring against the (bundled) framework checks too


def test_framing_statement_cannot_be_assessed() -> None:
    a = Assessment(
        jurisdiction=CITY,
        framework_id="uscm-2020",
        as_of="2020",
        assessor="x",
        method="survey",
        findings=(Finding(principle_id="uscm-2020:peel-framing", status="adopted"),),
    )
    with pytest.raises(ValidationError, match="framing statement") as info:
        a.check(load_catalog().framework("uscm-2020"))
    assert info.value.problems[0].field == "principle_id"


def test_every_problem_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        Assessment(
            jurisdiction=CITY,
            framework_id=CW,
            as_of="June 2020",
            assessor="",
            method="guess",
            reported_total=-1,
            findings=(
                Finding(principle_id=CW_IDS[0], status="adopted"),
                Finding(principle_id=CW_IDS[0], status="partial"),
            ),
        )
    paths = [p.path for p in info.value.problems]
    assert paths == ["as_of", "assessor", "method", "reported_total", "findings[1].principle_id"]


def test_finding_status_word_checked_with_suggestion() -> None:
    with pytest.raises(ValidationError) as info:
        Finding(principle_id=CW_IDS[0], status="adopte")
    assert info.value.problems[0].suggestion == "adopted"


def test_jurisdiction_validation() -> None:
    with pytest.raises(ValidationError) as info:
        Jurisdiction(name=" Austin", state="Texas", kind="city", fips="48-05000", ori="TX123")
    assert [p.path for p in info.value.problems] == ["name", "state", "fips", "ori"]
    assert info.value.problems[1].suggestion == "TX"
    j = Jurisdiction(name="Austin", state="TX", kind="city", fips="4805000")
    assert j.fips == "4805000"


def test_jurisdiction_key_matches_spelling_variants_but_keeps_name() -> None:
    a = Jurisdiction(name="St. Paul", state="MN", kind="city")
    b = Jurisdiction(name="Saint Paul", state="MN", kind="city")
    assert a.key == b.key
    assert a.name == "St. Paul"
    assert a != b
    assert Jurisdiction(name="St. Paul", state="MN", kind="county").key != a.key


def test_jurisdiction_is_hashable_with_attributes() -> None:
    j = Jurisdiction(name="A", state=None, kind="agency", attributes={"size": "large"})
    assert hash(j) == hash(Jurisdiction(name="A", state=None, kind="agency", attributes={"size": "large"}))
    with pytest.raises(TypeError):
        j.attributes["size"] = "small"  # type: ignore[index]


def test_evidence_validation() -> None:
    with pytest.raises(ValidationError) as info:
        Evidence(title="", url="www.example.org", date="2020-13")
    assert [p.path for p in info.value.problems] == ["title", "date", "url"]


# --- Scoring ----------------------------------------------------------------------------------


def test_no_findings_is_all_unknown_never_not_adopted() -> None:
    s = make({}).score()
    assert (s.unknown, s.not_adopted, s.lower, s.upper, s.known) == (8, 0, 0, 8, 0)


def test_partial_counts_in_upper_only() -> None:
    s = make({CW_IDS[0]: "adopted", CW_IDS[1]: "partial", CW_IDS[2]: "not_adopted"}).score()
    assert (s.adopted, s.partial, s.not_adopted, s.unknown) == (1, 1, 1, 5)
    assert (s.lower, s.upper) == (1, 7)
    assert s.adopted_range == (1, 6)


def test_not_applicable_leaves_the_denominator() -> None:
    s = make({CW_IDS[0]: "not_applicable", CW_IDS[1]: "adopted"}).score()
    assert (s.applicable, s.scored, s.lower) == (7, 8, 1)
    assert s.lower_fraction == 1 / 7


def test_all_not_applicable_has_no_fraction() -> None:
    s = make(dict.fromkeys(CW_IDS, "not_applicable")).score()
    assert s.applicable == 0
    assert s.lower_fraction is None
    assert s.upper_fraction is None


def test_reported_total_tightens_bounds() -> None:
    s = make({CW_IDS[0]: "adopted", CW_IDS[1]: "partial", CW_IDS[2]: "not_adopted"}, reported_total=3).score()
    assert (s.lower, s.upper) == (3, 4)
    assert s.adopted_range == (3, 3)


@pytest.mark.parametrize(
    ("findings", "total", "message"),
    [
        (dict.fromkeys(CW_IDS[:6], "adopted"), 5, "but 6 findings say adopted"),
        ({}, 9, "only 8 principles apply"),
        ({CW_IDS[0]: "not_applicable"}, 8, "only 7 principles apply"),
        (dict.fromkeys(CW_IDS[:4], "not_adopted"), 5, "only 0 adopted and 4 unknown"),
    ],
)
def test_contradictory_reported_total(findings: dict[str, str], total: int, message: str) -> None:
    a = make(findings, reported_total=total)
    with pytest.raises(ValidationError, match=message):
        a.check(load_catalog().framework("8cantwait-2020"))


def test_reported_total_must_be_an_int() -> None:
    with pytest.raises(ValidationError, match="reported_total"):
        make({}, reported_total=True)


def _own_framework() -> Framework:
    def pr(pid: str, *children: Principle) -> Principle:
        return builders.principle(pid, *children, title=pid)

    return builders.framework("mine", pr("mine:a", pr("mine:a/x"), pr("mine:a/y")), pr("mine:b"))


def test_score_of_own_framework_counts_leaves_only() -> None:
    fw = _own_framework()
    a = Assessment(
        jurisdiction=CITY,
        framework_id="mine",
        as_of="2024",
        assessor="me",
        method="survey",
        findings=(
            Finding(principle_id="mine:a", status="adopted"),
            Finding(principle_id="mine:a/x", status="adopted"),
        ),
    )
    s = a.score(fw)
    assert (s.scored, s.adopted, s.unknown) == (3, 1, 2)
    assert s.unknown_ids == ("mine:a/y", "mine:b")


def test_score_of_unbundled_framework_needs_it() -> None:
    a = Assessment(jurisdiction=CITY, framework_id="mine", as_of="2024", assessor="me", method="survey")
    with pytest.raises(UnknownIdError):
        a.score()
    bad = attrs.evolve(a, findings=(Finding(principle_id="mine:c", status="adopted"),))
    with pytest.raises(ValidationError, match="not a principle of 'mine'"):
        bad.score(_own_framework())


def test_explain_names_everything() -> None:
    text = make({CW_IDS[0]: "adopted", CW_IDS[1]: "not_adopted"}).score().explain()
    assert f"1 not adopted: {CW_IDS[1]}" in text
    assert "at least 1 of 8, at most 7 of 8" in text


# --- Properties -------------------------------------------------------------------------------

statuses = st.sampled_from(list(Status))


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    chosen = draw(st.dictionaries(st.sampled_from(CW_IDS), statuses))
    a = make({k: str(v) for k, v in chosen.items()})
    if draw(st.booleans()):
        s = a.score()
        total = draw(st.integers(s.adopted, s.adopted + s.unknown))
        a = attrs.evolve(a, reported_total=total)
    return a


@given(assessments())
def test_bounds_always_hold(a: Assessment) -> None:
    s = a.score()
    assert 0 <= s.lower <= s.upper <= s.applicable <= s.scored
    lo, hi = s.adopted_range
    assert s.lower == lo <= hi <= s.upper
    assert sum(s.counts().values()) == s.scored
    assert s.adopted <= s.lower
    if s.applicable:
        assert s.lower_fraction is not None
        assert s.upper_fraction is not None
        assert 0.0 <= s.lower_fraction <= s.upper_fraction <= 1.0


@given(assessments())
def test_json_and_toml_round_trip(a: Assessment) -> None:
    data = io.to_dict(a)
    assert io.from_dict(data, Assessment) == a


def test_json_file_round_trip_and_load_without_class(tmp_path: object) -> None:
    import pathlib

    folder = pathlib.Path(str(tmp_path))
    (kankakee,) = load_seed_assessments()
    for suffix in ("json", "toml"):
        path = folder / f"k.{suffix}"
        io.dump(kankakee, path)
        assert io.load(path) == kankakee
        assert io.load(path, Assessment) == kankakee


def test_json_is_strict() -> None:
    data = io.to_dict(load_seed_assessments()[0])
    data["findings"][0]["status"] = "yes"
    data["reported_total"] = "5"
    with pytest.raises(ValidationError) as info:
        io.from_dict(data, Assessment)
    text = str(info.value)
    assert "reported_total: expected an integer" in text
    assert "findings[0].status: 'yes' is not one of" in text


# --- Projection (against the documented crosswalk interface, with a small fake crosswalk) -----

_INVERSE = {"subset": "superset", "superset": "subset"}


@attrs.frozen
class FakeMapping:
    source: str
    relationship: str
    target: str
    opposing: bool = False


class FakeCrosswalk:
    """``related(id)`` as documented: every mapping touching the id, read from its side."""

    def __init__(self, *mappings: tuple[str, str, str] | FakeMapping) -> None:
        self.mappings = [m if isinstance(m, FakeMapping) else FakeMapping(*m) for m in mappings]

    def related(self, principle_id: str, *, relationships: object = None) -> tuple[FakeMapping, ...]:
        out = []
        for m in self.mappings:
            if m.source == principle_id:
                out.append(m)
            elif m.target == principle_id:
                rel = _INVERSE.get(m.relationship, m.relationship)
                out.append(FakeMapping(principle_id, rel, m.source, m.opposing))
        return tuple(out)


U = "uscm-2020:sanctity-of-life"
U_DTI = f"{U}/duty-to-intervene"
U_CHOKE = f"{U}/chokehold-ban"
U_VEH = f"{U}/moving-vehicles"
U_MIN = f"{U}/minimum-force"
U_DEESC = f"{U}/de-escalation-and-critical-incident-training"
C = {
    name: f"8cantwait-2020:{name}"
    for name in (
        "duty-to-intervene",
        "ban-chokeholds-and-strangleholds",
        "ban-shooting-at-moving-vehicles",
        "require-de-escalation",
        "require-warning-before-shooting",
        "require-use-of-force-continuum",
    )
}


def test_projection_rules() -> None:
    source = make(
        {
            C["duty-to-intervene"]: "adopted",
            C["ban-chokeholds-and-strangleholds"]: "adopted",
            C["ban-shooting-at-moving-vehicles"]: "partial",
            C["require-de-escalation"]: "not_adopted",
            C["require-warning-before-shooting"]: "not_adopted",
            C["require-use-of-force-continuum"]: "unknown",
        },
        reported_total=2,
    )
    crosswalk = FakeCrosswalk(
        (C["duty-to-intervene"], "equal", U_DTI),  # adopted, covers -> adopted
        (U_CHOKE, "subset", C["ban-chokeholds-and-strangleholds"]),  # read from 8cw: superset -> adopted
        (C["ban-chokeholds-and-strangleholds"], "intersects", U_MIN),  # adopted, touches -> partial
        (C["ban-shooting-at-moving-vehicles"], "equal", U_VEH),  # partial covers -> partial
        (C["require-de-escalation"], "subset", U_DEESC),  # not adopted, not equal -> unknown
        (C["require-warning-before-shooting"], "equal", "uscm-2020:trust-and-legitimacy"),  # -> not_adopted
        (C["require-use-of-force-continuum"], "equal", "uscm-2020:community"),  # unknown source: nothing
        (C["duty-to-intervene"], "no_relationship", "uscm-2020:equality-and-due-process"),
        (C["duty-to-intervene"], "intersects", "uscm-2020"),  # a whole framework: skipped
        (C["duty-to-intervene"], "intersects", "uscm-2020:peel-framing"),  # framing: skipped
        FakeMapping(C["duty-to-intervene"], "intersects", "uscm-2020:redefining-the-role", opposing=True),
    )
    projected = source.project("uscm-2020", crosswalk)
    assert projected.method is Method.DERIVED
    assert projected.framework_id == "uscm-2020"
    assert projected.jurisdiction == source.jurisdiction
    assert projected.reported_total is None
    assert any("reported 2 adopted" in n for n in projected.notes)
    got = {f.principle_id: str(f.status) for f in projected.findings}
    assert got == {
        U_DTI: "adopted",
        U_CHOKE: "adopted",
        U_MIN: "partial",
        U_VEH: "partial",
        U_DEESC: "unknown",
        "uscm-2020:trust-and-legitimacy": "not_adopted",
    }
    by_id = {f.principle_id: f for f in projected.findings}
    (why,) = by_id[U_CHOKE].derived_from
    assert (why.source, str(why.relationship), why.target, str(why.source_status)) == (
        C["ban-chokeholds-and-strangleholds"],
        "superset",
        U_CHOKE,
        "adopted",
    )
    assert [str(d) for d in by_id[U_DEESC].derived_from] == [
        f"{C['require-de-escalation']} (not_adopted) subset {U_DEESC}"
    ]
    # Findings come in the target framework's order.
    order = load_catalog().framework("uscm-2020").principle_ids
    assert [f.principle_id for f in projected.findings] == sorted(got, key=order.index)
    assert io.from_dict(io.to_dict(projected), Assessment) == projected


def test_projection_priority_adopted_beats_partial_and_not_adopted() -> None:
    source = make(
        {
            C["duty-to-intervene"]: "adopted",
            C["ban-chokeholds-and-strangleholds"]: "not_adopted",
            C["require-de-escalation"]: "partial",
        }
    )
    crosswalk = FakeCrosswalk(
        (C["ban-chokeholds-and-strangleholds"], "equal", U_DTI),
        (C["require-de-escalation"], "equal", U_DTI),
        (C["duty-to-intervene"], "superset", U_DTI),
    )
    (f,) = source.project("uscm-2020", crosswalk).findings
    assert f.status is Status.ADOPTED
    assert [d.source for d in f.derived_from] == [C["duty-to-intervene"]]
    # Without the adopted source, the partial one wins over the not-adopted one.
    (g,) = attrs.evolve(source, findings=source.findings[1:]).project("uscm-2020", crosswalk).findings
    assert g.status is Status.PARTIAL


def test_kankakee_projection_uses_only_the_named_finding() -> None:
    (kankakee,) = load_seed_assessments()
    crosswalk = FakeCrosswalk((C["duty-to-intervene"], "equal", U_DTI))
    projected = kankakee.project("uscm-2020", crosswalk)
    assert [(f.principle_id, f.status) for f in projected.findings] == [(U_DTI, Status.ADOPTED)]
    s = projected.score()
    assert s.adopted == 1
    assert s.reported_total is None


_relations = st.sampled_from(["equal", "subset", "superset", "intersects", "no_relationship"])
_uscm_leaves = [p.id for p in load_catalog().framework("uscm-2020").leaves()]


@given(assessments(), st.lists(st.tuples(st.sampled_from(CW_IDS), _relations, st.sampled_from(_uscm_leaves))))
def test_projection_laws(a: Assessment, edges: list[tuple[str, str, str]]) -> None:
    crosswalk = FakeCrosswalk(*edges)
    assert a.project(CW, crosswalk) is a, "projecting onto the same framework changes nothing"
    projected = a.project("uscm-2020", crosswalk)
    for f in projected.findings:
        assert f.derived_from
        if f.status is Status.ADOPTED:
            assert all(
                d.source_status is Status.ADOPTED and str(d.relationship) in ("equal", "superset")
                for d in f.derived_from
            )
        if f.status is Status.NOT_ADOPTED:
            assert all(str(d.relationship) == "equal" for d in f.derived_from)
    informative = {Status.ADOPTED, Status.PARTIAL, Status.NOT_ADOPTED}
    if not any(f.status in informative for f in a.findings):
        assert projected.findings == ()


# --- Projection through the bundled crosswalk -------------------------------------------------


def test_kankakee_projected_onto_uscm_with_the_bundled_crosswalk() -> None:
    crosswalk = load_catalog().crosswalk
    (kankakee,) = load_seed_assessments()
    equal = [m.target for m in crosswalk.related(C["duty-to-intervene"], relationships=["equal"])]
    assert U_DTI in equal
    projected = kankakee.project("uscm-2020", crosswalk)
    assert projected.status_of(U_DTI) is Status.ADOPTED
    assert projected.method is Method.DERIVED
    for f in projected.findings:
        # Every recorded mapping is one the crosswalk holds, read from the Kankakee principle's side.
        for d in f.derived_from:
            held = {(str(m.relationship), m.target) for m in crosswalk.related(d.source)}
            assert (str(d.relationship), d.target) in held
            assert kankakee.status_of(d.source) is d.source_status
    # Only the named finding is projected: the four unnamed adopted policies stay unknown.
    assert {d.source for f in projected.findings for d in f.derived_from} == {C["duty-to-intervene"]}
    s = projected.score()
    assert s.adopted >= 1
    assert s.not_adopted == 0


@given(assessments())
def test_projection_through_the_bundled_crosswalk(a: Assessment) -> None:
    crosswalk = load_catalog().crosswalk
    assert a.project(CW, crosswalk) is a, "projecting onto the same framework changes nothing"
    projected = a.project("uscm-2020", crosswalk)
    assert projected.framework_id == "uscm-2020"
    for f in projected.findings:
        assert f.derived_from
        if f.status is Status.ADOPTED:
            assert any(str(d.relationship) in ("equal", "superset") for d in f.derived_from)
            assert all(d.source_status is Status.ADOPTED for d in f.derived_from)
        if f.status is Status.NOT_ADOPTED:
            assert all(
                str(d.relationship) == "equal" and d.source_status is Status.NOT_ADOPTED
                for d in f.derived_from
            )


# --- Files of many assessments ------------------------------------------------------------------


@given(st.lists(assessments(), max_size=4))
def test_assessment_set_round_trips_in_order(items: list[Assessment]) -> None:
    from policeframeworks import AssessmentSet

    s = AssessmentSet(assessments=items)
    assert s.assessments == tuple(items)
    assert len(s) == len(items)
    assert io.from_dict(io.to_dict(s), AssessmentSet) == s


def test_assessment_set_file_is_recognised_and_problems_have_paths(tmp_path: object) -> None:
    import json
    import pathlib

    from policeframeworks import AssessmentSet

    folder = pathlib.Path(str(tmp_path))
    (kankakee,) = load_seed_assessments()
    s = AssessmentSet(assessments=(kankakee, make({f"{CW}:duty-to-intervene": "partial"})))
    for suffix in ("json", "toml"):
        path = folder / f"set.{suffix}"
        io.dump(s, path)
        assert io.load(path) == s
    data = io.to_dict(s)
    data["assessments"][1]["findings"][0]["status"] = "maybe"
    bad = folder / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        io.load(bad)
    (problem,) = info.value.problems
    assert problem.file == str(bad)
    assert problem.path == "assessments[1].findings[0].status"
    with pytest.raises(ValidationError):
        AssessmentSet(assessments=[kankakee, "not an assessment"])  # type: ignore[list-item]
