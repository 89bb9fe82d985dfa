"""Catalog commands: ``frameworks``."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._main import EXIT_OK, add_format
from ._output import emit


def register(sub: Any) -> None:
    """Add the catalog commands to the subparsers ``sub``."""
    p = sub.add_parser("frameworks", help="list the frameworks in the catalog")
    add_format(p)
    p.set_defaults(handler=cmd_frameworks)


def cmd_frameworks(args: argparse.Namespace, out: TextIO) -> int:
    """List the catalog: id, title, publisher, date, number of top-level principles.

    JSON and CSV rows also carry ``full_title``, ``kind``, ``provisions`` (every principle at any depth),
    ``complete`` and ``data_version``.
    """
    from .._catalog import load_catalog

    rows = [
        {
            "id": fw.id,
            "title": fw.short_title,
            "full_title": fw.title,
            "publisher": fw.publisher,
            "date": fw.date,
            "kind": str(fw.kind),
            "principles": len(fw.principles),
            "provisions": sum(1 for _ in fw.iter_principles()),
            "complete": fw.complete,
            "data_version": fw.data_version,
        }
        for fw in load_catalog().frameworks
    ]
    emit(rows, ["id", "title", "publisher", "date", "principles"], args.format, out)
    return EXIT_OK
