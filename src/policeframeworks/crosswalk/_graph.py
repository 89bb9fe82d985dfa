"""The crosswalk as a networkx graph, and back: the graph view the graph file formats are written from.

networkx is imported inside the functions that need it, so importing the crosswalk does not import it.

Nodes are every principle and framing statement of the catalog and every framework, with scalar attributes
(so that GraphML and GEXF can hold them); edges are mappings, each with its position in ``order``. Declared
reviews go on their source framework's node as JSON text (GEXF keeps no graph attributes).

Example:
    >>> from policeframeworks import Crosswalk, load_catalog
    >>> cw = load_catalog().crosswalk
    >>> Crosswalk.from_networkx(cw.to_networkx(multigraph=True)) == cw
    True
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import _convert
from .._mapping import Mapping, Review
from ..exceptions import Problem, ValidationError

if TYPE_CHECKING:
    import networkx as nx

    from ._core import Crosswalk

__all__ = ["CITATION_FIELDS", "crosswalk_graph", "graph_parts"]

#: The parts of a mapping's citation, in the order the flat formats (CSV, graph attributes) write them.
CITATION_FIELDS = ("publisher", "title", "url", "date", "locator")


def crosswalk_graph(cw: Crosswalk, *, multigraph: bool = False) -> nx.DiGraph[str]:
    """The graph :meth:`Crosswalk.to_networkx <policeframeworks.Crosswalk.to_networkx>` returns.

    Raises:
        ValidationError: two mappings share an ordered pair and ``multigraph`` is False.
    """
    import networkx as nx

    catalog = cw.catalog
    g: nx.DiGraph[str] = nx.MultiDiGraph() if multigraph else nx.DiGraph()
    g.graph["catalog_data_version"] = catalog.data_version or ""
    for fw in catalog.frameworks:
        g.graph[f"data_version:{fw.id}"] = fw.data_version
        g.add_node(
            fw.id,
            kind="framework",
            framework=fw.id,
            title=fw.title,
            number="",
            themes="",
            parent="",
            leaf=False,
        )
        for group, tops in (("principle", fw.principles), ("framing", fw.framing)):
            for top in tops:
                for p in top.walk():
                    g.add_node(
                        p.id,
                        kind=group,
                        framework=fw.id,
                        title=p.title,
                        number=p.number or "",
                        themes=";".join(t.value for t in p.themes),
                        parent=p.id.rpartition("/")[0] if "/" in p.id else "",
                        leaf=p.is_leaf,
                    )
    _add_reviews(g, cw.reviews)
    problems: list[Problem] = []
    for i, m in enumerate(cw.mappings):
        attributes = _edge_attributes(m, i)
        if multigraph:
            g.add_edge(m.source, m.target, key=i, **attributes)
            continue
        if g.has_edge(m.source, m.target):
            first = g.edges[m.source, m.target]["order"]
            problems.append(
                Problem(
                    f"mappings[{i}]",
                    f"{m.source} -> {m.target} is already an edge (mappings[{first}]); "
                    "use to_networkx(multigraph=True)",
                )
            )
            continue
        g.add_edge(m.source, m.target, **attributes)
    if problems:
        raise ValidationError(problems)
    return g


def _add_reviews(g: Any, reviews: tuple[Review, ...]) -> None:
    """Declared reviews go on their source framework's node, as JSON text of ``[[order, review], ...]``.

    (Node attributes, because GEXF keeps no graph attributes; JSON text, because attributes must be
    scalars in GraphML and GEXF.)
    """
    by_source: dict[str, list[Any]] = {}
    for i, r in enumerate(reviews):
        by_source.setdefault(r.source, []).append([i, _convert.to_builtins(r)])
    for fw, found in by_source.items():
        if fw not in g:
            g.add_node(
                fw, kind="framework", framework=fw, title="", number="", themes="", parent="", leaf=False
            )
        g.nodes[fw]["reviews"] = json.dumps(found, ensure_ascii=False)


def _edge_attributes(m: Mapping, order: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "relationship": m.relationship.value,
        "rationale_type": m.rationale_type.value,
        "strength": m.strength,
        "basis": m.basis.value,
        "rationale": m.rationale,
        "opposing": m.opposing,
        "mapped_by": m.mapped_by,
        "order": order,
    }
    if m.citation is not None:
        for f in CITATION_FIELDS:
            value = getattr(m.citation, f)
            if value is not None:
                out[f"citation_{f}"] = value
    return out


def graph_parts(graph: Any) -> tuple[list[Mapping], tuple[Review, ...]]:
    """The mappings (in ``order``) and declared reviews a graph holds, as :func:`crosswalk_graph` puts them.

    Raises:
        ValidationError: every problem, each with the edge or node it is on.
    """
    found: list[tuple[int, Mapping]] = []
    problems: list[Problem] = []
    for n, (u, v, d) in enumerate(graph.edges(data=True)):
        data: dict[str, Any] = {
            "source": str(u),
            "target": str(v),
            **{
                k: d[k]
                for k in ("relationship", "rationale_type", "basis", "rationale", "mapped_by")
                if k in d
            },
        }
        if "strength" in d:
            data["strength"] = int(d["strength"])
        if "opposing" in d:
            data["opposing"] = _as_bool(d["opposing"])
        cite = {f: d[f"citation_{f}"] for f in CITATION_FIELDS if f"citation_{f}" in d}
        if cite:
            data["citation"] = cite
        try:
            found.append((int(d.get("order", n)), _convert.from_builtins(data, Mapping)))
        except ValidationError as exc:
            problems += [p.within(f"edge {u} -> {v}") for p in exc.problems]
    reviews, review_problems = _read_reviews(graph)
    problems += review_problems
    if problems:
        raise ValidationError(problems)
    found.sort(key=lambda pair: pair[0])
    return [m for _, m in found], reviews


def _read_reviews(graph: Any) -> tuple[tuple[Review, ...], list[Problem]]:
    found: list[tuple[int, Review]] = []
    problems: list[Problem] = []
    for node, d in graph.nodes(data=True):
        raw = d.get("reviews")
        if raw is None or raw == "":
            continue
        where = f"node {node}: reviews"
        try:
            items = json.loads(str(raw))
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, f"not valid JSON ({exc})"))
            continue
        if not (isinstance(items, list) and all(isinstance(x, list) and len(x) == 2 for x in items)):
            problems.append(Problem(where, "expected a JSON list of [order, review] pairs"))
            continue
        for n, (order, data) in enumerate(items):
            if type(order) is not int:
                problems.append(Problem(f"{where}[{n}]", f"order {order!r} is not an integer"))
                continue
            try:
                found.append((order, _convert.from_builtins(data, Review, path=f"{where}[{n}]")))
            except ValidationError as exc:
                problems += exc.problems
    found.sort(key=lambda pair: pair[0])
    return tuple(r for _, r in found), problems


def _as_bool(value: Any) -> Any:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value
