"""Pain points: the one rule every list, mark and count of them follows (which shown
persona's score makes a card hurt). Kept apart from :mod:`.analysis`, which re-exports it:
a map's first frame marks its cards with this, and needs none of the graph questions."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from mapper.model.entities import Card, Persona
from mapper.model.journey import JourneyMap
from mapper.model.vocabulary import PAIN_THRESHOLD, CardKind, Sentiment


def shown_personas(journey: JourneyMap) -> list[Persona]:
    """The personas whose curves and pain points show: those not hidden, in list order."""
    return [p for p in journey.personas if not p.hidden]


def lead_persona(journey: JourneyMap, shown: Sequence[Persona] | None = None) -> Persona | None:
    """The persona whose feelings the map shows on its cards (love marks, score badges,
    the curve drawn on top): the active one while it is shown, else the first shown one.
    ``shown``: the personas shown (by default those not hidden on the map; present mode
    passes those the room sees). A hidden persona shows nowhere, even when active."""
    shown = shown_personas(journey) if shown is None else shown
    active = journey.active_persona()
    if active is not None and any(p.id == active.id for p in shown):
        return active
    return shown[0] if shown else None


@dataclass(frozen=True)
class PainPoint:
    """A card that hurts, and whose score makes it hurt (lowest first, then list order).

    ``hurt`` is empty for a card marked as a pain point that no persona counted scores in
    the pain range."""

    card: Card
    hurt: tuple[tuple[Persona, int], ...]

    @property
    def worst(self) -> int | None:
        """The lowest score that makes it a pain point (None: only marked as one)."""
        return self.hurt[0][1] if self.hurt else None

    @property
    def marked(self) -> bool:
        return self.card.kind is CardKind.PAIN_POINT


def hurt_by(card: Card, personas: Iterable[Persona]) -> tuple[tuple[Persona, int], ...]:
    """Which of ``personas`` score the card in the pain range, lowest score first (list
    order among equal scores): whose score makes it a pain point."""
    emotions = card.emotions
    if not emotions:
        return ()
    # sentiment_of's pain range, inlined: canvases ask this of every card they paint
    hurt = [
        (p, score)
        for p in personas
        if (score := emotions.get(p.id)) is not None and score <= PAIN_THRESHOLD
    ]
    if len(hurt) > 1:
        hurt.sort(key=lambda ps: ps[1])  # stable
    return tuple(hurt)


def card_mark(card: Card, personas: Iterable[Persona], persona_id: str | None) -> Sentiment:
    """The pain or love mark a card shows on the map: pain where one of the (shown)
    ``personas`` scores it in the pain range, as every list of pain points counts it;
    love where the persona whose feelings the map shows (the active one) loves it."""
    if hurt_by(card, personas):
        return Sentiment.PAIN
    return Sentiment.LOVE if card.sentiment(persona_id) is Sentiment.LOVE else Sentiment.NEUTRAL


def pain_points_by_persona(
    journey: JourneyMap,
    persona_ids: Iterable[str] | None = None,
    lane_ids: Container[str] | None = None,
) -> list[PainPoint]:
    """Which cards are pain points for which personas: the one rule every list follows.

    ``persona_ids`` default to the shown personas (unknown ids are ignored); ``lane_ids``,
    when given, keep only cards in those lanes. A card is a pain point when a counted
    persona scores it in the pain range (−2 or lower), or when it is marked as one (then
    with the scores of those it hurts, possibly none). Worst first: the lowest score (a
    card only marked counts as the pain threshold), then the most personas hurt, moments of
    truth, map order.
    """
    if persona_ids is None:
        personas = shown_personas(journey)
    else:
        personas = [journey.personas.get(pid) for pid in persona_ids if pid in journey.personas]
    found: list[tuple[tuple[int, int, bool, int], PainPoint]] = []
    for order, card in enumerate(journey.cards()):
        if lane_ids is not None and card.lane_id not in lane_ids:
            continue
        hurt = hurt_by(card, personas)
        if not hurt and card.kind is not CardKind.PAIN_POINT:
            continue
        worst = hurt[0][1] if hurt else PAIN_THRESHOLD
        rank = (worst, -len(hurt), not card.moment_of_truth, order)
        found.append((rank, PainPoint(card, hurt)))
    found.sort(key=lambda f: f[0])
    return [point for _, point in found]
