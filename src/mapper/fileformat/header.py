"""What every `.journey` file starts with: its format's name and schema version.

Apart from the schema (:mod:`mapper.fileformat.schema`), so that reading a file Mapper
already knows to be valid never loads pydantic's model machinery (see
:mod:`mapper.fileformat.trust`).
"""

from __future__ import annotations

from typing import Final

FORMAT_NAME: Final = "mapper-journey"
# Raised with every change to the schema, even a new optional field, so an older Mapper says
# "made by a newer Mapper" instead of "unknown field". See docs/file-format.md.
SCHEMA_VERSION: Final = 4
