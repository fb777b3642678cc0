"""Personas: add, edit, remove, reorder, choose a photo, pick the active one, show or hide
curves (a persona's ``hidden`` flag, saved with the map: an undoable edit like any other)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mapper.document import Document
from mapper.edits import Change, Remove, Update, intents, personas
from mapper.edits.wording import field_edit, field_words
from mapper.fileformat.images import MAX_PHOTO_BYTES, PNG_MAGIC, check_image
from mapper.fileformat.reading import FileTooLarge, NotAFile, read_limited
from mapper.model import Entity, ModelEvent, Photo
from mapper.ui.form_fields import ColorField, LineField, TextField, add_row, split_lines
from mapper.ui.hints import hint
from mapper.ui.images import safe_pixmap
from mapper.ui.message_box import as_written

ROLE = Qt.ItemDataRole.UserRole + 1


class PersonasPanel(QWidget):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.journey = document.journey
        self.list = QListWidget()
        self.list.setIconSize(QSize(32, 32))
        self.list.setAccessibleName("Personas")
        self.list.setAccessibleDescription("Checked personas show their emotion curve")
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemChanged.connect(self._check_changed)
        # the buttons two by two: the panel, and the inspector it shares a dock with, fit
        # beside the map on a small screen
        buttons = QGridLayout()
        actions = (
            ("Add", "Add a persona", self.add),
            ("Remove", "Remove the persona", self.remove),
            ("Make active", "Make the persona active", self.make_active),
            ("Photo…", "Choose the persona's photo", self.choose_photo),
            ("Move up", "Move the persona up the list", lambda: self.move_persona(-1)),
            ("Move down", "Move the persona down the list", lambda: self.move_persona(1)),
        )
        self.buttons: dict[str, QPushButton] = {}
        for place, (text, name, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button, place // 2, place % 2)
            self.buttons[text] = button
        self.name, self.role = LineField(), LineField()
        self.bio, self.quote = TextField(3), TextField(2)
        self.goals, self.frustrations = TextField(3), TextField(3)
        self.color = ColorField()
        form = QFormLayout()
        for label, editor, field in (
            ("Name", self.name, "name"), ("Role", self.role, "role"), ("Bio", self.bio, "bio"),
            ("Quote", self.quote, "quote"), ("Goals", self.goals, "goals"),
            ("Frustrations", self.frustrations, "frustrations"), ("Colour", self.color, "color"),
        ):  # fmt: skip
            editor.edited.connect(lambda value, f=field: self._edit(f, value))
            add_row(form, label, editor)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(form)
        _scrolled(self, content)
        self._unsubscribe = self.journey.events.subscribe(self._on_model_events)
        self.rebuild()

    def detach(self) -> None:
        self._unsubscribe()

    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        if any(e.entity in (Entity.PERSONA, Entity.MAP) for e in events):
            self.rebuild()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ROLE) if item is not None else None

    def rebuild(self) -> None:
        current = self.current_id()
        active = self.journey.active_persona()
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        for persona in self.journey.personas:
            star = " ★ active" if active and persona.id == active.id else ""
            item = QListWidgetItem(f"{persona.name}{star}")
            item.setData(ROLE, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if persona.hidden else Qt.CheckState.Checked)
            item.setToolTip("Tick to show this persona's emotion curve and pain points")
            item.setForeground(self._text_color(persona.hidden))
            pixmap = safe_pixmap(persona.photo.data, 64) if persona.photo else None
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            self.list.addItem(item)
            if persona.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        blocker.unblock()
        self._show_current()

    def _text_color(self, hidden: bool) -> QColor:
        group = QPalette.ColorGroup.Disabled if hidden else QPalette.ColorGroup.Active
        return self.palette().color(group, QPalette.ColorRole.Text)

    def changeEvent(self, event: QEvent) -> None:
        """A new look (light, dark) recolours the names: each row holds its colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            blocker = QSignalBlocker(self.list)  # a colour is no tick or untick
            for row in range(self.list.count()):
                item = self.list.item(row)
                persona_id = item.data(ROLE)
                hidden = persona_id in self.journey.personas and (
                    self.journey.personas.get(persona_id).hidden
                )
                item.setForeground(self._text_color(hidden))
            blocker.unblock()

    def _show_current(self) -> None:
        persona_id = self.current_id()
        enabled = persona_id is not None
        for editor in (self.name, self.role, self.bio, self.quote, self.goals,
                       self.frustrations, self.color):  # fmt: skip
            editor.setEnabled(enabled)
        self._enable_buttons(persona_id)
        if persona_id is None:
            return
        for field in ("name", "role", "bio", "quote", "goals", "frustrations"):
            getattr(self, field).setPlaceholderText(
                hint(self.document, "persona", field, persona_id)
            )
        p = self.journey.personas.get(persona_id)
        self.name.set_value(p.name)
        self.role.set_value(p.role)
        self.bio.set_value(p.bio)
        self.quote.set_value(p.quote)
        self.goals.set_value("\n".join(p.goals))
        self.frustrations.set_value("\n".join(p.frustrations))
        self.color.set_value(p.color)

    def _enable_buttons(self, persona_id: str | None) -> None:
        """Only what would do something can be pressed: with no persona chosen (a map with
        none) every button but Add is off; Make active is off for the active one, Move up
        for the first and Move down for the last."""
        row, last = self.list.currentRow(), self.list.count() - 1
        active = self.journey.active_persona()
        chosen = persona_id is not None
        self.buttons["Remove"].setEnabled(chosen)
        self.buttons["Photo…"].setEnabled(chosen)
        self.buttons["Make active"].setEnabled(
            chosen and (active is None or active.id != persona_id)
        )
        self.buttons["Move up"].setEnabled(chosen and row > 0)
        self.buttons["Move down"].setEnabled(chosen and row < last)

    def _edit(self, field: str, value) -> None:
        persona_id = self.current_id()
        if persona_id is None:
            return
        if field in ("goals", "frustrations"):
            value = split_lines(value)
        if field == "name" and not value.strip():
            return
        changes = {field: value}
        text = field_edit(self.journey, Entity.PERSONA, persona_id, changes, field_words(field))
        self._push(Update(self.journey, Entity.PERSONA, persona_id, changes, text, merge=True))

    def _push(self, change: Change | None) -> None:
        if change is not None:
            self.document.try_push(change)

    def _check_changed(self, item: QListWidgetItem) -> None:
        shown = item.checkState() == Qt.CheckState.Checked
        self._push(personas.show_persona(self.journey, item.data(ROLE), shown))

    def add(self) -> None:
        """A new persona, chosen in the list with its name ready to type over (the form
        showed the persona chosen before: typing a name renamed that one)."""
        change = personas.add_persona(self.journey)
        if not self.document.try_push(change):
            return
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE) == change.entity.id:
                self.list.setCurrentRow(row)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()

    def remove(self) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self._push(Remove(self.journey, Entity.PERSONA, persona_id))

    def move_persona(self, step: int) -> None:
        """The chosen persona one place up (-1) or down (1) the list: the order of the
        legends, the curves and the report's persona pages."""
        persona_id = self.current_id()
        if persona_id is None:
            return
        index = self.journey.index_of(Entity.PERSONA, persona_id) + step
        self._push(intents.move_to(self.journey, Entity.PERSONA, persona_id, index))

    def make_active(self) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self._push(personas.make_active(self.journey, persona_id))

    def choose_photo(self) -> None:
        persona_id = self.current_id()
        if persona_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a photo", "", "Images (*.png *.jpg *.jpeg)"
        )
        if not path:
            return
        try:
            photo = load_photo(path)
        except ValueError as exc:
            QMessageBox.warning(self, "Mapper", as_written(str(exc)))
            return
        self._push(Update(self.journey, Entity.PERSONA, persona_id, {"photo": photo}, "Set photo"))


