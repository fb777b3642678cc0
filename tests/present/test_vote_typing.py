"""Typing the room's tallies: item = count Enter, count Enter down the list, + and −, and
every slip recoverable (no Qt)."""

from __future__ import annotations

from mapper.present.vote_typing import Tally, VoteTyping


def press(typing: VoteTyping, *keys: str):
    return [typing.press(k) for k in keys]


def test_item_equals_count_enter_sets_that_item_and_picks_it():
    typing = VoteTyping(12)
    outcomes = press(typing, "1", "0", "=", "1", "2")
    assert all(o.handled and o.tally is None for o in outcomes)
    assert typing.shown() == "10 = 12"
    assert "item 10 gets 12 votes" in typing.explained()
    done = typing.press("enter")
    assert done.tally == Tally(9, count=12) and typing.picked == 9 and not typing.typing


def test_counts_typed_down_the_list_move_the_pick_on():
    typing = VoteTyping(3)
    tallies = [o.tally for o in press(typing, "4", "enter", "0", "enter", "7", "enter")]
    assert [t for t in tallies if t] == [Tally(0, count=4), Tally(1, count=0), Tally(2, count=7)]
    assert typing.picked == 2  # stays on the last


def test_space_separates_like_equals_and_plus_minus_add_to_the_pick():
    typing = VoteTyping(5)
    press(typing, "down", "down")
    assert typing.press("+").tally == Tally(2, delta=1)
    assert typing.press("=").tally == Tally(2, delta=1)  # the unshifted +
    assert typing.press("-").tally == Tally(2, delta=-1)
    press(typing, "2", "space", "3")
    assert typing.press("enter").tally == Tally(1, count=3)


def test_spaces_around_the_equals_sign_are_part_of_the_entry():
    """``3 = 12`` typed as written, spaces and all: a space mid-entry never reaches the
    show (where it would step on, or turn a long list's page and move the pick)."""
    typing = VoteTyping(20)
    outcomes = press(typing, "3", "space", "=", "space", "1", "2", "space")
    assert all(o.handled and o.tally is None for o in outcomes)
    assert typing.shown() == "3 = 12"
    assert typing.press("enter").tally == Tally(2, count=12)
    assert typing.press("space").handled is False  # nothing typed: the usual next


def test_slips_are_forgiven():
    typing = VoteTyping(5)
    outcome = press(typing, "9", "=", "1", "enter")[-1]
    assert outcome.tally is None and "no item 9" in outcome.problem
    press(typing, "3", "=", "4", "backspace", "backspace")
    assert typing.shown() == "3"
    assert typing.press("escape").handled and not typing.typing
    assert typing.press("-").tally == Tally(0, delta=-1)
    press(typing, "2", "=")
    assert typing.press("enter").tally is None and typing.picked == 1  # just a pick
    assert typing.press("+").handled
    assert press(typing, "1", "2", "3", "4", "5")[-1].handled and typing.shown() == "1234"


def test_with_nothing_typed_the_usual_keys_keep_their_meaning():
    typing = VoteTyping(5)
    for key in ("enter", "space", "backspace", "escape", "right"):
        assert not typing.press(key).handled
    assert not VoteTyping(0).press("1").handled  # nothing to vote on


def test_up_and_down_past_the_ends_keep_their_usual_meaning():
    typing = VoteTyping(2)
    assert not typing.press("up").handled  # on the first item: a clicker's "back"
    assert typing.press("down").handled and typing.picked == 1
    assert not typing.press("down").handled  # on the last: a clicker's "next"
    typing.press("4")
    assert typing.press("down").handled and not typing.typing  # mid-typing: a slip, forgiven
