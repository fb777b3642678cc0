"""Room settings: what a presenter sets for a projector and a room (text size, contrast,
transitions, the minimap) is remembered for the next presentation, in QSettings.

Screen covers, help and the spotlight are moments in a talk, not settings: never kept.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from mapper.present.controller import TEXT_SCALES, Controller

GROUP = "present"
SWITCHES = ("high_contrast", "transitions", "minimap")
ROOM_OPTIONS = ("text_scale", *SWITCHES)


def remembered() -> dict[str, object]:
    """The saved room settings that are still valid (a hand-edited or old value is
    skipped, leaving the default)."""
    settings = QSettings()
    settings.beginGroup(GROUP)
    values: dict[str, object] = {}
    scale = settings.value("text_scale")
    try:
        if scale is not None and float(scale) in TEXT_SCALES:
            values["text_scale"] = float(scale)
    except (TypeError, ValueError):
        pass
    for name in SWITCHES:
        value = settings.value(name)
        if value in (True, "true", "1", 1):
            values[name] = True
        elif value in (False, "false", "0", 0):
            values[name] = False
    settings.endGroup()
    return values


def remember(controller: Controller, name: str) -> None:
    if name in ROOM_OPTIONS:
        QSettings().setValue(f"{GROUP}/{name}", getattr(controller.options, name))


def apply_remembered(controller: Controller) -> None:
    """Start with last time's room settings and keep every later change."""
    for name, value in remembered().items():
        controller.set_option(name, value)
    controller.options_changed.connect(lambda name: remember(controller, name))
