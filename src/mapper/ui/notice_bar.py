"""A non-modal notice above the canvas: says something once, stays until dismissed, and
may offer a few choices as buttons (each also hides the notice)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

Choice = tuple[str, Callable[[], object] | None]  # a button's text ('&' marks its key), action


class NoticeBar(QFrame):
    """A pale yellow strip with a message and a close button; hidden until :meth:`show_text`.
    The choices stand right of the text, or under it when the window is too narrow for the
    text on one line beside them (else it wrapped into a tall, thin column)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-bar")
        self.setStyleSheet(
            "#notice-bar { background: #fff4c2; border-bottom: 1px solid #e0c560; }"
            "#notice-bar QLabel, #notice-bar QToolButton { color: #3d3000; }"  # light or dark
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names in it are not markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Notice")
        self.buttons: list[QPushButton] = []  # the choices offered with the text
        self._close = close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss the notice")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        self._choices = QHBoxLayout()
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addWidget(self.label, 1)
        self._body.addLayout(self._choices)
        self._body.setAlignment(self._choices, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(self._body, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str, choices: Sequence[Choice] = ()) -> None:
        """Say ``text``, with a button for each choice (none: only the close button)."""
        self.label.setText(text)
        for button in self.buttons:
            self._choices.removeWidget(button)
            button.deleteLater()
        self.buttons = [self._button(label, action) for label, action in choices]
        for button in self.buttons:
            self._choices.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._close.raise_()  # last of the bar's children: Tab reaches it after the choices
        self._arrange()
        self.show()
        # a screen reader says it as it comes, as it would a message box's text
        self.label.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleEvent(self.label, QAccessible.Event.Alert))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The choices beside the text when it fits there on one line, else under it."""
        spacing = self._body.spacing()
        beside = self.label.fontMetrics().horizontalAdvance(self.label.text()) + 60  # margins
        beside += sum(button.sizeHint().width() + spacing for button in self.buttons)
        wide = not self.buttons or self.width() >= beside
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._body.direction() != direction:
            self._body.setDirection(direction)
            self._body.setStretchFactor(self.label, 1 if wide else 0)  # across, never down
            self.updateGeometry()  # the bar's height, worked out for the other way, is stale

    def _button(self, label: str, action: Callable[[], object] | None) -> QPushButton:
        button = QPushButton(label)
        button.setAutoDefault(False)  # Return in the map never presses it
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was

        def chosen() -> None:
            self.hide()
            if action is not None:
                action()

        button.clicked.connect(chosen)
        return button
