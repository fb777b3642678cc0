"""The notice above the canvas (a file changed on disk, recovery copies off) is said to a
screen reader as it comes, as a message box's text is."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from mapper.ui.notice_bar import NoticeBar


def test_a_notice_is_announced_as_an_alert_with_its_text(qtbot, monkeypatch):
    said = []

    def heard(event) -> None:
        said.append((event.type(), event.object()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", heard)
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show_text("map.journey was changed on disk by another program.", [("&Reload", None)])
    assert (QAccessible.Event.Alert, bar.label) in said
    assert bar.label.accessibleDescription() == (
        "map.journey was changed on disk by another program."
    )
