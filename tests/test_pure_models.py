"""Constructing any model object reads no file and imports nothing (checked with an audit hook on "open").

Each check runs in a fresh interpreter, so what an earlier test loaded cannot hide a read or an import.
"""

from __future__ import annotations

import json
import subprocess
import sys

# Builds one of every model type from literals, with an audit hook recording every file opened and a
# record of every module imported while building. The modules are imported first (that reads .py files).
_SCRIPT = r"""
import json, sys
import policeframeworks as pf
from policeframeworks import (Assessment, AssessmentSet, Citation, CrosswalkDocument, Derivation, Endorsement,
    EndorsementSet, Evidence, Finding, Framework, Jurisdiction, Mapping, Principle, Review)

opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
before = set(sys.modules)

src = Citation(publisher="X", title="Y", url="https://example.org", date="2024")
p = Principle(id="ex:one", title="One", text="First.", wording="paraphrase", themes=("training",),
              citation=src)
fw = Framework(id="ex", family="ex", version="1", title="Example", short_title="Ex", publisher="X",
               date="2024", kind="principles", data_version="1", citation=src, principles=(p,))
m = Mapping(source="8cantwait-2020:duty-to-intervene", relationship="equal",
            target="uscm-2020:sanctity-of-life/duty-to-intervene", rationale_type="semantic", strength=10,
            basis="analytic", rationale="r", mapped_by="me")
review = Review(source="8cantwait-2020", target="uscm-2020", scope="complete", reviewer="me", date="2026")
doc = CrosswalkDocument(id="mine", title="Mine", data_version="1", mappings=(m,), reviews=(review,))
e = Endorsement(endorser="Somewhere", endorser_kind="jurisdiction", relation="adopted",
                target="8cantwait-2020", date="2020", citation=src)
es = EndorsementSet(data_version="1", endorsements=(e,))
j = Jurisdiction(name="Springfield", kind="city", fips="1772000")
ev = Evidence(title="Policy manual", url="https://example.org/manual", quote="Officers shall intervene.")
d = Derivation(source="8cantwait-2020:duty-to-intervene", relationship="equal",
               target="uscm-2020:sanctity-of-life/duty-to-intervene", source_status="adopted")
# A well-formed principle id of a bundled framework, and one that is not in it: neither is looked up.
f = Finding(principle_id="8cantwait-2020:duty-to-intervene", status="adopted", evidence=(ev,))
g = Finding(principle_id="8cantwait-2020:no-such-principle", status="partial", derived_from=(d,))
a = Assessment(jurisdiction=j, framework_id="8cantwait-2020", as_of="2020-07-01", assessor="me",
               method="document-review", findings=(f, g), reported_total=1)
s = AssessmentSet(assessments=(a,))
built = [src, p, fw, m, review, doc, e, es, j, ev, d, f, g, a, s]
print(json.dumps({"types": sorted({type(x).__name__ for x in built}), "opened": opened,
                  "imported": sorted(set(sys.modules) - before)}))
"""


def _run(script: str) -> dict[str, list[str]]:
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result: dict[str, list[str]] = json.loads(out.stdout)
    return result


def test_constructing_every_model_type_opens_no_file_and_imports_nothing() -> None:
    found = _run(_SCRIPT)
    assert found["types"] == sorted(
        [
            "Assessment", "AssessmentSet", "Citation", "CrosswalkDocument", "Derivation", "Endorsement",
            "EndorsementSet", "Evidence", "Finding", "Framework", "Jurisdiction", "Mapping", "Principle",
            "Review",
        ]
    )  # fmt: skip
    assert found["opened"] == []
    assert found["imported"] == []


def test_a_state_is_checked_against_the_us_package_and_nothing_else() -> None:
    # Known exception, on purpose: a state code is checked against the tables of the ``us`` package (a
    # dependency, see policeframeworks._states), imported on the first check; that import reads the
    # package's own files. Nothing of policeframeworks' data is read, and nothing else is imported.
    script = _SCRIPT.replace('kind="city", fips="1772000"', 'state="IL", kind="city", fips="1772000"')
    found = _run(script)
    assert not [path for path in found["opened"] if "policeframeworks" in path]
    assert "us" in found["imported"]
    assert not {"cattrs", "networkx", "hypothesis", "pytest", "narwhals", "pandas"} & set(found["imported"])


def test_the_hook_sees_the_bundled_data_being_read() -> None:
    # The same hook does see a read: checking the assessment against the bundled framework needs the catalog.
    script = _SCRIPT.replace(
        "built = [",
        "pf.load_catalog()\nbuilt = [",
    )
    found = _run(script)
    # The pre-parsed copy is read, and each TOML source it was made from is read to check it is not stale.
    assert any(path.endswith("prebuilt.json") for path in found["opened"])
    assert any(path.endswith("catalog.toml") for path in found["opened"])
    assert "cattrs" not in found["imported"]  # the copy is read without the converter
