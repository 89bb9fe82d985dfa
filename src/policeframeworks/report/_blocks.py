"""The report as a list of document blocks: headings, paragraphs, lists, tables and figures.

:func:`report_blocks` turns the data of :func:`~policeframeworks.report.report_data` into blocks, which
:func:`~policeframeworks.report.render_markdown` and :func:`~policeframeworks.report.render_html` write out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..crosswalk import PARTLY_REVIEWED_NOTE
from . import _sections as sections
from ._figures import PLOT_HINT
from ._markdown import coverage_counts
from ._sections import Block

__all__ = ["report_blocks"]


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total and count else "-"


def report_blocks(data: Mapping[str, Any], figures: Mapping[str, str] | None) -> list[Block]:
    """The report as a list of document blocks, ready for :func:`render_markdown` and :func:`render_html`.

    Blocks: ``("h1"|"h2", text)``, ``("p", text)``, ``("list", items)``, ``("table", headers, rows)`` and
    ``("figure", file name, caption)``.

    ``figures`` maps figure file names to SVG text, or is None when matplotlib is not installed.

    Example:
        >>> from policeframeworks import load_catalog
        >>> from policeframeworks.report import report_data
        >>> bs = report_blocks(report_data(load_catalog()), None)
        >>> bs[0]
        ('h1', 'Police-reform frameworks: a cross-framework report')
    """
    fws = data["frameworks"]
    titles = {f["id"]: f["short_title"] for f in fws}
    out: list[Block] = [("h1", "Police-reform frameworks: a cross-framework report")]
    out.append(
        (
            "meta",
            [
                f"policeframeworks {data['policeframeworks_version']}, bundled data version "
                f"{data['catalog_data_version']}; made {data.get('generated', '')}.",
                f"{len(fws)} frameworks, {sum(f['provisions'] for f in fws)} provisions. Every number below "
                "is computed by the library and is also in report.json.",
                "How to cite: policeframeworks cite (the library with its code and data versions, and each "
                "framework's own source).",
            ],
        )
    )
    out.append(("toc",))
    out += sections.how_to_read_blocks()
    if data["pending"]:
        out.append(("h2", "What this report does not contain yet"))
        out.append(("p", "This version of policeframeworks lacks parts these sections need:"))
        out.append(("list", [f"{p['what']} (needs the {p['needs']})" for p in data["pending"]]))
    cw = data["crosswalk"]
    if cw["not_joined"]:
        out.append(("h2", "Frameworks the crosswalk does not join yet"))
        out.append(
            (
                "p",
                f"The bundled crosswalk ({cw['mappings']} mappings) joins {len(cw['frameworks'])} of the "
                f"{len(fws)} frameworks. These are in no mapping to another framework yet, so the coverage "
                "sections leave them out (their coverage is unknown, not zero), and projections onto them "
                "find nothing: " + ", ".join(cw["not_joined"]) + ".",
            )
        )
    out.append(("h2", "The frameworks"))
    out.append(
        (
            "table",
            ["id", "framework", "publisher", "date", "kind", "principles", "provisions", "leaves", "framing"],
            [
                [
                    f["id"],
                    f["short_title"],
                    f["publisher"],
                    f["date"],
                    f["kind"],
                    f["principles"],
                    f["provisions"],
                    f["leaves"],
                    f["framing"],
                ]
                for f in fws
            ],
        )
    )
    out.append(
        (
            "p",
            "principles: top-level principles as published; provisions: principles at any depth (USCM's "
            "Sanctity of Life lists sub-provisions); leaves: provisions without sub-provisions, the unit "
            "coverage counts; framing: framing statements, never counted.",
        )
    )
    incomplete = [f for f in fws if not f["complete"]]
    if incomplete:
        out.append(("list", [f"{f['id']} is incomplete: {f['missing']}" for f in incomplete]))

    ids = cw["frameworks"]
    if ids:
        cells = {(r["source"], r["target"]): r for r in data["matrix"]}
        out.append(("h2", "Coverage matrix"))
        out.append(
            (
                "p",
                "How much of each target framework (columns) each source framework (rows) covers, counting "
                "the target's leaf principles, each covered (a source principle is equal to the leaf or a "
                "superset of it), touched (another positive relationship), no_relationship (the whole source "
                "was reviewed against it, nothing relates) or not_reviewed. Lower bound: covered / leaves. "
                "Upper bound: all leaves but the no_relationship ones, since a leaf nobody reviewed may be "
                "covered. The diagonal is each framework covering itself. "
                + PARTLY_REVIEWED_NOTE.replace("* ", "A * marks a pair only ", 1)
                + ".",
            )
        )
        out.append(("p", "Coverage (lower-upper bound):"))
        out.append(
            ("table", ["source \\ target", *ids], [[s, *(cells[(s, t)]["label"] for t in ids)] for s in ids])
        )
        out.append(
            ("p", "Leaves of each target by status, covered / touched / no_relationship / not_reviewed:")
        )
        out.append(
            (
                "table",
                ["source \\ target", *ids],
                [[s, *(coverage_counts(cells[(s, t)]) for t in ids)] for s in ids],
            )
        )
        if figures is not None and "coverage.svg" in figures:
            caption = (
                "Coverage matrix: each cell coloured by the lower bound and labelled as above; pairs only "
                "partly reviewed hatched, pairs with nothing reviewed grey"
            )
            out.append(("figure", "coverage.svg", caption))
        unreviewed = {
            (r["source"], r["target"])
            for r in data["matrix"]
            if r["not_reviewed"] == r["leaves"] and r["source"] != r["target"]
        }
        both = sorted(
            {tuple(sorted(pair, key=ids.index)) for pair in unreviewed if (pair[1], pair[0]) in unreviewed},
            key=lambda pair: (ids.index(pair[0]), ids.index(pair[1])),
        )
        one_way = sorted(
            (pair for pair in unreviewed if (pair[1], pair[0]) not in unreviewed),
            key=lambda pair: (ids.index(pair[0]), ids.index(pair[1])),
        )
        titles = {f["id"]: f["short_title"] for f in fws}
        if unreviewed:
            out.append(
                (
                    "p",
                    f"Pairs with nothing reviewed ({len(both)} both ways, {len(one_way)} one way; shown n/r, "
                    "never 0%: unknown, not nothing in common):",
                )
            )
            out.append(
                (
                    "list",
                    [f"{titles[a]} and {titles[b]}, either way" for a, b in both]
                    + [f"{titles[a]} covering {titles[b]}" for a, b in one_way],
                )
            )
        else:
            out.append(("p", "Every pair had at least part of it reviewed."))
        out.append(("h2", "Principles no other framework covers"))
        out.append(
            (
                "p",
                "For each framework the crosswalk joins, its leaf principles that no other joined framework "
                "covers; status is the best any other framework reaches: touched (related, but not covered), "
                "no_relationship (reviewed, nothing in common) or not_reviewed (no mapping).",
            )
        )
        for t in ids:
            rows = data["uncovered"][t]
            out.append(("p", f"{t}: {len(rows)} of {cells[(t, t)]['leaves']} leaf principles."))
            if rows:
                out.append(
                    (
                        "table",
                        ["principle", "title", "status", "touched by"],
                        [[r["id"], r["title"], r["status"], ", ".join(r["touched_by"])] for r in rows],
                    )
                )

    out += sections.pair_blocks(data.get("pairs", []), titles)
    for a in data.get("assessments", []):
        out += _assessment_blocks(a)
    for d in data.get("reported_totals", []):
        out += sections.total_reading_blocks(d, titles)

    out.append(("h2", "Themes per framework"))
    out.append(
        (
            "p",
            "Share of each framework's leaf provisions that carry each theme (frameworks have 6 to 25 "
            "leaves, so raw counts would favour the long ones); a provision can carry several themes. The "
            "counts are in report.json.",
        )
    )
    all_ids = [f["id"] for f in fws]
    leaves = {f["id"]: f["leaves"] for f in fws}
    out.append(
        (
            "table",
            ["theme", *all_ids],
            [
                [theme, *(_share(counts[i], leaves[i]) for i in all_ids)]
                for theme, counts in data["themes"].items()
            ],
        )
    )
    if figures is not None and "themes.svg" in figures:
        out.append(
            ("figure", "themes.svg", "Themes per framework (share of each framework's leaf provisions)")
        )
    single = data["single_framework_themes"]
    if single:
        out.append(("p", "Themes only one framework addresses:"))
        out.append(("list", [f"{theme}: {fid}" for theme, fid in single.items()]))
    if data["unused_themes"]:
        out.append(("p", "Themes no bundled framework carries: " + ", ".join(data["unused_themes"]) + "."))

    if figures is None:
        out.append(("h2", "Pictures"))
        out.append(
            (
                "p",
                "This report has tables only: the heatmaps need matplotlib, which is not installed. "
                f"To get them: {PLOT_HINT}, then run policeframeworks report again.",
            )
        )
    out += sections.framework_blocks(data.get("framework_principles", []))
    out.append(("h2", "Sources"))
    out.append(("list", [f"{f['id']}: {f['title']}, {f['publisher']}, {f['date']}. {f['url']}" for f in fws]))
    return out


def _assessment_blocks(a: Mapping[str, Any]) -> list[Block]:
    sc = a["score"]
    out: list[Block] = [("h2", f"Example: {sc['jurisdiction']} projected onto every framework")]
    out.append(
        (
            "p",
            f"{sc['jurisdiction']} ({sc['kind']}) against {sc['framework']} as of {sc['as_of']}, by "
            f"{sc['assessor']} ({sc['method']}). Its score: "
            + (
                f"exactly {sc['lower']} of {sc['applicable']} applicable principles adopted"
                if sc["lower"] == sc["upper"]
                else f"at least {sc['lower']} and at most {sc['upper']} of {sc['applicable']} applicable "
                "principles adopted"
            )
            + (
                f" (the reported total; which {sc['lower']} is not all said)"
                if sc.get("reported_total") is not None and sc["lower"] == sc["upper"]
                else ""
            )
            + ". In detail:",
        )
    )
    lines: list[str] = []
    for line in a["explain"].splitlines():  # an indented line continues the one before
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    out.append(("list", lines))
    out.append(
        (
            "p",
            "Projected through the crosswalk onto every framework: a target principle is adopted when an "
            "adopted principle is equal to it or a superset of it, partial when an adopted one only touches "
            "it (or a partial one covers it), not adopted only through equal to a not-adopted one, and "
            "unknown otherwise. Only named findings are projected: a reported total that does not say "
            "which principles it counts is not carried over, so most projected principles stay unknown and "
            "the upper bound stays high. mappings: the crosswalk mappings the projected findings rest on; 0 "
            "means nothing is known about that framework from this assessment.",
        )
    )
    out.append(
        (
            "table",
            [
                "framework",
                "how",
                "mappings",
                "findings",
                "adopted",
                "partial",
                "lower",
                "upper",
                "applicable",
            ],
            [
                [
                    p["framework"],
                    "assessed" if p["assessed"] else "projected",
                    p["mappings"],
                    p["findings"],
                    p["adopted"],
                    p["partial"],
                    p["lower"],
                    p["upper"],
                    p["applicable"],
                ]
                for p in a["projections"]
            ],
        )
    )
    return out
