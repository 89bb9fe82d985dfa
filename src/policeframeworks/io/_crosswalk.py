"""Crosswalk files: one public reader and writer per format, each reading or writing a crosswalk.

The names follow one rule: ``read_<format>(path)`` and ``write_<format>(crosswalk, path)`` for files,
``crosswalk_from_<format>(text or data)`` and ``crosswalk_to_<format>(crosswalk)`` in memory; CSV says
``crosswalk`` in its names (``read_crosswalk_csv``) because assessments have CSV files too. Every export but
CSV reads back into an equal crosswalk (declared reviews included); CSV holds the mappings only, since the
NIST IR 8477 STRM template has no place for a declared review (keep those in a TOML or JSON document:
:func:`policeframeworks.io.dump` of ``crosswalk.to_document(...)``):

    >>> import pathlib, tempfile
    >>> from policeframeworks import io, load_catalog
    >>> cw = load_catalog().crosswalk
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> io.write_graphml(cw, folder / "cw.graphml")
    >>> io.read_graphml(folder / "cw.graphml") == cw
    True
    >>> io.crosswalk_from_csv(io.crosswalk_to_csv(cw)).mappings == cw.mappings
    True

The formats themselves live in their own modules (``_crosswalk_csv``, ``_graph_files``, ``_sssom`` and
``_sssom_read``, ``_crosswalk_files``), which turn a crosswalk into text and text into mappings and reviews
and never build a crosswalk; only this module does. So the crosswalk layer's deprecated ``Crosswalk.from_*``
methods can use those modules without an import cycle.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._mapping import Mapping, Review
from ..crosswalk import Crosswalk
from ..exceptions import ValidationError
from ._crosswalk_csv import format_csv, parse_csv
from ._crosswalk_files import read_files
from ._files import read_json, read_text, write_text_atomic
from ._graph_files import graph_text, node_link_data, parse_graph, parse_node_link, write_graph
from ._sssom_read import parse_sssom

if TYPE_CHECKING:
    from .._catalog import Catalog

__all__ = [
    "crosswalk_from_csv",
    "crosswalk_from_gexf",
    "crosswalk_from_graphml",
    "crosswalk_from_node_link",
    "crosswalk_from_sssom",
    "crosswalk_to_csv",
    "crosswalk_to_gexf",
    "crosswalk_to_graphml",
    "crosswalk_to_node_link",
    "read_crosswalk",
    "read_crosswalk_csv",
    "read_gexf",
    "read_graphml",
    "read_node_link",
    "read_sssom",
    "write_crosswalk_csv",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]


def _catalog(catalog: Catalog | None) -> Catalog:
    if catalog is not None:
        return catalog
    from .._catalog import load_catalog

    return load_catalog()


def _crosswalk(
    found: tuple[Sequence[Mapping], Sequence[Review]],
    catalog: Catalog,
    *,
    file: str | None = None,
    checked: bool = False,
) -> Crosswalk:
    """The crosswalk of what a reader found; ids not ``checked`` by the reader are checked here."""
    mappings, reviews = found
    try:
        return Crosswalk(mappings, reviews=reviews, catalog=catalog, check_ids=not checked)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=file) from None


# --------------------------------------------------------------------------- any crosswalk file


def read_crosswalk(
    *paths: str | os.PathLike[str], catalog: Catalog | None = None, include_bundled: bool = False
) -> Crosswalk:
    """The crosswalk of your crosswalk files: TOML or JSON documents, CSV or SSSOM/TSV (told by extension).

    Mappings and declared reviews are kept in file order. With ``include_bundled`` they extend the
    catalog's own crosswalk (``catalog.crosswalk``) instead of standing alone. Every problem in every file
    is reported in one :class:`~policeframeworks.ValidationError`, each naming its file. A CSV file holds
    mappings only.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
        >>> io.write_crosswalk_csv(cw, path)
        >>> io.read_crosswalk(path).mappings == cw.mappings
        True
        >>> len(io.read_crosswalk(path, include_bundled=True).mappings) == 2 * len(cw.mappings)
        True

    Raises:
        DataFileError: a file is missing, unreadable, or of another type.
        ValidationError: every problem in every file.
    """
    catalog = _catalog(catalog)
    return _crosswalk(read_files(paths, catalog, include_bundled=include_bundled), catalog)


# --------------------------------------------------------------------------- CSV


def crosswalk_to_csv(crosswalk: Crosswalk) -> str:
    """CSV text: the NIST IR 8477 STRM template's columns in order, then this library's own.

    One row per mapping, in order; declared reviews are not written (the template has no place for them).
    The source and target name and description columns are filled from the catalog for people reading the
    sheet and are not read back.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> io.crosswalk_to_csv(load_catalog().crosswalk).splitlines()[0][:33]
        'FDE#,FDE Name,Focal Document Elem'
    """
    return format_csv(crosswalk)


def crosswalk_from_csv(text: str, *, catalog: Catalog | None = None, file: str | None = None) -> Crosswalk:
    """A crosswalk from CSV text in :func:`crosswalk_to_csv`'s columns; errors name ``file``, row and column.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> text = io.crosswalk_to_csv(load_catalog().crosswalk)
        >>> io.crosswalk_from_csv(text.replace(",intersects with,", ",intersectz,", 1), file="mine.csv")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.ValidationError: 1 problem in mine.csv:
          mine.csv: row 2, column 'STRM Relationship': 'intersectz' is not a relationship; expected one of equal, subset, superset, intersects, no_relationship or a known spelling of one (did you mean 'intersects'?)

    Raises:
        ValidationError: every problem of every row (a missing, repeated or unknown column too).
    """  # noqa: E501
    catalog = _catalog(catalog)
    return _crosswalk((parse_csv(text, catalog, file or "<csv text>"), ()), catalog, checked=True)


def read_crosswalk_csv(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from a CSV file written by :func:`write_crosswalk_csv` (or a sheet in its columns).

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cw.csv"
        >>> io.write_crosswalk_csv(cw, path)
        >>> io.read_crosswalk_csv(path).mappings == cw.mappings
        True

    Raises:
        DataFileError: the file is missing or not UTF-8.
        ValidationError: every problem of every row, naming the file.
    """
    catalog = _catalog(catalog)
    return _crosswalk((parse_csv(read_text(Path(path)), catalog, str(path)), ()), catalog, checked=True)


