"""``assess import|score|project|summary|agreement``: assessments of jurisdictions from the command line.

Files: ``assess import`` reads a spreadsheet (CSV, see :func:`policeframeworks.io.read_assessments_csv`) and
writes an *assessments file*, ``{"assessments": [...]}`` (:class:`policeframeworks.AssessmentSet`, JSON by
default). The other subcommands read assessments files and single assessment files (JSON or TOML), any
number of assessments per file, or with ``--bundled NAME`` a bundled example (``kankakee-2020``).

Each subcommand lives in its own module (``_assess_import``, ``_assess_score``, ``_assess_agreement``); a new
one is a module with ``register(assess: CommandGroup)`` added to :data:`SUBCOMMANDS`.

Mistakes: a CSV with bad cells or headers gives one line per problem and exit code 1; an unknown
``--framework`` or ``--onto`` gives the closest ids and exit code 2; a missing file, a directory, or a file
that holds something else than assessments exits with code 2.
"""

from __future__ import annotations

from . import _assess_agreement, _assess_changes, _assess_import, _assess_score
from ._assess_agreement import AGREEMENT_COLUMNS
from ._assess_changes import CELL_COLUMNS, CHANGES_COLUMNS, EVENT_COLUMNS, MATCH_COLUMNS
from ._assess_import import IMPORT_TABLE_ROWS
from ._assess_score import (
    DISTRIBUTION_COLUMNS,
    GROUPED_COLUMNS,
    PROJECT_COLUMNS,
    SCORE_COLUMNS,
    SUMMARY_COLUMNS,
)
from ._common import CommandGroup

__all__ = [
    "AGREEMENT_COLUMNS",
    "CELL_COLUMNS",
    "CHANGES_COLUMNS",
    "DISTRIBUTION_COLUMNS",
    "EVENT_COLUMNS",
    "GROUPED_COLUMNS",
    "IMPORT_TABLE_ROWS",
    "MATCH_COLUMNS",
    "PROJECT_COLUMNS",
    "SCORE_COLUMNS",
    "SUMMARY_COLUMNS",
    "register",
]

#: The modules of ``assess`` subcommands, in the order ``assess --help`` lists them.
SUBCOMMANDS = (_assess_import, _assess_score, _assess_changes, _assess_agreement)


def register(commands: CommandGroup) -> None:
    """Add ``assess`` and its subcommands."""
    assess = commands.group(
        "assess",
        help="import, score, project, summarize and compare assessments of jurisdictions",
        description="Assessments of jurisdictions against frameworks. Import a spreadsheet once, then "
        "score, project, summarize and compare the assessments files it writes.",
    )
    for module in SUBCOMMANDS:
        module.register(assess)
