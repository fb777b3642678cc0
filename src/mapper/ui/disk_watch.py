"""Noticing that another program changed or removed a window's file, while the map is open.

Teams keep maps in synced folders and git checkouts: a teammate's version can land under an
open window. The file is looked at when Mapper becomes the active application, when the
window is activated, and every few seconds while Mapper is active, never more than once a
second: a stat, the hash only when the stat changed (``Document.changed_on_disk``). A
change is told once, in the window's notice bar, with what can be done about it; Mapper's
own saves are never told (a save sets the file's signature it is compared with).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from mapper.fileformat.signature import DiskSignature

if TYPE_CHECKING:
    from mapper.document import Document
    from mapper.saving import SaveJob
    from mapper.ui.notice_bar import Choice, NoticeBar

EVERY_MS = 3000  # while Mapper is the active application
MIN_GAP = 1.0  # seconds: activating a window and the application at once checks once


class DiskWatch(QObject):
    """One window's watch on its file. ``gone``: the file was found moved or deleted (the
    window then looks unsaved, and closing it asks, see ``file_actions.ask_if_gone``)."""

    def __init__(
        self,
        window: QWidget,
        document: Document,
        notice: Callable[[], NoticeBar],
        look: Callable[[], None],
        reload: Callable[[], object],
        open_theirs: Callable[[Path], object],
        save_as: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.document, self.notice = document, notice  # the bar: made when first needed
        self._look = look  # the window shows whether its map is saved (``gone`` counts)
        self._reload, self._open_theirs, self._save_as = reload, open_theirs, save_as
        self.gone = False
        self.told = ""  # the text of the notice this watch shows, if it shows one
        self._seen: DiskSignature | None = None  # the file as it was when its change was told
        self._last = -MIN_GAP
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        window.installEventFilter(self)
        document.save_finished.connect(self._saved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False

    def _tick(self) -> None:
        if QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> None:
        """Look at the file (at most once a second) and tell a change not told yet."""
        now = time.monotonic()
        if now - self._last < MIN_GAP:
            return
        self._last = now
        document, path = self.document, self.document.path
        if path is None or document.is_saving():  # our own save is being written
            return
        if not document.changed_on_disk():
            self._settled()  # as we left it (again): nothing to tell
            return
        if DiskSignature.stat(path) is None:
            if not self.gone:
                self._tell_gone(path)
            return
        if self.gone:  # back, but not as we left it
            self.gone = False
            self._look()
        if self._seen is not None:
            changed, self._seen = self._seen.changed(path)
            if not changed:
                return  # told already
        self._seen = DiskSignature.read(path)
        self.tell_changed()

    def tell_changed(self) -> None:
        """Say that the file changed, with the choices that fit the map now."""
        name = self.document.display_name()
        if self.document.is_modified():
            self._tell(
                f"{name} was changed on disk by another program. Your changes are not saved.",
                [("&Open Their Version", self._theirs), ("&Keep Mine", None)],
            )
        else:
            self._tell(
                f"{name} was changed on disk by another program.",
                [("&Reload", self._reload_unchanged), ("&Keep This Version", self._keep)],
            )

    def _tell_gone(self, path: Path) -> None:
        self.gone, self._seen = True, None
        self._look()
        self._tell(f"{path.name} is no longer on disk.", [("Save &As…", self._save_as),
                                                          ("&Dismiss", None)])  # fmt: skip

    def _tell(self, text: str, choices: list[Choice]) -> None:
        self.told = text
        self.notice().show_text(text, choices)

    def _reload_unchanged(self) -> None:
        """Reload only a map with nothing unsaved: edited since the notice, it is told again
        with the choices for unsaved changes instead of losing them."""
        if self.document.is_modified():
            self.tell_changed()
        else:
            self._reload()

    def _keep(self) -> None:
        """The window's map, no longer the file's: unsaved until saved (closing asks; a
        save asks before it replaces their version)."""
        self.document.undo_stack.resetClean()

    def _theirs(self) -> None:
        if self.document.path is not None:
            self._open_theirs(self.document.path)

    def showing(self) -> bool:
        """Whether the window's notice bar shows this watch's notice."""
        bar = self.notice() if self.told else None
        return bar is not None and bar.isVisible() and bar.label.text() == self.told

    def _settled(self) -> None:
        """The file is what the window holds: a notice about it is over."""
        if self.showing():
            self.notice().hide()
        self.told, self._seen = "", None
        if self.gone:
            self.gone = False
            self._look()

    def _saved(self, job: SaveJob) -> None:
        if job.error is None:  # the file (wherever it is now) holds the map
            self._settled()

    def stop(self) -> None:
        """The window is closing: no more looks at the file."""
        self.timer.stop()
        self.document.save_finished.disconnect(self._saved)
