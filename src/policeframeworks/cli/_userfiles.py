"""The user's own data files on the catalog commands: ``--framework-file FILE`` and ``--crosswalk FILE``.

``--framework-file FILE`` (repeatable; JSON or TOML framework files, see
``docs/reference/framework-files.md``) adds the user's frameworks to the bundled catalog
(:func:`policeframeworks.io.read_catalog`). ``--crosswalk FILE`` (repeatable; TOML or JSON crosswalk
documents, or CSV in the columns ``crosswalk export --format csv`` writes, read as ``crosswalk lint`` reads
them) adds the user's mappings after the bundled crosswalk's, or, with ``--replace``, uses them instead of it
(:func:`policeframeworks.io.read_crosswalk`). Crosswalk ids are checked against the catalog, the user's
frameworks included.

Errors: a file that is missing, a directory or of an unsupported type, ``--replace`` without
``--crosswalk``, and a framework file that holds something else are usage errors (exit code 2), one line
each; every problem in the contents of the files (a bad field, an unknown id, a clashing framework id, JSON
or TOML syntax) is a data error (exit code 1), one line each, all files read first.

This module adds no subcommand; the command modules call :func:`add_user_files` and :func:`load_user_data`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._common import UsageError, input_file

if TYPE_CHECKING:
    from pathlib import Path

    from policeframeworks import Catalog, Crosswalk

#: The file types ``--crosswalk`` reads.
CROSSWALK_SUFFIXES = (".toml", ".json", ".csv", ".tsv")
#: The file types ``--framework-file`` reads.
FRAMEWORK_SUFFIXES = (".toml", ".json")


def add_user_files(
    parser: argparse.ArgumentParser, *, frameworks: bool = True, crosswalk: bool = True
) -> None:
    """Give a command ``--framework-file FILE`` and/or ``--crosswalk FILE`` with ``--replace``.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser()
        >>> add_user_files(p)
        >>> p.parse_args(["--crosswalk", "a.csv", "--crosswalk", "b.toml", "--replace"]).crosswalk_files
        ['a.csv', 'b.toml']
    """
    if frameworks:
        parser.add_argument(
            "--framework-file",
            metavar="FILE",
            action="append",
            default=[],
            dest="framework_files",
            help="add your own framework file (JSON or TOML) to the catalog; repeatable",
        )
    if crosswalk:
        parser.add_argument(
            "--crosswalk",
            metavar="FILE",
            action="append",
            default=[],
            dest="crosswalk_files",
            help="add the mappings of your crosswalk file (TOML, JSON or CSV) to the bundled crosswalk; "
            "repeatable",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="with --crosswalk: use your crosswalk files instead of the bundled crosswalk",
        )


def load_user_data(args: argparse.Namespace) -> tuple[Catalog, Crosswalk]:
    """The catalog and crosswalk a command works on: the bundled ones, extended by the user's files.

    Reads ``args.framework_files``, ``args.crosswalk_files`` and ``args.replace`` where the command has them.

    Raises:
        UsageError: a file is missing, a directory or of an unsupported type; ``--replace`` without
            ``--crosswalk``; a ``--framework-file`` that does not hold a framework (exit code 2).
        ValidationError: every problem in the files' contents, one per line (exit code 1).

    Example:
        >>> import argparse
        >>> catalog, cw = load_user_data(argparse.Namespace())
        >>> cw is catalog.crosswalk
        True
        >>> load_user_data(argparse.Namespace(crosswalk_files=[], replace=True))
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: --replace needs --crosswalk FILE (the files to use instead)
    """
    from policeframeworks import load_catalog

    framework_names: list[str] = list(getattr(args, "framework_files", None) or [])
    crosswalk_names: list[str] = list(getattr(args, "crosswalk_files", None) or [])
    replace = bool(getattr(args, "replace", False))
    lines: list[str] = []
    if replace and not crosswalk_names:
        lines.append("--replace needs --crosswalk FILE (the files to use instead)")
    framework_paths = _checked(framework_names, FRAMEWORK_SUFFIXES, lines)
    crosswalk_paths = _checked(crosswalk_names, CROSSWALK_SUFFIXES, lines)
    if lines:
        raise UsageError("\n".join(lines))
    catalog = _catalog_with(framework_paths) if framework_paths else load_catalog()
    if not crosswalk_paths:
        return catalog, catalog.crosswalk
    return catalog, _crosswalk_with(catalog, crosswalk_paths, replace=replace)


def _checked(names: list[str], suffixes: tuple[str, ...], lines: list[str]) -> list[Path]:
    """The files that exist with a known extension; a line in ``lines`` for each that does not."""
    paths = []
    for name in names:
        try:
            paths.append(input_file(name, suffixes=suffixes))
        except UsageError as exc:
            lines.append(str(exc))
    return paths


def _catalog_with(paths: list[Path]) -> Catalog:
    """The bundled catalog with the user's framework files; every problem in every file at once."""
    from policeframeworks import DataFileError, Problem, io

    problems: list[Problem] = []
    wrong: list[str] = []
    for path in paths:
        try:
            kind = io.file_kind(path)
        except DataFileError as exc:
            problems.append(Problem("", str(exc)))
            continue
        if kind != "framework":
            hint = " (give it with --crosswalk)" if kind == "crosswalk" else ""
            what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} file" if kind else "a file of no known kind"
            wrong.append(
                f"{path}: --framework-file expects a framework file (with 'principles'), not {what}{hint}"
            )
    if wrong:
        raise UsageError("\n".join(wrong))
    if problems:
        from policeframeworks import ValidationError

        raise ValidationError(problems)
    return io.read_catalog(*paths, include_bundled=True)


def _crosswalk_with(catalog: Catalog, paths: list[Path], *, replace: bool) -> Crosswalk:
    """The catalog's crosswalk extended (or, with ``replace``, replaced) by the user's crosswalk files.

    Each file is read with :func:`policeframeworks.io.read_crosswalk` and linted on its own
    (:meth:`policeframeworks.Crosswalk.lint`, as ``crosswalk lint`` does); every problem of every file is
    reported, and a file with any is not used.
    """
    from policeframeworks import Crosswalk, DataFileError, Mapping, Problem, Review, ValidationError, io

    mappings: list[Mapping] = [] if replace else list(catalog.crosswalk.mappings)
    reviews: list[Review] = [] if replace else list(catalog.crosswalk.reviews)
    problems: list[Problem] = []
    for path in paths:
        try:
            own = io.read_crosswalk(path, catalog=catalog)
            # A file `crosswalk lint` refuses (contradictions, duplicates, ...) is refused here too, with
            # the same problems, rather than used without a word.
            csv_rows = path.suffix.lower() == ".csv"
            for lint in own.lint():
                where = ", ".join(
                    [
                        *(f"row {i + 2}" if csv_rows else f"mappings[{i}]" for i in lint.indices),
                        *(f"reviews[{i}]" for i in lint.review_indices),
                    ]
                )
                problems.append(Problem(where, f"{lint.kind}: {lint.message}", file=str(path)))
        except ValidationError as exc:
            problems += exc.problems
        except DataFileError as exc:
            problems.append(Problem("", str(exc)))
        else:
            mappings += own.mappings
            reviews += own.reviews
    if problems:
        raise ValidationError(problems)
    return Crosswalk(mappings, reviews=reviews, catalog=catalog)
