"""A presentation from start to end: reads the map, puts the audience view on the second
screen (or the only one) and the console on the laptop, and on Esc closes them and hands
the editor back exactly as it was.

The session is given the editor window and only reads its document's journey, with one
exceptions: a note from the room (N) is added to the map, and the room's dot votes are
counted on the cards voted for, each an undoable step; nothing that existed before is
ever changed. What it changes in the editor's view it puts back: zoom,
scroll position, selection and keyboard focus.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QRect, QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from mapper.edits import Change, Update
from mapper.edits.workshop import capture_note
from mapper.model import Entity
from mapper.present.audience import AudienceView
from mapper.present.console import PresenterConsole
from mapper.present.controller import Controller
from mapper.present.deck import Deck
from mapper.present.map_scene import MapScene
from mapper.present.notes import NoteEntry, StickyLayer, now, presenter_name
from mapper.present.resume import Start, Stopped, remember_stop
from mapper.present.room import apply_remembered
from mapper.present.steps import Step, find_step, stage_step
from mapper.present.theme import palette
from mapper.present.voting import VoteDesk
from mapper.present.window import AudienceWindow

if TYPE_CHECKING:
    from mapper.canvas.editor_window import EditorWindow

SELECTABLE = (Entity.CARD, Entity.FLOW, Entity.STAGE, Entity.LANE)


class ScreenLike(Protocol):
    """A QScreen, or a stand-in in tests: all a session needs is where the screen is."""

    def geometry(self) -> QRect: ...


def choose_screens(
    screens: Sequence[ScreenLike], editor_screen: ScreenLike
) -> tuple[ScreenLike, ScreenLike | None]:
    """(audience screen, console screen or None). With a second screen the audience gets
    the largest other one and the console stays where the editor is."""
    others = [s for s in screens if s is not editor_screen]
    if not others:
        return editor_screen, None
    largest = max(others, key=lambda s: s.geometry().width() * s.geometry().height())
    return largest, editor_screen


@dataclass
class EditorSnapshot:
    transform: QTransform
    scroll: tuple[int, int]
    selection: dict[Entity, list[str]]
    focus: QWidget | None

    @classmethod
    def take(cls, window: EditorWindow) -> EditorSnapshot:
        view, scene = window.view, window.scene
        focus = QApplication.focusWidget()
        return cls(
            view.transform(),
            (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            {kind: scene.selected_ids(kind) for kind in SELECTABLE},
            focus if focus is not None and focus.window() is window else None,
        )

    def restore(self, window: EditorWindow) -> None:
        view, scene = window.view, window.scene
        if view.transform() != self.transform:
            view.setTransform(self.transform)
            view.zoom_changed.emit(view.zoom())
        if {k: scene.selected_ids(k) for k in SELECTABLE} != self.selection:
            items: dict[Entity, Mapping[str, QGraphicsItem]] = {
                Entity.CARD: scene.cards,
                Entity.FLOW: scene.flows,
                Entity.STAGE: scene.stage_headers,
                Entity.LANE: scene.lane_headers,
            }
            scene.clearSelection()
            for kind, ids in self.selection.items():
                for item_id in ids:
                    if item_id in items[kind]:
                        items[kind][item_id].setSelected(True)
        view.horizontalScrollBar().setValue(self.scroll[0])
        view.verticalScrollBar().setValue(self.scroll[1])
        if self.focus is not None:
            self.focus.setFocus()


class PresentationSession(QObject):
    ended = Signal()

    def __init__(
        self,
        window: EditorWindow,
        screens: Sequence[ScreenLike] | None = None,
        editor_screen: ScreenLike | None = None,
        clock: Callable[[], float] = time.monotonic,
        start: Start | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.clock = window, clock
        start = start or Start()
        self.started = clock() - start.elapsed
        self.snapshot = EditorSnapshot.take(window)
        self.deck = Deck.of(window.document.journey)
        self.controller = Controller(list(self.deck.steps), self)
        self.controller.navigator.go(_first_index(self.controller.navigator.steps, start))
        self.scene = MapScene(self.deck, palette(False), parent=self)
        self.audience = AudienceWindow(self.deck, self.scene, self.controller, window)
        screens = list(screens) if screens is not None else QGuiApplication.screens()
        editor_screen = editor_screen or window.screen()
        self.audience_screen, self.console_screen = choose_screens(screens, editor_screen)
        self.console: PresenterConsole | None = None
        if self.console_screen is not None:
            self.console = PresenterConsole(
                self.deck, self.scene, self.controller, clock, window, started=self.started
            )
            self.console.save_notes = self.save_notes
            self.console.refresh()
        self.controller.finished.connect(self.end)
        self.controller.note_requested.connect(self.take_note)
        self._note_stage: str | None = None
        self._note_for = ""
        self.notes_taken = 0
        self.votes_entered = 0
        self.sticky = StickyLayer(self.audience)
        self.entry = NoteEntry(self.console or self.audience)  # typed where the keyboard is
        self.entry.textChanged.connect(lambda text: self.sticky.show_typing(self._note_for, text))
        self.entry.kept.connect(self._keep_note)
        self.entry.dropped.connect(self._drop_note)
        # closing either window by any means (Alt+F4, the window manager) ends the show
        self.audience.closed.connect(self.end)
        if self.console is not None:
            self.console.closed.connect(self.end)
        self._tallies: list[int] = []  # the undo stack's index after each tally pushed
        self.votes = VoteDesk(self.deck, self.controller, self._push_votes,
                              self.audience.toast.say, self, self._take_back_vote)  # fmt: skip
        self.votes.changed.connect(self._votes_changed)
        self.audience.view.vote.picked.connect(self.votes.pick)
        if self.console is not None:
            self.console.votes = self.votes
        apply_remembered(self.controller)  # the windows above follow the options
        self._ended = False

    def start(self) -> None:
        if self.console is not None and self.console_screen is not None:
            _full_screen(self.console, self.console_screen)
        _full_screen(self.audience, self.audience_screen)
        if self.console is not None:
            self.console.room_page = self.audience.view.position_in_step
            self.console.set_room_size(self.audience.size())
        self.audience.activateWindow()
        self.audience.setFocus()

    def save_notes(self, stage_id: str, text: str) -> None:
        """Speaker notes edited on the console: one undo step in the map, when changed."""
        journey = self.window.document.journey
        if stage_id in journey.stages and journey.stages.get(stage_id).notes != text:
            change = Update(journey, Entity.STAGE, stage_id, {"notes": text}, "Edit speaker notes")
            self.window.document.try_push(change)

    # ------------------------------------------------------------ dot votes
    def _push_votes(self, change: Change) -> bool:
        """A tally, one undo step in the map; the closing slides rank by the votes."""
        if not self.window.document.try_push(change):
            return False
        self.votes_entered += 1
        self._tallies.append(self.window.document.undo_stack.index())
        self._rank_by_votes()
        return True

    def _take_back_vote(self) -> bool:
        """Ctrl+Z on a voting step: the last tally of this show undone, while it is still
        the map's last edit (nothing else is ever undone from here)."""
        stack = self.window.document.undo_stack
        if not self._tallies or stack.index() != self._tallies[-1] or not stack.canUndo():
            return False
        what = stack.undoText()
        stack.undo()
        self._tallies.pop()
        self.votes_entered -= 1
        self._rank_by_votes()
        self.audience.toast.say(f"Taken back: {what}")
        return True

    def _rank_by_votes(self) -> None:
        for view in self._views():
            view.lists.rank_by_votes()

    def _votes_changed(self) -> None:
        for view in self._views():
            view.vote.update()
        if self.console is not None:
            self.console.refresh()

    def _views(self) -> list[AudienceView]:
        views = [self.audience.view]
        if self.console is not None:
            views.append(self.console.renderer)
        return views

    # ------------------------------------------------------------ notes from the room
    def take_note(self) -> None:
        """N or the console's Note button: a sticky for the stage on screen."""
        step = self.controller.step
        journey = self.window.document.journey
        if step.stage_id is None or step.stage_id not in journey.stages:
            self.audience.toast.say("Go to a stage to take a note")
            return
        self._note_stage = step.stage_id
        self._note_for = journey.stages.get(step.stage_id).name
        host = self.entry.parentWidget()
        assert host is not None
        width = min(720, host.width() - 40)
        if host is self.audience:  # the room sees the sticky; the field itself stays out of view
            self.entry.setGeometry(0, -200, width, 56)
        else:
            self.entry.setGeometry((host.width() - width) // 2, host.height() - 120, width, 56)
        self.entry.clear()
        self.entry.show()
        self.entry.raise_()
        self.entry.setFocus()
        self.sticky.show_typing(self._note_for, "")

    def _keep_note(self, text: str) -> None:
        stage_id = self._note_stage
        change = None
        if stage_id is not None:
            journey = self.window.document.journey
            change = capture_note(journey, stage_id, text, now(), presenter_name())
        if change is not None and self.window.document.try_push(change):
            self.notes_taken += 1
            self.sticky.show_kept()
            QTimer.singleShot(1500, self.sticky.hide)
            self._close_entry(keep_sticky=True)
        else:
            self._drop_note()

    def _drop_note(self) -> None:
        self._close_entry(keep_sticky=False)

    def _close_entry(self, keep_sticky: bool) -> None:
        with QSignalBlocker(self.entry):  # the sticky keeps the note it shows as kept
            self.entry.clear()
        self.entry.hide()
        if not keep_sticky:
            self.sticky.hide()
        else:
            self.sticky.show_kept()
        host = self.entry.parentWidget()
        if host is not None:
            host.setFocus()

    def end(self) -> None:
        """Close the presentation and give the editor back as it was."""
        if self._ended:
            return
        self._ended = True
        self._keep_typing()
        nav = self.controller.navigator
        remember_stop(
            self.window,
            Stopped(
                nav.current, nav.index, len(nav.steps), self.clock() - self.started, self.clock()
            ),
        )
        for widget in (self.console, self.audience):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        self.snapshot.restore(self.window)
        self.window.activateWindow()
        self.window.raise_()
        self.ended.emit()
        self.deleteLater()

    def _keep_typing(self) -> None:
        """What is being typed on the laptop as the show ends is kept in the map, as Done
        keeps speaker notes and Return a note from the room (Esc drops them first)."""
        console = self.console
        if console is not None and not console.notes_editor.isHidden():
            console.edit_notes(False)
        text, stage_id = self.entry.text(), self._note_stage
        if not self.entry.isHidden() and text.strip() and stage_id is not None:
            journey = self.window.document.journey
            change = capture_note(journey, stage_id, text, now(), presenter_name())
            if change is not None and self.window.document.try_push(change):
                self.notes_taken += 1

    @property
    def running(self) -> bool:
        return not self._ended


def _first_index(steps: list[Step], start: Start) -> int:
    if start.stage_id is not None:
        index = stage_step(steps, start.stage_id)
        return 0 if index is None else index
    if start.step is not None:
        return find_step(steps, start.step, start.index)
    return 0


def _full_screen(widget: QWidget, screen: ScreenLike) -> None:
    if isinstance(screen, QScreen):
        widget.setScreen(screen)
    widget.setGeometry(screen.geometry())
    widget.showFullScreen()
