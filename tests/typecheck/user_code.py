"""Code as a user writes it, type-checked with ``mypy --strict`` in ``.ci/run``: the constructors accept
plain tuples, lists and enum words without casts or ignores."""

from policeframeworks import Citation, Framework, Jurisdiction, Mapping, Principle, load_catalog

src = Citation(publisher="X", title="Y", url="https://example.org")
child = Principle(id="ex:a/b", title="B", text="t", wording="excerpt", themes=("training",), citation=src)
parent = Principle(
    id="ex:a",
    title="A",
    text="t",
    wording="verbatim",
    themes=["training"],
    citation=src,
    children=(child,),
    aliases=("x",),
    notes=["n"],
)
framework = Framework(
    id="ex",
    family="ex",
    version="1",
    title="T",
    short_title="T",
    publisher="X",
    date="2020",
    kind="principles",
    data_version="1",
    citation=src,
    principles=[parent],
)
place = Jurisdiction(name="Springfield", state="IL", kind="city")
mapping = Mapping(
    source="8cantwait-2020:duty-to-intervene",
    target="uscm-2020:sanctity-of-life/duty-to-intervene",
    relationship="equal",
    rationale_type="semantic",
    strength=10,
    basis="analytic",
    rationale="Both require intervening.",
    mapped_by="me",
)
coverage: float = load_catalog().crosswalk.coverage("8cantwait-2020", "uscm-2020").lower


def export_and_read_back(folder: str) -> bool:
    """The crosswalk file functions, typed as a user calls them."""
    from pathlib import Path

    from policeframeworks import Crosswalk, io

    cw: Crosswalk = load_catalog().crosswalk
    io.write_crosswalk_csv(cw, Path(folder) / "cw.csv")
    io.write_graphml(cw, Path(folder) / "cw.graphml")
    text: str = io.crosswalk_to_gexf(cw)
    data: dict[str, object] = io.crosswalk_to_node_link(cw)
    mine: Crosswalk = io.read_crosswalk(Path(folder) / "cw.csv")
    same_graph = io.read_graphml(Path(folder) / "cw.graphml") == io.crosswalk_from_gexf(text)
    return same_graph and mine.mappings == cw.mappings and io.crosswalk_from_node_link(data) == cw
