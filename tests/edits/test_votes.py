"""Dot votes as edits: one undo step per tally, kept per workshop day, never touching the
rest of the card, and back with the card when its removal is undone."""

from __future__ import annotations

from dataclasses import replace

from factories import sample_map
from mapper.document import Document
from mapper.edits.selection import delete
from mapper.edits.votes import add_votes, set_votes
from mapper.fileformat import dumps_journey, load_journey, save_journey
from mapper.model.vocabulary import VOTES_MAX
from mapper.model.votes import by_votes, latest_vote_day, spoken_day, vote_days, votes_on


def test_tallies_are_per_day_and_leave_the_rest_of_the_card_alone():
    journey = sample_map()
    before = journey.card("p1")
    set_votes(journey, "p1", "2026-12-06", 12).apply()
    add_votes(journey, "p1", "2026-12-06", 1).apply()
    set_votes(journey, "p1", "2026-11-20", 3).apply()
    after = journey.card("p1")
    assert after.votes == {"2026-11-20": 3, "2026-12-06": 13}
    assert replace(after, votes={}) == before
    assert vote_days(journey) == ["2026-12-06", "2026-11-20"]
    assert latest_vote_day(journey) == "2026-12-06"
    assert votes_on(after, "2026-11-20") == 3 and votes_on(after, None) == 0
    assert spoken_day("2026-12-06") == "6 December 2026"


def test_no_change_is_no_step_and_counts_stay_in_range():
    journey = sample_map()
    assert set_votes(journey, "p1", "2026-12-06", 0) is None
    assert add_votes(journey, "p1", "2026-12-06", -1) is None  # never below none
    assert set_votes(journey, "gone", "2026-12-06", 3) is None
    set_votes(journey, "p1", "2026-12-06", VOTES_MAX + 50).apply()
    assert journey.card("p1").votes == {"2026-12-06": VOTES_MAX}
    add_votes(journey, "p1", "2026-12-06", -VOTES_MAX).apply()
    assert journey.card("p1").votes == {}  # none left: the day is gone from the card


def test_votes_undo_redo_save_and_come_back_with_a_deleted_card(tmp_path, qapp):
    path = tmp_path / "voted.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    journey = document.journey
    original = dumps_journey(journey)
    assert document.try_push(set_votes(journey, "p1", "2026-12-06", 7))
    assert document.try_push(add_votes(journey, "p1", "2026-12-06", 1))
    assert document.try_push(set_votes(journey, "o1", "2026-12-06", 4))
    voted = dumps_journey(journey)
    document.save()
    assert dumps_journey(load_journey(path)) == voted
    document.undo_stack.undo()  # a mistyped tally is one undo away
    assert journey.card("o1").votes == {} and journey.card("p1").votes == {"2026-12-06": 8}
    document.undo_stack.redo()
    assert dumps_journey(journey) == voted
    assert document.try_push(delete(journey, cards=["p1"]))
    assert not journey.has_card("p1")
    saved_without = tmp_path / "without.journey"
    save_journey(journey, saved_without)
    assert not load_journey(saved_without).has_card("p1")  # loads, the votes went with it
    document.undo_stack.undo()
    assert journey.card("p1").votes == {"2026-12-06": 8}
    for _ in range(3):
        document.undo_stack.undo()
    assert dumps_journey(journey) == original


def test_most_voted_first_ties_keep_their_order():
    journey = sample_map()
    set_votes(journey, "t2", "2026-12-06", 2).apply()
    set_votes(journey, "t3", "2026-12-06", 5).apply()
    set_votes(journey, "t1", "2026-11-01", 9).apply()  # another workshop
    cards = [journey.card(i) for i in ("t1", "t2", "t3", "t4")]
    assert [c.id for c in by_votes(cards, "2026-12-06")] == ["t3", "t2", "t1", "t4"]
