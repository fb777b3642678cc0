"""Upgrades from older `.journey` schema versions, one pure step per version.

``UPGRADES[n]`` turns a version-n dict into a version-(n+1) dict. Add a step (and a test
with a real old file) whenever the schema changes incompatibly; bump ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mapper.fileformat.schema import SCHEMA_VERSION

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

UPGRADES: dict[int, Upgrade] = {}


class VersionProblem(ValueError):
    pass


def upgrade(data: dict[str, Any], current: int = SCHEMA_VERSION) -> dict[str, Any]:
    """Bring a raw file dict up to ``current``; refuses newer or unknown versions."""
    version = data.get("schema_version")
    if version is None:
        raise VersionProblem("schema_version is missing")
    if isinstance(version, bool) or not isinstance(version, int):
        raise VersionProblem(f"schema_version must be a whole number, not {version!r}")
    if version > current:
        raise VersionProblem(
            f"the file was written by a newer Mapper (schema version {version}); this Mapper "
            f"reads up to version {current}. Update Mapper to open it"
        )
    if version < 1:
        raise VersionProblem(f"schema version {version} does not exist")
    while version < current:
        step = UPGRADES.get(version)
        if step is None:
            raise VersionProblem(f"no upgrade from schema version {version}")
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
