"""The report's heatmaps as reproducible SVG text (matplotlib, the ``plot`` extra, imported on use)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .._plot import plot_coverage_matrix

__all__ = ["PLOT_HINT", "draw_figures", "figure_files", "have_matplotlib", "heatmap"]

#: How to get the pictures when matplotlib is missing.
PLOT_HINT = "pip install 'policeframeworks[plot]'"


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
    return figure_files({"figure": fig}, formats=("svg",))["figure.svg"].decode("utf-8")


def figure_files(figures: Mapping[str, Any], formats: Sequence[str] = ("svg", "png")) -> dict[str, bytes]:
    r"""``{name.format: bytes}``: each matplotlib figure saved in each format, reproducibly.

    No date in the SVG metadata, a fixed id salt and text kept as text, so an unchanged figure gives
    unchanged files (the report's SVG files and the documentation's figures); PNG at 120 dpi.

    Example (matplotlib is part of the ``test`` extra, so this runs in the test suite):
        >>> from matplotlib.figure import Figure
        >>> files = figure_files({"empty": Figure()})
        >>> sorted(files), files["empty.png"][:4]
        (['empty.png', 'empty.svg'], b'\x89PNG')
        >>> files == figure_files({"empty": Figure()})
        True
    """
    import io as _stdio

    import matplotlib

    options: dict[str, dict[str, Any]] = {"svg": {"metadata": {"Date": None}}, "png": {"dpi": 120}}
    files: dict[str, bytes] = {}
    with matplotlib.rc_context({"svg.hashsalt": "policeframeworks", "svg.fonttype": "none"}):
        for name, fig in figures.items():
            for fmt in formats:
                buffer = _stdio.BytesIO()
                fig.savefig(buffer, format=fmt, **options.get(fmt, {}))
                files[f"{name}.{fmt}"] = buffer.getvalue()
    return files


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
