"""The summary page after the map, for readers who were not in the room: what the map is
about (description, scenario, goal, expectations, notes with the metric units), whose
journey it is, the top pain points with whose score, quick wins and top opportunities,
and per stage the emotion averages and metrics."""

from __future__ import annotations

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.flowables import Run, TextCell, TextParagraph
from mapper.export.pdf.markup import one_line, para
from mapper.export.pdf.styles import styles
from mapper.export.pdf.tables import MUTED, Columns, Row, cell, make_table, room_for
from mapper.export.pdf.votes import top_voted, votes_note
from mapper.export.values import metrics_text, quadrant, short_names, signed
from mapper.layout import theme
from mapper.layout.wording import whose_pain
from mapper.model import JourneyMap, Persona, analysis
from mapper.model.opportunities import by_priority, opportunities
from mapper.model.votes import latest_vote_day

TOP_PAINS = 6
TOP_OPPORTUNITIES = 5
MAX_STAGE_PERSONAS = 4  # persona columns in the by-stage table
MAX_EXPECTATIONS = 12


def summary_story(
    journey: JourneyMap, doc: MapperDocument, personas: list[Persona]
) -> list[Flowable]:
    """The summary's flowables (none when the map holds nothing to summarise).

    ``personas`` in the order the report shows them (the chosen persona first)."""
    body = (
        _about(journey)
        + _personas(personas)
        + top_voted(journey)
        + _pain_points(journey)
        + _opportunities(journey)
        + _stages(journey, doc, personas)
    )
    if not body:
        return []
    st = styles()
    return [
        NextPageTemplate("report"),
        PageBreak(),
        OutlineEntry("summary", "Summary", 0),
        Paragraph(
            f"Summary \u00b7 {para(one_line(journey.info.title) or 'Untitled journey', 300)}",
            st.heading,
        ),
        *body,
    ]


def _about(journey: JourneyMap) -> list[Flowable]:
    st = styles()
    info = journey.info
    flow: list[Flowable] = []
    if info.description.strip():
        flow += [Paragraph("ABOUT THIS MAP", st.label), TextParagraph(info.description, st.body)]
    scenario = info.scenario
    if scenario.title.strip() or scenario.goal.strip() or scenario.expectations:
        flow.append(Paragraph("SCENARIO", st.label))
        if scenario.title.strip():
            flow.append(TextParagraph(scenario.title, st.body, 600, bold=True))
        if scenario.goal.strip():
            flow.append(TextParagraph(scenario.goal, st.body, 1500, prefix="Goal:"))
        expectations = [e for e in scenario.expectations if e.strip()]
        if expectations:
            flow.append(Paragraph("<b>Expectations:</b>", st.body))
            flow += [
                TextParagraph(e, st.bullet, 600, bulletText="\u2022")
                for e in expectations[:MAX_EXPECTATIONS]
            ]
            if len(expectations) > MAX_EXPECTATIONS:
                more = len(expectations) - MAX_EXPECTATIONS
                flow.append(Paragraph(f"\u2026 and {more} more", st.muted))
    if info.notes.strip():
        flow += [Paragraph("NOTES", st.label), TextParagraph(info.notes, st.body)]
    return flow


def _personas(personas: list[Persona]) -> list[Flowable]:
    if not personas:
        return []
    st = styles()
    flow: list[Flowable] = [Paragraph("PERSONAS", st.label)]
    for n, p in enumerate(personas):
        role = f" \u2014 {para(p.role, 300)}" if p.role.strip() else ""
        shown = (
            f' <font color="{theme.MUTED_INK}">(emotions shown on the map)</font>' if n == 0 else ""
        )
        flow.append(
            Paragraph(f"<b>{para(p.name, 200)}</b>{role}{shown}", st.bullet, bulletText="\u2022")
        )
    return flow


