"""Flows as arrows; a tile draws only the flows that really cross it."""

from __future__ import annotations

import math
from functools import cached_property

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.culling import CURVE_BUCKET, SAMPLE, Buckets, bezier_bounds, curve_cells
from mapper.export.pdf.draw import Text, baseline_in, rgb
from mapper.export.pdf.ops import Ops
from mapper.layout import theme
from mapper.layout.geometry import Bezier, Point, Rect
from mapper.layout.grid import FlowRoute
from mapper.layout.labels import LABEL_SIZE, FlowLabel

ARROW = 7.0
LINE_WIDTH = 1.1


def direction(curve: Bezier) -> Point:
    """The unit direction in which the curve arrives at its end."""
    for start in (curve.c2, curve.c1, curve.p0):
        dx, dy = curve.p3[0] - start[0], curve.p3[1] - start[1]
        length = math.hypot(dx, dy)
        if length > 0.01:
            return dx / length, dy / length
    return 1.0, 0.0


def arrowhead(curve: Bezier, towards: Point | None = None) -> tuple[Point, Point, Point]:
    """The arrowhead at the curve's end, pointing ``towards`` (its direction there)."""
    dx, dy = towards if towards is not None else direction(curve)
    tip_x, tip_y = curve.p3
    base_x, base_y = tip_x - dx * ARROW, tip_y - dy * ARROW
    half = ARROW * 0.45
    return (
        (tip_x, tip_y),
        (base_x - dy * half, base_y + dx * half),
        (
            base_x + dy * half,
            base_y - dx * half,
        ),
    )


class FlowPainter:
    """Every flow's curve pieces, arrowheads and labels, indexed by where they are."""

    def __init__(self, routes: list[FlowRoute], labels: list[FlowLabel]) -> None:
        self.curves: list[Bezier] = []  # ending under the arrowhead
        self.backward: list[bool] = []
        self.heads: list[tuple[Point, Point, Point]] = []
        self.labels = labels
        for route in routes:
            c = route.curve
            dx, dy = direction(c)
            end = (c.p3[0] - dx * ARROW * 0.6, c.p3[1] - dy * ARROW * 0.6)  # under the head
            self.curves.append(Bezier(c.p0, c.c1, c.c2, end))
            self.backward.append(c.p3[0] < c.p0[0] - 1)
            self.heads.append(arrowhead(c, (dx, dy)))

    # The indexes only serve drawing part of the map; the whole map needs none, so they
    # are built on first use (for 6,500 long flows the curve index alone takes a second).
    @cached_property
    def _curve_index(self) -> Buckets:
        return Buckets(
            (bezier_bounds(c, LINE_WIDTH) for c in self.curves),
            (curve_cells(c) for c in self.curves),
            size=CURVE_BUCKET,
        )

    @cached_property
    def _head_index(self) -> Buckets:
        return Buckets(_box(h) for h in self.heads)

    @cached_property
    def _label_index(self) -> Buckets:
        return Buckets(label.rect for label in self.labels)

    def draw(self, ops: Ops, view: Rect | None) -> None:
        if view is None:
            found: list[int] = list(range(len(self.curves)))
            heads = self.heads
        else:
            found = self._curve_index.query(view, grow=SAMPLE / 2 + LINE_WIDTH)
            heads = [self.heads[i] for i in self._head_index.query(view)]
        if not found and not heads:
            return
        colour = rgb(theme.FLOW)
        ops.save()
        ops.stroke_color(colour)
        ops.fill_color(colour)
        ops.line_width(LINE_WIDTH)
        ops.raw("1 J 1 j")
        for backward in (False, True):
            group = [self.curves[i] for i in found if self.backward[i] is backward]
            if not group:
                continue
            ops.dash(*((4, 2.5) if backward else (0, 0)))
            for curve in group:
                ops.bezier(curve)
            ops.stroke()
        ops.dash()
        for head in heads:
            ops.polygon(head)
        if heads:
            ops.fill()
        ops.restore()

    def draw_labels(
        self, canv: Canvas, ops: Ops, view: Rect | None, parts: tuple[Rect, ...] | None = None
    ) -> None:
        """Each label's background, then its text, label by label: a label never hides
        another's words. Labels without a free spot (``clear=False``) are left out."""
        if view is None:
            labels = self.labels
        else:
            labels = [self.labels[i] for i in self._label_index.query(view)]
        labels = [label for label in labels if label.clear]
        rects = [label.rect for label in labels]
        if parts is not None:  # a page of many: each label on the page of its centre,
            # moved sideways, if it must, to print whole on it
            shown: list[tuple[FlowLabel, Rect]] = []
            for label in labels:
                r = label.rect
                cx, cy = r.center
                part = next(
                    (p for p in parts if p.x <= cx < p.right and p.y <= cy < p.bottom), None
                )
                if part is not None:
                    x = min(max(r.x, part.x + 1), part.right - 1 - r.width)
                    moved = Rect(x, r.y, r.width, r.height)
                    if not any(_meet(moved, m) for _, m in shown):
                        shown.append((label, moved))  # never moved onto another label
            labels, rects = [label for label, _ in shown], [r for _, r in shown]
        white, border = rgb("#ffffff"), rgb(theme.GRID_LINE)
        for label, r in zip(labels, rects, strict=True):
            ops.save()
            ops.line_width(0.6)
            ops.fill_color(white)
            ops.stroke_color(border)
            ops.round_rect(r.x, r.y, r.width, r.height, r.height / 2)
            ops.fill_stroke()
            ops.restore()
            ops.flush(canv)
            text = Text(canv)
            text.style(LABEL_SIZE, theme.MUTED_INK)
            text.centre(r.center[0], baseline_in(r.y, r.height, LABEL_SIZE), label.text)
            text.draw()


def _meet(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _box(points: tuple[Point, Point, Point]) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
