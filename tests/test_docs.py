"""The documentation: the API reference names every public name; the page generator is faithful.

The docs build itself (``sphinx-build -W -n``) runs in ``.ci/run``; the ``>>>`` examples in ``docs/*.md``
run as doctests in this suite (``--doctest-glob=*.md``). These tests need no Sphinx.
"""

from __future__ import annotations

import importlib.util
import json
import re
import string
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policeframeworks as pf
from builders import framework, principle

DOCS = Path(__file__).resolve().parent.parent / "docs"
API = DOCS / "reference" / "api.md"


def _load_generator() -> ModuleType:
    name = "pf_docs_under_test"
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / "pf_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _documented_targets() -> set[str]:
    text = API.read_text(encoding="utf-8")
    return set(re.findall(r"\.\. auto(?:class|function|exception|module|data)::\s+([\w.]+)", text))


@pytest.mark.parametrize("name", pf.__all__)
def test_every_public_name_is_in_the_api_reference(name: str) -> None:
    assert f"policeframeworks.{name}" in _documented_targets()


def test_every_public_function_of_io_is_in_the_api_reference() -> None:
    text = API.read_text(encoding="utf-8")
    members = re.search(r"automodule:: policeframeworks\.io\n\s+:members: ([\w, ]+)", text)
    assert members is not None
    listed = {m.strip() for m in members.group(1).split(",")}
    assert listed == set(pf.io.__all__)


def test_api_reference_names_nothing_that_does_not_exist() -> None:
    for target in _documented_targets():
        module, _, attr = target.rpartition(".")
        assert hasattr(importlib.import_module(module), attr), target


def test_docs_hold_no_machine_paths() -> None:
    for path in DOCS.rglob("*"):
        if "_build" in path.parts or not path.is_file() or path.suffix not in {".md", ".py"}:
            continue
        text = path.read_text(encoding="utf-8")
        for machine in ("/" + "work/", "/" + "root/", "/" + "home/"):  # spelt apart: this file is checked too
            assert machine not in text, path


# --- the generated data pages ----------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", text)


@given(st.text())
def test_escape_only_adds_backslashes_before_punctuation(text: str) -> None:
    escaped = gen.escape(text)
    assert _unescape(escaped) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[" + re.escape(string.punctuation.replace("\\", "")) + "]", escaped)


@pytest.mark.parametrize("fw", pf.load_catalog().frameworks, ids=lambda fw: fw.id)
def test_framework_page_shows_every_principle_with_wording_themes_and_source(fw: pf.Framework) -> None:
    page = gen.framework_page(fw)
    assert page.startswith(gen.GENERATED_NOTE)
    for p in [*fw.iter_principles(), *fw.framing]:
        assert f"({gen.label(p.id)})=" in page
        assert f"`{p.id}`" in page
        block = page.split(f"({gen.label(p.id)})=", 1)[1]
        assert gen.escape(" ".join(p.text.split("\n\n")[0].split())) in block
        assert gen._WORDING_NOTE[p.wording.value] in block
        assert all(f"`{t.value}`" in block for t in p.themes)
        assert f"(<{p.citation.url}>)" in block
    for note in fw.notes:
        assert gen.escape(note) in page


def test_labels_are_unique_across_the_catalog() -> None:
    ids = [p.id for fw in pf.load_catalog() for p in [*fw.iter_principles(), *fw.framing]]
    assert len({gen.label(i) for i in ids}) == len(ids)


def test_paraphrase_is_not_shown_as_a_quotation() -> None:
    src = pf.Citation(publisher="X", title="Y", url="https://example.org")
    p = pf.Principle(
        id="ex:one", title="One", text="Our words.", wording="paraphrase", themes=("training",), citation=src
    )
    q = pf.Principle(
        id="ex:two", title="Two", text="Their words.", wording="verbatim", themes=("training",), citation=src
    )
    assert "> Our words" not in "\n".join(gen.principle_block(p, 3))
    assert "> Their words\\." in "\n".join(gen.principle_block(q, 3))


