"""Upgrades from older `.journey` schema versions, one pure step per version.

``UPGRADES[n]`` turns a version-n dict into a version-(n+1) dict. Every change to the
schema bumps ``SCHEMA_VERSION`` and adds a step here, a fixture file of the old version
under ``tests/fileformat/versions/`` and a line in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mapper.fileformat.header import SCHEMA_VERSION

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added ``metrics.lifetime_value``; a version-1 file reads as it is."""
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added ``personas[].hidden``; a persona without ``color`` (all of them shared
    #3465a4) now takes a distinct palette colour by its place, so it reads as it is. The
    separate opportunity records became opportunity cards (see :mod:`.opportunity_upgrade`)."""
    from mapper.fileformat.opportunity_upgrade import records_to_cards  # old files only

    return records_to_cards(data)


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 added ``cards[].votes`` (dot votes per workshop day) and
    ``presentation.sequence`` (the facilitator's order of steps); a version-3 file reads as
    it is: no votes, the usual sequence."""
    return data


UPGRADES: dict[int, Upgrade] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


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
            f"this map was made by a newer Mapper (format {version}); this one reads up to "
            f"format {current}. Update Mapper to open it"
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
