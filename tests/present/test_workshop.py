"""Running a workshop: a timebox per stage counted down on the console (paused, restarted,
a signal when it runs out) and a prompt the room sees on the stage, both planned in
Choose What to Present (one undo step) or the stage inspector."""

from __future__ import annotations

from dataclasses import replace

from helpers import keys, presenting_at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from mapper.model import Entity
from mapper.present import choose_what_to_present
from mapper.present.session import PresentationSession
from mapper.present.setup_dialog import SetupDialog
from mapper.present.steps import StepKind
from mapper.present.workshop_clock import WorkshopClock

K = Qt.Key


def test_the_workshop_clock_counts_pauses_and_restarts():
    clock = WorkshopClock(started=100.0)
    clock.enter("s1", 100.0)
    assert clock.left("s1", 10, 160.0) == 540.0
    clock.pause(160.0)
    assert clock.left("s1", 10, 400.0) == 540.0 and clock.elapsed(400.0) == 60.0
    clock.resume(400.0)
    clock.enter("s2", 430.0)  # on to the next stage: s1 keeps what it spent
    assert clock.spent_on("s1", 999.0) == 90.0
    clock.enter("s1", 500.0)
    clock.reset(500.0)
    assert clock.left("s1", 10, 530.0) == 570.0
    assert clock.elapsed(530.0) == 530.0 - 100.0 - 240.0


def test_planning_timeboxes_and_prompts_is_one_undoable_edit(window, monkeypatch):
    document = window.document

    def plan(self) -> int:
        self.set_stage("s2", minutes=15, prompt="What would make you pay online?")
        self.set_stage("s3", minutes=5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupDialog, "exec", plan)
    before = document.undo_stack.count()
    assert choose_what_to_present(window)
    journey = document.journey
    assert journey.info.presentation.timeboxes == {"s2": 15, "s3": 5}
    assert journey.stages.get("s2").prompt == "What would make you pay online?"
    assert document.undo_stack.count() == before + 1
    document.undo_stack.undo()
    assert journey.info.presentation.timeboxes == {} and journey.stages.get("s2").prompt == ""
    dialog = SetupDialog(journey, window)  # the table shows what the map holds
    document.undo_stack.redo()
    dialog = SetupDialog(journey, window)
    assert dialog.choice().timeboxes == {"s2": 15, "s3": 5}
    assert dialog.prompts()["s2"] == "What would make you pay online?"


def test_the_console_counts_the_stage_down_and_signals_once(window, two_screens, monkeypatch):
    journey = window.document.journey
    journey.update_info(presentation=replace(journey.info.presentation, timeboxes={"s2": 10}))
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    screens, laptop = two_screens
    now = [1000.0]
    session = PresentationSession(window, screens, laptop, clock=lambda: now[0])
    session.start()
    console = session.console
    keys(console, K.Key_2)  # stage 2 has ten minutes
    assert console.timebox.text() == "10:00 left of 10 min"
    now[0] += 9 * 60 + 30
    console.tick()
    assert console.timebox.text() == "00:30 left of 10 min"
    assert console.timebox.property("state") == "last"
    now[0] += 45
    console.tick()
    console.tick()
    assert console.timebox.text() == "Time's up: 00:15 over 10 min"
    assert console.timebox.property("state") == "over" and beeps == [1]
    console.buttons["pause"].click()
    elapsed = console.elapsed.text()
    now[0] += 300
    console.tick()
    assert console.elapsed.text() == elapsed and "(paused)" in console.timebox.text()
    console.buttons["pause"].click()
    console.buttons["reset"].click()
    assert console.timebox.text() == "10:00 left of 10 min"
    keys(console, K.Key_3)  # no timebox: nothing to count
    assert console.timebox.text() == ""
    session.end()


def test_the_room_sees_the_stage_prompt_above_the_minimap_and_below_the_stage(window):
    journey = window.document.journey
    journey.update(Entity.STAGE, "s2", prompt="What would make you pay online?")
    from mapper.present.chrome import prompt_box

    session = presenting_at(window, 1920, 1080)
    audience = session.audience
    view = audience.view.map_view
    keys(audience, K.Key_2)
    assert session.controller.step.kind is StepKind.STAGE
    audience.view.settle()
    size = (float(view.viewport().width()), float(view.viewport().height()))
    box, lines = prompt_box("What would make you pay online?", size, view.text_scale,
                            view.corner[0])  # fmt: skip
    assert lines == ("What would make you pay online?",)
    lit = view.camera.shot.lit
    lit_bottom = view.mapFromScene(lit.x, lit.y + lit.height).y()
    assert lit_bottom <= box.top() + 1  # the stage stops above the prompt
    assert box.right() <= audience.minimap.geometry().left()  # and it clears the minimap
    image = audience.grab().toImage()
    inside = {image.pixel(x, int(box.center().y())) for x in range(int(box.left()) + 20,
                                                                   int(box.right()) - 20, 3)}  # fmt: skip
    assert len(inside) > 3  # words, not an empty box
    keys(audience, K.Key_3)  # a stage without a prompt: no box
    assert view.prompt(session.controller.step) == ""
    session.end()


