from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelpers import run
from policeframeworks import cite, io, load_catalog, load_seed_assessments


def test_package_build_writes_a_package_that_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "release"
    code, stdout, stderr = run("package", "build", str(out), "--bundled", "kankakee-2020")
    assert (code, stdout) == (0, "")
    assert "1 assessment" in stderr
    release = io.read_package(out)
    assert release.catalog == load_catalog()
    assert release.assessments == tuple(load_seed_assessments())


def test_package_build_refuses_an_existing_folder_without_force(tmp_path: Path) -> None:
    out = tmp_path / "release"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    code, _, stderr = run("package", "build", str(out))
    assert code == 2
    assert "--force" in stderr
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep"
    code, _, _ = run("package", "build", str(out), "--force")
    assert code == 0
    assert not (out / "mine.txt").exists()


def test_package_build_refuses_an_empty_name_and_a_file(tmp_path: Path) -> None:
    assert run("package", "build", "")[0] == 2
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    code, _, stderr = run("package", "build", str(target), "--force")
    assert code == 2
    assert "is a file" in stderr


def test_package_build_reads_assessment_files(tmp_path: Path) -> None:
    (kankakee,) = load_seed_assessments()
    path = tmp_path / "k.json"
    io.dump(kankakee, path)
    code, _, _ = run("package", "build", str(tmp_path / "r"), str(path))
    assert code == 0
    assert io.read_package(tmp_path / "r").assessments == (kankakee,)


def test_cite_prints_bibtex_for_the_package_and_every_framework() -> None:
    code, stdout, _ = run("cite")
    assert code == 0
    assert stdout.count("@misc{") == len(load_catalog().frameworks)
    assert stdout.startswith("@software{policeframeworks")
    assert f"Bundled data version {load_catalog().data_version}" in stdout


def test_cite_one_framework_as_text() -> None:
    code, stdout, _ = run("cite", "8cantwait-2020", "--style", "text")
    assert code == 0
    assert stdout == cite("8cantwait-2020", style="text") + "\n"
    assert load_catalog().framework("8cantwait-2020").citation.url in stdout


@pytest.mark.parametrize(
    ("argv", "needle"), [(("cite", "uscm"), "uscm-2020"), (("cite", "--style", "apa"), "bibtex")]
)
def test_cite_bad_input_is_a_usage_error(argv: tuple[str, ...], needle: str) -> None:
    code, _, stderr = run(*argv)
    assert code == 2
    assert needle in stderr


def test_cite_escapes_bibtex_specials() -> None:
    import attrs

    from policeframeworks import Catalog

    fw = load_catalog().framework("8cantwait-2020")
    odd = attrs.evolve(fw, citation=attrs.evolve(fw.citation, title="50% & more_{x}"))
    text = cite(fw.id, catalog=Catalog([odd], bundled_crosswalks=False))
    assert r"50\% \& more\_\{x\}" in text


@pytest.mark.parametrize(("fmt", "check"), [("sssom", "#curie_map:"), ("oscal", '"mapping-collection"')])
def test_crosswalk_export_new_formats(fmt: str, check: str, tmp_path: Path) -> None:
    code, stdout, _ = run("crosswalk", "export", "--format", fmt)
    assert code == 0
    assert check in stdout
    name = "cw.sssom.tsv" if fmt == "sssom" else "cw.oscal.json"
    code, _, _ = run("crosswalk", "export", "--out", str(tmp_path / name))
    assert code == 0
    cw = load_catalog().crosswalk
    if fmt == "sssom":
        assert io.read_sssom(tmp_path / name) == cw
    else:
        assert io.crosswalk_from_oscal(json.loads((tmp_path / name).read_text(encoding="utf-8"))) == cw


def test_an_sssom_file_is_read_wherever_a_crosswalk_file_is(tmp_path: Path) -> None:
    path = tmp_path / "mine.sssom.tsv"
    io.write_sssom(load_catalog().crosswalk, path)
    code, stdout, _ = run("crosswalk", "lint", str(path))
    assert code == 0
    assert "ok" in stdout
    code, stdout, _ = run("coverage", "8cantwait-2020", "uscm-2020", "--crosswalk", str(path), "--replace")
    assert code == 0
    assert stdout == run("coverage", "8cantwait-2020", "uscm-2020")[1]
