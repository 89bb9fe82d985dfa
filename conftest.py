"""Root pytest configuration: what the doctest collection must skip."""

collect_ignore = ["docs/conf.py", "docs/_build", "benchmarks"]
