"""The cross-framework report behind ``policeframeworks report``: its data, and Markdown and HTML renderings.

The report is built in three steps, each usable on its own:

1. :func:`report_data` computes every number from the library's API and returns plain data (what
   ``report.json`` holds), so a test or a script can check the report against the API.
2. :func:`blocks` turns that data into a list of document blocks (headings, paragraphs, tables, figures).
3. :func:`render_markdown` and :func:`render_html` write the blocks out; :func:`draw_figures` draws the
   heatmaps as SVG when matplotlib (the ``plot`` extra) is installed.

What this version reports: the frameworks of the catalog with their counts; the coverage matrix of the
frameworks the bundled crosswalk joins (lower and upper bounds, as tables and heatmaps); for each of them,
the leaf principles no other framework covers, with what touches them; and the themes each framework
addresses; and the bundled example assessments (Kankakee, IL, June 2020, against 8 Can't Wait) scored, and
projected through the crosswalk onto every framework, with the bounds and how many mappings each projection
rests on. Sections that need parts of the library a version does not have are listed in
:data:`PENDING_SECTIONS` and the report says so instead of leaving them out silently (none at present).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import _report_sections as sections

#: Sections that need parts of the library this version does not have: ``(id, what, needs)``. None now.
PENDING_SECTIONS: tuple[tuple[str, str, str], ...] = ()

#: How to get the pictures when matplotlib is missing.
PLOT_HINT = "pip install 'policeframeworks[plot]'"

Block = tuple[Any, ...]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policeframeworks")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "unknown"


def report_data(catalog: Any) -> dict[str, Any]:
    """Every number in the report, computed from the API, as plain data (what ``report.json`` holds).

    Keys: ``policeframeworks_version``, ``catalog_data_version``, ``frameworks`` (one object per framework:
    ``id, short_title, title, publisher, date, kind, principles`` (top level), ``provisions`` (any depth),
    ``leaves`` (provisions without sub-provisions, the unit coverage counts), ``framing``, ``complete``,
    ``missing``, ``data_version``, ``url``), ``themes`` (theme -> framework id -> number of leaf provisions
    with that theme; only themes some framework has), ``unused_themes``, ``single_framework_themes`` (theme ->
    the one framework that has it), ``crosswalk`` (``mappings``, ``frameworks`` joined, ``not_joined``),
    ``matrix`` and ``uncovered`` (see ``docs/cli.md``), ``assessments`` (:func:`assessment_data` for each
    bundled example assessment) and ``pending`` (sections not in this report, each ``{"id", "what",
    "needs"}``).

    Example:
        >>> from policeframeworks import load_catalog
        >>> data = report_data(load_catalog())
        >>> [f["principles"] for f in data["frameworks"]][:2]
        [6, 8]
        >>> data["themes"]["use-of-force"]["8cantwait-2020"] > 0
        True
    """
    from policeframeworks import Theme

    frameworks = []
    for fw in catalog.frameworks:
        provisions = list(fw.iter_principles())
        frameworks.append(
            {
                "id": fw.id,
                "short_title": fw.short_title,
                "title": fw.title,
                "publisher": fw.publisher,
                "date": fw.date,
                "kind": str(fw.kind),
                "principles": len(fw.principles),
                "provisions": len(provisions),
                "leaves": sum(1 for p in provisions if p.is_leaf),
                "framing": len(fw.framing),
                "complete": fw.complete,
                "missing": fw.missing,
                "data_version": fw.data_version,
                "url": fw.citation.url,
            }
        )
    themes: dict[str, dict[str, int]] = {}
    unused: list[str] = []
    for theme in Theme:
        counts = {
            fw.id: sum(1 for p in fw.iter_principles() if p.is_leaf and theme in p.themes)
            for fw in catalog.frameworks
        }
        if any(counts.values()):
            themes[theme.value] = counts
        else:
            unused.append(theme.value)
    single = {
        theme: next(fid for fid, n in counts.items() if n)
        for theme, counts in themes.items()
        if sum(1 for n in counts.values() if n) == 1
    }
    crosswalk = catalog.crosswalk
    joined = [
        fw.id
        for fw in catalog.frameworks
        if any(_other_end(m, fw.id) for m in crosswalk.mappings if fw.id in (_fw(m.source), _fw(m.target)))
    ]
    from policeframeworks import io

    matrix = io.coverage_matrix_records(catalog.crosswalk.matrix(joined)) if joined else []
    uncovered: dict[str, list[dict[str, Any]]] = {}
    for t in joined:
        reports = [crosswalk.coverage(s, t) for s in joined if s != t]
        leaves = reports[0].leaves if reports else ()
        rows = []
        for leaf in leaves:
            if any(leaf in r.covered for r in reports):
                continue
            statuses = {r.source: str(r.status(leaf)) for r in reports}
            touched_by = [s for s, st in statuses.items() if st == "touched"]
            if touched_by:
                status = "touched"
            elif "not_reviewed" in statuses.values():  # unknown: some other framework may still cover it
                status = "not_reviewed"
            else:
                status = "no_relationship"
            rows.append(
                {
                    "id": leaf,
                    "title": catalog.principle(leaf).title,
                    "status": status,
                    "touched_by": touched_by,
                }
            )
        uncovered[t] = rows
    return {
        "policeframeworks_version": _version(),
        "catalog_data_version": catalog.data_version,
        "frameworks": frameworks,
        "themes": themes,
        "unused_themes": unused,
        "single_framework_themes": single,
        "crosswalk": {
            "mappings": len(crosswalk.mappings),
            "frameworks": joined,
            "not_joined": [fw.id for fw in catalog.frameworks if fw.id not in joined],
        },
        "matrix": matrix,
        "uncovered": uncovered,
        "assessments": [assessment_data(catalog, a) for a in _seed_assessments()],
        "pairs": sections.pair_data(catalog),
        "reported_totals": [
            d for d in (sections.total_reading_data(catalog, a) for a in _seed_assessments()) if d is not None
        ],
        "framework_principles": sections.framework_data(catalog),
        "generated": _today(),
        "pending": [{"id": i, "what": what, "needs": needs} for i, what, needs in PENDING_SECTIONS],
    }


def _today() -> str:
    import datetime

    return datetime.datetime.now(datetime.UTC).date().isoformat()


def _seed_assessments() -> tuple[Any, ...]:
    from policeframeworks import load_seed_assessments

    return load_seed_assessments()


def assessment_data(catalog: Any, assessment: Any) -> dict[str, Any]:
    """One assessment scored, and projected onto every framework of the catalog, as plain data.

    Keys: ``score`` (as :func:`policeframeworks.io.score_record`, without ``file``),
    ``explain`` (the score in words) and ``projections``: one object per framework of the catalog, in
    catalog order, with ``framework``, ``assessed`` (True for the assessment's own framework, which is its
    score, not a projection), ``mappings`` (how many crosswalk mappings the projected findings rest on;
    None for the assessment's own framework),
    ``findings`` (projected findings), ``applicable, adopted, partial, not_adopted, unknown, lower, upper``
    and ``lower_fraction, upper_fraction``.

    Example:
        >>> from policeframeworks import load_catalog, load_seed_assessments
        >>> d = assessment_data(load_catalog(), load_seed_assessments()[0])
        >>> d["score"]["lower"], d["score"]["upper"], d["score"]["applicable"]
        (5, 5, 8)
        >>> [p for p in d["projections"] if p["assessed"]][0]["framework"]
        '8cantwait-2020'
    """
    from policeframeworks import io

    score = assessment.score()
    record = io.score_record(assessment, score)
    del record["file"]
    projections = []
    for fw in catalog.frameworks:
        projected = assessment.project(fw.id, catalog.crosswalk)
        s = projected.score()
        projections.append(
            {
                "framework": fw.id,
                "assessed": fw.id == assessment.framework_id,
                "mappings": None
                if fw.id == assessment.framework_id
                else sum(len(f.derived_from) for f in projected.findings),
                "findings": len(projected.findings),
                **{
                    k: getattr(s, k)
                    for k in (
                        "applicable",
                        "adopted",
                        "partial",
                        "not_adopted",
                        "unknown",
                        "lower",
                        "upper",
                        "lower_fraction",
                        "upper_fraction",
                    )
                },
            }
        )
    return {"score": record, "explain": score.explain(), "projections": projections}


def _fw(end: str) -> str:
    return end.split(":", 1)[0]


def _other_end(m: Any, framework_id: str) -> bool:
    """Whether a mapping on ``framework_id`` joins it to another framework."""
    return _fw(m.source) != _fw(m.target)


def _counts(row: Mapping[str, Any]) -> str:
    """A matrix row's leaves by status: covered / touched (not covered) / no_relationship / not_reviewed."""
    touched_only = row["touched"] - row["covered"]
    return f"{row['covered']}/{touched_only}/{row['no_relationship']}/{row['not_reviewed']}"


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total and count else "-"


def blocks(data: Mapping[str, Any], figures: Mapping[str, str] | None) -> list[Block]:
    """The report as a list of document blocks, ready for :func:`render_markdown` and :func:`render_html`.

    Blocks: ``("h1"|"h2", text)``, ``("p", text)``, ``("list", items)``, ``("table", headers, rows)`` and
    ``("figure", file name, caption)``.

    ``figures`` maps figure file names to SVG text, or is None when matplotlib is not installed.

    Example:
        >>> from policeframeworks import load_catalog
        >>> bs = blocks(report_data(load_catalog()), None)
        >>> bs[0]
        ('h1', 'Police-reform frameworks: a cross-framework report')
    """
    from ..crosswalk import PARTLY_REVIEWED_NOTE

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
            ("table", ["source \\ target", *ids], [[s, *(_counts(cells[(s, t)]) for t in ids)] for s in ids])
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


def _md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(doc: Iterable[Block]) -> str:
    r"""The blocks as Markdown (GitHub-flavoured tables; figures as image links to their SVG files).

    Example:
        >>> print(render_markdown([("h1", "T"), ("table", ["a", "b"], [[1, "x|y"]])]), end="")
        # T
        <BLANKLINE>
        | a | b |
        |---:|---|
        | 1 | x\|y |
    """
    parts: list[str] = []
    doc = list(doc)
    for block in doc:
        kind = block[0]
        if kind == "h1":
            parts.append(f"# {block[1]}")
        elif kind == "meta":
            parts.append("\n".join(f"{line}  " for line in block[1]).rstrip())
        elif kind == "toc":
            parts.append("Contents:\n\n" + "\n".join(f"- [{t}](#{anchor(t)})" for t in _h2_titles(doc)))
        elif kind == "h2":
            parts.append(f"## {block[1]}")
        elif kind == "h3":
            parts.append(f"### {block[1]}")
        elif kind == "p":
            parts.append(block[1])
        elif kind == "list":
            parts.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "table":
            headers, rows = block[1], block[2]
            numeric = _numeric_columns(rows, len(headers))
            lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |"]
            lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            parts.append("\n".join(lines))
        elif kind == "figure":
            parts.append(f"![{block[2]}]({block[1]})")
    return "\n\n".join(parts) + "\n"


_NUMBER_TEXT = re.compile(r"(\d+(\.\d+)?%?|\d+-\d+%|n/r|-)")


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (isinstance(value, str) and bool(_NUMBER_TEXT.fullmatch(value)))


def _numeric_columns(rows: Sequence[Sequence[object]], n: int) -> list[bool]:
    """Columns whose every cell is a number (or a percentage, a range, ``n/r``): right-aligned."""
    return [bool(rows) and all(_is_number(r[i]) for r in rows) for i in range(n)]


_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 62em; margin: 2em auto;
  padding: 0 1em; line-height: 1.5; color: #1b1b1b; }
header.title { border-bottom: 2px solid #333; margin-bottom: 1.5em; }
header.title p { margin: 0.2em 0; color: #444; }
nav.toc { background: #f6f6f6; border: 1px solid #ddd; padding: 0.5em 1.2em; margin: 1em 0 2em; }
nav.toc ol { margin: 0.3em 0; padding-left: 1.4em; }
h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { margin-top: 1.5em; }
h2 a.anchor, h3 a.anchor { visibility: hidden; text-decoration: none; margin-left: 0.3em; color: #888; }
h2:hover a.anchor, h3:hover a.anchor { visibility: visible; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 1em 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #eee; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 1.5em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 0.92em; }
a { color: #0b57a4; overflow-wrap: anywhere; }
p, li { overflow-wrap: break-word; }
@media (max-width: 600px) { body { margin: 1em auto; font-size: 15px; } }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  nav.toc, h2 a.anchor, h3 a.anchor { display: none; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
}
""".strip()

_URL = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")


def anchor(title: str) -> str:
    """The HTML id (and Markdown anchor) of a heading: lowercase words joined by hyphens.

    Example:
        >>> anchor("Coverage matrix: 8 Can't Wait -> USCM")
        'coverage-matrix-8-can-t-wait-uscm'
    """
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "section"


def _h2_titles(doc: Sequence[Block]) -> list[str]:
    return [str(b[1]) for b in doc if b[0] == "h2"]


def _linked(text: str) -> str:
    """HTML-escaped text in which every address is a link."""
    out: list[str] = []
    last = 0
    for m in _URL.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        url = m.group(0)
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def render_html(doc: Iterable[Block], figures: Mapping[str, str] | None) -> str:
    """The blocks as one self-contained HTML page (the SVG figures are inlined).

    Headings get ids (see :func:`anchor`) and a table of contents lists the sections; addresses are links;
    wide tables scroll inside their own box; numbers are right-aligned; a print stylesheet drops the
    navigation and prints each link's address.

    Example:
        >>> page = render_html([("h1", "A & B"), ("p", "<x> https://example.org/a.")], None)
        >>> "<h1>A &amp; B</h1>" in page and '<p>&lt;x&gt; <a href="https://example.org/a">' in page
        True
    """
    esc = html.escape
    doc = list(doc)
    body: list[str] = []
    title = "policeframeworks report"
    for block in doc:
        kind = block[0]
        if kind == "h1":
            title = block[1]
            body.append(f"<h1>{esc(block[1])}</h1>")
        elif kind == "meta":
            body.append('<header class="title">' + "".join(f"<p>{_linked(line)}</p>" for line in block[1]))
            body.append("</header>")
        elif kind == "toc":
            items = "".join(f'<li><a href="#{anchor(t)}">{esc(t)}</a></li>' for t in _h2_titles(doc))
            body.append(
                f'<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>{items}</ol></nav>'
            )
        elif kind in ("h2", "h3"):
            ident = anchor(block[1])
            body.append(
                f'<{kind} id="{ident}">{esc(block[1])}'
                f'<a class="anchor" href="#{ident}" aria-label="Link to this section">#</a></{kind}>'
            )
        elif kind == "p":
            body.append(f"<p>{_linked(block[1])}</p>")
        elif kind == "list":
            body.append("<ul>\n" + "\n".join(f"<li>{_linked(str(i))}</li>" for i in block[1]) + "\n</ul>")
        elif kind == "table":
            headers, rows = block[1], block[2]
            numeric = _numeric_columns(rows, len(headers))
            head = "".join(
                f'<th class="num">{esc(str(h))}</th>' if num else f"<th>{esc(str(h))}</th>"
                for h, num in zip(headers, numeric, strict=True)
            )
            lines = [f'<div class="table-wrap"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>']
            for row in rows:
                cells = "".join(
                    f'<td class="num">{esc(str(c))}</td>'
                    if num
                    else f"<td>{_linked('' if c is None else str(c))}</td>"
                    for c, num in zip(row, numeric, strict=True)
                )
                lines.append(f"<tr>{cells}</tr>")
            lines.append("</tbody>\n</table></div>")
            body.append("\n".join(lines))
        elif kind == "figure" and figures is not None and block[1] in figures:
            svg = _strip_xml_header(figures[block[1]])
            body.append(f"<figure>\n{svg}\n<figcaption>{esc(block[2])}</figcaption>\n</figure>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _strip_xml_header(svg: str) -> str:
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def have_matplotlib() -> bool:
    """Whether the plotting extra (matplotlib) can be imported.

    Example:
        >>> import importlib.util
        >>> have_matplotlib() == (importlib.util.find_spec("matplotlib") is not None)
        True
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def draw_figures(data: Mapping[str, Any]) -> dict[str, str] | None:
    """The report's heatmaps as SVG text by file name, or None when matplotlib is not installed.

    The SVG is reproducible: no date in its metadata, and fixed element ids.
    """
    if not have_matplotlib():
        return None
    from policeframeworks import plot_coverage_matrix

    ids = [f["id"] for f in data["frameworks"]]
    themes = list(data["themes"])
    leaves = {f["id"]: f["leaves"] for f in data["frameworks"]}
    matrix = [
        [round(100 * data["themes"][t][i] / leaves[i]) if leaves[i] else 0 for i in ids] for t in themes
    ]
    figures = {
        "themes.svg": heatmap(
            matrix, rows=themes, columns=ids, title="Share of leaf provisions per theme (%)", vmax=100
        )
    }
    joined = data["crosswalk"]["frameworks"]
    if joined:
        figures["coverage.svg"] = _svg(plot_coverage_matrix(_Matrix(joined, data["matrix"])))
    return figures


class _Matrix:
    """The report's coverage rows in the shape :func:`policeframeworks.plot_coverage_matrix` draws."""

    def __init__(self, frameworks: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
        self.frameworks = tuple(frameworks)
        self._cells = {(r["source"], r["target"]): r for r in rows}

    def lower(self, source: str, target: str) -> float:
        return float(self._cells[(source, target)]["lower"])

    def upper(self, source: str, target: str) -> float:
        return float(self._cells[(source, target)]["upper"])

    def reviewed_share(self, source: str, target: str) -> float:
        return float(self._cells[(source, target)]["reviewed_share"])


def _svg(fig: Any) -> str:
    """A matplotlib figure as reproducible SVG text (no date, fixed ids, text as text)."""
    import io as _stdio

    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "policeframeworks", "svg.fonttype": "none"}):
        buf = _stdio.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def heatmap(
    matrix: Sequence[Sequence[float]],
    *,
    rows: Sequence[str],
    columns: Sequence[str],
    title: str,
    fmt: str = "{:g}",
    vmax: float | None = None,
) -> str:
    """One annotated heatmap of counts as SVG text (needs matplotlib).

    The coverage matrix is drawn by :func:`policeframeworks.plot_coverage_matrix` instead.

    Example (matplotlib is part of the ``test`` extra, so this runs in the test suite):
        >>> import re
        >>> svg = heatmap([[1, 0], [2, 3]], rows=["a", "b"], columns=["x", "y"], title="Counts")
        >>> re.findall(r">([^<>]+)</text>", svg)[:9]
        ['x', 'y', 'a', 'b', '1', '0', '2', '3', 'Counts']
    """
    from matplotlib.figure import Figure

    height = 1.2 + 0.32 * len(rows)
    width = 2.5 + 1.0 * len(columns)
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    top = vmax if vmax is not None else max([1.0, *(float(v) for r in matrix for v in r)])
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(columns)), labels=list(columns), rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), labels=list(rows))
    ax.set_title(title)
    for r, line in enumerate(matrix):
        for c, value in enumerate(line):
            colour = "white" if float(value) > top * 0.6 else "black"
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=8, color=colour)
    fig.colorbar(image, ax=ax, shrink=0.8)
    return _svg(fig)
