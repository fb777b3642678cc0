"""The report pages after the map: personas, touchpoints stage by stage, and the action
plan (opportunities by priority, pain points by severity).

Table cells are :class:`TextCell` runs of plain text, never markup; headings and intros
are Paragraphs whose user text goes through :func:`para` (escaped).
"""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
)

from mapper.export.markup import para, safe_url, shorten
from mapper.export.pdf_doc import MapperDocument, OutlineEntry
from mapper.export.pdf_draw import shade
from mapper.export.pdf_flowables import IconLabel, Rating, Run, TextCell, safe_colour
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
from mapper.model import Card, CardKind, JourneyMap, Opportunity, analysis
from mapper.model.vocabulary import sentiment_of

Columns = tuple[tuple[str, float], ...]  # header, share of the width

TOUCHPOINT_COLUMNS: Columns = (
    ("Touchpoint", 0.25),
    ("Channel", 0.12),
    ("Creator", 0.07),
    ("Owner", 0.11),
    ("Emotion", 0.08),
    ("Metrics", 0.13),
    ("Notes and evidence", 0.24),
)
OPPORTUNITY_COLUMNS: Columns = (
    ("#", 0.04),
    ("Opportunity", 0.32),
    ("Priority", 0.1),
    ("Impact", 0.08),
    ("Effort", 0.08),
    ("Owner", 0.12),
    ("Addresses", 0.26),
)
PAIN_COLUMNS: Columns = (
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
    "Reconsider": "#7b8794",
}
LINK_COLOUR = "#2b6cb0"
WARNING_COLOUR = "#c53030"
MUTED = theme.MUTED_INK


def report_story(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None, photos: PhotoCache
) -> list[Flowable]:
    story: list[Flowable] = []
    if len(journey.personas):
        story += persona_pages(journey, doc, photos, 0)
    story += _touchpoint_pages(journey, doc, persona_id)
    story += _priority_pages(journey, doc, persona_id)
    # The "Report" outline entry comes before its sections, on the first report page.
    first = next(i for i, f in enumerate(story) if isinstance(f, OutlineEntry))
    story.insert(first, OutlineEntry("report", "Report", 0))
    return story


def _table(rows: list[list[object]], columns: Columns, width: float, colour: str) -> Table:
    header = [TextCell([Run(name, 7.5, "#ffffff", bold=True)]) for name, _ in columns]
    table = Table([header, *rows], colWidths=[s * width for _, s in columns], repeatRows=1)
    table.setStyle(table_style(colour))
    return table


def _heading_room() -> CondPageBreak:
    """A new page unless a heading, its intro and a few table rows still fit here.

    (``keepWithNext`` would glue a heading to a whole table and can leave a blank page
    when the table is longer than a page.)"""
    return CondPageBreak(130)


def _cell(
    text: str, size: float = 8.0, colour: str = theme.INK, bold: bool = False, max_lines: int = 4
) -> TextCell:
    return TextCell([Run(text, size, colour, bold, max_lines=max_lines)])


