"""Pure-Python layout shared by the canvas and the exporters (no Qt, no reportlab)."""

from mapper.layout.boxes import CardBox, FlowRoute, LaneBox, MapLayout, StageBox, Style
from mapper.layout.emotion import EmotionCurve, EmotionPoint
from mapper.layout.geometry import Bezier, Point, Rect
from mapper.layout.grid import compute_layout, route_flows, route_flows_in_steps

__all__ = [
    "Bezier",
    "CardBox",
    "EmotionCurve",
    "EmotionPoint",
    "FlowRoute",
    "LaneBox",
    "MapLayout",
    "Point",
    "Rect",
    "StageBox",
    "Style",
    "compute_layout",
    "route_flows",
    "route_flows_in_steps",
]
