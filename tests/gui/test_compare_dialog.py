"""View > Compare personas, opened with real clicks on the menu: curves, a table of
averages per stage and the most divergent stages, for any number of personas and stages."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mapper.document import Document
from mapper.edits import Update
from mapper.edits.intents import set_emotion
from mapper.fileformat.io import load_journey
from mapper.layout.persona_style import Marker
from mapper.model import Card, CardKind, Entity, JourneyMap, Persona, Stage, analysis
from mapper.ui.compare_dialog import CompareDialog

ROOT = Path(__file__).resolve().parents[2]
MINUS = "\u2212"


def three_personas() -> JourneyMap:
    """The coffee chain's map with a third persona who scored every touchpoint."""
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    journey.add(Persona("persona-priya", "Priya Nair", role="Office manager"))
    for i, card in enumerate(c for c in journey.cards() if c.kind is CardKind.TOUCHPOINT):
        emotions = {**card.emotions, "persona-priya": (i * 5) % 7 - 3}
        journey.update(Entity.CARD, card.id, emotions=emotions)
    return journey


def _open(manager, qtbot, journey: JourneyMap) -> tuple[object, CompareDialog]:
    """Shows the map, then clicks View, then Compare Personas, as a user would."""
    window = manager.show(Document(journey))
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    bar = window.menuBar()
    view = next(a for a in bar.actions() if a.text() == "&View")
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view).center())
    menu = view.menu()
    qtbot.waitUntil(menu.isVisible)
    action = window.actions_["compare_personas"]
    assert action in menu.actions()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: any(isinstance(w, CompareDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CompareDialog) and w.isVisible()
    )
    qtbot.waitExposed(dialog)
    return window, dialog


def _table(dialog: CompareDialog) -> list[list[str]]:
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _number(text: str) -> float | None:
    return None if text == "\u2013" else float(text.replace(MINUS, "-"))


def test_compare_shows_every_shown_persona_and_where_they_differ_most(manager, qtbot):
    journey = three_personas()
    _, dialog = _open(manager, qtbot, journey)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(5 + 1)]
    assert headers == ["Stage", "Zoë", "Margot", "Priya", "Average", "Gap"]
    rows = _table(dialog)
    assert len(rows) == len(journey.stages)
    assert dialog.message.isHidden()
    # the gap column is the spread of the personas' columns; #1 to #3 are the largest gaps
    gaps = []
    for row in rows:
        values = [v for v in map(_number, row[1:4]) if v is not None]
        gap = round(max(values) - min(values), 2) if len(values) >= 2 else None
        assert _number(row[5]) == gap
        gaps.append(gap)
    ranked = sorted((i for i, g in enumerate(gaps) if g is not None), key=lambda i: (-gaps[i], i))[
        :3
    ]
    marked = [i for i, row in enumerate(rows) if row[0].startswith("#")]
    assert sorted(marked) == sorted(ranked)
    for n, i in enumerate(ranked, 1):
        name = list(journey.stages)[i].name
        assert rows[i][0] == f"#{n}  {name}"
        assert f"#{n} {escape(name)}" in dialog.divergent.text()
    assert dialog.chart.top == ranked
    assert [c.persona.name for c in dialog.chart.comparison.curves] == [
        "Zoë Martens", "Margot Lefèvre", "Priya Nair",
    ]  # fmt: skip
    assert "Priya Nair" in dialog.legend.text()


