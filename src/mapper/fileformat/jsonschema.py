"""The JSON Schema of `.journey` files, generated from the pydantic models."""

from __future__ import annotations

import json

from mapper.fileformat.schema import JourneyFile


def schema_text() -> str:
    schema = JourneyFile.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
