"""Edit a piece of text in place on the canvas: Enter or Tab commits, Esc cancels,
clicking elsewhere commits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem

from mapper.canvas.painting import qcolor, qfont, theme_of
from mapper.model import Entity
from mapper.model.vocabulary import SHORT_TEXT_MAX


class InlineEditor(QGraphicsTextItem):
    def __init__(
        self,
        rect: QRectF,
        text: str,
        size: float,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
        edits: tuple[Entity, str] | None = None,
        on_too_long: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_commit: Callable[[str], None] | None = on_commit
        self._on_cancel = on_cancel
        self._on_too_long = on_too_long
        self.edits = edits  # what the text is of (kind, id): kept in recovery copies
        self.original = text
        self.setFont(qfont(size))
        self.setPlainText(text)
        self._cutting = False
        self.document().contentsChanged.connect(self._keep_to_limit)
        self.setTextWidth(max(rect.width(), 60))
        self.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        self.setPos(rect.topLeft())
        self.setZValue(1000)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)

    def start(self) -> None:
        self.setDefaultTextColor(qcolor(theme_of(self).ink))  # in its scene by now
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter, option, widget=None) -> None:
        theme = theme_of(self)
        painter.fillRect(self.boundingRect(), qcolor(theme.label_fill))
        painter.setPen(qcolor(theme.selection))
        painter.drawRect(self.boundingRect().adjusted(0, 0, -1, -1))
        super().paint(painter, option, widget)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(commit=True)
        else:
            super().keyPressEvent(event)

    def sceneEvent(self, event) -> bool:
        """A title holds no tabs: Tab ends the edit (Qt hands Tab to the text directly)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
        ):  # fmt: skip
            self.finish(commit=True)
            return True
        return super().sceneEvent(event)

    def _keep_to_limit(self) -> None:
        """No more is taken than the map keeps (``SHORT_TEXT_MAX``), as a line edit's
        maximum length does: text typed or pasted past it is not taken, and said so at
        once. (Refused only when committed, the whole text went with the editor.)"""
        if self._cutting or len(self.toPlainText()) <= SHORT_TEXT_MAX:
            return
        self._cutting = True
        try:
            cursor = self.textCursor()
            position = min(cursor.position(), SHORT_TEXT_MAX)
            cursor.setPosition(SHORT_TEXT_MAX)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setPosition(position)
            self.setTextCursor(cursor)
        finally:
            self._cutting = False
        if self._on_too_long is not None:
            self._on_too_long(SHORT_TEXT_MAX)

    def typed_text(self) -> str | None:
        """What is typed and not yet committed (None: nothing new, or finished)."""
        if self._on_commit is None:
            return None
        text = self.toPlainText().strip()
        return None if text == self.original.strip() else text

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        callback, self._on_commit = self._on_commit, None
        if callback is None:
            return  # already finished
        text = self.toPlainText().strip()
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        if commit:
            callback(text)
        elif self._on_cancel is not None:
            self._on_cancel()
