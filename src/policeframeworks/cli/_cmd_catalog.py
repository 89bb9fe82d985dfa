"""Catalog commands: ``frameworks``, ``show`` and ``search``.

Output formats (``--format``), stable for scripts (see ``docs/cli.md``):

- ``frameworks``: one row per framework. Table and CSV columns: ``id, title, publisher, date, principles,
  complete`` (``true``/``false``), except that the table leaves ``complete`` out and instead marks the title
  of a framework held only in part ``[incomplete]``, with a footnote under the table; JSON objects also
  carry ``full_title, kind, provisions, data_version``.
- ``show FRAMEWORK``: table: the framework as an indented tree. JSON: the framework exactly as in a framework
  file (``docs/reference/framework-files.md``). CSV: one row per principle and framing statement, columns
  ``id, parent, depth, group, number, title, wording, themes``.
- ``show PRINCIPLE``: table: wording, themes, citation, notes, sub-provisions and the crosswalk mappings on
  it (each read from its side, as :meth:`policeframeworks.Crosswalk.related` gives them). JSON: one object
  (keys listed in :data:`PRINCIPLE_KEYS`; ``mappings`` is a list of objects with ``source, relationship,
  target, strength, rationale_type, basis, rationale, opposing, mapped_by, citation``). CSV: one row with the
  columns :data:`PRINCIPLE_CSV` (``mappings`` written ``RELATIONSHIP TARGET (STRENGTH/10, BASIS)``, joined
  with ``; ``).
- ``show`` reads the user's files with ``--framework-file FILE`` and ``--crosswalk FILE [--replace]``, and
  ``search`` with ``--framework-file FILE`` (see :mod:`policeframeworks.cli._userfiles`).
- ``search``: one row per principle. Table: ``id, title``; CSV: ``id, framework, number, title, themes,
  wording``; JSON objects add ``text``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ._common import EXIT_OK, CommandGroup, Console, add_format, check_word, plural
from ._userfiles import add_user_files, load_user_data

if TYPE_CHECKING:
    from policeframeworks import Catalog, Crosswalk, Framework, Principle

#: The keys of ``show PRINCIPLE --format json``, in order.
PRINCIPLE_KEYS = (
    "id",
    "framework",
    "parent",
    "group",
    "number",
    "title",
    "text",
    "wording",
    "themes",
    "aliases",
    "notes",
    "citation",
    "children",
    "mappings",
)
#: The columns of ``show PRINCIPLE --format csv``.
PRINCIPLE_CSV = (
    "id",
    "framework",
    "parent",
    "group",
    "number",
    "title",
    "wording",
    "themes",
    "text",
    "citation_url",
    "citation_locator",
    "mappings",
)
#: The columns of ``show FRAMEWORK --format csv``.
TREE_CSV = ("id", "parent", "depth", "group", "number", "title", "wording", "themes")
#: The columns of ``search --format csv``; the table shows only ``id`` and ``title``.
SEARCH_CSV = ("id", "framework", "number", "title", "themes", "wording")
#: The columns of ``frameworks`` (table and CSV).
FRAMEWORKS_COLUMNS = ("id", "title", "publisher", "date", "principles", "complete")
#: The mark on the title of a framework held only in part, in the ``frameworks`` table.
INCOMPLETE_MARK = "[incomplete]"
#: The footnote under the ``frameworks`` table when some framework is held only in part.
INCOMPLETE_NOTE = (
    f"{INCOMPLETE_MARK}: the catalog holds only part of this framework; `policeframeworks show ID` says what "
    "is missing."
)


def register(commands: CommandGroup) -> None:
    """Add the catalog commands to the subparsers ``sub``."""
    p = commands.add(
        "frameworks",
        help="list the frameworks in the catalog",
        description="The frameworks in the catalog: id, short title, publisher, date and number of "
        "top-level principles; a framework held only in part is marked.",
        handler=cmd_frameworks,
    )
    add_format(p)

    p = commands.add(
        "show",
        help="show a framework as a tree, or one principle in full",
        description="Show a framework (e.g. uscm-2020) as a tree of principles, or one principle "
        "(e.g. uscm-2020:sanctity-of-life) with its wording, themes, citation and crosswalk mappings.",
        handler=cmd_show,
    )
    p.add_argument("id", metavar="ID", help="a framework id or a principle id")
    add_user_files(p)
    add_format(p)

    p = commands.add(
        "search",
        help="find principles by words in their title or text",
        description="Principles whose title, text or aliases contain every word of TEXT (ignoring case); "
        "without TEXT, every principle (of --theme, of --framework).",
        handler=cmd_search,
    )
    p.add_argument("text", metavar="TEXT", nargs="?", default=None, help="words to look for")
    p.add_argument("--theme", metavar="T", help="only principles with this theme (e.g. use-of-force)")
    p.add_argument("--framework", metavar="ID", help="only principles of this framework")
    add_user_files(p, crosswalk=False)
    add_format(p)


def cmd_frameworks(args: argparse.Namespace, console: Console) -> int:
    """List the catalog: id, title, publisher, date, number of top-level principles, whether complete.

    JSON rows also carry ``full_title``, ``kind``, ``provisions`` (every principle at any depth) and
    ``data_version``. The table leaves ``complete`` out (it fits 80 columns) but marks the title of a
    framework held only in part ``[incomplete]`` and explains the mark below.
    """
    from policeframeworks import io, load_catalog

    rows = [io.framework_record(fw) for fw in load_catalog().frameworks]
    if args.format != "table":
        console.emit(rows, FRAMEWORKS_COLUMNS, args.format)
        return EXIT_OK
    shown = [dict(r, title=r["title"] if r["complete"] else f"{r['title']} {INCOMPLETE_MARK}") for r in rows]
    console.emit(shown, FRAMEWORKS_COLUMNS[:-1], "table")
    if any(not r["complete"] for r in rows):
        console.write("\n" + console.wrap(INCOMPLETE_NOTE) + "\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, console: Console) -> int:
    """Show a framework as a tree, or a principle with its wording, themes, citation and mappings.

    An id with a ``:`` is a principle id, any other a framework id. An unknown id is a usage error
    (exit code 2) with the closest ids suggested. ``--framework-file`` and ``--crosswalk`` add the user's
    frameworks and mappings (the mappings listed for a principle come from that crosswalk).
    """
    from policeframeworks import UnknownIdError

    catalog, crosswalk = load_user_data(args)
    wanted: str = args.id.strip()
    try:
        if ":" in wanted:
            principle = catalog.principle(wanted)
            _show_principle(catalog, crosswalk, principle, args.format, console)
        else:
            _show_framework(catalog.framework(wanted), args.format, console)
    except UnknownIdError as exc:
        if ":" in wanted or exc.suggestions:
            raise
        # A principle slug without its framework ("sanctity-of-life"): suggest the full ids.
        matches = [p.id for p in catalog.iter_principles() if p.id.split(":", 1)[1] == wanted]
        raise UnknownIdError(wanted, kind="framework or principle", suggestions=matches[:3]) from None
    return EXIT_OK


def _tree(fw: Framework) -> Iterator[tuple[str, int, Principle]]:
    for group, tops in (("framing", fw.framing), ("principles", fw.principles)):
        for top in tops:
            for p in top.walk():
                yield group, p.id.count("/"), p


def _show_framework(fw: Framework, fmt: str, console: Console) -> None:
    if fmt == "json":
        import json

        from policeframeworks import io

        console.data(json.dumps(io.to_dict(fw), indent=2, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        rows = [
            {
                "id": p.id,
                "parent": p.id.rpartition("/")[0] or None,
                "depth": depth,
                "group": group,
                "number": p.number,
                "title": p.title,
                "wording": str(p.wording),
                "themes": [str(t) for t in p.themes],
            }
            for group, depth, p in _tree(fw)
        ]
        console.emit(rows, TREE_CSV, "csv")
        return
    provisions = sum(1 for _ in fw.iter_principles())
    lines = [
        console.wrap(f"{fw.id}: {fw.short_title}"),
        console.wrap(fw.title),
        console.wrap(
            f"{fw.publisher}, {fw.date}; {fw.kind}; {plural(len(fw.principles), 'principle')}, "
            f"{plural(provisions, 'provision')}"
        ),
        f"Source: {fw.citation.url}",
    ]
    if not fw.complete:
        lines.append(console.wrap(f"Incomplete: {fw.missing}", indent="  ", first=""))
    current = None
    for group, depth, p in _tree(fw):
        if group != current:
            lines += ["", "Framing statements (not counted):" if group == "framing" else "Principles:"]
            current = group
        indent = "  " + "    " * depth
        label = f"{p.number}. " if p.number else "- "
        lines.append(console.wrap(f"{label}{p.title}", first=indent, indent=indent + " " * len(label)))
        # An id is never broken (it is for copying): a long one is indented less to fit 80 columns.
        lines.append(" " * max(0, min(len(indent) + len(label), min(80, console.width) - len(p.id))) + p.id)
    console.write("\n".join(lines) + "\n")


def _show_principle(catalog: Catalog, crosswalk: Crosswalk, p: Principle, fmt: str, console: Console) -> None:
    from policeframeworks import io

    record = io.principle_record(p, catalog.framework(p.framework_id), crosswalk.related(p.id))
    if fmt == "json":
        import json

        console.data(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        row = dict(
            record,
            citation_url=record["citation"]["url"],
            citation_locator=record["citation"]["locator"],
            mappings=[_mapping_words(m) for m in record["mappings"]],
        )
        console.emit([row], PRINCIPLE_CSV, "csv")
        return
    fw = catalog.framework(p.framework_id)
    c = p.citation
    where = f"{fw.id} ({fw.short_title})"
    if record["parent"]:
        where += f", under {record['parent']}"
    if record["group"] == "framing":
        where += ", a framing statement (not counted in coverage)"
    lines = [p.id, console.wrap(f"{p.number}. {p.title}" if p.number else p.title), ""]
    lines.append(console.wrap(where, first="Framework: ", indent="           "))
    lines.append(f"Wording:   {p.wording}")
    lines.append(console.wrap(", ".join(str(t) for t in p.themes), first="Themes:    ", indent="           "))
    lines += ["", console.wrap(p.text, indent="  "), ""]
    cited = ", ".join(x for x in (c.publisher, f'"{c.title}"', c.date, c.locator) if x)
    lines.append(console.wrap(cited, first="Citation:  ", indent="           "))
    lines.append(f"           {c.url}")
    if p.aliases:
        lines.append(console.wrap(", ".join(p.aliases), first="Aliases:   ", indent="           "))
    if p.notes:
        lines.append("Notes:")
        lines += [console.wrap(n, first="  - ", indent="    ") for n in p.notes]
    if p.children:
        lines.append("Sub-provisions:")
        lines += [console.wrap(f"{ch.title} ({ch.id})", first="  - ", indent="    ") for ch in p.children]
    lines.append("")
    lines += _mapping_lines(catalog, crosswalk, p.id, record["mappings"], console)
    console.write("\n".join(lines) + "\n")


def _mapping_words(m: dict[str, Any]) -> str:
    return f"{m['relationship']} {m['target']} ({m['strength']}/10, {m['basis']})"


def _mapping_lines(
    catalog: Catalog,
    crosswalk: Crosswalk,
    principle_id: str,
    mappings: list[dict[str, Any]],
    console: Console,
) -> list[str]:
    """The ``Mappings:`` part of ``show PRINCIPLE``: each mapping read from this principle's side."""
    import textwrap

    if not mappings:
        state = str(crosswalk.disposition(principle_id)).replace("_", " ")
        return [
            console.wrap(
                f"none on this principle itself ({state}; mappings on its parent, children or framework "
                "are not listed here)",
                first="Mappings:  ",
                indent="           ",
            )
        ]
    lines = [f"Mappings ({principle_id} RELATIONSHIP target):"]
    for m in mappings:
        words = _mapping_words(m) + (", opposing" if m["opposing"] else "")
        lines += textwrap.wrap(
            words,
            min(80, console.width),
            initial_indent="  - ",
            subsequent_indent="      ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if ":" in m["target"]:
            title = catalog.principle(m["target"]).title
        else:
            title = catalog.framework(m["target"]).short_title
        lines.append(console.wrap(title, indent="      "))
    return lines


def cmd_search(args: argparse.Namespace, console: Console) -> int:
    """Principles whose title, text or aliases contain every word of TEXT, optionally with a theme.

    A theme that is not a theme word is a usage error (exit code 2) with the closest theme suggested.
    Nothing found is not an error: the listing is empty and a note goes to stderr. ``--framework-file``
    adds the user's frameworks to the catalog searched.
    """
    from policeframeworks import Theme

    theme = check_word("--theme", args.theme, [t.value for t in Theme], what="a theme")
    catalog, _ = load_user_data(args)
    if args.framework is not None:
        catalog.framework(args.framework)
    found = [
        p
        for p in catalog.search(args.text, theme=theme)
        if args.framework is None or p.framework_id == args.framework
    ]
    rows = [
        {
            "id": p.id,
            "framework": p.framework_id,
            "number": p.number,
            "title": p.title,
            "themes": [str(t) for t in p.themes],
            "wording": str(p.wording),
            "text": p.text,
        }
        for p in found
    ]
    console.emit(rows, SEARCH_CSV, args.format, table_columns=("id", "title"))
    if not rows:
        console.note("no principle matches")
    return EXIT_OK
