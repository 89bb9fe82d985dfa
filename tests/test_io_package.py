from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policeframeworks import (
    Assessment,
    Catalog,
    Crosswalk,
    DataFileError,
    Endorsement,
    Finding,
    Framework,
    Jurisdiction,
    Mapping,
    Principle,
    Review,
    ValidationError,
    io,
    load_catalog,
    load_seed_assessments,
)
from policeframeworks.io._package_schema import TABLES
from policeframeworks.testing import strategies as pfst

frictionless = pytest.importorskip("frictionless")

CATALOG = load_catalog()
SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def frictionless_errors(folder: Path) -> list[tuple[str, str]]:
    report = frictionless.validate(str(folder / "datapackage.json"))
    return [(task.name, error.type) for task in report.tasks for error in task.errors] + [
        ("package", error.type) for error in report.errors
    ]


def csv_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package") / "release"
    io.write_package(out, assessments=load_seed_assessments())
    return out


# ------------------------------------------------------------------ round trip


def test_the_bundled_release_reads_back_equal(release: Path) -> None:
    back = io.read_package(release)
    assert back.catalog == CATALOG
    assert back.catalog.endorsements == CATALOG.endorsements
    assert back.crosswalk == CATALOG.crosswalk
    assert back.crosswalk.reviews == CATALOG.crosswalk.reviews
    assert back.assessments == tuple(load_seed_assessments())
    assert back.data_version == CATALOG.data_version


@SETTINGS
@given(cat=pfst.catalogs(min_frameworks=2, max_frameworks=3), data=st.data())
def test_generated_releases_read_back_equal(
    cat: Catalog, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cw = data.draw(pfst.crosswalks(catalog=cat, max_size=6))
    framework = data.draw(st.sampled_from(cat.frameworks))
    found = data.draw(st.lists(pfst.assessments(framework=framework), max_size=3))
    out = tmp_path_factory.mktemp("gen") / "release"
    io.write_package(out, catalog=cat, crosswalk=cw, assessments=found)
    back = io.read_package(out)
    assert back.catalog == cat
    assert back.crosswalk == cw
    assert back.assessments == tuple(found)


# ------------------------------------------------------------------ the ecosystem's own validator


def test_the_release_passes_frictionless_validation(release: Path) -> None:
    assert frictionless_errors(release) == []


def test_unknown_statuses_are_missing_values_not_categories(tmp_path: Path) -> None:
    eight = CATALOG.framework("8cantwait-2020")
    leaves = [p.id for p in eight.principles]
    statuses = [
        "adopted",
        "partial",
        "not_adopted",
        "unknown",
        "not_applicable",
        "unknown",
        "adopted",
        "adopted",
    ]
    a = Assessment(
        jurisdiction=Jurisdiction(name="Example", state="IL", kind="city"),
        framework_id=eight.id,
        as_of="2020-06",
        assessor="tester",
        method="document-review",
        findings=[Finding(principle_id=p, status=s) for p, s in zip(leaves, statuses, strict=True)],
    )
    io.write_package(tmp_path / "r", assessments=[a])
    assert frictionless_errors(tmp_path / "r") == []
    package = frictionless.Package(str(tmp_path / "r" / "datapackage.json"))
    rows = package.get_resource("findings").read_rows()
    assert [row["status"] for row in rows] == [
        "adopted",
        "partial",
        "not_adopted",
        None,
        None,
        None,
        "adopted",
        "adopted",
    ]
    assert io.read_package(tmp_path / "r").assessments == (a,)


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        ("mappings.csv", "8cantwait-2020:duty-to-intervene", "8cantwait-2020:nope", "foreign-key"),
        ("findings.csv", ",adopted,", ",yes,", "constraint-error"),
        ("principles.csv", ",verbatim,", ",quoted,", "constraint-error"),
    ],
)
def test_the_validation_can_fail(
    release: Path, tmp_path: Path, table: str, old: str, new: str, error: str
) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(release, bad)
    text = (bad / table).read_text(encoding="utf-8")
    assert old in text
    (bad / table).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert (table.removesuffix(".csv"), error) in frictionless_errors(bad)


# ------------------------------------------------------------------ completeness and provenance


