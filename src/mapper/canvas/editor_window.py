"""The editor's window as present mode sees it: a main window with its map's document,
canvas scene and view. The editor's ``MainWindow`` (``ui.main_window``) is one; present
mode, which that window starts, names it by this base instead of importing it (kept
here, not in ``present``: opening a map loads nothing of present mode)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from mapper.canvas.scene import JourneyScene
    from mapper.canvas.view import JourneyView
    from mapper.document import Document


class EditorWindow(QMainWindow):
    """A main window showing one map: what presenting it reads and hands back to."""

    document: Document
    scene: JourneyScene
    view: JourneyView