def write_crosswalk_csv(
    crosswalk: Crosswalk, path: str | os.PathLike[str], *, overwrite: bool = True
) -> None:
    """Write :func:`crosswalk_to_csv`'s text to ``path`` atomically (formula cells escaped).

    Raises:
        DataFileError: the folder is missing, or ``overwrite=False`` and the file exists.
    """
    write_text_atomic(path, format_csv(crosswalk), overwrite=overwrite)


# --------------------------------------------------------------------------- GraphML and GEXF


def crosswalk_to_graphml(crosswalk: Crosswalk) -> str:
    """GraphML text of the crosswalk's multigraph (reads back with ``networkx.read_graphml`` too).

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> io.crosswalk_from_graphml(io.crosswalk_to_graphml(cw)) == cw
        True

    Raises:
        ValidationError: a text XML cannot hold (a control character such as U+000B, or U+FFFE), naming
            the mapping and field; a carriage return is kept.
    """
    return graph_text(crosswalk, "graphml")


def crosswalk_from_graphml(
    text: str, *, catalog: Catalog | None = None, file: str | None = None
) -> Crosswalk:
    """A crosswalk from GraphML text written by :func:`crosswalk_to_graphml`; errors name ``file``."""
    catalog = _catalog(catalog)
    return _crosswalk(parse_graph("graphml", text=text, file=file), catalog, file=file)


