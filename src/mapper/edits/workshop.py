"""Notes the room gives during a workshop, captured in present mode: each one a new card
in the map's "Workshop notes" lane (made when missing), in the stage being discussed,
tagged with the workshop's date and saying when and by whom it was taken. Capturing only
adds: nothing that existed before is changed."""

from __future__ import annotations

from datetime import date, datetime

from mapper.edits.changes import Change, Composite, Insert
from mapper.model import Card, CardKind, Entity, JourneyMap, Lane, LaneKind, new_id
from mapper.model.vocabulary import SHORT_TEXT_MAX
from mapper.model.votes import day_of, spoken_day

NOTES_LANE = "Workshop notes"
TAG_PREFIX = "workshop "


def workshop_tag(when: datetime) -> str:
    """The tag every note of one day's workshop carries: "workshop 2026-12-06"."""
    return f"{TAG_PREFIX}{day_of(when)}"


def workshop_days(journey: JourneyMap) -> list[str]:
    """The workshop tags found on the map's cards, newest first (a tag of the user's own
    that only starts like one, "workshop kickoff", is not a workshop's)."""
    tags = {t for c in journey.cards() for t in c.tags if _is_workshop_tag(t)}
    return sorted(tags, reverse=True)


def workshop_title(tag: str) -> str:
    """ "workshop 2026-12-06" -> "the workshop on 6 December 2026"."""
    return f"the workshop on {spoken_day(tag.removeprefix(TAG_PREFIX))}"


def _is_workshop_tag(tag: str) -> bool:
    if not tag.startswith(TAG_PREFIX):
        return False
    try:
        date.fromisoformat(tag.removeprefix(TAG_PREFIX))
    except ValueError:
        return False
    return True


def notes_lane(journey: JourneyMap) -> Lane | None:
    return next((lane for lane in journey.lanes if lane.name == NOTES_LANE), None)


def capture_note(
    journey: JourneyMap, stage_id: str, text: str, when: datetime, presenter: str
) -> Change | None:
    """A note for ``stage_id``, as one undo step; None for an empty note."""
    title = " ".join(text.split())[:SHORT_TEXT_MAX]
    if not title:
        return None
    parts: list[Change] = []
    lane = notes_lane(journey)
    if lane is None:
        lane = Lane(new_id("lane"), NOTES_LANE, LaneKind.CUSTOM,
                    description="Notes the room gave in workshops")  # fmt: skip
        parts.append(Insert(journey, Entity.LANE, len(journey.lanes), lane))
    by = f" by {presenter}" if presenter.strip() else ""
    card = Card(
        new_id("note"), stage_id, lane.id, title, kind=CardKind.NOTE,
        notes=f"Captured in {workshop_title(workshop_tag(when))} at {when:%H:%M}{by}.",
        tags=(workshop_tag(when),),
    )  # fmt: skip
    index = 0 if parts else len(journey.cards_in_cell(stage_id, lane.id))
    parts.append(Insert(journey, Entity.CARD, index, card, "Add workshop note"))
    return parts[0] if len(parts) == 1 else Composite(journey, "Add workshop note", parts)
