"""A window's first size, never more than its screen has room for: on a small screen, with
big text or a high scale factor (a 1280 x 720 laptop at 150 % leaves 853 x 480), a dialog
sized for a big monitor ran past the screen's edges, its buttons out of reach."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FRAME = 40  # what the window manager's title bar and borders take, in pixels


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less where its screen (its parent's,
    where it opens) is smaller; never below what its layout needs."""
    parent = window.parentWidget()
    screen = (parent if parent is not None else window).screen()
    room = screen.availableGeometry()
    least = window.minimumSizeHint()
    window.resize(
        max(min(width, room.width() - FRAME // 2), least.width()),
        max(min(height, room.height() - FRAME), least.height()),
    )
