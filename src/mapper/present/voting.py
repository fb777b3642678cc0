"""Dot voting during the show: keys typed on a voting step (in the room's window or on the
console) become tallies (see :mod:`.vote_typing`), each pushed as one undo step on the
document (:mod:`mapper.edits.votes`), for today's workshop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from mapper.edits.changes import Change
from mapper.model.votes import votes_words
from mapper.present.controller import DIGITS, Controller
from mapper.present.deck import Deck
from mapper.present.steps import StepKind
from mapper.present.vote_typing import Tally

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
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
        take_back: Callable[[], bool] = lambda: False,
    ) -> None:
        """``take_back``: undo the last tally entered in this show, if it is still the
        document's last step (Ctrl+Z on a voting step)."""
        super().__init__(parent)
        self.deck, self.controller, self.push, self.say = deck, controller, push, say
        self.take_back = take_back
        controller.vote_keys = self.handle_key

    @property
    def key(self) -> str | None:
        step = self.controller.step
        return step.key if step.kind is StepKind.VOTE else None

    def handle_key(self, event: QKeyEvent) -> bool:
        name, key = key_name(event), self.key
        modifiers = event.modifiers()
        if event.key() == Key.Key_Z and modifiers == Qt.KeyboardModifier.ControlModifier:
            if key is not None and self.take_back():
                self.deck.voting.typing(key).clear()
                self.changed.emit()
            elif key is not None:
                self.say("No tally of this show to take back")  # a silent key puzzles
            return True  # never the editor's undo: only a tally taken back
        if modifiers & (CTRL | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
            return False
        if name is None or key is None:
            return False
        typing = self.deck.voting.typing(key)
        if event.isAutoRepeat() and name in ("backspace", "escape") and not typing.typing:
            return True  # held down to clear a count: the repeats stop at the empty entry
        outcome = typing.press(name)
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
        book = self.deck.voting
        change = book.change(key, tally)
        if change is None:
            return
        was = book.tallies(key)[tally.item]
        if self.push(change) and tally.count is not None and was:
            # a count typed for the picked item may be meant for the next one: say so
            count = book.tallies(key)[tally.item]
            self.say(f"Item {tally.item + 1}: {votes_words(count)}, was {was} "
                     "(Ctrl+Z takes it back)")  # fmt: skip
