"""What an emotion-lane item of one stage draws from, kept until it is painted or asked.

A stage's curve path and its row of points are shown from a curve (``show_stage``): an edit
gives them new bounds only, and the points or segments are worked out when first needed.
Shown again from the same key (what the stage is made from), nothing changes."""

from __future__ import annotations

from mapper.layout import EmotionCurve


class StageSource:
    __slots__ = ("key", "pending")

    def __init__(self) -> None:
        self.key: tuple[object, ...] = ()  # what the stage drawn is made from
        self.pending: tuple[EmotionCurve, int] | None = None  # still to work out

    def follow(self, curve: EmotionCurve, index: int, key: tuple[object, ...]) -> bool:
        """Draw stage ``index`` of ``curve``, made from ``key``: whether it changed (the
        item then takes its new bounds)."""
        if key == self.key:
            if self.pending is not None:
                self.pending = (curve, index)
            return False
        self.key, self.pending = key, (curve, index)
        return True

    def take(self) -> tuple[EmotionCurve, int] | None:
        """The curve and stage still to work out (once), if any."""
        pending, self.pending = self.pending, None
        return pending

    def drop(self) -> None:
        """Drawn from something else (given segments or points): nothing to follow."""
        self.key, self.pending = (), None
