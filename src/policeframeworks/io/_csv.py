r"""Spreadsheets of assessments: read the coded data researchers have, write it back losslessly.

Two layouts:

* **wide**: one row per assessment (jurisdiction), one column per principle, plus jurisdiction columns;
* **long**: one row per finding (a finding with several pieces of evidence takes one row for each).

Columns are recognised as follows, in this order:

1. the explicit ``columns`` mapping (a dict, or a TOML/JSON file with a ``[columns]`` table), from a
   header as written in the file to a principle id or to one of the jurisdiction/assessment fields;
2. the field names below (``name``, ``state``, ...), and a few common synonyms;
3. for principle columns in the wide layout (and principle cells in the long one), each principle's id,
   title and ``aliases`` (8 Can't Wait carries the 2016 Use of Force Project and Police Scorecard column
   names).

Header matching ignores case and surrounding spaces, and treats ``_`` as a space and runs of spaces as one
(``Bans_Chokeholds_and_Strangleholds`` matches the alias ``bans_chokeholds_and_strangleholds``). A header
that matches the names of two different principles is reported as ambiguous, never guessed. Columns that
map to nothing are kept as jurisdiction ``attributes`` (``unmapped="keep"``, the default) or reported as
an error (``unmapped="error"``); nothing is dropped.

Declaring attributes: the value ``"attribute"`` in ``columns`` (:data:`ATTRIBUTE`) keeps a column as a
jurisdiction attribute, named by its header, whatever the header resembles, also with
``unmapped="error"`` (``{"Population": "attribute"}``, or ``Population = "attribute"`` in a column map
file).

Near misses: in the wide layout, under ``unmapped="keep"``, a header that maps to nothing but *nearly*
matches a principle's name is an error, not an attribute, since a misspelt principle column would
otherwise make that principle ``unknown`` in every row without a word. The error names the column, the
principle and the name it resembles, and says how to resolve it: map the column in ``columns``, or declare
it an attribute. It is reported with every other problem of the file. ``near_miss`` decides, as
follows. The header and every principle's title, aliases, id and slug (the id after the ``:``) are compared
as *keys*: casefolded, with every run of characters other than letters and digits (``_``, ``-``, ``:``,
``&``, spaces, ...) made one space. The header's score against a name is the :class:`difflib.SequenceMatcher`
ratio of the two keys; if the header has at least two words and ten characters and fewer words than the
name, also the ratio against the name's first as many words (a shortened header, ``bans_chokehold``).
The header is a near miss when its best score is at least :data:`NEAR_MISS_CUTOFF` (0.88); the highest
score wins, and on a tie the first principle, and within it the title, then the aliases, the slug and the
id. Ordinary jurisdiction columns (``city``, ``county``, ``population``, ``fips``, ``ori``, ``notes``, ...)
score at most 0.84 against the bundled frameworks, and an exact match never reaches this test.

Cells: surrounding spaces and case are ignored. A status cell is ``1``/``yes``/``y``/``true``/``adopted``
(adopted), ``0``/``no``/``n``/``false``/``not_adopted`` (not adopted), or one of ``partial``,
``unknown``, ``not_applicable``; an empty cell means no finding (``unknown``). States may be codes or
spelled out (``Texas``, ``DC``, ``District of Columbia``). Jurisdiction names are kept as written; rows
are matched to jurisdictions by :attr:`~policeframeworks.Jurisdiction.key`, so ``St Paul`` and
``St. Paul`` are the same city; with no state column (or an empty state cell) a name written with its
state after a comma (``Kansas City, MO``) is read as name and state. Every bad cell is reported in one
:class:`ValidationError`, each with its row number (the header is row 1, as in a spreadsheet; a cell with a
line break does not add rows) and column; a problem repeated on many rows is stated once with their count
(``_csv_problems``), and a field no row has and no default gives is one problem with the number of rows.

Published files: the options of ``read_assessments_csv`` (``blank``, ``partial``, ``cell_quotes``,
``policy_language``, ``encoding``, ``delimiter``, ``short_rows``, ``values``, ``source``) read the shapes
they come in, each explicitly; a dataset descriptor (``_descriptor``) keeps them beside the file, and the
headers of known published layouts (``_layouts``) are recognised without a column map. A row whose name is
``Total`` (``Totals``, ``Sum``, ``Count``) is the publisher's per-principle totals: checked against the rows
above it, not read as a jurisdiction. A row that repeats the header is skipped.

Formula escaping: a spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula. The writer puts an apostrophe before such a cell, and before a cell that already
starts with an apostrophe followed by one of those characters; the reader removes one apostrophe from a cell
that starts with an apostrophe followed by one of them. So a written file reads back to equal assessments.

Example:
    >>> import pathlib, tempfile
    >>> from policeframeworks import io
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cities.csv"
    >>> _ = path.write_text(
    ...     "\ufeffCity,State,restrict holds,require officer intervention,Population\n"
    ...     "St. Paul,Minnesota,1,yes,311527\n"
    ...     "Austin,TX,0,,961855\n", encoding="utf-8")
    >>> cities = io.read_assessments_csv(path, framework="8cantwait-2020", as_of="2016",
    ...                                  assessor="coder", method="document-review", kind="city")
    >>> [(str(a.jurisdiction), a.score().adopted, a.score().unknown) for a in cities]
    [('St. Paul, MN', 2, 6), ('Austin, TX', 0, 7)]
    >>> cities[0].jurisdiction.attributes["Population"]
    '311527'
"""

from __future__ import annotations

from ._cells import escape_cell, unescape_cell
from ._csv_columns import (
    ATTRIBUTE,
    FIELDS,
    LONG_FIELDS,
    NEAR_MISS_CUTOFF,
    NearMiss,
    hnorm,
    load_column_map,
    near_miss,
    principle_aliases,
)
from ._csv_read import read_assessments_csv
from ._csv_rows import PROGRESS_EVERY
from ._csv_write import write_assessments_csv, write_summary_csv

__all__ = [
    "ATTRIBUTE",
    "FIELDS",
    "LONG_FIELDS",
    "NEAR_MISS_CUTOFF",
    "PROGRESS_EVERY",
    "NearMiss",
    "escape_cell",
    "near_miss",
    "principle_aliases",
    "read_assessments_csv",
    "unescape_cell",
    "write_assessments_csv",
    "write_summary_csv",
]
#: Kept for callers that import them from here under their old names.
_hnorm = hnorm
_load_column_map = load_column_map
