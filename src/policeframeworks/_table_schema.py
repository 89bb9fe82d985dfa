"""The one table-schema vocabulary: a column, its Frictionless field, and the Arrow types the long tables use.

Both the data package (``io.write_package``: CSV tables) and the long tables of ``policeframeworks.frames``
(Arrow tables) describe their columns with :class:`Column` and publish them as Frictionless Table Schema
fields with :meth:`Column.field`. Importing this module imports nothing but attrs (no pyarrow).
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["ARROW_SIMPLE", "Column", "arrow_column"]

#: The Frictionless field type of each Arrow type a long table uses besides lists (a list is an ``array``).
ARROW_SIMPLE = {"string": "string", "int64": "integer", "bool": "boolean"}


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: the column name.
        type: its Frictionless field type (``string``, ``integer``, ``boolean``, ``array``, ``object``).
        description: what the column holds.
        required: False when the column may be empty (null).
        enum: the values an enumerated column may hold (empty for free text).
        arrow_type: for a column of an Arrow table, its Arrow type as text: ``string``, ``int64``,
            ``bool``, ``list<string>``, ``list<int64>``, ``list<bool>`` or ``list<NAME>`` for a list of
            structs; None for a column of a CSV table only.
    """

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    arrow_type: str | None = None

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor (with ``arrowType`` where the Frictionless type says less).

        Example:
            >>> Column("tags", "array", "free tags", arrow_type="list<string>").field()
            {'name': 'tags', 'type': 'array', 'description': 'free tags', 'arrowType': 'list<string>'}
        """
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.arrow_type is not None and self.arrow_type not in ARROW_SIMPLE:
            out["arrowType"] = self.arrow_type
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


def arrow_column(
    name: str, arrow_type: str, required: bool, description: str, enum: tuple[str, ...] = ()
) -> Column:
    """A column of an Arrow table, its Frictionless type following from its Arrow type.

    Example:
        >>> arrow_column("strength", "int64", False, "0-10").type
        'integer'
    """
    return Column(
        name,
        ARROW_SIMPLE.get(arrow_type, "array"),
        description,
        required=required,
        enum=enum,
        arrow_type=arrow_type,
    )