# ------------------------------------------------------------------ touchpoints
def _touchpoint_pages(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None
) -> list[Flowable]:
    st = styles()
    persona = journey.personas.get(persona_id) if persona_id else None
    who = f" Emotion is {para(persona.name, 80)}\u2019s." if persona else ""
    story: list[Flowable] = [
        NextPageTemplate("report"),
        PageBreak(),
        OutlineEntry("touchpoints", "Touchpoints by stage", 1),
        Paragraph("Touchpoints by stage", st.heading),
        Paragraph(
            "Every touchpoint in journey order: its channel, who creates it (paid, owned or "
            f"earned), who owns it inside the company, and how it feels.{who}",
            st.muted,
        ),
    ]
    channel_width = TOUCHPOINT_COLUMNS[1][1] * doc.body_width - 10
    for i, stage in enumerate(journey.stages):
        cards = [
            c
            for lane in journey.lanes
            for c in journey.cards_in_cell(stage.id, lane.id)
            if c.kind is CardKind.TOUCHPOINT
        ]
        accent = shade(safe_colour(stage.color, theme.HEADER_FILL), 0.7)
        story += [_heading_room(), OutlineEntry(f"touchpoints-{i}", stage.name, 2)]
        story.append(
            Paragraph(
                f'<font color="{accent}">\u25a0</font> {para(stage.name, 200)}',
                st.subheading,
            )
        )
        summary = _stage_summary(journey, stage.id, cards, persona_id)
        if stage.description.strip():
            summary = f"{para(stage.description, 600)}<br/>{summary}"
        story.append(Paragraph(summary, st.muted))
        if cards:
            rows = [_touchpoint_row(journey, c, persona_id, channel_width) for c in cards]
            story.append(_table(rows, TOUCHPOINT_COLUMNS, doc.body_width, theme.INK))
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
    journey: JourneyMap, card: Card, persona_id: str | None, channel_width: float
) -> list[object]:
    runs = [Run(card.title, 8, bold=True, max_lines=6)]
    if card.moment_of_truth:
        runs.append(Run("\u2605 Moment of truth", 7, theme.MOMENT_OF_TRUTH_COLOR, bold=True))
    if card.description.strip():
        runs.append(Run(card.description, 7.5, MUTED, max_lines=5))
    if card.url.strip():
        url = safe_url(card.url)
        shown = shorten(card.url.strip(), 90)
        runs.append(Run(shown, 7, LINK_COLOUR if url else MUTED, url=url, max_lines=2))

    channel: object = ""
    if card.channel:
        channel = IconLabel(card.channel, channel_label(journey, card.channel), channel_width)
    creator: object = ""
    if card.creator is not None:
        colour = theme.CREATOR_COLORS[card.creator]
        creator = _cell(creator_label(card.creator), colour=colour, bold=True)

    notes = [Run(card.notes, 8, max_lines=8)]
    if card.evidence:
        first = card.evidence[0]
        count = f" ({len(card.evidence)})" if len(card.evidence) > 1 else ""
        source = f" \u2014 {first.source.strip()}" if first.source.strip() else ""
        label = f"Evidence, {confidence_text(card.confidence).lower()}{count}: "
        notes.append(Run(label + first.text.strip() + source, 7.5, MUTED, max_lines=4))
    if card.tags:
        notes.append(Run(" ".join(f"#{t}" for t in card.tags[:12]), 7.5, MUTED, max_lines=2))
    return [
        TextCell(runs),
        channel,
        creator,
        _cell(card.owner, max_lines=3),
        _emotion_cell(journey, card, persona_id),
        TextCell([Run(m, 8) for m in metric_parts(card.metrics)], gap=0.5),
        TextCell(notes),
    ]


def _emotion_cell(journey: JourneyMap, card: Card, persona_id: str | None) -> TextCell:
    runs = []
    score = card.emotion(persona_id)
    if score is not None:
        colour = theme.SENTIMENT_COLORS[sentiment_of(score)]
        runs.append(Run(emotion_text(score), 9, colour, bold=True))
    for persona in journey.personas:
        other = card.emotion(persona.id)
        if persona.id != persona_id and other is not None:
            runs.append(
                Run(f"{shorten(persona.name, 18)} {emotion_text(other)}", 6.5, MUTED, max_lines=1)
            )
    return TextCell(runs, gap=0.5)


