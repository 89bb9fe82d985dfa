"""Dataset descriptors and the known published layouts (policeframeworks.io._descriptor, io._layouts).

Each known layout imports a small file built in its documented layout with only a descriptor (no column
map) and reproduces the per-policy totals the file states; bad cells still fail with row and column.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from policeframeworks import Assessment, Status, ValidationError, io, load_catalog, summarize

CW = "8cantwait-2020"
IDS = load_catalog().framework(CW).principle_ids


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def totals(assessments: Sequence[Assessment]) -> dict[str, int]:
    return {r["principle_id"]: r["adopted"] for r in summarize(assessments).to_records()}


SCORECARD_HEADER = (
    "agency_name,location_name,agency_type,state,ori,total_population,requires_deescalation,"
    "policy_language_requires_deescalation,bans_chokeholds_and_strangleholds,duty_to_intervene,"
    "requires_warning_before_shooting,restricts_shooting_at_moving_vehicles,requires_comprehensive_reporting,"
    "requires_exhaust_other_means_before_shooting,has_use_of_force_continuum"
)
SCORECARD_ROWS = [
    "Boise Police Department,Boise,police-department,ID,ID0010100,235684,1,1,1,0,YES,N,1,,0",
    "Ada County Sheriff,Ada County,sheriff,ID,ID0010000,494967,0,0,1,1,NO,Y,0,1,",
    "Saint Paul Police Department,St. Paul,police-department,MN,MN0620900,311527,1,1,0,1,1,1,,1,1",
]
# The per-policy counts of 1/Y/YES, as the Scorecard's importer would count them (blank is null).
SCORECARD_TOTALS = {
    f"{CW}:require-de-escalation": 2,
    f"{CW}:ban-chokeholds-and-strangleholds": 2,
    f"{CW}:duty-to-intervene": 2,
    f"{CW}:require-warning-before-shooting": 2,
    f"{CW}:ban-shooting-at-moving-vehicles": 2,
    f"{CW}:require-comprehensive-reporting": 1,
    f"{CW}:exhaust-all-alternatives-before-shooting": 2,
    f"{CW}:require-use-of-force-continuum": 1,
}


def test_police_scorecard_layout_reproduces_its_totals(tmp_path: Path) -> None:
    write(tmp_path, "scorecard.csv", "\n".join([SCORECARD_HEADER, *SCORECARD_ROWS]) + "\n")
    desc = write(
        tmp_path,
        "scorecard.toml",
        'path = "scorecard.csv"\nbased_on = "police-scorecard"\n[defaults]\nas_of = "2021"\n',
    )
    found = io.read_assessments(desc)
    assert totals(found) == SCORECARD_TOTALS
    boise, ada, stp = found
    assert (str(boise.jurisdiction.kind), str(ada.jurisdiction.kind)) == ("city", "county")
    assert boise.jurisdiction.ori == "ID0010100"
    assert boise.jurisdiction.attributes["total_population"] == "235684"
    assert boise.jurisdiction.attributes["policy_language_requires_deescalation"] == "1"
    assert ada.finding(f"{CW}:require-use-of-force-continuum") is None  # blank is unknown, not 0
    assert stp.jurisdiction.name == "St. Paul"
    assert boise.evidence[0].url == "https://policescorecard.org/"


def test_police_scorecard_bad_cell_fails_with_row_and_column(tmp_path: Path) -> None:
    rows = [*SCORECARD_ROWS[:2], SCORECARD_ROWS[2].replace("311527,1,1,0,1,", "311527,1,1,0,maybe,")]
    assert rows[2] != SCORECARD_ROWS[2]
    write(tmp_path, "scorecard.csv", "\n".join([SCORECARD_HEADER, *rows]) + "\n")
    desc = write(
        tmp_path,
        "d.toml",
        'path = "scorecard.csv"\nbased_on = "police-scorecard"\n[defaults]\nas_of = "2021"\n',
    )
    with pytest.raises(ValidationError) as info:
        io.read_assessments(desc)
    (p,) = info.value.problems
    assert p.path == "row 4, column 'duty_to_intervene'"


def test_8cantwait_2020_table_with_policy_language_and_totals_row(tmp_path: Path) -> None:
    header = [
        "City",
        "State",
        "Ban Chokeholds & Strangleholds",
        "Require De-escalation",
        "Require De-escalation (Policy Language)",
        "Restricts Shooting at Moving Vehicles",
        "Has Use of Force Continuum",
        "Duty to Intervene",
    ]
    rows = [
        'Minneapolis,MN,1,1,"Officers shall use de-escalation tactics.",1,1,1',
        'Austin,TX,0,"Yes\n""Officers will de-escalate when feasible.""",,0,1,1',
        "Boise,ID,1,0,,,0,1",
        "Total,,2,2,,1,2,3",
    ]
    write(tmp_path, "8cw.csv", ",".join(header) + "\n" + "\n".join(rows) + "\n")
    desc = write(
        tmp_path, "8cw.toml", 'path = "8cw.csv"\nbased_on = "8cantwait-2020"\n[defaults]\nas_of = "2020-06"\n'
    )
    mpls, austin, boise = io.read_assessments(desc)
    got = totals((mpls, austin, boise))
    assert got[f"{CW}:ban-chokeholds-and-strangleholds"] == 2
    assert got[f"{CW}:require-de-escalation"] == 2
    assert got[f"{CW}:require-use-of-force-continuum"] == 2
    assert got[f"{CW}:duty-to-intervene"] == 3
    (ev,) = austin.finding(f"{CW}:require-de-escalation").evidence
    assert ev.quote == '"Officers will de-escalate when feasible."'
    (ev,) = mpls.finding(f"{CW}:require-de-escalation").evidence
    assert ev.quote == "Officers shall use de-escalation tactics."
    assert ev.title == "#8CantWait police use-of-force policy database (force.csv)"
    assert boise.finding(f"{CW}:ban-shooting-at-moving-vehicles") is None
    # The publisher's totals row is checked: a wrong count is an error naming row and column.
    write(tmp_path, "8cw.csv", ",".join(header) + "\n" + "\n".join([*rows[:3], "Total,,2,2,,1,2,2"]) + "\n")
    with pytest.raises(ValidationError) as info:
        io.read_assessments(desc)
    assert [p.path for p in info.value.problems] == ["row 5, column 'Duty to Intervene'"]


