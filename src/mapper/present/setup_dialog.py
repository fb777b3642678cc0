"""Choose what to present: which lanes and personas the room sees.

The choice belongs to the map (``MapInfo.presentation``, saved with it), so changing it is
an ordinary edit in the editor: one undoable command. Present mode itself only reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.document import Document
from mapper.edits import intents
from mapper.model import JourneyMap, Presentation

ID_ROLE = Qt.ItemDataRole.UserRole


class SetupDialog(QDialog):
    def __init__(self, journey: JourneyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose What to Present")
        self.journey = journey
        choice = journey.info.presentation
        self.lanes = self._list(
            [
                (
                    lane.id,
                    lane.name + ("  (hidden in the editor)" if lane.hidden else ""),
                    lane.id not in choice.hidden_lane_ids,
                    not lane.hidden,
                )
                for lane in journey.lanes
            ]
        )
        self.personas = self._list(
            [
                (
                    p.id,
                    p.name + ("  (hidden in the editor)" if p.hidden else ""),
                    p.id not in choice.hidden_persona_ids,
                    not p.hidden,
                )
                for p in journey.personas
            ]
        )
        intro = QLabel(
            "Leave out what the room does not need: fewer lanes give each stage bigger text. "
            "The choice is saved with the map."
        )
        intro.setWordWrap(True)
        columns = QHBoxLayout()
        for title, widget in (("Lanes", self.lanes), ("Personas", self.personas)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            column.addWidget(widget)
            columns.addLayout(column)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.lanes.itemChanged.connect(lambda _item: self._check_something_is_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def _list(rows: list[tuple[str, str, bool, bool]]) -> QListWidget:
        widget = QListWidget()
        for item_id, text, checked, enabled in rows:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, item_id)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if enabled:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        return widget

    @staticmethod
    def _unchecked(widget: QListWidget) -> tuple[str, ...]:
        items = (widget.item(i) for i in range(widget.count()))
        return tuple(i.data(ID_ROLE) for i in items if i.checkState() != Qt.CheckState.Checked)

    def set_shown(self, kind: str, item_id: str, shown: bool) -> None:
        """Tick or untick a lane ("lanes") or persona ("personas") by id."""
        widget: QListWidget = getattr(self, kind)
        for i in range(widget.count()):
            if widget.item(i).data(ID_ROLE) == item_id:
                state = Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
                widget.item(i).setCheckState(state)

    def _check_something_is_shown(self) -> None:
        """A presentation with no lane at all would show empty slides: refuse that."""
        shown = any(
            self.lanes.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.lanes.count())
        )
        self.ok_button.setEnabled(shown or not self.lanes.count())
        self.ok_button.setToolTip("" if shown else "Keep at least one lane")

    def choice(self) -> Presentation:
        return Presentation(self._unchecked(self.lanes), self._unchecked(self.personas))


def apply_choice(document: Document, choice: Presentation) -> bool:
    """Save the choice in the map as one undo step; False when nothing changed."""
    change = intents.choose_presentation(document.journey, choice)
    return change is not None and document.try_push(change)


def run_setup_dialog(document: Document, parent: QWidget | None = None) -> bool:
    dialog = SetupDialog(document.journey, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_choice(document, dialog.choice())
