"""Reading assessments for the ``assess`` commands: files named on the command line and bundled examples.

``FILE`` is an assessment file or an assessments file (JSON or TOML; ``{"assessments": [...]}``), any number
of assessments per file. ``--bundled NAME`` names a bundled example assessment instead (``kankakee-2020``):
each bundled assessment is named after its jurisdiction and year, as ``policeframeworks assess score
--bundled NAME`` shows them.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._common import UsageError, did_you_mean, input_file

if TYPE_CHECKING:
    from policeframeworks import Assessment, Catalog, Problem

#: The file types an assessment or assessments file may have.
ASSESSMENT_SUFFIXES = (".json", ".toml")


class Read:
    """One assessment read for a command: the assessment, where it is (for messages) and its file."""

    __slots__ = ("assessment", "file", "where")

    def __init__(self, assessment: Assessment, where: str, file: str) -> None:
        self.assessment = assessment
        self.where = where
        self.file = file


def add_inputs(parser: argparse.ArgumentParser, *, many: bool = True) -> None:
    """Give an ``assess`` command its FILE arguments and ``--bundled NAME``."""
    nargs = "*" if many else "?"
    what = "assessment or assessments files" if many else "an assessment or assessments file"
    parser.add_argument("files", metavar="FILE", nargs=nargs, help=f"{what} (JSON or TOML)")
    parser.add_argument(
        "--bundled",
        metavar="NAME",
        action="append",
        default=[],
        help="a bundled example assessment instead of a file, e.g. kankakee-2020"
        + ("; repeatable" if many else ""),
    )


def read_inputs(args: argparse.Namespace, *, many: bool = True) -> list[Read]:
    """The assessments of ``args.files`` and ``args.bundled``: all files' problems reported together.

    Raises:
        UsageError: no FILE and no ``--bundled``, more than one input where one is expected, an unknown
            bundled name, a file that is missing or holds something else than assessments.
        ValidationError: the files' contents have problems (every file's, together).
    """
    from policeframeworks import ValidationError

    files: list[str] = (
        list(args.files) if isinstance(args.files, list) else [args.files] if args.files else []
    )
    names: list[str] = list(args.bundled)
    if not files and not names:
        raise UsageError(
            f"{args.command_name} needs FILE or --bundled NAME (for example --bundled kankakee-2020)"
        )
    if not many and len(files) + len(names) > 1:
        raise UsageError(f"{args.command_name} reads one FILE or one --bundled NAME")
    out = bundled(names)
    problems: list[Problem] = []
    for name in files:
        try:
            out += read_assessments(name)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return out


def bundled_name(a: Assessment) -> str:
    """A bundled assessment's name: its jurisdiction's name and its year, ``kankakee-2020``.

    Example:
        >>> from policeframeworks import load_seed_assessments
        >>> [bundled_name(a) for a in load_seed_assessments()]
        ['kankakee-2020']
    """
    slug = re.sub(r"[^a-z0-9]+", "-", a.jurisdiction.name.casefold()).strip("-")
    return f"{slug}-{a.as_of[:4]}"


def bundled(names: Iterable[str]) -> list[Read]:
    """The bundled example assessments by name; an unknown name is a usage error naming them all."""
    from policeframeworks import load_seed_assessments

    wanted = list(names)
    if not wanted:
        return []
    seeds = load_seed_assessments()
    by_name = {bundled_name(a): a for a in seeds}
    if len(by_name) != len(seeds):  # two bundled assessments of one jurisdiction and year: name them apart
        raise RuntimeError("bundled assessments share a name (jurisdiction and year): " + ", ".join(by_name))
    lines = [
        f"--bundled: no bundled assessment {n!r}{did_you_mean(n, list(by_name))}; the bundled ones: "
        f"{', '.join(by_name)}"
        for n in wanted
        if n not in by_name
    ]
    if lines:
        raise UsageError("\n".join(lines))
    return [Read(by_name[n], f"bundled {n}", f"(bundled {n})") for n in wanted]


def read_assessments(name: str) -> list[Read]:
    """The assessments in an assessment or assessments file, each with where it is.

    Where is ``FILE`` for a single assessment file, ``FILE: assessments[i]`` in an assessments file.

    Raises:
        UsageError: the file is missing, a directory, of another extension, or holds something else
            (a framework, a crosswalk, ...).
        ValidationError: the file's content has problems, or names a framework that is not bundled.

    Example:
        >>> read_assessments("nowhere.json")
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: nowhere.json: no such file
    """
    from policeframeworks import Assessment, AssessmentSet, ValidationError, io, load_catalog

    path = input_file(name, suffixes=ASSESSMENT_SUFFIXES)
    kind = io.file_kind(path)
    if kind not in ("assessment", "assessments"):
        what = f"holds {_a(kind)}" if kind is not None else "does not hold assessments"
        raise UsageError(f"{name}: {what}; expected an assessment or assessments file")
    if kind == "assessment":
        items = [(io.load(path, Assessment), "")]
    else:
        items = [(a, f"assessments[{i}]") for i, a in enumerate(io.load(path, AssessmentSet).assessments)]
    problems = unbundled_frameworks(items, load_catalog())
    if problems:
        raise ValidationError(problems, file=name)
    return [Read(a, f"{name}: {where}" if where else name, name) for a, where in items]


def unbundled_frameworks(
    items: Sequence[tuple[Assessment, str]], catalog: Catalog, *, why: str = ""
) -> list[Problem]:
    """A problem for each assessment (with its path) whose framework is not in ``catalog``."""
    from policeframeworks import Problem, UnknownIdError

    problems = []
    for a, where in items:
        try:
            catalog.framework(a.framework_id)
        except UnknownIdError as exc:
            problems.append(
                Problem(
                    f"{where}.framework_id" if where else "framework_id",
                    f"{a.framework_id!r} is not a bundled framework{why}",
                    suggestion=exc.suggestions[0] if exc.suggestions else None,
                )
            )
    return problems


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}" if kind != "endorsements" else "endorsements"
