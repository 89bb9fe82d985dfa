"""The documentation's data pages built by ``policeframeworks.report``, and the one Markdown they share with
the report: the same table rendered once, the same coverage cells on both.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policeframeworks as pf
from builders import framework, principle
from policeframeworks import io
from policeframeworks.report import joined_frameworks, render_markdown, report_blocks, report_data, site_pages
from policeframeworks.report._markdown import GENERATED_NOTE, escape, label, markdown_table, ref
from policeframeworks.report._site import (
    _WORDING_NOTE,
    data_index,
    dispositions_page,
    framework_page,
    principle_block,
)
from policeframeworks.report._site_crosswalk import (
    _READ_AS,
    CROSSWALK_LABEL,
    FIGURE_NAMES,
    cell,
    coverage_table,
    crosswalk_page,
    framework_crosswalk_section,
    mapping_line,
)

CATALOG = pf.load_catalog()


def _table_cells(line: str) -> list[str]:
    """The cells of one Markdown table row, read back: a backslash escapes the next character."""
    cells, current, chars = [], "", iter(line.strip()[1:])
    for ch in chars:
        if ch == "\\":
            current += next(chars, "")
        elif ch == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += ch
    return cells


def _tables(markdown: str) -> list[list[str]]:
    """Every table of a Markdown text, as its lines."""
    return [m.group(0).splitlines() for m in re.finditer(r"(?m)^(\|.*\|\n)+", markdown + "\n")]


# --- one renderer: the report's tables and the pages' tables ---------------------------------------------


plain = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).map(str.strip)


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            st.lists(plain, min_size=n, max_size=n),
            st.lists(st.lists(st.one_of(plain, st.integers(0, 99)), min_size=n, max_size=n), max_size=4),
        )
    )
)
def test_a_table_block_is_written_by_the_one_table_renderer_and_reads_back(
    table: tuple[list[str], list[list[object]]],
) -> None:
    headers, rows = table
    text = render_markdown([("table", headers, rows)])
    assert text == markdown_table(headers, rows) + "\n"
    lines = text.splitlines()
    assert [_table_cells(line) for line in [lines[0], *lines[2:]]] == [
        [str(c) for c in r] for r in [headers, *rows]
    ]


def test_the_report_and_the_docs_show_the_same_coverage_matrix() -> None:
    """Parsed from both outputs: same frameworks in the same order, and every cell's label and counts."""
    data = report_data(CATALOG)
    report_md = render_markdown(report_blocks(data, None))
    section = report_md.split("## Coverage matrix\n", 1)[1]
    labels_table, counts_table = (t for t in _tables(section)[:2])
    ids = _table_cells(labels_table[0])[1:]
    assert ids == joined_frameworks(CATALOG) == _table_cells(counts_table[0])[1:]
    report_cells = {}
    for label_row, count_row in zip(labels_table[2:], counts_table[2:], strict=True):
        source, *labels = _table_cells(label_row)
        assert _table_cells(count_row)[0] == source
        for target, lab, counts in zip(ids, labels, _table_cells(count_row)[1:], strict=True):
            report_cells[(source, target)] = f"{lab} ({counts})"

    page = site_pages()["crosswalk.md"]
    docs_table = next(t for t in _tables(page) if t[0].startswith("| source"))
    assert docs_table == coverage_table(CATALOG, data["matrix"]).splitlines()  # built from the report's data
    columns = [re.fullmatch(r"\{ref\}`(.+) <.+>`", c).group(1) for c in _table_cells(docs_table[0])[1:]]  # type: ignore[union-attr]
    assert columns == ids
    titles = {f["short_title"]: f["id"] for f in data["frameworks"]}
    docs_cells = {}
    for row in docs_table[2:]:
        title, *cells = _table_cells(row)
        for target, c in zip(ids, cells, strict=True):
            docs_cells[(titles[title], target)] = c
    assert docs_cells == report_cells
    # Each framework page's own coverage table agrees with the matrix too.
    for fid in ids:
        section_md = "\n".join(framework_crosswalk_section(CATALOG, CATALOG.framework(fid)))
        for row in _tables(section_md)[0][2:]:
            other_ref, of_this, of_other = _table_cells(row)
            other = re.fullmatch(r"\{ref\}`(.+) <.+>`", other_ref).group(1)  # type: ignore[union-attr]
            assert (of_this, of_other) == (report_cells[(other, fid)], report_cells[(fid, other)])


