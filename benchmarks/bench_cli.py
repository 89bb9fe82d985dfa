"""Start-up cost of the command line: building its parser and printing ``--help``, beside ``import
policeframeworks`` alone, side by side.

The command line must not make a user wait: its parser is built from every command module, which import
only light modules at the top (heavy libraries are imported inside the commands that need them). Each
statement runs in a fresh interpreter, alternating, many times; the script reports the median of each, the
ratio (target: 1.5x or less) and the heavy modules ``--help`` pulled in (none wanted).

Run: ``python benchmarks/bench_cli.py [--runs N]``
"""

from __future__ import annotations

import argparse

from bench_import import compare  # the same fresh-interpreter timing (run from benchmarks/ or as a script)

CASES = {
    "import policeframeworks": "import policeframeworks",
    "policeframeworks --help": (
        "import contextlib, io; from policeframeworks.cli import main; f = io.StringIO(); "
        "r = contextlib.redirect_stdout(f); r.__enter__(); main(['--help'], out=f); "
        "r.__exit__(None, None, None)"
    ),
}


def main() -> None:
    """Run the comparison and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    medians, loaded = compare(CASES, args.runs)
    for name, med in medians.items():
        print(f"{name:24} median {med * 1000:7.2f} ms   heavy modules loaded: {loaded[name] or 'none'}")
    ratio = medians["policeframeworks --help"] / medians["import policeframeworks"]
    print(f"ratio --help / import: {ratio:.2f}x over {args.runs} runs each (target 1.5x or less)")


if __name__ == "__main__":
    main()
