"""The room's dot votes in the report: the summary lists what the latest workshop voted
for most, with its count."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from mapper.export.pdf.flowables import Run
from mapper.export.pdf.markup import para
from mapper.export.pdf.styles import styles
from mapper.layout import theme
from mapper.model import Card, JourneyMap
from mapper.model.votes import latest_vote_day, spoken_day, votes_on, votes_words

TOP_VOTED = 6


def top_voted(journey: JourneyMap) -> list[Flowable]:
    """ "Top voted in the workshop on 6 December 2026": the cards with the most votes."""
    day = latest_vote_day(journey)
    if day is None:
        return []
    voted = sorted(
        (c for c in journey.cards() if votes_on(c, day)), key=lambda c: -votes_on(c, day)
    )
    st = styles()
    flow: list[Flowable] = [
        Paragraph(f"TOP VOTED IN THE WORKSHOP ON {spoken_day(day).upper()}", st.label)
    ]
    for card in voted[:TOP_VOTED]:
        stage = journey.stages.get(card.stage_id).name
        flow.append(
            Paragraph(
                f"<b>{para(card.title, 200)}</b> "
                f'<font color="{theme.MUTED_INK}">\u00b7 {para(stage, 80)} \u00b7 '
                f"{card.kind.value.replace('_', ' ')}</font> \u2014 "
                f"<b>{votes_words(votes_on(card, day))}</b>",
                st.bullet,
                bulletText="\u2022",
            )
        )
    if len(voted) > TOP_VOTED:
        flow.append(Paragraph(f"\u2026 {len(voted) - TOP_VOTED} more with votes.", st.muted))
    return flow


def votes_note(card: Card, day: str | None) -> str:
    """ " · 12 votes" for a card voted for on ``day``, the latest workshop's, else ""
    (the caller finds the day once per list: it looks at every card)."""
    count = votes_on(card, day)
    return f" \u00b7 {votes_words(count)}" if count else ""


def votes_run(card: Card, day: str | None) -> list[Run]:
    """A table cell's line for a card voted for on ``day``, the latest workshop's (none
    otherwise). The caller finds the day once per table: it looks at every card."""
    count = votes_on(card, day)
    if not count or day is None:
        return []
    text = f"{votes_words(count)} in the workshop on {spoken_day(day)}"
    return [Run(text, 7.5, theme.INK, bold=True, max_lines=2)]
