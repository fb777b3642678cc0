"""The inspector of an opportunity card, driven with real key presses and clicks: impact,
effort and the pain points it addresses, each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.test_window import inspector_field, inspector_labels
from mapper.model import CardKind, Entity
from mapper.ui.form_fields import ChoiceField
from mapper.ui.opportunity_fields import PainPointPicker, PriorityLabel


def picker_rows(picker: PainPointPicker) -> list[tuple[str, bool]]:
    rows = []
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        rows.append((item.text(), item.checkState() == Qt.CheckState.Checked))
    return rows


def click_tick(picker: PainPointPicker, card_id: str) -> None:
    """A real click on the row's check box."""
    item = picker.item_for(card_id)
    assert item is not None
    rect = picker.list.visualItemRect(item)
    box = QPoint(rect.left() + rect.height() // 2, rect.center().y())
    QTest.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=box)
    QApplication.processEvents()


def test_an_opportunity_card_shows_its_rating_owner_and_pain_points(window):
    window.scene.select_ids(["o1"])
    labels = inspector_labels(window)
    for label in ("Impact", "Effort", "Priority", "Owner", "Addresses"):
        assert labels.count(label) == 1, label
    assert "Channel" not in labels
    assert inspector_field(window, "Impact").currentText() == "5 \u2013 very high"
    assert inspector_field(window, "Effort").currentText() == "2 \u2013 low"
    assert inspector_field(window, "Owner").text() == "Pricing"
    priority = inspector_field(window, "Priority")
    assert isinstance(priority, PriorityLabel) and priority.text().startswith("<b>Quick win")
    picker = inspector_field(window, "Addresses")
    # the map's pain points in map order, whoever feels them; those it addresses ticked
    assert picker_rows(picker) == [
        ("Online checkout (Purchase)", True),
        ("Hidden fees (Purchase)", True),
    ]
    window.scene.select_ids(["t2"])  # other kinds have no rating
    assert "Impact" not in inspector_labels(window) and "Owner" in inspector_labels(window)


def test_impact_and_effort_change_with_the_keyboard_one_undo_step_each(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["o1"])
    impact = inspector_field(window, "Impact")
    assert isinstance(impact, ChoiceField)
    impact.setFocus()
    QTest.keyClick(impact, Qt.Key.Key_Up)  # 5 -> 4
    assert journey.card("o1").impact == 4
    effort = inspector_field(window, "Effort")
    effort.setFocus()
    QTest.keyClick(effort, Qt.Key.Key_Down)  # 2 -> 3
    QTest.keyClick(effort, Qt.Key.Key_Down)  # 3 -> 4
    card = journey.card("o1")
    assert (card.impact, card.effort) == (4, 4)
    assert [stack.text(i) for i in range(stack.count())] == [
        "Set impact to 4",
        "Set effort to 3",
        "Set effort to 4",
    ]
    assert inspector_field(window, "Priority").text().startswith("<b>Major project")
    stack.undo()
    assert journey.card("o1").effort == 3
    assert inspector_field(window, "Effort").currentText() == "3 \u2013 medium"
    stack.undo()
    stack.undo()
    card = journey.card("o1")
    assert (card.impact, card.effort) == (5, 2)
    assert inspector_field(window, "Impact").currentText() == "5 \u2013 very high"
    assert inspector_field(window, "Priority").text().startswith("<b>Quick win")
    stack.redo()
    assert journey.card("o1").impact == 4


