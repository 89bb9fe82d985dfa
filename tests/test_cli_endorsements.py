"""``policeframeworks endorsements``: the catalog's endorsements in every format, filters, mistakes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from clihelpers import run
from policeframeworks import load_catalog
from policeframeworks.cli._cmd_endorsements import ANSWERS_NOTE, ENDORSEMENTS_CSV
from policeframeworks.cli._common import EXIT_OK, EXIT_USAGE

CATALOG = load_catalog()


def keys(endorsements: object) -> list[tuple[str, str, str]]:
    return [(e.endorser, e.relation.value, e.target) for e in endorsements]  # type: ignore[attr-defined]


def json_keys(out: str) -> list[tuple[str, str, str]]:
    return [(r["endorser"], r["relation"], r["target"]) for r in json.loads(out)]


def test_json_lists_every_endorsement_as_the_api() -> None:
    code, out, err = run("endorsements", "--format", "json")
    assert code == EXIT_OK
    assert err == ""
    rows = json.loads(out)
    assert json_keys(out) == keys(CATALOG.endorsements)
    for row, e in zip(rows, CATALOG.endorsements, strict=True):
        assert row["endorser_kind"] == e.endorser_kind.value
        assert row["support"] is e.relation.is_support
        assert row["date"] == e.date
        assert row["via"] == e.via
        assert row["notes"] == list(e.notes)
        assert row["target_framework"] == e.target_framework
        assert row["citation"]["url"] == e.citation.url


@pytest.mark.parametrize(
    "argv",
    [
        ["21cp-2015"],
        ["ilacp-naacp-2018"],
        ["--by", "the united states conference of mayors"],
        ["--by", "Campaign Zero", "--relation", "integrates"],
        ["21cp-2015", "--relation", "builds-on"],
        ["21cp-2015", "--by", "Campaign Zero"],
        ["--relation", "answers"],
    ],
)
def test_filters_equal_the_api(argv: list[str]) -> None:
    code, out, _ = run("endorsements", *argv, "--format", "json")
    assert code == EXIT_OK
    if not argv[0].startswith("--"):
        args = dict(zip(argv[1::2], argv[2::2], strict=False))
        expected = list(CATALOG.endorsements_of(argv[0], relation=args.get("--relation")))
    else:
        args = dict(zip(argv[::2], argv[1::2], strict=False))
        expected = list(CATALOG.endorsements)
        if "--relation" in args:
            expected = [e for e in expected if e.relation.value == args["--relation"]]
    if "--by" in args:
        by = CATALOG.endorsed_by(args["--by"])
        expected = [e for e in expected if e in by]
    assert json_keys(out) == keys(expected)
    assert expected  # every case here finds something


def test_a_principle_id_keeps_only_its_own() -> None:
    p = "ilacp-naacp-2018:21st-century-policing-pillars"
    code, out, err = run("endorsements", p, "--format", "json")
    assert code == EXIT_OK
    assert json_keys(out) == keys(CATALOG.endorsements_of(p))
    if not json.loads(out):
        assert err == "note: no endorsement matches\n"


def test_csv_has_the_documented_columns() -> None:
    code, out, _ = run("endorsements", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(ENDORSEMENTS_CSV)
    for row, e in zip(rows, CATALOG.endorsements, strict=True):
        assert (row["endorser"], row["relation"], row["target"]) == (e.endorser, e.relation.value, e.target)
        assert row["support"] == ("true" if e.relation.is_support else "false")
        assert row["citation_url"] == e.citation.url
        assert row["notes"] == "; ".join(e.notes)
        assert row["date"] == (e.date or "")


def test_table_fits_and_explains_answers() -> None:
    code, out, _ = run("endorsements")
    assert code == EXIT_OK
    assert out.splitlines()[0].split() == ["endorser", "relation", "target", "date"]
    for line in out.splitlines():
        assert len(line) <= 80, line
    for e in CATALOG.endorsements:
        assert e.target in out
    assert " ".join(out.split()).endswith(ANSWERS_NOTE)
    _, supported, _ = run("endorsements", "--relation", "builds-on")
    assert ANSWERS_NOTE.split(":")[0] + ":" not in supported


def test_nothing_found_is_not_an_error() -> None:
    code, out, err = run("endorsements", "uscm-2020", "--relation", "answers", "--format", "csv")
    assert code == EXIT_OK
    assert out.splitlines() == [",".join(ENDORSEMENTS_CSV)]
    assert err == "note: no endorsement matches\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["21cp"], ["error: ID: unknown framework id '21cp' (did you mean '21cp-2015'?)"]),
        (
            ["--by", "Campain Zero"],
            ["error: --by: no endorsements by 'Campain Zero' (did you mean 'Campaign Zero'?)"],
        ),
        (
            ["--relation", "endorse"],
            ["error: --relation: 'endorse' is not a relation (did you mean 'endorsed'?)"],
        ),
        (
            ["21cp", "--by", "Campain Zero", "--relation", "endorse"],
            [
                "error: --relation: 'endorse' is not a relation (did you mean 'endorsed'?)",
                "error: ID: unknown framework id '21cp' (did you mean '21cp-2015'?)",
                "error: --by: no endorsements by 'Campain Zero' (did you mean 'Campaign Zero'?)",
            ],
        ),
    ],
)
def test_mistakes_are_usage_errors_with_did_you_mean(argv: list[str], expected: list[str]) -> None:
    code, out, err = run("endorsements", *argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.splitlines() == expected


def test_an_unknown_principle_id_suggests_the_closest() -> None:
    code, _, err = run("endorsements", "ilacp-naacp-2018:21st-century-policing-pilars")
    assert code == EXIT_USAGE
    assert "(did you mean 'ilacp-naacp-2018:21st-century-policing-pillars'" in err


def test_a_relation_far_from_any_lists_them_all() -> None:
    code, _, err = run("endorsements", "--relation", "zzzzzz")
    assert code == EXIT_USAGE
    assert err.strip().endswith("expected one of endorsed, adopted, builds-on, integrates, answers")


def test_python_dash_m_endorsements() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "policeframeworks",
            "endorsements",
            "--by",
            "#8toAbolition",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == EXIT_OK
    assert proc.stderr == ""
    assert proc.stdout.splitlines()[1].startswith("#8toAbolition,group,answers,false,8cantwait-2020,")