def test_speaker_notes_are_edited_on_the_console(window, two_screens):
    from PySide6.QtTest import QTest

    document, journey = window.document, window.document.journey
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    console = session.console
    assert not console.edit_button.isEnabled()  # the overview: no stage's notes
    keys(console, K.Key_2)
    assert console.edit_button.isEnabled()
    console.edit_button.click()
    assert console.notes_editor.isVisible()
    QTest.keyClicks(console.notes_editor, "Ask who paid online")
    QTest.keyClick(console.notes_editor, K.Key_Escape)  # done: saved, and the show goes on
    assert session.running and not console.notes_editor.isVisible()
    assert journey.stages.get("s2").notes.endswith("Ask who paid online")
    assert console.notes.text().endswith("Ask who paid online")
    assert document.undo_stack.undoText() == "Edit speaker notes"
    console.edit_button.click()
    QTest.keyClicks(console.notes_editor, "!")
    keys(console, K.Key_3)  # moving on keeps what was typed
    assert journey.stages.get("s2").notes.endswith("Ask who paid online!")
    session.end()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert not journey.stages.get("s2").notes.endswith("online")


def test_an_agenda_step_lists_the_stages_with_their_minutes(window, monkeypatch):
    from mapper.present import start_presentation
    from mapper.present.agenda_slide import agenda_rows

    def plan(self) -> int:
        self.set_stage("s1", minutes=10)
        self.set_stage("s2", minutes=20)
        self.agenda.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupDialog, "exec", plan)
    assert choose_what_to_present(window)
    journey = window.document.journey
    assert journey.info.presentation.agenda
    assert agenda_rows(journey) == [
        ("1", "Awareness", "10 min"), ("2", "Purchase", "20 min"), ("3", "Retention", ""),
        ("", "Total", "30 min"),
    ]  # fmt: skip
    session = start_presentation(window)
    session.controller.options.transitions = False
    keys(session.audience, K.Key_Right)
    assert session.controller.step.kind is StepKind.AGENDA
    assert session.audience.view.stack.currentWidget() is session.audience.view.agenda
    image = session.audience.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 9)
                for y in range(0, image.height(), 9)}) > 3  # fmt: skip
    keys(session.audience, K.Key_Right)
    assert session.controller.step.kind is StepKind.STAGE
    keys(session.audience, K.Key_Escape)


def test_the_sequence_can_interleave_feelings_and_show_fewer_pain_points(coffee_window):
    from mapper.present import start_presentation
    from mapper.present.deck import Deck
    from mapper.present.sequence import build_steps

    journey = coffee_window.document.journey
    shown_before = replace(journey.info.presentation)
    journey.update_info(presentation=replace(shown_before, interleave=True, top_pain_points=5))
    kinds = [s.kind for s in build_steps(journey)]
    stages = len(journey.stages)
    assert kinds[1 : 1 + 2 * stages] == [StepKind.STAGE, StepKind.EMOTION] * stages
    for step in build_steps(journey):  # each feelings step right after its stage
        if step.kind is StepKind.EMOTION:
            steps = build_steps(journey)
            before = steps[steps.index(step) - 1]
            assert before.kind is StepKind.STAGE and before.stage_id == step.stage_id
    deck = Deck.of(journey)
    session = start_presentation(coffee_window)
    lists = session.audience.view.lists
    assert len(lists._tiles[StepKind.PAIN_POINTS]) == 5 < len(deck.pain_points)
    session.end()


def test_a_sensitive_card_is_never_shown_to_the_room(coffee_window):
    from mapper.present.deck import Deck

    journey = coffee_window.document.journey
    deck = Deck.of(journey)
    worst = deck.pain_points[0].card
    journey.update(Entity.CARD, worst.id, sensitive=True)
    deck = Deck.of(journey)
    layout = deck.layout()
    assert worst.id not in layout.cards
    assert all(p.card.id != worst.id for p in deck.pain_points)
    assert all(point.card_id != worst.id for c in layout.curves for point in c.points)
    assert len(layout.cards) == sum(1 for c in journey.cards() if not c.sensitive) - sum(
        1 for c in journey.cards() if not c.sensitive and c.lane_id not in deck.content.lane_ids
    )


def test_the_inspector_marks_a_card_sensitive(window):
    from PySide6.QtWidgets import QCheckBox

    window.scene.select_ids(["t2"])
    QApplication.processEvents()
    boxes = [
        b for b in window.inspector.findChildren(QCheckBox) if b.text() == "Hide when presenting"
    ]
    assert len(boxes) == 1
    assert "left out when the map is presented" in boxes[0].toolTip()
    assert boxes[0].sizeHint().width() <= 220  # whole in a narrow inspector, not cut off
    boxes[0].click()
    assert window.document.journey.card("t2").sensitive