# --- the pages -------------------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", text)


@given(st.text())
def test_escape_only_adds_backslashes_before_punctuation(text: str) -> None:
    escaped = escape(text)
    assert _unescape(escaped) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[" + re.escape(string.punctuation.replace("\\", "")) + "]", escaped)


@pytest.mark.parametrize("fw", pf.load_catalog().frameworks, ids=lambda fw: fw.id)
def test_framework_page_shows_every_principle_with_wording_themes_and_source(fw: pf.Framework) -> None:
    page = framework_page(fw)
    assert page.startswith(GENERATED_NOTE)
    for p in [*fw.iter_principles(), *fw.framing]:
        assert f"({label(p.id)})=" in page
        assert f"`{p.id}`" in page
        block = page.split(f"({label(p.id)})=", 1)[1]
        assert escape(" ".join(p.text.split("\n\n")[0].split())) in block
        assert _WORDING_NOTE[p.wording.value] in block
        assert all(f"`{t.value}`" in block for t in p.themes)
        assert f"(<{p.citation.url}>)" in block
    for note in fw.notes:
        assert escape(note) in page


def test_labels_are_unique_across_the_catalog() -> None:
    ids = [p.id for fw in pf.load_catalog() for p in [*fw.iter_principles(), *fw.framing]]
    assert len({label(i) for i in ids}) == len(ids)


def test_paraphrase_is_not_shown_as_a_quotation() -> None:
    src = pf.Citation(publisher="X", title="Y", url="https://example.org")
    p = pf.Principle(
        id="ex:one", title="One", text="Our words.", wording="paraphrase", themes=("training",), citation=src
    )
    q = pf.Principle(
        id="ex:two", title="Two", text="Their words.", wording="verbatim", themes=("training",), citation=src
    )
    assert "> Our words" not in "\n".join(principle_block(p, 3))
    assert "> Their words\\." in "\n".join(principle_block(q, 3))


def test_data_index_links_every_framework() -> None:
    catalog = pf.load_catalog()
    page = data_index(catalog)
    for fw in catalog.frameworks:
        assert f"]({fw.id}.md)" in page
        assert f"\n{fw.id}\n" in page  # in the toctree


def test_framework_page_lists_endorsements_and_version_links() -> None:
    catalog = pf.load_catalog()
    for fw in catalog.frameworks:
        page = framework_page(fw, catalog)
        for e in catalog.endorsements_of(fw.id):
            assert escape(e.endorser) in page
            assert f"(<{e.citation.url}>)" in page
        for p in fw.iter_principles():
            for other in p.corresponds_to:
                assert f"<{label(other)}>`" in page
    assert "## Endorsed" not in framework_page(catalog.framework("8cantwait-2020"))


# --- the crosswalk on the data pages ---------------------------------------------------------------------


def _block(page: str, principle_id: str) -> str:
    """The Markdown of one principle's own block: from its label to the next label."""
    return page.split(f"({label(principle_id)})=", 1)[1].split("\n(pf-", 1)[0]


@pytest.mark.parametrize("fw", pf.load_catalog().frameworks, ids=lambda fw: fw.id)
def test_each_principle_lists_every_mapping_on_it_read_from_its_side(fw: pf.Framework) -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    page = framework_page(fw, catalog)
    for p in [*fw.iter_principles(), *(q for top in fw.framing for q in top.walk())]:
        block = _block(page, p.id)
        assert "- **Crosswalk:**" in block
        related = cw.related(p.id)
        for m in related:
            assert m.source == p.id
            line = mapping_line(m, catalog)
            assert f"  - {line}" in block
            assert f"**{_READ_AS[m.relationship.value]}** {ref(m.target)}" in line
            assert f"strength {m.strength}/10, {m.basis.value}, {m.rationale_type.value}" in line
            assert escape(m.rationale) in line
            assert ("**opposing stance**" in line) == m.opposing
        if not related:
            assert f"`{cw.disposition(p.id).value}`" in block


