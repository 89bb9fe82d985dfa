"""Running the command line in-process from tests: one helper instead of a copy in every test file."""

from __future__ import annotations

import io

from policeframeworks.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """Run ``policeframeworks ARGV...`` in this process: ``(exit code, stdout, stderr)``."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()
