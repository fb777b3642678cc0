"""A fast writer of PDF path operators for the thousands of shapes on a big map.

reportlab formats every coordinate through a general number formatter, which without its
optional C accelerator dominates the time of drawing a 5,000-card map. The hot shapes
(cards, badges, flows) are formatted here with plain ``%.2f`` and handed to the canvas
with :meth:`Canvas.addLiteral` (a stamp is shown with the operator ``Canvas.doForm``
writes, and its form added to the stream's resources once per flush). What
one flush writes is balanced (``q`` ... ``Q`` pairs), so the canvas's own graphics-state
bookkeeping stays valid. Shapes repeated thousands of times are stamps: see :class:`Stamps`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfdoc import xObjectName
from reportlab.pdfgen.canvas import Canvas

from mapper.layout import icons
from mapper.layout.geometry import Bezier, Point

KAPPA = 0.5523  # control-point distance for a quarter circle of radius 1


def _c(color: Color) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


class Stamps:
    """Shapes a big map repeats thousands of times (card bodies, channel icons, confidence
    dots), each defined once per document as a form XObject and then placed with a
    transform of about 40 bytes.

    Inlined, these shapes were two thirds of a 5,000-card map's drawing operators, and
    reportlab's encoding and compressing of the stream grows with its size."""

    __slots__ = ("_names", "canv")

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self._names: dict[str, str] = {}

    def name(self, key: str, box: tuple[float, float, float, float], ops: Callable[[], str]) -> str:
        """The form for ``key``, defined from ``ops()`` (drawn in ``box``) on first use.

        Forms get short names, numbered in order of first use (deterministic output), as
        a big map places them tens of thousands of times. Defining happens while another
        stream (a page or the map form) is being written: reportlab's beginForm sets that
        stream's code aside and endForm restores it."""
        name = self._names.get(key)
        if name is None:
            name = f"S{len(self._names)}"
            while self.canv.hasForm(name):  # another Stamps on this canvas took it
                name += "x"
            self.canv.beginForm(name, *box)
            self.canv.addLiteral(ops())
            self.canv.endForm()
            self._names[key] = name
        return name


class Ops:
    """Accumulates operators; :meth:`flush` writes them to the canvas.

    With ``stamps`` the repeated shapes are placed as forms (see :class:`Stamps`)."""

    __slots__ = ("_forms", "parts", "stamps")

    def __init__(self, stamps: Stamps | None = None) -> None:
        self.parts: list[str] = []
        self.stamps = stamps
        self._forms: dict[str, None] = {}  # the forms shown, in order of first use

    def use_form(self, name: str) -> None:
        """Show form ``name``: the operator ``Canvas.doForm`` writes; :meth:`flush` adds
        the form to the stream's resources once, however often it is shown."""
        self.parts.append(f"/{xObjectName(name)} Do")
        self._forms[name] = None

    # state
    def fill_color(self, color: Color) -> None:
        self.parts.append(f"{_c(color)} rg")

    def stroke_color(self, color: Color) -> None:
        self.parts.append(f"{_c(color)} RG")

    def line_width(self, width: float) -> None:
        self.parts.append(f"{width:.2f} w")

    def dash(self, on: float = 0, off: float = 0) -> None:
        self.parts.append(f"[{on:.2f} {off:.2f}] 0 d" if on else "[] 0 d")

    def save(self) -> None:
        self.parts.append("q")

    def restore(self) -> None:
        self.parts.append("Q")

    def transform(self, a: float, d: float, e: float, f: float) -> None:
        self.parts.append(f"{a:.4f} 0 0 {d:.4f} {e:.2f} {f:.2f} cm")

    def translate(self, x: float, y: float) -> None:
        self.parts.append(f"1 0 0 1 {x:.2f} {y:.2f} cm")

    def raw(self, ops: str) -> None:
        self.parts.append(ops)

    # paths
    def move(self, p: Point) -> None:
        self.parts.append(f"{p[0]:.2f} {p[1]:.2f} m")

    def line(self, p: Point) -> None:
        self.parts.append(f"{p[0]:.2f} {p[1]:.2f} l")

    def curve(self, c1: Point, c2: Point, p3: Point) -> None:
        self.parts.append(
            f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {p3[0]:.2f} {p3[1]:.2f} c"
        )

    def bezier(self, b: Bezier) -> None:
        self.move(b.p0)
        self.curve(b.c1, b.c2, b.p3)

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.parts.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re")

    def round_rect(self, x: float, y: float, w: float, h: float, r: float) -> None:
        self.parts.append(round_rect_path(x, y, w, h, r))

    def circle(self, cx: float, cy: float, r: float) -> None:
        self.parts.append(round_rect_path(cx - r, cy - r, 2 * r, 2 * r, r))

    def polygon(self, points: list[Point] | tuple[Point, ...]) -> None:
        self.move(points[0])
        for p in points[1:]:
            self.line(p)
        self.parts.append("h")

    # painting
    def fill(self) -> None:
        self.parts.append("f")

    def stroke(self) -> None:
        self.parts.append("S")

    def fill_stroke(self) -> None:
        self.parts.append("B")

    def flush(self, canv: Canvas) -> None:
        if self.parts:
            canv.addLiteral("\n".join(self.parts))
            self.parts.clear()
        if self._forms:
            canv._formsinuse.extend(self._forms)  # as doForm does, once per form
            self._forms.clear()


