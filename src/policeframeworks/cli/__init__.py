"""The command line: ``policeframeworks`` (also ``python -m policeframeworks``).

Exit codes: 0 success, 1 the data has problems, 2 usage errors. Errors go to stderr, one line per problem,
without a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

from ._main import main

__all__ = ["main"]
