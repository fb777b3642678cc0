"""Starting the editor: the application object, its windows and the error safety net."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6 import QtWidgets  # (message boxes: their type is made when one is first shown)
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mapper import __version__
from mapper.document import Document
from mapper.fileformat import JourneyFileError
from mapper.gcpause import end_start_up_pause, keep_heap, release_heap
from mapper.paths import same_file
from mapper.recovery import RecoveryEntry, RecoveryStore
from mapper.recovery.autosave import Autosaver, wait_for_writes
from mapper.saving import wait_for_saves
from mapper.templates import DEFAULT_TEMPLATE, find_template
from mapper.ui.appearance import appearance
from mapper.ui.file_actions import ask_open_path, open_document, problems_text
from mapper.ui.icons import icon
from mapper.ui.main_window import MainWindow
from mapper.ui.message_box import as_written
from mapper.ui.recent_files import remember
from mapper.ui.settings_home import name_application
from mapper.ui.termination import Termination
from mapper.ui.typing_kept import keep_typing, put_back


class WindowManager:
    """One window per open map; knows them all, e.g. to quit, to reuse an empty one, or to
    write every recovery copy at once."""

    def __init__(self, store: RecoveryStore | None = None) -> None:
        self.windows: list[MainWindow] = []
        self.store = store or RecoveryStore()
        self.quitting = False  # waiting for a save to finish before quitting
        self.told_recovery_off = False  # the banner about recovery copies is shown once
        self.appearance = appearance()  # light or dark, as saved (or as the desktop is)
        self.appearance.reload()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state_changed)

    def show(
        self, document: Document, recovery_key: str | None = None, like: MainWindow | None = None
    ) -> MainWindow:
        """A window on ``document`` (where ``like`` is and as it is laid out, to take its
        place)."""
        window = MainWindow(document, self)
        recover = window.actions_["recover"]  # File > Recover Unsaved Work: copies left?
        recover.triggered.connect(lambda: self.offer_recovery(window))
        window.file_menu.aboutToShow.connect(lambda: recover.setEnabled(self.has_copies()))
        window.autosaver = Autosaver(document, self.store, recovery_key)
        keep_typing(window.scene, window.autosaver)  # what is typed in place, in the copies
        if window.autosaver.problem is not None:  # said in every window, a banner once
            window.recovery_mark.show_off(window.autosaver.problem, not self.told_recovery_off)
            self.told_recovery_off = True
        window.autosaver.failing.connect(window.recovery_mark.failing)
        window.autosaver.working.connect(window.recovery_mark.working)
        if like is None:
            self.windows.append(window)
            window.show()
            window.view.show_start()
        else:
            self._take_place(window, like)
        keep_heap()  # the map's objects live as long as its window
        end_start_up_pause()  # what is made from now on is collected as usual
        return window

    def _take_place(self, window: MainWindow, old: MainWindow) -> None:
        """Show ``window`` where ``old`` is, as big, its panels and its map's zoom and
        scrolling as there (a map read again looks where it was)."""
        self.windows.insert(self.windows.index(old) if old in self.windows else 0, window)
        window.restoreGeometry(old.saveGeometry())
        window.restoreState(old.saveState())
        window.show()
        window.view.set_zoom(old.view.zoom())
        for bar in ("horizontalScrollBar", "verticalScrollBar"):
            getattr(window.view, bar)().setValue(getattr(old.view, bar)().value())

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave_all()  # focus went elsewhere: write the copies now
            return
        for window in self.windows:  # back: has another program changed a map's file?
            window.disk_watch.check()

    def has_copies(self) -> bool:
        """Whether a Mapper that did not close properly left copies to recover."""
        return bool(self.store.recoverable())

    def autosave_all(self) -> None:
        """Write every map's recovery copy now; one failing keeps no other from its copy
        (this runs after an unexpected error and when Mapper is ended)."""
        for window in self.windows:
            try:
                window.autosaver.save_now()
            except Exception:
                logging.getLogger("mapper").exception("could not write the recovery copy")

    def offer_recovery(self, parent: QWidget | None = None) -> list[MainWindow]:
        """After a crash: ask what to do with the copies the dead Mapper left."""
        entries = self.store.recoverable()
        if not entries:
            return []
        end_start_up_pause()  # the dialog waits for the user
        from mapper.ui.recovery_dialog import DISCARD, RESTORE, RecoveryDialog  # after a crash only

        dialog = RecoveryDialog(entries, parent)
        dialog.exec()
        if dialog.choice == DISCARD:
            for entry in dialog.chosen():
                self.store.remove(entry.key)
            return []
        if dialog.choice != RESTORE:
            return []
        return [w for entry in dialog.chosen() if (w := self.restore(entry, parent)) is not None]

    def restore(self, entry: RecoveryEntry, parent: QWidget | None = None) -> MainWindow | None:
        try:
            journey = self.store.load(entry)
        except JourneyFileError as exc:
            damaged = f"The recovery copy is damaged:\n{problems_text(exc)}"
            QtWidgets.QMessageBox.warning(parent, "Cannot recover", as_written(damaged))
            return None
        document = Document(journey, entry.original)
        # what the file was when this work began: if it changed since (a newer save, a
        # teammate's), saving asks first instead of overwriting it
        document.disk_signature = entry.disk_signature
        document.undo_stack.resetClean()  # restored work is unsaved until saved
        if entry.typing is not None:  # typed in place when Mapper stopped: one undo step
            put_back(document, entry.typing)
        return self.show(document, recovery_key=entry.key)

    def forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
            release_heap()  # what the closed map leaves in cycles can be collected
            if self.windows:  # then the other maps are kept out of the walks again
                QTimer.singleShot(0, self._keep_heap_again)

    def _keep_heap_again(self) -> None:
        if self.windows:
            keep_heap(collect=True)

    def new_from_template(self, name: str = DEFAULT_TEMPLATE) -> MainWindow:
        template = find_template(name)
        document = Document(template.load())
        document.hints = template.hints
        return self.show(document)

    def new_from_chooser(self, parent: QWidget | None) -> MainWindow | None:
        from mapper.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(parent)
        if dialog.exec() and dialog.chosen():
            return self.new_from_template(dialog.chosen())  # type: ignore[arg-type]
        return None

    def open_path(self, path: str | Path, parent: QWidget | None) -> MainWindow | None:
        resolved = Path(path).absolute()
        for window in self.windows:
            if window.document.path is not None and same_file(window.document.path, resolved):
                window.raise_()
                window.activateWindow()
                return window
        document = open_document(resolved, parent)
        if document is None:
            return None
        pristine = [w for w in self.windows if w.document.is_pristine()]
        window = self.show(document)
        if document.path is not None:  # opened as it is (not a repaired copy)
            # written to disk after the map's first frame: the menu reads it when opened
            window.after_first_frame.add(lambda: remember(resolved))
        for old in pristine:
            old.close()
        return window

    def open_copy(self, path: Path, parent: QWidget | None) -> MainWindow | None:
        """Open what is on disk now as a separate, unsaved document (e.g. a teammate's
        version of a file we also have open)."""
        document = open_document(path, parent)
        if document is None:
            return None
        copy = Document(document.journey, None, name=f"{path.stem} (their version).journey")
        copy.undo_stack.resetClean()  # never saved under this name: closing it asks
        return self.show(copy)

    def reload(self, window: MainWindow) -> MainWindow | None:
        """Read the window's file again into a window in its place, with a fresh undo
        history (only for a map with no unsaved changes: nothing is lost). A file that
        cannot be read now is said, and the window keeps its map as it is."""
        from mapper.present import presenting

        path = window.document.path
        if path is None or window.document.is_modified():
            return None
        if presenting(window):  # the room sees this map: not taken from under it
            window.statusBar().showMessage("Reload once the presentation has ended.", 6000)
            window.disk_watch.tell_changed()
            return None
        try:
            document = Document.open(path)
        except JourneyFileError as exc:
            # the window's map is no longer what the file holds: unsaved until saved, so
            # closing asks and a save puts it back (the save asks before replacing theirs)
            window.document.undo_stack.resetClean()
            why = f"{path.name} cannot be read as it is now:\n{problems_text(exc)}"
            QtWidgets.QMessageBox.warning(window, "Cannot reload", as_written(
                f"{why}\n\nThis window keeps the map as it was, as unsaved work: save it "
                "to put it back in the file, or use Save As to keep both."))  # fmt: skip
            return None
        fresh = self.show(document, like=window)
        window.close()
        fresh.activateWindow()
        return fresh

    def open_with_dialog(self, parent: QWidget) -> None:
        path = ask_open_path(parent)
        if path:
            self.open_path(path, parent)

    def quit(self) -> None:
        """Close every window (each asks about unsaved changes); a window whose save is
        still running closes, and quitting goes on, once the save is on disk."""
        self.quitting = True
        for window in list(self.windows):
            if not window.close():
                self.quitting = window.document.is_saving()
                return
        self.quitting = False
        QApplication.quit()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    name_application()  # (where its settings are kept)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app") or QIcon())
    if app.platformName() == "offscreen":  # its clipboard crashes at exit if it holds data
        app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return app


def quiet_logging() -> None:
    """What the editor logs never reaches the terminal, from the start; until the log file
    is open (see :func:`start_logging`) a message is dropped."""
    logging.raiseExceptions = False  # a log write that fails later is dropped quietly
    logger = logging.getLogger("mapper")
    logger.propagate = False
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())  # instead of Python's last resort: stderr


def start_logging() -> bool:
    """Problems the editor handles (a recovery copy that could not be written, an
    unexpected error) go to the log file, never to the terminal. A log folder that cannot
    be written is no reason to stop: messages are then dropped. True if the log works."""
    from mapper.logs import open_log

    quiet_logging()
    try:
        open_log()
    except Exception:
        return False
    return True


def install_error_dialog(manager: WindowManager) -> None:
    """An unexpected error shows a friendly dialog (with the log's path) instead of a
    crash; the documents stay open."""

    def hook(kind, value, tb) -> None:
        where = "Mapper could not write its log."
        with contextlib.suppress(Exception):  # the log failing must not hide the dialog
            from mapper.logs import log_file, open_log  # opened now if it was not yet

            details = "".join(traceback.format_exception(kind, value, tb))
            open_log().error("unexpected error\n%s", details)
            where = f"Details are in {log_file()}."
        with contextlib.suppress(Exception):
            manager.autosave_all()  # keep a copy of everything right away
        QtWidgets.QMessageBox.critical(
            manager.windows[-1] if manager.windows else None,
            "Something went wrong",
            as_written(
                f"Mapper ran into an unexpected problem ({kind.__name__}: {value}).\n\n"
                f"Your maps are still open; save them to be safe.\n{where}"
            ),
        )

    sys.excepthook = hook


def end_keeping_copies(manager: WindowManager, number: int) -> None:
    """Ended by the system: every map's recovery copy is written and kept for the next
    start to offer, a save under way finishes, and the process ends at once (closing the
    windows, or tearing them down at exit, would remove the copies)."""
    manager.autosave_all()
    wait_for_saves()
    wait_for_writes()
    logging.shutdown()
    os._exit(128 + number)  # as a shell reports a program ended by that signal


def run_app(path: str | None, qt_options: list[str] | None = None) -> int:
    """``qt_options``: Qt's own command-line options (``-style Fusion``, ``-reverse``)."""
    app = create_application([*(sys.argv[:1] or ["mapper"]), *(qt_options or [])])
    quiet_logging()  # the log file opens right after the first frame (below)
    manager = WindowManager()
    install_error_dialog(manager)
    restored = manager.offer_recovery()
    if path:
        if manager.open_path(path, None) is None and not restored:
            return 1  # (work just restored stays open: the editor runs on for it)
    elif not restored:
        manager.new_from_template()
    for window in manager.windows:  # whichever shows first (opening it twice is a no-op)
        window.after_first_frame.add(start_logging)
    end_start_up_pause()  # ended by the first window already, unless none opened
    termination = Termination(lambda number: end_keeping_copies(manager, number), app)
    code = app.exec()
    termination.stop()  # the windows are closed: Python's own handling again
    wait_for_saves()
    wait_for_writes()
    return code
