"""The editor's window loads only what its first frame needs: dialogs, the find bar, the
notice bar and the clipboard's payload schema load when first used, the panels' contents (and their modules)
right after the first frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

import mapper

PANELS = (  # what is in the docks, and what only that needs
    "mapper.ui.palette",
    "mapper.ui.outline",
    "mapper.ui.inspector",
    "mapper.ui.personas_panel",
    "mapper.ui.form_fields",
    "mapper.ui.channel_field",
    "mapper.ui.evidence_field",
    "mapper.ui.opportunity_fields",
    "mapper.ui.votes_label",
    "mapper.ui.hints",
    "mapper.ui.images",
)
PANEL_PARTS = (  # what only the panels use (made before a first start's first frame)
    "mapper.model.opportunities",
    "mapper.model.votes",
    "mapper.canvas.palette_items",
    "mapper.edits.channels",
)
LATER = (
    "mapper.clipboard",
    "mapper.canvas.menus",  # the context menus, when one is first opened
    "mapper.edits.menus",
    "mapper.fileformat.repair",  # a damaged file's repair
    "mapper.ui.compare_dialog",
    "mapper.ui.recovery_dialog",
    "mapper.ui.find_bar",
    "mapper.ui.notice_bar",
    *PANELS,
    *PANEL_PARTS,
)


def test_opening_the_editor_leaves_dialogs_and_the_clipboard_schema_for_later():
    code = f"import sys\nimport mapper.ui.app\nprint(*[m for m in {LATER!r} if m in sys.modules])\n"
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


# A fresh editor opens a map twice: the first run saves its window layout as it closes, the
# second restores it and reports the modules loaded when its canvas is first painted.
FIRST_FRAME = """
import sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from mapper.ui.app import WindowManager, create_application

create_application()
window = WindowManager().open_path(sys.argv[1], None)
seen = []

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(sorted(m for m in sys.modules if m.startswith("mapper.")))
            seen[0] += [f"Qt:{name}" for name in vars(sys.modules["PySide6.QtWidgets"])]
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.view.viewport().installEventFilter(watcher)
app.exec()
print(*seen[0])
"""


def test_a_restored_window_loads_its_panels_after_the_first_frame(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1]),
           "MAPPER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    example = Path(__file__).parents[2] / "examples" / "coffee-chain.journey"
    command = [sys.executable, "-c", FIRST_FRAME, str(example), str(tmp_path / "settings")]
    runs = [subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
            for _ in range(2)]  # fmt: skip
    for done in runs:
        assert done.returncode == 0, done.stderr
    first, second = (set(done.stdout.split()) for done in runs)
    assert set(PANELS) <= first  # no saved layout: the panels' sizes set the docks'
    assert not set(PANELS) & second
    assert not set(PANEL_PARTS) & second
    assert "mapper.canvas.scene" in second
    # PySide made no dialog's type yet (each with its enums): a message box's and the file
    # dialog's come with the first shown, the panels' widgets with the panels
    assert {"Qt:QDialog", "Qt:QMessageBox", "Qt:QFileDialog", "Qt:QComboBox"}.isdisjoint(second)


# `mapper FILE` as a user starts it; reports whether the log's machinery was loaded when the
# canvas was first painted, whether the log file was open a moment later, and how many
# times the garbage collector ran from the start of the command until the window shows.
MAPPER_FILE = """
import gc, logging, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from mapper.cli.main import main

app = QApplication([])
seen = []

def done():
    handlers = logging.getLogger("mapper").handlers
    seen.append(any(type(h).__name__ == "RotatingFileHandler" for h in handlers))
    for window in QApplication.topLevelWidgets():
        window.close()
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        painted = event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
        if painted and obj.accessibleName() == "Journey map":
            if not seen:
                seen.append("logging.handlers" in sys.modules)
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            if count in gc.callbacks:
                gc.callbacks.remove(count)
                QTimer.singleShot(300, done)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
collections = []
count = lambda phase, info: phase == "start" and collections.append(info["generation"])
gc.callbacks.append(count)
code = main([sys.argv[1]])
print(code, *seen, len(collections))
"""


def test_mapper_file_shows_its_first_frame_without_a_collection_and_then_opens_its_log(
    tmp_path,
):
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1]),
           "MAPPER_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    example = Path(__file__).parents[2] / "examples" / "coffee-chain.journey"
    done = subprocess.run([sys.executable, "-c", MAPPER_FILE, str(example)], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    code, log_loaded, log_open, collections = done.stdout.split()
    assert code == "0" and collections == "0"  # all it makes lives on: see mapper.gcpause
    assert (log_loaded, log_open) == ("False", "True")  # not loaded, then open
    assert (tmp_path / "data" / "logs" / "mapper.log").is_file()


def test_copy_and_paste_load_the_clipboard_schema_when_first_used(window, qtbot):
    window.scene.select_ids([next(window.document.journey.cards()).id])
    assert window.edit.copy()
    assert "mapper.clipboard" in sys.modules
    assert window.edit.paste()


def test_the_find_bar_is_made_when_first_asked_for_and_opens_above_the_map(window, qtbot):
    assert window._find_bar is None
    window.actions_["find"].trigger()
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    assert bar.geometry().bottom() < window.view.geometry().top()
    bar.field.setText(next(window.document.journey.cards()).title)
    assert bar.matches
    window.actions_["find"].trigger()
    assert window.find_bar is bar


def test_a_notice_made_after_the_find_bar_shows_above_it(window, qtbot):
    assert window._notice is None
    window.find_bar.open_bar()
    window.notice.show_text("Recovery copies are off")
    qtbot.waitUntil(lambda: window.notice.isVisible())
    QApplication.processEvents()
    notice, bar, view = window.notice.geometry(), window.find_bar.geometry(), window.view.geometry()
    assert notice.bottom() < bar.top() and bar.bottom() < view.top()


# PySide6 reads the source of every module imported after it (to look for its
# ``__feature__`` switches): Mapper's model, imported before it, starts sooner. 'mapper
# FILE' reaches the editor through its command line. NetworkX is not loaded at all until
# its graph algorithms are asked (see mapper.model.card_graph), nor pydantic's model
# machinery and the file schema until a file needs validating (mapper.fileformat.trust).
BEFORE_QT = """
import sys
from mapper.cli.main import build_parser

build_parser()  # as 'mapper FILE' does before it starts the editor
import mapper.ui.app

order = list(sys.modules)
print(*[m for m in ("mapper.model.journey",) if order.index(m) > order.index("PySide6")])
print(*[m for m in ("networkx", "pydantic.main", "mapper.fileformat.schema") if m in sys.modules])
"""


def test_mapper_file_loads_the_model_before_qt_and_no_library_it_needs_later(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", BEFORE_QT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
