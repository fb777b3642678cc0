"""A clicker that sends Down for "next": on a slide shown after a tall stage it steps on,
instead of moving the hidden stage on to its next part while the room sees nothing happen."""

from __future__ import annotations

from dataclasses import replace

from helpers import keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_room_fit import tall_map

from mapper.document import Document
from mapper.model import SequenceItem
from mapper.present.session import PresentationSession
from mapper.present.steps import StepKind


def test_down_on_a_slide_after_a_stage_in_parts_steps_on(manager, two_screens):
    journey = tall_map()
    sequence = (SequenceItem("stage:s1"), SequenceItem("slide:b", title="Break"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    window = manager.show(Document(journey))
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    audience, controller = session.audience, session.controller
    audience.showNormal()
    audience.resize(1920, 1080)
    QApplication.processEvents()
    steps = controller.navigator.steps
    controller.go_to(next(i for i, s in enumerate(steps) if s.stage_id == "s1"))
    audience.view.settle()
    assert audience.view.map_view.parts()[1] > 1  # the stage is shown in parts
    controller.go_to(next(i for i, s in enumerate(steps) if s.kind is StepKind.SLIDE))
    keys(audience, Qt.Key.Key_Down)
    assert controller.step.stage_id == "s2"  # on to the step after the slide
    keys(audience, Qt.Key.Key_Up)
    assert controller.step.kind is StepKind.SLIDE
    session.end()
    window.document.undo_stack.setClean()
