"""The recovery dialog after a crash: each copy shows its name and when it was last changed."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QColor

from mapper.recovery import RecoveryEntry
from mapper.ui.recovery_dialog import RecoveryDialog


def _ink_right_of(dialog: RecoveryDialog, row: int, x: int) -> bool:
    """Whether the row draws anything right of ``x`` (its second line is the longer)."""
    listing = dialog.list
    image = listing.viewport().grab().toImage()
    rect = listing.visualItemRect(listing.item(row))
    background = QColor(image.pixel(rect.right() - 2, rect.center().y()))
    return any(
        QColor(image.pixel(px, py)) != background
        for py in range(rect.top() + 1, rect.bottom())
        for px in range(x, rect.right() - 2)
    )


def test_a_name_with_an_emoji_keeps_its_second_line(qtbot, tmp_path):
    """An emoji in the name (drawn with a taller fallback font) left the row too low for
    both lines: Qt elided it to "🚀.journey…", hiding when the copy was last changed and how
    it compares with the saved file, which is what the choice is made on."""
    names = ["plain.journey", "🚀.journey"]
    entries = [
        RecoveryEntry(str(i), tmp_path / "copy", tmp_path / name, "t", time.time())
        for i, name in enumerate(names)
    ]
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.list.fontMetrics()
    for row, name in enumerate(names):
        beyond_name = dialog.list.visualItemRect(dialog.list.item(row)).left()
        beyond_name += metrics.horizontalAdvance(f"MM {name}…") + 30
        assert _ink_right_of(dialog, row, beyond_name), name


def test_the_description_names_the_file_and_the_last_change(tmp_path):
    entry = RecoveryEntry("k", tmp_path / "copy", Path("/nowhere/🚀 map.journey"), "t", 0.0)
    from mapper.ui.recovery_dialog import describe

    first, second = describe(entry).splitlines()
    assert first == "🚀 map.journey"
    assert "last change" in second and "the saved file is missing" in second
