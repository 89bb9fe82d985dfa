"""``package build OUT`` and ``cite [FRAMEWORK]``: the release as a data package, and how to cite it.

``package build OUT [FILE...] [--bundled NAME] [--force]`` writes a Frictionless Data Package (v2) of the
bundled catalog, its crosswalk and endorsements, and any assessments given (files or bundled examples, as
the ``assess`` commands read them) into the folder OUT, written beside it and swapped in whole
(:func:`policeframeworks.io.write_package`). An existing OUT is replaced only with ``--force`` (otherwise exit
code 2).

``cite [FRAMEWORK] [--style bibtex|text]`` prints how to cite the library (code and data versions) and every
framework's own source, or one framework's source (:func:`policeframeworks.cite`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._assess_files import add_inputs, read_inputs
from ._common import EXIT_OK, CommandGroup, Console, UsageError, check_word, plural


def register(commands: CommandGroup) -> None:
    """Add ``package build`` and ``cite``."""
    group = commands.group(
        "package",
        help="write the release as a Frictionless Data Package (build)",
        description="Publish the bundled frameworks, crosswalk, endorsements and any assessments as a "
        "Frictionless Data Package (CSV tables with schemas) that R, pandas, DuckDB and data portals read.",
        metavar="ACTION",
    )
    build = group.add(
        "build",
        help="write the data package into a folder",
        description="Write a Frictionless Data Package (v2) of the release into OUT: frameworks, principles, "
        "mappings, reviews, endorsements and the assessments given, as CSV tables with table schemas and "
        "foreign keys. OUT is written beside itself and swapped in whole.",
        handler=cmd_package_build,
    )
    build.add_argument("out", metavar="OUT", help="the package's folder")
    add_inputs(build)
    build.add_argument("--force", action="store_true", help="replace OUT if it exists")

    cite = commands.add(
        "cite",
        help="how to cite the library, its data and each framework's source (BibTeX or text)",
        description="Print BibTeX (or, with --style text, a plain reference) for the library's code and "
        "data versions and every framework's own source; with FRAMEWORK, for that framework's source only.",
        handler=cmd_cite,
    )
    cite.add_argument("framework", metavar="FRAMEWORK", nargs="?", help="a framework id, e.g. uscm-2020")
    cite.add_argument("--style", default="bibtex", help="bibtex (default) or text")


def cmd_package_build(args: argparse.Namespace, console: Console) -> int:
    """Write the data package; the folder as one unit."""
    from policeframeworks import io

    if not args.out.strip():
        raise UsageError("package build: OUT is empty; give a folder name")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: is a file, expected a folder for the package")
    if out.exists() and not args.force:
        raise UsageError(f"{out}: already exists (use --force to replace it)")
    reads = read_inputs(args) if args.files or args.bundled else []
    assessments = [r.assessment for r in reads]
    io.write_package(out, assessments=assessments, overwrite=args.force)
    console.info(f"wrote {out} (data package; {plural(len(assessments), 'assessment')})")
    return EXIT_OK


def cmd_cite(args: argparse.Namespace, console: Console) -> int:
    """Print the citations."""
    from policeframeworks import cite, load_catalog

    style = check_word("--style", args.style, ("bibtex", "text"))
    catalog = load_catalog()
    if args.framework is not None and args.framework not in catalog.framework_ids:
        catalog.framework(args.framework)  # raises UnknownIdError with close matches (exit code 2)
    console.write(cite(args.framework, style="text" if style == "text" else "bibtex", catalog=catalog) + "\n")
    return EXIT_OK
