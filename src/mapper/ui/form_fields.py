"""Small editors that read and write one model field each, for the inspector."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QWidget,
)

from mapper.layout.theme import CARD_BORDER, text_on

LABEL_WIDTH = 110  # at most, in pixels: a longer label is elided (the full text in its tooltip)


class FieldLabel(QLabel):
    """A form label that never widens the form: past ``LABEL_WIDTH`` it is elided, and
    its tooltip (and the field's accessible name) carry the whole text."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.full_text = text

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), LABEL_WIDTH), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(super().minimumSizeHint().width(), 40), super().minimumSizeHint().height())

    def shown_text(self) -> str:
        metrics = self.fontMetrics()
        return metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.full_text if self.shown_text() != self.full_text else "")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(self.alignment()), self.shown_text())


def name_field(editor: QWidget, name: str, description: str = "") -> None:
    """What a screen reader says for ``editor`` ("Title", not "QLineEdit"); a field that
    already has a name keeps it. The parts Qt builds inside a field (a spin box's line edit,
    a combo box's list of choices) are named after it."""
    if not editor.accessibleName():
        editor.setAccessibleName(name)
    if description and not editor.accessibleDescription():
        editor.setAccessibleDescription(description)
    name = editor.accessibleName()
    inner: QWidget | None = None
    if isinstance(editor, QAbstractSpinBox):
        inner = editor.lineEdit()
    elif isinstance(editor, QComboBox):
        inner = editor.view()
        name = f"{name}: choices"
    if inner is not None and not inner.accessibleName():
        inner.setAccessibleName(name)


def add_row(form: QFormLayout, label: str, editor: QWidget, description: str = "") -> None:
    """A form row whose label also names the field for screen readers; a check box without
    a row label is named by its own text."""
    name = label or (editor.text() if isinstance(editor, QAbstractButton) else "")
    name_field(editor, name.replace("&", ""), description)
    if label:
        caption = FieldLabel(label)
        caption.setBuddy(editor)
        form.addRow(caption, editor)
    else:
        form.addRow("", editor)


class FieldEditor(QWidget):
    """Base: ``set_value`` shows a model value (no signal); ``edited`` fires on user edits."""

    edited = Signal(object)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


def _blocked(widget: QWidget, setter: Callable[[], None]) -> None:
    blocker = QSignalBlocker(widget)
    try:
        setter()
    finally:
        blocker.unblock()


class LineField(QLineEdit):
    edited = Signal(object)

    def __init__(self, parse: Callable[[str], Any] = str, show: Callable[[Any], str] = str):
        super().__init__()
        self._parse, self._show = parse, show
        self.problem = ""  # why the text typed last was refused
        self.textEdited.connect(self._emit)

    def _emit(self, text: str) -> None:
        try:
            value = self._parse(text)
        except ValueError as exc:  # refused: say why, next to the field, and keep the model
            self.setStyleSheet("background: #fdeaea; color: #1f2933")  # light or dark
            self.problem = str(exc)
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.problem, self)
            return
        self._clear_problem()
        self.edited.emit(value)

    def _clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            QToolTip.hideText()
        self.setStyleSheet("")

    def set_value(self, value: Any) -> None:
        if self.hasFocus() and self._safe_parse() == value:
            return  # keep the cursor where the user is typing
        _blocked(self, lambda: self.setText(self._show(value)))
        if not self.hasFocus():
            self.setCursorPosition(0)  # show the start of a long text, not its end
        self._clear_problem()

    def _safe_parse(self) -> Any:
        try:
            return self._parse(self.text())
        except ValueError:
            return object()