# -------------------------------------------------------------------- priorities
def _priority_pages(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None
) -> list[Flowable]:
    st = styles()
    opportunities = by_priority(list(journey.opportunities))
    story: list[Flowable] = [
        NextPageTemplate("report"),
        PageBreak(),
        OutlineEntry("priorities", "Pain points and opportunities", 1),
        Paragraph("Pain points and opportunities", st.heading),
        OutlineEntry("opportunities", "Opportunities by priority", 2),
        Paragraph("Opportunities by priority", st.subheading),
        Paragraph(
            "Quick wins (impact 4\u20135, effort 1\u20132) first, then by impact over effort. "
            "Each needs an owner.",
            st.muted,
        ),
    ]
    if opportunities:
        rows = [_opportunity_row(journey, n, o) for n, o in enumerate(opportunities, 1)]
        story.append(_table(rows, OPPORTUNITY_COLUMNS, doc.body_width, theme.INK))
    else:
        story.append(Paragraph("No opportunities recorded yet.", st.body))

    pains = _pains_by_severity(journey, persona_id)
    story += [
        _heading_room(),
        OutlineEntry("pain-points", "Pain points by severity", 2),
        Paragraph("Pain points by severity", st.subheading),
        Paragraph("Lowest emotion first; moments of truth before others.", st.muted),
    ]
    if pains:
        addressed: dict[str, list[Opportunity]] = {}
        for o in opportunities:
            for pid in o.pain_point_ids:
                addressed.setdefault(pid, []).append(o)
        rows = [_pain_row(journey, c, persona_id, addressed.get(c.id, [])) for c in pains]
        pain_colour = theme.SENTIMENT_COLORS[sentiment_of(-3)]
        story.append(_table(rows, PAIN_COLUMNS, doc.body_width, pain_colour))
    else:
        story.append(Paragraph("No pain points recorded yet.", st.body))
    return story


def _opportunity_row(journey: JourneyMap, n: int, o: Opportunity) -> list[object]:
    label = quadrant(o)
    addresses = [
        Run(f"\u2022 {journey.card(pid).title}", 7.5, max_lines=2) for pid in o.pain_point_ids[:8]
    ]
    if len(o.pain_point_ids) > 8:
        addresses.append(Run(f"\u2026 and {len(o.pain_point_ids) - 8} more", 7.5, MUTED))
    if o.stage_id is not None:
        stage = journey.stages.get(o.stage_id).name
        addresses.append(Run(f"Stage: {stage}", 7.5, MUTED, max_lines=2))
    owner = (
        _cell(o.owner, max_lines=3)
        if o.owner.strip()
        else _cell("no owner yet", colour=WARNING_COLOUR)
    )
    return [
        _cell(str(n), colour=MUTED),
        TextCell(
            [Run(o.title, 8, bold=True, max_lines=6), Run(o.description, 7.5, MUTED, max_lines=6)]
        ),
        _cell(label, colour=QUADRANT_COLOURS[label], bold=True),
        Rating(o.impact),
        Rating(o.effort),
        owner,
        TextCell(addresses, gap=0.5),
    ]


def _pains_by_severity(journey: JourneyMap, persona_id: str | None) -> list[Card]:
    order = {c.id: i for i, c in enumerate(journey.cards())}

    def key(card: Card) -> tuple[float, bool, int]:
        score = card.emotion(persona_id)
        return (score if score is not None else 0.5, not card.moment_of_truth, order[card.id])

    return sorted(analysis.pain_points(journey, persona_id), key=key)


def _pain_row(
    journey: JourneyMap, card: Card, persona_id: str | None, fixes: list[Opportunity]
) -> list[object]:
    runs = [Run(card.title, 8, bold=True, max_lines=6)]
    if card.moment_of_truth:
        runs.append(Run("\u2605 Moment of truth", 7, theme.MOMENT_OF_TRUTH_COLOR, bold=True))
    runs.append(Run(card.description, 7.5, MUTED, max_lines=5))
    if fixes:
        fixed = [
            Run(f"\u2022 {o.title} ({quadrant(o).lower()})", 7.5, max_lines=2) for o in fixes[:6]
        ]
    else:
        fixed = [Run("no opportunity yet", 7.5, WARNING_COLOUR)]
    return [
        TextCell(runs),
        _cell(journey.stages.get(card.stage_id).name, max_lines=3),
        _emotion_cell(journey, card, persona_id),
        _cell(card.owner, max_lines=3),
        TextCell(fixed, gap=0.5),
    ]
