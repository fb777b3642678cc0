"""Report: every touchpoint stage by stage, with channel, creator, owner, emotion,
metrics and notes; one table per stage, its header repeated on every page."""

from __future__ import annotations

from functools import lru_cache

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.draw import shade
from mapper.export.pdf.flowables import IconLabel, Run, TextCell, TextParagraph, safe_colour
from mapper.export.pdf.markup import one_line, para, safe_url, shorten
from mapper.export.pdf.styles import styles
from mapper.export.pdf.tables import (
    CELL_PADDING,
    LINK_COLOUR,
    MUTED,
    Columns,
    Row,
    cell,
    column_widths,
    make_table,
    room_for,
)
from mapper.export.values import (
    channel_label,
    confidence_text,
    creator_label,
    emotion_text,
    metric_parts,
    metrics_text,
    short_names,
    signed,
)
from mapper.layout import theme
from mapper.layout.text import elide, text_width
from mapper.model import Card, CardKind, JourneyMap
from mapper.model.vocabulary import sentiment_of

OTHER_SIZE = 6.5  # the other personas' scores under the persona's own
TOUCHPOINT_COLUMNS: Columns = (
    ("Touchpoint", 0.25),
    ("Channel", 0.12),
    ("Creator", 0.07),
    ("Owner", 0.11),
    ("Emotion", 0.08),
    ("Metrics", 0.13),
    ("Notes and evidence", 0.24),
)


def touchpoint_pages(
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
    widths = column_widths(TOUCHPOINT_COLUMNS, doc.body_width)
    channel_width, emotion_width = (widths[i] - 2 * CELL_PADDING for i in (1, 4))
    if not any(c.kind is CardKind.TOUCHPOINT for c in journey.cards()):
        return []
    names = short_names(list(journey.personas))
    for i, stage in enumerate(journey.stages):
        cards = [
            c
            for lane in journey.lanes
            for c in journey.cards_in_cell(stage.id, lane.id)
            if c.kind is CardKind.TOUCHPOINT
        ]
        accent = shade(safe_colour(stage.color, theme.HEADER_FILL), 0.7)
        heading = Paragraph(
            f'<font color="{accent}">\u25a0</font> {para(stage.name, 200)}', st.subheading
        )
        summary = _stage_summary(journey, stage.id, cards, persona_id)
        described = stage.description.strip()
        intro = [
            heading,
            TextParagraph(stage.description, st.muted, 600, suffix=summary)
            if described
            else Paragraph(summary, st.muted),
        ]
        rows = [
            _touchpoint_row(journey, c, persona_id, channel_width, emotion_width, names)
            for c in cards
        ]
        table = None
        if rows:
            table = make_table(
                rows,
                TOUCHPOINT_COLUMNS,
                doc.body_width,
                theme.INK,
                one_line(stage.name) or "(untitled stage)",
                doc.body_height,
            )
        story.append(room_for(intro, table, doc.body_width))
        story += [OutlineEntry(f"touchpoints-{i}", stage.name, 2), *intro]
        if table is not None:
            story.append(table)
    return story


def _stage_summary(
    journey: JourneyMap, stage_id: str, cards: list[Card], persona_id: str | None
) -> str:
    parts = [f"{len(cards)} touchpoint{'s' if len(cards) != 1 else ''}"]
    scores = [s for c in cards if (s := c.emotion(persona_id)) is not None]
    if scores:
        parts.append(f"average emotion {signed(sum(scores) / len(scores))}")
    metrics = metrics_text(journey.stages.get(stage_id).metrics)
    if metrics:
        parts.append(para(metrics))
    return " \u00b7 ".join(parts)


def _touchpoint_row(
    journey: JourneyMap,
    card: Card,
    persona_id: str | None,
    channel_width: float,
    emotion_width: float,
    names: dict[str, str],
) -> Row:
    runs = [Run(card.title, 8, bold=True, max_lines=6)]
    if card.moment_of_truth:
        runs.append(Run("\u2605 Moment of truth", 7, theme.MOMENT_OF_TRUTH_COLOR, bold=True))
    if card.description.strip():
        runs.append(Run(card.description, 7.5, MUTED, max_lines=5))
    if card.url.strip():
        url = safe_url(card.url)
        shown = shorten(card.url.strip(), 90)
        runs.append(Run(shown, 7, LINK_COLOUR if url else MUTED, url=url, max_lines=2))

    channel = None
    if card.channel:
        channel = IconLabel(card.channel, channel_label(journey, card.channel), channel_width)
    creator = None
    if card.creator is not None:
        colour = theme.CREATOR_COLORS[card.creator]
        creator = cell(creator_label(card.creator), colour=colour, bold=True)

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
        cell(card.owner, max_lines=3),
        emotion_cell(journey, card, persona_id, emotion_width, names),
        TextCell([Run(m, 8) for m in metric_parts(card.metrics)], gap=0.5),
        TextCell(notes),
    ]


def emotion_cell(
    journey: JourneyMap,
    card: Card,
    persona_id: str | None,
    width: float,
    names: dict[str, str] | None = None,
) -> TextCell:
    """The persona's score, then the other personas' by first name ("Margot \u22122"); a
    name too long for the column is shortened, never the score."""
    runs = []
    score = card.emotion(persona_id)
    if score is not None:
        colour = theme.SENTIMENT_COLORS[sentiment_of(score)]
        runs.append(Run(emotion_text(score), 9, colour, bold=True))
    names = names or short_names(list(journey.personas))
    for persona in journey.personas:
        other = card.emotion(persona.id)
        if persona.id != persona_id and other is not None:
            line = name_and_score(names[persona.id], emotion_text(other), width)
            runs.append(Run(line, OTHER_SIZE, MUTED, max_lines=1))
    return TextCell(runs, gap=0.5)


@lru_cache(maxsize=1024)
def name_and_score(name: str, value: str, width: float, size: float = OTHER_SIZE) -> str:
    """The name and score ("Margot \u22122") in ``width`` at ``size``: a long name is
    shortened, never the score."""
    room = width - text_width(f" {value}", size) - 0.5
    return f"{elide(name, room, size)} {value}"
