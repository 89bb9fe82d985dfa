"""``endorsements [ID] [--by NAME] [--relation R]``: who endorsed, adopted, built on or answered what.

The bundled endorsements (:attr:`policeframeworks.Catalog.endorsements`), in the catalog's order. ``ID``
keeps those of a framework (including those of its principles, as
:meth:`~policeframeworks.Catalog.endorsements_of` gives them) or of one principle; ``--by NAME`` those of one
body (:meth:`~policeframeworks.Catalog.endorsed_by`, ignoring case); ``--relation R`` one relation
(``endorsed``, ``adopted``, ``builds-on``, ``integrates`` or ``answers``; ``answers`` is not support).
Given together, all must hold.

Output formats (stable):

- table columns ``endorser, relation, target, date``, with a footnote when ``answers`` is listed;
- CSV columns :data:`ENDORSEMENTS_CSV` (notes joined with ``; ``; ``support`` is ``false`` only for
  ``answers``);
- JSON: objects with the CSV columns but ``citation_url``, and ``target_framework`` and ``citation``
  (``publisher, title, url, date, locator``); ``notes`` is a list.

An unknown ID, ``--by`` name or ``--relation`` is a usage error (exit code 2), one line each, with the
closest suggested. Nothing found is not an error: the listing is empty and a note goes to stderr.
"""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, CommandGroup, Console, UsageError, add_format, check_word

#: The columns of ``endorsements --format csv``.
ENDORSEMENTS_CSV = (
    "endorser",
    "endorser_kind",
    "relation",
    "support",
    "target",
    "date",
    "via",
    "citation_url",
    "notes",
)
#: The columns of the ``endorsements`` table.
TABLE_COLUMNS = ("endorser", "relation", "target", "date")
#: The footnote under the table when an ``answers`` relation is listed.
ANSWERS_NOTE = "answers: published as a response to the framework, disagreeing with it; not support."


def register(commands: CommandGroup) -> None:
    """Add ``endorsements`` to the subparsers ``sub``."""
    p = commands.add(
        "endorsements",
        help="who endorsed, adopted, built on or answered which framework",
        description="The bundled endorsements: of framework or principle ID, by body NAME, of relation R "
        "(all that are given must hold).",
        handler=cmd_endorsements,
    )
    p.add_argument("id", metavar="ID", nargs="?", default=None, help="a framework id or a principle id")
    p.add_argument("--by", metavar="NAME", help="only the endorsements of this body (ignoring case)")
    p.add_argument(
        "--relation",
        metavar="R",
        help="only this relation: endorsed, adopted, builds-on, integrates, answers",
    )
    add_format(p)


def cmd_endorsements(args: argparse.Namespace, console: Console) -> int:
    """List the bundled endorsements that match ID, ``--by`` and ``--relation``."""
    from policeframeworks import Relation, UnknownIdError, io, load_catalog

    catalog = load_catalog()
    lines: list[str] = []
    relation: str | None = None
    try:
        relation = check_word("--relation", args.relation, [r.value for r in Relation], what="a relation")
    except UsageError as exc:
        lines.append(str(exc))
    found = list(catalog.endorsements)
    if args.id is not None:
        try:
            found = list(catalog.endorsements_of(args.id.strip()))
        except UnknownIdError as exc:
            lines.append(f"ID: {exc}")
    if args.by is not None:
        try:
            by = set(catalog.endorsed_by(args.by))
        except UnknownIdError as exc:
            more = " (did you mean " + " or ".join(repr(s) for s in exc.suggestions) + "?)"
            lines.append(f"--by: no endorsements by {args.by!r}{more if exc.suggestions else ''}")
        else:
            found = [e for e in found if e in by]
    if lines:
        raise UsageError("\n".join(lines))
    if relation is not None:
        found = [e for e in found if e.relation.value == relation]
    rows = [io.endorsement_record(e) for e in found]
    if args.format == "csv":
        rows = [dict(r, citation_url=r["citation"]["url"]) for r in rows]
    console.emit(
        rows, TABLE_COLUMNS if args.format == "table" else ENDORSEMENTS_CSV, args.format, keep=["target"]
    )
    if args.format == "table" and any(r["relation"] == Relation.ANSWERS.value for r in rows):
        console.write("\n" + console.wrap(ANSWERS_NOTE) + "\n")
    if not rows:
        console.note("no endorsement matches")
    return EXIT_OK
