"""``report [--out DIR] [--force]``: the cross-framework report of the bundled catalog.

Without ``--out`` the report is printed to stdout as Markdown. With ``--out DIR`` (created if missing) it is
written as ``report.md``, ``report.html`` (self-contained, figures inlined), ``report.json`` (every number,
see :func:`policeframeworks.report.report_data`) and, when matplotlib (the ``plot`` extra) is
installed, one SVG file per heatmap. The folder is one unit: it is written into a hidden folder beside DIR
and swapped in whole (:func:`policeframeworks.io.write_folder_atomic`), so an interrupted run, a full disk
or a second run at the same time leaves the old folder or none, never a mix. A folder that holds files is
only replaced with ``--force`` (otherwise exit code 2 and nothing is written), and never one holding
anything but a report's files. What the report contains in this version, and
what it does not contain yet, is in :mod:`policeframeworks.report`, which builds it; this command only reads
its arguments, shows progress and writes the files.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_OK, CommandGroup, Console, UsageError
from ._progress import Progress


def register(commands: CommandGroup) -> None:
    """Add ``report`` to the subparsers ``sub``."""
    p = commands.add(
        "report",
        help="the cross-framework report of the bundled catalog (Markdown and HTML)",
        description="Write the cross-framework report of the bundled catalog. Without --out, print it "
        "as Markdown; with --out DIR, write report.md, report.html, report.json and (with the plot "
        "extra) the heatmaps as SVG.",
        handler=cmd_report,
    )
    p.add_argument("--out", metavar="DIR", help="folder to write the report into (created if missing)")
    p.add_argument("--force", action="store_true", help="replace report files that already exist")


def cmd_report(args: argparse.Namespace, console: Console) -> int:
    """Build the report; print it as Markdown, or write its files to ``--out``."""
    from policeframeworks import io, load_catalog, report

    if args.out is not None and not args.out.strip():
        raise UsageError("--out: an empty path names no folder; give the folder to write the report into")
    folder = Path(args.out) if args.out is not None else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, expected a folder for the report")
    if folder is not None and folder.is_dir() and any(folder.iterdir()) and not args.force:
        raise UsageError(f"{folder}: already exists and holds files; use --force to replace the folder")
    with Progress(console.err, "report", total=3) as progress:
        progress.set(0, label="report: reading the catalog")
        data = report.report_data(load_catalog())
        if folder is None:  # Markdown on stdout: no figures, and no note that pictures are missing
            progress.set(2, label="report: writing")
            console.write(report.render_markdown(report.report_blocks(data, {})))
            return EXIT_OK
        progress.set(1, label="report: drawing heatmaps")
        figures = report.draw_figures(data)
        progress.set(2, label="report: writing")
        files = report.report_files(data, figures)
        # What a report folder may hold: --force replaces such a folder whole, refuses one with anything else.
        io.write_folder_atomic(folder, files, overwrite=args.force, owned=(*report.REPORT_FILES, "*.svg"))
        progress.set(3)
    targets = [folder / name for name in files]
    console.info(f"wrote {', '.join(str(p) for p in targets)}")
    if figures is None:
        console.note(f"tables only; for the heatmaps: {report.PLOT_HINT}")
    return EXIT_OK
