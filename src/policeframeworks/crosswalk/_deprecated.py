"""The deprecated file methods of :class:`Crosswalk`: each warns, then does what its io function does.

File formats are functions of :mod:`policeframeworks.io` (``read_crosswalk``, ``read_crosswalk_csv``,
``write_graphml``, ...), which build crosswalks; the crosswalk layer sits above io and does not import it,
except here. These aliases call io's format modules (``_crosswalk_csv``, ``_graph_files``,
``_crosswalk_files``), which turn text into mappings and reviews and never import the crosswalk's class, so
the import graph between modules has no cycle; the alias builds the crosswalk itself with ``cls``. The io
modules are imported inside the functions because importing any of them runs the io package's
``__init__``, which imports the public io module, which imports this layer: importing them when the crosswalk
package is first imported would find it half-initialised. Delete this module with the aliases.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exceptions import ValidationError

if TYPE_CHECKING:
    from .._catalog import Catalog
    from ._core import Crosswalk

__all__ = ["deprecated_read", "deprecated_write", "load"]


def _warn(old: str, new: str) -> None:
    # stacklevel 4: this function, the helper below, the Crosswalk method, then the caller's line.
    warnings.warn(
        f"Crosswalk.{old} is deprecated; use policeframeworks.io.{new} instead",
        DeprecationWarning,
        stacklevel=4,
    )


def _catalog(catalog: Catalog | None) -> Catalog:
    if catalog is not None:
        return catalog
    from .._catalog import load_catalog

    return load_catalog()


def load(
    cls: type[Crosswalk],
    paths: Sequence[str | os.PathLike[str]],
    catalog: Catalog | None,
    include_bundled: bool,
) -> Crosswalk:
    """``Crosswalk.load``: :func:`policeframeworks.io.read_crosswalk` (its default leaves the bundled out)."""
    from ..io._crosswalk_files import read_files

    _warn("load()", f"read_crosswalk(*paths, include_bundled={include_bundled})")
    catalog = _catalog(catalog)
    mappings, reviews = read_files(paths, catalog, include_bundled=include_bundled)
    return cls(mappings, reviews=reviews, catalog=catalog)


def deprecated_read(
    cls: type[Crosswalk],
    fmt: str,
    source: Any,
    *,
    catalog: Catalog | None = None,
    text: str | None = None,
) -> Crosswalk:
    """``Crosswalk.from_csv/from_graphml/from_gexf/from_node_link``: the matching ``io.read_*``."""
    from ..io._crosswalk_csv import parse_csv
    from ..io._files import read_text
    from ..io._graph_files import parse_graph, parse_node_link

    catalog = _catalog(catalog)
    if fmt == "csv":
        if text is None:
            _warn("from_csv(path)", "read_crosswalk_csv(path)")
        else:
            _warn("from_csv(name, text=text)", "crosswalk_from_csv(text, file=name)")
        body = text if text is not None else read_text(Path(source))
        return cls(parse_csv(body, catalog, str(source)), catalog=catalog, check_ids=False)
    if fmt == "node_link":
        _warn("from_node_link()", "crosswalk_from_node_link(data)")
        mappings, reviews = parse_node_link(source)
        return cls(mappings, reviews=reviews, catalog=catalog)
    _warn(f"from_{fmt}()", f"read_{fmt}(path)")
    mappings, reviews = parse_graph(fmt, path=source)
    try:
        return cls(mappings, reviews=reviews, catalog=catalog)
    except ValidationError as exc:
        raise ValidationError(exc.problems, file=str(source)) from None


def deprecated_write(cw: Crosswalk, fmt: str, path: str | os.PathLike[str] | None) -> Any:
    """``Crosswalk.to_csv/to_graphml/to_gexf/to_node_link``: ``io.crosswalk_to_*`` or ``io.write_*``."""
    from ..io._crosswalk_csv import format_csv
    from ..io._files import write_text_atomic
    from ..io._graph_files import graph_text, node_link_data, write_graph

    if fmt == "node_link":
        _warn("to_node_link()", "crosswalk_to_node_link(crosswalk)")
        return node_link_data(cw)
    new = "crosswalk_csv" if fmt == "csv" else fmt
    if path is None:
        _warn(f"to_{fmt}()", f"crosswalk_to_{fmt}(crosswalk)")
        return format_csv(cw) if fmt == "csv" else graph_text(cw, fmt)
    _warn(f"to_{fmt}(path)", f"write_{new}(crosswalk, path)")
    if fmt == "csv":
        write_text_atomic(path, format_csv(cw))
    else:
        write_graph(cw, path, fmt)
    return None
