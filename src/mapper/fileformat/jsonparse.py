"""Strict JSON parsing: no duplicate keys, no NaN/Infinity, bounded size and depth.

Errors carry a line:column or a JSON path so the user can find the spot in the file.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mapper.fileformat.problems import Problem, json_path

MAX_FILE_BYTES = 64 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class JsonProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _DuplicateKeys(dict):
    """A parsed object that had repeated keys (json.loads would keep only the last)."""

    duplicates: list[str]


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def parse_json_bytes(raw: bytes) -> Any:
    """Parse a whole file's bytes; raises :class:`JsonProblem` with a clear message."""
    if len(raw) > MAX_FILE_BYTES:
        raise JsonProblem(
            Problem(
                "$",
                f"the file is {len(raw) / 1e6:.1f} MB; Mapper opens maps of up to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        )
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        where = _line_col(before, len(before))
        raise JsonProblem(
            Problem(where, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})")
        ) from None
    if not text.strip():
        raise JsonProblem(Problem("$", "the file is empty"))

    found_duplicates = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        nonlocal found_duplicates
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        found_duplicates = True
        seen: set[str] = set()
        marked = _DuplicateKeys(obj)
        marked.duplicates = sorted({k for k, _ in pairs if k in seen or seen.add(k)})
        return marked

    def reject_constant(name: str) -> Any:
        match = re.search(rf"(?<![\w\"]){re.escape(name)}(?![\w\"])", text)
        where = _line_col(text, match.start()) if match else "$"
        raise JsonProblem(Problem(where, f"{name} is not allowed; numbers must be finite"))

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            Problem(f"{exc.lineno}:{exc.colno}", f"not valid JSON: {exc.msg}")
        ) from None
    except RecursionError:
        raise JsonProblem(
            Problem("$", "the data is nested too deeply to be a journey map")
        ) from None
    if found_duplicates:
        raise JsonProblem(_first_duplicate(data))
    return data


def _first_duplicate(data: Any) -> Problem:
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _DuplicateKeys):
            keys = ", ".join(repr(k) for k in node.duplicates)
            return Problem(json_path(path), f"duplicate key {keys}: each key may appear once")
        if isinstance(node, dict):
            stack.extend((v, (*path, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(node))))
    return Problem("$", "duplicate keys in an object")
