"""The package's one cattrs converter: strict, no extra keys, every problem reported with its path.

Private: the public face is :mod:`policeframeworks.io` (``to_dict``, ``from_dict``, ``load``, ``dump``).
The converter is built on first use, so ``import policeframeworks`` does not import cattrs.

Strictness: a string field takes only a string (``3`` is not ``"3"``), a boolean only ``true``/``false``
(``"false"`` is not ``False``), an integer only an integer (not a boolean, not ``"3"``), a float an integer
or a float, a list field a list (a string is not a list of characters), an enum only one of its words.
Unstructuring leaves out fields at their default values, so files stay short and TOML never needs a null.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from ._suggest import first_or_none
from ._validate import enum_problem, enum_words
from .exceptions import Problem, ValidationError

if typing.TYPE_CHECKING:
    import cattrs

T = TypeVar("T")

_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


class _StrictTypeError(TypeError):
    """A value of the wrong type; carries a ready message and suggestion."""

    def __init__(self, message: str, suggestion: str | None = None, *, code: str = "type") -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion
        self.code = code


def _describe(value: object) -> str:
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"


def _scalar_hook(t: type) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        ok = (
            (type(value) is t)
            or (t is float and type(value) is int)
            or (t is str and isinstance(value, str) and not isinstance(value, enum.Enum))
        )
        if not ok:
            raise _StrictTypeError(f"expected {_NAMES[t]}, got {_describe(value)}")
        return float(value) if t is float else value

    return hook


def _enum_hook(value: Any, t: type[enum.StrEnum]) -> Any:
    if isinstance(value, t):
        return value
    if isinstance(value, str):
        try:
            return t(value)
        except ValueError:
            pass
        # The word list is built for the message only (and once per enum), never for a valid word.
        problem = enum_problem("", value, t)
        assert problem is not None  # a string that is not a word of t
        raise _StrictTypeError(problem.message, problem.suggestion, code=problem.code)
    raise _StrictTypeError(f"expected one of {', '.join(enum_words(t))}, got {_describe(value)}")


def _relationship_hook(value: Any, _: Any) -> Any:
    """Relationships accept the spellings of other crosswalks (``subset of``, ``not related to``, ...)."""
    from ._relationship import Relationship

    if not isinstance(value, str):
        raise _StrictTypeError(f"expected a relationship word, got {_describe(value)}")
    try:
        return Relationship.parse(value)
    except ValidationError as exc:
        problem = exc.problems[0]
        raise _StrictTypeError(problem.message, problem.suggestion, code=problem.code) from None


def _is_tuple_like(t: Any) -> bool:
    return typing.get_origin(t) in (tuple, frozenset)


@functools.cache
def converter() -> cattrs.Converter:
    """The package's converter (built once, on first use)."""
    import cattrs
    from cattrs.errors import IterableValidationNote

    from . import _model, _relationship

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    for scalar in (str, int, float, bool):
        conv.register_structure_hook(scalar, _scalar_hook(scalar))
    # Every enum of the package is a StrEnum: it structures strictly from its word and unstructures to it.
    # Registered on the base class (singledispatch finds StrEnum before str in a member's MRO), so nothing
    # needs registering when a module adds an enum.
    conv.register_structure_hook(enum.StrEnum, _enum_hook)
    conv.register_unstructure_hook(enum.StrEnum, _enum_word)
    conv.register_structure_hook(_relationship.Relationship, _relationship_hook)

    def seq_hook_factory(t: Any) -> Callable[[Any, Any], Any]:
        args = typing.get_args(t)
        item_type = args[0] if args else Any
        origin = typing.get_origin(t)

        # The item hook is looked up on the first call, not here: a recursive type (a principle's
        # children) would ask for the hook being built. Once found it is kept, not looked up per list.
        found: list[Callable[[Any, Any], Any]] = []

        def hook(value: Any, _: Any) -> Any:
            if not isinstance(value, (list, tuple)):
                raise _StrictTypeError(f"expected a list, got {_describe(value)}")
            if not found:
                found.append(conv.get_structure_hook(item_type))
            item_hook = found[0]
            items: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"item {i}", i, item_type),
                    ]
                    errors.append(exc)
            if errors:
                raise cattrs.IterableValidationError("while structuring a list", errors, t)
            return frozenset(items) if origin is frozenset else tuple(items)

        return hook

    conv.register_structure_hook_factory(_is_tuple_like, seq_hook_factory)

    def mapping_guard_factory(t: Any) -> Callable[[Any, Any], Any]:
        attrs.resolve_types(t)  # the package's modules use postponed annotations
        inner = cattrs.gen.make_dict_structure_fn(t, conv, **_not_data(t))

        def hook(value: Any, tt: Any) -> Any:
            if not isinstance(value, Mapping):
                raise _StrictTypeError(f"expected a table, got {_describe(value)}")
            if t is not _model.Framework:
                return inner(value, tt)
            try:
                return inner(value, tt)
            except (cattrs.BaseValidationError, _StrictTypeError) as exc:
                if _from_init(exc):
                    raise  # the framework's own checks ran and reported everything
                # Parts failed to build, so the framework's own checks did not run: check the raw ids too,
                # so one run reports duplicates and misplaced ids beside the field problems.
                raise ValidationError(problems_of(exc, "") + _raw_id_problems(value)) from None

        return hook

    conv.register_structure_hook_factory(attrs.has, mapping_guard_factory)

    def unstructure_factory(t: Any) -> Callable[[Any], Any]:
        attrs.resolve_types(t)
        return cattrs.gen.make_dict_unstructure_fn(
            t, conv, _cattrs_omit_if_default=conv.omit_if_default, **_not_data(t)
        )

    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    return conv


