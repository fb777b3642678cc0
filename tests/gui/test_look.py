"""How the editor looks and reads: light and dark, names for screen readers, a visible
focus, Shift+wheel, the sticky headers' corner, a map fitted to the window on opening and an
inspector that never scrolls sideways. Real events on real widgets."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter, QPalette, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QStyleFactory, QTreeView, QWidget

from factories import sample_map, wide_map
from mapper.canvas.view import READABLE_ZOOM
from mapper.document import Document
from mapper.export.image import render_png
from mapper.layout.theme import DARK, LIGHT, contrast
from mapper.model import Entity, Lane, LaneKind
from mapper.ui.actions import ACTIONS
from mapper.ui.appearance import SETTING, appearance, is_dark
from mapper.ui.form_fields import FieldLabel
from mapper.ui.icons import icon

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LONG_NAME = "Sam (first-time buyer who compares every plan twice, slowly)"


@pytest.fixture(autouse=True)
def _back_to_the_system_look(qapp):
    yield
    appearance().set_choice("system")


def wheel(widget: QWidget, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real mouse-wheel notch (120 = one step) over the middle of ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, dy),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def colour_at(widget: QWidget, point: QPoint) -> str:
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * ratio), round(point.y() * ratio))).name()


# ------------------------------------------------------------------ wheel
def test_shift_wheel_scrolls_sideways_and_the_wheel_alone_up_and_down(window):
    view = window.view
    view.set_zoom(2.5)
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    h.setValue((h.minimum() + h.maximum()) // 2)
    v.setValue((v.minimum() + v.maximum()) // 2)
    assert h.maximum() > h.minimum() and v.maximum() > v.minimum()
    x, y = h.value(), v.value()
    wheel(view.viewport(), -120, Qt.KeyboardModifier.ShiftModifier)  # down: to the right
    assert h.value() > x and v.value() == y
    x = h.value()
    wheel(view.viewport(), 120, Qt.KeyboardModifier.ShiftModifier)  # up: to the left
    assert h.value() < x and v.value() == y
    x = h.value()
    wheel(view.viewport(), -120)  # no Shift: down the map, as before
    assert v.value() > y and h.value() == x
    assert view.zoom() == pytest.approx(2.5)  # neither zooms


# ------------------------------------------------------------------ corner
def test_a_corner_block_covers_where_the_sticky_headers_meet(manager, qtbot):
    window = manager.show(Document.open(EXAMPLES / "coffee-chain.journey"))
    window.resize(1400, 800)
    qtbot.waitExposed(window)
    view, scene = window.view, window.scene
    view.set_zoom(1.22)
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.setValue((bar.minimum() + bar.maximum()) // 2)
    QApplication.processEvents()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.left() > 0 and visible.top() > 0  # scrolled: the headers are pinned
    corner = scene.corner
    assert corner.isVisible()
    assert corner.pos() == visible.topLeft()
    style = scene.layout.style
    inside = visible.topLeft() + QPointF(style.lane_header_width / 2, 10)
    assert scene.items(inside)[0] is corner  # above the stage band and the lane names
    stage = next(iter(scene.stage_headers.values()))
    lane = next(iter(scene.lane_headers.values()))
    assert stage.zValue() > lane.zValue()  # a lane name scrolls under the stage band
    # what the user sees there: the plain block, no text of a lane or stage name
    top_left = view.mapFromScene(inside)
    colours = {colour_at(view.viewport(), top_left + QPoint(dx, 0)) for dx in range(-40, 40, 4)}
    assert colours == {LIGHT.header_fill}


def test_exports_draw_no_corner_block(window):
    assert not window.scene.corner.isVisible() or window.view.isVisible()
    image = QImage.fromData(render_png(window.document.journey, dpi=96, title_legend=False))
    assert QColor(image.pixel(4, 4)).name() == "#ffffff"


# ------------------------------------------------------------------ themes
WIDGET_TEXT = [
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
]


def test_view_theme_dark_turns_canvas_and_widgets_dark_and_is_remembered(window, manager):
    other = manager.show(Document(sample_map()))
    window.actions_["theme_dark"].trigger()
    QApplication.processEvents()
    assert QSettings().value(SETTING) == "dark"
    for win in (window, other):  # every open window follows
        assert win.scene.theme is DARK
        assert win.scene.backgroundBrush().color().name() == DARK.background
    palette = QApplication.palette()
    assert is_dark(palette)
    for text, background in WIDGET_TEXT:
        ratio = contrast(palette.color(text).name(), palette.color(background).name())
        assert ratio >= 4.5, (text, background, ratio)
    # painted: an action card is the dark action fill, the canvas behind it dark
    view = window.view
    view.set_zoom(1.0)
    rect = window.scene.layout.cards["a1"].rect
    view.centerOn(*rect.center)
    QApplication.processEvents()
    inside = view.mapFromScene(QPointF(rect.right - 6, rect.bottom - 6))
    assert (
        colour_at(view.viewport(), inside)
        == DARK.kind_fills[window.scene.cards["a1"].box.card.kind]
    )
    # the menu shows the choice
    window.theme_menu.aboutToShow.emit()
    assert window.actions_["theme_dark"].isChecked()
    assert not window.actions_["theme_system"].isChecked()


def test_the_palette_and_outline_turn_dark_with_the_window_and_light_again(window):
    """Both have a focus style sheet of their own, and Qt left such a widget in the old
    palette: they stayed white on a window switched to dark (and dark the other way)."""
    window.panels.make_all()
    window.show()
    QApplication.processEvents()
    parts = {"palette": window.panels.palette, "outline": window.panels.outline}

    def lightness(widget: QWidget) -> int:  # painted: a pixel of the list's empty corner
        view = widget if widget.inherits("QAbstractItemView") else widget.findChild(QTreeView)
        port = view.viewport()
        return QColor(colour_at(port, QPoint(port.width() - 3, port.height() - 3))).lightness()

    assert all(lightness(part) > 200 for part in parts.values())
    for look, dark in (("theme_dark", True), ("theme_light", False)):
        window.actions_[look].trigger()
        QApplication.processEvents()
        for name, part in parts.items():
            assert (lightness(part) < 80) is dark, (look, name, lightness(part))
            assert is_dark(part.palette()) is dark, (look, name)


def test_exports_stay_light_while_the_editor_is_dark(window):
    window.actions_["theme_dark"].trigger()
    image = QImage.fromData(render_png(window.document.journey, dpi=48, title_legend=False))
    light = sum(
        QColor(image.pixel(x, y)).lightness() > 200
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )
    total = len(range(0, image.width(), 7)) * len(range(0, image.height(), 7))
    assert light > total / 2


def test_light_and_system_bring_the_light_look_back(window, manager):
    window.actions_["theme_dark"].trigger()
    window.actions_["theme_light"].trigger()
    assert window.scene.theme is LIGHT and not is_dark(QApplication.palette())
    window.actions_["theme_dark"].trigger()
    window.actions_["theme_system"].trigger()  # this test platform's scheme is light
    assert window.scene.theme is LIGHT and not is_dark(QApplication.palette())
    assert QSettings().value(SETTING) == "system"


def test_the_platforms_own_style_comes_back_after_fusion_stood_in_for_it(window):
    app, look = QApplication.instance(), appearance()
    started = app.style().name()
    styles = QStyleFactory.keys()  # (a static function, not a mapping)
    platform = next(key for key in styles if key.lower() != "fusion")
    app.setStyle(platform)  # as a desktop whose style cannot turn dark
    try:
        look.set_choice("dark")
        assert app.style().name().lower() == "fusion" and is_dark(app.palette())
        look.set_choice("light")
        look.set_choice("system")
        assert app.style().name().lower() == platform.lower()
        assert not is_dark(app.palette()) and window.scene.theme is LIGHT
    finally:
        app.setStyle(started)


def test_the_system_choice_follows_the_desktop_when_it_turns_dark(window, monkeypatch):
    import mapper.ui.appearance as module

    assert appearance().choice == "system" and window.scene.theme is LIGHT
    monkeypatch.setattr(module, "system_scheme", lambda app: Qt.ColorScheme.Dark)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.scene.theme is DARK
    assert is_dark(QApplication.palette())  # the widgets too, where the platform's are light
    monkeypatch.setattr(module, "system_scheme", lambda app: Qt.ColorScheme.Light)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.scene.theme is LIGHT and not is_dark(QApplication.palette())


def test_toolbar_icons_turn_light_on_a_dark_toolbar(window):
    def lightest(action) -> int:
        image = action.icon().pixmap(24, 24).toImage()
        return max(
            QColor(image.pixel(x, y)).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if QColor.fromRgba(image.pixel(x, y)).alpha() > 200
        )

    assert lightest(window.actions_["save"]) < 80  # dark ink on the light toolbar
    window.actions_["theme_dark"].trigger()
    assert lightest(window.actions_["save"]) > 180
    assert lightest(window.undo_action) > 180


def test_a_window_opening_in_the_light_look_sets_each_icon_once(manager, monkeypatch):
    """Its actions are made with the light icons: the look's turn sets none again (each
    set redraws the action's toolbar button and menu line); switching looks still does."""
    changed: list[QAction] = []
    set_icon = QAction.setIcon
    monkeypatch.setattr(QAction, "setIcon", lambda a, i: (changed.append(a), set_icon(a, i)))
    QSettings().setValue(SETTING, "light")  # (whatever an earlier test left the look at)
    appearance().reload()
    changed.clear()
    window = manager.show(Document(sample_map()))
    mine = [*window.actions_.values(), window.undo_action, window.redo_action]
    with_icons = [a for a in mine if not a.icon().isNull()]
    named = sum(1 for _text, name, _key, _tip in ACTIONS.values() if name)
    assert len(with_icons) == named + 2  # undo and redo with them

    def set_once_each() -> bool:  # (windows other tests left open follow the look too)
        here = [a for a in changed if any(a is m for m in mine)]
        return len(here) == len(with_icons) and all(any(a is h for h in here) for a in with_icons)

    assert set_once_each()
    changed.clear()
    window.actions_["theme_dark"].trigger()
    assert set_once_each()
    changed.clear()
    window.actions_["theme_light"].trigger()
    assert set_once_each()
    assert window.undo_action.icon().cacheKey() == icon("undo").cacheKey()


