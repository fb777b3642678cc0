"""Report: the action plan. Opportunities by priority (quick wins first, with owners)
and pain points by severity, each with what addresses it."""

from __future__ import annotations

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.flowables import Rating, Run, TextCell
from mapper.export.pdf.styles import styles
from mapper.export.pdf.tables import (
    CELL_PADDING,
    MUTED,
    WARNING_COLOUR,
    Columns,
    Row,
    cell,
    column_widths,
    make_table,
    room_for,
)
from mapper.export.pdf.touchpoints import name_and_score
from mapper.export.pdf.votes import votes_run
from mapper.export.values import quadrant, short_names
from mapper.layout import theme
from mapper.layout.wording import MARKED_PAIN, score_label
from mapper.model import Card, JourneyMap, analysis
from mapper.model.analysis import PainPoint
from mapper.model.opportunities import by_priority, opportunities
from mapper.model.vocabulary import sentiment_of
from mapper.model.votes import latest_vote_day

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
    ("Pain point", 0.32),
    ("Stage", 0.13),
    ("Pain for", 0.12),
    ("Owner", 0.13),
    ("Addressed by", 0.3),
)
QUADRANT_COLOURS = {  # text colours: at least 4.5:1 on the table's white and grey rows
    "Quick win": "#276749",
    "Major project": "#245c9c",
    "Fill-in": "#875413",
    "Reconsider": "#5f6d7a",
}


def priority_pages(journey: JourneyMap, doc: MapperDocument) -> list[Flowable]:
    """Opportunities by priority, then the pain points of the shown personas (the map's
    rule: ``analysis.pain_points_by_persona``), each with whose score makes it one."""
    st = styles()
    ranked = by_priority(opportunities(journey))
    pains = analysis.pain_points_by_persona(journey)  # the shown personas, as on screen
    if not ranked and not pains:
        return []
    widths = column_widths(PAIN_COLUMNS, doc.body_width)
    whose_width = widths[2] - 2 * CELL_PADDING
    names = short_names(list(journey.personas))
    day = latest_vote_day(journey)
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
    if ranked:
        rows = [_opportunity_row(journey, n, o, day) for n, o in enumerate(ranked, 1)]
        title = "Opportunities by priority"
        story.append(
            make_table(rows, OPPORTUNITY_COLUMNS, doc.body_width, theme.INK, title, doc.body_height)
        )
    else:
        story.append(Paragraph("No opportunities recorded yet.", st.body))

    addressed: dict[str, list[Card]] = {}
    for o in ranked:
        for pid in o.pain_point_ids:
            addressed.setdefault(pid, []).append(o)
    rows = [
        _pain_row(journey, point, addressed.get(point.card.id, []), whose_width, names, day)
        for point in pains
    ]

    intro = [
        Paragraph("Pain points by severity", st.subheading),
        Paragraph(
            "Lowest score first, then the most personas hurt; moments of truth before "
            "others. \u201cPain for\u201d: whose score makes it a pain point.",
            st.muted,
        ),
    ]
    table = None
    if rows:
        pain_colour = theme.SENTIMENT_COLORS[sentiment_of(-3)]
        title = "Pain points by severity"
        table = make_table(rows, PAIN_COLUMNS, doc.body_width, pain_colour, title, doc.body_height)
    story.append(room_for(intro, table, doc.body_width))
    story += [OutlineEntry("pain-points", "Pain points by severity", 2), *intro]
    if table is not None:
        story.append(table)
    else:
        story.append(Paragraph("No pain points recorded yet.", st.body))
    return story


def _opportunity_row(journey: JourneyMap, n: int, o: Card, day: str | None) -> Row:
    label = quadrant(o)
    addresses = [
        Run(f"\u2022 {journey.card(pid).title}", 7.5, max_lines=2) for pid in o.pain_point_ids[:8]
    ]
    if len(o.pain_point_ids) > 8:
        addresses.append(Run(f"\u2026 and {len(o.pain_point_ids) - 8} more", 7.5, MUTED))
    stage = journey.stages.get(o.stage_id).name
    addresses.append(Run(f"Stage: {stage}", 7.5, MUTED, max_lines=2))
    owner = (
        cell(o.owner, max_lines=3)
        if o.owner.strip()
        else cell("no owner yet", colour=WARNING_COLOUR)
    )
    return [
        cell(str(n), colour=MUTED),
        TextCell(
            [
                Run(o.title, 8, bold=True, max_lines=6),
                *votes_run(o, day),
                Run(o.description, 7.5, MUTED, max_lines=6),
            ]
        ),
        cell(label, colour=QUADRANT_COLOURS[label], bold=True),
        Rating(o.impact),
        Rating(o.effort),
        owner,
        TextCell(addresses, gap=0.5),
    ]


def _pain_row(
    journey: JourneyMap,
    point: PainPoint,
    fixes: list[Card],
    whose_width: float,
    names: dict[str, str],
    day: str | None,
) -> Row:
    card = point.card
    runs = [Run(card.title, 8, bold=True, max_lines=6)]
    if card.moment_of_truth:
        runs.append(Run("\u2605 Moment of truth", 7, theme.MOMENT_OF_TRUTH_COLOR, bold=True))
    runs += votes_run(card, day)
    runs.append(Run(card.description, 7.5, MUTED, max_lines=5))
    if fixes:
        fixed = [
            Run(f"\u2022 {o.title} ({quadrant(o).lower()})", 7.5, max_lines=2) for o in fixes[:6]
        ]
    else:
        fixed = [Run("no opportunity yet", 7.5, WARNING_COLOUR)]
    return [
        TextCell(runs),
        cell(journey.stages.get(card.stage_id).name, max_lines=3),
        _whose_cell(point, whose_width, names),
        cell(card.owner, max_lines=3),
        TextCell(fixed, gap=0.5),
    ]


def _whose_cell(point: PainPoint, width: float, names: dict[str, str]) -> TextCell:
    """Whose score makes it a pain point, one persona a line, lowest first ("Zoë −3"); a
    name too long for the column is shortened, never the score."""
    if not point.hurt:
        return TextCell([Run(MARKED_PAIN, 7.5, MUTED, max_lines=3)])
    colour = theme.SENTIMENT_COLORS[sentiment_of(-3)]
    return TextCell(
        [
            Run(name_and_score(names[p.id], score_label(score), width, 8), 8, colour)
            for p, score in point.hurt
        ],
        gap=0.5,
    )