def test_useofforce_2016_analysis_layout(tmp_path: Path) -> None:
    write(
        tmp_path,
        "uof.csv",
        "City,State,restrict holds,require warning,prohibit shooting at moving vehicles,"
        "require deescalation\nChicago,IL,1,0,1,\nPhoenix,AZ,0,0,1,1\nTotal,,1,0,2,1\n",
    )
    desc = write(tmp_path, "uof.toml", 'path = "uof.csv"\nbased_on = "useofforce-2016-analysis"\n')
    chicago, phoenix = io.read_assessments(desc)
    assert chicago.as_of == "2016"
    assert chicago.framework_id == CW
    assert totals((chicago, phoenix))[f"{CW}:ban-shooting-at-moving-vehicles"] == 2
    assert phoenix.status_of(f"{CW}:require-warning-before-shooting") is Status.NOT_ADOPTED


def test_known_layout_headers_are_recognised_without_a_descriptor(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.csv",
        "location_name,state,requires_exhaust_other_means_before_shooting,"
        "prohibit shooting at moving vehicles\nBoise,ID,1,0\n",
    )
    (a,) = io.read_assessments_csv(
        path, framework=CW, as_of="2021", assessor="x", method="survey", kind="city"
    )
    assert a.status_of(f"{CW}:exhaust-all-alternatives-before-shooting") is Status.ADOPTED
    assert a.jurisdiction.name == "Boise"


def test_descriptor_problems_are_named(tmp_path: Path) -> None:
    desc = write(tmp_path, "d.toml", 'path = "x.csv"\nbased_on = "police-scorcard"\nblnk = "unknown"\n')
    with pytest.raises(ValidationError) as info:
        io.read_assessments(desc)
    assert [(p.path, p.suggestion) for p in info.value.problems] == [("blnk", "blank")]
    desc = write(tmp_path, "d.toml", 'path = "x.csv"\nbased_on = "police-scorcard"\n')
    with pytest.raises(ValidationError) as info:
        io.read_assessments(desc)
    assert [(p.path, p.suggestion) for p in info.value.problems] == [("based_on", "police-scorecard")]
    desc = write(
        tmp_path, "d.toml", 'path = "x.csv"\nframework = "8cantwait-2020"\n[defaults]\nasof = "2020"\n'
    )
    with pytest.raises(ValidationError) as info:
        io.load_descriptor(desc)
    assert [(p.path, p.suggestion) for p in info.value.problems] == [("defaults.asof", "as_of")]


def test_descriptor_encoding_and_blank_are_used_and_recorded(tmp_path: Path) -> None:
    (tmp_path / "legacy.csv").write_bytes(
        "City,State,restrict holds,require warning,Notes\nSt. Paul,MN,1,,Officer\u2019s\n".encode("cp1252")
    )
    desc = write(
        tmp_path,
        "legacy.toml",
        'path = "legacy.csv"\nframework = "8cantwait-2020"\nencoding = "cp1252"\n'
        'blank = "not_adopted"\n[defaults]\nas_of = "2016"\nassessor = "me"\nmethod = "document-review"\n'
        'kind = "city"\n',
    )
    (a,) = io.read_assessments(desc)
    assert a.status_of(f"{CW}:require-warning-before-shooting") is Status.NOT_ADOPTED
    assert a.jurisdiction.attributes["Notes"] == "Officer\u2019s"
    assert "legacy.toml" in a.notes[0]


def test_every_known_layout_and_its_schema(tmp_path: Path) -> None:
    schema = io.json_schema(io.DatasetDescriptor)
    for layout_id, d in io.known_layouts().items():
        assert d.framework in load_catalog()
        for target in d.columns.values():
            assert target in IDS or target in ("name", "state", "kind", "ori", "attribute"), (
                layout_id,
                target,
            )
        data = json.loads(json.dumps(io.to_dict(d)))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"path": "x.csv", "blnk": "unknown"}, schema)
