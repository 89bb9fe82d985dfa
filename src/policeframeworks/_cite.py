"""How to cite the library, its data, and each framework's own source: BibTeX and a plain reference.

The library is cited by its code version and the bundled data's version, since numbers computed with it
depend on both; a framework is cited by its own source (its citation), never by this library.

Example:
    >>> from policeframeworks import cite
    >>> print(cite("8cantwait-2020", style="text"))  # doctest: +ELLIPSIS
    Campaign Zero (2020). #8CantWait. https://...
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ._catalog import Catalog
    from ._model import Framework

__all__ = ["cite"]

#: The name the package's authors go by (as in pyproject.toml and CITATION.cff).
AUTHORS = "The policeframeworks developers"

_Style = Literal["bibtex", "text"]


def _code_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policeframeworks")
    except PackageNotFoundError:  # pragma: no cover - a source tree without an install
        return "unknown"


def _bibtex_escape(text: str) -> str:
    out = text.replace("\\", r"\textbackslash{}")
    for char in "&%$#_{}":
        out = out.replace(char, "\\" + char)
    return out.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", text) or "ref"


def _package_entry(catalog: Catalog, style: _Style) -> str:
    code = _code_version()
    data = catalog.data_version or "unversioned"
    if style == "text":
        return f"{AUTHORS}. policeframeworks (version {code}; data version {data}). Python package."
    return (
        f"@software{{policeframeworks_{_key(code)},\n"
        f"  author = {{{{{_bibtex_escape(AUTHORS)}}}}},\n"
        f"  title = {{policeframeworks}},\n"
        f"  version = {{{_bibtex_escape(code)}}},\n"
        f"  note = {{Bundled data version {_bibtex_escape(data)}}},\n"
        f"  license = {{MIT}}\n"
        f"}}"
    )


def _framework_entry(fw: Framework, style: _Style) -> str:
    c = fw.citation
    year = (c.date or "")[:4]
    if style == "text":
        when = f" ({year})" if year else " (n.d.)"
        locator = f", {c.locator}" if c.locator else ""
        return f"{c.publisher}{when}. {c.title}{locator}. {c.url}"
    fields = [
        ("author", "{" + _bibtex_escape(c.publisher) + "}"),
        ("title", "{" + _bibtex_escape(c.title) + "}"),
    ]
    if year:
        fields.append(("year", year))
    fields.append(("url", c.url))
    if c.locator:
        fields.append(("note", _bibtex_escape(c.locator)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{_key(fw.id)},\n{body}\n}}"


def cite(
    framework_id: str | None = None,
    *,
    style: Literal["bibtex", "text"] = "bibtex",
    catalog: Catalog | None = None,
) -> str:
    """A citation: of the library and its data (no ``framework_id``), or of a framework's own source.

    Args:
        framework_id: the framework to cite; without it, the package (code and data versions) and then
            every framework of the catalog.
        style: ``"bibtex"`` or ``"text"`` (a plain reference).
        catalog: the catalog (default: the bundled one).

    Raises:
        UnknownIdError: no such framework, with close matches suggested.
        ValueError: an unknown style.

    Example:
        >>> from policeframeworks import cite
        >>> print(cite("uscm-2020"))  # doctest: +ELLIPSIS
        @misc{uscm2020,
          author = {{The United States Conference of Mayors}},
          ...
        }
    """
    from ._catalog import load_catalog

    if style not in ("bibtex", "text"):
        raise ValueError(f"style must be 'bibtex' or 'text', not {style!r}")
    catalog = catalog if catalog is not None else load_catalog()
    if framework_id is not None:
        return _framework_entry(catalog.framework(framework_id), style)
    parts = [_package_entry(catalog, style), *(_framework_entry(fw, style) for fw in catalog)]
    return "\n\n".join(parts)
