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
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._common import UsageError, did_you_mean, input_file

if TYPE_CHECKING:
    from policeframeworks import Assessment, Catalog, Problem

#: The file types an assessment or assessments file may have (Parquet needs the ``parquet`` extra).
ASSESSMENT_SUFFIXES = (".json", ".toml", ".parquet")


class Read:
    """One assessment read for a command: the assessment, where it is (for messages) and its file.

    ``where`` is given, or made when asked from ``file`` and ``index`` (``FILE: assessments[i]``), so that
    200,000 assessments read from one file do not hold 200,000 such strings.
    """

    __slots__ = ("_where", "assessment", "file", "index")

    def __init__(
        self, assessment: Assessment, where: str | None, file: str, index: int | None = None
    ) -> None:
        self.assessment = assessment
        self._where = where
        self.file = file
        self.index = index

    @property
    def where(self) -> str:
        """``FILE``, ``FILE: assessments[i]`` or ``bundled NAME``."""
        if self._where is not None:
            return self._where
        return f"{self.file}: assessments[{self.index}]"


def add_inputs(parser: argparse.ArgumentParser, *, many: bool = True) -> None:
    """Give an ``assess`` command its FILE arguments and ``--bundled NAME``."""
    nargs = "*" if many else "?"
    what = "assessment or assessments files" if many else "an assessment or assessments file"
    parser.add_argument("files", metavar="FILE", nargs=nargs, help=f"{what} (JSON, TOML or Parquet)")
    parser.add_argument(
        "--bundled",
        metavar="NAME",
        action="append",
        default=[],
        help="a bundled example assessment instead of a file, e.g. kankakee-2020"
        + ("; repeatable" if many else ""),
    )


def read_inputs(args: argparse.Namespace, *, many: bool = True, err: TextIO | None = None) -> list[Read]:
    """The assessments of ``args.files`` and ``args.bundled``: all files' problems reported together.

    With ``err`` (the console's error stream), reading a file shows progress there on a terminal.

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
            out += read_assessments(name, err=err)
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


def read_assessments(name: str, *, err: TextIO | None = None) -> list[Read]:
    """The assessments in an assessment or assessments file, each with where it is.

    Where is ``FILE`` for a file of one assessment, ``FILE: assessments[i]`` in a file of several. The file
    is read with :func:`policeframeworks.io.iter_assessments` (a large JSON file one assessment at a time),
    with a progress bar on ``err`` when it is a terminal.

    Raises:
        UsageError: the file is missing, a directory, of another extension, or holds something else
            (a framework, a crosswalk, ...).
        DataFileError: the file cannot be read (not UTF-8; Parquet without the ``parquet`` extra).
        ValidationError: the file's content has problems, or names a framework that is not bundled.

    Example:
        >>> read_assessments("nowhere.json")
        Traceback (most recent call last):
        ...
        policeframeworks.cli._common.UsageError: nowhere.json: no such file
    """
    from policeframeworks import ValidationError, io, load_catalog

    from ._progress import Progress

    path = input_file(name, suffixes=ASSESSMENT_SUFFIXES)
    try:
        with Progress(err, f"reading {path.name}", total=estimated_lines(path, less=2)) as bar:
            found = list(io.iter_assessments(path, progress=bar.update))
    except ValidationError as exc:
        if len(exc.problems) == 1 and exc.problems[0].code == "type" and not exc.problems[0].path:
            raise UsageError(f"{name}: {exc.problems[0].message}") from None
        raise
    if len(found) == 1 and io.file_kind(path) == "assessment":  # one assessment: a small file
        reads = [Read(found[0], name, name)]
    else:
        reads = [Read(a, None, name, i) for i, a in enumerate(found)]
    del found
    catalog = load_catalog()
    known = set(catalog.framework_ids)  # a quick first look; unbundled_frameworks decides
    unbundled = [r for r in reads if r.assessment.framework_id not in known]
    problems = unbundled_frameworks(
        [(r.assessment, "" if r.index is None else f"assessments[{r.index}]") for r in unbundled], catalog
    )
    if problems:
        raise ValidationError(problems, file=name)
    return reads


def estimated_lines(path: Path, *, less: int = 0) -> int | None:
    r"""The number of lines in a JSON or CSV file less ``less``: a progress bar's total (an estimate).

    None for other files (Parquet) and for files of a few lines, which need no bar.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = p.write_text("h\n" + "x\n" * 5000, encoding="utf-8")
        >>> estimated_lines(p, less=1)
        5000
    """
    if path.suffix.lower() not in (".json", ".csv"):
        return None
    count = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
    except OSError:
        return None
    return count - less if count > 1000 else None


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
