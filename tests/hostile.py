"""A map whose every text field carries terminal escapes, XML-breaking characters, RTL
text and emoji, and checks that output shown on a terminal cannot be driven by it."""

from __future__ import annotations

import dataclasses
import enum
import re

from factories import sample_map
from mapper.model import JourneyMap

# Retitle the terminal, clear it, a C1 CSI, a bidi override, NEL, NUL, a line break, a
# vertical tab, markup, an RTL word and an emoji outside the BMP.
EVIL = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x85\x00\r\n\x0b<b>&amp;</b> مرحبا 🚀"

# Fields holding ids, keys, colours, links or encoded data rather than words.
NOT_TEXT = {
    "id", "stage_id", "lane_id", "target", "color", "mime", "channel", "key", "url",
    "active_persona_id", "pain_point_ids", "hidden_lane_ids", "hidden_persona_ids",
}  # fmt: skip

# What may reach a terminal: no C0 control but the line break, no DEL, no C1, no bidi
# control, no line separator and no surrogate.
TERMINAL_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _hostile(entity):
    changes = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if f.name in NOT_TEXT or (f.name == "source" and hasattr(entity, "target")):
            continue
        if isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            changes[f.name] = f"{value} {EVIL}"
        elif f.type == "dict[str, str]":
            changes[f.name] = {**value, f"Key {EVIL}": EVIL}
        elif f.type == "tuple[str, ...]":
            changes[f.name] = (*value, EVIL)
        elif isinstance(value, tuple):
            changes[f.name] = tuple(_hostile(v) for v in value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = _hostile(value)
    return dataclasses.replace(entity, **changes)


def hostile_map() -> JourneyMap:
    """The factories' sample map with :data:`EVIL` added to every text field."""
    snapshot = sample_map().snapshot()
    return JourneyMap.from_snapshot(
        dataclasses.replace(
            snapshot,
            **{
                f.name: _hostile(value)
                if dataclasses.is_dataclass(value := getattr(snapshot, f.name))
                else tuple(_hostile(e) for e in value)
                for f in dataclasses.fields(snapshot)
            },
        )
    )


def assert_terminal_safe(text: str) -> None:
    found = TERMINAL_UNSAFE.findall(text)
    assert not found, f"raw control characters reach the terminal: {found!r}"
