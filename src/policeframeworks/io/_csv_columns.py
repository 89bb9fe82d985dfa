"""Which column of an assessment spreadsheet holds what: fields, principles, attributes, near misses.

The rules are in the docs of :mod:`policeframeworks.io._csv`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from .._model import Framework
from .._suggest import first_or_none
from ..exceptions import Problem, ValidationError
from ._files import read_document

Layout = Literal["wide", "long"]

#: Assessment and jurisdiction fields a column can hold, with the header synonyms recognised.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "jurisdiction", "city"),
    "state": ("state",),
    "kind": ("kind",),
    "fips": ("fips",),
    "ori": ("ori",),
    "as_of": ("as of", "date"),
    "assessor": ("assessor", "coder"),
    "method": ("method",),
    "reported_total": ("reported total",),
}
#: Fields of the long layout only.
LONG_FIELDS: dict[str, tuple[str, ...]] = {
    "principle_id": ("principle id", "principle"),
    "status": ("status",),
    "note": ("note",),
    "evidence_title": ("evidence title",),
    "evidence_url": ("evidence url",),
    "evidence_publisher": ("evidence publisher",),
    "evidence_date": ("evidence date",),
    "evidence_section": ("evidence section",),
    "evidence_quote": ("evidence quote",),
    "evidence_retrieved": ("evidence retrieved",),
}
_EVIDENCE_KEYS = ("title", "url", "publisher", "date", "section", "quote", "retrieved")

#: The ``columns`` value that declares a column a jurisdiction attribute.
ATTRIBUTE = "attribute"
#: The least score of a header against a principle's name that makes it a near miss (see the module docs).
NEAR_MISS_CUTOFF = 0.88
_NON_WORD = re.compile(r"[\W_]+")


def hnorm(header: str) -> str:
    return " ".join(header.replace("_", " ").casefold().split())


class Columns:
    """Which column holds what, for one file."""

    def __init__(
        self,
        headers: Sequence[str],
        *,
        framework: Framework,
        explicit: Mapping[str, str],
        layout: Layout,
        unmapped: str,
        file: str,
        known: Mapping[str, str] | None = None,
        policy_language: str = "quote",
    ) -> None:
        self.field: dict[str, int] = {}
        self.principle: dict[int, str] = {}
        self.attribute: dict[int, str] = {}
        #: Paired "(Policy Language)" columns: column -> the principle whose evidence quote it holds.
        self.quote: dict[int, str] = {}
        self.problems: list[Problem] = []
        #: Headers that nearly match a principle: reported with the problems of the rows (the file can
        #: still be read), or with the other header problems.
        self.near_misses: list[Problem] = []
        self.aliases = principle_aliases(framework)
        fields = {**FIELDS, **(LONG_FIELDS if layout == "long" else {})}
        synonyms = {syn: name for name, syns in fields.items() for syn in syns}
        seen: dict[str, int] = {}
        for i, h in enumerate(headers):
            first = seen.get(h.strip())
            if first is not None and not (layout == "wide" and _BARE_PAIRED.match(h)):
                spaces = "" if headers[first] == h else f" ({headers[first]!r}: they differ only by spaces)"
                self.problems.append(
                    Problem(f"row 1, column {i + 1}", f"header {h!r} repeats column {first + 1}{spaces}")
                )
            seen.setdefault(h.strip(), i)
        by_header = {h: i for i, h in enumerate(headers)}
        by_norm: dict[str, int] = {}
        for i, h in enumerate(headers):
            by_norm.setdefault(hnorm(h), i)
        done: set[int] = set()
        for header, wanted_target in explicit.items():
            target = wanted_target
            col = by_header.get(header, by_norm.get(hnorm(header)))
            if col is None:
                self.problems.append(
                    Problem(
                        f"columns[{header!r}]",
                        "the column mapping names a column the file does not have",
                        suggestion=first_or_none(header, headers),
                    )
                )
                continue
            if target == ATTRIBUTE:
                self.attribute[col] = headers[col].strip()
            elif target in fields:
                self._set_field(target, col, headers)
            elif target in framework and layout == "wide":
                self.principle[col] = target
            else:
                wanted = [*fields, ATTRIBUTE, *(framework.principle_ids if layout == "wide" else [])]
                self.problems.append(
                    Problem(
                        f"columns[{header!r}]",
                        f"{target!r} is neither a principle of {framework.id!r}, a field "
                        f"({', '.join(fields)}), nor {ATTRIBUTE!r}",
                        suggestion=first_or_none(target, wanted),
                    )
                )
            done.add(col)
        names = _names(framework) if layout == "wide" and unmapped == "keep" else []
        for i, h in enumerate(headers):
            if i in done:
                continue
            key = hnorm(h)
            found_target = known.get(key) if known else None
            paired = _paired_principle(h, self.aliases, known) if layout == "wide" else None
            if paired is None and layout == "wide" and _BARE_PAIRED.match(h):
                paired = self.principle.get(i - 1)
                if paired is None:
                    self.problems.append(
                        Problem(
                            f"row 1, column {i + 1}",
                            f"{h.strip()!r} follows no principle column: it pairs with the column to its "
                            "left; map the columns in 'columns'",
                        )
                    )
                    done.add(i)
                    continue
            if key in synonyms:
                self._set_field(synonyms[key], i, headers)
            elif found_target is not None and found_target == ATTRIBUTE:
                self.attribute[i] = h.strip()
            elif found_target is not None and found_target in fields:
                self._set_field(found_target, i, headers)
            elif found_target is not None and layout == "wide" and found_target in framework:
                self.principle[i] = found_target
            elif paired is not None and policy_language == "quote":
                self.quote[i] = paired
            elif paired is not None:
                self.attribute[i] = h.strip()
            elif layout == "long" and key in self.aliases:
                self.problems.append(
                    Problem(
                        f"row 1, column {h!r}",
                        f"is named like the principle {self.aliases[key][0]!r}, but in the long layout "
                        "principles are named in the 'principle' column; to keep this column, declare it "
                        f"an attribute ({{{h.strip()!r}: {ATTRIBUTE!r}}})",
                    )
                )
            elif layout == "wide" and key in self.aliases:
                found = self.aliases[key]
                if len(found) > 1:
                    self.problems.append(
                        Problem(
                            f"row 1, column {h!r}",
                            f"matches more than one principle ({', '.join(found)}); map it in 'columns'",
                        )
                    )
                else:
                    self.principle[i] = found[0]
            elif unmapped == "keep":
                near = near_miss(h, framework, names=names) if names else None
                if near is None:
                    self.attribute[i] = h.strip()
                else:
                    self.near_misses.append(_near_miss_problem(h, near))
            else:
                self.problems.append(
                    Problem(
                        f"row 1, column {h!r}",
                        "maps to no principle or field",
                        suggestion=first_or_none(key, list(self.aliases) + list(synonyms)),
                    )
                )
        twice: dict[str, list[str]] = {}
        for i, pid in self.principle.items():
            twice.setdefault(pid, []).append(headers[i])
        for pid, hs in twice.items():
            if len(hs) > 1:
                self.problems.append(
                    Problem("row 1", f"columns {', '.join(map(repr, hs))} all map to {pid!r}; keep one")
                )
        if "name" not in self.field:
            self.problems.append(
                Problem("row 1", "no jurisdiction name column ('name', 'jurisdiction' or 'city')")
            )
        if layout == "long":
            for need in ("principle_id", "status"):
                if need not in self.field:
                    self.problems.append(Problem("row 1", f"no {need!r} column (the long layout needs one)"))
        if self.problems:
            raise ValidationError(self.problems + self.near_misses, file=file)

    def _set_field(self, name: str, i: int, headers: Sequence[str]) -> None:
        if name in self.field:
            other = headers[self.field[name]]
            self.problems.append(
                Problem(f"row 1, column {headers[i]!r}", f"a second column for {name!r} (also {other!r})")
            )
        else:
            self.field[name] = i


#: A policy-language column headed only ``(Policy Language)``: it pairs with the principle column to its left.
_BARE_PAIRED = re.compile(r"\A\s*\(\s*policy\s+language\s*\)\s*\Z", re.IGNORECASE)
_PAIRED = (
    re.compile(r"\A(?P<base>.*?)\s*\(\s*policy\s+language\s*\)\s*\Z", re.IGNORECASE),
    re.compile(r"\Apolicy[ _]language[ _](?P<base>.+)\Z", re.IGNORECASE),
)


def _paired_principle(
    header: str, aliases: Mapping[str, tuple[str, ...]], known: Mapping[str, str] | None
) -> str | None:
    """The principle whose policy language a paired column holds (``X (Policy Language)``), or None."""
    for pattern in _PAIRED:
        m = pattern.match(header.strip())
        if m:
            base = hnorm(m.group("base"))
            found = aliases.get(base, ())
            if len(found) == 1:
                return found[0]
            target = known.get(base) if known else None
            if target is not None and ":" in target:
                return target
    return None


def _near_miss_problem(header: str, near: NearMiss) -> Problem:
    kind = "an alias" if near.kind == "alias" else f"the {near.kind}"
    also = f" (as close to {', '.join(map(repr, near.also))})" if near.also else ""
    return Problem(
        f"row 1, column {header!r}",
        f"matches no principle or field, but nearly matches {near.name!r}, {kind} of {near.principle_id!r}"
        f"{also}; map it in 'columns' ({{{header.strip()!r}: {near.principle_id!r}}}) or declare it an "
        f"attribute ({{{header.strip()!r}: {ATTRIBUTE!r}}})",
        suggestion=near.principle_id,
        code="near_miss_header",
        field=header,
    )


def principle_aliases(framework: Framework) -> dict[str, tuple[str, ...]]:
    """Normalised header -> principle ids: every principle's id, title and aliases.

    A key with more than one principle id is ambiguous and is never used to guess.

    Example:
        >>> from policeframeworks import load_catalog
        >>> aliases = principle_aliases(load_catalog().framework("8cantwait-2020"))
        >>> aliases["bans chokeholds and strangleholds"]
        ('8cantwait-2020:ban-chokeholds-and-strangleholds',)
    """
    out: dict[str, list[str]] = {}
    for p in framework.iter_principles():
        for name in (p.id, p.title, *p.aliases):
            ids = out.setdefault(hnorm(name), [])
            if p.id not in ids:
                ids.append(p.id)
    return {k: tuple(v) for k, v in out.items()}


class NearMiss(NamedTuple):
    """What a header nearly matches: see ``near_miss``.

    Attributes:
        principle_id: the principle whose name the header resembles.
        name: that name, as the framework writes it.
        kind: which name it is: ``"title"``, ``"alias"``, ``"slug"`` or ``"id"``.
        score: the similarity, from :data:`NEAR_MISS_CUTOFF` to 1.
        also: other principles whose names score as high (a tie), in framework order.
    """

    principle_id: str
    name: str
    kind: str
    score: float
    also: tuple[str, ...] = ()


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _names(framework: Framework) -> list[tuple[str, str, str, str]]:
    """(key, principle id, name, kind) for every name of every principle, in tie-breaking order."""
    out = []
    for p in framework.iter_principles():
        named = [(p.title, "title"), *((a, "alias") for a in p.aliases)]
        named += [(p.id.partition(":")[2], "slug"), (p.id, "id")]
        out += [(_key(n), p.id, n, kind) for n, kind in named]
    return out


def _ratio(a: str, b: str) -> float:
    """The SequenceMatcher ratio of ``a`` and ``b``, or 0 when an upper bound is below the cutoff."""
    if 2 * min(len(a), len(b)) < NEAR_MISS_CUTOFF * (len(a) + len(b)):  # the bound from the lengths
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.quick_ratio() < NEAR_MISS_CUTOFF:
        return 0.0
    return matcher.ratio()


def _score(header_key: str, name_key: str) -> float:
    best = _ratio(header_key, name_key)
    words, name_words = header_key.split(), name_key.split()
    if len(words) >= 2 and len(header_key) >= 10 and len(words) < len(name_words):
        best = max(best, _ratio(header_key, " ".join(name_words[: len(words)])))
    return best


def near_miss(
    header: str, framework: Framework, *, names: Sequence[tuple[str, str, str, str]] | None = None
) -> NearMiss | None:
    """The principle of ``framework`` whose name ``header`` nearly matches, or None.

    The rule is in the module docs (section *Near misses*). It does not look at exact matches: the
    reader only asks about headers that matched no principle or field.

    Args:
        header: a column header, as written.
        framework: the framework whose principles' titles, aliases, slugs and ids are compared.
        names: the framework's names, precomputed (for many headers); by default computed here.

    Example:
        >>> from policeframeworks import load_catalog
        >>> cw = load_catalog().framework("8cantwait-2020")
        >>> near_miss("Requires De-escalation", cw)
        NearMiss(principle_id='8cantwait-2020:require-de-escalation', name='Require De-escalation', kind='title', score=0.977, also=())
        >>> near_miss("bans_chokehold", cw).name
        'bans_chokeholds_and_strangleholds'
        >>> near_miss("Population", cw) is None
        True
    """  # noqa: E501
    key = _key(header)
    if not key:
        return None
    best: NearMiss | None = None
    also: list[str] = []
    for name_key, pid, name, kind in names if names is not None else _names(framework):
        score = round(_score(key, name_key), 3)
        if score < NEAR_MISS_CUTOFF or (best is not None and score < best.score):
            continue
        if best is None or score > best.score:
            best, also = NearMiss(pid, name, kind, score), []
        elif pid != best.principle_id and pid not in also:
            also.append(pid)
    return None if best is None else best._replace(also=tuple(also))


def load_column_map(columns: Mapping[str, str] | str | os.PathLike[str] | None) -> Mapping[str, str]:
    if columns is None:
        return {}
    if isinstance(columns, Mapping):
        bad = [
            Problem(f"columns[{k!r}]", "expected text") for k, v in columns.items() if not isinstance(v, str)
        ]
        if bad:
            raise ValidationError(bad)
        return columns
    data, name = read_document(columns)
    problems: list[Problem] = []
    if not isinstance(data, Mapping) or not isinstance(data.get("columns"), Mapping):
        raise ValidationError(
            [Problem("", "a column map holds a 'columns' table: header = target")], file=name
        )
    for key in data:
        if key != "columns":
            problems.append(Problem(key, "unknown key; expected only 'columns'", suggestion="columns"))
    table = data["columns"]
    for key, value in table.items():
        if not isinstance(value, str):
            problems.append(
                Problem(f"columns.{key}", f"expected a principle id or field name, got {value!r}")
            )
    if problems:
        raise ValidationError(problems, file=name)
    return dict(table)
