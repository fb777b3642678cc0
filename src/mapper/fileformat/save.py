"""Writing `.journey` files: model -> plain dict -> 2-space JSON -> atomic replace.

Safe to run off the UI thread on a :class:`Snapshot` (immutable entities). The check that
the text will open again validates the long lists in chunks, so a background save never
holds the interpreter lock for long at a time (pydantic keeps it for a whole call) and the
window stays responsive while a big map is saved.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.fileformat.atomic import sha256_of, write_atomic
from mapper.fileformat.convert import check_references, journey_to_plain
from mapper.fileformat.problems import Problem, json_path
from mapper.fileformat.trust import known_valid
from mapper.model import JourneyMap
from mapper.model.snapshot import Snapshot

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

CHUNK = 400  # items validated per call: a few milliseconds each on a laptop
_LISTS = ("personas", "stages", "lanes", "cards", "flows")


@cache
def _adapters() -> dict[str, TypeAdapter[Any]]:
    """The lists' validators, made at the first save (the schema is not loaded while the
    editor starts: see mapper.fileformat.trust)."""
    from pydantic import TypeAdapter

    from mapper.fileformat.schema import LISTS

    models = {name: LISTS[name][0] for name in _LISTS}
    return {name: TypeAdapter(list[model]) for name, model in models.items()}  # type: ignore[valid-type]


class UnsafeToWrite(ValueError):
    """The map would make a file that Mapper could not open again; nothing was written."""


def dumps_journey(journey: JourneyMap | Snapshot, check: bool = False) -> str:
    """Deterministic text: fields in schema order, 2-space indent, UTF-8 kept as is.

    ``check``: validate the text exactly as loading would, so a save can never write a
    file that will not open again (it raises :class:`UnsafeToWrite` instead)."""
    return encode_journey(journey, check).decode("utf-8")


def encode_journey(journey: JourneyMap | Snapshot, check: bool = False) -> bytes:
    """The UTF-8 bytes of :func:`dumps_journey`, built a slice at a time (one big string
    join or encode would hold the interpreter lock for tens of milliseconds)."""
    plain = journey_to_plain(journey)
    pieces = json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(plain)
    parts = []
    try:
        while batch := list(islice(pieces, 4096)):
            parts.append("".join(batch).encode("utf-8"))
    except UnicodeEncodeError as exc:  # a lone surrogate from a paste: not valid text
        reason = f"the map holds text that is not valid Unicode ({exc.reason})"
        raise UnsafeToWrite(reason) from None
    parts.append(b"\n")
    problems = _problems(plain) if check else []
    _release(*(plain[name] for name in _LISTS if name in plain))
    if problems:
        where = "; ".join(f"{p.where}: {p.message}" for p in problems[:3])
        raise UnsafeToWrite(f"the map has data the file format cannot hold ({where})")
    return b"".join(parts)


def save_journey(journey: JourneyMap | Snapshot, path: str | Path) -> str:
    """Check, then write atomically: a temp file beside the real file, fsync, replace.

    If anything fails the previous file is untouched. Its permissions are kept, and a
    symbolic link keeps pointing at the file it pointed at (that file is replaced). A
    read-only file is refused (:class:`~mapper.fileformat.atomic.ReadOnlyFile`).
    Returns the SHA-256 of the bytes written (to tell later whether someone changed them).
    """
    payload = encode_journey(journey, check=True)
    write_atomic(Path(path), payload)
    sha256 = sha256_of(payload)
    known_valid().add(sha256)  # checked as loading checks: opening it again need not
    return sha256


def _problems(plain: dict[str, Any]) -> list[Problem]:
    """What loading the JSON of ``plain`` would report: the same models, validated from
    JSON text as the file would be, the long lists a chunk at a time."""
    from pydantic import ValidationError

    from mapper.fileformat.schema import JourneyFile

    head = {key: ([] if key in _LISTS else value) for key, value in plain.items()}
    try:
        doc = JourneyFile.model_validate_json(_compact(head))
    except ValidationError as exc:
        return _from_error(exc, ())
    lists: dict[str, list[Any]] = {}
    for name, adapter in _adapters().items():
        items, validated = plain.get(name, []), []
        for start in range(0, len(items), CHUNK):
            try:
                validated += adapter.validate_json(_compact(items[start : start + CHUNK]))
            except ValidationError as exc:
                return _from_error(exc, (name,), start)
        lists[name] = validated
    problems = check_references(doc.model_copy(update=lists))
    _release(*lists.values())
    return problems


def _release(*lists: list) -> None:
    """Empty big lists a slice at a time: freeing tens of thousands of objects in one go
    is one long call that holds the interpreter lock."""
    for items in lists:
        while items:
            del items[-CHUNK:]


def _compact(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _from_error(exc: ValidationError, prefix: tuple, offset: int = 0) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False, include_input=False)[:3]:
        loc = list(error["loc"])
        if prefix and loc and isinstance(loc[0], int):
            loc[0] += offset
        message = error["msg"].removeprefix("Value error, ")
        problems.append(Problem(json_path((*prefix, *loc)), message))
    return problems
