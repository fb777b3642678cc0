"""Which tags name a workshop's day: the notes' own "workshop 2026-12-06", not a tag of the
user's that only starts like one."""

from __future__ import annotations

from datetime import datetime

from factories import sample_map
from mapper.edits.workshop import capture_note, workshop_days, workshop_tag, workshop_title
from mapper.model import Entity


def test_a_users_tag_that_starts_like_a_workshops_is_not_a_workshop_day():
    journey = sample_map()
    journey.update(Entity.CARD, "p1", tags=("workshop kickoff", "workshop 2026-13-40"))
    assert workshop_days(journey) == []
    note = capture_note(journey, "s1", "Too many screens", datetime(2026, 12, 6, 14, 5), "Ana")
    assert note is not None
    note.apply()
    assert workshop_days(journey) == [workshop_tag(datetime(2026, 12, 6))]
    assert workshop_title("workshop 2026-12-06") == "the workshop on 6 December 2026"
    card = next(c for c in journey.cards() if c.tags == ("workshop 2026-12-06",))
    assert card.notes == "Captured in the workshop on 6 December 2026 at 14:05 by Ana."
