"""Dot voting during the show: keys typed on a voting step (in the room's window or on the
console) become tallies (see :mod:`.vote_typing`), each pushed as one undo step on the
document (:mod:`mapper.edits.votes`), for today's workshop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from mapper.edits.changes import Change
from mapper.present.controller import DIGITS, Controller
from mapper.present.deck import Deck
from mapper.present.steps import StepKind
from mapper.present.vote_typing import Tally

Key = Qt.Key
NAMES = {
    Key.Key_Return: "enter",
    Key.Key_Enter: "enter",
    Key.Key_Space: "space",
    Key.Key_Backspace: "backspace",
    Key.Key_Escape: "escape",
    Key.Key_Up: "up",
    Key.Key_Down: "down",
    Key.Key_Plus: "+",
    Key.Key_Equal: "=",
    Key.Key_Minus: "-",
}


def key_name(event: QKeyEvent) -> str | None:
    key = Key(event.key())
    if key in DIGITS:
        return str(DIGITS[key])
    return NAMES.get(key)


class VoteDesk(QObject):
    """Turns keys, clicks and the console's counts into tallies on the map."""

    changed = Signal()  # what is typed, picked or counted changed: redraw

    def __init__(
        self,
        deck: Deck,
        controller: Controller,
        push: Callable[[Change], bool],
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.deck, self.controller, self.push, self.say = deck, controller, push, say
        controller.vote_keys = self.handle_key

    @property
    def key(self) -> str | None:
        step = self.controller.step
        return step.key if step.kind is StepKind.VOTE else None

    def handle_key(self, event: QKeyEvent) -> bool:
        name, key = key_name(event), self.key
        if name is None or key is None:
            return False
        outcome = self.deck.voting.typing(key).press(name)
        if outcome.problem:
            self.say(outcome.problem)
        if outcome.tally is not None:
            self._apply(key, outcome.tally)
        if outcome.handled:
            self.changed.emit()
        return outcome.handled

    def pick(self, index: int) -> None:
        key = self.key
        if key is not None:
            typing = self.deck.voting.typing(key)
            typing.clear()
            typing.pick(index)
            self.changed.emit()

    def set_count(self, index: int, count: int) -> None:
        """The console's count for item ``index`` (0-based)."""
        key = self.key
        if key is not None:
            self.deck.voting.typing(key).pick(index)
            self._apply(key, Tally(index, count=count))
            self.changed.emit()

    def _apply(self, key: str, tally: Tally) -> None:
        change = self.deck.voting.change(key, tally)
        if change is not None:
            self.push(change)