def test_data_index_links_every_framework() -> None:
    catalog = pf.load_catalog()
    page = gen.data_index(catalog)
    for fw in catalog.frameworks:
        assert f"]({fw.id}.md)" in page
        assert f"\n{fw.id}\n" in page  # in the toctree


def test_schema_files_hold_one_valid_schema_per_file_type() -> None:
    files = gen.schema_files()
    kinds = [name for name, _ in gen.document_types()]
    assert "framework" in kinds
    assert set(files) == {"index.md", *(f"{k}.schema.json" for k in kinds)}
    for kind in kinds:
        schema = json.loads(files[f"{kind}.schema.json"])
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert f"```{{literalinclude}} {kind}.schema.json" in files["index.md"]


def test_generate_writes_only_what_changed(tmp_path: Path) -> None:
    gen.generate(tmp_path)
    written = [
        tmp_path / "data" / "uscm-2020.md",
        tmp_path / "data" / f"{gen.CROSSWALK_PAGE}.md",
        *(tmp_path / "data" / "figures" / f"{n}.{ext}" for n in gen.FIGURE_NAMES for ext in ("svg", "png")),
    ]
    stamps = [page.stat().st_mtime_ns for page in written]
    (tmp_path / "data" / "stale.md").write_text("old", encoding="utf-8")
    (tmp_path / "data" / "figures" / "stale.svg").write_text("old", encoding="utf-8")
    gen.generate(tmp_path)
    # Unchanged pages and figures are not rewritten: the figures are byte-for-byte reproducible.
    assert [page.stat().st_mtime_ns for page in written] == stamps
    assert not (tmp_path / "data" / "stale.md").exists()
    assert not (tmp_path / "data" / "figures" / "stale.svg").exists()
    assert (tmp_path / "reference" / "schemas" / "framework.schema.json").exists()
    assert (tmp_path / "data" / "dispositions.md").exists()


def test_framework_page_lists_endorsements_and_version_links() -> None:
    catalog = pf.load_catalog()
    for fw in catalog.frameworks:
        page = gen.framework_page(fw, catalog)
        for e in catalog.endorsements_of(fw.id):
            assert gen.escape(e.endorser) in page
            assert f"(<{e.citation.url}>)" in page
        for p in fw.iter_principles():
            for other in p.corresponds_to:
                assert f"<{gen.label(other)}>`" in page
    assert "## Endorsed" not in gen.framework_page(catalog.framework("8cantwait-2020"))


def test_index_lists_optional_pages_only_when_they_exist(tmp_path: Path) -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for name in gen.OPTIONAL_PAGES:
        assert f"\n{name}\n" in index
    (tmp_path / "cli.md").write_text("# CLI\n", encoding="utf-8")
    shown = gen.drop_absent_pages(index, tmp_path)
    assert "\ncli\n" in shown
    assert "\ntesting\n" not in shown
    assert "how-to/own-framework" in shown


# --- the crosswalk on the data pages ---------------------------------------------------------------------


def _block(page: str, principle_id: str) -> str:
    """The Markdown of one principle's own block: from its label to the next label."""
    return page.split(f"({gen.label(principle_id)})=", 1)[1].split("\n(pf-", 1)[0]


@pytest.mark.parametrize("fw", pf.load_catalog().frameworks, ids=lambda fw: fw.id)
def test_each_principle_lists_every_mapping_on_it_read_from_its_side(fw: pf.Framework) -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    page = gen.framework_page(fw, catalog)
    for p in [*fw.iter_principles(), *(q for top in fw.framing for q in top.walk())]:
        block = _block(page, p.id)
        assert "- **Crosswalk:**" in block
        related = cw.related(p.id)
        for m in related:
            assert m.source == p.id
            line = gen.mapping_line(m, catalog)
            assert f"  - {line}" in block
            assert f"**{gen._READ_AS[m.relationship.value]}** {gen.ref(m.target)}" in line
            assert f"strength {m.strength}/10, {m.basis.value}, {m.rationale_type.value}" in line
            assert gen.escape(m.rationale) in line
            assert ("**opposing stance**" in line) == m.opposing
        if not related:
            assert f"`{cw.disposition(p.id).value}`" in block


