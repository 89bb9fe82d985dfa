"""Records: the rows every table output shows (command line, report, JSON), as plain JSON-ready dicts.

One function per kind of row, so the command line, the report and your own code build them the same way.
Keys are stable: a key is only ever added. Enum values are their words, tuples are lists, missing values are
``None``. ``pandas.DataFrame(records)`` and ``polars.DataFrame(records)`` take a list of them.

Example:
    >>> from policeframeworks import load_catalog, load_seed_assessments
    >>> from policeframeworks.io import score_record
    >>> kankakee = load_seed_assessments()[0]
    >>> r = score_record(kankakee)
    >>> r["jurisdiction"], r["adopted"], r["reported_total"], r["lower"], r["upper"], r["applicable"]
    ('Kankakee, IL', 1, 5, 5, 5, 8)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._analysis import AdoptionSummary
    from .._assessment import Assessment, Score
    from .._diff import FrameworkDiff
    from .._endorsement import Endorsement
    from .._mapping import Mapping, Review
    from .._model import Citation, Framework, Principle
    from ..crosswalk import CoverageMatrix, CoverageReport

__all__ = [
    "citation_record",
    "coverage_matrix_records",
    "coverage_record",
    "diff_records",
    "endorsement_record",
    "framework_record",
    "mapping_record",
    "principle_record",
    "projection_record",
    "review_record",
    "score_record",
    "summary_record",
]


def citation_record(citation: Citation | None) -> dict[str, str | None] | None:
    """A citation as ``{"publisher", "title", "url", "date", "locator"}`` (``None`` for no citation).

    Example:
        >>> from policeframeworks import load_catalog
        >>> sorted(citation_record(load_catalog().framework("uscm-2020").citation))
        ['date', 'locator', 'publisher', 'title', 'url']
    """
    if citation is None:
        return None
    c = citation
    return {"publisher": c.publisher, "title": c.title, "url": c.url, "date": c.date, "locator": c.locator}


def framework_record(framework: Framework) -> dict[str, Any]:
    """One framework as a row of a listing.

    Keys: ``id, title`` (the short title), ``full_title, publisher, date, kind, principles`` (top level),
    ``provisions`` (every principle at any depth), ``complete`` and ``data_version``.

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = framework_record(load_catalog().framework("8cantwait-2020"))
        >>> r["id"], r["principles"], r["complete"]
        ('8cantwait-2020', 8, True)
    """
    fw = framework
    return {
        "id": fw.id,
        "title": fw.short_title,
        "full_title": fw.title,
        "publisher": fw.publisher,
        "date": fw.date,
        "kind": str(fw.kind),
        "principles": len(fw.principles),
        "provisions": sum(1 for _ in fw.iter_principles()),
        "complete": fw.complete,
        "data_version": fw.data_version,
    }


def mapping_record(mapping: Mapping) -> dict[str, Any]:
    """A mapping, as ``show`` and ``coverage --explain`` list it.

    Keys: ``source, relationship, target, strength, rationale_type, basis, rationale, opposing, mapped_by,
    citation`` (a :func:`citation_record` or ``None``).

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = mapping_record(load_catalog().crosswalk.mappings[0])
        >>> list(r)[:3]
        ['source', 'relationship', 'target']
    """
    m = mapping
    return {
        "source": m.source,
        "relationship": str(m.relationship),
        "target": m.target,
        "strength": m.strength,
        "rationale_type": str(m.rationale_type),
        "basis": str(m.basis),
        "rationale": m.rationale,
        "opposing": m.opposing,
        "mapped_by": m.mapped_by,
        "citation": citation_record(m.citation),
    }


def principle_record(
    principle: Principle, framework: Framework, mappings: Iterable[Mapping] = ()
) -> dict[str, Any]:
    """One principle in full, with the mappings on it (as :meth:`policeframeworks.Crosswalk.related` gives).

    Keys: ``id, framework, parent, group`` (``principles`` or ``framing``), ``number, title, text, wording,
    themes, aliases, notes, citation, children`` (ids) and ``mappings`` (:func:`mapping_record` each).

    Example:
        >>> from policeframeworks import load_catalog
        >>> catalog = load_catalog()
        >>> p = catalog.principle("uscm-2020:sanctity-of-life")
        >>> r = principle_record(p, catalog.framework("uscm-2020"), catalog.crosswalk.related(p.id))
        >>> r["group"], r["parent"], len(r["children"]) > 0, len(r["mappings"]) > 0
        ('principles', None, True, True)
    """
    p = principle
    framing = any(p.id == q.id for top in framework.framing for q in top.walk())
    return {
        "id": p.id,
        "framework": framework.id,
        "parent": p.id.rpartition("/")[0] or None,
        "group": "framing" if framing else "principles",
        "number": p.number,
        "title": p.title,
        "text": p.text,
        "wording": str(p.wording),
        "themes": [str(t) for t in p.themes],
        "aliases": list(p.aliases),
        "notes": list(p.notes),
        "citation": citation_record(p.citation),
        "children": [child.id for child in p.children],
        "mappings": [mapping_record(m) for m in mappings],
    }


def endorsement_record(endorsement: Endorsement) -> dict[str, Any]:
    """An endorsement, as the ``endorsements`` command lists it.

    Keys: ``endorser, endorser_kind, relation, support, target, target_framework, date, via, notes,
    citation``.

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = endorsement_record(load_catalog().endorsements_of("ilacp-naacp-2018")[0])
        >>> r["endorser"], r["relation"], r["support"], r["target"], r["date"]
        ('Illinois Municipal League', 'endorsed', True, 'ilacp-naacp-2018', '2020-06-16')
    """
    e = endorsement
    return {
        "endorser": e.endorser,
        "endorser_kind": str(e.endorser_kind),
        "relation": str(e.relation),
        "support": e.relation.is_support,
        "target": e.target,
        "target_framework": e.target_framework,
        "date": e.date,
        "via": e.via,
        "notes": list(e.notes),
        "citation": citation_record(e.citation),
    }


def score_record(
    assessment: Assessment, score: Score | None = None, *, file: str | None = None
) -> dict[str, Any]:
    """One assessment's score (``score`` defaults to ``assessment.score()``).

    Keys: ``file`` (where the assessment was read from, if given), ``jurisdiction, name, state, kind,
    framework, as_of, assessor, method, scored, applicable, adopted, partial, not_adopted, unknown,
    not_applicable, reported_total, lower, upper, lower_fraction, upper_fraction`` and the ids per status
    (``adopted_ids``, ``partial_ids``, ``not_adopted_ids``, ``unknown_ids``, ``not_applicable_ids``).

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> r = score_record(load_seed_assessments()[0], file="kankakee.toml")
        >>> r["file"], r["framework"], r["lower_fraction"]
        ('kankakee.toml', '8cantwait-2020', 0.625)
    """
    a = assessment
    s = a.score() if score is None else score
    j = a.jurisdiction
    return {
        "file": file,
        "jurisdiction": str(j),
        "name": j.name,
        "state": j.state,
        "kind": str(j.kind),
        "framework": s.framework_id,
        "as_of": a.as_of,
        "assessor": a.assessor,
        "method": str(a.method),
        "scored": s.scored,
        "applicable": s.applicable,
        "adopted": s.adopted,
        "partial": s.partial,
        "not_adopted": s.not_adopted,
        "unknown": s.unknown,
        "not_applicable": s.not_applicable,
        "reported_total": s.reported_total,
        "lower": s.lower,
        "upper": s.upper,
        "lower_fraction": s.lower_fraction,
        "upper_fraction": s.upper_fraction,
        "adopted_ids": list(s.adopted_ids),
        "partial_ids": list(s.partial_ids),
        "not_adopted_ids": list(s.not_adopted_ids),
        "unknown_ids": list(s.unknown_ids),
        "not_applicable_ids": list(s.not_applicable_ids),
    }


def projection_record(source: Assessment, projected: Assessment, framework: Framework) -> dict[str, Any]:
    """An assessment projected onto ``framework`` (the framework ``projected`` is of).

    Keys: ``name, state, kind, as_of, assessor, source_framework, framework``, ``mappings`` (how many
    crosswalk mappings the projected findings rest on: the sum of their ``derived_from``), ``score``
    (:func:`score_record`), ``notes`` and ``findings``: one object per principle of the framework that is
    scored (a leaf) or has a projected finding, in framework order, with ``principle_id, scored, status``
    and ``derived_from`` (objects ``source, relationship, target, source_status``).

    Raises:
        ValueError: ``projected`` is not an assessment of ``framework``.

    Example:
        >>> from policeframeworks import load_catalog, load_seed_assessments
        >>> catalog = load_catalog()
        >>> k = load_seed_assessments()[0]
        >>> uscm = catalog.framework("uscm-2020")
        >>> r = projection_record(k, k.project("uscm-2020", catalog.crosswalk), uscm)
        >>> r["framework"], r["source_framework"], r["mappings"] >= 1
        ('uscm-2020', '8cantwait-2020', True)
    """
    if projected.framework_id != framework.id:
        raise ValueError(
            f"the projected assessment is of {projected.framework_id!r}, not of {framework.id!r}"
        )
    findings = []
    for p in framework.iter_principles():
        f = projected.finding(p.id)
        if f is None and not p.is_leaf:
            continue
        findings.append(
            {
                "principle_id": p.id,
                "scored": p.is_leaf,
                "status": str(projected.status_of(p.id)),
                "derived_from": [
                    {
                        "source": d.source,
                        "relationship": str(d.relationship),
                        "target": d.target,
                        "source_status": str(d.source_status),
                    }
                    for d in (f.derived_from if f is not None else ())
                ],
            }
        )
    j = source.jurisdiction
    return {
        "name": j.name,
        "state": j.state,
        "kind": str(j.kind),
        "as_of": source.as_of,
        "assessor": source.assessor,
        "source_framework": source.framework_id,
        "framework": projected.framework_id,
        "mappings": sum(len(f.derived_from) for f in projected.findings),
        "score": score_record(projected),
        "notes": list(projected.notes),
        "findings": findings,
    }


def summary_record(summary: AdoptionSummary) -> dict[str, Any]:
    """An adoption summary of one framework.

    Keys: ``framework, assessments, undetermined, unknown_findings, mean, median`` (None when some
    jurisdiction's number adopted is a range), ``mean_bounds, median_bounds`` (``[least, most]``),
    ``all_adopted, none_adopted`` (jurisdictions, as text), ``principles`` (one row per scored principle:
    ``framework, principle_id, adopted, partial, not_adopted, unknown, not_applicable``) and ``distribution``
    (one row per number adopted: ``framework, adopted, exactly, lower, upper``).

    Example:
        >>> from policeframeworks import load_seed_assessments, summarize
        >>> r = summary_record(summarize(load_seed_assessments()))
        >>> r["assessments"], r["mean"], r["distribution"][5]
        (1, 5.0, {'framework': '8cantwait-2020', 'adopted': 5, 'exactly': 1, 'lower': 1, 'upper': 1})
    """
    fw = summary.framework_id
    mean_bounds, median_bounds = summary.mean_bounds, summary.median_bounds
    return {
        "framework": fw,
        "assessments": summary.assessments,
        "undetermined": summary.undetermined,
        "unknown_findings": summary.unknown_findings,
        "mean": summary.mean,
        "median": summary.median,
        "mean_bounds": None if mean_bounds is None else list(mean_bounds),
        "median_bounds": None if median_bounds is None else list(median_bounds),
        "all_adopted": [str(j) for j in summary.all_adopted],
        "none_adopted": [str(j) for j in summary.none_adopted],
        "principles": [{"framework": fw, **r} for r in summary.to_records()],
        "distribution": [{"framework": fw, **r} for r in summary.distribution_records()],
    }


def coverage_record(report: CoverageReport) -> dict[str, Any]:
    """One (source, target) pair of coverage: its figures and counts, as ``coverage --matrix`` lists it.

    Keys: ``source, target, lower, upper`` (the lower and upper bound, exact), ``covered, touched`` (target
    leaves covered, and covered or touched), ``reviewed`` (target leaves not ``not_reviewed``), ``leaves``,
    then ``label`` (:func:`~policeframeworks.coverage_label`: ``n/r`` for nothing reviewed, ``*`` for a pair
    partly reviewed), ``touched_share, reviewed_share`` and the leaves ``no_relationship`` and
    ``not_reviewed``. With ``touched`` minus ``covered``, the four counts by status add up to ``leaves``.

    Example:
        >>> from policeframeworks import load_catalog
        >>> r = coverage_record(load_catalog().crosswalk.coverage("uscm-2020", "uscm-2020"))
        >>> r["label"], r["covered"], r["not_reviewed"], r["upper"], r["reviewed"] == r["leaves"]
        ('100%', 19, 0, 1.0, True)
    """
    r = report
    return {
        "source": r.source,
        "target": r.target,
        "lower": r.lower,
        "upper": r.upper,
        "covered": len(r.covered),
        "touched": len(r.touched),
        "reviewed": len(r.leaves) - len(r.not_reviewed),
        "leaves": len(r.leaves),
        "label": r.label,
        "touched_share": r.touched_share,
        "reviewed_share": r.reviewed_share,
        "no_relationship": len(r.no_relationship),
        "not_reviewed": len(r.not_reviewed),
    }


def coverage_matrix_records(matrix: CoverageMatrix) -> list[dict[str, Any]]:
    """One :func:`coverage_record` per (source, target) pair of a coverage matrix, sources in order.

    Example:
        >>> from policeframeworks import load_catalog
        >>> rows = coverage_matrix_records(load_catalog().crosswalk.matrix(["8cantwait-2020", "uscm-2020"]))
        >>> [(r["source"], r["target"]) for r in rows][:2]
        [('8cantwait-2020', '8cantwait-2020'), ('8cantwait-2020', 'uscm-2020')]
    """
    return [coverage_record(matrix.report(s, t)) for s, t, _, _ in matrix.rows()]


def review_record(review: Review) -> dict[str, Any]:
    """A declared review as ``{"source", "target", "scope", "reviewer", "date", "note"}``.

    Example:
        >>> from policeframeworks import Review
        >>> r = Review(source="a", target="b", scope="complete", reviewer="me", date="2026")
        >>> review_record(r)["scope"]
        'complete'
    """
    r = review
    return {
        "source": r.source,
        "target": r.target,
        "scope": str(r.scope),
        "reviewer": r.reviewer,
        "date": r.date,
        "note": r.note,
    }


def diff_records(framework_diff: FrameworkDiff) -> list[dict[str, Any]]:
    """One row per principle or matched pair of a framework diff, as the ``diff`` command lists them.

    Removed principles come first, then added ones, then the matched pairs in the first framework's order.

    Keys: ``status`` (``removed, added, reworded, changed, unchanged``), ``before, after`` (ids or None),
    ``matched_by`` (``declared``, ``slug`` or None), ``changed`` (the fields that differ), ``before_title``
    and ``after_title``.

    Example:
        >>> from policeframeworks import diff
        >>> rows = diff_records(diff("useofforce-2016", "8cantwait-2020"))
        >>> [(r["status"], r["before"]) for r in rows][:1]
        [('removed', 'useofforce-2016:life-preservation')]
        >>> rows[4]["status"], rows[4]["matched_by"], rows[4]["changed"]
        ('reworded', 'declared', ['title', 'text'])
    """
    d = framework_diff
    rows: list[dict[str, Any]] = []
    for p in d.removed:
        rows.append(_diff_row("removed", p, None, None, []))
    for q in d.added:
        rows.append(_diff_row("added", None, q, None, []))
    for c in d.matched:
        status = "reworded" if c.reworded else "changed" if c.changed else "unchanged"
        rows.append(_diff_row(status, c.before, c.after, c.matched_by, list(c.changed)))
    return rows


def _diff_row(
    status: str, p: Principle | None, q: Principle | None, matched_by: str | None, changed: list[str]
) -> dict[str, Any]:
    return {
        "status": status,
        "before": None if p is None else p.id,
        "after": None if q is None else q.id,
        "matched_by": matched_by,
        "changed": changed,
        "before_title": None if p is None else p.title,
        "after_title": None if q is None else q.title,
    }
