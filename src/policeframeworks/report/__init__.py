"""The cross-framework report behind ``policeframeworks report``: its data, and Markdown and HTML renderings.

The report is built in three steps, each usable on its own:

1. :func:`report_data` computes every number from the library's API and returns plain data (what
   ``report.json`` holds), so a test or a script can check the report against the API.
2. :func:`report_blocks` turns that data into a list of document blocks (headings, paragraphs, tables,
   figures).
3. :func:`render_markdown` and :func:`render_html` write the blocks out; :func:`draw_figures` draws the
   heatmaps as SVG when matplotlib (the ``plot`` extra) is installed. :func:`report_files` does all three and
   gives every file of a report folder.

The documentation's data pages (one page per framework, the crosswalk, its dispositions) are built here too,
with the same Markdown: :func:`site_pages` and :func:`site_figures`.

What this version reports: the frameworks of the catalog with their counts; the coverage matrix of the
frameworks the bundled crosswalk joins (lower and upper bounds, as tables and heatmaps); for each of them,
the leaf principles no other framework covers, with what touches them; what each seed framework asks that
another does not; the bundled example assessment (Kankakee, IL, June 2020, against 8 Can't Wait) scored,
projected through the crosswalk onto every framework, and what its reported total can say about USCM 2020;
the themes each framework addresses; and every framework's principles linked to their sources. Sections
that need parts of the library a version does not have are listed in ``PENDING_SECTIONS`` and the
report says so instead of leaving them out silently (none at present).

Example:
    >>> from policeframeworks import load_catalog, report
    >>> data = report.report_data(load_catalog())
    >>> markdown = report.render_markdown(report.report_blocks(data, None))
    >>> markdown.splitlines()[0]
    '# Police-reform frameworks: a cross-framework report'
"""

from __future__ import annotations

from ._blocks import report_blocks
from ._data import PENDING_SECTIONS, assessment_data, joined_frameworks, report_data
from ._figures import PLOT_HINT, draw_figures, have_matplotlib, heatmap
from ._files import REPORT_FILES, report_files
from ._render import anchor, render_html, render_markdown
from ._sections import Block
from ._site import site_figures, site_pages

__all__ = [
    "PENDING_SECTIONS",
    "PLOT_HINT",
    "REPORT_FILES",
    "Block",
    "anchor",
    "assessment_data",
    "draw_figures",
    "have_matplotlib",
    "heatmap",
    "joined_frameworks",
    "render_html",
    "render_markdown",
    "report_blocks",
    "report_data",
    "report_files",
    "site_figures",
    "site_pages",
]
