"""The presenter console on the laptop: the current step and the next one, the stage's
speaker notes and the time since the start. Its keys drive the same controller as the
audience window's, and its buttons do what the keys do."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mapper.layout.text import drawable
from mapper.present.audience import LIST_STEPS, AudienceView
from mapper.present.console_parts import (
    STYLE,
    NotesEditor,
    OneLine,
    Preview,
    format_elapsed,
    label,
)
from mapper.present.controller import Controller, Cover
from mapper.present.deck import Deck
from mapper.present.map_scene import MapScene
from mapper.present.steps import Step, StepKind
from mapper.present.theme import palette, room_text_scale
from mapper.present.vote_panel import VotePanel

if TYPE_CHECKING:
    from mapper.present.voting import VoteDesk
from mapper.present.workshop_clock import WorkshopClock

PREVIEW = QSize(1280, 720)  # rendered at the room's size (this until known), shown scaled down


class PresenterConsole(QWidget):
    closed = Signal()  # by any means: the presentation ends with it

    def __init__(
        self,
        deck: Deck,
        scene: MapScene,
        controller: Controller,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        started: float | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("console")
        self.setWindowTitle(f"{deck.info.title} — presenter console")
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.deck, self.controller, self.clock = deck, controller, clock
        self._editing: str | None = None  # the stage whose notes are being edited
        self.started = clock() if started is None else started  # a resumed show's clock
        self.workshop = WorkshopClock(self.started)
        self.timeboxes = dict(deck.info.presentation.timeboxes)
        self._signalled: set[str] = set()  # stages whose time ran out (the signal sounded)
        self.renderer = AudienceView(deck, scene)  # draws the previews, never on screen
        self.renderer.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.renderer.resize(PREVIEW)
        self.renderer.show()

        self.position = label("muted")
        self.title = OneLine("title")
        self.elapsed = label("clock")
        self.time_of_day = label("muted")
        self.timebox = label("timebox")
        self.state = label("muted")
        self.current = Preview()
        self.next_title = OneLine("muted")
        self.next_preview = Preview()
        self.notes = label("notes")
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        notes_scroll = QScrollArea()
        notes_scroll.setWidgetResizable(True)
        notes_scroll.setWidget(self.notes)
        notes_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_scroll = notes_scroll
        self.notes_editor = NotesEditor()
        self.notes_editor.setAccessibleName("Speaker notes")
        self.notes_editor.done.connect(lambda: self.edit_notes(False))
        self.notes_editor.hide()
        self.vote_panel = VotePanel()
        self.vote_panel.hide()
        self.votes: VoteDesk | None = None  # the session's, for the counts typed here
        self.vote_panel.count_set = self._count_set
        # saves a stage's speaker notes in the map (set by the session; None: read-only)
        self.save_notes: Callable[[str, str], None] | None = None
        self.edit_button = QPushButton("Edit notes")
        self.edit_button.setCheckable(True)
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.setToolTip("Edit this stage's speaker notes (Esc: done)")
        self.edit_button.toggled.connect(self.edit_notes)
        self.buttons = self._buttons()

        top = QGridLayout()
        top.addWidget(self.position, 0, 0)
        top.addWidget(self.title, 1, 0)
        top.addWidget(self.state, 2, 0)
        top.addWidget(self.elapsed, 0, 1, 2, 1, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.time_of_day, 2, 1, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.timebox, 3, 0, 1, 2)
        top.setColumnStretch(0, 1)  # the title takes the room the clock leaves
        now = QVBoxLayout()
        now.addWidget(label("muted", "Now"))
        now.addWidget(self.current, 1)
        following = QVBoxLayout()
        following.addWidget(self.next_title)
        following.addWidget(self.next_preview, 1)
        previews = QHBoxLayout()
        previews.addLayout(now, 3)
        previews.addSpacing(16)
        previews.addLayout(following, 2)
        bar = QHBoxLayout()
        for name, button in self.buttons.items():
            if name in ("black", "pause", "smaller", "end"):
                bar.addStretch(1)
            bar.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addLayout(top)
        outer.addLayout(previews, 5)
        notes_head = QHBoxLayout()
        self.notes_head = label("muted", "Speaker notes")
        notes_head.addWidget(self.notes_head)
        notes_head.addStretch(1)
        notes_head.addWidget(self.edit_button)
        outer.addLayout(notes_head)
        outer.addWidget(notes_scroll, 4)
        outer.addWidget(self.notes_editor, 4)
        outer.addWidget(self.vote_panel, 4)
        outer.addLayout(bar)

        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start(1000)
        controller.step_changed.connect(lambda _animate: self.refresh())
        controller.page_turned.connect(self.refresh)
        # the page of a long list the room sees, and how many (one when not a list)
        self.room_page: Callable[[], tuple[int, int]] = lambda: (0, 1)
        controller.options_changed.connect(self._option_changed)
        self.refresh()
        self.tick()

    def _buttons(self) -> dict[str, QPushButton]:
        c = self.controller
        specs: list[tuple[str, str, Callable[[], None], bool, str]] = [
            ("back", "◀", c.back, False, "Back (←, Page Up)"),
            ("next", "▶", c.forward, False, "Next (→, Page Down, Space)"),
            ("note", "Note", c.note_requested.emit, False, "A note from the room (N)"),
            ("black", "Black", lambda: c.toggle_cover(Cover.BLACK), True, "Black screen (B)"),
            ("white", "White", lambda: c.toggle_cover(Cover.WHITE), True, "White screen (W)"),
            ("spotlight", "Spotlight", lambda: c.toggle("spotlight"), True, "Spotlight (S)"),
            (
                "high_contrast",
                "Contrast",
                lambda: c.toggle("high_contrast"),
                True,
                "High contrast (H)",
            ),
            (
                "transitions",
                "Transitions",
                lambda: c.toggle("transitions"),
                True,
                "Smooth transitions (T)",
            ),
            (
                "pause",
                "Pause clock",
                self.toggle_pause,
                True,
                "Stop the clocks (the room is on a break)",
            ),
            ("reset", "Restart timebox", self.restart_timebox, False, "This stage's minutes again"),
            ("smaller", "A−", lambda: c.scale_text(-1), False, "Smaller text (−)"),
            ("bigger", "A+", lambda: c.scale_text(+1), False, "Bigger text (+)"),
            ("end", "End", c.finished.emit, False, "End the presentation (Esc)"),
        ]
        buttons = {}
        for name, text, action, checkable, tip in specs:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(checkable)
            button.clicked.connect(lambda _checked=False, act=action: act())
            buttons[name] = button
        buttons["transitions"].setChecked(c.options.transitions)
        return buttons

    # ------------------------------------------------------------ content
    def set_room_size(self, size: QSize) -> None:
        """Draw the previews at the room's size, so long lists break into the same pages
        and text has the room's size."""
        if size.isValid() and size != self.renderer.size():
            self.renderer.resize(size)
            self._apply_look()
            self.refresh()

    def _apply_look(self) -> None:
        options = self.controller.options
        scale = room_text_scale(self.renderer.height(), options.text_scale)
        self.renderer.set_look(palette(options.high_contrast), scale)

    def refresh(self) -> None:
        nav = self.controller.navigator
        step = nav.current
        self.workshop.enter(step.stage_id if step.kind is StepKind.STAGE else None, self.clock())
        self.tick()
        page, pages = self.room_page()
        word = "page" if step.kind in (*LIST_STEPS, StepKind.VOTE) else "part"
        paged = f" · {word} {page + 1} of {pages}" if pages > 1 else ""
        self.position.setText(f"Step {nav.index + 1} of {len(nav.steps)}{paged}")
        self.title.setText(drawable(step.title))
        if self.notes_editor.isVisible():
            self.edit_notes(False)  # the step changed under the editor: keep what was typed
        self.notes.setText(drawable(self._notes_of(step)) or "No notes for this step.")
        editable = self._stage_of(step) is not None and self.save_notes is not None
        self.edit_button.setEnabled(editable)
        self._show_votes(step)
        self.current.set_pixmap(self.snapshot(step, page))
        if page + 1 < pages:  # the next page first
            self.next_title.setText(drawable(f"Next: {step.title}, {word} {page + 2} of {pages}"))
            self.next_preview.set_pixmap(self.snapshot(step, page + 1))
            return
        following = nav.next_step
        self.next_title.setText(
            drawable(f"Next: {following.title}") if following else "Next: (the end)"
        )
        self.next_preview.set_pixmap(self.snapshot(following) if following else QPixmap())

    def _show_votes(self, step: Step) -> None:
        """A voting step: the items with their counts instead of the speaker notes."""
        voting = step.kind is StepKind.VOTE
        self.vote_panel.setVisible(voting)
        self.edit_button.setVisible(not voting)
        self.notes_head.setText("Votes: type them in either window, or set a count here"
                                if voting else "Speaker notes")  # fmt: skip
        self.notes_scroll.setVisible(not voting and not self.notes_editor.isVisible())
        if voting:
            book = self.deck.voting
            typing = book.typing(step.key)
            self.vote_panel.show_items(step.key, book.items(step.key), book.tallies(step.key),
                                       typing.picked, typing.explained())  # fmt: skip

    def _count_set(self, index: int, count: int) -> None:
        if self.votes is not None:
            self.votes.set_count(index, count)
        self.setFocus()  # the keys go back to the show

    def _stage_of(self, step: Step) -> str | None:
        journey = self.deck.journey
        if step.kind is StepKind.STAGE and step.stage_id in journey.stages:
            return step.stage_id
        return None

    def _notes_of(self, step: Step) -> str:
        """A stage's notes as the map holds them now (they may have been edited here)."""
        stage_id = self._stage_of(step)
        return self.deck.journey.stages.get(stage_id).notes if stage_id else step.notes

    def edit_notes(self, on: bool) -> None:
        """Edit the stage's speaker notes on the console; done (button, Esc): saved."""
        step = self.controller.navigator.current
        stage_id = self._stage_of(step)
        if on and stage_id is not None and self.save_notes is not None:
            self._editing = stage_id
            self.notes_editor.setPlainText(self._notes_of(step))
            self.notes_editor.moveCursor(QTextCursor.MoveOperation.End)  # to add to them
            self.notes_scroll.hide()
            self.notes_editor.show()
            self.notes_editor.setFocus()
        elif self.notes_editor.isVisible():
            stage_id, self._editing = self._editing, None
            text = self.notes_editor.toPlainText()
            self.notes_editor.hide()
            self.notes_scroll.show()
            self.setFocus()
            if stage_id is not None and self.save_notes is not None:
                self.save_notes(stage_id, text)
            self.notes.setText(drawable(self._notes_of(step)) or "No notes for this step.")
        with QSignalBlocker(self.edit_button):
            self.edit_button.setChecked(self.notes_editor.isVisible())

    def snapshot(self, step: Step, page: int = 0) -> QPixmap:
        self.renderer.show_part(step, page)
        self.renderer.settle()
        return self.renderer.grab()

    def tick(self) -> None:
        now = self.clock()
        self.elapsed.setText(format_elapsed(self.workshop.elapsed(now)))
        self.time_of_day.setText(time.strftime("%H:%M"))
        self._show_timebox(now)

    def _show_timebox(self, now: float) -> None:
        stage_id = self.workshop.stage
        minutes = self.timeboxes.get(stage_id) if stage_id is not None else None
        if stage_id is None or minutes is None:
            self.timebox.setText("")
            return
        left = self.workshop.left(stage_id, minutes, now)
        paused = " (paused)" if self.workshop.paused else ""
        if left > 0:
            text = f"{format_elapsed(left + 0.999)} left of {minutes} min{paused}"
            state = "last" if left <= 60 else ""
        else:
            text = f"Time's up: {format_elapsed(-left)} over {minutes} min{paused}"
            state = "over"
            if stage_id not in self._signalled:
                self._signalled.add(stage_id)
                QApplication.beep()  # a gentle signal on the laptop; the room sees nothing
        if self.timebox.property("state") != state:
            self.timebox.setProperty("state", state)
            self.timebox.style().unpolish(self.timebox)
            self.timebox.style().polish(self.timebox)
        self.timebox.setText(text)

    def toggle_pause(self) -> None:
        now = self.clock()
        if self.workshop.paused:
            self.workshop.resume(now)
        else:
            self.workshop.pause(now)
        self.buttons["pause"].setChecked(self.workshop.paused)
        self.tick()

    def restart_timebox(self) -> None:
        self.workshop.reset(self.clock())
        if self.workshop.stage is not None:
            self._signalled.discard(self.workshop.stage)
        self.tick()

    def _option_changed(self, name: str) -> None:
        options = self.controller.options
        if name in ("text_scale", "high_contrast"):
            self._apply_look()
            self.refresh()
        states = {
            "black": options.cover is Cover.BLACK,
            "white": options.cover is Cover.WHITE,
            "spotlight": options.spotlight,
            "high_contrast": options.high_contrast,
            "transitions": options.transitions,
        }
        for key, on in states.items():
            self.buttons[key].setChecked(on)
        notes = []
        if options.cover is not Cover.NONE:
            notes.append(f"The room sees a {options.cover.value} screen")
        if options.text_scale != 1.0:
            notes.append(f"text {options.text_scale * 100:.0f}%")
        self.state.setText(" · ".join(notes))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.controller.handle_key(event)
        event.accept()

    def closeEvent(self, event) -> None:
        self._ticker.stop()
        self.renderer.close()
        self.renderer.deleteLater()  # a window of its own: not deleted with the console
        super().closeEvent(event)
        self.closed.emit()
