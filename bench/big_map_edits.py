"""The edits the edit benchmarks time on a big map (bench_edits.py, bench_edit_layers.py),
each pushed on the document's undo stack the way the editor does it."""

from __future__ import annotations

from itertools import count

from mapper.document import Document
from mapper.edits import Composite, Insert, MoveCards, Update
from mapper.model import Card, Entity


class BigMapEdits:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.journey = journey = document.journey
        self.stages, self.lanes = journey.stages.ids(), journey.lanes.ids()
        self.probe = list(journey.cards())[journey.card_count() // 2]  # mid-map
        self._counter = count()

    def notes_keystroke(self) -> None:
        text = f"note {next(self._counter)}"
        self.document.push(
            Update(self.journey, Entity.CARD, self.probe.id, {"notes": text}, merge="Notes")
        )

    def title_rewrap(self) -> None:
        """Alternately one and two more lines: the title re-wraps every time."""
        extra = " and a little more to say" * (1 + next(self._counter) % 2)
        probe = self.probe
        self.document.push(
            Update(self.journey, Entity.CARD, probe.id, {"title": probe.title + extra})
        )

    def move_to_another_cell(self) -> None:
        card = self.journey.card(self.probe.id)
        stages = self.stages
        stage = stages[(stages.index(card.stage_id) + 1) % len(stages)]
        self.document.push(MoveCards(self.journey, [card.id], stage, card.lane_id, 0))

    def paste_100(self) -> Composite:
        """100 new cards at the top of the first cell, as one command (not pushed)."""
        stage, lane = self.stages[0], self.lanes[0]
        parts = [
            Insert(self.journey, Entity.CARD, i,
                   Card(f"paste-{next(self._counter)}", stage, lane, "Pasted"))
            for i in range(100)
        ]  # fmt: skip
        return Composite(self.journey, "Paste 100 cards", parts)