class TextField(QPlainTextEdit):
    edited = Signal(object)

    def __init__(self, lines: int = 3):
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(8 + lines * self.fontMetrics().lineSpacing() + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(lambda: self.edited.emit(self.toPlainText()))

    def set_value(self, value: Any) -> None:
        if value != self.toPlainText():
            _blocked(self, lambda: self.setPlainText(value))


class ChoiceField(QComboBox):
    """A choice among values. It hands back the very values it was given: Qt keeps item
    data as plain types, so a ``StrEnum`` member would come back as a bare ``str``."""

    edited = Signal(object)

    def __init__(self, choices: list[tuple[str, Any]]):
        super().__init__()
        self._values = [value for _, value in choices]
        for label, _ in choices:
            self.addItem(label)
        self.activated.connect(lambda index: self.edited.emit(self._values[index]))

    def set_value(self, value: Any) -> None:
        index = self._values.index(value) if value in self._values else 0
        _blocked(self, lambda: self.setCurrentIndex(index))


class CheckField(QCheckBox):
    edited = Signal(object)

    def __init__(self, label: str = ""):
        super().__init__(label)
        self.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def set_value(self, value: Any) -> None:
        _blocked(self, lambda: self.setChecked(bool(value)))


class ScoreField(QSpinBox):
    """An emotion score; the lowest step means "not scored"."""

    edited = Signal(object)
    UNSET = -4

    def __init__(self):
        super().__init__()
        self.setRange(self.UNSET, 3)
        self.setSpecialValueText("not scored")
        self.valueChanged.connect(lambda v: self.edited.emit(None if v == self.UNSET else int(v)))

    def event(self, event: QEvent) -> bool:
        """Alt+Up / Alt+Down step this field's persona, as Up and Down do: the window's
        shortcuts for them step the active persona's score of the selected cards, which
        is another persona's when this field is not the active one's."""
        if event.type() == QEvent.Type.ShortcutOverride and _score_step(event) is not None:
            event.accept()  # the keys come to this field, not to the shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _score_step(event)
        if step is None:
            super().keyPressEvent(event)
        else:
            self.stepBy(step)

    def textFromValue(self, value: int) -> str:
        return f"{value:+d}" if value else "0"

    def valueFromText(self, text: str) -> int:
        return int(text.replace("+", "").strip() or 0)

    def set_value(self, value: Any) -> None:
        _blocked(self, lambda: self.setValue(self.UNSET if value is None else int(value)))


def _score_step(event: QEvent) -> int | None:
    """+1 for Alt+Up, -1 for Alt+Down (the score shortcuts), else None."""
    if not isinstance(event, QKeyEvent) or event.modifiers() != Qt.KeyboardModifier.AltModifier:
        return None
    return {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))


class NumberField(QDoubleSpinBox):
    edited = Signal(object)

    def __init__(self, low: float, high: float, step: float = 10):
        super().__init__()
        self.setRange(low, high)
        self.setSingleStep(step)
        self.setDecimals(0)
        self.valueChanged.connect(lambda v: self.edited.emit(float(v)))

    def set_value(self, value: Any) -> None:
        _blocked(self, lambda: self.setValue(float(value)))


class ColorField(QPushButton):
    edited = Signal(object)

    def __init__(self):
        super().__init__()
        self._value = "#ffffff"
        self.clicked.connect(self._choose)

    def _choose(self) -> None:
        color = QColorDialog.getColor(QColor(self._value), self, "Choose a colour")
        if color.isValid():
            self.edited.emit(color.name())

    def set_value(self, value: Any) -> None:
        self._value = value
        self.setText(value)
        # a border of its own: the style then paints the colour itself, flat (Fusion drew a
        # lighter gradient), under text that stays readable on it (black on black was not)
        self.setStyleSheet(
            f"QPushButton {{ background-color: {value}; color: {text_on(value)};"
            f" border: 1px solid {CARD_BORDER}; border-radius: 3px;"
            " text-align: left; padding: 4px 8px; }"
        )


def optional_number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError("Type a number, such as 42 or 3.5.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("Type a number, such as 42 or 3.5.")
    return value


def number_within(
    label: str, low: float | None, high: float | None
) -> Callable[[str], float | None]:
    """A parser for an optional number that must lie in [low, high] (None: open end)."""

    def parse(text: str) -> float | None:
        value = optional_number(text)
        if value is None:
            return None
        too_low, too_high = low is not None and value < low, high is not None and value > high
        if not (too_low or too_high):
            return value
        if low is not None and high is not None:
            span = f"{low:g} to {high:g}".replace("-", "\u2212")
            raise ValueError(f"{label} runs from {span}.")
        if too_low:
            raise ValueError(f"{label} cannot be below {low:g}.".replace("-", "\u2212"))
        raise ValueError(f"{label} cannot be above {high:g}.".replace("-", "\u2212"))

    return parse


def show_optional_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


def split_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def join_list(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
