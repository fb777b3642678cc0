"""Entering the room's tallies with the keyboard, forgivingly. Pure Python.

- ``3 = 12 Enter`` (or ``3 Space 12 Enter``): item 3 has 12 votes; it stays picked. Spaces
  typed mid-entry ("3 = 12", as written) are part of it, never a step on.
- ``12 Enter``: the picked item has 12 votes, and the next one is picked, so a
  facilitator walks down the list counting dots: ``12 Enter 5 Enter 0 Enter``.
- ``3 = Enter``: pick item 3.  Up / Down: pick the item above or below (past the first or
  last item they step, as on other steps: some clickers send them).
- ``+`` (or ``=``) and ``−``: one vote more or fewer for the picked item.
- Backspace takes back a typed character, Esc drops what is typed (and Ctrl+Z, handled by
  the session, takes back the last tally entered).
With nothing typed, Enter, Space, Backspace and Esc keep their usual meaning (next, back,
end), so a clicker still steps through a voting step.
"""

from __future__ import annotations

from dataclasses import dataclass

DIGITS_MAX = 4  # 9999 votes, item 9999: more is a slip of the finger


@dataclass(frozen=True)
class Tally:
    """What to do with the map: ``item`` (0-based) gets ``count`` votes, or ``delta`` more."""

    item: int
    count: int | None = None
    delta: int = 0


@dataclass
class Outcome:
    handled: bool
    tally: Tally | None = None
    problem: str = ""


class VoteTyping:
    def __init__(self, count: int) -> None:
        self.count = count  # how many items the step lists
        self.picked = 0
        self.first = ""  # digits typed: an item number once "=" follows, else a count
        self.second = ""  # the count typed after "="
        self.separated = False

    @property
    def typing(self) -> bool:
        return bool(self.first or self.separated)

    def clear(self) -> None:
        self.first, self.second, self.separated = "", "", False

    def pick(self, item: int) -> None:
        if self.count:
            self.picked = max(0, min(item, self.count - 1))

    def press(self, key: str) -> Outcome:
        """``key``: a digit, "=", "space", "+", "-", "enter", "backspace", "escape", "up",
        "down". Unhandled keys keep their usual meaning."""
        if not self.count:
            return Outcome(False)
        if key.isdigit() and len(key) == 1:
            if self.separated:
                self.second = (self.second + key)[:DIGITS_MAX]
            else:
                self.first = (self.first + key)[:DIGITS_MAX]
            return Outcome(True)
        if key in ("=", "space") and self.first and not self.separated:
            self.separated = True
            return Outcome(True)
        if key == "space" and self.typing:  # "3 = 12" typed with its spaces
            return Outcome(True)
        if key == "enter" and self.typing:
            return self._enter()
        if key == "backspace" and self.typing:
            if self.second:
                self.second = self.second[:-1]
            elif self.separated:
                self.separated = False
            else:
                self.first = self.first[:-1]
            return Outcome(True)
        if key == "escape" and self.typing:
            self.clear()
            return Outcome(True)
        if key in ("up", "down"):
            edge = self.picked == (self.count - 1 if key == "down" else 0)
            if edge and not self.typing:
                return Outcome(False)  # past the ends: a clicker's Up / Down steps
            self.clear()
            self.pick(self.picked + (1 if key == "down" else -1))
            return Outcome(True)
        if key in ("+", "=", "-") and not self.typing:
            return Outcome(True, Tally(self.picked, delta=-1 if key == "-" else 1))
        return Outcome(key in ("+", "=", "-"))  # mid-typing: a slip, not a text size

    def _enter(self) -> Outcome:
        first, second, separated = self.first, self.second, self.separated
        self.clear()
        if not separated:  # a count for the picked item; then on to the next one
            item = self.picked
            self.pick(item + 1)
            return Outcome(True, Tally(item, count=int(first)))
        number = int(first)
        if not 1 <= number <= self.count:
            return Outcome(True, problem=f"There is no item {number}: they go 1 to {self.count}")
        self.picked = number - 1
        if not second:
            return Outcome(True)
        return Outcome(True, Tally(number - 1, count=int(second)))

    def shown(self) -> str:
        """What is being typed, for the room: "3 = 12", "12"."""
        if not self.typing:
            return ""
        return f"{self.first} = {self.second}" if self.separated else self.first

    def explained(self) -> str:
        """What Enter will do, for the console."""
        if self.separated:
            target = f"item {self.first}"
            return (
                f"Enter: {target} gets {self.second} votes"
                if self.second
                else (f"Enter: pick {target}; or type its votes first")
            )
        if self.first:
            return (
                f"Enter: {self.first} votes for item {self.picked + 1} · "
                f"= then votes: item {self.first}"
            )
        return f"Item {self.picked + 1} picked · type votes, Enter · + / − one more or fewer"
