"""A report page per persona: profile on the left, goals and frustrations on the right."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.flowables import Avatar, EmotionBar, TextParagraph, safe_colour
from mapper.export.pdf.markup import para
from mapper.export.pdf.photos import PhotoCache
from mapper.export.pdf.styles import CELL_FONT, styles
from mapper.export.values import emotion_text, signed
from mapper.layout import theme
from mapper.model import JourneyMap, Persona, analysis

MAX_ITEMS = 40
MAX_DEMOGRAPHICS = 30


def persona_pages(
    personas: list[Persona], doc: MapperDocument, journey: JourneyMap, photos: PhotoCache
) -> list[Flowable]:
    """A page per persona, in the order given (the persona the export shows first)."""
    story: list[Flowable] = []
    for n, persona in enumerate(personas):
        story += [NextPageTemplate("persona"), PageBreak()]
        if n == 0:
            story.append(OutlineEntry("personas", "Personas", 1))
        story.append(OutlineEntry(f"persona-{n}", persona.name, 2))
        story += _profile(journey, persona, doc, photos)
        story.append(FrameBreak())
        story += _details(journey, persona, doc)
    return story


def _profile(
    journey: JourneyMap, persona: Persona, doc: MapperDocument, photos: PhotoCache
) -> list[Flowable]:
    st = styles()
    width = doc.profile_width
    flow: list[Flowable] = [Avatar(persona, photos.get(persona), min(112.0, width * 0.6))]
    flow.append(TextParagraph(persona.name, st.name, 200))
    if persona.role.strip():
        flow.append(TextParagraph(persona.role, st.muted, 300))
    if persona.quote.strip():
        quote = TextParagraph(f"\u201c{persona.quote.strip()}\u201d", st.quote, 600)
        box = Table([[quote]], colWidths=[width])
        box.setStyle(
            TableStyle(
                [
                    CELL_FONT,
                    ("LINEBEFORE", (0, 0), (0, 0), 2.5, safe_colour(persona.color)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        flow += [Spacer(1, 6), box]
    if persona.demographics:
        flow.append(Paragraph("DEMOGRAPHICS", st.label))
        rows = [
            [TextParagraph(k, st.cell_muted, 120), TextParagraph(v, st.cell, 300)]
            for k, v in list(persona.demographics.items())[:MAX_DEMOGRAPHICS]
        ]
        table = Table(rows, colWidths=[width * 0.38, width * 0.62])
        table.setStyle(
            TableStyle(
                [
                    CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        flow.append(table)
    flow += _emotion_table(journey, persona, width)
    return flow


def _emotion_table(journey: JourneyMap, persona: Persona, width: float) -> list[Flowable]:
    st = styles()
    rows = analysis.emotion_by_stage(journey, persona.id)
    if not any(r.average is not None for r in rows):
        return []
    bar_w = width * 0.42
    data = [
        [
            TextParagraph(r.stage_name, st.cell, 80),
            EmotionBar(r.average, bar_w),
            Paragraph(_signed(r.average), st.cell_muted),
        ]
        for r in rows
    ]
    table = Table(data, colWidths=[width * 0.42, bar_w + 6, width * 0.16 - 6], repeatRows=0)
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [CondPageBreak(40), Paragraph("AVERAGE EMOTION BY STAGE", st.label), table]


def _signed(value: float | None) -> str:
    if value is None:
        return "\u2013"
    return signed(value)


def _details(journey: JourneyMap, persona: Persona, doc: MapperDocument) -> list[Flowable]:
    st = styles()
    flow: list[Flowable] = []
    if persona.bio.strip():
        flow += [Paragraph("ABOUT", st.label), TextParagraph(persona.bio, st.body, 3000)]
    for label, items in (
        ("GOALS", persona.goals),
        ("MOTIVATIONS", persona.motivations),
        ("FRUSTRATIONS", persona.frustrations),
        ("BEHAVIOURS", persona.behaviours),
    ):
        if not items:
            continue
        flow.append(Paragraph(label, st.label))
        flow += [
            TextParagraph(item, st.bullet, 600, bulletText="\u2022") for item in items[:MAX_ITEMS]
        ]
        if len(items) > MAX_ITEMS:
            flow.append(Paragraph(f"\u2026 and {len(items) - MAX_ITEMS} more", st.muted))
    lows = sorted(
        (
            (score, n, card)
            for n, (card, score) in enumerate(analysis.emotion_points(journey, persona.id))
            if score < 0
        ),
        key=lambda t: (t[0], t[1]),
    )[:5]
    if lows:
        flow.append(Paragraph("LOWEST MOMENTS", st.label))
        for score, _, card in lows:
            stage = journey.stages.get(card.stage_id).name
            colour = theme.SENTIMENT_COLORS[card.sentiment(persona.id)]
            flow.append(
                Paragraph(
                    f'<font color="{colour}"><b>{emotion_text(score)}</b></font>&nbsp;&nbsp;'
                    f'{para(card.title, 200)} <font color="{theme.MUTED_INK}">\u00b7 '
                    f"{para(stage, 80)}</font>",
                    st.bullet,
                    bulletText="\u2022",
                )
            )
    if not flow:
        flow.append(Paragraph("No details recorded for this persona yet.", st.muted))
    return flow
