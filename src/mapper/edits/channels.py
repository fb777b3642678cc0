"""A map's own channels (beside the built-in ones): made, renamed and picked, each one
undoable step. A channel's key never changes once made: cards and files refer to it;
renaming changes only its label (and whether it is online)."""

from __future__ import annotations

import re
from dataclasses import replace

from mapper.edits.changes import Update
from mapper.edits.refusal import EditRefused
from mapper.edits.wording import quote
from mapper.model import BUILTIN_CHANNELS, CustomChannel, JourneyMap
from mapper.model.vocabulary import SHORT_TEXT_MAX


def _check_label(journey: JourneyMap, label: str, keep: str | None = None) -> str:
    """The label as it will be kept; refused when empty, too long or taken by another."""
    label = " ".join(label.split())
    if not label:
        raise EditRefused("A channel needs a name")
    if len(label) > SHORT_TEXT_MAX:
        raise EditRefused(f"A channel name can be at most {SHORT_TEXT_MAX:,} characters")
    taken = {info.label.casefold(): key for key, info in BUILTIN_CHANNELS.items()}
    taken |= {c.label.casefold(): c.key for c in journey.info.custom_channels}
    owner = taken.get(label.casefold())
    if owner is not None and owner != keep:
        raise EditRefused(f"There is already a channel called {quote(label)}")
    return label


def new_key(journey: JourneyMap, label: str) -> str:
    """A key for a new channel from its label ("Pop-up kiosk" -> "pop_up_kiosk"), never
    one a built-in or another channel of the map has."""
    base = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_")[:40] or "channel"
    key, number = base, 2
    while journey.channel_known(key):
        key, number = f"{base}_{number}", number + 1
    return key


def add_channel(journey: JourneyMap, label: str, online: bool) -> tuple[Update, str]:
    """A new channel of the map, and its key."""
    label = _check_label(journey, label)
    channel = CustomChannel(new_key(journey, label), label, online)
    channels = (*journey.info.custom_channels, channel)
    text = f"Add channel {quote(label)}"
    return Update(journey, None, None, {"custom_channels": channels}, text), channel.key


def edit_channel(journey: JourneyMap, key: str, label: str, online: bool) -> Update | None:
    """A new name (and online or offline) for one of the map's channels; its key stays.
    None when nothing changed; built-in channels are refused."""
    current = next((c for c in journey.info.custom_channels if c.key == key), None)
    if current is None:
        raise EditRefused("Only the map's own channels can be renamed")
    label = _check_label(journey, label, keep=key)
    if (label, online) == (current.label, current.online):
        return None
    changed = replace(current, label=label, online=online)
    channels = tuple(changed if c.key == key else c for c in journey.info.custom_channels)
    text = (f"Rename channel to {quote(label)}" if label != current.label
            else f"Make channel {quote(label)} {'online' if online else 'offline'}")  # fmt: skip
    return Update(journey, None, None, {"custom_channels": channels}, text)