def round_rect_path(x: float, y: float, w: float, h: float, r: float) -> str:
    """A closed rounded rectangle (a circle when ``r`` is half of a square's side)."""
    r = max(0.0, min(r, w / 2, h / 2))
    if r == 0:
        return f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re"
    t = r * (1 - KAPPA)
    x1, y1 = x + w, y + h
    return (
        f"{x + r:.2f} {y:.2f} m {x1 - r:.2f} {y:.2f} l "
        f"{x1 - t:.2f} {y:.2f} {x1:.2f} {y + t:.2f} {x1:.2f} {y + r:.2f} c "
        f"{x1:.2f} {y1 - r:.2f} l "
        f"{x1:.2f} {y1 - t:.2f} {x1 - t:.2f} {y1:.2f} {x1 - r:.2f} {y1:.2f} c "
        f"{x + r:.2f} {y1:.2f} l "
        f"{x + t:.2f} {y1:.2f} {x:.2f} {y1 - t:.2f} {x:.2f} {y1 - r:.2f} c "
        f"{x:.2f} {y + r:.2f} l "
        f"{x:.2f} {y + t:.2f} {x + t:.2f} {y:.2f} {x + r:.2f} {y:.2f} c h"
    )


@cache
def icon_ops(icon: icons.Icon, ink: Color, weight: float = 1.0) -> str:
    """An icon's operators in its own 16 x 16 box, ink and line style included.

    Draw it with ``q k 0 0 k x y cm <ops> Q`` (``k`` = size / 16)."""
    ops = Ops()
    ops.stroke_color(ink)
    ops.fill_color(ink)
    ops.line_width(icons.STROKE_WIDTH * weight)
    ops.raw("1 J 1 j")
    for shape in icon.shapes:
        if isinstance(shape, icons.Line):
            ops.move(shape.start)
            ops.line(shape.end)
            ops.stroke()
            continue
        if isinstance(shape, icons.Circle):
            ops.circle(*shape.center, shape.radius)
        elif isinstance(shape, icons.Box):
            ops.round_rect(shape.x, shape.y, shape.width, shape.height, shape.radius)
        else:
            ops.move(shape.points[0])
            for p in shape.points[1:]:
                ops.line(p)
            if shape.closed:
                ops.raw("h")
        if shape.fill:
            ops.fill()  # filled shapes have no outline (as on the canvas)
        else:
            ops.stroke()
    return "\n".join(ops.parts)


STAMP_MARGIN = 4.0  # a stamp's form box reaches this far past its shape, for strokes


def place(
    ops: Ops,
    key: str,
    size: tuple[float, float],
    draw: Callable[[Ops], None],
    x: float,
    y: float,
) -> None:
    """What ``draw`` paints in a ``size`` box at the origin, placed at (x, y): as a stamp
    (one form per ``key``) when ``ops`` has stamps, else drawn inline."""
    ops.save()
    ops.translate(x, y)
    if ops.stamps is None:
        draw(ops)
    else:

        def content() -> str:
            local = Ops()
            draw(local)
            return "\n".join(local.parts)

        m = STAMP_MARGIN
        box = (-m, -m, size[0] + m, size[1] + m)
        ops.use_form(ops.stamps.name(key, box, content))
    ops.restore()


ICON_FORM_BOX = (-2.0, -2.0, icons.ICON_BOX + 2, icons.ICON_BOX + 2)  # room for strokes


def draw_icon_ops(ops: Ops, icon: icons.Icon, ink: Color, x: float, y: float, size: float) -> None:
    k = size / icons.ICON_BOX
    ops.save()
    ops.transform(k, k, x, y)
    if ops.stamps is None:
        ops.raw(icon_ops(icon, ink))
    else:
        key = f"icon-{icon.key}-{ink.hexval()[2:]}"
        ops.use_form(ops.stamps.name(key, ICON_FORM_BOX, lambda: icon_ops(icon, ink)))
    ops.restore()
