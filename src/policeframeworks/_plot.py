"""Pictures of the crosswalk: the coverage matrix as a heatmap, the mappings as a network.

matplotlib is imported inside the functions (``pip install 'policeframeworks[docs]'`` or any matplotlib), so
``import policeframeworks`` does not import it. The functions use matplotlib's object-oriented API only
(no ``pyplot``): they change no global state, pick no backend, and return a
:class:`matplotlib.figure.Figure` to save with ``fig.savefig("coverage.svg")`` or show in a notebook.

Both functions take what the crosswalk returns and read it through a few attributes only, so anything shaped
the same way can be drawn: a coverage matrix needs ``frameworks`` and ``lower(source, target)`` /
``upper(source, target)``; a crosswalk graph needs networkx's ``nodes(data=True)`` and ``edges(data=True)``
with the attributes :meth:`Crosswalk.to_networkx` writes (``framework`` on nodes, ``relationship`` and
``opposing`` on edges).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_coverage_matrix", "plot_crosswalk"]


class _MatrixLike(Protocol):
    @property
    def frameworks(self) -> Sequence[str]: ...

    def lower(self, source: str, target: str) -> float: ...

    def upper(self, source: str, target: str) -> float: ...


#: How each relationship is drawn: (colour, line style, arrow head).
RELATIONSHIP_STYLE: dict[str, tuple[str, Any, bool]] = {
    "equal": ("#1b4f72", "-", False),
    "subset": ("#117a65", "-", True),
    "superset": ("#7d3c98", "-", True),
    "intersects": ("#a6acaf", "-", False),
    "no_relationship": ("#d5d8dc", ":", False),
}
OPPOSING_COLOUR = "#c0392b"


def _cell(lower: float, upper: float) -> str:
    """``25%`` when both bounds round to the same percent, else ``25-50%``."""
    lo, hi = round(100 * lower), round(100 * upper)
    return f"{lo}%" if lo == hi else f"{lo}-{hi}%"


def plot_coverage_matrix(
    matrix: _MatrixLike,
    *,
    labels: Mapping[str, str] | None = None,
    title: str | None = "Coverage of each column's framework by each row's framework",
) -> Figure:
    """Draw a coverage matrix as a heatmap: rows are sources, columns are targets.

    Each cell is coloured by the lower bound (the share of the target's principles the source covers) and
    labelled ``lower%`` or ``lower-upper%`` when the upper bound (the share it touches) is higher.

    Args:
        matrix: a coverage matrix (``Crosswalk.matrix()``), or anything with ``frameworks``, ``lower`` and
            ``upper``.
        labels: a display name for each framework id (for example its short title); ids otherwise.
        title: the figure's title, or None for none.

    Returns:
        A new matplotlib figure with one heatmap and a colour bar.

    Example:
        >>> class Matrix:  # two made-up frameworks; use Crosswalk.matrix() for real ones
        ...     frameworks = ("a", "b")
        ...     def lower(self, s, t): return 1.0 if s == t else 0.25
        ...     def upper(self, s, t): return 1.0 if s == t else 0.5
        >>> fig = plot_coverage_matrix(Matrix(), labels={"a": "A", "b": "B"})
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['100%', '25-50%', '25-50%', '100%']
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['A', 'B']
    """
    from matplotlib.figure import Figure

    ids = list(matrix.frameworks)
    names = [(labels or {}).get(i, i) for i in ids]
    lower = [[matrix.lower(s, t) for t in ids] for s in ids]
    upper = [[matrix.upper(s, t) for t in ids] for s in ids]
    size = 1.1 + 1.05 * len(ids)
    fig = Figure(figsize=(size + 2.2, size + 1.2), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(lower, cmap="Blues", vmin=0.0, vmax=1.0)
    for i in range(len(ids)):
        for j in range(len(ids)):
            lo, hi = lower[i][j], upper[i][j]
            text = _cell(lo, hi)
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color="white" if lo > 0.6 else "black")
    ax.set_xticks(range(len(ids)), names, rotation=35, ha="right")
    ax.set_yticks(range(len(ids)), names)
    ax.set_xlabel("target (whose principles are counted)")
    ax.set_ylabel("source (whose principles cover them)")
    if title:
        ax.set_title(title, fontsize=10)
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label("lower bound: share of the target covered")
    return fig


def _layout(groups: Sequence[tuple[str, Sequence[str]]]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, each framework's nodes together, a gap between frameworks."""
    slots = sum(len(nodes) for _, nodes in groups) + len(groups)
    pos: dict[str, tuple[float, float]] = {}
    k = 0
    for _, nodes in groups:
        for node in nodes:
            angle = math.pi / 2 - 2 * math.pi * k / max(slots, 1)
            pos[node] = (math.cos(angle), math.sin(angle))
            k += 1
        k += 1
    return pos


def plot_crosswalk(
    graph: Any,
    *,
    labels: Mapping[str, str] | None = None,
    title: str | None = "The crosswalk: mappings between principles",
) -> Figure:
    """Draw a crosswalk graph: principles around a circle, grouped and coloured by framework.

    Only nodes that take part in a mapping are drawn. Edges are coloured by relationship; ``subset`` and
    ``superset`` edges have an arrow head pointing at the target; mappings flagged ``opposing`` are red.

    Args:
        graph: ``Crosswalk.to_networkx()``, or any networkx graph whose nodes carry ``framework`` and whose
            edges carry ``relationship`` (and optionally ``opposing``).
        labels: a display name for each framework id, used in the legend; ids otherwise.
        title: the figure's title, or None for none.

    Returns:
        A new matplotlib figure.

    Example:
        >>> import networkx as nx
        >>> g = nx.DiGraph()
        >>> g.add_node("a:one", framework="a"); g.add_node("b:one", framework="b")
        >>> g.add_node("b:two", framework="b")
        >>> g.add_edge("a:one", "b:one", relationship="subset", opposing=False)
        >>> fig = plot_crosswalk(g, labels={"a": "A", "b": "B"})
        >>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())
        ['A', 'B', 'subset']
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    edges = [(s, t, d) for s, t, d in graph.edges(data=True)]
    used = {s for s, _, _ in edges} | {t for _, t, _ in edges}
    order: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if node in used:
            order.setdefault(str(data.get("framework", "")), []).append(node)
    groups = list(order.items())
    pos = _layout(groups)
    fig = Figure(figsize=(9, 9), layout="constrained")
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    seen_relationships: list[str] = []
    opposing_seen = False
    for s, t, d in edges:
        rel = str(d.get("relationship", ""))
        colour, style, head = RELATIONSHIP_STYLE.get(rel, ("#555555", "-", False))
        if d.get("opposing"):
            colour = OPPOSING_COLOUR
            opposing_seen = True
        if rel not in seen_relationships:
            seen_relationships.append(rel)
        ax.annotate(
            "",
            xy=pos[t],
            xytext=pos[s],
            arrowprops={
                "arrowstyle": "-|>" if head else "-",
                "color": colour,
                "linestyle": style,
                "linewidth": 1.0,
                "shrinkA": 4,
                "shrinkB": 4,
                "connectionstyle": "arc3,rad=0.15",
            },
        )
    palette = [f"C{i}" for i in range(10)]
    handles: list[Any] = []
    for i, (framework, nodes) in enumerate(groups):
        xs = [pos[n][0] for n in nodes]
        ys = [pos[n][1] for n in nodes]
        name = (labels or {}).get(framework, framework)
        ax.scatter(xs, ys, s=36, color=palette[i % 10], zorder=3, label=name)
        handles.append(Line2D([], [], marker="o", linestyle="", color=palette[i % 10], label=name))
    for rel in [r for r in RELATIONSHIP_STYLE if r in seen_relationships]:
        colour, style, _ = RELATIONSHIP_STYLE[rel]
        handles.append(Line2D([], [], color=colour, linestyle=style, label=rel))
    if opposing_seen:
        handles.append(Line2D([], [], color=OPPOSING_COLOUR, label="opposing stance"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.15)
    if title:
        ax.set_title(title, fontsize=10)
    return fig
