"""What the palette offers; what a drop of each creates is ``edits.palette.palette_drop``."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.edits.intents import CARD_TITLES
from mapper.model import BUILTIN_CHANNELS, CardKind


@dataclass(frozen=True)
class PaletteEntry:
    """A palette entry: its label and what dropping it creates."""

    label: str
    payload: dict


def palette_entries() -> list[PaletteEntry]:
    entries = [
        PaletteEntry(f"{info.label} touchpoint", {"kind": "touchpoint", "channel": key})
        for key, info in BUILTIN_CHANNELS.items()
    ]
    entries += [
        PaletteEntry(CARD_TITLES[kind].replace("What they think", "Thought"), {"kind": kind.value})
        for kind in CardKind
        if kind is not CardKind.TOUCHPOINT
    ]
    entries += [PaletteEntry("Stage", {"kind": "stage"}), PaletteEntry("Lane", {"kind": "lane"})]
    return entries
