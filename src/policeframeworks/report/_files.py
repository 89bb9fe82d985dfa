"""Every file of a report folder, as text by file name (what ``policeframeworks report --out`` writes)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._blocks import report_blocks
from ._render import render_html, render_markdown

__all__ = ["REPORT_FILES", "report_files"]

#: The files of a report folder besides the figures (one SVG file per heatmap).
REPORT_FILES = ("report.md", "report.html", "report.json")


def report_files(data: Mapping[str, Any], figures: Mapping[str, str] | None) -> dict[str, str]:
    """``{file name: text}``: ``report.md``, ``report.html``, ``report.json`` and the figures' SVG files.

    ``data`` is :func:`~policeframeworks.report.report_data`; ``figures`` is
    :func:`~policeframeworks.report.draw_figures` (None without matplotlib: the report then has tables only
    and says how to get the pictures). ``report.json`` is ``data`` with the figure file names under
    ``figures``. Write the files as one unit with :func:`policeframeworks.io.write_folder_atomic`.

    Example:
        >>> import json
        >>> from policeframeworks import load_catalog, report
        >>> files = report_files(report.report_data(load_catalog()), None)
        >>> sorted(files)
        ['report.html', 'report.json', 'report.md']
        >>> json.loads(files["report.json"])["figures"]
        []
    """
    doc = report_blocks(data, figures)
    return {
        "report.md": render_markdown(doc),
        "report.html": render_html(doc, figures),
        "report.json": json.dumps(dict(data, figures=sorted(figures or {})), indent=2, ensure_ascii=False)
        + "\n",
        **(figures or {}),
    }