def test_an_incoming_subset_is_shown_as_an_outgoing_superset() -> None:
    catalog = pf.load_catalog()
    m = next(m for m in catalog.crosswalk.mappings if m.relationship.value == "subset" and ":" in m.target)
    target_page = framework_page(catalog.framework(m.target.partition(":")[0]), catalog)
    assert f"**superset of** {ref(m.source)}" in _block(target_page, m.target)
    source_page = framework_page(catalog.framework(m.source.partition(":")[0]), catalog)
    assert f"**subset of** {ref(m.target)}" in _block(source_page, m.source)


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
    line = mapping_line(m, catalog)
    assert line.startswith("**intersects** {ref}`policylink-2014 <pf-policylink-2014>` (")
    assert escape(catalog.framework("policylink-2014").short_title) in line
    assert "**opposing stance**" in line
    assert "(<https://example.org/statement>)" in line


def test_framework_section_gives_coverage_both_ways_for_each_joined_framework() -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    section = "\n".join(framework_crosswalk_section(catalog, catalog.framework("8cantwait-2020")))
    r = cw.coverage("8cantwait-2020", "uscm-2020")
    back = cw.coverage("uscm-2020", "8cantwait-2020")
    cells = f"{cell(io.coverage_record(back))} | {cell(io.coverage_record(r))}"
    row = f"| {ref('uscm-2020')} | {cells} |"
    assert row in section
    for m in cw.related("8cantwait-2020"):
        assert mapping_line(m, catalog) in section
    # Every bundled framework is joined; a framework no mapping joins gets a sentence that says so.
    assert set(joined_frameworks(catalog)) == set(catalog.framework_ids)
    alone = pf.Catalog((*catalog.frameworks, framework("alone-2020", principle("alone-2020:one"))))
    assert "No mapping of the bundled crosswalk joins" in "\n".join(
        framework_crosswalk_section(alone, alone.framework("alone-2020"))
    )


def test_cell_is_the_library_label_with_the_four_counts() -> None:
    catalog = pf.load_catalog()
    one = catalog.crosswalk.related("8cantwait-2020:duty-to-intervene", relationships=["equal"])[:1]
    cw = pf.Crosswalk(one, catalog=catalog)
    partly = cw.coverage("uscm-2020", "8cantwait-2020")
    assert list(partly.counts.values()) == [1, 0, 0, 7]
    assert cell(io.coverage_record(partly)) == "12\\-100\\%\\* (1/0/0/7)"
    assert cell(io.coverage_record(cw.coverage("uscm-2020", "uscm-2020"))) == "100\\% (19/0/0/0)"
    assert cell(io.coverage_record(cw.coverage("peel-principles", "uscm-2020"))) == "n\\/r (0/0/0/19)"


def test_crosswalk_page_holds_the_matrix_the_figures_and_every_mapping() -> None:
    catalog = pf.load_catalog()
    cw = catalog.crosswalk
    page = crosswalk_page(catalog)
    assert f"({CROSSWALK_LABEL})=" in page
    assert f"{len(cw.mappings)} mappings" in page
    joined = joined_frameworks(catalog)
    matrix = cw.matrix(joined)
    for s in joined:
        cells = " | ".join(cell(io.coverage_record(matrix.report(s, t))) for t in joined)
        assert f"| {escape(catalog.framework(s).short_title)} | {cells} |" in page
    for name in FIGURE_NAMES:
        assert f"```{{figure}} figures/{name}.svg" in page
        assert f"<figures/{name}.png>" in page
    for m in cw.mappings:
        assert f"| {ref(m.source)} | `{m.relationship.value}`" in page
    for f in catalog.framework_ids:
        assert (f in joined) != (ref(f) in page.split("## Coverage matrix")[0])


def test_dispositions_page_lists_exactly_the_principles_not_reviewed() -> None:
    catalog = pf.load_catalog()
    page = dispositions_page(catalog)
    assert page.startswith(GENERATED_NOTE)
    listed = page.split("## Not reviewed", 1)[1]
    for fw in catalog.frameworks:
        for p in fw.iter_principles():
            shown = f"- {ref(p.id)}:" in listed
            assert shown == (catalog.crosswalk.disposition(p.id) is pf.Disposition.NOT_REVIEWED), p.id
        if not fw.complete:
            assert f"{ref(fw.id)} (held in part)" in page
    total = sum(1 for fw in catalog.frameworks for _ in fw.iter_principles())
    assert page.count("\n| {ref}") == len(catalog.frameworks)
    assert f"| {total} |\n" in page
    assert "\ndispositions\n" in data_index(catalog)
