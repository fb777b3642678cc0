"""What the detail overlay says about a card or an opportunity: every field that is set,
its evidence and its metrics, as HTML for a QTextDocument. Pure Python."""

from __future__ import annotations

from html import escape

from mapper.model import CardKind, JourneyMap, Quadrant, sentiment_of
from mapper.model.entities import Card
from mapper.model.opportunities import addressed, addressing
from mapper.present.content import shown
from mapper.present.labels import (
    METRIC_LABELS,
    PHASE_LABELS,
    channel_label,
    confidence_label,
    creator_label,
    metric_value,
    score_label,
)
from mapper.present.theme import Palette

KIND_LABELS = {
    "touchpoint": "Touchpoint",
    "action": "Customer action",
    "thought": "Thought",
    "pain_point": "Pain point",
    "opportunity": "Opportunity",
    "note": "Note",
}
FEELINGS = {"pain": "pain point", "love": "love point", "neutral": ""}


def detail_html(journey: JourneyMap, target: Card, pal: Palette, size: float) -> str:
    """``size``: the body text size in pixels; headings scale from it."""
    kicker, title, rows, sections = _card(journey, target)
    description = target.description
    parts = [
        f'<div style="color:{pal.muted}; font-size:{size * 0.8:.0f}px; font-weight:bold;">'
        f"{escape(kicker.upper())}</div>",
        f'<div style="font-size:{size * 1.7:.0f}px; font-weight:bold; color:{pal.ink};">'
        f"{escape(title)}</div>",
    ]
    if description:
        parts.append(f'<p style="font-size:{size:.0f}px;">{_text(description)}</p>')
    if rows:
        cells = "".join(
            f'<tr><td style="color:{pal.muted}; padding-right:{size:.0f}px;">{escape(name)}</td>'
            f"<td>{value}</td></tr>"
            for name, value in rows
        )
        parts.append(
            f'<table cellspacing="0" cellpadding="{size * 0.2:.0f}" '
            f'style="font-size:{size:.0f}px; margin-top:{size * 0.6:.0f}px;">{cells}</table>'
        )
    for heading, items in sections:
        parts.append(
            f'<div style="font-size:{size * 1.05:.0f}px; font-weight:bold; '
            f'margin-top:{size:.0f}px; color:{pal.ink};">{escape(heading)}</div>'
        )
        parts.append(
            f'<ul style="font-size:{size:.0f}px; margin-top:0px;">'
            + "".join(f"<li>{item}</li>" for item in items)
            + "</ul>"
        )
    return f'<div style="color:{pal.ink};">' + "".join(parts) + "</div>"


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _card(journey: JourneyMap, card: Card):
    stage = journey.stages.get(card.stage_id) if card.stage_id in journey.stages else None
    lane = journey.lanes.get(card.lane_id) if card.lane_id in journey.lanes else None
    rows: list[tuple[str, str]] = []
    sections: list[tuple[str, list[str]]] = []
    if card.kind is CardKind.OPPORTUNITY:
        rows, sections = _opportunity(journey, card)
    if stage is not None:
        rows.append(("Stage", escape(stage.name)))
    if lane is not None:
        rows.append(("Lane", escape(lane.name)))
    if card.channel:
        rows.append(("Channel", escape(channel_label(journey, card.channel))))
    if card.creator:
        rows.append(("Creator", escape(creator_label(card.creator))))
    phase = card.buying_phase or (stage.effective_phase if stage else None)
    if phase is not None:
        rows.append(("Buying phase", escape(PHASE_LABELS[phase])))
    if card.moment_of_truth:
        rows.append(("Moment of truth", "Yes: it decides the customer's opinion"))
    if card.owner and card.kind is not CardKind.OPPORTUNITY:
        rows.append(("Owner", escape(card.owner)))
    feelings = []
    for persona in shown(journey).personas:  # as the slides: not hidden, not left out
        score = card.emotions.get(persona.id)
        if score is not None:
            word = FEELINGS[sentiment_of(score).value]
            feelings.append(
                f"{escape(persona.name)} {score_label(score)}" + (f" ({word})" if word else "")
            )
    if feelings:
        rows.append(("Feels", "<br>".join(feelings)))
    if card.confidence is not None:
        rows.append(("Confidence", escape(confidence_label(card.confidence))))
    if card.tags:
        rows.append(("Tags", escape(", ".join(card.tags))))
    if card.url:
        rows.append(("Link", escape(card.url)))
    rows.extend(_metric_rows(card.metrics.items()))
    if card.notes:
        rows.append(("Notes", _text(card.notes)))
    if card.evidence:
        sections.append(
            (
                "Evidence",
                [
                    f"“{_text(e.text)}”"
                    + (f" — {escape(e.source)}" if e.source else "")
                    + f" <i>({escape(confidence_label(e.confidence))})</i>"
                    for e in card.evidence
                ],
            )
        )
    fixes = addressing(journey, card.id)
    if fixes:
        sections.append(("Opportunities", [_opportunity_line(o) for o in fixes]))
    return KIND_LABELS.get(card.kind.value, "Card"), card.title, rows, sections


def _metric_rows(items) -> list[tuple[str, str]]:
    return [(METRIC_LABELS[name], escape(metric_value(name, value))) for name, value in items]


def _opportunity_line(opp: Card) -> str:
    line = f"{escape(opp.title)} (impact {opp.impact}/5, effort {opp.effort}/5)"
    return line + (" — <b>quick win</b>" if opp.is_quick_win else "")


def _opportunity(
    journey: JourneyMap, opp: Card
) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    """An opportunity's rating and owner first, and the pain points it addresses."""
    rows = [
        ("Impact", f"{opp.impact} / 5"),
        ("Effort", f"{opp.effort} / 5"),
        ("Priority", escape(_quadrant(opp))),
        ("Owner", escape(opp.owner) if opp.owner else "<i>no owner yet</i>"),
    ]
    pains = []
    for card in addressed(journey, opp):
        if not card.sensitive:
            stage = journey.stages.get(card.stage_id).name
            pains.append(f"{escape(card.title)} <i>({escape(stage)})</i>")
    return rows, [("Pain points it addresses", pains)] if pains else []


QUADRANT_MEANING = {
    Quadrant.QUICK_WIN: "high impact, low effort",
    Quadrant.MAJOR_PROJECT: "high impact, more effort",
    Quadrant.FILL_IN: "low effort, modest impact",
    Quadrant.RECONSIDER: "more effort than impact",
}


def _quadrant(opp: Card) -> str:
    """Where it sits on the impact / effort matrix."""
    return f"{opp.quadrant.value}: {QUADRANT_MEANING[opp.quadrant]}"
