"""The documentation's crosswalk pages: each principle's mappings, a section per framework, the overview.

MyST Markdown for a Sphinx site, written by :func:`~policeframeworks.report.site_pages`; tables through
:func:`~policeframeworks.report._markdown.markdown_table`, coverage cells with the report's label and counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import _plot, io
from .._bundled import bundled_documents
from ..crosswalk import PARTLY_REVIEWED_NOTE
from ._data import joined_frameworks
from ._markdown import GENERATED_NOTE, citation_line, coverage_counts, escape, markdown_table, ref

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .._catalog import Catalog
    from .._mapping import Mapping as PfMapping
    from .._model import Framework
    from ..crosswalk import Crosswalk

__all__ = [
    "CROSSWALK_LABEL",
    "CROSSWALK_PAGE",
    "FIGURE_NAMES",
    "cell",
    "counts_note",
    "coverage_table",
    "crosswalk_figures",
    "crosswalk_links",
    "crosswalk_page",
    "framework_crosswalk_section",
    "mapping_line",
]

#: The overview page of the crosswalk (``data/crosswalk.md``) and its label.
CROSSWALK_PAGE = "crosswalk"
CROSSWALK_LABEL = "pf-crosswalk"

#: The figures of the overview page, written to ``data/figures/`` as SVG (shown) and PNG (download).
FIGURE_NAMES = ("coverage-matrix", "crosswalk-network")

_READ_AS = {
    "equal": "equal to",
    "subset": "subset of",
    "superset": "superset of",
    "intersects": "intersects",
    "no_relationship": "no relationship with",
}


def end_title(catalog: Catalog, end: str) -> str:
    """The title of a mapping's end: a principle's number and title, or a framework's short title."""
    if ":" not in end:
        return catalog.framework(end).short_title
    p = catalog.principle(end)
    return f"{p.number}. {p.title}" if p.number else p.title


def mapping_line(m: PfMapping, catalog: Catalog) -> str:
    """One mapping as read from its source's side, on one line of Markdown.

    Relationship, the target (linked, with its title), strength, basis, rationale type, an opposing
    stance if flagged, the rationale, and the citation for an explicit basis.
    """
    rel = m.relationship.value
    line = (
        f"**{_READ_AS[rel]}** {ref(m.target)} ({escape(end_title(catalog, m.target))}): "
        f"strength {m.strength}/10, {m.basis.value}, {m.rationale_type.value}"
    )
    if m.opposing:
        line += ", **opposing stance**"
    line += f". {escape(m.rationale)}"
    if m.citation is not None:
        line += f" Source: {citation_line(m.citation)}."
    return line


def _disposition_line(cw: Crosswalk, principle_id: str) -> str:
    disposition = cw.disposition(principle_id).value
    if disposition == "mapped":
        return (
            "No mapping names this principle itself; it is `mapped` through an enclosing principle, "
            "its whole framework or a sub-provision (see there)."
        )
    if disposition == "no_relationship":
        return (
            "No mapping names this principle itself; the whole of another framework was reviewed against "
            "it (a `no_relationship` mapping on an enclosing principle or its whole framework, or a declared "
            "complete review) and shares nothing with it."
        )
    framework_id, _, path = principle_id.partition(":")
    enclosing = [framework_id] + [
        f"{framework_id}:{path.rsplit('/', n)[0]}" for n in range(1, path.count("/") + 1)
    ]
    if any(cw.related(e) for e in enclosing):
        return (
            "`not_reviewed` on its own: no mapping names this principle or a sub-provision; the mappings on "
            "an enclosing principle or its whole framework bear on it only as part of the whole (see there)."
        )
    return (
        "`not_reviewed`: no mapping bears on this principle yet (which is not a finding of no relationship)."
    )


def crosswalk_links(catalog: Catalog, fw: Framework) -> dict[str, list[str]]:
    """For each principle and framing statement of ``fw``: the lines of its "Crosswalk" item.

    Every mapping of the catalog's crosswalk on the principle itself, read from its side (an incoming
    ``subset`` is shown as an outgoing ``superset``), one line each (see :func:`mapping_line`); a principle
    with none gets one line with its disposition (mapped through another id, reviewed with no
    relationship, or not reviewed).
    """
    cw = catalog.crosswalk
    out: dict[str, list[str]] = {}
    for top in (*fw.framing, *fw.principles):
        for p in top.walk():
            related = cw.related(p.id)
            out[p.id] = (
                [mapping_line(m, catalog) for m in related] if related else [_disposition_line(cw, p.id)]
            )
    return out


