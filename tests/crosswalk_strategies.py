"""Hypothesis strategies for mappings and crosswalks over the bundled catalog (for the crosswalk tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from policeframeworks import Citation, Crosswalk, Mapping, Relationship, load_catalog

CATALOG = load_catalog()
PRINCIPLE_IDS = sorted(p for fw in CATALOG for p in fw.by_id)
ENDS = sorted([*PRINCIPLE_IDS, *CATALOG.framework_ids])
CITATION = Citation(publisher="Example", title="Example source", url="https://example.org/source")

relationships = st.sampled_from(list(Relationship))
# XML (GraphML, GEXF) cannot hold control characters and turns "\r" into "\n", so texts avoid them.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda t: t.strip() != ""
)


@st.composite
def mappings(draw: st.DrawFn, ends: list[str] | None = None) -> Mapping:
    pool = ends or ENDS
    source = draw(st.sampled_from(pool))
    target = draw(st.sampled_from(pool).filter(lambda t: t != source))
    relationship = draw(relationships)
    low, high = relationship.strength_range
    explicit = draw(st.booleans())
    return Mapping(
        source=source,
        relationship=relationship,
        target=target,
        rationale_type=draw(st.sampled_from(["syntactic", "semantic", "functional"])),
        strength=draw(st.integers(low, high)),
        basis="explicit" if explicit else "analytic",
        rationale=draw(TEXT),
        opposing=draw(st.booleans()),
        citation=CITATION if explicit or draw(st.booleans()) else None,
        mapped_by="tester",
    )


def crosswalks(*, max_size: int = 12) -> st.SearchStrategy[Crosswalk]:
    return st.lists(mappings(), max_size=max_size).map(lambda ms: Crosswalk(ms, catalog=CATALOG))
