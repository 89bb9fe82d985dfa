"""Crosswalk files and exports: TOML/JSON documents, CSV (NIST IR 8477 STRM column order), graphs.

Every export but CSV reads back into an equal crosswalk (declared reviews included); CSV holds the mappings
only, since the STRM template has no place for a declared review (keep those in a TOML or JSON document):

    >>> import pathlib, tempfile
    >>> from policeframeworks import Crosswalk, load_catalog
    >>> cw = load_catalog().crosswalk
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cw.to_graphml(folder / "cw.graphml")
    >>> Crosswalk.from_graphml(folder / "cw.graphml") == cw
    True
    >>> Crosswalk.from_csv(folder / "cw.csv", text=cw.to_csv()).mappings == cw.mappings
    True

CSV columns: the NIST IR 8477 STRM template's, in its order (``FDE#`` is the source id, ``Target ID #``
the target id; the name and description columns are filled from the catalog for people reading the
sheet and are not read back), then this library's own: basis, opposing, mapped by, and the citation's
parts. ``STRM Relationship`` is written in IR 8477 wording (``subset of``) and read in any spelling
:meth:`Relationship.parse <policeframeworks.Relationship.parse>` accepts. On import, spaces around ids,
words and numbers are ignored; text cells (notes, mapped by, citation) are read as written.

GraphML and GEXF are XML, which cannot hold most control characters (U+000B) nor U+FFFE and U+FFFF: writing
a text with one is refused with an error naming the mapping and field (CSV, JSON and TOML keep them). A
carriage return is written as ``&#13;``, which XML readers keep (a raw one they would read as a line feed).
"""

from __future__ import annotations

import csv
import io as _stdio
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._mapping import CrosswalkDocument, Mapping, Review
from .._relationship import Relationship
from ..exceptions import DataFileError, Problem, ValidationError
from ._cells import csv_text, unescape_cell
from ._files import read_document, read_text, write_text_atomic

if TYPE_CHECKING:
    import networkx as nx

    from .._catalog import Catalog
    from ..crosswalk import Crosswalk

__all__ = [
    "CSV_COLUMNS",
    "build_graph",
    "crosswalk_from_csv",
    "crosswalk_from_graph",
    "crosswalk_to_csv",
    "from_node_link",
    "node_link",
    "read_crosswalk_file",
    "read_graph",
    "write_graph",
]

#: The CSV header: NIST IR 8477 STRM template columns in order, then this library's own.
CSV_COLUMNS = (
    "FDE#",
    "FDE Name",
    "Focal Document Element (FDE)",
    "STRM Rationale",
    "STRM Relationship",
    "Strength of Relationship",
    "Target Title",
    "Target ID #",
    "Target Description",
    "Notes",
    "Basis",
    "Opposing",
    "Mapped By",
    "Citation Publisher",
    "Citation Title",
    "Citation URL",
    "Citation Date",
    "Citation Locator",
)

_IR8477_WORDS = {
    Relationship.EQUAL: "equal",
    Relationship.SUBSET: "subset of",
    Relationship.SUPERSET: "superset of",
    Relationship.INTERSECTS: "intersects with",
    Relationship.NO_RELATIONSHIP: "no relationship",
}

_CITATION_FIELDS = ("publisher", "title", "url", "date", "locator")


def _catalog(catalog: Catalog | None) -> Catalog:
    if catalog is None:
        from .._catalog import load_catalog

        return load_catalog()
    return catalog


def _names(catalog: Catalog, end: str) -> tuple[str, str]:
    if end in catalog.framework_ids:
        fw = catalog.framework(end)
        return fw.short_title, fw.title
    if end in catalog:
        p = catalog.principle(end)
        return p.title, p.text
    return "", ""


# --------------------------------------------------------------------------- CSV


