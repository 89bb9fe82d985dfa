"""Hand-made principles and frameworks for tests: the required keywords once, each test naming what matters.

Not a test module (no ``test_`` prefix): test files import it by name, as they do ``crosswalk_strategies``.
"""

from __future__ import annotations

from typing import Any

from policeframeworks import Citation, Framework, Principle

SRC = Citation(publisher="X", title="Y", url="https://example.org")


def principle(pid: str, *children: Principle, **fields: Any) -> Principle:
    """A valid principle: title "T", text "t", a paraphrase about training, cited to ``SRC``."""
    args: dict[str, Any] = {
        "id": pid,
        "title": "T",
        "text": "t",
        "wording": "paraphrase",
        "themes": ("training",),
        "citation": SRC,
        "children": children,
    }
    args.update(fields)
    return Principle(**args)


def framework(fid: str, *principles: Principle, **fields: Any) -> Framework:
    """A valid framework of ``principles``, its id doubling as family, version and titles."""
    args: dict[str, Any] = {
        "id": fid,
        "family": fid,
        "version": fid,
        "title": fid,
        "short_title": fid,
        "publisher": "X",
        "date": "2020",
        "kind": "principles",
        "data_version": "1",
        "citation": SRC,
        "principles": principles,
    }
    args.update(fields)
    return Framework(**args)
