"""The documentation's data pages: one page per framework, an index, the crosswalk and its dispositions.

MyST Markdown for a Sphinx site (labels, ``{ref}`` roles, a toctree), built from the catalog with the
report's Markdown (:mod:`policeframeworks.report._markdown`): :func:`site_pages` gives every page,
:func:`site_figures` the crosswalk overview's figures. ``docs/_ext/pf_docs.py`` writes them at build time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .._catalog import load_catalog
from ..crosswalk import Disposition
from ._figures import figure_files
from ._markdown import (
    GENERATED_NOTE,
    citation_line,
    escape,
    framework_label,
    label,
    markdown_table,
    quote,
    ref,
)
from ._site_crosswalk import (
    CROSSWALK_PAGE,
    crosswalk_figures,
    crosswalk_links,
    crosswalk_page,
    framework_crosswalk_section,
)

if TYPE_CHECKING:
    from .._catalog import Catalog
    from .._endorsement import Endorsement
    from .._model import Framework, Principle

__all__ = [
    "data_index",
    "dispositions_page",
    "endorsement_lines",
    "framework_page",
    "principle_block",
    "site_figures",
    "site_pages",
]

_WORDING_NOTE = {
    "verbatim": "verbatim: the whole provision, word for word",
    "excerpt": "excerpt: words from the source, shortened",
    "paraphrase": "paraphrase: our words, not a quotation",
}


def principle_block(p: Principle, depth: int, links: Mapping[str, list[str]] | None = None) -> list[str]:
    """The Markdown of one principle and, below it, its sub-provisions.

    ``links`` maps principle ids to the lines of their "Crosswalk" item (see :func:`crosswalk_links`).
    """
    number = f"{escape(p.number)}. " if p.number else ""
    heading = "#" * min(depth, 6)
    out = [f"({label(p.id)})=", f"{heading} {number}{escape(p.title)}", ""]
    out += [f"`{p.id}`", ""]
    if p.wording.value == "paraphrase":
        out += [escape(p.text), ""]
    else:
        out += [*quote(p.text), ""]
    out += [
        f"- **Wording:** {_WORDING_NOTE[p.wording.value]}",
        "- **Themes:** " + ", ".join(f"`{t.value}`" for t in p.themes),
        f"- **Source:** {citation_line(p.citation)}",
    ]
    if p.aliases:
        out.append("- **Also known as:** " + "; ".join(escape(a) for a in p.aliases))
    if p.corresponds_to:
        out.append("- **Same provision in other versions:** " + ", ".join(ref(i) for i in p.corresponds_to))
    for note in p.notes:
        out.append(f"- **Note:** {escape(note)}")
    mine = (links or {}).get(p.id, [])
    if mine:
        out.append("- **Crosswalk:**")
        out += [f"  - {line}" for line in mine]
    out.append("")
    for child in p.children:
        out += principle_block(child, depth + 1, links)
    return out


def endorsement_lines(endorsements: Iterable[Endorsement]) -> list[str]:
    """One list item per endorsement: relation, endorser, date, where it is said, target and source."""
    out = []
    for e in endorsements:
        parts = [f"**{escape(e.relation.value)}** by {escape(e.endorser)} ({escape(e.endorser_kind.value)})"]
        if e.date:
            parts.append(escape(e.date))
        if ":" in e.target:
            parts.append(f"principle {ref(e.target)}")
        if e.via:
            parts.append(f"in {ref(e.via)}")
        parts.append(f"source: {citation_line(e.citation)}")
        out.append("- " + ", ".join(parts))
        out += [f"  - {escape(n)}" for n in e.notes]
    return out


def framework_page(fw: Framework, catalog: Catalog | None = None) -> str:
    """The Markdown page of one framework (with its endorsements when ``catalog`` is given)."""
    links = crosswalk_links(catalog, fw) if catalog is not None else None
    out = [GENERATED_NOTE, f"({framework_label(fw.id)})=", f"# {escape(fw.short_title)}", ""]
    out += [f"*{escape(fw.title)}*, {escape(fw.publisher)}, {escape(fw.date)}.", ""]
    facts = [
        ["id", f"`{fw.id}`"],
        ["family", f"`{fw.family}`"],
        ["version", escape(fw.version)],
        ["kind", f"`{fw.kind.value}`"],
        ["principles", f"{len(fw.principles)} top-level, {sum(1 for _ in fw.iter_principles())} in all"],
        ["complete", "yes" if fw.complete else "no: " + escape(fw.missing or "")],
        ["data version", escape(fw.data_version)],
        ["source", citation_line(fw.citation)],
    ]
    out += [markdown_table(["", ""], facts, cell=str), ""]
    counts = {w: sum(1 for p in fw.iter_principles() if p.wording.value == w) for w in _WORDING_NOTE}
    shown = ", ".join(f"{n} {w}" for w, n in counts.items() if n)
    out += [f"Wording of the principles: {shown}.", ""]
    if fw.notes:
        out += ["## Notes on the data", ""]
        out += [f"- {escape(n)}" for n in fw.notes]
        out.append("")
    if fw.preamble:
        out += ["## Preamble", "", *quote(fw.preamble), ""]
        if fw.placeholders:
            out += [
                "Placeholders, as printed: " + ", ".join(f"`{ph}`" for ph in fw.placeholders) + ".",
                "",
            ]
    if fw.framing:
        out += [
            "## Framing statements",
            "",
            "Part of the document but not provisions: addressable by id and mappable, never counted in "
            "coverage or scores.",
            "",
        ]
        for p in fw.framing:
            out += principle_block(p, 3, links)
    endorsements = catalog.endorsements_of(fw.id) if catalog is not None else ()
    if endorsements:
        out += ["## Endorsed, adopted, built on or answered", ""]
        out += endorsement_lines(endorsements)
        out.append("")
    if catalog is not None:
        out += framework_crosswalk_section(catalog, fw)
    out += ["## Principles", ""]
    for p in fw.principles:
        out += principle_block(p, 3, links)
    return "\n".join(out).rstrip() + "\n"


def data_index(catalog: Catalog) -> str:
    """The Markdown of the data overview: one row per framework, and the toctree of their pages."""
    out = [
        GENERATED_NOTE,
        "(pf-data)=",
        "# The bundled frameworks",
        "",
        "Generated from the catalog bundled with this version of the library "
        f"(catalog data version {escape(catalog.data_version or 'unknown')}). Every principle shows its "
        "wording status, themes and source.",
        "",
        markdown_table(
            ["framework", "publisher", "date", "kind", "principles"],
            [
                [
                    f"[{escape(fw.short_title)}]({fw.id}.md)",
                    escape(fw.publisher),
                    escape(fw.date),
                    f"`{fw.kind.value}`",
                    sum(1 for _ in fw.iter_principles()),
                ]
                for fw in catalog.frameworks
            ],
            cell=str,
        ),
    ]
    out += ["", "Where each principle stands in the bundled crosswalk: [dispositions](dispositions.md).", ""]
    out += ["```{toctree}", ":hidden:", ""]
    out += [fw.id for fw in catalog.frameworks]
    out += ["dispositions", "```", ""]
    return "\n".join(out)


def dispositions_page(catalog: Catalog) -> str:
    """The Markdown page of dispositions: counts per framework, then every principle not reviewed.

    A principle's disposition is :meth:`policeframeworks.Crosswalk.disposition` over the bundled
    crosswalk (all principles at every depth; framing statements are not counted).
    """
    cw = catalog.crosswalk
    rows: list[list[object]] = []
    sections: list[str] = []
    total: dict[Disposition, int] = dict.fromkeys(Disposition, 0)
    for fw in catalog.frameworks:
        found = {p.id: cw.disposition(p.id) for p in fw.iter_principles()}
        counts = {d: sum(1 for v in found.values() if v is d) for d in Disposition}
        for d, n in counts.items():
            total[d] += n
        held = "" if fw.complete else " (held in part)"
        rows.append(
            [
                ref(fw.id) + held,
                counts[Disposition.MAPPED],
                counts[Disposition.NO_RELATIONSHIP],
                counts[Disposition.NOT_REVIEWED],
                len(found),
            ]
        )
        waiting = [p for p in fw.iter_principles() if found[p.id] is Disposition.NOT_REVIEWED]
        if waiting:
            sections += [f"### {escape(fw.short_title)}", ""]
            sections += [f"- {ref(p.id)}: {escape(p.title)}" for p in waiting]
            if not fw.complete:
                sections.append(f"- Not held at all: {escape(fw.missing or '')}")
            sections.append("")
    out = [
        GENERATED_NOTE,
        "(pf-dispositions)=",
        "# Dispositions: what the crosswalk has reviewed",
        "",
        "Every principle of every bundled framework (at every depth; framing statements aside) has one "
        "disposition in the bundled crosswalk, from {meth}`policeframeworks.Crosswalk.disposition`: "
        "**mapped** (a mapping relates it, or a part of it, to another framework), **reviewed with no "
        "relationship** (a `no_relationship` mapping on it, its parent or its framework says it was compared "
        "and shares nothing), or **not reviewed** (no mapping says anything about it). Not reviewed is not "
        "the same as unrelated: it means nobody has compared it yet.",
        "",
        markdown_table(
            ["framework", "mapped", "reviewed, no relationship", "not reviewed", "principles"],
            [
                *rows,
                [
                    "all",
                    total[Disposition.MAPPED],
                    total[Disposition.NO_RELATIONSHIP],
                    total[Disposition.NOT_REVIEWED],
                    sum(total.values()),
                ],
            ],
            cell=str,
        ),
        "",
        "Frameworks held in part are marked; what is missing from them cannot have a disposition. "
        "Versions of one family are joined by {func}`policeframeworks.version_crosswalk`, which is "
        "generated on request and not part of the bundled crosswalk, so its mappings are not counted here.",
        "",
        "## Not reviewed",
        "",
    ]
    out += sections or ["Every principle has been reviewed.", ""]
    return "\n".join(out).rstrip() + "\n"


def site_pages() -> dict[str, str]:
    r"""Every data page of the documentation of the bundled catalog, as MyST Markdown by file name.

    ``index.md`` (the frameworks, with a toctree), one ``<framework id>.md`` per framework (principles
    with wording, themes, sources, endorsements and the mappings on each), ``crosswalk.md`` (the overview:
    coverage matrix, figures, every mapping) and ``dispositions.md`` (what the crosswalk has reviewed).
    The pages use Sphinx labels and roles (MyST), and the crosswalk page shows the figures of
    :func:`site_figures` from ``figures/``. Tables are written as the report writes them
    (:func:`~policeframeworks.report.render_markdown`).

    Example:
        >>> pages = site_pages()
        >>> sorted(pages)[:3]
        ['21cp-2015.md', '8cantwait-2020.md', '8toabolition-2020.md']
        >>> pages["uscm-2020.md"].splitlines()[2:4]
        ['(pf-uscm-2020)=', '# USCM principles \\(2020\\)']
    """
    catalog = load_catalog()
    pages = {"index.md": data_index(catalog)}
    for fw in catalog.frameworks:
        pages[f"{fw.id}.md"] = framework_page(fw, catalog)
    pages["dispositions.md"] = dispositions_page(catalog)
    pages[f"{CROSSWALK_PAGE}.md"] = crosswalk_page(catalog)
    return pages


def site_figures() -> dict[str, bytes]:
    """The crosswalk overview's figures as files by name, SVG and PNG (needs matplotlib, the ``plot`` extra).

    ``coverage-matrix`` (:func:`policeframeworks.plot_coverage_matrix` of the frameworks the bundled
    crosswalk joins) and ``crosswalk-network`` (:func:`policeframeworks.plot_crosswalk`), each as ``.svg``
    and ``.png``, byte-for-byte the same from one run to the next.

    Example (matplotlib is part of the ``test`` extra, so this runs in the test suite):
        >>> sorted(site_figures())
        ['coverage-matrix.png', 'coverage-matrix.svg', 'crosswalk-network.png', 'crosswalk-network.svg']
    """
    return figure_files(crosswalk_figures(load_catalog()))
