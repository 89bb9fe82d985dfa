"""Report sections that answer a reader's first questions.

How to read the report, what each seed framework asks that another does not, what a reported total of the
example assessment can say about USCM 2020, and each framework's principles linked to their sources.

Each section has a data function (plain data, kept in ``report.json``) and a blocks function (the same
content for Markdown and HTML), as the rest of :mod:`policeframeworks.report`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "SEED_FRAMEWORKS",
    "Block",
    "framework_blocks",
    "framework_data",
    "how_to_read_blocks",
    "pair_blocks",
    "pair_data",
    "total_reading_blocks",
    "total_reading_data",
]

#: One document block: ``("h1"|"h2"|"h3", text)``, ``("p", text)``, ``("list", items)``,
#: ``("table", headers, rows)``, ``("figure", file name, caption)``, ``("meta", lines)`` or ``("toc",)``.
Block = tuple[Any, ...]

#: The five frameworks the crosswalk reviews against each other in full, in the report's order.
SEED_FRAMEWORKS = ("uscm-2020", "8cantwait-2020", "ilacp-naacp-2018", "policylink-2014", "policylink-pledge")

_STATUS_WORDS = {
    "covered": "covered",
    "touched": "touched only (related, not covered)",
    "no_relationship": "reviewed: nothing in common",
    "not_reviewed": "not reviewed",
}


def how_to_read_blocks() -> list[Block]:
    """The short "how to read this report" section: the four statuses and the bounds."""
    return [
        ("h2", "How to read this report"),
        (
            "p",
            "Coverage asks how much of a target framework a source framework asks for too. It counts the "
            "target's leaf principles (principles without sub-provisions), and each leaf has one of four "
            "statuses:",
        ),
        (
            "list",
            [
                "covered: a source principle is equal to the leaf or a superset of it, so meeting the source "
                "meets the leaf;",
                "touched: a source principle relates to the leaf (it intersects it, or is a subset of it) "
                "without covering it;",
                "no relationship: the two frameworks were compared and nothing in the source relates to the "
                "leaf;",
                "not reviewed: nobody compared them. This is unknown, never read as no overlap.",
            ],
        ),
        (
            "p",
            "So coverage is a range: the lower bound counts the covered leaves (met for sure), the touched "
            "share adds the touched ones, and the upper bound counts every leaf not known to be unrelated "
            "(not reviewed leaves might be covered). A cell of a pair that was not wholly reviewed is shown "
            "as a range or as n/r (nothing reviewed), never as a bare percentage. Assessments follow the "
            "same rule: unknown is never not adopted.",
        ),
    ]


def _leaf_ids(catalog: Any, framework_id: str) -> list[str]:
    return [p.id for p in catalog.framework(framework_id).iter_principles() if p.is_leaf]


def pair_data(catalog: Any, frameworks: Sequence[str] = SEED_FRAMEWORKS) -> list[dict[str, Any]]:
    """For each ordered pair (A, B) of ``frameworks``: what B asks that A does not cover.

    One object per pair: ``source`` (A), ``target`` (B), ``leaves`` (B's leaf count), ``covered`` (how many
    of B's leaves A covers) and ``gaps``: B's leaves A does not cover, each ``{"id", "title", "text",
    "wording", "status"}`` with the status A reaches (touched, no_relationship or not_reviewed).

    Example:
        >>> from policeframeworks import load_catalog
        >>> rows = pair_data(load_catalog(), ["8cantwait-2020", "uscm-2020"])
        >>> [(r["source"], r["target"]) for r in rows]
        [('8cantwait-2020', 'uscm-2020'), ('uscm-2020', '8cantwait-2020')]
        >>> rows[0]["covered"] + len(rows[0]["gaps"]) == rows[0]["leaves"]
        True
    """
    present = [f for f in frameworks if f in catalog.framework_ids]
    out = []
    for a in present:
        for b in present:
            if a == b:
                continue
            report = catalog.crosswalk.coverage(a, b)
            gaps = []
            for leaf in report.leaves:
                status = str(report.status(leaf))
                if status == "covered":
                    continue
                p = catalog.principle(leaf)
                gaps.append(
                    {
                        "id": leaf,
                        "title": p.title,
                        "text": p.text,
                        "wording": str(p.wording),
                        "status": status,
                    }
                )
            out.append(
                {
                    "source": a,
                    "target": b,
                    "leaves": len(report.leaves),
                    "covered": len(report.leaves) - len(gaps),
                    "gaps": gaps,
                }
            )
    return out


def pair_blocks(rows: Sequence[Mapping[str, Any]], titles: Mapping[str, str]) -> list[Block]:
    """The section "What one framework asks that another does not", one subsection per ordered pair."""
    if not rows:
        return []
    out: list[Block] = [
        ("h2", "What one framework asks that another does not"),
        (
            "p",
            "For each ordered pair of the five seed frameworks: the principles of the second that the first "
            "does not cover, with their text and the status the first reaches (touched only, reviewed with "
            "nothing in common, or not reviewed). A paraphrase is the library's wording of the source, an "
            "excerpt or verbatim text the source's own.",
        ),
    ]
    for r in rows:
        a, b = r["source"], r["target"]
        out.append(("h3", f"{titles.get(b, b)}: what {titles.get(a, a)} does not cover"))
        out.append(
            (
                "p",
                f"{titles.get(a, a)} covers {r['covered']} of the {r['leaves']} leaf principles of "
                f"{titles.get(b, b)}; the other {len(r['gaps'])}:",
            )
        )
        if r["gaps"]:
            out.append(
                (
                    "table",
                    ["principle", "asks", "status"],
                    [
                        [
                            g["title"],
                            f"{g['text']} ({g['wording']})",
                            _STATUS_WORDS.get(g["status"], g["status"]),
                        ]
                        for g in r["gaps"]
                    ],
                )
            )
    return out


def total_reading_data(catalog: Any, assessment: Any, onto: str = "uscm-2020") -> dict[str, Any] | None:
    """What an assessment with a reported total can and cannot say about another framework.

    For the bundled example (Kankakee: "aligned with five of the eight", which five not said) against USCM
    2020: for every leaf of ``onto``, which principles of the assessed framework cover or touch it, and what
    is known of them in the assessment; then the counts: known adopted, possible (every way of choosing the
    unnamed adopted principles), and never reached. None when ``onto`` or the assessed framework is missing.

    Example:
        >>> from policeframeworks import load_catalog, load_seed_assessments
        >>> d = total_reading_data(load_catalog(), load_seed_assessments()[0])
        >>> d["reported_total"], d["assessed_leaves"]
        (5, 8)
        >>> d["certain"] <= d["possible"] <= d["leaves"]
        True
    """
    if onto not in catalog.framework_ids or assessment.framework_id not in catalog.framework_ids:
        return None
    source = assessment.framework_id
    report = catalog.crosswalk.coverage(source, onto)
    score = assessment.score()
    adopted = set(score.adopted_ids)
    open_ids = set(score.unknown_ids) | set(score.partial_ids)
    source_leaves = _leaf_ids(catalog, source)

    def below(end: str) -> set[str]:  # the assessed framework's leaves a covering end stands for
        return {q for q in source_leaves if end in (source, q) or q.startswith(end + "/")}

    rows = []
    for leaf in report.leaves:
        explanation = report.explain(leaf)
        covering = sorted({m.source for m in explanation.covering})
        status = str(explanation.status)
        covered_by_adopted = any(below(c) and below(c) <= adopted for c in covering)
        could = covered_by_adopted or any(below(c) and below(c) <= adopted | open_ids for c in covering)
        touching = sorted({m.source for m in explanation.mappings if m.relationship.touches} - set(covering))
        if covered_by_adopted:
            reading = "met for sure"
        elif could:
            reading = "met if the unnamed adopted principles include " + " or ".join(covering)
        elif touching:
            reading = "at most partly: related to " + ", ".join(touching) + ", which does not cover it"
        else:
            reading = "not reached by this assessment (" + _STATUS_WORDS.get(status, status) + ")"
        rows.append(
            {
                "id": leaf,
                "title": catalog.principle(leaf).title,
                "status": status,
                "covered_by": covering,
                "touched_by": touching,
                "reading": reading,
            }
        )
    return {
        "jurisdiction": assessment.jurisdiction.name,
        "framework": source,
        "onto": onto,
        "reported_total": assessment.reported_total,
        "assessed_leaves": score.applicable,
        "leaves": len(rows),
        "certain": sum(1 for r in rows if r["reading"] == "met for sure"),
        "possible": sum(1 for r in rows if r["reading"].startswith("met")),
        "partly": sum(1 for r in rows if r["reading"].startswith("at most partly")),
        "rows": rows,
    }


def total_reading_blocks(d: Mapping[str, Any] | None, titles: Mapping[str, str]) -> list[Block]:
    """The section on what the example's reported total can and cannot say about the other framework."""
    if d is None:
        return []
    fw, onto = titles.get(d["framework"], d["framework"]), titles.get(d["onto"], d["onto"])
    total = d["reported_total"]
    said = (
        f"{d['jurisdiction']} reported meeting {total} of the {d['assessed_leaves']} principles of {fw}"
        if total is not None
        else f"{d['jurisdiction']} was assessed against {fw}"
    )
    return [
        ("h2", f"What {d['jurisdiction']}'s reported total can say about {onto}"),
        (
            "p",
            f"{said}, without saying which except where the statement names one. Through the crosswalk, "
            f"{d['certain']} of the {d['leaves']} leaf principles of {onto} are met for sure and at most "
            f"{d['possible']} could be, depending on which principles the unnamed ones are; "
            f"{d['partly']} more are at most partly met, since {fw} only touches them; the other "
            f"{d['leaves'] - d['possible'] - d['partly']} cannot be reached from {fw} at all. A total alone "
            "cannot say which of the possible ones are met.",
        ),
        (
            "table",
            ["principle", "covered by", "reading"],
            [[r["title"], ", ".join(r["covered_by"]) or "-", r["reading"]] for r in d["rows"]],
        ),
    ]


def framework_data(catalog: Any) -> list[dict[str, Any]]:
    """Every framework with its source and its principles (id, number, title, wording, source address).

    Example:
        >>> from policeframeworks import load_catalog
        >>> fws = framework_data(load_catalog())
        >>> fws[0]["id"], fws[0]["principles"][0]["url"].startswith("http")
        ('uscm-2020', True)
    """
    out = []
    for fw in catalog.frameworks:
        out.append(
            {
                "id": fw.id,
                "title": fw.title,
                "publisher": fw.publisher,
                "date": fw.date,
                "url": fw.citation.url,
                "complete": fw.complete,
                "principles": [
                    {
                        "id": p.id,
                        "number": p.number,
                        "title": p.title,
                        "wording": str(p.wording),
                        "url": p.citation.url,
                        "depth": p.id.count("/"),
                    }
                    for p in fw.iter_principles()
                ],
            }
        )
    return out


def framework_blocks(fws: Sequence[Mapping[str, Any]]) -> list[Block]:
    """The section listing each framework (a heading each) with its principles linked to their sources."""
    out: list[Block] = [
        ("h2", "The frameworks, principle by principle"),
        (
            "p",
            "Each framework's principles as the catalog holds them, each with the source it was checked "
            "against.",
        ),
    ]
    for fw in fws:
        out.append(("h3", f"{fw['title']} ({fw['id']})"))
        held = "" if fw["complete"] else " Held only in part (see the frameworks table)."
        out.append(("p", f"{fw['publisher']}, {fw['date']}. Source: {fw['url']}.{held}"))
        out.append(
            (
                "table",
                ["number", "principle", "wording", "source"],
                [
                    [p["number"] or "", ("- " * p["depth"]) + p["title"], p["wording"], p["url"]]
                    for p in fw["principles"]
                ],
            )
        )
    return out
