"""Pictures of the crosswalk: the coverage matrix as a heatmap, the mappings as a network.

matplotlib is imported inside the functions (``pip install 'policeframeworks[docs]'`` or any matplotlib), so
``import policeframeworks`` does not import it. The functions use matplotlib's object-oriented API only
(no ``pyplot``): they change no global state, pick no backend, and return a
:class:`matplotlib.figure.Figure` to save with ``fig.savefig("coverage.svg")`` or show in a notebook.

Both functions take what the crosswalk returns and read it through a few attributes only, so anything shaped
the same way can be drawn: a coverage matrix needs ``frameworks`` and ``lower(source, target)`` /
``upper(source, target)`` (and ``reviewed_share(source, target)`` to mark pairs not wholly reviewed); a
crosswalk graph needs networkx's ``nodes(data=True)`` and ``edges(data=True)``
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


#: How cells of pairs not wholly reviewed are drawn: (hatch, colour) for partly reviewed, colour for none.
PARTLY_REVIEWED_HATCH = ("////", "#7f8c8d")
NOT_REVIEWED_COLOUR = "#d5d8dc"
#: The fill of the diagonal (each framework covering itself), left out of the colour scale.
DIAGONAL_COLOUR = "#ffffff"


def plot_coverage_matrix(
    matrix: _MatrixLike,
    *,
    labels: Mapping[str, str] | None = None,
    title: str | None = "Coverage of each column's framework by each row's framework",
    bound: str = "lower",
) -> Figure:
    """Draw a coverage matrix as a heatmap: rows are sources, columns are targets.

    Each cell is coloured by one bound (``bound``: ``"lower"``, the share of the target's leaves the
    source covers, or ``"upper"``) and labelled as every output labels it
    (:func:`~policeframeworks.coverage_label`): ``25%``, ``25-50%``, ``18-53%*`` for a pair only partly
    reviewed, ``n/r`` for a pair nothing of which was reviewed. Partly reviewed cells are hatched, and cells
    with nothing reviewed are grey instead of coloured (their upper bound is 100% only because nothing is
    known); the legend says so. Whether a pair is reviewed is read from ``matrix.reviewed_share(source,
    target)`` when the matrix has it (a :class:`~policeframeworks.CoverageMatrix` does), else every pair
    counts as wholly reviewed.

    Args:
        matrix: a coverage matrix (``Crosswalk.matrix()``), or anything with ``frameworks``, ``lower`` and
            ``upper`` (and optionally ``reviewed_share``).
        labels: a display name for each framework id (for example its short title); ids otherwise.
        title: the figure's title, or None for none.
        bound: which bound colours the cells, ``"lower"`` or ``"upper"``.

    Returns:
        A new matplotlib figure with one heatmap, a colour bar and, when some pair is not wholly reviewed,
        a legend.

    Raises:
        ValueError: ``bound`` is neither ``"lower"`` nor ``"upper"``.

    Example:
        >>> class Matrix:  # two made-up frameworks; use Crosswalk.matrix() for real ones
        ...     frameworks = ("a", "b", "c")
        ...     def lower(self, s, t): return 1.0 if s == t else 0.25
        ...     def upper(self, s, t): return 1.0 if s == t else 0.5
        ...     def reviewed_share(self, s, t): return {"b": 0.5, "c": 0.0}.get(t, 1.0) if s != t else 1.0
        >>> fig = plot_coverage_matrix(Matrix(), labels={"a": "A", "b": "B"})
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['itself', '25-50%*', 'n/r', '25-50%', 'itself', 'n/r', '25-50%', '25-50%*', 'itself']
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['A', 'B', 'c']
        >>> [t.get_text() for t in fig.legends[0].get_texts()]  # doctest: +NORMALIZE_WHITESPACE
        ['partly reviewed (*): the upper bound counts not-reviewed leaves as possibly covered',
         'nothing reviewed (n/r)']
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    from .crosswalk import coverage_label

    if bound not in ("lower", "upper"):
        raise ValueError(f"bound must be 'lower' or 'upper', not {bound!r}")
    ids = list(matrix.frameworks)
    names = [(labels or {}).get(i, i) for i in ids]
    lower = [[matrix.lower(s, t) for t in ids] for s in ids]
    upper = [[matrix.upper(s, t) for t in ids] for s in ids]
    reviewed_of = getattr(matrix, "reviewed_share", None)
    reviewed = [[1.0 if reviewed_of is None else float(reviewed_of(s, t)) for t in ids] for s in ids]
    shown = lower if bound == "lower" else upper
    # The diagonal (each framework covering itself, always 100%) is left out of the colours and the scale,
    # so the informative cells use the whole range.
    off = [shown[i][j] for i in range(len(ids)) for j in range(len(ids)) if i != j]
    top = max([0.05, *off]) if off else 1.0
    masked = [[float("nan") if i == j else shown[i][j] for j in range(len(ids))] for i in range(len(ids))]
    size = 1.1 + 1.05 * len(ids)
    fig = Figure(figsize=(size + 2.2, size + 1.6), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(masked, cmap="Blues", vmin=0.0, vmax=top)
    hatch, hatch_colour = PARTLY_REVIEWED_HATCH
    partly = nothing = False
    for i in range(len(ids)):
        for j in range(len(ids)):
            lo, hi, rev = lower[i][j], upper[i][j], reviewed[i][j]
            if i == j:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=DIAGONAL_COLOUR, linewidth=0))
                ax.text(j, i, "itself", ha="center", va="center", fontsize=9, color="#555555")
                continue
            dark = shown[i][j] > 0.6 * top
            if rev <= 0:
                nothing = True
                dark = False
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=NOT_REVIEWED_COLOUR, linewidth=0))
            elif rev < 1:
                partly = True
                ax.add_patch(
                    Rectangle(
                        (j - 0.5, i - 0.5), 1, 1, fill=False, hatch=hatch, edgecolor=hatch_colour, linewidth=0
                    )
                )
            ax.text(
                j,
                i,
                coverage_label(lo, hi, rev),
                ha="center",
                va="center",
                fontsize=10,
                color="white" if dark else "black",
                bbox={"facecolor": "white", "alpha": 0.7, "linewidth": 0, "pad": 1} if 0 < rev < 1 else None,
            )
    ax.set_xticks(range(len(ids)), names, rotation=35, ha="right")
    ax.set_yticks(range(len(ids)), names)
    ax.set_xlabel("target (whose principles are counted)")
    ax.set_ylabel("source (whose principles cover them)")
    if title:
        ax.set_title(title, fontsize=10)
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label(
        (
            "lower bound: share of the target covered"
            if bound == "lower"
            else "upper bound: share of the target not known to be unrelated"
        )
        + " (the diagonal, each framework itself, is left out)"
    )
    handles: list[Any] = []
    if partly:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=hatch_colour,
                hatch=hatch,
                label="partly reviewed (*): the upper bound counts not-reviewed leaves as possibly covered",
            )
        )
    if nothing:
        handles.append(Patch(facecolor=NOT_REVIEWED_COLOUR, label="nothing reviewed (n/r)"))
    if handles:
        fig.legend(handles=handles, loc="outside lower center", fontsize=8, frameon=False)
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
