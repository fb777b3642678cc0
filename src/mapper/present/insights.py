"""The closing slides' content: pain points and opportunities, most important first."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.layout.wording import short_names, whose_pain
from mapper.model import JourneyMap
from mapper.model.analysis import pain_points_by_persona
from mapper.model.entities import Card
from mapper.model.opportunities import by_priority, opportunities
from mapper.model.votes import by_votes, votes_on
from mapper.present.content import Shown


@dataclass(frozen=True)
class PainPoint:
    card: Card
    stage_name: str
    score: int | None  # the lowest score that makes it a pain point (None: only marked)
    opportunity_count: int  # how many opportunities address it
    whose: str = ""  # "Zoë −3, Margot −2", or that it is only marked as one
    votes: int = 0  # the room's dots in the workshop ranked by (0: none, or not by votes)


def ranked_pain_points(
    journey: JourneyMap, content: Shown, day: str | None = None
) -> list[PainPoint]:
    """Pain points for the shown personas, the most painful first; with ``day``, the most
    voted in that day's workshop first, then the most painful.

    The map's rule (``analysis.pain_points_by_persona``) over the personas the room sees:
    the map's shown personas minus those left out of the presentation. Every lane counts:
    leaving a lane out hides its cards, not the pain points they are. So the slide lists
    what the PDF lists when no persona is left out.
    """
    addressed: dict[str, int] = {}
    for opp in opportunities(journey):
        for card_id in opp.pain_point_ids:
            addressed[card_id] = addressed.get(card_id, 0) + 1
    names = short_names(list(journey.personas))
    points = [
        PainPoint(
            point.card,
            journey.stages.get(point.card.stage_id).name,
            point.worst,
            addressed.get(point.card.id, 0),
            whose_pain(point, names),
            votes_on(point.card, day),
        )
        for point in pain_points_by_persona(journey, content.persona_ids)
        if not point.card.sensitive  # a sensitive card is not shown to a room
    ]
    return sorted(points, key=lambda p: -p.votes) if day else points


def ranked_opportunities(journey: JourneyMap, content: Shown, day: str | None = None) -> list[Card]:
    """Opportunities in shown lanes (not sensitive ones): quick wins first, then by impact
    over effort, then higher impact, then map order; with ``day``, the most voted in that
    day's workshop first."""
    lanes = content.lane_ids
    shown = (o for o in opportunities(journey) if o.lane_id in lanes and not o.sensitive)
    return by_votes(by_priority(shown), day)