def test_a_saved_dark_choice_is_used_by_the_next_window(manager, qtbot):
    QSettings().setValue(SETTING, "dark")
    appearance().reload()
    win = manager.show(Document(sample_map()))
    assert win.scene.theme is DARK


# ------------------------------------------------------------------ names and focus
def focusable_without_a_name(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in root.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.accessibleName().strip()
    ]


def test_every_control_has_a_name_for_screen_readers(window):
    window.find_bar.open_bar()
    window.notice.show_text("Recovery copies are off")
    assert focusable_without_a_name(window) == []
    targets = [(Entity.CARD, "t1"), (Entity.CARD, "p1"), (Entity.STAGE, "s1"),
               (Entity.LANE, "l-act"), (Entity.FLOW, "f1")]  # fmt: skip
    for kind, item_id in targets:
        window.inspector.show_target(kind, item_id)
        assert focusable_without_a_name(window) == [], kind
    window.inspector.show_target(Entity.CARD, "t1")
    add = next(b for b in window.inspector.findChildren(QPushButton) if b.text() == "Add evidence")
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert focusable_without_a_name(window) == []
    names = {w.accessibleName() for w in window.inspector.findChildren(QWidget)}
    assert {"Title", "Channel", "Emotion: Maya", "Moment of truth", "Evidence source"} <= names
    assert window.view.accessibleName() == "Journey map canvas"
    assert window.view.accessibleDescription()


