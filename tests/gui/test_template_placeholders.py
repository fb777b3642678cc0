"""A new map from a template shows its prompts as grey placeholder hints in empty fields,
never as values: typing replaces nothing, and saving writes no hint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from mapper.fileformat import save_journey
from mapper.templates import find_template


def _field(inspector, label: str):
    for spec, editor in inspector._fields:
        if spec.label == label:
            return editor
    raise AssertionError(f"no field {label!r}")


def test_the_scenario_and_bio_prompts_are_placeholders(manager, qtbot, tmp_path):
    template = find_template("customer-journey")
    window = manager.new_from_template("customer-journey")
    qtbot.waitExposed(window)
    inspector = window.inspector
    inspector.show_target(None, None)
    scenario, goal = _field(inspector, "Scenario"), _field(inspector, "Goal")
    assert isinstance(scenario, QLineEdit) and isinstance(goal, QPlainTextEdit)
    assert scenario.text() == "" and scenario.placeholderText() == "Describe the scenario"
    assert goal.toPlainText() == ""
    assert goal.placeholderText() == template.hints["map.goal"]
    bio = window.personas.bio
    assert (
        bio.toPlainText() == "" and bio.placeholderText() == template.hints["persona.bio@persona-1"]
    )
    assert window.personas.quote.placeholderText()  # a generic hint where none is given

    # typing fills the field with the user's words only
    window.activateWindow()
    QApplication.processEvents()
    scenario.setFocus()
    QTest.keyClicks(scenario, "Maya renews")
    QTest.keyClick(scenario, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.journey.info.scenario.title == "Maya renews"
    path = tmp_path / "new.journey"
    save_journey(window.document.journey, path)
    saved = path.read_text("utf-8")
    assert "Maya renews" in saved
    assert not any(h in saved for h in template.hints.values())


def test_a_stage_shows_its_own_speaker_notes_hint(manager, qtbot):
    template = find_template("service-blueprint")
    window = manager.new_from_template("service-blueprint")
    qtbot.waitExposed(window)
    window.inspector.show_target(*_stage("stage-book"))
    notes = _field(window.inspector, "Speaker notes")
    assert notes.toPlainText() == ""
    assert notes.placeholderText() == template.hints["stage.notes@stage-book"]
    window.inspector.show_target(*_stage("stage-pay"))
    assert _field(window.inspector, "Speaker notes").placeholderText().startswith("Ask: does")


def test_an_opened_file_gets_only_the_generic_hints(manager, qtbot, tmp_path):
    from mapper.document import Document
    from mapper.ui.hints import GENERIC

    window = manager.show(Document(find_template("customer-journey").load()))
    qtbot.waitExposed(window)
    window.inspector.show_target(None, None)
    assert _field(window.inspector, "Scenario").placeholderText() == GENERIC["map.scenario"]


def _stage(stage_id: str):
    from mapper.model import Entity

    return Entity.STAGE, stage_id