@pytest.mark.parametrize(
    ("cls", "table", "renamed"),
    [
        (Framework, "frameworks", {"principles": None, "framing": None}),
        (Principle, "principles", {"children": None}),
        (Mapping, "mappings", {"source": "source_framework", "target": "target_framework"}),
        (Review, "reviews", {}),
        (Endorsement, "endorsements", {"target": "target_framework", "via": "via_framework"}),
        (Assessment, "assessments", {"jurisdiction": None, "findings": None}),
        (Finding, "findings", {}),
    ],
)
def test_every_model_field_has_a_column(cls: type, table: str, renamed: dict[str, str | None]) -> None:
    columns = {c.name for c in TABLES[table]}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.alias or field.name
        expected = renamed.get(name, name)
        if expected is None:
            continue
        if name == "citation":
            assert {
                f"citation_{f.name}" for f in attrs.fields(type(CATALOG.frameworks[0].citation))
            } <= columns
        else:
            assert expected in columns, f"{cls.__name__}.{name} has no column in {table}"
    if cls is Assessment:
        for field in attrs.fields(Jurisdiction):
            if field.init:
                assert f"jurisdiction_{field.alias or field.name}" in columns


def test_every_bundled_record_is_there_with_its_citation(release: Path) -> None:
    frameworks = csv_rows(release / "frameworks.csv")
    assert [r["id"] for r in frameworks] == list(CATALOG.framework_ids)
    assert all(r["citation_url"] == CATALOG.framework(r["id"]).citation.url for r in frameworks)
    principles = csv_rows(release / "principles.csv")
    ids = {r["id"] for r in principles}
    assert all(p.id in ids for p in CATALOG.iter_principles())
    assert all(r["citation_url"] for r in principles)
    mappings = csv_rows(release / "mappings.csv")
    assert len(mappings) == len(CATALOG.crosswalk.mappings)
    explicit = [m for m in CATALOG.crosswalk.mappings if m.citation is not None]
    assert sum(1 for r in mappings if r["citation_url"]) == len(explicit)
    endorsements = csv_rows(release / "endorsements.csv")
    assert len(endorsements) == len(CATALOG.endorsements)
    assert all(r["citation_url"] for r in endorsements)
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == CATALOG.data_version
    assert {s["path"] for s in descriptor["sources"]} == {fw.citation.url for fw in CATALOG}


def test_formula_text_is_escaped_and_reads_back(tmp_path: Path) -> None:
    eight = CATALOG.framework("8cantwait-2020")
    hostile = attrs.evolve(eight, title='=HYPERLINK("http://x")', notes=("-1 note", "@cmd"))
    cat = Catalog([hostile], bundled_crosswalks=False)
    io.write_package(tmp_path / "r", catalog=cat, crosswalk=Crosswalk([], catalog=cat))
    text = (tmp_path / "r" / "frameworks.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert io.read_package(tmp_path / "r").catalog == cat


# ------------------------------------------------------------------ the folder as one unit


def test_an_existing_folder_is_replaced_only_when_asked(release: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "stale.txt").write_text("old", encoding="utf-8")
    with pytest.raises(DataFileError, match="already exists"):
        io.write_package(out)
    assert (out / "stale.txt").exists()
    io.write_package(out, overwrite=True)
    assert not (out / "stale.txt").exists()
    assert (out / "datapackage.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["r"]  # no temporary folder left beside it


def test_a_failed_write_leaves_the_old_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "r"
    io.write_package(out)
    before = sorted(p.name for p in out.iterdir())
    import policeframeworks.io._folders as folder

    real = folder.os.fsync
    calls = {"n": 0}

    def failing(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(folder.os, "fsync", failing)
    with pytest.raises(DataFileError, match="No space left on device"):
        io.write_package(out, overwrite=True)
    assert sorted(p.name for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_assessments_must_name_the_catalogs_frameworks(tmp_path: Path) -> None:
    (kankakee,) = load_seed_assessments()
    only_uscm = Catalog([CATALOG.framework("uscm-2020")], bundled_crosswalks=False)
    with pytest.raises(ValidationError, match=r"assessments\[0\]\.framework_id"):
        io.write_package(
            tmp_path / "r",
            catalog=only_uscm,
            crosswalk=Crosswalk([], catalog=only_uscm),
            assessments=[kankakee],
        )
    assert not (tmp_path / "r").exists()


def test_a_broken_table_is_reported_with_file_row_and_column(release: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(release, bad)
    text = (bad / "mappings.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(text) if ",10," in line)
    text[row] = text[row].replace(",10,", ",ten,", 1)
    (bad / "mappings.csv").write_text("".join(text), encoding="utf-8")
    with pytest.raises(ValidationError, match=rf"mappings\.csv.*\n.*row {row + 1}\.strength"):
        io.read_package(bad)