def _scrolled(panel: QWidget, content: QWidget) -> None:
    """The panel's list, buttons and form scroll up and down, as the inspector's do: the
    dock they share keeps no minimum taller than a small screen or one with big text
    (its 500 pixels made the window taller than the screen, the status bar out of reach)."""
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the keys
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(4, 4, 4, 4)  # (in sight: some of the panel is not covered)
    outer.addWidget(scroll)


def load_photo(path: str) -> Photo:
    """Read a PNG or JPEG with a size cap and a pixel cap (no decompression bombs)."""
    try:
        data = read_limited(path, MAX_PHOTO_BYTES)
    except FileTooLarge:
        raise ValueError(f"Photos can be up to {MAX_PHOTO_BYTES // (1024 * 1024)} MB") from None
    except OSError as exc:  # a pipe or device (never read), a folder, no permission, ...
        reason = str(exc) if isinstance(exc, NotAFile) else exc.strerror or str(exc)
        raise ValueError(f"The photo cannot be read: {reason}") from None
    problem = check_image(data)
    if problem:
        raise ValueError(problem[0].upper() + problem[1:])
    if safe_pixmap(data) is None:
        raise ValueError("The image could not be read")
    mime = "image/png" if data.startswith(PNG_MAGIC) else "image/jpeg"
    return Photo(mime, data)
