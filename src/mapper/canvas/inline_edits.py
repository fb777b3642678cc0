"""Where an in-place text editor opens for each kind of thing, and what it commits: a
card's title, a stage's or lane's name, a flow's label (which may be empty), or the title
of a card just made from the keyboard (Ctrl+Return)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from mapper.canvas.inline_editor import InlineEditor
from mapper.canvas.painting import qrect
from mapper.edits import Change, EditRefused, intents
from mapper.layout import MapLayout
from mapper.model import Entity, JourneyMap

# what is typed in place: the field, its font size, whether it may be left empty
FIELDS: dict[Entity, tuple[str, float, bool]] = {
    Entity.CARD: ("title", 12, False),
    Entity.STAGE: ("name", 14, False),
    Entity.LANE: ("name", 12, False),
    Entity.FLOW: ("label", 10, True),
}


def editor_rect(layout: MapLayout, kind: Entity, item_id: str) -> QRectF | None:
    """Where the editor covers the text it edits (None: the thing is not drawn)."""
    if kind is Entity.CARD and item_id in layout.cards:
        return qrect(layout.cards[item_id].rect).adjusted(4, 4, -4, -4)
    if kind is Entity.STAGE:
        for stage in layout.stages:
            if stage.stage.id == item_id:
                return qrect(stage.header).adjusted(6, 14, -6, -14)
    if kind is Entity.LANE:
        for lane in layout.lanes:
            if lane.lane.id == item_id:
                rect = qrect(lane.header).adjusted(20, 4, -4, 0)
                rect.setHeight(min(rect.height(), 60))
                return rect
    if kind is Entity.FLOW:
        for path in layout.flows:
            if path.flow.id == item_id:
                x, y = path.label_at
                return QRectF(x - 80, y - 12, 160, 24)
    return None


def open_editor(
    scene: QGraphicsScene,
    journey: JourneyMap,
    layout: MapLayout,
    kind: Entity,
    item_id: str,
    push: Callable[[Change | None], bool],
    report: Callable[[str], None],
) -> InlineEditor | None:
    """An editor over the thing's text; Enter (or clicking elsewhere) renames it."""
    rect = editor_rect(layout, kind, item_id)
    if rect is None or kind not in FIELDS:
        return None
    field, size, allow_empty = FIELDS[kind]

    def commit(text: str) -> None:
        try:
            push(intents.rename(journey, kind, item_id, field, text, allow_empty))
        except EditRefused as exc:
            report(str(exc))

    text = getattr(journey.get(kind, item_id), field)

    def too_long(most: int) -> None:
        report(_too_long(kind, field, most))

    editor = InlineEditor(rect, text, size, commit, edits=(kind, item_id), on_too_long=too_long)
    scene.addItem(editor)
    editor.start()
    return editor


def open_new_card_editor(
    scene: QGraphicsScene,
    journey: JourneyMap,
    layout: MapLayout,
    card_id: str,
    push: Callable[[Change | None], bool],
    report: Callable[[str], None],
) -> InlineEditor | None:
    """An editor over a card just made (Ctrl+Return), its title selected. Enter (or
    clicking elsewhere) folds the typed title into the step that made the card; Esc, or a
    blank title, takes the card back and the step with it."""
    rect = editor_rect(layout, Entity.CARD, card_id)
    if rect is None:
        return None

    def commit(text: str) -> None:
        try:
            push(intents.type_new_title(journey, card_id, text))
        except EditRefused as exc:
            push(intents.take_back_new_card(journey, card_id))
            report(f"{exc}: none added")

    def cancel() -> None:
        push(intents.take_back_new_card(journey, card_id))

    editor = InlineEditor(
        rect, journey.card(card_id).title, 12, commit, cancel, (Entity.CARD, card_id),
        lambda most: report(_too_long(Entity.CARD, "title", most)),
    )  # fmt: skip
    scene.addItem(editor)
    editor.start()
    return editor


def _too_long(kind: Entity, field: str, most: int) -> str:
    return f"A {kind.value}'s {field} can be at most {most:,} characters: the rest was not taken"
