"""Tab and Shift+Tab through the window's parts in reading order: palette, canvas,
inspector, outline (and the personas panel when it shows: a panel behind another's tab is
skipped). Qt's own chain follows the order widgets were made in, so fields the inspector
builds for each selection would land at its end; the chain is worked out from the parts at
each press instead."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

# A frame on the lists when they have the focus (the canvas draws its own).
FOCUS_STYLE = "QAbstractItemView:focus { border: 2px solid %s; }"


def _takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
    )


def in_sight(part: QWidget) -> bool:
    """Shown and not behind another panel's tab (Qt counts a panel there as visible, so
    Tab went through its fields out of sight: typing there edited what nobody saw)."""
    return part.isVisible() and not part.visibleRegion().isEmpty()


def stops(parts: Sequence[QWidget]) -> list[QWidget]:
    """The widgets Tab stops at, part after part; within a part in the order it made them
    (a form's fields top to bottom), or the part itself when nothing inside takes the focus
    (a list, the canvas)."""
    chain: list[QWidget] = []
    for part in parts:
        if not in_sight(part):
            continue
        inside = [w for w in part.findChildren(QWidget) if _takes_tab(w)]
        chain += inside or ([part] if _takes_tab(part) else [])
    return chain


def first_stop(part: QWidget) -> QWidget | None:
    """Where the focus goes in a part brought into sight: its first field or list."""
    inside = [w for w in part.findChildren(QWidget) if _takes_tab(w)]
    return inside[0] if inside else (part if _takes_tab(part) else None)


def next_stop(parts: Sequence[QWidget], current: QWidget | None, forward: bool) -> QWidget | None:
    """Where Tab (or Shift+Tab) goes from ``current``; None when ``current`` is in none of
    the parts (a dialog, a toolbar) so Qt's own chain applies."""
    chain = stops(parts)
    if not chain or current is None:
        return None
    here: QWidget | None = current
    while here is not None and here not in chain:
        here = here.parentWidget()
    if here is None:
        return None
    step = 1 if forward else -1
    return chain[(chain.index(here) + step) % len(chain)]