def test_ticking_a_pain_point_links_it_in_one_undo_step(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["o2"])
    picker = inspector_field(window, "Addresses")
    assert picker_rows(picker) == [
        ("Online checkout (Purchase)", False),
        ("Hidden fees (Purchase)", False),
    ]
    click_tick(picker, "p1")
    assert journey.card("o2").pain_point_ids == ("p1",)
    click_tick(picker, "t2")
    assert journey.card("o2").pain_point_ids == ("p1", "t2")
    assert [stack.text(i) for i in range(stack.count())] == [
        "Link pain point 'Hidden fees'",
        "Link pain point 'Online checkout'",
    ]
    click_tick(picker, "p1")  # untick
    assert journey.card("o2").pain_point_ids == ("t2",)
    assert stack.text(2) == "Unlink pain point 'Hidden fees'"
    stack.undo()
    assert journey.card("o2").pain_point_ids == ("p1", "t2")
    assert picker_rows(picker) == [
        ("Online checkout (Purchase)", True),
        ("Hidden fees (Purchase)", True),
    ]
    stack.undo()
    stack.undo()
    assert journey.card("o2").pain_point_ids == ()
    assert picker_rows(picker)[1] == ("Hidden fees (Purchase)", False)
    # the keyboard ticks too: space on the current row
    picker.list.setFocus()
    picker.list.setCurrentRow(1)
    QTest.keyClick(picker.list, Qt.Key.Key_Space)
    assert journey.card("o2").pain_point_ids == ("p1",)


def test_the_list_offers_pain_points_of_shown_personas_and_what_is_linked(window):
    journey = window.document.journey
    journey.update(Entity.PERSONA, "maya", hidden=True)  # t2 hurts only Maya
    window.scene.select_ids(["o2"])
    assert picker_rows(inspector_field(window, "Addresses")) == [("Hidden fees (Purchase)", False)]
    window.scene.select_ids(["o1"])  # o1 addresses t2 already: it stays on its list
    assert [text for text, _ in picker_rows(inspector_field(window, "Addresses"))] == [
        "Online checkout (Purchase)",
        "Hidden fees (Purchase)",
    ]


def test_deleting_a_pain_point_unticks_it_and_undo_ticks_it_again(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["p1"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not journey.has_card("p1")
    assert journey.card("o1").pain_point_ids == ("t2",)
    stack.undo()
    assert journey.card("o1").pain_point_ids == ("p1", "t2")
    window.scene.select_ids(["o1"])
    assert picker_rows(inspector_field(window, "Addresses"))[1] == ("Hidden fees (Purchase)", True)


def test_a_long_pain_point_never_makes_the_inspector_scroll_sideways(window):
    journey, inspector = window.document.journey, window.inspector
    dock = inspector.parentWidget()
    dock.resize(320, dock.height())
    inspector.resize(300, inspector.height())
    window.scene.select_ids(["o1"])
    QApplication.processEvents()
    before = inspector.horizontalScrollBar().maximum()  # whatever the other fields need
    journey.update(Entity.CARD, "p1", title="Fees " * 120)
    QApplication.processEvents()
    picker = inspector_field(window, "Addresses")
    assert inspector.horizontalScrollBar().maximum() <= before
    assert picker.list.horizontalScrollBar().maximum() == 0
    assert picker.minimumSizeHint().width() <= 80 and picker.list.minimumSizeHint().width() <= 80
    rows = [picker.list.visualItemRect(picker.list.item(i)) for i in range(2)]
    assert rows[1].height() > 3 * rows[0].height()  # the long title wraps
    assert rows[1].right() <= picker.list.viewport().width()


def test_the_list_follows_the_map_but_typing_does_not_search_it_again(window, monkeypatch):
    from mapper.ui import opportunity_fields

    journey = window.document.journey
    window.scene.select_ids(["o2"])
    searches = []
    original = opportunity_fields.pain_point_choices
    monkeypatch.setattr(
        opportunity_fields,
        "pain_point_choices",
        lambda *args: searches.append(1) or original(*args),
    )
    title = inspector_field(window, "Title")
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_End)
    QTest.keyClicks(title, " now")
    assert journey.card("o2").title == "Callback slots now"
    assert searches == []  # nothing typed can change which cards are pain points
    journey.update(Entity.CARD, "a1", kind=CardKind.PAIN_POINT)  # a new pain point
    assert searches == [1]
    rows = picker_rows(inspector_field(window, "Addresses"))
    assert rows[0] == ("Sees an advert (Awareness)", False)
