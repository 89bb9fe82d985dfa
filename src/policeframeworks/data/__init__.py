"""The bundled data: framework files and the catalog index (read with importlib.resources)."""
