"""Crosswalk graph formats: GraphML and GEXF (XML) and node-link data, written from the crosswalk's graph.

Each is the networkx multigraph of :meth:`Crosswalk.to_networkx <policeframeworks.Crosswalk.to_networkx>`
(so two mappings on one pair are both kept), and reads back into an equal crosswalk, declared reviews
included. This module turns a crosswalk into a format and a format into mappings and reviews; the public
functions (:func:`policeframeworks.io.read_graphml` and its siblings) build the crosswalk.

GraphML and GEXF are XML, which cannot hold most control characters (U+000B) nor U+FFFE and U+FFFF: writing
a text with one is refused with an error naming the mapping and field (CSV, JSON and TOML keep them). A
carriage return is written as ``&#13;``, which XML readers keep (a raw one they would read as a line feed).
"""

from __future__ import annotations

import io as _stdio
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..crosswalk._graph import graph_parts
from ..exceptions import DataFileError, Problem, ValidationError
from ._files import write_text_atomic

if TYPE_CHECKING:
    from .._mapping import Mapping, Review
    from ..crosswalk import Crosswalk

__all__ = ["GRAPH_FORMATS", "graph_text", "node_link_data", "parse_graph", "parse_node_link", "write_graph"]

#: The XML graph formats, by the name the functions take.
GRAPH_FORMATS = ("graphml", "gexf")

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

    g = cw.to_networkx(multigraph=True)
    problems = _not_xml(g)
    if problems:
        raise ValidationError(problems)
    writers: dict[str, Callable[..., Any]] = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    buffer = _stdio.BytesIO()
    writers[fmt](g, buffer)
    # The writers put no CR of their own in the document; every raw one is in the data.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;")


def write_graph(cw: Crosswalk, path: str | os.PathLike[str], fmt: str, *, overwrite: bool = True) -> None:
    """Write :func:`graph_text` to ``path`` atomically; problems name the file."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise DataFileError(f"{path}: folder {folder} does not exist")
    try:
        text = graph_text(cw, fmt)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=str(path)) from None
    write_text_atomic(path, text, overwrite=overwrite)


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


def parse_graph(
    fmt: str, *, path: str | os.PathLike[str] | None = None, text: str | None = None, file: str | None = None
) -> tuple[list[Mapping], tuple[Review, ...]]:
    """The mappings and reviews of GraphML or GEXF written by :func:`graph_text`: a file, or ``text``.

    Problems name ``file`` (default: ``path``).
    """
    import networkx as nx

    name = file if file is not None else (str(path) if path is not None else None)
    source: Any
    if text is not None:
        source = _stdio.StringIO(text)
    else:
        source = Path(path) if path is not None else None
        if source is None or not source.is_file():
            raise DataFileError(f"{source}: no such file")
    try:
        g = nx.read_graphml(source) if fmt == "graphml" else nx.read_gexf(source)
    except Exception as exc:  # networkx raises several kinds for a malformed file
        raise ValidationError([Problem("", f"not valid {fmt.upper()}: {exc}")], file=name) from None
    try:
        return graph_parts(g)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=name) from None


def node_link_data(cw: Crosswalk) -> dict[str, Any]:
    """``networkx.node_link_data`` of the crosswalk's multigraph, with ``edges="edges"``."""
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(cw.to_networkx(multigraph=True), edges="edges")
    json.dumps(data)  # every value is a JSON scalar
    return data


def parse_node_link(data: Any, *, file: str | None = None) -> tuple[list[Mapping], tuple[Review, ...]]:
    """The mappings and reviews of node-link data made by :func:`node_link_data`."""
    import networkx as nx

    try:
        g = nx.node_link_graph(data, edges="edges")
    except Exception as exc:  # malformed node-link data
        raise ValidationError([Problem("", f"not valid node-link data: {exc}")], file=file) from None
    try:
        return graph_parts(g)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=file) from None
