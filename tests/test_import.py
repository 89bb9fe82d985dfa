"""``import policeframeworks`` stays light: no file reads, no networkx, cattrs, hypothesis or pytest."""

import subprocess
import sys

HEAVY = ("networkx", "cattrs", "hypothesis", "pytest", "tomllib", "json")


def test_import_pulls_in_no_heavy_module() -> None:
    code = f"import sys, policeframeworks; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_reads_no_data_file() -> None:
    code = (
        "import builtins, io, sys\n"
        "opened = []\n"
        "real = io.open_code\n"
        "def spy(path):\n"
        "    opened.append(path)\n"
        "    return real(path)\n"
        "io.open_code = spy\n"
        "import policeframeworks\n"
        "print([p for p in opened if p.endswith(('.toml', '.json', '.csv'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_io_attribute() -> None:
    import policeframeworks

    assert policeframeworks.io.to_dict is not None
    assert "io" in policeframeworks.__all__


def test_every_public_name_resolves() -> None:
    import policeframeworks

    for name in policeframeworks.__all__:
        assert getattr(policeframeworks, name) is not None, name
    assert policeframeworks.__all__ == sorted(policeframeworks.__all__, key=str)
