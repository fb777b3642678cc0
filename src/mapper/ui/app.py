"""Starting the editor: the application object, its windows and the error safety net."""

from __future__ import annotations

import contextlib
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mapper import __version__
from mapper.document import Document
from mapper.templates import DEFAULT_TEMPLATE, find_template
from mapper.ui.file_actions import ask_open_path, open_document
from mapper.ui.icons import icon
from mapper.ui.main_window import MainWindow


class WindowManager:
    """One window per open map; knows them all, e.g. to quit or to reuse an empty one."""

    def __init__(self) -> None:
        self.windows: list[MainWindow] = []

    def show(self, document: Document) -> MainWindow:
        window = MainWindow(document, self)
        self.windows.append(window)
        window.show()
        window.view.show_start()
        return window

    def forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def new_from_template(self, name: str = DEFAULT_TEMPLATE) -> MainWindow:
        return self.show(Document(find_template(name).load()))

    def new_from_chooser(self, parent: QWidget | None) -> MainWindow | None:
        from mapper.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(parent)
        if dialog.exec() and dialog.chosen():
            return self.new_from_template(dialog.chosen())  # type: ignore[arg-type]
        return None

    def open_path(self, path: str | Path, parent: QWidget | None) -> MainWindow | None:
        resolved = Path(path).absolute()
        for window in self.windows:
            if window.document.path == resolved:
                window.raise_()
                window.activateWindow()
                return window
        document = open_document(resolved, parent)
        if document is None:
            return None
        pristine = [w for w in self.windows
                    if w.document.path is None and not w.document.undo_stack.count()]  # fmt: skip
        window = self.show(document)
        for old in pristine:
            old.close()
        return window

    def open_with_dialog(self, parent: QWidget) -> None:
        path = ask_open_path(parent)
        if path:
            self.open_path(path, parent)

    def quit(self) -> None:
        for window in list(self.windows):
            if not window.close():
                return
        QApplication.quit()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setApplicationName("Mapper")
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app") or QIcon())
    return app  # type: ignore[return-value]


def install_error_dialog(manager: WindowManager) -> None:
    """An unexpected error shows a friendly dialog (with the log's path) instead of a
    crash; the documents stay open."""
    from mapper.cli.errors import log_file, open_log

    def hook(kind, value, tb) -> None:
        with contextlib.suppress(Exception):  # the log failing must not hide the dialog
            details = "".join(traceback.format_exception(kind, value, tb))
            open_log().error("unexpected error\n%s", details)
        QMessageBox.critical(
            manager.windows[-1] if manager.windows else None,
            "Something went wrong",
            f"Mapper ran into an unexpected problem ({kind.__name__}: {value}).\n\n"
            f"Your maps are still open; save them to be safe.\nDetails are in {log_file()}.",
        )

    sys.excepthook = hook


def run_app(path: str | None) -> int:
    app = create_application()
    manager = WindowManager()
    install_error_dialog(manager)
    if path:
        if manager.open_path(path, None) is None:
            return 1
    else:
        manager.new_from_template()
    return app.exec()
