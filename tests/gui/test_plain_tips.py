"""Tooltips on the canvas show names as written: Qt took one that looked like markup for
markup (a persona "<b>Maya</b> & <i>Co</i>" showed as a bold "Maya" and an italic "Co")."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui.conftest import mouse_move
from gui.test_hidden_persona import emo as emo  # the fixture
from mapper.model import Entity


def test_a_persona_name_that_looks_like_markup_shows_as_written_in_a_tooltip(emo):
    name = "<b>Maya</b> & <i>Co</i>"
    emo.document.journey.update(Entity.PERSONA, "maya", name=name)
    QApplication.processEvents()
    point = next(
        p for p in emo.scene.emotion_points() if (p.card_id, p.persona_id) == ("t2", "maya")
    )
    emo.view.centerOn(point.pos())
    QApplication.processEvents()
    viewport = emo.view.viewport()
    at = emo.view.mapFromScene(point.pos())
    mouse_move(emo, at)  # the row names the point under the pointer
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    shown = QToolTip.text()
    QToolTip.hideText()
    assert "&lt;b&gt;Maya&lt;/b&gt; &amp; &lt;i&gt;Co&lt;/i&gt;" in shown  # markup as text
