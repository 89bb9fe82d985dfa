"""The pictures: coverage heatmap and crosswalk network (policeframeworks._plot)."""

from __future__ import annotations

import io
import subprocess
import sys

import attrs
import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from policeframeworks import plot_coverage_matrix, plot_crosswalk
from policeframeworks._plot import OPPOSING_COLOUR, RELATIONSHIP_STYLE


@attrs.frozen
class _Matrix:
    frameworks: tuple[str, ...]
    low: dict[tuple[str, str], float]
    high: dict[tuple[str, str], float]

    def lower(self, source: str, target: str) -> float:
        return self.low[(source, target)]

    def upper(self, source: str, target: str) -> float:
        return self.high[(source, target)]


@st.composite
def _matrices(draw: st.DrawFn) -> _Matrix:
    ids = tuple(f"f{i}" for i in range(draw(st.integers(1, 4))))
    low: dict[tuple[str, str], float] = {}
    high: dict[tuple[str, str], float] = {}
    for s in ids:
        for t in ids:
            lo = 1.0 if s == t else draw(st.floats(0, 1))
            low[(s, t)] = lo
            high[(s, t)] = 1.0 if s == t else draw(st.floats(lo, 1))
    return _Matrix(ids, low, high)


@settings(max_examples=25, deadline=None)
@given(_matrices())
def test_heatmap_shows_every_cell_with_its_bounds(matrix: _Matrix) -> None:
    fig = plot_coverage_matrix(matrix)
    ax = fig.axes[0]
    image = ax.get_images()[0]
    n = len(matrix.frameworks)
    assert image.get_array().shape == (n, n)
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == n * n
    cells = [(s, t) for s in matrix.frameworks for t in matrix.frameworks]
    for text, (s, t) in zip(texts, cells, strict=True):
        value = image.get_array()[cells.index((s, t)) // n][cells.index((s, t)) % n]
        if s == t:  # the diagonal is each framework itself, left out of the colours and the scale
            assert text == "itself"
            assert value is np.ma.masked or np.isnan(value)
            continue
        lo, hi = (round(100 * x) for x in (matrix.lower(s, t), matrix.upper(s, t)))
        assert text == (f"{lo}%" if lo == hi else f"{lo}-{hi}%")
        assert value == matrix.lower(s, t)


def test_heatmap_saves_as_svg_without_pyplot() -> None:
    matrix = _Matrix(("a",), {("a", "a"): 1.0}, {("a", "a"): 1.0})
    fig = plot_coverage_matrix(matrix, title=None)
    out = io.BytesIO()
    fig.savefig(out, format="svg")
    assert out.getvalue().startswith(b"<?xml")
    assert fig.axes[0].get_title() == ""
    assert "matplotlib.pyplot" not in sys.modules


def _graph() -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    for node, fw in [("a:1", "a"), ("a:2", "a"), ("b:1", "b"), ("b:lonely", "b"), ("c:1", "c")]:
        g.add_node(node, framework=fw)
    g.add_edge("a:1", "b:1", relationship="equal", opposing=False)
    g.add_edge("a:2", "b:1", relationship="superset", opposing=False)
    g.add_edge("c:1", "a:2", relationship="intersects", opposing=True)
    return g


def test_network_draws_only_mapped_nodes_grouped_by_framework() -> None:
    fig = plot_crosswalk(_graph(), labels={"a": "Alpha"})
    ax = fig.axes[0]
    points = [len(c.get_offsets()) for c in ax.collections]
    assert points == [2, 1, 1]  # a:1 and a:2; b:1 (not b:lonely); c:1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Alpha", "b", "c", "equal", "superset", "intersects", "opposing stance"]


def test_network_edge_styles() -> None:
    fig = plot_crosswalk(_graph())
    arrows = [t.arrow_patch for t in fig.axes[0].texts]
    styles = [type(a.get_arrowstyle()).__name__ for a in arrows]
    assert styles == ["Curve", "CurveFilledB", "Curve"]
    colours = [a.get_edgecolor() for a in arrows]
    from matplotlib.colors import to_rgba

    assert colours[0] == to_rgba(RELATIONSHIP_STYLE["equal"][0])
    assert colours[2] == to_rgba(OPPOSING_COLOUR)


def test_empty_graph_draws_an_empty_picture() -> None:
    fig = plot_crosswalk(nx.DiGraph(), title=None)
    assert len(fig.axes[0].collections) == 0
    assert len(fig.axes[0].texts) == 0


def test_import_does_not_import_matplotlib() -> None:
    code = "import sys, policeframeworks; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