def crosswalk_to_csv(cw: Crosswalk) -> str:
    """The crosswalk as CSV text (header :data:`CSV_COLUMNS`, one row per mapping, in order)."""
    rows: list[list[str]] = [list(CSV_COLUMNS)]
    for m in cw.mappings:
        source_name, source_text = _names(cw.catalog, m.source)
        target_name, target_text = _names(cw.catalog, m.target)
        cite = [getattr(m.citation, f) or "" for f in _CITATION_FIELDS] if m.citation else [""] * 5
        row = [
            m.source,
            source_name,
            source_text,
            m.rationale_type.value,
            _IR8477_WORDS[m.relationship],
            str(m.strength),
            target_name,
            m.target,
            target_text,
            m.rationale,
            m.basis.value,
            "yes" if m.opposing else "no",
            m.mapped_by,
            *cite,
        ]
        rows.append(row)
    return csv_text(rows)


def crosswalk_from_csv(
    source: str | os.PathLike[str], *, catalog: Catalog | None = None, text: str | None = None
) -> Crosswalk:
    """A crosswalk from CSV written by :func:`crosswalk_to_csv` (or a spreadsheet in its columns).

    Rows are numbered as a spreadsheet shows them (the header is row 1). Every problem in every row is
    reported in one :class:`ValidationError`, e.g. ``row 4, column 'STRM Relationship': 'subsett' is not a
    relationship ... (did you mean 'subset'?)``.
    """
    from .. import _convert
    from ..crosswalk._core import Crosswalk, id_problems

    name = str(source)
    if text is None:
        text = read_text(Path(source))
    catalog = _catalog(catalog)
    reader = csv.reader(_stdio.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        raise ValidationError(
            [Problem(f"row {len(rows) + 1}", f"not valid CSV ({exc})")], file=name
        ) from None
    if not rows:
        raise ValidationError([Problem("", "empty CSV file; expected a header row")], file=name)
    header = [unescape_cell(h).strip() for h in rows[0]]
    header_problems = _header_problems(header, rows[1:])
    if header_problems:
        raise ValidationError(header_problems, file=name)
    col = {h: i for i, h in enumerate(header) if h}
    problems: list[Problem] = []
    mappings: list[Mapping] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"row {number}"
        if len(row) != len(header):
            problems.append(Problem(where, f"has {len(row)} cells, the header has {len(header)}"))
            continue

        def cell(column: str, row: list[str] = row, strip: bool = True) -> str:
            i = col.get(column)
            if i is None:
                return ""
            value = unescape_cell(row[i])
            return value.strip() if strip else value

        data: dict[str, Any] = {
            "source": cell("FDE#"),
            "relationship": cell("STRM Relationship"),
            "target": cell("Target ID #"),
            "rationale_type": cell("STRM Rationale").lower(),
            "basis": cell("Basis").lower(),
            "rationale": cell("Notes", strip=False),
            "mapped_by": cell("Mapped By", strip=False),
        }
        row_problems: list[Problem] = []
        strength = cell("Strength of Relationship")
        if strength.isascii() and strength.isdigit():
            data["strength"] = int(strength)
        else:  # reported here; the model's own "missing" and range checks would only add noise
            row_problems.append(
                Problem("Strength of Relationship", f"expected a whole number 0-10, got {strength!r}")
            )
        opposing = cell("Opposing").lower()
        if opposing in ("yes", "true", "1"):
            data["opposing"] = True
        elif opposing not in ("", "no", "false", "0"):
            row_problems.append(Problem("Opposing", f"expected yes or no, got {opposing!r}"))
        cite = {
            f: cell(f"Citation {f.upper() if f == 'url' else f.title()}", strip=False)
            for f in _CITATION_FIELDS
        }
        if any(cite.values()):
            data["citation"] = {k: v for k, v in cite.items() if v}
        mapping: Mapping | None = None
        try:
            mapping = _convert.from_builtins(data, Mapping)
        except ValidationError as exc:
            row_problems += [
                attrs_evolve_path(p, _CSV_FIELD_COLUMNS)
                for p in exc.problems
                if "strength" in data or p.path.lstrip(".") != "strength"
            ]
            row_problems += _raw_mapping_problems(
                data, already=exc.problems, catalog=catalog, columns=_CSV_FIELD_COLUMNS
            )
        if mapping is not None:
            row_problems += [
                attrs_evolve_path(p.within(""), _CSV_FIELD_COLUMNS) for p in id_problems(mapping, catalog, "")
            ]
        for p in row_problems:
            problems.append(_at_row(p, where))
        if mapping is not None and not row_problems:
            mappings.append(mapping)
    if problems:
        raise ValidationError(problems, file=name)
    return Crosswalk(mappings, catalog=catalog, check_ids=False)


#: Columns a crosswalk CSV must have; the others of :data:`CSV_COLUMNS` may be left out.
REQUIRED_CSV_COLUMNS = (
    "FDE#",
    "STRM Rationale",
    "STRM Relationship",
    "Strength of Relationship",
    "Target ID #",
    "Notes",
    "Basis",
    "Mapped By",
)


def _header_problems(header: list[str], body: list[list[str]]) -> list[Problem]:
    """Every problem of a crosswalk CSV header: missing, repeated, unknown or blank-but-filled columns.

    Nothing in a file is ignored: a column the reader does not know (a misspelt ``Oposing``) would be
    dropped without a word, so it is an error with a did-you-mean instead.
    """
    from .._suggest import first_or_none

    problems: list[Problem] = []
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    absent = [c for c in CSV_COLUMNS if c not in header]
    for c in REQUIRED_CSV_COLUMNS:
        if c not in header:
            problems.append(Problem("row 1", f"missing column {c!r}", suggestion=first_or_none(c, unknown)))
    seen: dict[str, int] = {}
    for i, h in enumerate(header, start=1):
        if not h:
            filled = next(
                (r for r, row in enumerate(body, start=2) if len(row) >= i and row[i - 1].strip()), None
            )
            if filled is not None:
                problems.append(
                    Problem(f"row 1, column {i}", f"has no header, but row {filled} has a value in it")
                )
        elif h in seen:
            problems.append(
                Problem(f"row 1, column {i}", f"{h!r} repeats column {seen[h]}; each column may appear once")
            )
        else:
            seen[h] = i
        if h in unknown:
            hint = first_or_none(h, absent) or first_or_none(h, CSV_COLUMNS)
            known = "" if hint else f"; the columns are {', '.join(CSV_COLUMNS)}"
            problems.append(
                Problem(
                    f"row 1, column {i}",
                    f"unknown column {h!r}, which would be ignored{known}",
                    suggestion=hint,
                )
            )
    return problems


_CSV_FIELD_COLUMNS = {
    "source": "FDE#",
    "relationship": "STRM Relationship",
    "target": "Target ID #",
    "rationale_type": "STRM Rationale",
    "strength": "Strength of Relationship",
    "basis": "Basis",
    "rationale": "Notes",
    "mapped_by": "Mapped By",
    "opposing": "Opposing",
    "citation": "Citation",
}


def attrs_evolve_path(p: Problem, columns: dict[str, str]) -> Problem:
    """A problem whose field path (``strength``, ``citation.url``) is put as a CSV column name."""
    import attrs

    path = p.path.lstrip(".")
    head, _, rest = path.partition(".")
    if head in columns:
        column = columns[head] + (f" {rest.upper() if rest == 'url' else rest.title()}" if rest else "")
        return attrs.evolve(p, path=column)
    return attrs.evolve(p, path=path)


def _at_row(p: Problem, where: str) -> Problem:
    import attrs

    path = f"{where}, column {p.path!r}" if p.path and not p.path.startswith("row") else (p.path or where)
    return attrs.evolve(p, path=path)


def _raw_mapping_problems(
    data: Any,
    *,
    already: tuple[Problem, ...],
    catalog: Catalog,
    columns: dict[str, str] | None = None,
) -> list[Problem]:
    """Checks on a mapping's raw values, for when building it failed before its own checks could run.

    So one run reports an unknown relationship word, an unknown id and an out-of-range strength together.
    """
    from .._mapping import is_end_id
    from ..crosswalk._core import unknown_end

    if not isinstance(data, dict):
        return []
    seen = {p.path for p in already}
    found: list[Problem] = []
    for field in ("source", "target"):
        value = data.get(field)
        if isinstance(value, str) and not is_end_id(value):
            found.append(Problem(field, f"{value!r} is neither a principle id nor a framework id"))
        elif isinstance(value, str) and value not in catalog:
            found.append(unknown_end(value, catalog, field))
    strength = data.get("strength")
    if type(strength) is int and not 0 <= strength <= 10:
        found.append(Problem("strength", f"{strength} is out of range (0-10)"))
    out = [p for p in found if p.path not in seen]
    if columns is not None:
        out = [attrs_evolve_path(p, columns) for p in out]
    return out


# --------------------------------------------------------------------------- documents


def read_crosswalk_file(path: str | os.PathLike[str], catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from one file: a TOML/JSON crosswalk document, CSV, or SSSOM/TSV (by extension)."""
    from .. import _convert
    from ..crosswalk import Crosswalk

    catalog = _catalog(catalog)
    if Path(path).suffix.lower() == ".csv":
        return crosswalk_from_csv(path, catalog=catalog)
    if Path(path).name.lower().endswith((".sssom.tsv", ".tsv")):
        from ._sssom import read_sssom

        return read_sssom(path, catalog=catalog)
    data, name = read_document(path)
    try:
        doc = _convert.from_builtins(data, CrosswalkDocument, file=name)
    except ValidationError as exc:
        extra: list[Problem] = []
        raw = data.get("mappings") if isinstance(data, dict) else None
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                mine = tuple(p for p in exc.problems if p.path.startswith(f"mappings[{i}]."))
                local = tuple(Problem(p.path.removeprefix(f"mappings[{i}]."), p.message) for p in mine)
                raw_problems = _raw_mapping_problems(item, already=local, catalog=catalog)
                extra += [p.within(f"mappings[{i}]", name) for p in raw_problems]
        raise ValidationError([*exc.problems, *extra], file=name) from None
    return Crosswalk.from_documents([doc], catalog=catalog, sources=[name])


# --------------------------------------------------------------------------- graphs


def build_graph(cw: Crosswalk, *, multigraph: bool = False) -> nx.DiGraph[str]:
    """The graph :meth:`Crosswalk.to_networkx` returns."""
    import networkx as nx

    catalog = cw.catalog
    g: nx.DiGraph[str] = nx.MultiDiGraph() if multigraph else nx.DiGraph()
    g.graph["catalog_data_version"] = catalog.data_version or ""
    for fw in catalog.frameworks:
        g.graph[f"data_version:{fw.id}"] = fw.data_version
        g.add_node(
            fw.id,
            kind="framework",
            framework=fw.id,
            title=fw.title,
            number="",
            themes="",
            parent="",
            leaf=False,
        )
        for group, tops in (("principle", fw.principles), ("framing", fw.framing)):
            for top in tops:
                for p in top.walk():
                    g.add_node(
                        p.id,
                        kind=group,
                        framework=fw.id,
                        title=p.title,
                        number=p.number or "",
                        themes=";".join(t.value for t in p.themes),
                        parent=p.id.rpartition("/")[0] if "/" in p.id else "",
                        leaf=p.is_leaf,
                    )
    _add_reviews(g, cw)
    problems: list[Problem] = []
    for i, m in enumerate(cw.mappings):
        attrs_ = _edge_attributes(m, i)
        if multigraph:
            g.add_edge(m.source, m.target, key=i, **attrs_)
            continue
        if g.has_edge(m.source, m.target):
            first = g.edges[m.source, m.target]["order"]
            problems.append(
                Problem(
                    f"mappings[{i}]",
                    f"{m.source} -> {m.target} is already an edge (mappings[{first}]); "
                    "use to_networkx(multigraph=True)",
                )
            )
            continue
        g.add_edge(m.source, m.target, **attrs_)
    if problems:
        raise ValidationError(problems)
    return g


def _add_reviews(g: Any, cw: Crosswalk) -> None:
    """Declared reviews go on their source framework's node, as JSON text of ``[[order, review], ...]``.

    (Node attributes, because GEXF keeps no graph attributes; JSON text, because attributes must be
    scalars in GraphML and GEXF.)
    """
    from .. import _convert

    by_source: dict[str, list[Any]] = {}
    for i, r in enumerate(cw.reviews):
        by_source.setdefault(r.source, []).append([i, _convert.to_builtins(r)])
    for fw, found in by_source.items():
        if fw not in g:
            g.add_node(
                fw, kind="framework", framework=fw, title="", number="", themes="", parent="", leaf=False
            )
        g.nodes[fw]["reviews"] = json.dumps(found, ensure_ascii=False)


def _read_reviews(graph: Any) -> tuple[tuple[Review, ...], list[Problem]]:
    from .. import _convert

    found: list[tuple[int, Review]] = []
    problems: list[Problem] = []
    for node, d in graph.nodes(data=True):
        raw = d.get("reviews")
        if raw is None or raw == "":
            continue
        where = f"node {node}: reviews"
        try:
            items = json.loads(str(raw))
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, f"not valid JSON ({exc})"))
            continue
        if not (isinstance(items, list) and all(isinstance(x, list) and len(x) == 2 for x in items)):
            problems.append(Problem(where, "expected a JSON list of [order, review] pairs"))
            continue
        for n, (order, data) in enumerate(items):
            if type(order) is not int:
                problems.append(Problem(f"{where}[{n}]", f"order {order!r} is not an integer"))
                continue
            try:
                found.append((order, _convert.from_builtins(data, Review, path=f"{where}[{n}]")))
            except ValidationError as exc:
                problems += exc.problems
    found.sort(key=lambda pair: pair[0])
    return tuple(r for _, r in found), problems


def _edge_attributes(m: Mapping, order: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "relationship": m.relationship.value,
        "rationale_type": m.rationale_type.value,
        "strength": m.strength,
        "basis": m.basis.value,
        "rationale": m.rationale,
        "opposing": m.opposing,
        "mapped_by": m.mapped_by,
        "order": order,
    }
    if m.citation is not None:
        for f in _CITATION_FIELDS:
            value = getattr(m.citation, f)
            if value is not None:
                out[f"citation_{f}"] = value
    return out


def crosswalk_from_graph(graph: Any, *, catalog: Catalog | None = None) -> Crosswalk:
    """The crosswalk held by a graph's edges (as :func:`build_graph` writes them), in ``order``."""
    from .. import _convert
    from ..crosswalk import Crosswalk

    catalog = _catalog(catalog)
    found: list[tuple[int, Mapping]] = []
    problems: list[Problem] = []
    for n, (u, v, d) in enumerate(graph.edges(data=True)):
        data: dict[str, Any] = {
            "source": str(u),
            "target": str(v),
            **{
                k: d[k]
                for k in ("relationship", "rationale_type", "basis", "rationale", "mapped_by")
                if k in d
            },
        }
        if "strength" in d:
            data["strength"] = int(d["strength"])
        if "opposing" in d:
            data["opposing"] = _as_bool(d["opposing"])
        cite = {f: d[f"citation_{f}"] for f in _CITATION_FIELDS if f"citation_{f}" in d}
        if cite:
            data["citation"] = cite
        where = f"edge {u} -> {v}"
        try:
            found.append((int(d.get("order", n)), _convert.from_builtins(data, Mapping)))
        except ValidationError as exc:
            problems += [p.within(where) for p in exc.problems]
    reviews, review_problems = _read_reviews(graph)
    problems += review_problems
    if problems:
        raise ValidationError(problems)
    found.sort(key=lambda pair: pair[0])
    return Crosswalk([m for _, m in found], reviews=reviews, catalog=catalog)


def _as_bool(value: Any) -> Any:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def write_graph(cw: Crosswalk, path: str | os.PathLike[str], fmt: str) -> None:
    """Write GraphML or GEXF (a multigraph, so every mapping is kept), atomically; see :func:`graph_text`."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise DataFileError(f"{path}: folder {folder} does not exist")
    try:
        text = graph_text(cw, fmt)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=str(path)) from None
    write_text_atomic(path, text)


#: Characters XML 1.0 cannot hold, even as a character reference.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def graph_text(cw: Crosswalk, fmt: str) -> str:
    """GraphML or GEXF text of the crosswalk's multigraph, which reads back equal, or a clear refusal.

    XML cannot hold most control characters (U+000B), U+FFFE or U+FFFF: a text holding one is refused with
    a :class:`ValidationError` naming the mapping (or node) and field, instead of writing a file no reader
    accepts. A carriage return, which an XML reader would turn into a line feed, is written as the
    character reference ``&#13;`` and so kept.
    """
    import networkx as nx

    g = build_graph(cw, multigraph=True)
    problems = _not_xml(g)
    if problems:
        raise ValidationError(problems)
    writers: dict[str, Callable[..., Any]] = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    buffer = _stdio.BytesIO()
    writers[fmt](g, buffer)
    # The writers put no CR of their own in the document; every raw one is in the data.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;")


def _not_xml(g: Any) -> list[Problem]:
    """A problem for every text of the graph that XML cannot hold."""

    def check(where: str, key: str, value: Any) -> None:
        for text in (key, value):
            if isinstance(text, str) and (m := _NOT_XML.search(text)) is not None:
                char = m.group()
                problems.append(
                    Problem(
                        f"{where}.{key}" if text is value else where,
                        f"{text!r} holds {char!r} (U+{ord(char):04X}), which XML cannot hold, so GraphML and "
                        "GEXF cannot be written (CSV, JSON and TOML keep it)",
                    )
                )

    problems: list[Problem] = []
    for key, value in g.graph.items():
        check("graph", key, value)
    for node, data in g.nodes(data=True):
        check(f"node {node}", "id", node)
        for key, value in data.items():
            check(f"node {node}", key, value)
    for _, _, data in g.edges(data=True):
        for key, value in data.items():
            check(f"mappings[{data['order']}]", key, value)
    return problems


def read_graph(path: str | os.PathLike[str], fmt: str, *, catalog: Catalog | None = None) -> Crosswalk:
    """Read GraphML or GEXF written by :func:`write_graph`."""
    import networkx as nx

    p = Path(path)
    if not p.is_file():
        raise DataFileError(f"{p}: no such file")
    try:
        g = nx.read_graphml(p) if fmt == "graphml" else nx.read_gexf(p)
    except Exception as exc:  # networkx raises several kinds for a malformed file
        raise ValidationError([Problem("", f"not valid {fmt.upper()}: {exc}")], file=str(path)) from None
    try:
        return crosswalk_from_graph(g, catalog=catalog)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=str(path)) from None


def node_link(cw: Crosswalk) -> dict[str, Any]:
    """``networkx.node_link_data`` of the multigraph, with ``edges="edges"``."""
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(build_graph(cw, multigraph=True), edges="edges")
    json.dumps(data)  # every value is a JSON scalar
    return data


def from_node_link(data: Any, *, catalog: Catalog | None = None) -> Crosswalk:
    """The crosswalk held by node-link data made by :func:`node_link`."""
    import networkx as nx

    try:
        g = nx.node_link_graph(data, edges="edges")
    except Exception as exc:  # malformed node-link data
        raise ValidationError([Problem("", f"not valid node-link data: {exc}")]) from None
    return crosswalk_from_graph(g, catalog=catalog)
