"""``python -m policeframeworks``: the command line."""

from policeframeworks.cli import main

raise SystemExit(main())