def _not_data(t: Any) -> dict[str, Any]:
    """Overrides leaving out the fields whose metadata says ``data: False``.

    Such a field says how an object was built (a crosswalk's catalog), not what it holds: it is not
    written by :func:`to_builtins` nor taken by :func:`from_builtins` (its default applies).
    """
    from cattrs.gen import override

    return {a.name: override(omit=True) for a in attrs.fields(t) if a.metadata.get("data") is False}


def _enum_word(value: enum.Enum) -> Any:
    return value.value


def to_builtins(obj: object) -> Any:
    """Plain dicts, lists, strings and numbers for a model object."""
    return converter().unstructure(obj)


def from_builtins(data: Any, cls: type[T], *, file: str | None = None, path: str = "") -> T:
    """Structure plain data into ``cls``, raising one :class:`ValidationError` with every problem."""
    import cattrs

    try:
        result: T = converter().structure(data, cls)
    except (cattrs.BaseValidationError, _StrictTypeError, ValidationError) as exc:
        problems = [p.within(path, file) for p in problems_of(exc, "")]
        raise ValidationError(problems, file=file) from None
    return result


def problems_of(exc: BaseException, path: str) -> list[Problem]:
    """Turn a (nested) cattrs error into problems with paths such as ``principles[3].wording``."""
    import cattrs
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    if isinstance(exc, ValidationError):
        return [p.within(path) for p in exc.problems]
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl) if a.init] if attrs.has(exc.cl) else []
        return [
            Problem(
                _join(path, key),
                "unknown key" + (f"; expected one of {', '.join(allowed)}" if allowed else ""),
                suggestion=first_or_none(key, allowed),
                code="unknown_key",
            )
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        out: list[Problem] = []
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote):
                    sub_path = _join(path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
            if isinstance(sub, KeyError) and not isinstance(sub, ValidationError) and sub_path != path:
                out.append(Problem(sub_path, "required key missing", code="missing"))
            else:
                out += problems_of(sub, sub_path)
        return out
    if isinstance(exc, _StrictTypeError):
        return [Problem(path, exc.message, suggestion=exc.suggestion, code=exc.code)]
    return [Problem(path, f"invalid value ({exc})")]


def _from_init(exc: BaseException) -> bool:
    """Whether a class error came from the class's own checks (all fields built) rather than a field."""
    import cattrs
    from cattrs.errors import AttributeValidationNote

    return isinstance(exc, cattrs.ClassValidationError) and not any(
        isinstance(note, AttributeValidationNote)
        for sub in exc.exceptions
        for note in getattr(sub, "__notes__", [])
    )


def _raw_id_problems(data: Mapping[str, Any]) -> list[Problem]:
    """Id problems visible in a framework's raw data: duplicates, and top-level ids of another framework."""
    from ._ids import framework_id_of, parent_id_of

    problems: list[Problem] = []
    seen: set[str] = set()
    fw_id = data.get("id")

    def walk(items: Any, path: str, top: bool) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            pid = item.get("id")
            here = f"{path}[{i}]"
            if isinstance(pid, str):
                if pid in seen:
                    problems.append(Problem(f"{here}.id", f"duplicate id {pid!r}"))
                seen.add(pid)
                if (
                    top
                    and isinstance(fw_id, str)
                    and (framework_id_of(pid) != fw_id or parent_id_of(pid) is not None)
                ):
                    problems.append(
                        Problem(
                            f"{here}.id",
                            f"{pid!r} must be '{fw_id}:<slug>' (this framework's id, ':' and one slug)",
                        )
                    )
            walk(item.get("children"), f"{here}.children", False)

    walk(data.get("principles"), "principles", True)
    walk(data.get("framing"), "framing", True)
    return problems


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
