"""The canvas's tooltips show what users wrote as written. Qt takes a tooltip for markup
when it looks like some (a persona called "<b>Margot</b> & Co" showed as a bold "Margot",
a card titled "R&amp;D" as "R&D"); every tooltip of the canvas is plain text, so the
scene shows the one Qt would, escaped where Qt would read it as markup."""

from __future__ import annotations

import html

from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QGraphicsView, QToolTip


def as_written(text: str) -> str:
    """``text`` for a tooltip: as it is, or escaped into markup that shows it as it is
    when Qt would take it for markup (line breaks kept)."""
    if not QtGui.mightBeRichText(text):
        return text
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


class PlainTipScene(QGraphicsScene):
    """A scene whose items' tooltips show as written (see the module)."""

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        widget = event.widget()
        view = widget.parentWidget() if widget is not None else None
        if not isinstance(view, QGraphicsView):
            super().helpEvent(event)
            return
        # the topmost item under the pointer with a tooltip, as Qt picks it
        under = view.items(widget.mapFromGlobal(event.screenPos()))
        text = next((tip for item in under if (tip := item.toolTip())), "")
        if text:
            QToolTip.showText(event.screenPos(), as_written(text), widget)
        else:
            QToolTip.hideText()
        event.setAccepted(bool(text))
