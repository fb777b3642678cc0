"""The closing slides' content: pain points and opportunities, most important first."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model import CardKind, JourneyMap, Opportunity, Sentiment
from mapper.model.analysis import by_priority
from mapper.model.entities import Card
from mapper.model.vocabulary import PAIN_THRESHOLD
from mapper.present.content import Shown


@dataclass(frozen=True)
class PainPoint:
    card: Card
    stage_name: str
    score: int | None  # the lowest score a shown persona gave it
    opportunity_count: int  # how many opportunities address it


def ranked_pain_points(journey: JourneyMap, content: Shown) -> list[PainPoint]:
    """Pain points in shown lanes, the most painful first.

    A card is a pain point when it is marked as one or a shown persona scores it at the pain
    threshold or below. It ranks by its lowest score (an unscored pain point card counts as
    the threshold), then moments of truth first, then journey order.
    """
    lanes = content.lane_ids
    personas = content.persona_ids
    addressed: dict[str, int] = {}
    for opp in journey.opportunities:
        for card_id in opp.pain_point_ids:
            addressed[card_id] = addressed.get(card_id, 0) + 1
    found: list[tuple[tuple[int, bool, int], PainPoint]] = []
    for order, card in enumerate(journey.cards()):
        if card.lane_id not in lanes:
            continue
        scores = [s for p in personas if (s := card.emotion(p)) is not None]
        low = min(scores) if scores else None
        painful = any(card.sentiment(p) is Sentiment.PAIN for p in personas)
        if card.kind is not CardKind.PAIN_POINT and not painful:
            continue
        point = PainPoint(
            card, journey.stages.get(card.stage_id).name, low, addressed.get(card.id, 0)
        )
        rank = PAIN_THRESHOLD if low is None else low
        found.append(((rank, not card.moment_of_truth, order), point))
    return [point for _, point in sorted(found, key=lambda item: item[0])]


def ranked_opportunities(journey: JourneyMap) -> list[Opportunity]:
    """Quick wins first, then by impact over effort, then higher impact, then map order."""
    return by_priority(journey.opportunities)