def test_the_canvas_focus_frame_takes_the_theme_colour(window, qtbot):
    view = window.view
    window.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    edge = QPoint(2, view.viewport().height() // 2)
    assert colour_at(view.viewport(), edge) == LIGHT.selection
    window.actions_["theme_dark"].trigger()
    QApplication.processEvents()
    assert colour_at(view.viewport(), edge) == DARK.selection


# ------------------------------------------------------------------ inspector
def test_the_inspector_never_scrolls_sideways(window):
    journey = window.document.journey
    journey.update(Entity.PERSONA, "maya", name=LONG_NAME)
    assert len(LONG_NAME) == 60
    inspector = window.inspector
    window.scene.select_ids(["t1"])
    QApplication.processEvents()
    add = next(b for b in inspector.findChildren(QPushButton) if b.text() == "Add evidence")
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    page = inspector.widget()
    assert page.width() <= inspector.viewport().width()
    assert page.minimumSizeHint().width() <= inspector.viewport().width()
    label = next(w for w in page.findChildren(FieldLabel) if w.full_text.startswith("Emotion: Sam"))
    assert label.shown_text() != label.full_text and label.toolTip() == label.full_text
    # the evidence blocks grow the page (it scrolls down) instead of overlapping
    rows = inspector.findChildren(QWidget, "evidence-item")
    assert len(rows) == 3
    for row in rows:
        assert row.height() >= row.minimumSizeHint().height()
    tops = sorted((r.mapTo(page, QPoint(0, 0)).y(), r.height()) for r in rows)
    assert all(
        top + height <= next_top for (top, height), (next_top, _) in itertools.pairwise(tops)
    )


def test_the_lane_inspector_has_no_gaps_between_its_fields(window):
    window.resize(1600, 1400)
    window.inspector.show_target(Entity.LANE, "l-act")
    QApplication.processEvents()
    page = window.inspector.widget()
    fields = [editor for _spec, editor in window.inspector._fields]
    spans = sorted((f.mapTo(page, QPoint(0, 0)).y(), f.height()) for f in fields)
    gaps = [next_top - (top + height) for (top, height), (next_top, _) in itertools.pairwise(spans)]
    assert max(gaps) <= 12, gaps


# ------------------------------------------------------------------ opening
def visible_width(view) -> tuple[float, float]:
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return seen.left(), seen.right()


def test_a_map_opens_fitted_to_the_window_width(manager, qtbot):
    window = manager.show(Document.open(EXAMPLES / "coffee-chain.journey"))
    window.resize(1800, 1000)
    qtbot.waitExposed(window)
    window.view.show_start()  # as on opening, at this window size
    QApplication.processEvents()
    view, layout = window.view, window.scene.layout
    left, right = visible_width(view)
    assert READABLE_ZOOM < view.zoom() < 1.0
    assert left <= 0 and right >= layout.stages[-1].column.right  # the last stage shows


def test_a_wide_map_opens_at_a_readable_zoom_and_a_narrow_one_at_100(manager, qtbot):
    journey = wide_map()
    wide = manager.show(Document(journey))
    wide.resize(1800, 1000)
    qtbot.waitExposed(wide)
    wide.view.show_start()
    assert wide.view.zoom() == pytest.approx(READABLE_ZOOM)
    assert visible_width(wide.view)[0] <= 0  # from the first stage
    narrow = sample_map()
    for stage_id in ("s2", "s3"):
        narrow.remove(Entity.STAGE, stage_id)
    small = manager.show(Document(narrow))
    small.resize(1800, 1000)
    qtbot.waitExposed(small)
    small.view.show_start()
    assert small.view.zoom() == pytest.approx(1.0)


def test_a_map_shorter_than_the_window_sits_at_its_top_left(manager, qtbot):
    """A short map (a new blueprint, a map fitted to the window) used to float in the
    middle of the canvas under a band of empty space."""
    window = manager.show(Document(sample_map()))
    window.resize(1800, 1000)
    qtbot.waitExposed(window)
    window.view.set_zoom(0.5)
    QApplication.processEvents()
    view, rect = window.view, window.scene.sceneRect()
    assert rect.height() * view.zoom() < view.viewport().height() / 2  # a short map
    corner = view.mapFromScene(rect.topLeft())
    assert (corner.x(), corner.y()) == (0, 0)


def test_a_map_opens_at_its_first_stage_right_to_left_too(manager, qtbot, qapp):
    """With a right-to-left layout (``-reverse``, or a right-to-left language) the
    scrollbars run the other way: the map opened at its last stage."""
    journey = wide_map()
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = manager.show(Document(journey))
        window.resize(1800, 1000)
        qtbot.waitExposed(window)
        window.view.show_start()
        QApplication.processEvents()
        assert window.view.isRightToLeft()
        assert visible_width(window.view)[0] <= 0  # the first stage shows
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_curves_and_their_legend_stay_readable_on_the_dark_canvas(window):
    """A black persona (the palette's seventh colour) drew a black curve on the dark
    canvas; its curve, points and legend swatch now take the lifted colour."""
    from mapper.edits import Insert
    from mapper.model import Entity, Lane, LaneKind

    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    journey.update(Entity.PERSONA, "omar", color="#000000")
    window.actions_["theme_dark"].trigger()
    QApplication.processEvents()
    styles = window.scene.emotions.styles
    assert contrast(styles["omar"].color, DARK.background) >= 3.0
    assert styles["maya"].color == DARK.line(journey.personas.get("maya").color)
    window.actions_["theme_light"].trigger()
    QApplication.processEvents()
    assert window.scene.emotions.styles["omar"].color == "#000000"  # paper colours again


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_cards_metrics_line_reads_on_its_card_in_either_look(qapp, theme):
    """The metrics line under a title is drawn in the look's own muted ink: in the dark
    look the light look's grey hardly showed on the dark cards."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from mapper.canvas.scene import JourneyScene
    from mapper.layout.metric_lines import card_metrics_rect

    scene = JourneyScene(Document(sample_map()))
    try:
        scene.set_theme(theme)
        box = next(b for b in scene.layout.cards.values() if b.metrics)
        line = card_metrics_rect(box, scene.layout.style)
        scale = 4
        image = QImage(
            int(line.width * scale), int(line.height * scale), QImage.Format.Format_RGB32
        )
        image.fill(QColor(theme.kind_fills[box.card.kind]))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(image.rect()), QRectF(line.x, line.y, line.width, line.height))
        painter.end()
        fill = theme.kind_fills[box.card.kind]
        best = max(
            contrast(QColor(image.pixel(x, y)).name(), fill)
            for x in range(image.width())
            for y in range(image.height())
        )
        assert best >= 4.5, (theme.dark, best)
    finally:
        scene.detach()


def test_a_hollow_emotion_point_is_filled_with_the_dark_canvas_in_the_dark_look(manager, qtbot):
    """Below neutral the active persona's points are hollow: on the dark canvas they show
    the canvas through, not a white disc."""
    journey = sample_map()
    journey.add(Lane("l-emo", "Emotion curve", LaneKind.EMOTION))
    win = manager.show(Document(journey))
    win.resize(1600, 1000)
    qtbot.waitExposed(win)
    win.actions_["theme_dark"].trigger()
    win.view.set_zoom(2.0)
    [point] = [p for p in win.scene.emotion_points() if (p.card_id, p.persona_id) == ("t2", "maya")]
    assert point.point.score == -3  # hollow: the active persona's, below neutral
    win.view.centerOn(point.scenePos())
    QApplication.processEvents()
    centre = win.view.mapFromScene(point.scenePos())
    assert colour_at(win.view.viewport(), centre) == DARK.background


def test_the_persona_names_stay_readable_when_the_look_changes(window):
    """Each row of the personas list holds its text colour: it was taken once, so a map
    opened light and switched to dark listed its personas black on black."""
    panel = window.personas
    window.document.journey.update(Entity.PERSONA, "omar", hidden=True)
    QApplication.processEvents()

    def rows() -> list[tuple[float, float]]:
        """(text lightness, background lightness) of each row, as the list paints it."""
        base = panel.list.palette().color(QPalette.ColorRole.Base).lightnessF()
        return [(panel.list.item(r).foreground().color().lightnessF(), base)
                for r in range(panel.list.count())]  # fmt: skip

    for look in ("theme_dark", "theme_light", "theme_dark"):
        window.actions_[look].trigger()
        QApplication.processEvents()
        (maya, base), (omar, _) = rows()
        assert abs(maya - base) > 0.5, (look, maya, base)  # plain text: strong contrast
        assert abs(omar - base) > 0.15, (look, omar, base)  # a hidden one: dimmed, still seen
        assert abs(maya - base) > abs(omar - base), look


def scene_pixels(window, rect: QRectF) -> QImage:
    """What the scene paints in ``rect`` (scene coordinates), one pixel a unit."""
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    window.scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    return image


def test_a_service_blueprints_lines_turn_dark_with_the_canvas(manager, qtbot):
    """Its bands and their names kept the light look's fill: white stripes across the
    dark canvas, and slate lines that hardly showed on its dark grey."""
    from mapper.templates import find_template

    win = manager.show(Document(find_template("service-blueprint").load()))
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.scene.pending)
    for look, theme in (("theme_dark", DARK), ("theme_light", LIGHT)):
        win.actions_[look].trigger()
        QApplication.processEvents()
        layout = win.scene.layout
        gap = layout.style.blueprint_gap
        for line in layout.blueprint:
            top = line.y - gap / 2
            image = scene_pixels(win, QRectF(0, top, layout.width, gap))
            for x in (8, layout.style.lane_header_width + 8):  # its name's part, the band
                assert QColor(image.pixel(int(x), 3)).name() == theme.header_fill, (look, x)
            drawn = [QColor(image.pixel(x, int(gap / 2))) for x in range(
                int(layout.style.lane_header_width), int(layout.width), 3)]  # fmt: skip
            assert max(contrast(c.name(), theme.header_fill) for c in drawn) >= 3.0, look


def test_the_keyboards_current_card_shows_its_ring_in_the_dark_look(window):
    """The dashed ring round the card the arrow keys reached was drawn in the light look's
    ink: near black on the dark canvas, so a keyboard user lost their place."""
    window.actions_["theme_dark"].trigger()
    window.activateWindow()
    window.view.setFocus()
    window.scene.select_ids(["t1"])
    QTest.keyClick(window.view, Qt.Key.Key_Up)  # the action above is current (no flows)
    QApplication.processEvents()
    card = window.scene.cards["a1"]
    assert card.focused
    top_left = card.mapToScene(QPointF(0, 0))
    width = card.box.rect.width
    # the ring runs 4 units outside the card: a strip along its top, clear of the card's
    # own border, its selection and its corners
    image = scene_pixels(window, QRectF(top_left.x() + 20, top_left.y() - 5.5, width - 40, 3))
    shown = {QColor(image.pixel(x, y)).name() for x in range(image.width())
             for y in range(image.height())}  # fmt: skip
    assert max(contrast(c, DARK.background) for c in shown) >= 3.0, shown


def test_ghost_points_show_on_the_dark_canvas(window):
    """The faint rings of unscored cards were drawn in the light look's muted ink: on the
    dark canvas a designer could hardly find a card to score."""
    from mapper.edits import Insert

    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    window.actions_["theme_dark"].trigger()
    QApplication.processEvents()
    x, _ = window.scene.layout.emotion_slots["t4"]  # unscored by Maya, the active persona
    y = window.scene.layout.neutral_y()
    # the top of its ring, above the neutral line through its middle
    image = scene_pixels(window, QRectF(x - 2, y - 6, 4, 3))
    shown = {QColor(image.pixel(i, j)).name() for i in range(4) for j in range(3)}
    assert max(contrast(c, DARK.background) for c in shown) >= 2.5, shown
