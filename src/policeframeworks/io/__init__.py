"""Serialization: plain dicts, JSON and TOML files, with strict validation and atomic writes.

``to_dict`` and ``from_dict`` convert any model object to and from plain data (what JSON and TOML hold);
``load`` and ``dump`` read and write files, choosing JSON or TOML by the file's extension (``loads`` and
``dumps`` for text). Every other format follows one rule: ``read_<format>(path)`` and
``write_<format>(obj, path)`` for files (``read_assessments_csv``, ``write_graphml``, ``read_sssom``, ...),
and for a crosswalk ``crosswalk_from_<format>`` and ``crosswalk_to_<format>`` in memory;
``read_crosswalk(*paths)`` reads crosswalk files of any kind, told by extension.

Example:
    >>> from policeframeworks import Framework, load_catalog
    >>> from policeframeworks import io
    >>> fw = load_catalog().framework("8cantwait-2020")
    >>> io.from_dict(io.to_dict(fw), Framework) == fw
    True
    >>> from policeframeworks import Citation
    >>> io.from_dict({"publisher": "X", "title": 3, "url": "ftp://x", "pages": 2}, Citation)
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 2 problems:
      title: expected a string, got int 3
      pages: unknown key; expected one of publisher, title, url, date, locator
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._assessment_files import dump_assessments, iter_assessments
    from ._catalog import read_catalog
    from ._cells import csv_text, escape_cell, unescape_cell
    from ._column_map import read_column_map, with_attributes
    from ._crosswalk import (
        crosswalk_from_csv,
        crosswalk_from_gexf,
        crosswalk_from_graphml,
        crosswalk_from_node_link,
        crosswalk_from_sssom,
        crosswalk_to_csv,
        crosswalk_to_gexf,
        crosswalk_to_graphml,
        crosswalk_to_node_link,
        read_crosswalk,
        read_crosswalk_csv,
        read_gexf,
        read_graphml,
        read_node_link,
        read_sssom,
        write_crosswalk_csv,
        write_gexf,
        write_graphml,
        write_node_link,
    )
    from ._csv import (
        read_assessments_csv,
        write_assessments_csv,
        write_summary_csv,
    )
    from ._descriptor import (
        DatasetDefaults,
        DatasetDescriptor,
        known_layouts,
        load_descriptor,
        read_assessments,
    )
    from ._documents import (
        dump,
        dumps,
        file_kind,
        from_dict,
        load,
        loads,
        to_dict,
    )
    from ._files import write_text_atomic
    from ._folders import write_folder_atomic
    from ._oscal import (
        crosswalk_from_oscal,
        crosswalk_to_oscal,
        read_oscal,
        write_oscal,
    )
    from ._package import Release, read_package, write_package
    from ._records import (
        citation_record,
        coverage_matrix_records,
        coverage_record,
        diff_records,
        endorsement_record,
        framework_record,
        mapping_record,
        principle_record,
        projection_record,
        review_record,
        score_record,
        summary_record,
    )
    from ._review_sheet import (
        read_review_sheet,
        write_review_sheet,
    )
    from ._schema import json_schema
    from ._sssom import crosswalk_to_sssom, write_sssom

__all__ = [
    "DatasetDefaults",
    "DatasetDescriptor",
    "Release",
    "citation_record",
    "coverage_matrix_records",
    "coverage_record",
    "crosswalk_from_csv",
    "crosswalk_from_gexf",
    "crosswalk_from_graphml",
    "crosswalk_from_node_link",
    "crosswalk_from_oscal",
    "crosswalk_from_sssom",
    "crosswalk_to_csv",
    "crosswalk_to_gexf",
    "crosswalk_to_graphml",
    "crosswalk_to_node_link",
    "crosswalk_to_oscal",
    "crosswalk_to_sssom",
    "csv_text",
    "diff_records",
    "dump",
    "dump_assessments",
    "dumps",
    "endorsement_record",
    "escape_cell",
    "file_kind",
    "framework_record",
    "from_dict",
    "iter_assessments",
    "json_schema",
    "known_layouts",
    "load",
    "load_descriptor",
    "loads",
    "mapping_record",
    "principle_record",
    "projection_record",
    "read_assessments",
    "read_assessments_csv",
    "read_catalog",
    "read_column_map",
    "read_crosswalk",
    "read_crosswalk_csv",
    "read_gexf",
    "read_graphml",
    "read_node_link",
    "read_oscal",
    "read_package",
    "read_review_sheet",
    "read_sssom",
    "review_record",
    "score_record",
    "summary_record",
    "to_dict",
    "unescape_cell",
    "with_attributes",
    "write_assessments_csv",
    "write_crosswalk_csv",
    "write_folder_atomic",
    "write_gexf",
    "write_graphml",
    "write_node_link",
    "write_oscal",
    "write_package",
    "write_review_sheet",
    "write_sssom",
    "write_summary_csv",
    "write_text_atomic",
]

#: Where each public name lives. Nothing is imported with the package: a name's module is imported the
#: first time the name is used, so importing one io module (``policeframeworks.io._csv``, say) does not
#: import every format (and the crosswalk, the catalog and the converter with them).
_NAMES = {
    "DatasetDefaults": "_descriptor",
    "DatasetDescriptor": "_descriptor",
    "Release": "_package",
    "citation_record": "_records",
    "coverage_matrix_records": "_records",
    "coverage_record": "_records",
    "crosswalk_from_csv": "_crosswalk",
    "crosswalk_from_gexf": "_crosswalk",
    "crosswalk_from_graphml": "_crosswalk",
    "crosswalk_from_node_link": "_crosswalk",
    "crosswalk_from_oscal": "_oscal",
    "crosswalk_from_sssom": "_crosswalk",
    "crosswalk_to_csv": "_crosswalk",
    "crosswalk_to_gexf": "_crosswalk",
    "crosswalk_to_graphml": "_crosswalk",
    "crosswalk_to_node_link": "_crosswalk",
    "crosswalk_to_oscal": "_oscal",
    "crosswalk_to_sssom": "_sssom",
    "csv_text": "_cells",
    "diff_records": "_records",
    "dump": "_documents",
    "dump_assessments": "_assessment_files",
    "dumps": "_documents",
    "endorsement_record": "_records",
    "escape_cell": "_cells",
    "file_kind": "_documents",
    "framework_record": "_records",
    "from_dict": "_documents",
    "iter_assessments": "_assessment_files",
    "json_schema": "_schema",
    "known_layouts": "_descriptor",
    "load": "_documents",
    "load_descriptor": "_descriptor",
    "loads": "_documents",
    "mapping_record": "_records",
    "principle_record": "_records",
    "projection_record": "_records",
    "read_assessments": "_descriptor",
    "read_assessments_csv": "_csv",
    "read_catalog": "_catalog",
    "read_column_map": "_column_map",
    "read_crosswalk": "_crosswalk",
    "read_crosswalk_csv": "_crosswalk",
    "read_gexf": "_crosswalk",
    "read_graphml": "_crosswalk",
    "read_node_link": "_crosswalk",
    "read_oscal": "_oscal",
    "read_package": "_package",
    "read_review_sheet": "_review_sheet",
    "read_sssom": "_crosswalk",
    "review_record": "_records",
    "score_record": "_records",
    "summary_record": "_records",
    "to_dict": "_documents",
    "unescape_cell": "_cells",
    "with_attributes": "_column_map",
    "write_assessments_csv": "_csv",
    "write_crosswalk_csv": "_crosswalk",
    "write_folder_atomic": "_folders",
    "write_gexf": "_crosswalk",
    "write_graphml": "_crosswalk",
    "write_node_link": "_crosswalk",
    "write_oscal": "_oscal",
    "write_package": "_package",
    "write_review_sheet": "_review_sheet",
    "write_sssom": "_sssom",
    "write_summary_csv": "_csv",
    "write_text_atomic": "_files",
}


__getattr__, __dir__ = lazy_names(__name__, _NAMES, __all__)
