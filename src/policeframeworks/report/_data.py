"""The report's data: every number in it, computed from the library's API, as plain data (``report.json``)."""

from __future__ import annotations

from typing import Any

from .. import io
from .._model import Theme
from .._seeds import load_seed_assessments
from . import _sections as sections

__all__ = ["PENDING_SECTIONS", "assessment_data", "joined_frameworks", "report_data"]

#: Sections that need parts of the library this version does not have: ``(id, what, needs)``. None now.
PENDING_SECTIONS: tuple[tuple[str, str, str], ...] = ()


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
    joined = joined_frameworks(catalog)
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
        "assessments": [assessment_data(catalog, a) for a in _seed_assessments(catalog)],
        "pairs": sections.pair_data(catalog),
        "reported_totals": [
            d
            for d in (sections.total_reading_data(catalog, a) for a in _seed_assessments(catalog))
            if d is not None
        ],
        "framework_principles": sections.framework_data(catalog),
        "generated": _today(),
        "pending": [{"id": i, "what": what, "needs": needs} for i, what, needs in PENDING_SECTIONS],
    }


def _today() -> str:
    import datetime

    return datetime.datetime.now(datetime.UTC).date().isoformat()


def _seed_assessments(catalog: Any) -> list[Any]:
    """The bundled example assessments of frameworks the catalog holds (all of them, for the bundled one)."""
    return [a for a in load_seed_assessments() if a.framework_id in catalog.framework_ids]


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


def joined_frameworks(catalog: Any) -> list[str]:
    """The frameworks a mapping of the catalog's crosswalk joins to another framework, in catalog order.

    A mapping between two principles of one framework joins nothing. The report's coverage sections and the
    documentation's crosswalk page both cover these frameworks (the others' coverage is unknown, not zero).

    Example:
        >>> from policeframeworks import load_catalog
        >>> joined = joined_frameworks(load_catalog())
        >>> joined[:2]
        ['uscm-2020', '8cantwait-2020']
    """
    ends: set[str] = set()
    for m in catalog.crosswalk.mappings:
        source, target = m.source.partition(":")[0], m.target.partition(":")[0]
        if source != target:
            ends |= {source, target}
    return [f for f in catalog.framework_ids if f in ends]
