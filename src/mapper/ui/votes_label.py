"""Read-only in the card inspector: the dots the room gave the card in each workshop."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy

from mapper.model import Card
from mapper.model.votes import spoken_day, votes_words


def votes_text(card: Card) -> str:
    """ "12 votes in the workshop on 6 December 2026", newest first, one a line."""
    if not card.votes:
        return "None from a workshop yet"
    return "\n".join(
        f"{votes_words(card.votes[day])} in the workshop on {spoken_day(day)}"
        for day in sorted(card.votes, reverse=True)
    )


class VotesLabel(QLabel):
    edited = Signal(object)  # never emitted: votes are entered in present mode

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Dot votes from workshops")

    def set_value(self, card: Card) -> None:
        self.setText(votes_text(card))
