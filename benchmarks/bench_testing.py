"""What the testing kit costs: the pytest plugin and Hypothesis entry point when unused, and strategy speed.

1. ``import hypothesis`` with the package's ``hypothesis`` entry point (registering ``st.from_type``
   strategies) against ``HYPOTHESIS_NO_PLUGINS=1``, in fresh interpreters, alternating; medians.
2. A pytest run of a small project that uses no fixture, with the plugin and with
   ``-p no:policeframeworks``, alternating; medians (target: no measurable difference).
3. Examples per second of the main strategies (one ``@given`` test of ``--examples`` examples each,
   no database, health checks off).

Run: ``python benchmarks/bench_testing.py [--runs N] [--examples N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMPORT = "import time; t0 = time.perf_counter(); import hypothesis; print(time.perf_counter() - t0)"
PROJECT = """
def test_one():
    assert 1 + 1 == 2

def test_two():
    assert "policeframeworks"
"""


def _import_hypothesis(no_plugins: bool) -> float:
    env = {**os.environ, **({"HYPOTHESIS_NO_PLUGINS": "1"} if no_plugins else {})}
    out = subprocess.run([sys.executable, "-c", IMPORT], capture_output=True, text=True, check=True, env=env)
    return float(out.stdout)


def _pytest_run(folder: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
        cwd=folder,
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - t0


def _strategy_speed(examples: int) -> dict[str, float]:
    from hypothesis import HealthCheck, given, settings

    from policeframeworks import load_catalog
    from policeframeworks.testing import strategies as pfst

    load_catalog().crosswalk  # noqa: B018  (read the bundled data before timing)
    cases = {
        "citations()": pfst.citations(),
        "frameworks()": pfst.frameworks(),
        "catalogs()": pfst.catalogs(),
        "crosswalks()": pfst.crosswalks(),
        "assessments()": pfst.assessments(),
    }
    speed: dict[str, float] = {}
    for name, strategy in cases.items():

        @settings(
            max_examples=examples, database=None, deadline=None, suppress_health_check=list(HealthCheck)
        )
        @given(strategy)
        def run(_: object) -> None:
            pass

        t0 = time.perf_counter()
        run()
        speed[name] = examples / (time.perf_counter() - t0)
    return speed


def main() -> None:
    """Measure and print the three tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--examples", type=int, default=200)
    args = parser.parse_args()

    with_hook: list[float] = []
    without: list[float] = []
    for _ in range(args.runs):
        with_hook.append(_import_hypothesis(no_plugins=False))
        without.append(_import_hypothesis(no_plugins=True))
    a, b = statistics.median(with_hook), statistics.median(without)
    print(f"import hypothesis, with the entry point   median {a * 1000:7.1f} ms")
    print(f"import hypothesis, HYPOTHESIS_NO_PLUGINS  median {b * 1000:7.1f} ms")
    print(f"  the entry point's cost: {(a - b) * 1000:+.1f} ms")

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "test_project.py").write_text(PROJECT, encoding="utf-8")
        on: list[float] = []
        off: list[float] = []
        for _ in range(args.runs):
            on.append(_pytest_run(Path(folder)))
            off.append(_pytest_run(Path(folder), "-p", "no:policeframeworks"))
    c, d = statistics.median(on), statistics.median(off)
    print(f"pytest, plugin loaded (fixtures unused)    median {c * 1000:7.1f} ms")
    print(f"pytest, -p no:policeframeworks            median {d * 1000:7.1f} ms")
    print(f"  the plugin's cost: {(c - d) * 1000:+.1f} ms")

    for name, per_second in _strategy_speed(args.examples).items():
        print(f"{name:16} {per_second:8.1f} examples/s")


if __name__ == "__main__":
    main()
