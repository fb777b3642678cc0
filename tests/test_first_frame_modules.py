"""What opening a map in the editor loads before its first frame: the parts a first frame
never uses load when first used (a removal, a drag, typing in place, an old file's
upgrade, the graph questions, the save's validators, placing flow labels), so they cost
nothing at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from factories import sample_map
from mapper.fileformat import save_journey

FIRST_FRAME = """
import inspect, json, sys

source_read = []  # the modules whose source PySide's import hook read
read_source = inspect.getsource


def getsource(obj):
    source_read.append(getattr(obj, "__name__", ""))
    return read_source(obj)


inspect.getsource = getsource
if sys.argv[2] == "cli":  # as 'mapper FILE' starts: the command line is read before Qt
    from mapper.cli.main import build_parser

    build_parser().parse_args(["open", sys.argv[1]])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication([])


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not app.property("painted"):
            app.setProperty("painted", True)
            from mapper.fileformat import save

            loaded = sorted(m for m in sys.modules if m.startswith("mapper"))
            built = save._adapters.cache_info().currsize
            read = [name for name in source_read if name.startswith("mapper")]
            tokenizer = sys.modules.get("tokenize")  # its patterns: compiled when first used
            tokenized = tokenizer is not None and tokenizer._compile.cache_info().currsize > 0
            widgets = vars(sys.modules["PySide6.QtWidgets"])  # PySide makes a type when used
            gui = vars(sys.modules["PySide6.QtGui"])
            import dataclasses

            defined = [f"{name}.{key}" for name in loaded
                       for key, value in vars(sys.modules[name]).items()
                       if isinstance(value, type) and dataclasses.is_dataclass(value)
                       and value.__module__ == name]
            loaded += [m for m in ("concurrent.futures", "networkx") if m in sys.modules]
            print(json.dumps({"modules": loaded, "save_validators": built, "read": read,
                              "read_all": source_read,
                              "tokenized": tokenized, "types": sorted(widgets),
                              "gui_types": sorted(gui), "dataclasses": defined}))
            app.exit()  # before the next turn of the event loop builds the rest
        return False


from mapper.ui.app import WindowManager, create_application

create_application()
window = WindowManager().open_path(sys.argv[1], None)
watcher = FirstPaint()
window.view.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""

LATER = [
    "mapper.model.analysis",  # graph questions: panels, exports, present mode
    "networkx",  # their algorithms (see model.card_graph): no edit or layout needs them
    "mapper.model.removals",  # what a removal records
    "mapper.model.cascade",
    "mapper.fileformat.opportunity_upgrade",  # files older than format 3 only
    "mapper.canvas.inline_edits",  # typing a title in place
    "mapper.canvas.inline_editor",
    "mapper.canvas.emotion_drag",  # gestures
    "mapper.canvas.header_drags",
    "mapper.layout.labels",  # where flow labels go: the flows come after the first frame
    "mapper.layout.label_grids",
    "mapper.layout.label_moves",
    "mapper.canvas.menus",  # the context menus: made when one is first opened
    "mapper.edits.menus",
    "mapper.fileformat.repair",  # a damaged file's repair
    "mapper.present",  # present mode: F5 loads it
    "mapper.canvas.curve_path",  # the emotion curves' paths: they come with the flows
    "concurrent.futures",  # the save's and the recovery copies' writer threads: first write
]
LATER_FROM_THE_COMMAND_LINE = [
    "mapper.cli.summary",  # 'mapper info', and its analysis
    "mapper.cli.export",  # 'mapper export' (the parser reads cli.export_options)
    "mapper.export",  # the exporters and their page sizes: File > Export loads them
]


@pytest.mark.parametrize("start", ["cli", "editor"])
def test_the_first_frame_leaves_what_it_does_not_use_unloaded(tmp_path, start):
    found = _first_frame(tmp_path, start)
    assert "mapper.canvas.scene" in found["modules"]  # it did open the map
    later = LATER + LATER_FROM_THE_COMMAND_LINE
    assert [m for m in later if m in found["modules"]] == []
    assert found["save_validators"] == 0
    # pydantic reads a built-in default factory's signature with Python's tokenizer
    assert not found["tokenized"]
    # making QStyle's type builds its 16 enums: a card's paint and the look leave it be
    assert "QStyle" not in found["types"] and "QGraphicsView" in found["types"]
    # nor the shape items' base (with its enums): a path, line or rectangle item is made
    # for the curves, which come after it, or a gesture's marks
    assert "QAbstractGraphicsShapeItem" not in found["types"]
    # nor every kind of widget's: asked for a widget Qt made where the answer may be any
    # kind of widget, PySide builds them all to find out which (canvas.viewport)
    assert "QCalendarWidget" not in found["types"] and "QWizard" not in found["types"]
    # nor the gradients' (with theirs): the active persona's curve comes after the frame
    assert "QLinearGradient" not in found["gui_types"] and "QPainter" in found["gui_types"]


# the window's side defines its records as named tuples or plain classes: a dataclass
# costs ~0.4 ms to define as its module loads (what Mapper's core defines is its own)
EDITOR_SIDE = ("mapper.ui", "mapper.canvas", "mapper.recovery", "mapper.saving")
KEPT_DATACLASSES = {
    "mapper.canvas.flow_tiles._InFull",
    # the panels' (before the first frame on a first start only, see ui/panels.py)
    "mapper.ui.inspector.FieldSpec",
    "mapper.canvas.palette_items.PaletteEntry",
}


def test_the_window_side_defines_no_dataclass_before_the_first_frame(tmp_path):
    found = _first_frame(tmp_path, "cli")
    defined = {name for name in found["dataclasses"] if name.startswith(EDITOR_SIDE)}
    assert defined <= KEPT_DATACLASSES


def _first_frame(tmp_path, start: str) -> dict:
    """What a fresh editor started as ``start`` says it loaded at its map's first frame."""
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),  # the editor's settings and recent files: not the user's
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "MAPPER_DATA_DIR": str(tmp_path / "data"),
    }
    run = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(path), start],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("start", ["cli", "editor"])
def test_pyside_reads_no_source_of_mappers_window_modules(tmp_path, start):
    """PySide's import hook reads the file of each module loaded after Qt unless told what
    it would find; the window's hundred modules are told (about 12 ms of the first frame)."""
    found = _first_frame(tmp_path, start)
    assert "mapper.canvas.scene" in found["modules"]
    # read: only what loads before the hook is told (with Qt first, the package and the ui's)
    told_after = {"mapper.ui.import_hook"} | (
        {"mapper", "mapper.ui"} if start == "editor" else set()
    )
    assert set(found["read"]) <= told_after
    # nor of what the module that tells it imports (it imports no more than it must)
    assert {"typing", "types", "__future__"}.isdisjoint(found["read_all"])
