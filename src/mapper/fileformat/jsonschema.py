"""The JSON Schema of `.journey` files, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from mapper.fileformat.schema import JourneyFile, empty_dict, empty_list


class _EmptyDefaults(GenerateJsonSchema):
    """Shows the empty list or mapping a factory makes as the field's default, as a
    literal ``[]`` or ``{}`` default would show (see the note in ``schema``)."""

    def get_default_value(self, schema: Any) -> Any:
        factory = schema.get("default_factory")
        if factory in (empty_list, empty_dict) and not schema.get("default_factory_takes_data"):
            return factory()
        return super().get_default_value(schema)


def schema_text() -> str:
    schema = JourneyFile.model_json_schema(schema_generator=_EmptyDefaults)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
