"""The documentation: the API reference names every public name; the page generator is faithful.

The data pages themselves are built by :mod:`policeframeworks.report` (tested in ``test_report_site.py``);
here, the extension that writes them. The docs build itself (``sphinx-build -W -n``) runs in ``.ci/run``;
the ``>>>`` examples in ``docs/*.md`` run as doctests in this suite (``--doctest-glob=*.md``). These tests
need no Sphinx.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import policeframeworks as pf
from policeframeworks.report._site_crosswalk import CROSSWALK_PAGE, FIGURE_NAMES

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


# --- the generator: schema pages, and the data pages written only when changed ---------------------


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
        tmp_path / "data" / f"{CROSSWALK_PAGE}.md",
        *(tmp_path / "data" / "figures" / f"{n}.{ext}" for n in FIGURE_NAMES for ext in ("svg", "png")),
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


def test_index_lists_optional_pages_only_when_they_exist(tmp_path: Path) -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for name in gen.OPTIONAL_PAGES:
        assert f"\n{name}\n" in index
    (tmp_path / "cli.md").write_text("# CLI\n", encoding="utf-8")
    shown = gen.drop_absent_pages(index, tmp_path)
    assert "\ncli\n" in shown
    assert "\ntesting\n" not in shown
    assert "how-to/own-framework" in shown


def test_the_build_draws_the_figures_with_the_librarys_own_functions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policeframeworks import _plot

    calls: list[str] = []
    for name in ("plot_coverage_matrix", "plot_crosswalk"):
        real = getattr(_plot, name)

        def spy(*args: object, _real: object = real, _name: str = name, **kwargs: object) -> object:
            calls.append(_name)
            return _real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(_plot, name, spy)
    catalog = pf.load_catalog()
    gen.generate(tmp_path)
    assert sorted(calls) == ["plot_coverage_matrix", "plot_crosswalk"]
    figures = tmp_path / "data" / "figures"
    assert sorted(p.name for p in figures.iterdir()) == sorted(
        f"{n}.{ext}" for n in FIGURE_NAMES for ext in ("png", "svg")
    )
    for name in FIGURE_NAMES:
        assert (figures / f"{name}.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        root = ElementTree.parse(figures / f"{name}.svg").getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # The SVGs keep their text as text: every joined framework is named in the heatmap and the legend.
    for name in FIGURE_NAMES:
        words = " ".join(ElementTree.parse(figures / f"{name}.svg").getroot().itertext())
        for f in pf.report.joined_frameworks(catalog):
            assert catalog.framework(f).short_title in words, (name, f)
    assert (tmp_path / "data" / f"{CROSSWALK_PAGE}.md").read_text(encoding="utf-8") == pf.report.site_pages()[
        f"{CROSSWALK_PAGE}.md"
    ]


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
