"""Reading and writing `.journey` files.

Load: bytes -> strict JSON -> upgrade chain -> pydantic validation -> reference checks ->
live model. Every failure becomes a :class:`JourneyFileError` listing each problem.
Save: model -> plain dict -> 2-space JSON -> atomic replace of the target file.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mapper.fileformat.convert import build_journey, check_references, journey_to_plain
from mapper.fileformat.jsonparse import MAX_FILE_BYTES, JsonProblem, parse_json_bytes
from mapper.fileformat.migrations import VersionProblem, upgrade
from mapper.fileformat.problems import JourneyFileError, Problem
from mapper.fileformat.reading import FileTooLarge, NotAFile, read_limited
from mapper.fileformat.schema import FORMAT_NAME, JourneyFile
from mapper.fileformat.validation import MAX_PROBLEMS, error_problem, validate_file
from mapper.model import JourneyMap
from mapper.model.journey import Snapshot


def loads_journey(raw: bytes, source: str | Path = "<data>") -> JourneyMap:
    """Parse and validate a file's bytes into a live map."""
    # A load allocates hundreds of thousands of objects that all stay alive; the cyclic
    # garbage collector would scan them again and again (about a quarter of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _loads(raw, source)
    finally:
        if was_enabled:
            gc.enable()


def read_current(raw: bytes, source: str | Path) -> dict[str, Any]:
    """Strict JSON, a journey-map header, upgraded to the current schema version."""
    try:
        data = parse_json_bytes(raw)
    except JsonProblem as exc:
        raise JourneyFileError(source, [exc.problem]) from None
    data = _check_header(data, source)
    try:
        return upgrade(data)
    except VersionProblem as exc:
        raise JourneyFileError(source, [Problem("schema_version", str(exc))]) from None


def _loads(raw: bytes, source: str | Path) -> JourneyMap:
    return build_journey(validate_file(read_current(raw, source), source))


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


class UnsafeToWrite(ValueError):
    """The map would make a file that Mapper could not open again; nothing was written."""


def dumps_journey(journey: JourneyMap | Snapshot, check: bool = False) -> str:
    """Deterministic text: fields in schema order, 2-space indent, UTF-8 kept as is.

    ``check``: validate the text exactly as loading would, so a save can never write a
    file that will not open again (it raises :class:`UnsafeToWrite` instead)."""
    text = json.dumps(journey_to_plain(journey), indent=2, ensure_ascii=False) + "\n"
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from a paste: not valid text
        reason = f"the map holds text that is not valid Unicode ({exc.reason})"
        raise UnsafeToWrite(reason) from None
    if check:
        try:  # parsing and validating in pydantic's core is faster than from the dict
            problems = check_references(JourneyFile.model_validate_json(raw))
        except ValidationError as exc:
            problems = _validation_problems(exc)
        if problems:
            where = "; ".join(f"{p.where}: {p.message}" for p in problems[:3])
            raise UnsafeToWrite(f"the map has data the file format cannot hold ({where})")
    return text


def save_journey(journey: JourneyMap | Snapshot, path: str | Path) -> None:
    """Check, then write atomically: a temp file beside the real file, fsync, replace.

    If anything fails the previous file is untouched. Its permissions are kept, and a
    symbolic link keeps pointing at the file it pointed at (that file is replaced).
    """
    write_atomic(Path(path), dumps_journey(journey, check=True).encode("utf-8"))


def write_atomic(path: Path, payload: bytes) -> None:
    path = Path(os.path.realpath(path))  # through symbolic links to the real file
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _check_header(data: Any, source: str | Path) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise JourneyFileError(
            source, [Problem("$", "not a journey map: the file must hold a JSON object")]
        )
    if data.get("format") != FORMAT_NAME:
        found = data.get("format")
        detail = f"its format is {found!r}" if found is not None else "it has no format field"
        raise JourneyFileError(
            source,
            [Problem("format", f"not a Mapper journey map ({detail}; expected {FORMAT_NAME!r})")],
        )
    return data


def _validation_problems(exc: ValidationError) -> list[Problem]:
    errors = exc.errors(include_url=False, include_input=False)
    return [error_problem(error) for error in errors[:MAX_PROBLEMS]]
