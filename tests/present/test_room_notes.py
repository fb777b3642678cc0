"""Notes from the room: N opens a sticky the room sees being typed; Return adds it to the
map (a card in the Workshop notes lane of the stage on screen, tagged with the day, saying
when and by whom), one undo step each; nothing that existed is changed; they survive save,
reopen, undo and redo, and the editor finds them by workshop day."""

from __future__ import annotations

from helpers import keys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapper.edits.workshop import NOTES_LANE, workshop_tag
from mapper.fileformat import dumps_journey, load_journey
from mapper.model import CardKind
from mapper.present.notes import now
from mapper.present.session import PresentationSession

K = Qt.Key


def entities(journey) -> dict[str, object]:
    snap = journey.snapshot()
    found = {}
    for name in ("personas", "stages", "lanes", "cards", "flows"):
        found.update({f"{name}:{e.id}": e for e in getattr(snap, name)})
    return found


def test_notes_typed_on_the_console_land_in_the_map_and_change_nothing_else(window, two_screens):
    QSettings().setValue("present/presenter", "Ana")
    document, journey = window.document, window.document.journey
    before = entities(journey)
    info_before = journey.info
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    console = session.console
    keys(console, K.Key_2, K.Key_N)  # stage 2, then a note
    assert session.entry.isVisible() and session.entry.parentWidget() is console
    QTest.keyClicks(session.entry, "Fees should be shown up front")
    assert session.sticky.isVisible() and session.sticky.text == "Fees should be shown up front"
    QTest.keyClick(session.entry, K.Key_Return)
    assert session.sticky.kept and not session.entry.isVisible()
    # the room sees "Noted" with the note it gave, not an empty sticky
    assert session.sticky.text == "Fees should be shown up front"
    console.buttons["note"].click()  # the console's button does what N does
    QTest.keyClicks(session.entry, "Never mind")
    QTest.keyClick(session.entry, K.Key_Escape)  # dropped, and the show goes on
    assert session.running and not session.sticky.isVisible()
    keys(console, K.Key_3, K.Key_N)
    QTest.keyClicks(session.entry, "Support calls take too long")
    QTest.keyClick(session.entry, K.Key_Return)
    keys(console, K.Key_Escape)
    assert not session.running

    lane = next(lane for lane in journey.lanes if lane.name == NOTES_LANE)
    notes = [c for c in journey.cards() if c.lane_id == lane.id]
    assert [(c.stage_id, c.title) for c in notes] == [
        ("s2", "Fees should be shown up front"),
        ("s3", "Support calls take too long"),
    ]
    tag = workshop_tag(now())
    assert all(c.kind is CardKind.NOTE and c.tags == (tag,) for c in notes)
    assert notes[0].notes.startswith("Captured in the workshop on ") and notes[0].notes.endswith(
        " by Ana."
    )
    after = entities(journey)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing changed
    assert journey.info == info_before
    assert document.undo_stack.count() == 2  # one step a note (the lane came with the first)

    document.save()  # survives save and reopen
    reopened = load_journey(document.path)
    assert [c.title for c in reopened.cards() if c.lane_id == lane.id] == [c.title for c in notes]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert entities(journey) == before
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert dumps_journey(journey) == dumps_journey(reopened)

    window.actions_["find"].trigger()  # the editor finds them by workshop day
    bar = window.find_bar
    assert bar.workshops.isVisible() and bar.workshops.count() == 2
    assert bar.workshops.itemText(1).startswith("From the workshop on ")
    bar.workshops.activated.emit(1)
    QApplication.processEvents()
    assert set(bar.matches) == {c.id for c in notes}


def test_a_note_needs_a_stage_on_screen(window):
    from mapper.present import start_presentation

    session = start_presentation(window)
    keys(session.audience, K.Key_N)  # the overview: no stage to note it for
    assert not session.entry.isVisible()
    assert session.audience.toast.message == "Go to a stage to take a note"
    keys(session.audience, K.Key_Escape)