def test_an_incoming_subset_is_shown_as_an_outgoing_superset() -> None:
    catalog = pf.load_catalog()
    m = next(m for m in catalog.crosswalk.mappings if m.relationship.value == "subset" and ":" in m.target)
    target_page = gen.framework_page(catalog.framework(m.target.partition(":")[0]), catalog)
    assert f"**superset of** {gen.ref(m.source)}" in _block(target_page, m.target)
    source_page = gen.framework_page(catalog.framework(m.source.partition(":")[0]), catalog)
    assert f"**subset of** {gen.ref(m.target)}" in _block(source_page, m.source)


def test_mapping_line_shows_an_explicit_basis_with_its_source_and_an_opposing_stance() -> None:
    catalog = pf.load_catalog()
    src = pf.Citation(publisher="A publisher", title="A statement", url="https://example.org/statement")
    m = pf.Mapping(
        source="uscm-2020:community",
        relationship="intersects",
        target="policylink-2014",
        rationale_type="semantic",
        strength=3,
        basis="explicit",
        rationale="Said so.",
        mapped_by="me",
        opposing=True,
        citation=src,
    )
    line = gen.mapping_line(m, catalog)
    assert line.startswith("**intersects** {ref}`policylink-2014 <pf-policylink-2014>` (")
    assert gen.escape(catalog.framework("policylink-2014").short_title) in line
    assert "**opposing stance**" in line
    assert "(<https://example.org/statement>)" in line


def test_framework_section_gives_coverage_both_ways_for_each_joined_framework() -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    section = "\n".join(gen.framework_crosswalk_section(catalog, catalog.framework("8cantwait-2020")))
    r = cw.coverage("8cantwait-2020", "uscm-2020")
    back = cw.coverage("uscm-2020", "8cantwait-2020")
    cells = f"{gen.cell(back)} | {gen.cell(r)}"
    row = f"| {gen.ref('uscm-2020')} | {cells} |"
    assert row in section
    for m in cw.related("8cantwait-2020"):
        assert gen.mapping_line(m, catalog) in section
    # Every bundled framework is joined; a framework no mapping joins gets a sentence that says so.
    assert set(gen.crosswalk_frameworks(cw)) == set(catalog.framework_ids)
    alone = pf.Catalog((*catalog.frameworks, framework("alone-2020", principle("alone-2020:one"))))
    assert "No mapping of the bundled crosswalk joins" in "\n".join(
        gen.framework_crosswalk_section(alone, alone.framework("alone-2020"))
    )


def test_cell_is_the_library_label_with_the_four_counts() -> None:
    catalog = pf.load_catalog()
    one = catalog.crosswalk.related("8cantwait-2020:duty-to-intervene", relationships=["equal"])[:1]
    cw = pf.Crosswalk(one, catalog=catalog)
    partly = cw.coverage("uscm-2020", "8cantwait-2020")
    assert list(partly.counts.values()) == [1, 0, 0, 7]
    assert gen.cell(partly) == "12\\-100\\%\\* (1/0/0/7)"
    assert gen.cell(cw.coverage("uscm-2020", "uscm-2020")) == "100\\% (19/0/0/0)"
    assert gen.cell(cw.coverage("peel-principles", "uscm-2020")) == "n\\/r (0/0/0/19)"


def test_crosswalk_page_holds_the_matrix_the_figures_and_every_mapping() -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    page = gen.crosswalk_page(catalog)
    assert f"({gen.CROSSWALK_LABEL})=" in page
    assert f"{len(cw.mappings)} mappings" in page
    joined = gen.crosswalk_frameworks(cw)
    matrix = cw.matrix(joined)
    for s in joined:
        cells = " | ".join(gen.cell(matrix.report(s, t)) for t in joined)
        assert f"| {gen.escape(catalog.framework(s).short_title)} | {cells} |" in page
    for name in gen.FIGURE_NAMES:
        assert f"```{{figure}} figures/{name}.svg" in page
        assert f"<figures/{name}.png>" in page
    for m in cw.mappings:
        assert f"| {gen.ref(m.source)} | `{m.relationship.value}`" in page
    for f in catalog.framework_ids:
        assert (f in joined) != (gen.ref(f) in page.split("## Coverage matrix")[0])


