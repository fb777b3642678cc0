"""A map's own channels: made with a key of their own, renamed without touching the key
the cards use, names refused in words; each one undoable step (no Qt)."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.edits import EditRefused
from mapper.edits.channels import add_channel, edit_channel
from mapper.model import CustomChannel


@pytest.fixture
def journey():
    return sample_map()  # has the map's own "Kiosk" (offline), used by t3


def test_a_new_channel_gets_a_key_no_other_channel_has(journey):
    change, key = add_channel(journey, "  Pop-up   kiosk ", True)
    assert key == "pop_up_kiosk" and change.text == "Add channel 'Pop-up kiosk'"
    change.apply()
    assert journey.info.custom_channels[-1] == CustomChannel("pop_up_kiosk", "Pop-up kiosk", True)
    _, second = add_channel(journey, "Pop up kiosk!", False)
    assert second == "pop_up_kiosk_2"
    _, email = add_channel(journey, "E-mail", True)
    assert email == "e_mail"
    _, builtin_clash = add_channel(journey, "Store 2", False)
    assert builtin_clash == "store_2"
    change.revert()
    assert [c.key for c in journey.info.custom_channels] == ["kiosk"]


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("   ", "A channel needs a name"),
        ("kiosk", "There is already a channel called 'kiosk'"),
        ("Mobile App", "There is already a channel called 'Mobile App'"),
        ("x" * 2001, "at most 2,000 characters"),
    ],
)
def test_names_that_are_empty_taken_or_too_long_are_refused(journey, label, message):
    with pytest.raises(EditRefused, match=message):
        add_channel(journey, label, True)


def test_renaming_keeps_the_key_the_cards_use(journey):
    rename = edit_channel(journey, "kiosk", "Self-service kiosk", True)
    assert rename is not None and rename.text == "Rename channel to 'Self-service kiosk'"
    rename.apply()
    assert journey.info.custom_channels == (CustomChannel("kiosk", "Self-service kiosk", True),)
    assert journey.card("t3").channel == "kiosk"
    assert edit_channel(journey, "kiosk", "Self-service kiosk", True) is None  # unchanged
    assert edit_channel(journey, "kiosk", "self-service KIOSK", True) is not None  # its own name
    offline = edit_channel(journey, "kiosk", "Self-service kiosk", False)
    assert offline is not None and offline.text == "Make channel 'Self-service kiosk' offline"
    rename.revert()
    assert journey.info.custom_channels == (CustomChannel("kiosk", "Kiosk", False),)
    with pytest.raises(EditRefused, match="Only the map's own channels"):
        edit_channel(journey, "app", "Apps", True)
