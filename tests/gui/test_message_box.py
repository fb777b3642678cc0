"""Names and messages in message boxes are shown as written: a map called "<i>Draft</i>"
is asked about under that name, not as an italic "Draft" (Qt takes a box's text for markup
when its first line holds something like a tag)."""

from __future__ import annotations

from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget

from factories import sample_map
from mapper.document import Document
from mapper.present.resume import Stopped, ask_resume
from mapper.present.steps import Step, StepKind
from mapper.ui import file_actions
from mapper.ui.message_box import as_written

MARKUP_NAME = "<i>Draft</i> R&amp;D <br>.journey"


def shown(text: str) -> str:
    """What a QMessageBox given ``text`` (its format left to Qt's guess) shows."""
    if not Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def test_text_qt_would_take_for_markup_is_shown_as_written(qapp):
    for text in (MARKUP_NAME, "Save <b>this</b>?\n  indented <i>line</i>", "<p>x & y"):
        assert Qt.mightBeRichText(text)  # (the case this is about)
        assert shown(as_written(text)) == text
    for text in ("x < y & z", "Renew a phone contract.journey\nline two"):
        assert as_written(text) == text  # plain already: unchanged


def test_the_unsaved_changes_question_names_the_map_as_written(qapp, monkeypatch):
    document = Document(sample_map(), None, name=MARKUP_NAME)
    asked: list[str] = []

    def warning(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert not file_actions.ask_to_save(document, None)  # cancelled: the window stays
    assert shown(asked[0]) == f"Save the changes to {MARKUP_NAME} before closing?"


def test_boxes_built_by_the_editor_and_present_mode_show_plain_text(qapp, monkeypatch):
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)
    document = Document(sample_map(), None, name=MARKUP_NAME)
    assert not file_actions.ask_about_read_only(document, None)
    window = QWidget()
    step = Step(StepKind.STAGE, "<b>Checkout</b> &amp; pay", stage_id="s1", stage_index=0)
    assert ask_resume(window, Stopped(step, 0, 3, 10.0, 0.0)) is None
    read_only, resume = boxes
    for box, name in ((read_only, MARKUP_NAME), (resume, "<b>Checkout</b> &amp; pay")):
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert name in box.text()
