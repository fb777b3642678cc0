"""A service blueprint's lines: where they sit between the lanes, and how they look.

The rule, in one place for the canvas, the PDF and the images (docs/blueprint.md):

* Lanes of four kinds form the blueprint's groups, top to bottom: customer actions,
  frontstage, backstage and support. Every other kind (evidence, emotion, thoughts, ...)
  belongs to no group.
* Reading the visible lanes top to bottom (hidden lanes do not count; collapsed ones do),
  a line is drawn wherever a lane of one group is followed by the next group's lane, with
  only lanes of no group (or none) in between: actions then frontstage gives the line of
  interaction, frontstage then backstage the line of visibility, backstage then support
  the line of internal interaction. Other orders (support above backstage, actions then
  backstage) draw no line: the lines mean something only in blueprint order.
* The line sits right above the lower group's first lane, so lanes of no group in between
  stay with the group above (the customer's emotion curve between their actions and the
  frontstage stays on the customer's side of the line of interaction).
* The layout leaves a gap of ``Style.blueprint_gap`` above that lane. The line runs
  through the middle of the gap across the cells and its name sits in the gap in the
  lane-header column, so neither ever covers a card or a lane header.
* Interaction is solid (the customer really meets the company there), visibility dashed
  (a boundary the customer cannot see through, drawn lighter by convention), internal
  interaction dotted (a hand-off inside the company): the three tell apart in grey print.

Pure Python: no Qt, no reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from mapper.layout.geometry import Rect
from mapper.layout.text import line_height, text_width
from mapper.model import Lane, LaneKind


class LaneRow(Protocol):
    """A lane and where its row is (a layout's ``LaneBox``, which this module's lines
    are part of: named by its shape, not imported)."""

    @property
    def lane(self) -> Lane: ...
    @property
    def row(self) -> Rect: ...


LABEL_SIZE = 9.0  # whole pixels: the canvas sets fonts in whole pixels, as measured here
LABEL_X = 10.0  # the label's left edge, lined up with the lane names
LABEL_GAP = 6.0  # between the label and the line on its right


class LineKind(StrEnum):
    INTERACTION = "interaction"
    VISIBILITY = "visibility"
    INTERNAL = "internal"


LABELS: dict[LineKind, str] = {
    LineKind.INTERACTION: "Line of interaction",
    LineKind.VISIBILITY: "Line of visibility",
    LineKind.INTERNAL: "Line of internal interaction",
}
# where the full name does not fit at a readable size (a small overview of the map)
SHORT_LABELS: dict[LineKind, str] = {
    LineKind.INTERACTION: "Interaction",
    LineKind.VISIBILITY: "Visibility",
    LineKind.INTERNAL: "Internal interaction",
}
# on / off lengths of the line's dashes; () is solid
DASHES: dict[LineKind, tuple[float, ...]] = {
    LineKind.INTERACTION: (),
    LineKind.VISIBILITY: (7.0, 4.0),
    LineKind.INTERNAL: (1.5, 3.0),
}
LINE_WIDTH = 1.5

_GROUPS: dict[LaneKind, int] = {
    LaneKind.ACTIONS: 0,
    LaneKind.FRONTSTAGE: 1,
    LaneKind.BACKSTAGE: 2,
    LaneKind.SUPPORT: 3,
}
_BETWEEN: dict[tuple[int, int], LineKind] = {
    (0, 1): LineKind.INTERACTION,
    (1, 2): LineKind.VISIBILITY,
    (2, 3): LineKind.INTERNAL,
}


def line_above(lanes: Sequence[Lane]) -> dict[str, LineKind]:
    """Lane id -> the blueprint line drawn right above that lane, for ``lanes`` in their
    order on the map (the visible ones: pass no hidden lane)."""
    found: dict[str, LineKind] = {}
    group: int | None = None
    for lane in lanes:
        this = _GROUPS.get(lane.kind)
        if this is None:
            continue
        if group is not None and (group, this) in _BETWEEN:
            found[lane.id] = _BETWEEN[(group, this)]
        group = this
    return found


@dataclass(frozen=True)
class BlueprintLine:
    """One line across the map, in layout pixels, with its label at the left."""

    kind: LineKind
    lane_id: str  # the lane right below the line
    y: float
    x0: float
    x1: float
    label: str
    label_box: Rect  # where the label's text goes; the line starts right of it

    @property
    def dash(self) -> tuple[float, ...]:
        return DASHES[self.kind]

    @property
    def baseline(self) -> float:
        """The label's baseline: its text centred on the line (DejaVu's em box)."""
        return self.y + LABEL_SIZE * 0.76 - LABEL_SIZE * 0.5

    def segments(
        self, start: float | None = None, end: float | None = None
    ) -> list[tuple[float, float]]:
        """The line right of its label, within ``start`` .. ``end`` (x): none or one piece."""
        a = max(self.label_box.right + LABEL_GAP, self.x0, self.x0 if start is None else start)
        b = min(self.x1, self.x1 if end is None else end)
        return [(a, b)] if b - a > 0.5 else []


def label_width(kind: LineKind) -> float:
    return text_width(LABELS[kind], LABEL_SIZE, bold=True)


def blueprint_lines(
    lanes: Sequence[LaneRow], lines: dict[str, LineKind], gap: float, left: float, width: float
) -> list[BlueprintLine]:
    """The lines of ``lines`` (from :func:`line_above`) in the gaps above their lanes,
    across the cells (from ``left``, the lane-header column's width, to ``width``)."""
    out: list[BlueprintLine] = []
    height = line_height(LABEL_SIZE)
    for box in lanes:
        kind = lines.get(box.lane.id)
        if kind is None:
            continue
        y = round(box.row.y - gap / 2, 2)
        label = Rect(LABEL_X, y - height / 2, label_width(kind), height)
        out.append(BlueprintLine(kind, box.lane.id, y, left, width, LABELS[kind], label))
    return out
