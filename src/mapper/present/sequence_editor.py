"""The sequence of steps in Choose What to Present: each step ticked to show or unticked to
skip, dragged or moved up and down, and steps added: a slide of free text (a break, a
question for the room) and dot voting on the pain points or the opportunities."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mapper.model import SequenceItem, new_id
from mapper.model.vocabulary import SHORT_TEXT_MAX
from mapper.present.sequence import SLIDE_PREFIX, VOTE_OPPORTUNITIES, VOTE_PAIN_POINTS, Lineup
from mapper.present.steps import Step, StepKind

ITEM_ROLE = Qt.ItemDataRole.UserRole
NOTHING_TO_VOTE_ON = {  # why a voting step cannot be added
    VOTE_PAIN_POINTS: "No pain points to vote on: no card in the lanes shown is marked as a "
    "pain point or scored −2 or lower by a persona shown",
    VOTE_OPPORTUNITIES: "No opportunities to vote on: the lanes shown hold no opportunity cards",
}
KIND_WORDS = {
    StepKind.OVERVIEW: "Overview",
    StepKind.AGENDA: "Agenda",
    StepKind.STAGE: "Stage",
    StepKind.EMOTION: "How it feels",
    StepKind.PAIN_POINTS: "Pain points",
    StepKind.OPPORTUNITIES: "Opportunities",
    StepKind.VOTE: "Dot voting",
    StepKind.SLIDE: "Slide",
}


def step_words(step: Step) -> str:
    kind = KIND_WORDS[step.kind]
    if step.kind in (StepKind.STAGE, StepKind.SLIDE):
        return f"{kind}: {step.title}"
    if step.kind is StepKind.EMOTION:
        return step.title
    if step.kind is StepKind.VOTE:
        on = "pain points" if step.key == VOTE_PAIN_POINTS else "opportunities"
        return f"{kind} on the {on}"
    return kind if step.kind is not StepKind.OVERVIEW else f"{kind}: {step.title}"


class SequenceEditor(QWidget):
    changed = Signal()  # a step ticked, moved, added or removed

    def __init__(self, lineup: Callable[[list[SequenceItem]], Lineup]) -> None:
        """``lineup``: the steps for a list of items, as the show would run them."""
        super().__init__()
        self._lineup = lineup
        self.list = QListWidget()
        self.list.setAccessibleName("Steps of the presentation")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        specs = (
            ("up", "Move Up", lambda: self.move_step(-1)),
            ("down", "Move Down", lambda: self.move_step(+1)),
            ("slide", "Add Slide…", self.ask_slide),
            ("vote_pain", "Add Voting: Pain Points", lambda: self.add(VOTE_PAIN_POINTS)),
            ("vote_opp", "Add Voting: Opportunities", lambda: self.add(VOTE_OPPORTUNITIES)),
            ("remove", "Remove", self.remove),
        )
        for name, text, action in specs:
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, act=action: act())
            column.addWidget(button)
            self.buttons[name] = button
        column.addStretch(1)
        intro = QLabel(
            "Untick a step to skip it; drag or move steps to reorder them. Stages added to "
            "the map later take their usual place."
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.model().rowsMoved.connect(lambda *_args: self.changed.emit())  # a drag

    def show_items(self, items: list[SequenceItem]) -> None:
        """Fill the list with the lineup of ``items`` (usual steps fill in the gaps)."""
        current = self.list.currentRow()
        self.list.clear()
        for item, step in self._lineup(items):
            row = QListWidgetItem(step_words(step))
            row.setData(ITEM_ROLE, item)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            row.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            row.setCheckState(Qt.CheckState.Unchecked if item.skip else Qt.CheckState.Checked)
            self.list.addItem(row)
        self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))
        for name, key in (("vote_pain", VOTE_PAIN_POINTS), ("vote_opp", VOTE_OPPORTUNITIES)):
            there = any(i.key == key for i in self.items())
            offers = self._offers(items, key)
            button = self.buttons[name]
            button.setEnabled(not there and offers)
            button.setToolTip(
                "Already in the sequence" if there else "" if offers else NOTHING_TO_VOTE_ON[key]
            )
        self._enable()
        self.changed.emit()

    def _offers(self, items: list[SequenceItem], key: str) -> bool:
        """Voting on it is possible: the map has something to vote on."""
        return any(i.key == key for i, _ in self._lineup([*items, SequenceItem(key)]))

    def items(self) -> list[SequenceItem]:
        found = []
        for i in range(self.list.count()):
            row = self.list.item(i)
            item: SequenceItem = row.data(ITEM_ROLE)
            skip = row.checkState() != Qt.CheckState.Checked
            found.append(SequenceItem(item.key, skip, item.title, item.text))
        return found

    def set_skipped(self, key: str, skip: bool) -> None:
        for i in range(self.list.count()):
            row = self.list.item(i)
            if row.data(ITEM_ROLE).key == key:
                row.setCheckState(Qt.CheckState.Unchecked if skip else Qt.CheckState.Checked)

    def select(self, key: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ITEM_ROLE).key == key:
                self.list.setCurrentRow(i)

    def move_step(self, direction: int) -> None:
        row = self.list.currentRow()
        target = row + direction
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def add(self, key: str, title: str = "", text: str = "") -> None:
        """Add a step after the current one."""
        items = self.items()
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(items)
        items.insert(at, SequenceItem(key, title=title, text=text))
        self.show_items(items)
        self.select(key)

    def add_slide(self, title: str, text: str = "") -> None:
        title = " ".join(title.split())[:SHORT_TEXT_MAX]
        if title:
            self.add(SLIDE_PREFIX + new_id("slide"), title, text.strip())

    def ask_slide(self) -> None:
        title, ok = QInputDialog.getText(
            self, "Add Slide", "Title (e.g. Break: back at 14:30, or a question for the room):"
        )
        if not ok or not title.strip():
            return
        text, ok = QInputDialog.getMultiLineText(self, "Add Slide", "Text under the title:")
        self.add_slide(title, text if ok else "")

    def remove(self) -> None:
        """Remove an added step (the usual ones are skipped, not removed)."""
        row = self.list.currentRow()
        if row >= 0 and self._added(self.list.item(row).data(ITEM_ROLE)):
            self.list.takeItem(row)
            self._enable()
            self.changed.emit()

    @staticmethod
    def _added(item: SequenceItem) -> bool:
        return item.key.startswith((SLIDE_PREFIX, "vote:"))

    def _enable(self) -> None:
        row = self.list.currentRow()
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < self.list.count() - 1)
        self.buttons["remove"].setEnabled(
            row >= 0 and self._added(self.list.item(row).data(ITEM_ROLE))
        )
