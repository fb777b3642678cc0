"""Questions teams ask of a journey, answered on the live graph with NetworkX."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from statistics import fmean

import networkx as nx

from mapper.model.entities import Card, Persona, Stage
from mapper.model.journey import JourneyMap
from mapper.model.pain import PainPoint as PainPoint  # the pain point rules live there
from mapper.model.pain import card_mark as card_mark
from mapper.model.pain import hurt_by as hurt_by
from mapper.model.pain import pain_points_by_persona as pain_points_by_persona
from mapper.model.pain import shown_personas as shown_personas
from mapper.model.vocabulary import BUILTIN_CHANNELS, BuyingPhase, CardKind


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
    """A persona's average emotion in a stage, over the cards it scored."""

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


@dataclass(frozen=True)
class PersonaCurve:
    """A persona's average emotion per stage, in map order (None: no scored card there)."""

    persona: Persona
    averages: tuple[float | None, ...]


@dataclass(frozen=True)
class Divergence:
    """A stage where the personas' averages differ: by how much, and who feels it worst
    and best."""

    stage_index: int
    spread: float
    lowest: Persona
    highest: Persona


@dataclass(frozen=True)
class PersonaComparison:
    """How personas' emotions compare stage by stage."""

    stages: tuple[Stage, ...]
    curves: tuple[PersonaCurve, ...]
    means: tuple[float | None, ...]  # per stage, the mean of the personas' averages there
    divergent: tuple[Divergence, ...]  # most divergent first; stages two personas scored


def compare_personas(
    journey: JourneyMap, persona_ids: Iterable[str] | None = None
) -> PersonaComparison:
    """Each persona's average per stage, and the stages ranked by how far the personas
    diverge (highest minus lowest average; ties in map order). ``persona_ids`` default to
    the shown personas. One pass over the cards."""
    if persona_ids is None:
        personas = shown_personas(journey)
    else:
        personas = [journey.personas.get(pid) for pid in persona_ids if pid in journey.personas]
    stages = tuple(journey.stages)
    column = {s.id: i for i, s in enumerate(stages)}
    sums = [[0.0] * len(stages) for _ in personas]
    counts = [[0] * len(stages) for _ in personas]
    for card in journey.cards():
        i = column[card.stage_id]
        for n, persona in enumerate(personas):
            score = card.emotion(persona.id)
            if score is not None:
                sums[n][i] += score
                counts[n][i] += 1
    curves = tuple(
        PersonaCurve(
            persona,
            tuple(round(s / c, 2) if c else None for s, c in zip(sums[n], counts[n], strict=True)),
        )
        for n, persona in enumerate(personas)
    )
    means: list[float | None] = []
    divergent: list[Divergence] = []
    for i in range(len(stages)):
        scored = [(a, c.persona) for c in curves if (a := c.averages[i]) is not None]
        means.append(round(fmean(a for a, _ in scored), 2) if scored else None)
        if len(scored) >= 2:
            low = min(scored, key=lambda ap: ap[0])
            high = max(scored, key=lambda ap: ap[0])
            divergent.append(Divergence(i, round(high[0] - low[0], 2), low[1], high[1]))
    divergent.sort(key=lambda d: (-d.spread, d.stage_index))
    return PersonaComparison(stages, curves, tuple(means), tuple(divergent))
