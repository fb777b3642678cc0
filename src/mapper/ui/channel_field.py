"""The inspector's channel picker: none, the built-in channels, the map's own (with
online or offline), then "New channel…" and, when the card has one of the map's own,
"Rename …". Making and renaming a channel are undoable steps of their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from mapper.document import Document
from mapper.edits import EditRefused
from mapper.edits.channels import add_channel, edit_channel
from mapper.model import BUILTIN_CHANNELS

NEW, RENAME = "\0new", "\0rename"  # the combo's two lines that are not channels


class ChannelDialog(QDialog):
    """A channel's name and whether it is online; a refused name is said in the dialog,
    which stays open."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        online: bool,
        submit: Callable[[str, bool], str | None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.name = QLineEdit(label)
        self.name.setPlaceholderText("e.g. Pop-up kiosk")
        self.name.setMinimumWidth(260)
        self.online, self.offline = QRadioButton("Online"), QRadioButton("Offline")
        (self.online if online else self.offline).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.online)
        group.addButton(self.offline)
        where = QHBoxLayout()
        where.addWidget(self.online)
        where.addWidget(self.offline)
        where.addStretch()
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # says the name typed
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # red that reads on the dialog, light or dark (the dark red was 2:1 on dark)
        self.problem.setStyleSheet(f"color: {'#ff8a80' if dark else '#b42318'}")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Channel is", where)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.name.selectAll()

    def accept(self) -> None:
        problem = self._submit(self.name.text(), self.online.isChecked())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()


class ChannelField(QComboBox):
    edited = Signal(object)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.dialog: ChannelDialog | None = None  # the one open, if any
        self._value: str | None = None
        self.activated.connect(self._chosen)
        self._fill()

    def _fill(self) -> None:
        blocker = QSignalBlocker(self)
        try:
            self.clear()
            self.addItem("(none)", None)
            for key, info in BUILTIN_CHANNELS.items():
                self.addItem(f"{info.label} ({'online' if info.online else 'offline'})", key)
            custom = self.document.journey.info.custom_channels
            if custom:
                self.insertSeparator(self.count())
            for channel in custom:
                where = "online" if channel.online else "offline"
                self.addItem(f"{channel.label} ({where})", channel.key)
            self.insertSeparator(self.count())
            self.addItem("New channel…", NEW)
            mine = next((c for c in custom if c.key == self._value), None)
            if mine is not None:
                self.addItem(f"Rename {mine.label}…", RENAME)
            self.setCurrentIndex(max(self.findData(self._value), 0))
        finally:
            blocker.unblock()

    def set_value(self, value: Any) -> None:
        self._value = value
        self._fill()  # the map's channels may have changed too

    def _chosen(self, index: int) -> None:
        data = self.itemData(index)
        if data == NEW:
            self._open("New channel", "", True, self._make)
        elif data == RENAME:
            mine = next(c for c in self.document.journey.info.custom_channels
                        if c.key == self._value)  # fmt: skip
            self._open(f"Rename {mine.label}", mine.label, mine.online, self._rename)
        else:
            self.edited.emit(data)
            return
        self.setCurrentIndex(max(self.findData(self._value), 0))  # until the dialog says

    def _open(self, title: str, label: str, online: bool, submit) -> None:
        self.dialog = ChannelDialog(self.window(), title, label, online, submit)
        self.dialog.setModal(True)
        self.dialog.open()

    def _make(self, label: str, online: bool) -> str | None:
        """A new channel, then the card takes it: two steps, so undo keeps the channel."""
        try:
            change, key = add_channel(self.document.journey, label, online)
        except EditRefused as exc:
            return str(exc)
        if self.document.try_push(change):
            self.edited.emit(key)
        return None

    def _rename(self, label: str, online: bool) -> str | None:
        assert self._value is not None
        try:
            change = edit_channel(self.document.journey, self._value, label, online)
        except EditRefused as exc:
            return str(exc)
        if change is not None:
            self.document.try_push(change)
        return None
