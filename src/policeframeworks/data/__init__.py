"""The bundled data: framework, endorsement, crosswalk and assessment files, and the catalog index.

The TOML files are the source of truth. ``prebuilt.json`` is a pre-parsed copy generated from them for a fast
first load, read only while it matches them (see :mod:`policeframeworks._bundled`).
"""
