"""Where a presentation starts: at the beginning, at the stage selected in the editor
(Shift+F5), or, when F5 comes soon after a show ended, where that show stopped, with its
clock, if the presenter says so."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mapper.model import Entity
from mapper.present.steps import Step

if TYPE_CHECKING:
    from mapper.canvas.editor_window import EditorWindow

RESUME_WITHIN = 5 * 60.0  # seconds after a show ended that F5 offers to resume it


@dataclass(frozen=True)
class Start:
    """A stage to start at, or a step to resume (found again by kind and stage), and the
    seconds already on the clock."""

    stage_id: str | None = None
    step: Step | None = None
    index: int = 0
    elapsed: float = 0.0


@dataclass(frozen=True)
class Stopped:
    step: Step
    index: int
    count: int
    elapsed: float
    at: float


_stopped: weakref.WeakKeyDictionary[QWidget, Stopped] = weakref.WeakKeyDictionary()


def remember_stop(window: QWidget, stopped: Stopped) -> None:
    _stopped[window] = stopped


def forget_stop(window: QWidget) -> None:
    _stopped.pop(window, None)


def ask_resume(window: QWidget, stopped: Stopped) -> bool | None:
    """True: resume; False: start over; None: do not present after all."""
    box = QMessageBox(window)
    box.setWindowTitle("Present")
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a stage's title as written, never markup
    box.setText(
        f"Resume the presentation at “{stopped.step.title}” "
        f"(step {stopped.index + 1} of {stopped.count})?"
    )
    box.setInformativeText("The clock carries on from where it stopped.")
    resume = box.addButton("&Resume", QMessageBox.ButtonRole.AcceptRole)
    over = box.addButton("&Start Over", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(resume)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is resume else False if clicked is over else None


def where_to_start(
    window: EditorWindow, from_selection: bool, clock: Callable[[], float] = time.monotonic
) -> Start | None:
    if from_selection:
        return Start(stage_id=selected_stage(window))
    stopped = _stopped.get(window)
    if stopped is None or clock() - stopped.at > RESUME_WITHIN or stopped.index == 0:
        return Start()
    answer = ask_resume(window, stopped)
    if answer is None:
        return None
    if not answer:
        forget_stop(window)
        return Start()
    return Start(step=stopped.step, index=stopped.index, elapsed=stopped.elapsed)


def selected_stage(window: EditorWindow) -> str | None:
    """The selected stage, the stage of the first selected card, or the stage in the
    middle of the editor's view."""
    scene = window.scene
    stages = scene.selected_ids(Entity.STAGE)
    if stages:
        return stages[0]
    journey = window.document.journey
    for card_id in scene.selected_ids(Entity.CARD):
        if journey.has_card(card_id):
            return journey.card(card_id).stage_id
    view = window.view
    centre = view.mapToScene(view.viewport().rect().center()).x()
    for box in scene.layout.stages:
        if box.column.x <= centre < box.column.right:
            return box.stage.id
    return None
