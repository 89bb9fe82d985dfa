"""``import policeframeworks`` stays light: no file reads, no networkx, cattrs, hypothesis or pytest."""

import subprocess
import sys

HEAVY = ("networkx", "cattrs", "hypothesis", "pytest", "tomllib", "json")


def test_import_pulls_in_no_heavy_module() -> None:
    code = f"import sys, policeframeworks; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


_OPENED_DATA = (
    "import sys\n"
    "opened = []\n"
    "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' else None)\n"
    "import policeframeworks\n"
    "{after}\n"
    "print([p for p in opened if 'policeframeworks' in p and not p.endswith(('.py', '.pyc'))])\n"
)


def test_import_reads_no_data_file() -> None:
    # An audit hook on "open" sees every file opened (by open(), io.open_code, importlib.resources, ...).
    code = _OPENED_DATA.format(after="")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_same_hook_sees_the_catalog_being_read() -> None:
    code = _OPENED_DATA.format(after="policeframeworks.load_catalog()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "catalog.toml" in out.stdout


def test_lazy_io_attribute() -> None:
    import policeframeworks

    assert policeframeworks.io.to_dict is not None
    assert "io" in policeframeworks.__all__


def test_every_public_name_resolves() -> None:
    import policeframeworks

    for name in policeframeworks.__all__:
        assert getattr(policeframeworks, name) is not None, name
    assert policeframeworks.__all__ == sorted(policeframeworks.__all__, key=str)


def test_dir_lists_every_public_name_without_importing_them() -> None:
    code = (
        "import sys, policeframeworks\n"
        "names = dir(policeframeworks)\n"
        "print(all(n in names for n in policeframeworks.__all__), 'Crosswalk' in names,\n"
        "      'summarize' in names, 'policeframeworks.crosswalk' in sys.modules, 'cattrs' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True", "False", "False"]
