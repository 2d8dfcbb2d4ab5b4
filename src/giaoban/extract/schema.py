"""The JSON Schema of the record; ``validate`` needs the optional ``jsonschema`` package."""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def validate(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` does not follow the GUIDE format."""
    import jsonschema  # imported lazily: not needed to extract

    jsonschema.validate(record, load_schema())
