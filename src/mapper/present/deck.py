"""Everything a presentation shows, worked out from the map when it starts: what is
shown, whose feelings lead, the steps, the ranked pain points and opportunities.

It only reads the model; the layout is redone when the room asks for bigger text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from mapper.model import Card, JourneyMap, MapInfo
from mapper.model.votes import day_of, latest_vote_day
from mapper.present.content import Shown, lead_persona, shown
from mapper.present.insights import PainPoint, ranked_opportunities, ranked_pain_points
from mapper.present.room_layout import PresentLayout, PresentStyle, present_layout
from mapper.present.sequence import build_steps
from mapper.present.steps import Step
from mapper.present.vote_items import VoteBook


@dataclass(frozen=True)
class Deck:
    journey: JourneyMap
    content: Shown
    lead: str | None
    steps: tuple[Step, ...]
    ballot_day: str | None = None  # the workshop a voting step counts for (None: today)

    @classmethod
    def of(cls, journey: JourneyMap, ballot_day: str | None = None) -> Deck:
        content = shown(journey)
        lead = lead_persona(journey, content)
        steps = tuple(build_steps(journey, content))
        return cls(journey, content, lead.id if lead else None, steps, ballot_day)

    @property
    def info(self) -> MapInfo:
        return self.journey.info

    def layout(self, text_scale: float = 1.0) -> PresentLayout:
        return present_layout(self.journey, self.content, self.lead, PresentStyle(text_scale))

    @property
    def vote_day(self) -> str | None:
        """The workshop whose votes rank the closing slides: the latest with any."""
        return latest_vote_day(self.journey)

    @cached_property
    def voting(self) -> VoteBook:
        """The voting steps' items and typing; votes are for today's workshop."""
        top = self.info.presentation.top_pain_points
        day = self.ballot_day or day_of(datetime.now())
        return VoteBook(self.journey, self.content, day, top)

    @cached_property
    def pain_points(self) -> list[PainPoint]:
        return ranked_pain_points(self.journey, self.content, self.vote_day)

    @cached_property
    def opportunities(self) -> list[Card]:
        return ranked_opportunities(self.journey, self.content, self.vote_day)

    @property
    def subtitle(self) -> str:
        info = self.info
        return info.scenario.title or info.description.split("\n")[0]

    @cached_property
    def facts(self) -> str:
        """A line of numbers for the overview."""
        parts = [_count(len(self.journey.stages), "stage")]
        if self.pain_points:
            parts.append(_count(len(self.pain_points), "pain point"))
        if self.opportunities:
            wins = sum(1 for o in self.opportunities if o.is_quick_win)
            text = _count(len(self.opportunities), "opportunity", "opportunities")
            parts.append(text + (f", {_count(wins, 'quick win')}" if wins else ""))
        return "  ·  ".join(parts)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
