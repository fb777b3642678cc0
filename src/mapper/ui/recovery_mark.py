"""Saying that recovery copies are off: a lasting mark in the status bar (its tooltip says
why) and, when asked, a banner above the map. Taken away when copies are written again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

if TYPE_CHECKING:
    from mapper.ui.notice_bar import NoticeBar


class RecoveryMark(QObject):
    """A window's word on its recovery copies (a QObject: a copy failing on the writer
    thread is told on the window's thread, and never after the window is gone)."""

    def __init__(self, window: QMainWindow, notice: Callable[[], NoticeBar]) -> None:
        super().__init__(window)
        self.window, self.notice = window, notice  # the banner, made when first needed
        self.label: QLabel | None = None
        self.banner = ""  # the reason shown in the banner, if it is

    def show_off(self, reason: str, banner: bool) -> None:
        if self.label is None:
            self.label = QLabel("Recovery copies off")
            self.label.setContentsMargins(8, 0, 8, 0)
            self.window.statusBar().addPermanentWidget(self.label)
        self.label.setToolTip(reason)
        if banner:
            self.banner = reason
            self.notice().show_text(reason)

    @Slot(str)
    def failing(self, reason: str) -> None:
        """Copies stopped being written (the disk is full): say so, and why."""
        self.show_off(reason, banner=True)

    @Slot()
    def working(self) -> None:
        """A copy was written again: the mark goes, and the banner if it said why."""
        if self.label is not None:
            self.window.statusBar().removeWidget(self.label)
            self.label.deleteLater()
            self.label = None
        if self.banner and self.notice().label.text() == self.banner:
            self.notice().hide()
        self.banner = ""