def test_compare_follows_edits_and_hidden_personas(manager, qtbot):
    journey = three_personas()
    window, dialog = _open(manager, qtbot, journey)
    card = next(c for c in journey.cards() if c.stage_id == journey.stages.ids()[0]
                and "persona-priya" in c.emotions)  # fmt: skip
    before = _table(dialog)[0][3]
    assert window.document.try_push(set_emotion(journey, card.id, "persona-priya", 3))
    after = _table(dialog)[0][3]
    expected = analysis.emotion_by_stage(journey, "persona-priya")[0].average
    assert after != before and _number(after) == expected
    assert window.document.try_push(
        Update(journey, Entity.PERSONA, "persona-priya", {"hidden": True})
    )
    assert "Priya" not in [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert dialog.table.columnCount() == 5


def test_compare_with_one_or_no_persona_says_what_is_needed(manager, qtbot):
    journey = three_personas()
    for pid in ("persona-margot", "persona-priya"):
        journey.update(Entity.PERSONA, pid, hidden=True)
    window, dialog = _open(manager, qtbot, journey)
    text = dialog.message.text()
    assert dialog.message.isVisible()
    assert "Only Zoë Martens is shown" in text and "at least two shown personas" in text
    assert "2 hidden" in text
    assert dialog.table.columnCount() == 4  # Stage, Zoë, Average, Gap
    assert all(row[3] == "\u2013" for row in _table(dialog))  # no gap with one persona
    assert dialog.divergent.isHidden()
    assert window.document.try_push(
        Update(journey, Entity.PERSONA, "persona-zoe", {"hidden": True})
    )
    assert "No persona is shown" in dialog.message.text()
    assert dialog.splitter.isHidden()


@pytest.mark.parametrize("stages", [100])
def test_compare_a_hundred_stages_with_unscored_ones(manager, qtbot, stages):
    journey = JourneyMap()
    journey.add(Persona("a", "Ana"))
    journey.add(Persona("b", "Ben"))
    from mapper.model import Lane

    journey.add(Lane("l", "Touchpoints"))
    for i in range(stages):
        journey.add(Stage(f"s{i}", f"Stage number {i}"))
        if i % 10 != 9:  # every tenth stage is scored by no one
            emotions = {"a": i % 7 - 3, "b": (i * 3) % 7 - 3}
            journey.add(Card(f"c{i}", f"s{i}", "l", f"Card {i}", emotions=emotions))
    _, dialog = _open(manager, qtbot, journey)
    rows = _table(dialog)
    assert len(rows) == stages
    assert rows[9][1:] == ["\u2013"] * 4  # unscored: a dash in every column
    assert dialog.chart.minimumWidth() > dialog.chart.parentWidget().width()  # it scrolls
    gaps = [_number(r[4]) for r in rows]
    best = max(g for g in gaps if g is not None)
    first = gaps.index(best)  # ties: the earliest stage ranks first
    assert rows[first][0] == f"#1  Stage number {first}"


@pytest.mark.parametrize("how", ["escape", "close button", "window frame"])
def test_a_closed_comparison_stops_following_the_map(manager, qtbot, how):
    """Closed with Esc too (a dialog's reject deletes it without a close event): an edit
    afterwards neither reaches the deleted dialog nor fails half-way."""
    journey = three_personas()
    window, dialog = _open(manager, qtbot, journey)
    if how == "escape":
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    elif how == "close button":
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    else:
        dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleted on close
    card = next(c for c in journey.cards() if "persona-priya" in c.emotions)
    assert window.document.try_push(set_emotion(journey, card.id, "persona-priya", -3))
    assert window.document.undo_stack.count() == 1


def test_many_personas_with_long_and_right_to_left_names_fit_the_dialog(manager, qtbot):
    journey = three_personas()
    names = ["Anastasia Konstantinopoulou-Vanderbilt, Senior Procurement Officer",
             "\u0645\u0631\u064a\u0645 \u0627\u0644\u062d\u0633\u064a\u0646\u064a",
             "\u05d9\u05e2\u05dc \u05db\u05d4\u05df", *(f"Persona number {i}" for i in range(9))]  # fmt: skip
    cards = [c for c in journey.cards() if c.kind is CardKind.TOUCHPOINT]
    for i, name in enumerate(names):
        journey.add(Persona(f"p{i}", name))
        for j, card in enumerate(cards):
            emotions = {**journey.card(card.id).emotions, f"p{i}": (i + j) % 7 - 3}
            journey.update(Entity.CARD, card.id, emotions=emotions)
    _window, dialog = _open(manager, qtbot, journey)
    # the legend wraps: the dialog can still be made narrower than a laptop's screen
    assert dialog.minimumSizeHint().width() < 1000
    assert dialog.legend.wordWrap()
    # a right-to-left name ends its own run: the next swatch stays beside the next name
    for name in names[1:3]:
        assert f"{name}\u200e" in dialog.legend.text()


def test_curves_are_told_apart_by_dashes_and_markers_as_on_the_map(manager, qtbot):
    journey = three_personas()
    _, dialog = _open(manager, qtbot, journey)
    chart = dialog.chart
    # Zoë solid with circles, Margot dashed with squares, Priya dotted with diamonds: as
    # their curves on the map, so a reader without colour (or in greyscale) tells them apart
    looks = [chart.curve_style(c.persona, i) for i, c in enumerate(chart.comparison.curves)]
    assert [s.marker for s in looks] == [Marker.CIRCLE, Marker.SQUARE, Marker.DIAMOND]
    pens = [chart.curve_pen(s, QColor(c.persona.color)) for s, c in
            zip(looks, chart.comparison.curves, strict=True)]  # fmt: skip
    assert pens[0].style() == Qt.PenStyle.SolidLine
    assert pens[1].dashPattern() == [4.0, 2.0]
    assert "\u25a0&nbsp;Margot" in dialog.legend.text().replace("</span>", "")
    # drawn so: a square's corner is filled where a circle's white ring would be
    margot = chart.comparison.curves[1]
    stage = next(i for i, a in enumerate(margot.averages) if a is not None)
    image = QImage(chart.size() * 4, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.scale(4, 4)  # four pixels a point: room between a circle's ring and a corner
    chart.render(painter, QPoint())
    painter.end()
    corner = chart.point(stage, margot.averages[stage]) + QPointF(2.93, 2.93)
    pixel = image.pixelColor((corner * 4).toPoint())
    assert pixel.lightness() < 200, pixel.name()

    # Zoë hidden: Margot keeps her map's look, not the first place's
    window = dialog.parent()
    assert window.document.try_push(
        Update(journey, Entity.PERSONA, "persona-zoe", {"hidden": True})
    )
    first = dialog.chart.comparison.curves[0]
    assert first.persona.name == "Margot Lefèvre"
    assert dialog.chart.curve_style(first.persona, 0).marker is Marker.SQUARE
