"""The canvas's rough edges: the outline in step with the canvas selection both ways, the
cards' metrics line and its View toggle, whole stage-header metrics, and flow labels
that are shortened (full text on hover) or not drawn rather than laid over card text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from gui.conftest import card_center, view_point
from mapper.document import Document
from mapper.fileformat.io import load_journey
from mapper.layout.labels import FlowLabel
from mapper.layout.text import ELLIPSIS
from mapper.layout.wording import metric_parts
from mapper.model import Entity, Metrics
from mapper.ui.actions import CARD_METRICS_KEY

COFFEE = Path(__file__).resolve().parents[2] / "examples" / "coffee-chain.journey"


def _click(widget, point: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.processEvents()


def _outline_current(window):
    return window.outline.current()


def _click_outline(window, kind: Entity, item_id: str) -> None:
    tree = window.outline.tree
    root = window.outline.stages_root if kind is Entity.STAGE else window.outline.lanes_root
    item = next(root.child(i) for i in range(root.childCount())
                if root.child(i).data(0, Qt.ItemDataRole.UserRole + 1) == (kind, item_id))  # fmt: skip
    _click(tree.viewport(), tree.visualItemRect(item).center())


def test_the_outline_follows_the_canvas_selection(window):
    header = window.scene.stage_headers["s2"].box.header
    _click(window.view.viewport(), view_point(window, header.x + 40, header.y + 20))
    assert window.scene.selected_ids(Entity.STAGE) == ["s2"]
    assert _outline_current(window) == (Entity.STAGE, "s2")
    _click(window.view.viewport(), card_center(window, "t1"))  # a card: no stage or lane
    assert window.scene.selected_ids(Entity.CARD) == ["t1"]
    assert _outline_current(window) is None
    assert window.outline.tree.selectedItems() == []
    lane = window.scene.lane_headers["l-tp"].box.header
    _click(window.view.viewport(), view_point(window, lane.x + 60, lane.y + lane.height / 2))
    assert _outline_current(window) == (Entity.LANE, "l-tp")
    empty = window.scene.layout.cells[("s3", "l-pain")]
    _click(window.view.viewport(), view_point(window, empty.x + 20, empty.bottom - 8))
    assert window.scene.selectedItems() == []
    assert _outline_current(window) is None


def test_a_click_in_the_outline_selects_and_shows_it_on_the_canvas(window):
    _click(window.view.viewport(), card_center(window, "t1"))
    window.view.centerOn(0, 2000)  # the stage's header far out of sight
    QApplication.processEvents()
    _click_outline(window, Entity.STAGE, "s3")
    assert window.scene.selected_ids(Entity.STAGE) == ["s3"]
    assert window.scene.selected_ids(Entity.CARD) == []
    item = window.scene.stage_headers["s3"]
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.intersects(item.sceneBoundingRect())
    assert _outline_current(window) == (Entity.STAGE, "s3")
    # the same item again after the canvas moved on: it is chosen again
    _click(window.view.viewport(), card_center(window, "t2"))
    assert _outline_current(window) is None
    _click_outline(window, Entity.STAGE, "s3")
    assert window.scene.selected_ids(Entity.STAGE) == ["s3"]


def _ink_pixels(window, rect) -> int:
    """How many pixels in a scene rectangle are dark (text on a light card)."""
    image = QImage(int(rect.width), int(rect.height), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    from PySide6.QtCore import QRectF

    window.scene.render(painter, QRectF(image.rect()),
                        QRectF(rect.x, rect.y, rect.width, rect.height))  # fmt: skip
    painter.end()
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            found += c.red() + c.green() + c.blue() < 450  # text, not the light card fill
    return found


def test_view_card_metrics_shows_a_line_and_is_remembered(window, manager, qtbot):
    action = window.actions_["card_metrics"]
    assert action.isCheckable() and action.isChecked()
    assert action in window.menuBar().actions()[3].menu().actions()  # View
    box = window.scene.layout.cards["t2"]
    assert box.metrics == "Conversion 31%"
    from mapper.layout.metric_lines import card_metrics_rect

    line = card_metrics_rect(box, window.scene.layout.style)
    assert _ink_pixels(window, line) > 20
    tall = box.rect.height
    action.trigger()  # View > Card Metrics off
    box = window.scene.layout.cards["t2"]
    assert box.metrics == "" and box.rect.height < tall
    assert QSettings().value(CARD_METRICS_KEY) in (False, "false")
    other = manager.show(Document(load_journey(COFFEE)))
    qtbot.waitExposed(other)
    assert not other.actions_["card_metrics"].isChecked()
    assert not any(b.metrics for b in other.scene.layout.cards.values())
    other.actions_["card_metrics"].trigger()
    assert any(b.metrics for b in other.scene.layout.cards.values())


def test_a_card_metrics_line_tooltip_has_every_metric_and_the_owner(window):
    journey = window.document.journey
    journey.update(Entity.CARD, "t4", metrics=Metrics(csat=71, nps=-12), owner="Care")
    # the edit alone redraws the card (metrics and owner are drawn now)
    item = window.scene.cards["t4"]
    assert item.box.metrics == "CSAT 71 · NPS \u221212 · Care"
    assert "Owner: Care" in item.toolTip() and "NPS \u221212" in item.toolTip()


def test_stage_header_metrics_show_whole_parts_on_up_to_two_lines(manager, qtbot):
    window = manager.show(Document(load_journey(COFFEE)))
    window.resize(1600, 1000)
    qtbot.waitExposed(window)
    for stage_id, item in window.scene.stage_headers.items():
        lines = item.metric_lines()
        parts = metric_parts(item.box.stage.metrics)
        shown = " · ".join(lines)
        assert ELLIPSIS not in shown
        assert len(lines) <= (2 if len(item.box.name_lines) == 1 else 1)
        assert [p for p in parts if p in shown] == [p for p in shown.split(" · ")]
        assert all(p in item.toolTip() for p in parts), stage_id
    order = next(i for i in window.scene.stage_headers.values() if i.box.stage.name == "Order")
    assert len(order.metric_lines()) == 2  # it was one line cut with "…"
    assert " · ".join(order.metric_lines()) == " · ".join(metric_parts(order.box.stage.metrics))


def test_a_shortened_label_shows_its_full_text_on_hover(window, qtbot):
    long = "the customer gives up and calls the hotline instead of waiting " * 2
    window.document.journey.update(Entity.FLOW, "f1", label=long)
    window.scene.sync()
    window.view.set_zoom(1.0)
    item = window.scene.flows["f1"].label
    assert item.text.endswith(ELLIPSIS) and len(item.text) < len(long)
    window.view.centerOn(item.rect.center())
    QApplication.processEvents()
    at = window.view.mapFromScene(item.rect.center())
    event = QHelpEvent(QEvent.Type.ToolTip, at, window.view.viewport().mapToGlobal(at))
    QApplication.sendEvent(window.view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == " ".join(long.split())
    QToolTip.hideText()


def test_a_label_without_room_is_not_drawn(window):
    flow = window.scene.flows["f1"]
    label = flow.placed_label
    assert label is not None and label.clear and flow.label.text
    flow.label.place(flow.route, FlowLabel(label.flow_id, label.text, label.rect, clear=False))
    assert flow.label.text == ""  # nothing painted over the cards
    assert flow.label.toolTip() == "" and flow.toolTip() == "clicks"
