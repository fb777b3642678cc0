"""At start-up after a crash: offer the recovery copies; nothing is deleted until the user
decides."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from mapper.recovery import RecoveryEntry

RESTORE, DISCARD, LATER = 1, 2, 3
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_SLACK = 4  # pixels


def describe(entry: RecoveryEntry) -> str:
    name = entry.original.name if entry.original else f"{entry.title or 'Untitled'} (never saved)"
    when = dt.datetime.fromtimestamp(entry.changed_at).strftime("%Y-%m-%d %H:%M:%S")
    return f"{name}\n    last change {when}, {entry.saved_file_state()}"


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[RecoveryEntry], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.choice = LATER
        self.list = QListWidget()
        self.list.setAccessibleName("Maps with unsaved changes")
        self.list.setAccessibleDescription("Ticked maps are restored or discarded")
        for entry in entries:
            item = QListWidgetItem(describe(entry))
            item.setData(ENTRY_ROLE, entry)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self._leave_room_for_both_lines()
        text = QLabel(
            "Mapper was not closed properly last time. These maps had unsaved changes.\n"
            "Restore them (they open as unsaved documents), discard them, or decide later."
        )
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton("Decide later", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._finish(RESTORE))
        discard.clicked.connect(lambda: self._finish(DISCARD))
        later.clicked.connect(lambda: self._finish(LATER))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _leave_room_for_both_lines(self) -> None:
        """A few pixels more than Qt asks for each row: a name drawn partly in a taller
        fallback font (an emoji) left a row exactly its text's height, and Qt then elided
        it to its first line, hiding when the copy was last changed."""
        width = self.list.sizeHintForColumn(0)
        for row in range(self.list.count()):
            height = self.list.sizeHintForRow(row) + ROW_SLACK
            self.list.item(row).setSizeHint(QSize(width, height))

    def _finish(self, choice: int) -> None:
        self.choice = choice
        self.accept() if choice != LATER else self.reject()

    def chosen(self) -> list[RecoveryEntry]:
        return [
            self.list.item(i).data(ENTRY_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
