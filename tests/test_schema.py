"""JSON Schema generation (policeframeworks.io._schema), checked with the ``jsonschema`` package.

``jsonschema`` is a test-only dependency (the ``test`` extra): the library writes schemas, an independent
validator checks them, so a mistake in the generator cannot hide behind a validator of our own.
"""

from __future__ import annotations

import copy
import enum
import importlib
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any, Literal

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policeframeworks as pf
from policeframeworks.io._files import DOCUMENT_TYPES
from policeframeworks.io._schema import DIALECT, attribute_docs, json_schema


def _bundled_documents() -> list[tuple[str, dict[str, Any]]]:
    root = resources.files("policeframeworks.data")
    index = tomllib.loads(root.joinpath("catalog.toml").read_text(encoding="utf-8"))
    return [
        (fw_id, tomllib.loads(root.joinpath("frameworks", f"{fw_id}.toml").read_text(encoding="utf-8")))
        for fw_id in index["frameworks"]
    ]


def _document_classes() -> list[type]:
    out = []
    for _, target, _ in DOCUMENT_TYPES:
        module, _, name = target.partition(":")
        out.append(getattr(importlib.import_module(module), name))
    return out


@pytest.mark.parametrize("cls", _document_classes(), ids=lambda c: c.__name__)
def test_schema_of_every_file_type_is_a_valid_draft_2020_12_schema(cls: type) -> None:
    schema = json_schema(cls)
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    ("fw_id", "data"), _bundled_documents(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_bundled_framework_files_validate_against_the_schema(fw_id: str, data: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(json_schema(pf.Framework))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == [], fw_id


def test_bundled_endorsements_file_validates_against_the_schema() -> None:
    root = resources.files("policeframeworks.data")
    index = tomllib.loads(root.joinpath("catalog.toml").read_text(encoding="utf-8"))
    data = tomllib.loads(root.joinpath(index["endorsements"]).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json_schema(pf.EndorsementSet))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_dumped_frameworks_validate_too() -> None:
    validator = jsonschema.Draft202012Validator(json_schema(pf.Framework))
    for fw in pf.load_catalog().frameworks:
        validator.validate(pf.io.to_dict(fw))


def test_schema_rejects_what_the_converter_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema(pf.Framework))
    data = copy.deepcopy(_bundled_documents()[0][1])
    data["principles"][0]["wording"] = "verbatum"
    data["principles"][0]["pages"] = 3
    del data["citation"]["url"]
    data["complete"] = "false"
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 4
    assert any("'verbatum' is not one of" in m for m in messages)
    assert any("'pages' was unexpected" in m for m in messages)
    assert any("'url' is a required property" in m for m in messages)
    assert any("'false' is not of type 'boolean'" in m for m in messages)


# --- the law: what the schema rejects, the strict converter rejects ----------------------------------------

_REPLACEMENTS = st.sampled_from([None, 0, 1.5, True, "", "x", [], ["x"], {}, {"x": 1}])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((*prefix, key))
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.append((*prefix, i))
            out += _paths(item, (*prefix, i))
    return out


@st.composite
def _mutated_framework(draw: st.DrawFn) -> dict[str, Any]:
    _, data = draw(st.sampled_from(_bundled_documents()))
    data = copy.deepcopy(data)
    path = draw(st.sampled_from(_paths(data)))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "delete", "add-key"]))
    if action == "replace":
        parent[path[-1]] = draw(_REPLACEMENTS)
    elif action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "Title", "wordings"]))] = "x"
    return data


@given(_mutated_framework())
def test_schema_is_sound_for_the_converter(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(json_schema(pf.Framework))
    if not validator.is_valid(data):
        with pytest.raises(pf.ValidationError):
            pf.io.from_dict(data, pf.Framework)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1).filter(str.strip)


@given(
    st.builds(
        pf.Citation,
        publisher=_TEXT,
        title=_TEXT,
        url=_TEXT.map(lambda s: "https://" + s),
        date=st.none() | st.sampled_from(["2020", "2020-06", "2020-06-25"]),
        locator=st.none() | _TEXT,
    )
)
def test_every_citation_dumps_to_schema_valid_data(citation: pf.Citation) -> None:
    jsonschema.Draft202012Validator(json_schema(pf.Citation)).validate(pf.io.to_dict(citation))


# --- the type mapping, on a class made for it ---------------------------------------------------------


class _Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


class _Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


@attrs.frozen(kw_only=True)
class _Leaf:
    """A leaf.

    Attributes:
        name: the name, which goes on
            over two lines.
    """

    name: str


@attrs.frozen(kw_only=True)
class _Everything:
    """Every kind of field."""

    count: int
    ratio: float
    flag: bool
    colour: _Colour
    level: _Level
    pair: tuple[str, int]
    tags: frozenset[str] = frozenset()
    leaves: tuple[_Leaf, ...] = ()
    table: Mapping[str, int] = attrs.field(factory=dict)
    mode: Literal["a", "b"] = "a"
    anything: Any = None
    maybe: _Leaf | None = None
    custom: str = attrs.field(default="", metadata={"json_schema": {"type": "string", "format": "uri"}})
    hidden: int = attrs.field(default=0, init=False)


def test_type_mapping() -> None:
    schema = json_schema(_Everything)
    props = schema["properties"]
    assert schema["required"] == ["count", "ratio", "flag", "colour", "level", "pair"]
    assert props["count"] == {"type": "integer"}
    assert props["ratio"] == {"type": "number"}
    assert props["flag"] == {"type": "boolean"}
    assert props["colour"] == {"type": "string", "enum": ["red", "blue"]}
    assert props["level"] == {"type": "integer", "enum": [1, 2]}
    assert props["pair"] == {
        "type": "array",
        "prefixItems": [{"type": "string"}, {"type": "integer"}],
        "minItems": 2,
        "maxItems": 2,
    }
    assert props["tags"] == {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
    assert props["leaves"] == {"type": "array", "items": {"$ref": "#/$defs/_Leaf"}}
    assert props["table"] == {"type": "object", "additionalProperties": {"type": "integer"}}
    assert props["mode"] == {"enum": ["a", "b"]}
    assert props["anything"] == {}
    assert props["maybe"] == {"anyOf": [{"$ref": "#/$defs/_Leaf"}, {"type": "null"}]}
    assert props["custom"] == {"type": "string", "format": "uri"}
    assert "hidden" not in props
    assert (
        schema["$defs"]["_Leaf"]["properties"]["name"]["description"]
        == "the name, which goes on over two lines."
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    good = {"count": 1, "ratio": 2, "flag": False, "colour": "red", "level": 2, "pair": ["a", 1]}
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "count": True})
    assert not validator.is_valid({**good, "tags": ["a", "a"]})
    assert not validator.is_valid({**good, "pair": ["a", 1, 2]})


def test_self_reference_points_at_the_root() -> None:
    schema = json_schema(pf.Principle)
    assert schema["properties"]["children"]["items"] == {"$ref": "#"}
    assert set(schema["$defs"]) == {"Citation"}


def test_not_an_attrs_class() -> None:
    with pytest.raises(pf.ValidationError, match="not an attrs class"):
        json_schema(dict)


def test_field_without_json_form_is_named() -> None:
    @attrs.frozen
    class Odd:
        z: complex
        m: dict[int, str]

    with pytest.raises(pf.ValidationError) as info:
        json_schema(Odd)
    assert [p.path for p in info.value.problems] == ["Odd.z", "Odd.m"]


def test_attribute_docs_without_section() -> None:
    assert attribute_docs(_Everything) == {}
