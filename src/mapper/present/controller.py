"""The presentation's state and its keyboard: which step, and the room settings (text
size, contrast, transitions, black or white screen, spotlight, details on show).

The audience window and the presenter console both hand their key presses here, so the
laptop keyboard and a clicker drive the same show. Nothing here can reach the document.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from mapper.model.entities import Card
from mapper.present.steps import Navigator, Step, StepKind

TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
Key = Qt.Key

NEXT_KEYS = {
    Key.Key_Right,
    Key.Key_PageDown,
    Key.Key_Space,
    Key.Key_Return,
    Key.Key_Enter,
}
BACK_KEYS = {Key.Key_Left, Key.Key_PageUp, Key.Key_Backspace, Key.Key_P}
NOTE_KEY = Key.Key_N  # a note from the room (it used to be another "next")
DIGITS = {getattr(Key, f"Key_{n}"): n for n in range(10)}
TYPING_WINDOW = 1.0  # seconds: a second digit within it makes a two-digit stage number


class Cover(StrEnum):
    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclass
class Options:
    text_scale: float = 1.0
    high_contrast: bool = False
    transitions: bool = True
    spotlight: bool = False
    minimap: bool = True
    help: bool = False
    cover: Cover = Cover.NONE


Detail = Card


class Controller(QObject):
    step_changed = Signal(bool)  # whether to animate
    page_turned = Signal()  # a long list's next or previous page, within the step
    options_changed = Signal(str)  # which option: "text_scale", "cover", ...
    detail_changed = Signal()
    pan_requested = Signal(int)  # -1 up, +1 down
    finished = Signal()
    note_requested = Signal()

    def __init__(
        self,
        steps: list[Step],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.navigator = Navigator(steps)
        self.options = Options()
        self.clock = clock
        self._typed = ""  # the digits of a stage number being typed
        self._typed_at = 0.0
        self.detail: Detail | None = None
        # asked first on next / back: may the step itself move on (a list's next page)?
        self.inner_step: Callable[[int], bool] | None = None
        # asked first for every key on a voting step: is it a tally being typed?
        self.vote_keys: Callable[[QKeyEvent], bool] | None = None
        self._keys: dict[Key, Callable[[], None]] = {
            Key.Key_Home: lambda: self._move(self.navigator.first),
            Key.Key_End: lambda: self._move(self.navigator.last),
            Key.Key_B: lambda: self.toggle_cover(Cover.BLACK),
            Key.Key_Period: lambda: self.toggle_cover(Cover.BLACK),
            Key.Key_W: lambda: self.toggle_cover(Cover.WHITE),
            Key.Key_Comma: lambda: self.toggle_cover(Cover.WHITE),
            Key.Key_S: lambda: self.toggle("spotlight"),
            Key.Key_H: lambda: self.toggle("high_contrast"),
            Key.Key_T: lambda: self.toggle("transitions"),
            Key.Key_M: lambda: self.toggle("minimap"),
            Key.Key_F1: lambda: self.toggle("help"),
            Key.Key_Question: lambda: self.toggle("help"),
            Key.Key_Plus: lambda: self.scale_text(+1),
            Key.Key_Equal: lambda: self.scale_text(+1),
            Key.Key_Minus: lambda: self.scale_text(-1),
            Key.Key_Underscore: lambda: self.scale_text(-1),
            Key.Key_0: lambda: self.scale_text(0),
            Key.Key_Up: lambda: self.pan_requested.emit(-1),
            Key.Key_Down: lambda: self.pan_requested.emit(+1),
            Key.Key_Escape: self.escape,
        }

    @property
    def step(self) -> Step:
        return self.navigator.current

    # ------------------------------------------------------------------ keys
    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a key press; True when it meant something here. Keys held with Ctrl, Alt
        or Meta are shortcuts meant for something else (Ctrl+W, Ctrl+S): they do nothing,
        but for Ctrl+Z on a voting step, which takes back the last tally."""
        if self._voting() and self.vote_keys is not None and self.vote_keys(event):
            return True
        held = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if held:
            return False
        key = Key(event.key())
        if key in NEXT_KEYS:
            self.forward()
        elif key in BACK_KEYS:
            self.back()
        elif key in DIGITS and self._digit(DIGITS[key]):
            return True
        elif key == NOTE_KEY:
            self.note_requested.emit()
        elif key in self._keys:
            self._keys[key]()
        else:
            return False
        return True

    # ------------------------------------------------------------- stepping
    def forward(self) -> None:
        self._move(self.navigator.forward, inner=+1)

    def back(self) -> None:
        self._move(self.navigator.back, inner=-1)

    def go_to(self, index: int) -> None:
        self._move(lambda: self.navigator.go(index))

    def go_to_stage(self, number: int) -> None:
        self._move(lambda: self.navigator.stage(number))

    def _digit(self, digit: int) -> bool:
        """1-9 jump to that stage; on a map with ten or more stages a second digit typed
        quickly after the first goes on to that two-digit stage (1 then 2: stage 12).
        False when the digit is not a stage number (0 then resets the text size)."""
        now = self.clock()
        if self._typed and now - self._typed_at < TYPING_WINDOW:
            number = int(self._typed + str(digit))
            self._typed = ""
            if self.navigator.has_stage(number):
                self.go_to_stage(number)
                return True
        if digit == 0:
            return False
        self._typed, self._typed_at = str(digit), now
        self.go_to_stage(digit)
        return True

    def _move(self, move: Callable[[], bool], inner: int = 0) -> None:
        """A step key first takes away what covers the step (details, black screen, help),
        as a clicker's "next" would in presentation software; the next press moves on."""
        if self._uncover():
            return
        if inner and self.inner_step is not None and self.inner_step(inner):
            self.page_turned.emit()
            return
        if move():
            self.step_changed.emit(self.options.transitions)

    def _voting(self) -> bool:
        """On a voting step with nothing covering it, keys enter tallies first."""
        options = self.options
        covered = self.detail is not None or options.cover is not Cover.NONE or options.help
        return self.step.kind is StepKind.VOTE and not covered

    def _uncover(self) -> bool:
        if self.detail is not None:
            self.show_detail(None)
            return True
        if self.options.cover is not Cover.NONE:
            self.set_option("cover", Cover.NONE)
            return True
        if self.options.help:
            self.set_option("help", False)
            return True
        return False

    def escape(self) -> None:
        if not self._uncover():
            self.finished.emit()

    # ------------------------------------------------------------- options
    def toggle_cover(self, cover: Cover) -> None:
        self.set_option("cover", Cover.NONE if self.options.cover is cover else cover)

    def toggle(self, name: str) -> None:
        self.set_option(name, not getattr(self.options, name))

    def scale_text(self, direction: int) -> None:
        """One size up (+1) or down (-1) the ladder, or back to 100% (0)."""
        if direction == 0:
            self.set_option("text_scale", 1.0)
            return
        current = self.options.text_scale
        ladder = TEXT_SCALES if direction > 0 else tuple(reversed(TEXT_SCALES))
        further = [s for s in ladder if (s - current) * direction > 1e-6]
        if further:
            self.set_option("text_scale", further[0])

    def set_option(self, name: str, value: object) -> None:
        if getattr(self.options, name) != value:
            setattr(self.options, name, value)
            self.options_changed.emit(name)

    def show_detail(self, detail: Detail | None) -> None:
        if detail is not self.detail:
            self.detail = detail
            self.detail_changed.emit()
