"""Reading and writing `.journey` files.

Load: bytes -> strict JSON -> upgrade chain -> pydantic validation -> reference checks ->
live model. Every failure becomes a :class:`JourneyFileError` listing each problem.
Save (in :mod:`mapper.fileformat.save`, re-exported here): model -> plain dict -> 2-space
JSON -> atomic replace of the target file (:mod:`mapper.fileformat.atomic`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mapper.fileformat.atomic import (
    sha256_of,
    write_atomic,  # noqa: F401 (re-exported)
)
from mapper.fileformat.build import journey_from_plain
from mapper.fileformat.header import FORMAT_NAME
from mapper.fileformat.jsonparse import MAX_FILE_BYTES, JsonProblem, parse_json_bytes
from mapper.fileformat.migrations import VersionProblem, upgrade
from mapper.fileformat.problems import JourneyFileError, Problem
from mapper.fileformat.reading import FileTooLarge, NotAFile, read_limited
from mapper.fileformat.save import UnsafeToWrite, dumps_journey, save_journey  # noqa: F401
from mapper.fileformat.trust import known_valid
from mapper.gcpause import paused_gc
from mapper.model import JourneyMap

logger = logging.getLogger(__name__)


def loads_journey(
    raw: bytes, source: str | Path = "<data>", sha256: str | None = None
) -> JourneyMap:
    """Parse and validate a file's bytes into a live map (``sha256``: their digest, if the
    caller has it already)."""
    # A load allocates hundreds of thousands of objects that all stay alive; the cyclic
    # garbage collector would scan them again and again (about a quarter of the time).
    with paused_gc():
        return _loads(raw, source, sha256 or sha256_of(raw))


def read_current(raw: bytes, source: str | Path) -> dict[str, Any]:
    """Strict JSON, a journey-map header, upgraded to the current schema version; else
    :class:`JourneyFileError` saying the file cannot be repaired either."""
    try:
        data = parse_json_bytes(raw)
    except JsonProblem as exc:
        raise JourneyFileError(source, [exc.problem], repairable=False) from None
    data = _check_header(data, source)
    try:
        return upgrade(data)
    except VersionProblem as exc:
        problem = Problem("schema_version", str(exc))
        raise JourneyFileError(source, [problem], repairable=False) from None


def _loads(raw: bytes, source: str | Path, sha256: str) -> JourneyMap:
    known = known_valid()
    if sha256 in known:  # validated or written by this Mapper before: nothing to find
        try:  # its JSON passed the strict reading too: the standard one reads it the same
            return journey_from_plain(upgrade(json.loads(raw)))
        except Exception:  # never expected: the checks say what is wrong, as for any file
            logger.exception("a map known to be valid did not build; validating it")
    data = read_current(raw, source)
    from mapper.fileformat.validation import validate_file  # the schema: loaded when needed

    validate_file(data, source)
    journey = journey_from_plain(data)
    known.add(sha256)
    return journey


def load_journey(path: str | Path) -> JourneyMap:
    """Open a `.journey` file; raises :class:`JourneyFileError` with readable problems."""
    return loads_journey(read_map_bytes(path), path)


def read_map_bytes(path: str | Path) -> bytes:
    """A map file's bytes, or :class:`JourneyFileError` for anything that is not a readable
    regular file of at most ``MAX_FILE_BYTES`` (a pipe or a device is never read)."""
    path = Path(path)
    mb = MAX_FILE_BYTES // (1024 * 1024)
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except FileTooLarge as exc:
        size = f"{exc.size / 1e6:.1f} MB" if exc.size is not None else f"more than {mb} MB"
        message = f"the file is {size}; Mapper opens maps of up to {mb} MB"
    except NotAFile as exc:
        message = str(exc)
    except IsADirectoryError:
        message = "this is a folder, not a file"
    except FileNotFoundError:
        message = "no such file"
    except PermissionError:
        message = "permission denied"
    except OSError as exc:
        message = exc.strerror or str(exc)
    raise JourneyFileError(path, [Problem("$", message)])


def _check_header(data: Any, source: str | Path) -> dict[str, Any]:
    if not isinstance(data, dict):
        problem = Problem("$", "not a journey map: the file must hold a JSON object")
        raise JourneyFileError(source, [problem], repairable=False)
    if data.get("format") != FORMAT_NAME:
        found = data.get("format")
        detail = f"its format is {found!r}" if found is not None else "it has no format field"
        problem = Problem(
            "format", f"not a Mapper journey map ({detail}; expected {FORMAT_NAME!r})"
        )
        raise JourneyFileError(source, [problem], repairable=False)
    return data
