"""``diff A B [--crosswalk]``: what changed between two versions of a framework.

``diff A B`` is :func:`policeframeworks.diff`: principles of A and B are matched by declared
``corresponds_to``, then by equal slugs; unmatched ones of A are *removed*, of B *added*. A matched pair is
*reworded* when its title or text differ, *changed* when only its number, wording label or themes differ,
and *unchanged* otherwise. Framing statements are not compared. Any two frameworks can be compared, but
the comparison means something only between versions of one family: for frameworks of different families
the heading says so, a note goes to stderr, and JSON has ``same_family: false``.

``diff A B --crosswalk`` prints the crosswalk :func:`policeframeworks.version_crosswalk` generates from
that matching instead (``equal`` where the text is identical, ``intersects`` where it was reworded, nothing
for removed or added principles). A and B must then be two different frameworks of one family (otherwise a
usage error, exit code 2). ``--framework-file FILE`` adds the user's framework files to the catalog, so a
draft version can be compared with a bundled one.

Output formats (stable):

- ``diff A B``: table: a heading with the counts, then the principles grouped as removed, added,
  reworded, changed and unchanged, each with its id(s) and title(s). CSV: one row per principle or pair
  (removed, then added, then the matched pairs in A's order), columns :data:`DIFF_CSV` (``changed``: the
  fields that differ, joined with ``; ``). JSON: one object with keys ``before, after, same_family,
  before_family, after_family, counts`` (``removed, added, reworded, changed, unchanged``) and
  ``principles`` (objects with the CSV columns; ``changed`` a list).
- ``diff A B --crosswalk``: table: one line per mapping (``SOURCE RELATIONSHIP TARGET (STRENGTH/10)``)
  with its rationale below. CSV: the crosswalk CSV of ``crosswalk export --format csv``. JSON: a crosswalk
  document as in ``docs/reference/crosswalk-files.md``. Both files can be given back to ``--crosswalk
  FILE`` of ``coverage``, ``show`` and ``crosswalk export``, and to ``crosswalk lint``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._common import EXIT_OK, CommandGroup, Console, UsageError, add_format, check_framework_ids, plural
from ._userfiles import add_user_files, load_user_data

if TYPE_CHECKING:
    from policeframeworks import Catalog, Framework

#: The columns of ``diff --format csv`` (and the keys of each object of ``principles`` in JSON).
DIFF_CSV = ("status", "before", "after", "matched_by", "changed", "before_title", "after_title")
#: The statuses of ``diff``, in the order the table groups them.
STATUSES = ("removed", "added", "reworded", "changed", "unchanged")

_HEADINGS = {
    "removed": "Removed (only in {a}):",
    "added": "Added (only in {b}):",
    "reworded": "Reworded (title or text differ):",
    "changed": "Changed (number, wording label or themes differ; title and text the same):",
    "unchanged": "Unchanged:",
}
_MARKS = {"removed": "-", "added": "+", "reworded": "~", "changed": "~", "unchanged": "="}


def register(commands: CommandGroup) -> None:
    """Add ``diff`` to the subparsers ``sub``."""
    p = commands.add(
        "diff",
        help="what changed between two versions of a framework (or the generated version crosswalk)",
        description="Compare framework A with framework B (usually two versions of one family): the "
        "principles removed, added, reworded, otherwise changed and unchanged. With --crosswalk, print "
        "the crosswalk generated from the comparison instead.",
        handler=cmd_diff,
    )
    p.add_argument("a", metavar="A", help="the earlier framework id")
    p.add_argument("b", metavar="B", help="the later framework id")
    p.add_argument(
        "--crosswalk",
        action="store_true",
        help="print the generated version crosswalk (A and B must be of one family)",
    )
    add_user_files(p, crosswalk=False)
    add_format(p)


def cmd_diff(args: argparse.Namespace, console: Console) -> int:
    """Compare A with B, or print their generated version crosswalk.

    Unknown ids (with the closest suggested) and, with ``--crosswalk``, two frameworks that are not two
    versions of one family are usage errors (exit code 2). Declared correspondences that name a missing
    principle are data errors (exit code 1).
    """
    from policeframeworks import diff, io

    catalog, _ = load_user_data(args)
    check_framework_ids(catalog, [("A", args.a), ("B", args.b)])
    a, b = catalog.framework(args.a), catalog.framework(args.b)
    if args.crosswalk:
        return _version_crosswalk(catalog, a, b, args.format, console)
    d = diff(a, b)
    if not d.same_family:
        console.note(
            f"{a.id} and {b.id} are not versions of one framework (families {a.family!r} and "
            f"{b.family!r}): principles are matched only where their slugs are equal; use coverage to see "
            "how much one covers the other"
        )
    rows = io.diff_records(d)
    if args.format == "json":
        import json

        counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
        record = {
            "before": d.before,
            "after": d.after,
            "same_family": d.same_family,
            "before_family": a.family,
            "after_family": b.family,
            "counts": counts,
            "principles": rows,
        }
        console.data(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        console.emit(rows, DIFF_CSV, "csv")
    else:
        console.write(_diff_text(a, b, d.same_family, rows, console))
    return EXIT_OK


def _wrap_ids(console: Console, text: str, *, first: str, indent: str) -> list[str]:
    """Wrap at spaces only, so ids stay whole for copying."""
    return console.wrap(text, first=first, indent=indent).splitlines()


def _diff_text(
    a: Framework, b: Framework, same_family: bool, rows: list[dict[str, Any]], console: Console
) -> str:
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
    if same_family:
        family = f"same family: {a.family}"
    else:
        family = (
            f"different families: {a.family}, {b.family} (not versions of one framework: principles are "
            "matched only by equal slugs)"
        )
    lines = [
        console.wrap(f"{a.id} ({a.short_title}) -> {b.id} ({b.short_title})"),
        console.wrap(family),
        console.wrap(
            f"{counts['removed']} removed, {counts['added']} added, {counts['reworded']} reworded, "
            f"{counts['changed']} otherwise changed, {counts['unchanged']} unchanged"
        ),
    ]
    for status in STATUSES:
        group = [r for r in rows if r["status"] == status]
        if not group:
            continue
        lines += ["", _HEADINGS[status].format(a=a.id, b=b.id)]
        mark = _MARKS[status]
        for r in group:
            if status == "removed":
                lines += _wrap_ids(console, r["before"], first=f"  {mark} ", indent="    ")
                lines.append(console.wrap(r["before_title"], indent="      "))
                continue
            if status == "added":
                lines += _wrap_ids(console, r["after"], first=f"  {mark} ", indent="    ")
                lines.append(console.wrap(r["after_title"], indent="      "))
                continue
            how = "same slug" if r["matched_by"] == "slug" else "declared"
            what = f"{how}; {', '.join(r['changed'])}" if r["changed"] else how
            lines += _wrap_ids(console, r["before"], first=f"  {mark} ", indent="    ")
            lines += _wrap_ids(console, f"-> {r['after']} ({what})", first="    ", indent="       ")
            lines.append(console.wrap(r["before_title"], indent="      "))
            if r["after_title"] != r["before_title"]:
                lines.append(console.wrap(r["after_title"], first="      -> ", indent="         "))
    return "\n".join(lines) + "\n"


def _version_crosswalk(catalog: Catalog, a: Framework, b: Framework, fmt: str, console: Console) -> int:
    import json

    import policeframeworks
    from policeframeworks import CrosswalkDocument, io, version_crosswalk

    __version__ = policeframeworks.__version__

    if a.id == b.id:
        raise UsageError(f"B: {b.id!r} is the same framework as A; diff --crosswalk joins two versions")
    if a.family != b.family:
        raise UsageError(
            f"B: {b.id!r} is of family {b.family!r}, {a.id!r} of family {a.family!r}: diff --crosswalk "
            "joins two versions of one family (diff without --crosswalk compares any two frameworks)"
        )
    cw = version_crosswalk(a, b, catalog=catalog)
    if fmt == "csv":
        console.data(io.crosswalk_to_csv(cw))
        return EXIT_OK
    if fmt == "json":
        doc = CrosswalkDocument(
            id=f"{a.id}-to-{b.id}",
            title=f"Version crosswalk {a.id} -> {b.id} (generated)",
            data_version=__version__,
            mappings=cw.mappings,
            frameworks=(a.id, b.id),
            notes=(
                f"Generated by policeframeworks diff {a.id} {b.id} --crosswalk (version_crosswalk) with "
                f"policeframeworks {__version__}; review each mapping before relying on it.",
            ),
        )
        console.data(json.dumps(io.to_dict(doc), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    mapped = {m.source for m in cw.mappings}
    lone_a = sum(1 for p in a.iter_principles() if p.id not in mapped)
    lone_b = sum(1 for q in b.iter_principles() if q.id not in {m.target for m in cw.mappings})
    lines = [
        console.wrap(
            f"Version crosswalk {a.id} -> {b.id}: "
            f"{plural(len(cw.mappings), 'generated mapping')} (review them)"
        ),
        console.wrap(
            f"without a counterpart, so not mapped: {plural(lone_a, 'principle')} in {a.id}, "
            f"{lone_b} in {b.id}"
        ),
    ]
    for m in cw.mappings:
        lines.append("")
        lines += _wrap_ids(
            console, f"{m.source} {m.relationship} {m.target} ({m.strength}/10)", first="", indent="  "
        )
        lines.append(console.wrap(m.rationale, indent="    "))
    console.write("\n".join(lines) + "\n")
    return EXIT_OK
