"""``assess changes OLD NEW``: what changed between two datasets of assessments.

OLD and NEW are assessments files (or single assessment files); the jurisdictions of the two are matched
(:func:`policeframeworks.match_jurisdictions`) and compared (:func:`policeframeworks.changes`). Output
(stable): per principle, the counts of each change class (:data:`CHANGES_COLUMNS`); with ``--cells``, one row
per changed cell (:data:`CELL_COLUMNS`); with ``--matches``, how every jurisdiction was matched
(:data:`MATCH_COLUMNS`); with ``--events``, the adoption events of OLD and NEW together
(:data:`EVENT_COLUMNS`, for survival analysis; both must code one framework). JSON holds all four lists.
Unmatched and ambiguous jurisdictions are counted in notes on stderr.
"""

from __future__ import annotations

import argparse

from ._assess_files import read_assessments
from ._common import EXIT_OK, CommandGroup, Console, add_format, plural

#: Columns of ``assess changes`` (CSV): per principle.
CHANGES_COLUMNS = (
    "principle_id",
    "matched",
    "adopted_before",
    "unknown_before",
    "adopted_after",
    "unknown_after",
    "newly_adopted",
    "no_longer_adopted",
    "known_after_only",
    "known_before_only",
    "other",
)
#: Columns of ``assess changes --cells`` (CSV): per changed cell.
CELL_COLUMNS = (
    "jurisdiction",
    "before_name",
    "principle_id",
    "before",
    "after",
    "change",
    "before_as_of",
    "after_as_of",
)
#: Columns of ``assess changes --matches`` (CSV): per jurisdiction.
MATCH_COLUMNS = ("left", "right", "match", "note")
#: Columns of ``assess changes --events`` (CSV): per jurisdiction and principle.
EVENT_COLUMNS = (
    "jurisdiction",
    "principle_id",
    "last_not_adopted",
    "first_adopted",
    "censoring",
    "lower",
    "upper",
    "reverted",
    "observations",
)


#: What the table shows (JSON and CSV have every column).
_TABLE_COLUMNS = {
    "principles": (
        "principle_id",
        "n",
        "adopted",
        "newly",
        "dropped",
        "unknown->known",
        "known->unknown",
        "other",
    ),
    "events": ("jurisdiction", "principle_id", "last_not_adopted", "first_adopted", "censoring"),
}


def _short(r: dict[str, object]) -> dict[str, object]:
    return {
        **r,
        "n": r["matched"],
        "adopted": f"{r['adopted_before']} -> {r['adopted_after']}",
        "newly": r["newly_adopted"],
        "dropped": r["no_longer_adopted"],
        "unknown->known": r["known_after_only"],
        "known->unknown": r["known_before_only"],
    }


def register(assess: CommandGroup) -> None:
    """Add ``assess changes``."""
    cmd = assess.add(
        "changes",
        help="what changed between two datasets (jurisdictions matched by name, state, FIPS or ORI)",
        description="Compare the assessments in OLD with those in NEW: jurisdictions are matched across "
        "spellings (St. Paul / Saint Paul, 'Kansas City, MO', Washington DC), two versions of one framework "
        "are compared through the version crosswalk, and each changed principle is counted in one class: "
        "newly adopted, no longer adopted, known after only, known before only, other.",
        handler=cmd_changes,
    )
    cmd.add_argument("old", metavar="OLD", help="the earlier assessments file (JSON or TOML)")
    cmd.add_argument("new", metavar="NEW", help="the later assessments file (JSON or TOML)")
    show = cmd.add_mutually_exclusive_group()
    show.add_argument("--cells", action="store_true", help="one row per changed cell")
    show.add_argument("--matches", action="store_true", help="how each jurisdiction was matched")
    show.add_argument(
        "--events", action="store_true", help="adoption events (first seen adopted, last seen not) of both"
    )
    add_format(cmd)


def cmd_changes(args: argparse.Namespace, console: Console) -> int:
    """Compare two datasets of assessments."""
    from policeframeworks import Assessment, Problem, ValidationError, adoption_events, changes

    problems: list[Problem] = []
    sides: list[list[Assessment]] = []
    for name in (args.old, args.new):
        try:
            sides.append([read.assessment for read in read_assessments(name)])
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    before, after = sides
    result = changes(before, after)
    events = [e.to_record() for e in adoption_events([*before, *after])] if args.events else []
    lists = {
        "principles": (result.to_records(), CHANGES_COLUMNS),
        "cells": (result.change_records(), CELL_COLUMNS),
        "matches": (result.match.to_records(), MATCH_COLUMNS),
        "events": (events, EVENT_COLUMNS),
    }
    if args.format == "json":
        console.emit(
            [
                {
                    "framework": result.framework_id,
                    "projected_from": result.projected_from,
                    **{k: rows for k, (rows, _) in lists.items() if k != "events" or args.events},
                }
            ],
            (),
            "json",
        )
    else:
        key = (
            "cells"
            if args.cells
            else "matches"
            if args.matches
            else "events"
            if args.events
            else "principles"
        )
        rows, columns = lists[key]
        table_columns: tuple[str, ...] | None = None
        if args.format == "table":
            prefix = f"{result.framework_id}:"
            rows = [{**r, "principle_id": r["principle_id"].removeprefix(prefix)} for r in rows]
            table_columns = _TABLE_COLUMNS.get(key)
            if key == "principles":
                rows = [_short(r) for r in rows]
        console.emit(rows, columns, args.format, keep=[columns[0]], table_columns=table_columns)
    m = result.match
    console.note(
        f"{plural(len(m.pairs), 'jurisdiction')} matched; {len(m.unmatched_left)} only in {args.old}, "
        f"{len(m.unmatched_right)} only in {args.new}, {len(m.ambiguous)} ambiguous (--matches lists them)"
    )
    if result.projected_from is not None:
        console.note(f"{args.old} codes {result.projected_from}: projected onto {result.framework_id}")
    return EXIT_OK
