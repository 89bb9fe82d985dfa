"""Sphinx configuration for the policeframeworks documentation.

Build: ``sphinx-build -W -n -b html docs docs/_build/html`` (warnings are errors, every reference must
resolve). The package must be installed (``pip install -e '.[docs]'``); the pages under ``data/`` and
``reference/schemas/`` are generated at build time by ``_ext/pf_docs.py`` from the installed library.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "policeframeworks"
author = "The policeframeworks developers"
copyright = "The policeframeworks developers"
release = _version("policeframeworks")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_copybutton",
    "sphinxarg.ext",
    "pf_docs",
]

# The copy button copies commands and code, never the prompts (">>> ", "... ", "$ ") or the output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

source_suffix = {".md": "markdown"}

root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Google-style docstrings; the examples in them are doctests, shown as they are.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}

# No network at build time (no intersphinx): references into other projects' documentation cannot be
# resolved, so only those are exempt from nitpicky mode. Every reference to this package must resolve.
nitpick_ignore_regex = [
    (r"py:.*", r"(attrs|cattrs|networkx|nx|matplotlib|hypothesis|pytest|_pytest)(\..*)?"),
    (r"py:.*", r"(pyarrow|pa|narwhals|nw|pandas|polars|duckdb|pyspark)(\..*)?"),
    (r"py:.*", r"(os|pathlib|collections\.abc|typing|enum|argparse|io|datetime)\..*"),
    (r"py:.*", r"(Path|PathLike|Iterable|Iterator|Mapping|Sequence|TextIO|Any|TypeVar|T|E|Figure)"),
    (r"py:.*", r"(json\.dumps|KeyError|ValueError|Exception)"),
    (r"py:mod", r"csv"),
    # Type variables of the package's generic helpers (``T``, ``E``) have no page of their own.
    (r"py:class", r"policeframeworks(\.\w+)*\.(T|E)"),
    # Private helper types in signatures (a structural protocol, for example) are not documented.
    (r"py:class", r"(policeframeworks(\.\w+)*\.)?_\w+"),
]

# Quotations are shown as stored: no "smart" quotes, dashes or ellipses put into verbatim wording.
smartquotes = False

html_theme = "furo"
html_theme_options = {"navigation_with_keys": True}
html_title = f"policeframeworks {release}"
html_static_path: list[str] = []


def _no_attrs_sentinel(
    app: object, what: str, name: str, obj: object, options: object, signature: str | None, annotation: str | None
) -> tuple[str | None, str | None] | None:
    """Show attrs' ``NOTHING`` default (a field with a factory) as ``...`` in signatures."""
    if signature and "NOTHING" in signature:
        return signature.replace("NOTHING", "..."), annotation
    return None


def setup(app: object) -> None:
    """Hooks of this configuration."""
    app.connect("autodoc-process-signature", _no_attrs_sentinel)  # type: ignore[attr-defined]
