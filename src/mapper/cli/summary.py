"""``mapper info FILE``: what a map holds, its worst pain points, its latest workshop's
votes and its emotion by stage, as text or JSON."""

from __future__ import annotations

from mapper.cli.output import visible
from mapper.layout.wording import short_names, whose_pain
from mapper.model import analysis
from mapper.model.analysis import PainPoint
from mapper.model.journey import JourneyMap
from mapper.model.opportunities import opportunities
from mapper.model.votes import by_votes, latest_vote_day, spoken_day, votes_on, votes_words

TOP_PAINS = 10  # pain points listed in the human output (the JSON has them all)


def summarise(journey: JourneyMap) -> dict:
    persona = journey.active_persona()
    persona_id = persona.id if persona else None
    pains = analysis.pain_points_by_persona(journey)  # the shown personas, as in the editor
    names = short_names(list(journey.personas))
    return {
        "title": journey.info.title,
        "personas": [p.name for p in journey.personas],
        "active_persona": persona.name if persona else None,
        "stages": len(journey.stages),
        "lanes": len(journey.lanes),
        "cards": journey.card_count(),
        "touchpoints": len(analysis.touchpoints(journey)),
        "flows": journey.flow_count(),
        "shown_personas": [p.name for p in analysis.shown_personas(journey)],
        "pain_points": len(pains),
        "pain_point_details": [_pain_detail(journey, point, names) for point in pains],
        "opportunities": len(opportunities(journey)),
        "emotion_by_stage": [
            {"stage": e.stage_name, "average": e.average, "scored": e.scored}
            for e in analysis.emotion_by_stage(journey, persona_id)
        ],
        "top_voted": _top_voted(journey),
    }


def _top_voted(journey: JourneyMap) -> dict | None:
    """The latest workshop's dot votes, most voted first (None: no workshop voted)."""
    day = latest_vote_day(journey)
    if day is None:
        return None
    cards = by_votes((c for c in journey.cards() if votes_on(c, day)), day)
    return {
        "workshop": day,
        "cards": [
            {
                "card": c.title,
                "card_id": c.id,
                "kind": c.kind.value,
                "stage": journey.stages.get(c.stage_id).name,
                "votes": votes_on(c, day),
            }
            for c in cards
        ],
    }


def _pain_detail(journey: JourneyMap, point: PainPoint, names: dict[str, str]) -> dict:
    card = point.card
    return {
        "card": card.title,
        "card_id": card.id,
        "stage": journey.stages.get(card.stage_id).name,
        "moment_of_truth": card.moment_of_truth,
        "marked": point.marked,
        "whose": whose_pain(point, names),
        "scores": [{"persona": p.name, "persona_id": p.id, "score": s} for p, s in point.hurt],
    }


def format_summary(summary: dict) -> list[str]:
    lines = [
        summary["title"],
        f"  personas:      {', '.join(summary['personas']) or '(none)'}",
    ]
    for key in ("stages", "lanes", "cards", "touchpoints", "flows", "pain_points", "opportunities"):
        lines.append(f"  {key.replace('_', ' ') + ':':<15}{summary[key]}")
    lines += _pain_lines(summary)
    lines += _vote_lines(summary)
    who = f" ({summary['active_persona']})" if summary["active_persona"] else ""
    if not summary["emotion_by_stage"]:
        lines.append("  average emotion by stage: (no stages)")
        return lines
    lines.append(f"  average emotion by stage{who}:")
    stages = [visible(e["stage"]) for e in summary["emotion_by_stage"]]  # aligned as shown
    width = max(map(len, stages), default=0)
    for stage, e in zip(stages, summary["emotion_by_stage"], strict=True):
        value = "-" if e["average"] is None else f"{e['average']:+.2f}"
        lines.append(f"    {stage:<{width}}  {value}")
    return lines


def _vote_lines(summary: dict) -> list[str]:
    voted = summary["top_voted"]
    if not voted:
        return []
    lines = [f"  top voted (the workshop on {spoken_day(voted['workshop'])}):"]
    for d in voted["cards"][:TOP_PAINS]:
        lines.append(f"    {d['card']} \u00b7 {d['stage']} \u2014 {votes_words(d['votes'])}")
    return lines


def _pain_lines(summary: dict) -> list[str]:
    """The worst pain points and whose score makes each one ("Zoë −3, Margot −2")."""
    details = summary["pain_point_details"]
    if not details:
        return []
    shown = ", ".join(summary["shown_personas"]) or "no persona shown"
    lines = [f"  worst pain points (for {shown}):"]
    for d in details[:TOP_PAINS]:
        star = " \u2605" if d["moment_of_truth"] else ""
        lines.append(f"    {d['card']}{star} \u00b7 {d['stage']} \u2014 {d['whose']}")
    if len(details) > TOP_PAINS:
        lines.append(f"    \u2026 and {len(details) - TOP_PAINS} more (--json lists them all)")
    return lines