def cell(record: Mapping[str, Any]) -> str:
    r"""A coverage cell of the data pages: the library's label (escaped for Markdown), then the counts.

    ``29-71% (2/3/2/0)``: ``record`` is :func:`policeframeworks.io.coverage_record`; its ``label`` is
    :attr:`CoverageReport.label <policeframeworks.CoverageReport.label>`, the counts are
    :func:`coverage_counts` (covered / touched / no_relationship / not_reviewed leaves), both as the report
    shows them.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> cell(io.coverage_record(load_catalog().crosswalk.coverage("uscm-2020", "uscm-2020")))
        '100\\% (19/0/0/0)'
    """
    return f"{escape(record['label'])} ({coverage_counts(record)})"


def counts_note() -> str:
    """What the brackets and marks of :func:`cell` mean, in one Markdown sentence or two."""
    return (
        "The numbers in brackets count the target's leaf principles covered / touched (not covered) / "
        "no_relationship / not_reviewed. A pair not wholly reviewed is never shown as a bare percentage: "
        f"{escape(PARTLY_REVIEWED_NOTE)}."
    )


def _partners(cw: Crosswalk, framework_id: str) -> list[str]:
    """The other frameworks joined to ``framework_id`` by at least one mapping, in catalog order."""
    found = set()
    for m in cw.mappings:
        ends = {m.source.partition(":")[0], m.target.partition(":")[0]}
        if framework_id in ends:
            found |= ends
    found.discard(framework_id)
    return [f for f in cw.catalog.framework_ids if f in found]


def framework_crosswalk_section(catalog: Catalog, fw: Framework) -> list[str]:
    """The "In the crosswalk" section of a framework's page.

    The mappings on the framework as a whole, and the coverage (lower and upper bound) between it and each
    framework a mapping joins it to, both ways.
    """
    cw = catalog.crosswalk
    out = ["## In the crosswalk", ""]
    partners = _partners(cw, fw.id)
    if not partners:
        out += [
            "No mapping of the bundled crosswalk joins this framework to another one yet: every principle "
            f"below is `not_reviewed`. See {{ref}}`the crosswalk overview <{CROSSWALK_LABEL}>`.",
            "",
        ]
        return out
    out += [
        f"Coverage between this framework and each framework the crosswalk joins it to, as lower to upper "
        f"bounds (see {{doc}}`../explanation/coverage-bounds` and {{ref}}`the crosswalk overview "
        f"<{CROSSWALK_LABEL}>`). " + counts_note() + " Each principle "
        "below lists the mappings on it.",
        "",
        markdown_table(
            [
                "other framework",
                f"how much of {escape(fw.short_title)} it covers",
                f"how much of it {escape(fw.short_title)} covers",
            ],
            [
                [
                    ref(other),
                    cell(io.coverage_record(cw.coverage(other, fw.id))),
                    cell(io.coverage_record(cw.coverage(fw.id, other))),
                ]
                for other in partners
            ],
            cell=str,
        ),
        "",
    ]
    whole = cw.related(fw.id)
    if whole:
        out += ["Mappings on the framework as a whole (each bears on every principle at the other end):", ""]
        out += [f"- {mapping_line(m, catalog)}" for m in whole]
        out.append("")
    return out


def _labels(catalog: Catalog) -> dict[str, str]:
    return {fw.id: fw.short_title for fw in catalog.frameworks}


def crosswalk_figures(catalog: Catalog) -> dict[str, Figure]:
    """The overview's figures, drawn by the library's own plotting functions (needs matplotlib).

    ``coverage-matrix``: :func:`policeframeworks.plot_coverage_matrix` of the coverage matrix of the
    frameworks the crosswalk joins; ``crosswalk-network``: :func:`policeframeworks.plot_crosswalk` of
    :meth:`Crosswalk.to_networkx <policeframeworks.Crosswalk.to_networkx>` (a multigraph, so that two
    mappings on one pair are both drawn).
    """
    cw = catalog.crosswalk
    labels = _labels(catalog)
    return {
        "coverage-matrix": _plot.plot_coverage_matrix(cw.matrix(joined_frameworks(catalog)), labels=labels),
        "crosswalk-network": _plot.plot_crosswalk(cw.to_networkx(multigraph=True), labels=labels),
    }


