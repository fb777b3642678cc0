"""The report pages after the map: personas, touchpoints stage by stage, and the action
plan (opportunities by priority, pain points by severity)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Table

from mapper.export.markup import link, para, shorten
from mapper.export.pdf_doc import MapperDocument, OutlineEntry
from mapper.export.pdf_draw import shade
from mapper.export.pdf_flowables import IconLabel, safe_colour
from mapper.export.pdf_persona import persona_pages
from mapper.export.pdf_styles import styles, table_style
from mapper.export.photos import PhotoCache
from mapper.export.values import (
    by_priority,
    channel_label,
    confidence_text,
    creator_label,
    emotion_text,
    metric_parts,
    metrics_text,
    quadrant,
)
from mapper.layout import theme
from mapper.layout.text import elide
from mapper.model import Card, CardKind, JourneyMap, Opportunity, analysis
from mapper.model.vocabulary import sentiment_of

TOUCHPOINT_COLUMNS = (  # header, share of the width
    ("Touchpoint", 0.25),
    ("Channel", 0.12),
    ("Creator", 0.07),
    ("Owner", 0.11),
    ("Emotion", 0.08),
    ("Metrics", 0.13),
    ("Notes and evidence", 0.24),
)
OPPORTUNITY_COLUMNS = (
    ("#", 0.04),
    ("Opportunity", 0.32),
    ("Priority", 0.1),
    ("Impact", 0.08),
    ("Effort", 0.08),
    ("Owner", 0.12),
    ("Addresses", 0.26),
)
PAIN_COLUMNS = (
    ("Pain point", 0.34),
    ("Stage", 0.14),
    ("Emotion", 0.08),
    ("Owner", 0.14),
    ("Addressed by", 0.3),
)
QUADRANT_COLOURS = {
    "Quick win": "#2f855a",
    "Major project": "#2b6cb0",
    "Fill-in": "#b7791f",
    "Reconsider": "#9aa5b1",
}


def report_story(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None, photos: PhotoCache
) -> list[Flowable]:
    story: list[Flowable] = []
    if len(journey.personas):
        story += persona_pages(journey, doc, photos, 0)
    story += _touchpoint_pages(journey, doc, persona_id)
    story += _priority_pages(journey, doc, persona_id)
    # The "Report" outline entry must come before its sections: put it on the first page.
    first = next(i for i, f in enumerate(story) if isinstance(f, OutlineEntry))
    story.insert(first, OutlineEntry("report", "Report", 0))
    return story


def _header_row(columns: tuple[tuple[str, float], ...]) -> list[Paragraph]:
    st = styles()
    return [Paragraph(para(name), st.header_cell) for name, _ in columns]


def _widths(columns: tuple[tuple[str, float], ...], total: float) -> list[float]:
    return [share * total for _, share in columns]


# ------------------------------------------------------------------ touchpoints
def _touchpoint_pages(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None
) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        NextPageTemplate("report"),
        PageBreak(),
        OutlineEntry("touchpoints", "Touchpoints by stage", 1),
        Paragraph("Touchpoints by stage", st.heading),
    ]
    widths = _widths(TOUCHPOINT_COLUMNS, doc.body_width)
    persona = journey.personas.get(persona_id) if persona_id else None
    who = f" Emotion is {para(persona.name, 80)}\u2019s." if persona else ""
    story.append(
        Paragraph(
            "Every touchpoint in journey order: its channel, who creates it (paid, owned or "
            f"earned), who owns it inside the company, and how it feels.{who}",
            st.muted,
        )
    )
    lanes = list(journey.lanes)
    for i, stage in enumerate(journey.stages):
        cards = [
            c
            for lane in lanes
            for c in journey.cards_in_cell(stage.id, lane.id)
            if c.kind is CardKind.TOUCHPOINT
        ]
        accent = safe_colour(stage.color, theme.HEADER_FILL)
        story.append(OutlineEntry(f"touchpoints-{i}", stage.name, 2))
        heading = Paragraph(
            f'<font color="{shade(accent, 0.7)}">\u25a0</font> {para(stage.name, 200)}',
            _keep(st.subheading),
        )
        story.append(heading)
        summary = _stage_summary(journey, stage.id, cards, persona_id)
        if stage.description.strip():
            summary = f"{para(stage.description, 600)}<br/>{summary}"
        story.append(Paragraph(summary, _keep(st.muted)))
        if not cards:
            continue
        rows = [_header_row(TOUCHPOINT_COLUMNS)]
        rows += [_touchpoint_row(journey, card, persona_id, widths) for card in cards]
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(table_style())
        story.append(table)
    return story


def _stage_summary(
    journey: JourneyMap, stage_id: str, cards: list[Card], persona_id: str | None
) -> str:
    parts = [f"{len(cards)} touchpoint{'s' if len(cards) != 1 else ''}"]
    scores = [s for c in cards if (s := c.emotion(persona_id)) is not None]
    if scores:
        parts.append(f"average emotion {sum(scores) / len(scores):+.1f}")
    metrics = metrics_text(journey.stages.get(stage_id).metrics)
    if metrics:
        parts.append(para(metrics))
    return " \u00b7 ".join(parts)


def _touchpoint_row(
    journey: JourneyMap, card: Card, persona_id: str | None, widths: list[float]
) -> list[object]:
    st = styles()
    title = f"<b>{para(card.title, 300)}</b>"
    if card.moment_of_truth:
        title += f' <font color="{theme.MOMENT_OF_TRUTH_COLOR}">\u2605</font>'
    lines = [title]
    if card.description.strip():
        lines.append(
            f'<font color="{theme.MUTED_INK}" size="7.5">{para(card.description, 300)}</font>'
        )
    if card.url.strip():
        shown = para(shorten(card.url.strip(), 70))
        lines.append(f'<font size="7.5">{link(card.url, shown)}</font>')
    touchpoint = Paragraph("<br/>".join(lines), st.cell)

    inner = widths[1] - 10
    label = channel_label(journey, card.channel)
    channel: object = IconLabel(card.channel, label, inner) if card.channel else ""
    creator = creator_label(card.creator)
    creator_cell: object = ""
    if card.creator is not None:
        colour = theme.CREATOR_COLORS[card.creator]
        creator_cell = Paragraph(f'<font color="{colour}"><b>{creator}</b></font>', st.cell)

    notes = []
    if card.notes.strip():
        notes.append(para(card.notes, 500))
    if card.evidence:
        best = confidence_text(card.confidence)
        source = card.evidence[0].source.strip()
        first = para(card.evidence[0].text, 200) + (f" \u2014 {para(source, 80)}" if source else "")
        count = f" ({len(card.evidence)})" if len(card.evidence) > 1 else ""
        notes.append(
            f'<font color="{theme.MUTED_INK}">Evidence, {best.lower()}{count}:</font> {first}'
        )
    if card.tags:
        tags = " ".join(f"#{para(t, 40)}" for t in card.tags[:12])
        notes.append(f'<font color="{theme.MUTED_INK}">{tags}</font>')
    return [
        touchpoint,
        channel,
        creator_cell,
        Paragraph(para(card.owner, 200), st.cell),
        _emotion_cell(journey, card, persona_id),
        Paragraph("<br/>".join(para(m) for m in metric_parts(card.metrics)), st.cell),
        Paragraph("<br/>".join(notes), st.cell),
    ]


def _emotion_cell(journey: JourneyMap, card: Card, persona_id: str | None) -> Paragraph:
    st = styles()
    parts = []
    score = card.emotion(persona_id)
    if score is not None:
        colour = theme.SENTIMENT_COLORS[sentiment_of(score)]
        parts.append(f'<font color="{colour}" size="9"><b>{emotion_text(score)}</b></font>')
    for persona in journey.personas:
        other = card.emotion(persona.id)
        if persona.id == persona_id or other is None:
            continue
        name = para(elide(persona.name, 40, 7))
        parts.append(
            f'<font size="6.5" color="{theme.MUTED_INK}">{name} {emotion_text(other)}</font>'
        )
    return Paragraph("<br/>".join(parts), st.cell)


# -------------------------------------------------------------------- priorities
def _priority_pages(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None
) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        NextPageTemplate("report"),
        PageBreak(),
        OutlineEntry("priorities", "Pain points and opportunities", 1),
        Paragraph("Pain points and opportunities", st.heading),
        OutlineEntry("opportunities", "Opportunities by priority", 2),
        Paragraph("Opportunities by priority", _keep(st.subheading)),
        Paragraph(
            "Quick wins (impact 4\u20135, effort 1\u20132) first, then by impact over effort. "
            "Each needs an owner.",
            _keep(st.muted),
        ),
    ]
    opportunities = by_priority(list(journey.opportunities))
    if opportunities:
        widths = _widths(OPPORTUNITY_COLUMNS, doc.body_width)
        rows = [_header_row(OPPORTUNITY_COLUMNS)]
        rows += [_opportunity_row(journey, n, o) for n, o in enumerate(opportunities, 1)]
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(table_style())
        story.append(table)
    else:
        story.append(Paragraph("No opportunities recorded yet.", st.body))

    pains = _pains_by_severity(journey, persona_id)
    story += [
        OutlineEntry("pain-points", "Pain points by severity", 2),
        Paragraph("Pain points by severity", _keep(st.subheading)),
        Paragraph("Lowest emotion first; moments of truth before others.", _keep(st.muted)),
    ]
    if pains:
        addressed: dict[str, list[Opportunity]] = {}
        for o in opportunities:
            for pid in o.pain_point_ids:
                addressed.setdefault(pid, []).append(o)
        widths = _widths(PAIN_COLUMNS, doc.body_width)
        rows = [_header_row(PAIN_COLUMNS)]
        rows += [_pain_row(journey, c, persona_id, addressed.get(c.id, [])) for c in pains]
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(table_style(theme.SENTIMENT_COLORS[sentiment_of(-3)]))
        story.append(table)
    else:
        story.append(Paragraph("No pain points recorded yet.", st.body))
    return story


def _rating(value: int) -> str:
    """Five dots, ``value`` of them dark."""
    dot = "\u25cf"
    on, off = dot * value, dot * (5 - value)
    return f'<font color="{theme.INK}">{on}</font><font color="{theme.GRID_LINE}">{off}</font>'


def _opportunity_row(journey: JourneyMap, n: int, o: Opportunity) -> list[object]:
    st = styles()
    text = f"<b>{para(o.title, 300)}</b>"
    if o.description.strip():
        text += f'<br/><font color="{theme.MUTED_INK}" size="7.5">{para(o.description, 500)}</font>'
    label = quadrant(o)
    addresses = [para(journey.card(pid).title, 120) for pid in o.pain_point_ids[:8]]
    if len(o.pain_point_ids) > 8:
        addresses.append(f"\u2026 and {len(o.pain_point_ids) - 8} more")
    if o.stage_id is not None:
        stage = para(journey.stages.get(o.stage_id).name, 80)
        addresses.append(f'<font color="{theme.MUTED_INK}">Stage: {stage}</font>')
    owner = para(o.owner, 200) or f'<font color="{theme.NEGATIVE_CURVE}">no owner yet</font>'
    return [
        Paragraph(str(n), st.cell_muted),
        Paragraph(text, st.cell),
        Paragraph(f'<font color="{QUADRANT_COLOURS[label]}"><b>{label}</b></font>', st.cell),
        Paragraph(_rating(o.impact), st.cell),
        Paragraph(_rating(o.effort), st.cell),
        Paragraph(owner, st.cell),
        Paragraph("<br/>".join(f"\u2022 {a}" for a in addresses), st.cell),
    ]


def _pains_by_severity(journey: JourneyMap, persona_id: str | None) -> list[Card]:
    order = {c.id: i for i, c in enumerate(journey.cards())}
    pains = analysis.pain_points(journey, persona_id)

    def key(card: Card) -> tuple[float, bool, int]:
        score = card.emotion(persona_id)
        return (score if score is not None else 0.5, not card.moment_of_truth, order[card.id])

    return sorted(pains, key=key)


def _pain_row(
    journey: JourneyMap, card: Card, persona_id: str | None, fixes: list[Opportunity]
) -> list[object]:
    st = styles()
    text = f"<b>{para(card.title, 300)}</b>"
    if card.moment_of_truth:
        text += f' <font color="{theme.MOMENT_OF_TRUTH_COLOR}">\u2605 moment of truth</font>'
    if card.description.strip():
        text += (
            f'<br/><font color="{theme.MUTED_INK}" size="7.5">{para(card.description, 300)}</font>'
        )
    if fixes:
        addressed = "<br/>".join(
            f"\u2022 {para(o.title, 120)} ({quadrant(o).lower()})" for o in fixes[:6]
        )
    else:
        addressed = f'<font color="{theme.NEGATIVE_CURVE}">no opportunity yet</font>'
    return [
        Paragraph(text, st.cell),
        Paragraph(para(journey.stages.get(card.stage_id).name, 120), st.cell),
        _emotion_cell(journey, card, persona_id),
        Paragraph(para(card.owner, 200), st.cell),
        Paragraph(addressed, st.cell),
    ]


def _keep(style: ParagraphStyle) -> ParagraphStyle:
    """The style, kept with the next flowable (headings stay with their tables)."""
    return ParagraphStyle(f"{style.name}-keep", style, keepWithNext=1)
