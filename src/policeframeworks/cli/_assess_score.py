"""``assess score``, ``assess project`` and ``assess summary``: what assessments say, one by one and together.

Output formats (stable):

- ``assess score`` (and the summary ``assess import`` prints): one row per assessment, columns
  :data:`SCORE_COLUMNS`; JSON objects are :func:`policeframeworks.io.score_record`.
- ``assess project``: one row per principle of the framework projected onto (its scored leaves, and any other
  principle with a projected finding), columns :data:`PROJECT_COLUMNS`; JSON: one
  :func:`policeframeworks.io.projection_record` per assessment.
- ``assess summary``: per framework, one row per scored principle (:data:`SUMMARY_COLUMNS`) or, with
  ``--distribution``, one row per number adopted (:data:`DISTRIBUTION_COLUMNS`); JSON: one
  :func:`policeframeworks.io.summary_record` per framework.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._assess_files import ASSESSMENT_SUFFIXES, Read, add_inputs, read_inputs
from ._common import (
    EXIT_OK,
    CommandGroup,
    Console,
    UsageError,
    add_format,
    check_framework_ids,
    output_file,
    plural,
)
from ._output import table, wrap
from ._progress import Progress

#: Columns of ``assess score`` (CSV, and the keys every JSON object has).
SCORE_COLUMNS = (
    "file",
    "name",
    "state",
    "kind",
    "framework",
    "as_of",
    "assessor",
    "method",
    "scored",
    "applicable",
    "adopted",
    "partial",
    "not_adopted",
    "unknown",
    "not_applicable",
    "reported_total",
    "lower",
    "upper",
)
#: Columns of ``assess project`` (CSV).
PROJECT_COLUMNS = (
    "name",
    "state",
    "kind",
    "as_of",
    "assessor",
    "source_framework",
    "framework",
    "principle_id",
    "scored",
    "status",
    "derived_from",
)
#: Columns of ``assess summary`` (CSV): per scored principle.
SUMMARY_COLUMNS = (
    "framework",
    "principle_id",
    "adopted",
    "partial",
    "not_adopted",
    "unknown",
    "not_applicable",
)
#: Columns of ``assess summary --by/--weights`` (CSV, and JSON ``shares``): per group and principle.
GROUPED_COLUMNS = (
    "framework",
    "group",
    "principle_id",
    "assessments",
    "denominator",
    "adopted",
    "unknown",
    "lower",
    "upper",
)
#: Columns of ``assess summary --distribution`` (CSV): per number of principles adopted.
DISTRIBUTION_COLUMNS = ("framework", "adopted", "exactly", "lower", "upper")


def register(assess: CommandGroup) -> None:
    """Add ``assess score``, ``assess project`` and ``assess summary``."""
    score = assess.add(
        "score",
        help="counts and bounds on adoption for each assessment",
        description="Score each assessment: counts per status and the lower and upper bound on adoption "
        "(unknown never counts as not adopted). --bundled kankakee-2020 scores the bundled example.",
        handler=cmd_score,
    )
    add_inputs(score)
    score.add_argument("--explain", action="store_true", help="the table explains each score in words")
    add_format(score)

    project = assess.add(
        "project",
        help="project assessments onto another framework through the crosswalk",
        description="Each assessment seen through the bundled crosswalk as an assessment of framework ID, "
        "with the mappings behind each projected status.",
        handler=cmd_project,
    )
    add_inputs(project, many=False)
    project.add_argument("--onto", required=True, metavar="ID", help="the framework to project onto")
    project.add_argument(
        "--out", metavar="FILE", help="also write the projected assessments (.json, .toml or .parquet)"
    )
    project.add_argument("--force", action="store_true", help="replace --out FILE if it exists")
    add_format(project)

    summary = assess.add(
        "summary",
        help="adoption over many assessments, per framework",
        description="Adoption over the assessments in FILEs, per framework: counts per principle, or with "
        "--distribution the jurisdictions by number of principles adopted (with bounds where unknowns "
        "leave it open). One assessment per jurisdiction and framework; --latest keeps the most recent.",
        handler=cmd_summary,
    )
    add_inputs(summary)
    summary.add_argument("--distribution", action="store_true", help="rows per number of principles adopted")
    summary.add_argument(
        "--latest", action="store_true", help="keep the most recent assessment of each jurisdiction"
    )
    summary.add_argument(
        "--by",
        metavar="FIELD",
        help="adoption shares per group, as lower and upper bounds: state, kind, or a jurisdiction attribute",
    )
    summary.add_argument(
        "--weights",
        metavar="ATTRIBUTE",
        help="weigh each jurisdiction by the number in this attribute (population); those lacking it are "
        "left out and counted",
    )
    add_format(summary)


def emit_scores(
    rows: Sequence[Mapping[str, Any]], fmt: str, console: Console, *, limit: int | None = None
) -> None:
    """Score records as the ``assess score`` listing; the table shows at most ``limit`` rows."""
    if fmt != "table":
        console.emit(rows, SCORE_COLUMNS, fmt)
        return
    shown = rows if limit is None else rows[:limit]
    bounds = [dict(r, bounds=f"{r['lower']}-{r['upper']} of {r['applicable']}") for r in shown]
    console.emit(
        bounds,
        SCORE_COLUMNS,
        "table",
        table_columns=["jurisdiction", "framework", "as_of", "adopted", "partial", "unknown", "bounds"],
        keep=["framework", "as_of"],
    )
    if len(rows) > len(shown):
        console.write(f"... and {len(rows) - len(shown)} more (--format csv or json lists every one)\n")


def cmd_score(args: argparse.Namespace, console: Console) -> int:
    """One row per assessment: counts per status and bounds on adoption."""
    from policeframeworks import io

    items = read_inputs(args, err=console.err)
    rows = []
    explained = []
    with Progress(console.err, "scoring", total=len(items)) as bar:
        for read in items:
            a = read.assessment
            s = a.score()
            rows.append(io.score_record(a, s, file=read.file))
            text = f"{a.jurisdiction} ({read.where}), {a.as_of}, {a.assessor}:\n{s.explain()}"
            explained.append("\n".join(_wrap_line(line) for line in text.splitlines()))
            bar.advance()
    if args.explain and args.format == "table":
        console.write("\n\n".join(explained) + "\n")
    else:
        emit_scores(rows, args.format, console)
    return EXIT_OK


def _wrap_line(line: str) -> str:
    """A line wrapped at spaces (ids stay whole), continuation lines indented two more than the first."""
    indent = line[: len(line) - len(line.lstrip())]
    return wrap(line.strip(), first=indent, indent=indent + "  ")


def cmd_project(args: argparse.Namespace, console: Console) -> int:
    """Project every assessment in FILE onto ``--onto`` through the bundled crosswalk."""
    from policeframeworks import io, load_catalog

    catalog = load_catalog()
    check_framework_ids(catalog, [("--onto", args.onto)])
    onto = catalog.framework(args.onto)
    target = None
    if args.out is not None:
        target = Path(args.out)
        if target.suffix.lower() not in ASSESSMENT_SUFFIXES:
            raise UsageError(f"{target}: an assessments file ends with .json, .toml or .parquet")
        output_file(target, force=args.force)
    items = read_inputs(args, many=False, err=console.err)
    records = []
    projected = []
    with Progress(console.err, "projecting", total=len(items)) as bar:
        for read in items:
            p = read.assessment.project(args.onto, catalog.crosswalk)
            projected.append(p)
            records.append(io.projection_record(read.assessment, p, onto))
            bar.advance()
    if target is not None:
        io.dump_assessments(projected, target, overwrite=args.force)
        console.info(f"wrote {target}: {plural(len(projected), 'projected assessment')}")
    if args.format == "json":
        console.emit(records, (), "json")
        return EXIT_OK
    if args.format == "csv":
        rows = [
            {
                **{k: r[k] for k in PROJECT_COLUMNS[:7]},
                **f,
                "derived_from": [_derivation_words(d) for d in f["derived_from"]],
            }
            for r in records
            for f in r["findings"]
        ]
        console.emit(rows, PROJECT_COLUMNS, "csv")
        return EXIT_OK
    blocks = []
    for r in records:
        s = r["score"]
        head = console.wrap(
            f"{s['jurisdiction']} ({r['source_framework']}, {r['as_of']}, {r['assessor']}) projected onto "
            f"{r['framework']} through {plural(r['mappings'], 'mapping')}: adopted "
            f"at least {s['lower']}, at most {s['upper']} of {s['applicable']}"
        )
        prefix = f"{r['framework']}:"
        rows = [
            {"principle": f["principle_id"].removeprefix(prefix), "status": f["status"]}
            for f in r["findings"]
        ]
        blocks.append(
            head + "\n\n" + table(rows, ["principle", "status"], width=console.width, keep=["principle"])
        )
    console.write("\n".join(blocks))
    return EXIT_OK


def _derivation_words(d: Mapping[str, str]) -> str:
    return f"{d['source']} ({d['source_status']}) {d['relationship']} {d['target']}"


def cmd_summary(args: argparse.Namespace, console: Console) -> int:
    """Adoption over the assessments in FILEs, per framework."""
    from policeframeworks import Problem, ValidationError, io, latest, summarize

    items = read_inputs(args, err=console.err)
    if args.latest:
        with Progress(console.err, "keeping the latest", clock=True):
            kept = {id(a) for a in latest(read.assessment for read in items)}
            items = [read for read in items if id(read.assessment) in kept]
    by_framework: dict[str, list[Read]] = {}
    for read in items:
        by_framework.setdefault(read.assessment.framework_id, []).append(read)
    problems = []
    for group in by_framework.values():
        seen: dict[object, Read] = {}
        for read in group:
            a = read.assessment
            if a.jurisdiction.key in seen:
                problems.append(
                    Problem(
                        "",
                        f"{read.where}: {a.jurisdiction} is assessed against {a.framework_id} again "
                        "(first in "
                        f"{seen[a.jurisdiction.key].where}); keep one per jurisdiction, or pass --latest",
                    )
                )
            else:
                seen[a.jurisdiction.key] = read
    if problems:
        raise ValidationError(problems)
    summaries = []
    for fw_id, group in by_framework.items():
        with Progress(console.err, f"summarizing {plural(len(group), 'assessment')} of {fw_id}", clock=True):
            assessments = [r.assessment for r in group]
            if args.by is not None or args.weights is not None:
                summaries.append(summarize(assessments, by=args.by, weights=args.weights))
            else:
                summaries.append(summarize(assessments))
    if args.by is not None or args.weights is not None:
        return emit_grouped(summaries, args.format, console)
    records = [io.summary_record(s) for s in summaries]
    key = "distribution" if args.distribution else "principles"
    columns = DISTRIBUTION_COLUMNS if args.distribution else SUMMARY_COLUMNS
    if args.format == "json":
        console.emit(records, (), "json")
        return EXIT_OK
    if args.format == "csv":
        console.emit([row for r in records for row in r[key]], columns, "csv")
        return EXIT_OK
    console.write("\n".join(_summary_block(r, args.distribution, console) for r in records))
    return EXIT_OK


def _summary_block(r: Mapping[str, Any], distribution: bool, console: Console) -> str:
    lines = [f"{r['framework']}: {plural(r['assessments'], 'assessment')}"]
    if r["mean"] is not None:
        lines.append(f"adopted per jurisdiction: mean {r['mean']:.2f}, median {r['median']:g}")
    elif r["mean_bounds"] is not None:
        (mlo, mhi), (dlo, dhi) = r["mean_bounds"], r["median_bounds"]
        open_ = plural(r["undetermined"], "jurisdiction has", "jurisdictions have")
        lines.append(
            console.wrap(
                f"adopted per jurisdiction: mean between {mlo:.2f} and {mhi:.2f}, median between "
                f"{dlo:g} and {dhi:g} ({open_} unknowns that leave their number open)"
            )
        )
    lines.append(f"unknown findings: {r['unknown_findings']}")
    if distribution:
        rows = [{k: v for k, v in row.items() if k != "framework"} for row in r["distribution"]]
        columns = ["adopted", "exactly", "lower", "upper"]
    else:
        prefix = f"{r['framework']}:"
        rows = [
            {
                "principle": row["principle_id"].removeprefix(prefix),
                "adopted": row["adopted"],
                "partial": row["partial"],
                "not": row["not_adopted"],
                "unknown": row["unknown"],
                "n/a": row["not_applicable"],
            }
            for row in r["principles"]
        ]
        columns = ["principle", "adopted", "partial", "not", "unknown", "n/a"]
    return "\n".join(lines) + "\n\n" + table(rows, columns, width=console.width, keep=[columns[0]])


def emit_grouped(summaries: Sequence[Any], fmt: str, console: Console) -> int:
    """``assess summary --by/--weights``: shares per group and principle, as bounds, with who was left out."""
    rows = [{"framework": s.framework_id, **r} for s in summaries for r in s.to_records()]
    if fmt == "csv":
        console.emit(rows, GROUPED_COLUMNS, "csv")
    elif fmt == "json":
        records = [
            {
                "framework": s.framework_id,
                "by": s.by,
                "weights": s.weights,
                "no_group": s.no_group,
                "missing_weight": s.missing_weight,
                "not_assessed": s.not_assessed,
                "shares": [{"framework": s.framework_id, **r} for r in s.to_records()],
            }
            for s in summaries
        ]
        console.emit(records, (), "json")
    else:
        for s in summaries:
            prefix = f"{s.framework_id}:"
            shown = [
                {
                    "group": "(all)" if r["group"] is None else r["group"],
                    "principle": r["principle_id"].removeprefix(prefix),
                    "n": r["assessments"],
                    "lower": "-" if r["lower"] is None else f"{r['lower']:.1%}",
                    "upper": "-" if r["upper"] is None else f"{r['upper']:.1%}",
                }
                for r in s.to_records()
            ]
            head = f"{s.framework_id}: adoption share per {s.by or 'jurisdiction'}"
            head += f", weighted by {s.weights}" if s.weights else ""
            console.write(
                head
                + "\n\n"
                + table(
                    shown,
                    ["group", "principle", "n", "lower", "upper"],
                    width=console.width,
                    keep=["principle"],
                )
            )
    for s in summaries:
        for count, why in (
            (s.no_group, f"no {s.by}"),
            (s.missing_weight, f"no {s.weights}"),
            (s.not_assessed, "no findings and no reported total"),
        ):
            if count:
                console.note(f"{s.framework_id}: {plural(count, 'jurisdiction')} left out ({why})")
    return EXIT_OK
