"""Strict JSON parsing: no duplicate keys, no NaN/Infinity, bounded size, depth, object
count and integer length.

Errors carry a line:column or a JSON path so the user can find the spot in the file.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from mapper.fileformat.problems import Problem, json_path

MAX_FILE_BYTES = 64 * 1024 * 1024
# A map of the largest size holds a few hundred thousand objects; a file of a million tiny
# ones ({}) would cost ~25 times its size in memory before any check could refuse it.
MAX_OBJECTS = 1_000_000
MAX_OBJECT_KEYS = 1_000  # no object of the format has more (tables are capped alike)
_BOM = b"\xef\xbb\xbf"
_NUMBER_PART = re.compile(r"[-+.0-9eE]+")  # what is left of a number json stopped reading


class JsonProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _DuplicateKeys(dict):
    """A parsed object that had repeated keys (json.loads would keep only the last)."""

    duplicates: list[str]


class _TooManyKeys(dict):
    """Stands for an object with more keys than any in the format (its content dropped)."""

    count: int


class _LongNumber(int):
    """Stands for an integer beyond Python's digit limit (``sys.get_int_max_str_digits``)."""

    digits: int


def _parse_long_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        marker = _LongNumber(0)
        marker.digits = len(text.lstrip("-"))
        return marker


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

    marked = False  # something to report by its path once parsing is done
    objects = 0

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        nonlocal marked, objects
        objects += 1
        if objects > MAX_OBJECTS:
            raise JsonProblem(
                Problem("$", f"more than {MAX_OBJECTS:,} objects: too many for a journey map")
            )
        if len(pairs) > MAX_OBJECT_KEYS:
            marked = True
            big = _TooManyKeys()
            big.count = len(pairs)
            return big
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        marked = True
        seen: set[str] = set()
        duplicates = [k for k, _ in pairs if k in seen or _remember(seen, k)]
        twice = _DuplicateKeys(obj)
        twice.duplicates = sorted(set(duplicates))
        return twice

    def reject_constant(name: str) -> Any:
        match = re.search(rf"(?<![\w\"]){re.escape(name)}(?![\w\"])", text)
        where = _line_col(text, match.start()) if match else "$"
        raise JsonProblem(Problem(where, f"{name} is not allowed; numbers must be finite"))

    def parse(**hooks: Any) -> Any:
        nonlocal objects
        objects = 0
        return json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=reject_constant, **hooks
        )

    try:
        try:
            data = parse()
        except json.JSONDecodeError:
            raise
        except ValueError:
            # An integer over Python's digit limit: parse again, marking such numbers, so
            # the problem can name where it is (the usual path stays free of a hook).
            data = parse(parse_int=_parse_long_int)
            marked = True
    except json.JSONDecodeError as exc:
        # json's message ends in "at" where it prints the place, given here as WHERE
        why = f"not valid JSON: {re.sub(r'( starting)? at$', '', exc.msg)}"
        if _cut_short(exc, text[exc.pos :].strip()):  # a copy or a sync that stopped
            why = "the file ends too early: it was cut short (not valid JSON)"
        raise JsonProblem(Problem(f"{exc.lineno}:{exc.colno}", why)) from None
    except RecursionError:
        raise JsonProblem(
            Problem("$", "the data is nested too deeply to be a journey map")
        ) from None
    except ValueError as exc:  # anything else json refuses: still a problem of the file
        raise JsonProblem(Problem("$", f"not valid JSON: {exc}")) from None
    if marked:
        problem = _first_marked(data)
        if problem is not None:
            raise JsonProblem(problem)
    return data


def _cut_short(exc: json.JSONDecodeError, rest: str) -> bool:
    """Whether the text ends where a value was still going on: after the last complete
    token, inside a string (an unterminated one runs to the end: a line break would have
    stopped it first), a number (``12.``, ``-``) or ``true``, ``false`` or ``null``."""
    if not rest or exc.msg.startswith("Unterminated string"):
        return True
    return _NUMBER_PART.fullmatch(rest) is not None or any(
        word.startswith(rest) for word in ("true", "false", "null")
    )


def _first_marked(data: Any) -> Problem | None:
    """The first duplicate key, oversized object or over-long number, by its JSON path.

    Depth first with one iterator per level, so a list of millions costs no extra memory."""
    found = _marker_problem(data, ())
    if found is not None or not isinstance(data, (dict, list)):
        return found
    stack: list[tuple[Iterator[tuple[Any, Any]], tuple]] = [(_children(data), ())]
    while stack:
        children, path = stack[-1]
        for key, node in children:
            where = (*path, key)
            found = _marker_problem(node, where)
            if found is not None:
                return found
            if isinstance(node, (dict, list)) and node:
                stack.append((_children(node), where))
                break
        else:
            stack.pop()
    return None


def _children(node: dict | list) -> Iterator[tuple[Any, Any]]:
    return iter(node.items()) if isinstance(node, dict) else enumerate(node)


def _marker_problem(node: Any, path: tuple) -> Problem | None:
    if isinstance(node, _LongNumber):
        limit = sys.get_int_max_str_digits()
        return Problem(
            json_path(path), f"number too long ({node.digits:,} digits; at most {limit:,})"
        )
    if isinstance(node, _TooManyKeys):
        return Problem(
            json_path(path),
            f"an object with {node.count:,} keys; no object in a journey map has more than "
            f"{MAX_OBJECT_KEYS:,}",
        )
    if isinstance(node, _DuplicateKeys):
        keys = ", ".join(repr(k) for k in node.duplicates)
        return Problem(json_path(path), f"duplicate key {keys}: each key may appear once")
    return None


def _remember(seen: set[str], key: str) -> bool:
    seen.add(key)
    return False
