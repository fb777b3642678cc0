"""Choose what to present: which lanes and personas the room sees, and for a workshop
each stage's timebox and the prompt the room discusses.

The choice belongs to the map (``MapInfo.presentation``, saved with it), so changing it is
an ordinary edit in the editor: one undoable command. Present mode itself only reads it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mapper.document import Document
from mapper.edits import intents
from mapper.model import JourneyMap, Presentation, SequenceItem
from mapper.model.vocabulary import TIMEBOX_MAX, TOP_PAIN_POINTS_MAX
from mapper.present.content import shown as shown_content
from mapper.present.list_slide import TOP
from mapper.present.sequence import Lineup, emptied_steps, is_usual, lineup
from mapper.present.sequence_editor import SequenceEditor
from mapper.present.steps import usual_steps
from mapper.screen_fit import fit_to_screen

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
        self.stages = self._stage_table(journey, choice)
        self.lanes.setAccessibleName("Lanes the room sees")
        self.personas.setAccessibleName("Personas the room sees")
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
        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)  # stage and lane names
        self.warning.setWordWrap(True)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # amber that reads on the dialog, light or dark (the brown was 2.3:1 on dark)
        self.warning.setStyleSheet(f"color: {'#f0b429' if dark else '#8a5a00'}")
        self.warning.setAccessibleName("What this choice leaves out")
        for widget in (self.lanes, self.personas):
            widget.itemChanged.connect(lambda _item: self._say_what_is_left_out())
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(intro)
        layout.addLayout(columns)
        stages = QLabel(
            "<b>Stages</b> — for a workshop: minutes for each stage (the console counts them "
            "down) and a prompt the room sees on the stage"
        )
        stages.setWordWrap(True)
        layout.addWidget(stages)
        layout.addWidget(self.stages, 1)
        self.agenda = QCheckBox("Start with an agenda: the stages and their minutes")
        self.agenda.setChecked(choice.agenda)
        self.interleave = QCheckBox("How each stage feels, right after it (not a second pass)")
        self.interleave.setChecked(choice.interleave)
        self.top = QSpinBox()
        self.top.setRange(0, TOP_PAIN_POINTS_MAX)
        self.top.setSpecialValueText(f"the {TOP} most important")
        self.top.setValue(choice.top_pain_points)
        self.top.setAccessibleName("Pain points shown")
        self.top.lineEdit().setAccessibleName("Pain points shown")
        top_row = QHBoxLayout()
        top_row.addWidget(QLabel("Pain points on the slide:"))
        top_row.addWidget(self.top)
        top_row.addStretch(1)
        for box in (self.agenda, self.interleave):
            layout.addWidget(box)
            box.toggled.connect(lambda _on: self._say_what_is_left_out())
        layout.addLayout(top_row)
        self.sequence = SequenceEditor(self._lineup)
        self.sequence.show_items(list(choice.sequence))
        self.sequence.changed.connect(self._check_something_is_shown)
        self.agenda.toggled.connect(lambda _on: self._rearrange())
        self.interleave.toggled.connect(lambda _on: self._rearrange(feelings_move=True))
        for widget in (self.lanes, self.personas):
            widget.itemChanged.connect(lambda _item: self._rearrange())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Choose what to present")
        self.tabs.addTab(content, "What the Room Sees")
        self.tabs.addTab(self.sequence, "Sequence")
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.warning)
        outer.addWidget(buttons)
        self._say_what_is_left_out()
        fit_to_screen(self, 760, 620)

    def _stage_table(self, journey: JourneyMap, choice: Presentation) -> QTableWidget:
        table = QTableWidget(len(journey.stages), 3)
        table.setHorizontalHeaderLabels(["Stage", "Minutes", "Prompt for the room"])
        table.setAccessibleName("Stages: minutes and prompts")
        table.verticalHeader().setVisible(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setStretchLastSection(True)
        for row, stage in enumerate(journey.stages):
            name = QTableWidgetItem(stage.name)
            name.setData(ID_ROLE, stage.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, name)
            minutes = QSpinBox()
            minutes.setRange(0, TIMEBOX_MAX)
            minutes.setSpecialValueText("none")
            minutes.setSuffix(" min")
            minutes.setValue(choice.timeboxes.get(stage.id, 0))
            minutes.setAccessibleName(f"Minutes for {stage.name}")
            minutes.lineEdit().setAccessibleName(f"Minutes for {stage.name}")
            table.setCellWidget(row, 1, minutes)
            table.setItem(row, 2, QTableWidgetItem(stage.prompt))
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 220))
        return table

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

    def _say_what_is_left_out(self) -> None:
        """Steps this choice would empty, said before the room finds out."""
        said = emptied_steps(self.journey, self.choice())
        self.warning.setText("\n".join(f"⚠ {line}" for line in said))
        self.warning.setVisible(bool(said))

    def _check_something_is_shown(self) -> None:
        """A presentation with no lane at all would show empty slides, one with every step
        skipped nothing at all: refuse both."""
        shown = any(
            self.lanes.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.lanes.count())
        )
        steps = any(not item.skip for item in self.sequence.items())
        self.ok_button.setEnabled((shown or not self.lanes.count()) and steps)
        why = "" if shown else "Keep at least one lane"
        self.ok_button.setToolTip(why or ("" if steps else "Keep at least one step"))

    def set_stage(self, stage_id: str, minutes: int | None = None, prompt: str | None = None):
        """Set a stage's timebox (0: none) or prompt, as typing in the table would."""
        for row, (row_id, _, _) in enumerate(self._stage_rows()):
            if row_id != stage_id:
                continue
            spin = self.stages.cellWidget(row, 1)
            if minutes is not None and isinstance(spin, QSpinBox):
                spin.setValue(minutes)
            if prompt is not None:
                self.stages.setItem(row, 2, QTableWidgetItem(prompt))

    def _stage_rows(self) -> list[tuple[str, int, str]]:
        rows = []
        for row in range(self.stages.rowCount()):
            spin = self.stages.cellWidget(row, 1)
            minutes = spin.value() if isinstance(spin, QSpinBox) else 0
            prompt = self.stages.item(row, 2)
            text = prompt.text().strip() if prompt is not None else ""
            name = self.stages.item(row, 0)
            rows.append((name.data(ID_ROLE) if name is not None else "", minutes, text))
        return rows

    def choice(self) -> Presentation:
        """What the dialog says; the sequence only when it is not the usual one."""
        shown = self._shown_choice()
        items = self.sequence.items()
        if is_usual(items, usual_steps(self.journey, shown_content(self.journey, shown), shown)):
            return shown
        return replace(shown, sequence=tuple(items))

    def _shown_choice(self) -> Presentation:
        timeboxes = {stage_id: m for stage_id, m, _ in self._stage_rows() if m}
        return Presentation(
            self._unchecked(self.lanes),
            self._unchecked(self.personas),
            timeboxes,
            self.agenda.isChecked(),
            self.interleave.isChecked(),
            self.top.value(),
        )

    def _lineup(self, items: list[SequenceItem]) -> Lineup:
        choice = self._shown_choice()
        content = shown_content(self.journey, choice)
        return lineup(self.journey, content, usual_steps(self.journey, content, choice),
                      tuple(items))  # fmt: skip

    def _rearrange(self, feelings_move: bool = False) -> None:
        """The agenda, the feelings' place or what is shown changed: the usual steps come
        and go; with ``feelings_move`` the "how it feels" steps take their new places."""
        items = self.sequence.items()
        if feelings_move:
            items = [i for i in items if not i.key.startswith("emotion:")]
        self.sequence.show_items(items)

    def prompts(self) -> dict[str, str]:
        return {stage_id: prompt for stage_id, _, prompt in self._stage_rows()}


def apply_choice(
    document: Document, choice: Presentation, prompts: dict[str, str] | None = None
) -> bool:
    """Save the choice (and the stages' prompts) in the map as one undo step; False when
    nothing changed."""
    change = intents.plan_presentation(document.journey, choice, prompts or {})
    return change is not None and document.try_push(change)


def run_setup_dialog(document: Document, parent: QWidget | None = None) -> bool:
    dialog = SetupDialog(document.journey, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_choice(document, dialog.choice(), dialog.prompts())