def test_the_build_draws_the_figures_with_the_librarys_own_functions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    for name in ("plot_coverage_matrix", "plot_crosswalk"):
        real = getattr(pf, name)

        def spy(*args: object, _real: object = real, _name: str = name, **kwargs: object) -> object:
            calls.append(_name)
            return _real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(pf, name, spy)
    catalog = pf.load_catalog()
    gen.generate_crosswalk(tmp_path, catalog)
    assert sorted(calls) == ["plot_coverage_matrix", "plot_crosswalk"]
    figures = tmp_path / "data" / "figures"
    assert sorted(p.name for p in figures.iterdir()) == sorted(
        f"{n}.{ext}" for n in gen.FIGURE_NAMES for ext in ("png", "svg")
    )
    for name in gen.FIGURE_NAMES:
        assert (figures / f"{name}.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        root = ElementTree.parse(figures / f"{name}.svg").getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # The SVGs keep their text as text: every joined framework is named in the heatmap and the legend.
    for name in gen.FIGURE_NAMES:
        words = " ".join(ElementTree.parse(figures / f"{name}.svg").getroot().itertext())
        for f in gen.crosswalk_frameworks(catalog.crosswalk):
            assert catalog.framework(f).short_title in words, (name, f)
    assert (tmp_path / "data" / f"{gen.CROSSWALK_PAGE}.md").read_text(encoding="utf-8") == gen.crosswalk_page(
        catalog
    )


def test_dispositions_page_lists_exactly_the_principles_not_reviewed() -> None:
    catalog = pf.load_catalog()
    page = gen.dispositions_page(catalog)
    assert page.startswith(gen.GENERATED_NOTE)
    listed = page.split("## Not reviewed", 1)[1]
    for fw in catalog.frameworks:
        for p in fw.iter_principles():
            shown = f"- {gen.ref(p.id)}:" in listed
            assert shown == (catalog.crosswalk.disposition(p.id) is pf.Disposition.NOT_REVIEWED), p.id
        if not fw.complete:
            assert f"{gen.ref(fw.id)} (held in part)" in page
    total = sum(1 for fw in catalog.frameworks for _ in fw.iter_principles())
    assert page.count("\n| {ref}") == len(catalog.frameworks)
    assert f"| {total} |\n" in page
    assert "\ndispositions\n" in gen.data_index(catalog)


# --- shell examples: ```console blocks run with bash and give the output shown ---------------------------


def _console_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts and "```console" in p.read_text())


def _console_steps(text: str) -> list[tuple[str, str]]:
    """``(command, expected stdout)`` for every ``$ `` line of every console block, in order."""
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            steps.append((command, output))
    return steps


def test_console_steps_are_parsed_with_their_output() -> None:
    text = (
        "x\n```console\n$ echo a\na\n$ true\n```\n```python\n$ no\n```\n```console\n$ echo b | cat\nb\n```\n"
    )
    assert _console_steps(text) == [("echo a", "a\n"), ("true", ""), ("echo b | cat", "b\n")]


@pytest.mark.parametrize("page", _console_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_console_examples_give_the_output_shown(page: Path, tmp_path: Path) -> None:
    import doctest
    import os
    import subprocess

    # The command as installed, or as this interpreter runs it: either way this checkout's code.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "policeframeworks"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m policeframeworks "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    python3 = bin_dir / "python3"
    python3.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python3.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    steps = _console_steps(page.read_text(encoding="utf-8"))
    assert steps
    for command, expected in steps:
        done = subprocess.run(
            ["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, (command, done.stderr)
        assert checker.check_output(expected, done.stdout, flags), (command, expected, done.stdout)