def _pain_points(journey: JourneyMap) -> list[Flowable]:
    """The worst pain points for the shown personas, as on screen and in the room."""
    pains = analysis.pain_points_by_persona(journey)
    if not pains:
        return []
    st = styles()
    names = short_names(list(journey.personas))
    day = latest_vote_day(journey)
    flow: list[Flowable] = [Paragraph("TOP PAIN POINTS", st.label)]
    for point in pains[:TOP_PAINS]:
        card = point.card
        stage = journey.stages.get(card.stage_id).name
        star = " \u2605" if card.moment_of_truth else ""
        flow.append(
            Paragraph(
                f"<b>{para(card.title, 200)}</b>{star} "
                f'<font color="{theme.MUTED_INK}">\u00b7 {para(stage, 80)}</font> '
                f"\u2014 {para(whose_pain(point, names), 300)}"
                f"<b>{votes_note(card, day)}</b>",
                st.bullet,
                bulletText="\u2022",
            )
        )
    if len(pains) > TOP_PAINS:
        flow.append(Paragraph(f"\u2026 {len(pains) - TOP_PAINS} more in the report.", st.muted))
    return flow


def _opportunities(journey: JourneyMap) -> list[Flowable]:
    ranked = by_priority(opportunities(journey))
    quick = [o for o in ranked if o.is_quick_win]
    others = [o for o in ranked if not o.is_quick_win][:TOP_OPPORTUNITIES]
    st = styles()
    day = latest_vote_day(journey)
    flow: list[Flowable] = []
    for label, items in (("QUICK WINS", quick), ("TOP OPPORTUNITIES", others)):
        if not items:
            continue
        flow.append(Paragraph(label, st.label))
        for o in items:
            owner = para(o.owner, 120) if o.owner.strip() else "no owner yet"
            flow.append(
                Paragraph(
                    f"<b>{para(o.title, 200)}</b> "
                    f'<font color="{theme.MUTED_INK}">\u00b7 {quadrant(o).lower()}, impact '
                    f"{o.impact}, effort {o.effort} \u00b7 owner: {owner}</font>"
                    f"<b>{votes_note(o, day)}</b>",
                    st.bullet,
                    bulletText="\u2022",
                )
            )
    return flow


def _stages(journey: JourneyMap, doc: MapperDocument, personas: list[Persona]) -> list[Flowable]:
    shown = personas[:MAX_STAGE_PERSONAS]
    names = short_names(personas)
    averages = [analysis.emotion_by_stage(journey, p.id) for p in shown]
    has_emotion = any(r.average is not None for rows in averages for r in rows)
    has_metrics = any(s.metrics.items() for s in journey.stages)
    if not len(journey.stages) or not (has_emotion or has_metrics):
        return []
    share = 0.3 / max(len(shown), 1)
    columns: Columns = (
        ("Stage", 0.22),
        *((f"Emotion, {names[p.id]}", share) for p in shown),
        ("Metrics", 0.48),
    )
    rows: list[Row] = []
    for i, stage in enumerate(journey.stages):
        scores: list[TextCell | None] = []
        for by_stage in averages:
            average = by_stage[i].average
            scores.append(
                cell(signed(average), colour=theme.INK)
                if average is not None
                else cell("\u2013", colour=MUTED)
            )
        metrics = metrics_text(stage.metrics)
        rows.append(
            [
                cell(one_line(stage.name), bold=True, max_lines=3),
                *scores,
                TextCell([Run(metrics or "\u2013", 8, theme.INK if metrics else MUTED)]),
            ]
        )
    st = styles()
    intro = Paragraph(
        "Average emotion of each persona\u2019s scored cards (\u22123 to +3), and the "
        "stage\u2019s metrics (units in the notes above).",
        st.muted,
    )
    table = make_table(rows, columns, doc.body_width, theme.INK, "By stage", doc.body_height)
    label = Paragraph("BY STAGE", st.label)
    return [room_for([label, intro], table, doc.body_width), label, intro, table]