def crosswalk_page(catalog: Catalog) -> str:
    """The Markdown of the crosswalk overview: counts, the two figures, the coverage table, every mapping."""
    cw = catalog.crosswalk
    joined = joined_frameworks(catalog)
    left_out = [f for f in catalog.framework_ids if f not in joined]
    by_rel = Counter(m.relationship.value for m in cw.mappings)
    by_basis = Counter(m.basis.value for m in cw.mappings)
    out = [
        GENERATED_NOTE,
        f"({CROSSWALK_LABEL})=",
        "# The crosswalk",
        "",
        f"Generated from the crosswalk bundled with this version of the library: {len(cw.mappings)} "
        f"mappings joining {len(joined)} frameworks, from "
        + ", ".join(f"`{doc.id}` (data version {escape(doc.data_version)})" for doc in bundled_documents())
        + ". By relationship: "
        + ", ".join(f"{by_rel[r]} `{r}`" for r in _READ_AS if by_rel[r])
        + ". By basis: "
        + ", ".join(f"{n} `{b}`" for b, n in sorted(by_basis.items()))
        + ". What the words mean: {doc}`../explanation/relationships`.",
        "",
    ]
    if left_out:
        out += [
            "Not yet joined to any other framework (their principles are all `not_reviewed`): "
            + ", ".join(ref(f) for f in left_out)
            + ".",
            "",
        ]
    out += [
        "## Coverage matrix",
        "",
        "Each cell says how much of the column's framework (the target) the row's framework (the source) "
        "covers: the lower bound (share of the target's leaf principles certainly met by meeting all of "
        "the source) and, when higher, the upper bound (share not known to be unrelated: a leaf nobody "
        "compared with the whole source may be covered). The colour is the lower bound; pairs only partly "
        "reviewed are hatched and marked `*`, pairs nothing of which was reviewed are grey and marked "
        "`n/r`. Why there are several numbers: {doc}`../explanation/coverage-bounds`.",
        "",
        "```{figure} figures/coverage-matrix.svg",
        ":alt: Heatmap of the coverage matrix of the bundled frameworks",
        "",
        "Drawn while this page was built by `plot_coverage_matrix(crosswalk.matrix(frameworks), "
        "labels=...)` ({func}`policeframeworks.plot_coverage_matrix`). "
        "{download}`PNG <figures/coverage-matrix.png>`.",
        "```",
        "",
        "The same numbers as a table (rows: source; columns: target). " + counts_note(),
        "",
        coverage_table(catalog, io.coverage_matrix_records(cw.matrix(joined))),
        "",
        "## The network",
        "",
        "Every principle with a mapping, around a circle and grouped by framework; edges coloured by "
        "relationship, `subset` and `superset` with an arrow head at the target, opposing stances in red.",
        "",
        "```{figure} figures/crosswalk-network.svg",
        ":alt: Network drawing of the crosswalk: principles as dots, mappings as lines",
        "",
        "Drawn while this page was built by `plot_crosswalk(crosswalk.to_networkx(multigraph=True), "
        "labels=...)` ({func}`policeframeworks.plot_crosswalk`). "
        "{download}`PNG <figures/crosswalk-network.png>`.",
        "```",
        "",
        "## Every mapping",
        "",
        "As asserted, in file order (each principle's page shows them from its own side, with the "
        "rationale).",
        "",
        markdown_table(
            ["source", "relationship", "target", "strength", "basis", "rationale type"],
            [
                [
                    ref(m.source),
                    f"`{m.relationship.value}`" + (" (opposing)" if m.opposing else ""),
                    ref(m.target),
                    m.strength,
                    f"`{m.basis.value}`",
                    f"`{m.rationale_type.value}`",
                ]
                for m in cw.mappings
            ],
            cell=str,
        ),
    ]
    return "\n".join(out).rstrip() + "\n"


def coverage_table(catalog: Catalog, records: Sequence[Mapping[str, Any]]) -> str:
    r"""The coverage matrix as one Markdown table of :func:`cell` s: rows the sources, columns the targets.

    ``records`` is :func:`policeframeworks.io.coverage_matrix_records` (what ``report.json`` holds under
    ``matrix``); the frameworks are taken in the records' order.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> catalog = load_catalog()
        >>> matrix = catalog.crosswalk.matrix(["uscm-2020", "8cantwait-2020"])
        >>> print(coverage_table(catalog, io.coverage_matrix_records(matrix)).splitlines()[2])
        | USCM principles \(2020\) | 100\% (19/0/0/0) | 12\-88\% (1/6/1/0) |
    """
    ids = list(dict.fromkeys(r["source"] for r in records))
    cells = {(r["source"], r["target"]): r for r in records}
    return markdown_table(
        ["source \\\\ target", *(ref(t) for t in ids)],
        [[escape(catalog.framework(s).short_title), *(cell(cells[(s, t)]) for t in ids)] for s in ids],
        cell=str,
    )
