"""Questions teams ask of a journey, answered on the live graph with NetworkX."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from statistics import fmean

import networkx as nx

from mapper.model.entities import Card, Opportunity, Persona
from mapper.model.journey import JourneyMap
from mapper.model.vocabulary import (
    BUILTIN_CHANNELS,
    BuyingPhase,
    CardKind,
    Sentiment,
    sentiment_of,
)


def touchpoints(journey: JourneyMap) -> list[Card]:
    return [c for c in journey.cards() if c.kind is CardKind.TOUCHPOINT]


def entry_cards(journey: JourneyMap) -> list[str]:
    """Where journeys start: flow cards in the first stage that has any flow cards,
    plus cards no flow leads into."""
    graph = journey.graph
    on_flows = [c for c in journey.cards() if graph.degree(c.id)]
    if not on_flows:
        return []
    first_stage = on_flows[0].stage_id
    starts = {c.id for c in on_flows if c.stage_id == first_stage}
    starts.update(c.id for c in on_flows if graph.in_degree(c.id) == 0)
    return [c.id for c in on_flows if c.id in starts]


def unreachable_touchpoints(journey: JourneyMap) -> list[Card]:
    """Touchpoints no customer can reach by following flows from an entry card."""
    reached: set[str] = set()
    for start in entry_cards(journey):
        if start not in reached:
            reached.add(start)
            reached.update(nx.descendants(journey.graph, start))
    return [c for c in touchpoints(journey) if c.id not in reached]


def dead_ends_before_purchase(journey: JourneyMap) -> list[Card]:
    """Cards where a path stops while the customer has not bought yet."""
    graph = journey.graph
    return [
        c
        for c in journey.cards()
        if graph.in_degree(c.id)
        and not graph.out_degree(c.id)
        and journey.stages.get(c.stage_id).effective_phase is BuyingPhase.PRE_PURCHASE
    ]


def loops(journey: JourneyMap, limit: int = 50) -> list[list[str]]:
    """Up to ``limit`` cycles (a support call sending customers back to the website...)."""
    return [list(cycle) for cycle in islice(nx.simple_cycles(journey.graph), limit)]


def has_path_through(journey: JourneyMap) -> bool:
    """Whether some flow path leads from a card in the first stage to one in the last."""
    if len(journey.stages) < 2:
        return False
    first, last = journey.stages.ids()[0], journey.stages.ids()[-1]
    sources = [c.id for c in journey.cards() if c.stage_id == first]
    targets = {c.id for c in journey.cards() if c.stage_id == last}
    return any(targets.intersection(nx.descendants(journey.graph, s)) for s in sources)


def channel_gaps(journey: JourneyMap) -> dict[str, list[str]]:
    """Per stage id, which of 'online' / 'offline' has no touchpoint in that stage."""
    custom = {c.key: c.online for c in journey.info.custom_channels}
    present: dict[str, set[bool]] = {s.id: set() for s in journey.stages}
    for card in touchpoints(journey):
        if card.channel is None:
            continue
        info = BUILTIN_CHANNELS.get(card.channel)
        online = info.online if info else custom.get(card.channel)
        if online is not None:
            present[card.stage_id].add(online)
    return {
        sid: [name for name, flag in (("online", True), ("offline", False)) if flag not in kinds]
        for sid, kinds in present.items()
        if len(kinds) < 2
    }


@dataclass(frozen=True)
class StageEmotion:
    stage_id: str
    stage_name: str
    average: float | None
    scored: int


def emotion_by_stage(journey: JourneyMap, persona_id: str | None) -> list[StageEmotion]:
    """Average emotion of the persona's scored cards in each stage (None where unscored)."""
    result = []
    for stage in journey.stages:
        scores = [
            score
            for lane in journey.lanes
            for card in journey.cards_in_cell(stage.id, lane.id)
            if (score := card.emotion(persona_id)) is not None
        ]
        average = round(fmean(scores), 2) if scores else None
        result.append(StageEmotion(stage.id, stage.name, average, len(scores)))
    return result


def emotion_points(journey: JourneyMap, persona_id: str | None) -> list[tuple[Card, int]]:
    """The persona's emotion curve: scored cards in document order with their score."""
    return [
        (card, score) for card in journey.cards() if (score := card.emotion(persona_id)) is not None
    ]


def by_priority(opportunities: Iterable[Opportunity]) -> list[Opportunity]:
    """Quick wins first, then by impact over effort, then higher impact; stable otherwise."""
    return sorted(opportunities, key=lambda o: (not o.is_quick_win, -o.priority, -o.impact))


def pain_points(journey: JourneyMap, persona_id: str | None) -> list[Card]:
    """Cards marked as pain points, or scored low enough by the persona."""
    return [
        c
        for c in journey.cards()
        if c.kind is CardKind.PAIN_POINT or c.sentiment(persona_id) is Sentiment.PAIN
    ]


def pain_points_by_persona(
    journey: JourneyMap, persona_ids: Iterable[str]
) -> list[tuple[Card, list[tuple[Persona, int]]]]:
    """Cards that hurt any of the personas, worst first, each with whose score hurts.

    A card is a pain point for a persona who scores it in the pain range; cards marked as
    pain points count too (with the scores of those who feel it, possibly none). Worst
    first: the lowest score, then the most personas hurt, moments of truth, map order.
    """
    personas = [journey.personas.get(pid) for pid in persona_ids if pid in journey.personas]
    found: list[tuple[tuple[int, int, bool, int], Card, list[tuple[Persona, int]]]] = []
    for order, card in enumerate(journey.cards()):
        hurt = [
            (p, score)
            for p in personas
            if (score := card.emotion(p.id)) is not None and sentiment_of(score) is Sentiment.PAIN
        ]
        if not hurt and card.kind is not CardKind.PAIN_POINT:
            continue
        hurt.sort(key=lambda ps: ps[1])  # stable: persona order among equal scores
        worst = hurt[0][1] if hurt else 0
        found.append(((worst, -len(hurt), not card.moment_of_truth, order), card, hurt))
    found.sort(key=lambda f: f[0])
    return [(card, hurt) for _, card, hurt in found]
