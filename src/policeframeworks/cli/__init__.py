"""The command line: ``policeframeworks`` (also ``python -m policeframeworks``).

Exit codes: 0 success, 1 the data has problems, 2 usage errors. Errors go to stderr, one line per problem;
``--debug`` adds the traceback. :func:`build_parser` gives the parser (for generated docs and completion);
building it reads no file. How to add a command: see the top of ``cli/_common.py``.
"""

from __future__ import annotations

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