def read_graphml(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from a GraphML file written by :func:`write_graphml`; errors name the file."""
    catalog = _catalog(catalog)
    return _crosswalk(parse_graph("graphml", path=path), catalog, file=str(path))


def write_graphml(crosswalk: Crosswalk, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write :func:`crosswalk_to_graphml`'s text to ``path`` atomically.

    Raises:
        ValidationError: a text XML cannot hold, naming the file, mapping and field; nothing is written.
        DataFileError: the folder is missing, or ``overwrite=False`` and the file exists.
    """
    write_graph(crosswalk, path, "graphml", overwrite=overwrite)


def crosswalk_to_gexf(crosswalk: Crosswalk) -> str:
    """GEXF text (for Gephi) of the crosswalk's multigraph; as :func:`crosswalk_to_graphml`.

    Example:
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> io.crosswalk_from_gexf(io.crosswalk_to_gexf(cw)) == cw
        True
    """
    return graph_text(crosswalk, "gexf")


def crosswalk_from_gexf(text: str, *, catalog: Catalog | None = None, file: str | None = None) -> Crosswalk:
    """A crosswalk from GEXF text written by :func:`crosswalk_to_gexf`; errors name ``file``."""
    catalog = _catalog(catalog)
    return _crosswalk(parse_graph("gexf", text=text, file=file), catalog, file=file)


def read_gexf(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from a GEXF file written by :func:`write_gexf`; errors name the file."""
    catalog = _catalog(catalog)
    return _crosswalk(parse_graph("gexf", path=path), catalog, file=str(path))


def write_gexf(crosswalk: Crosswalk, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write :func:`crosswalk_to_gexf`'s text to ``path`` atomically; as :func:`write_graphml`."""
    write_graph(crosswalk, path, "gexf", overwrite=overwrite)


# --------------------------------------------------------------------------- node-link JSON


def crosswalk_to_node_link(crosswalk: Crosswalk) -> dict[str, Any]:
    """Node-link data of the crosswalk's multigraph (``networkx.node_link_data(G, edges="edges")``).

    Every value is a JSON scalar, so the result is ready for ``json.dumps``.

    Example:
        >>> import json
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> io.crosswalk_from_node_link(json.loads(json.dumps(io.crosswalk_to_node_link(cw)))) == cw
        True
    """
    return node_link_data(crosswalk)


def crosswalk_from_node_link(
    data: Any, *, catalog: Catalog | None = None, file: str | None = None
) -> Crosswalk:
    """A crosswalk from node-link data made by :func:`crosswalk_to_node_link`; errors name ``file``."""
    catalog = _catalog(catalog)
    return _crosswalk(parse_node_link(data, file=file), catalog, file=file)


def read_node_link(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> Crosswalk:
    """A crosswalk from a node-link JSON file written by :func:`write_node_link`.

    Raises:
        DataFileError: the file is missing or not UTF-8.
        ValidationError: not valid JSON, or the data does not hold a crosswalk; every problem names the file.
    """
    return crosswalk_from_node_link(read_json(path), catalog=catalog, file=str(path))


def write_node_link(crosswalk: Crosswalk, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write :func:`crosswalk_to_node_link`'s data to ``path`` as indented JSON (UTF-8), atomically.

    Example:
        >>> import pathlib, tempfile
        >>> from policeframeworks import io, load_catalog
        >>> cw = load_catalog().crosswalk
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cw.json"
        >>> io.write_node_link(cw, path)
        >>> io.read_node_link(path) == cw
        True
    """
    text = json.dumps(node_link_data(crosswalk), indent=2, ensure_ascii=False) + "\n"
    write_text_atomic(path, text, overwrite=overwrite)


# --------------------------------------------------------------------------- SSSOM (writers: _sssom)


def crosswalk_from_sssom(
    text: str,
    *,
    catalog: Catalog | None = None,
    derived: Literal["skip", "error"] = "skip",
    file: str | None = None,
) -> Crosswalk:
    r"""A crosswalk from SSSOM/TSV text, this module's or another tool's.

    A record needs ``subject_id``, ``predicate_id``, ``object_id`` and ``mapping_justification``; ids must
    use the ``pf`` prefix bound to ``urn:policeframeworks:``. Without our ``ir8477_relationship`` slot the
    relationship is read from the predicate (``relatedMatch`` as intersects, with ``Not`` as
    no_relationship) and without ``confidence`` the strength is 5 (10 for exactMatch, 0 for Not).
    Chained records (``semapv:MappingChaining``) are derived, not asserted: with ``derived="skip"`` (the
    default) they are left out, because :meth:`Crosswalk.derive <policeframeworks.Crosswalk.derive>`
    recomputes them; with ``"error"`` they are refused. Labels are not read back.

    Raises:
        ValidationError: every problem, with its line number and column.
        DataFileError: the YAML header cannot be parsed (PyYAML is needed: ``pip install
            'policeframeworks[sssom]'``).

    Example:
        >>> from policeframeworks import io
        >>> text = (
        ...     '#curie_map:\n#  pf: "urn:policeframeworks:"\n'
        ...     "#mapping_set_id: urn:x\n#license: https://opensource.org/licenses/MIT\n"
        ...     "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\t"
        ...     "author_label\tcomment\n"
        ...     "pf:8cantwait-2020:duty-to-intervene\tskos:exactMatch\t"
        ...     "pf:uscm-2020:sanctity-of-life/duty-to-intervene\tsemapv:ManualMappingCuration\t1.0\t"
        ...     "me\tBoth require intervening.\n"
        ... )
        >>> io.crosswalk_from_sssom(text).mappings[0].relationship.value
        'equal'
    """
    catalog = _catalog(catalog)
    return _crosswalk(parse_sssom(text, catalog, derived=derived, file=file), catalog, checked=True)


def read_sssom(
    path: str | os.PathLike[str],
    *,
    catalog: Catalog | None = None,
    derived: Literal["skip", "error"] = "skip",
) -> Crosswalk:
    """A crosswalk from an SSSOM/TSV file (see :func:`crosswalk_from_sssom`)."""
    path = Path(path)
    return crosswalk_from_sssom(read_text(path), catalog=catalog, derived=derived, file=str(path))
