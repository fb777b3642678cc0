"""The presenter's clocks: the time since the show began and, for stages with a timebox,
the minutes left. Both stop while paused. Plain arithmetic on a clock function, so it is
tested without waiting."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WorkshopClock:
    started: float  # when the show began (earlier for a resumed show)
    paused_at: float | None = None
    paused_for: float = 0.0  # seconds spent paused so far
    spent: dict[str, float] = field(default_factory=dict)  # seconds on each stage
    stage: str | None = None  # the stage on screen, if any
    entered: float = 0.0  # when the stage on screen was entered (or the clock resumed)

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def elapsed(self, now: float) -> float:
        stopped = (now - self.paused_at) if self.paused_at is not None else 0.0
        return now - self.started - self.paused_for - stopped

    def enter(self, stage_id: str | None, now: float) -> None:
        """The room now sees ``stage_id`` (None: a step that is no stage)."""
        if stage_id == self.stage:
            return
        self._bank(now)
        self.stage, self.entered = stage_id, now

    def pause(self, now: float) -> None:
        if self.paused_at is None:
            self._bank(now)
            self.paused_at = now

    def resume(self, now: float) -> None:
        if self.paused_at is not None:
            self.paused_for += now - self.paused_at
            self.paused_at = None
            self.entered = now

    def reset(self, now: float) -> None:
        """The stage on screen starts its timebox again."""
        if self.stage is not None:
            self.spent[self.stage] = 0.0
            self.entered = now

    def spent_on(self, stage_id: str, now: float) -> float:
        running = stage_id == self.stage and self.paused_at is None
        return self.spent.get(stage_id, 0.0) + (now - self.entered if running else 0.0)

    def left(self, stage_id: str, minutes: int, now: float) -> float:
        """Seconds left of the stage's timebox (negative once over)."""
        return minutes * 60 - self.spent_on(stage_id, now)

    def _bank(self, now: float) -> None:
        if self.stage is not None and self.paused_at is None:
            self.spent[self.stage] = self.spent.get(self.stage, 0.0) + now - self.entered
