"""Flow tiles on big and high-DPI screens. On a high-DPI screen (a viewport pixel is 2, or
1.5, screen pixels) flows drawn in bulk into tiles must be as sharp as a flow painting
itself: tiles of viewport pixels were blown up on screen, blurred (the screen's scale is
fixed when Qt starts, so that view is drawn in a Python of its own). A view that needs
more tiles than are kept must still settle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.canvas import flow_tiles
from mapper.document import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map

MAP = Path(__file__).resolve().parents[2] / "examples" / "phone-contract-renewal.journey"

# Grabs the viewport with the flows in bulk and with each flow painting itself, at a zoom,
# and prints how many screen pixels differ by more than a rounding (grey levels).
LOOKS = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

app = QApplication([])
QCoreApplication.setApplicationName("MapperTests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from mapper.document import Document
from mapper.fileformat.io import load_journey
from mapper.ui.app import WindowManager

window = WindowManager().show(Document(load_journey(sys.argv[2])))
window.resize(1400, 1000)
view, scene = window.view, window.scene
middle = max(scene.flows.values(), key=lambda f: f.boundingRect().width())

def look(bulk):
    scene.draw_flows_in_bulk(bulk)
    view.viewport().repaint()
    while bulk and scene.flow_layer.item.rough:
        app.processEvents()
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    return image, image.convertToFormat(QImage.Format.Format_Grayscale8)

out = {}
for zoom in (1.0, 2.0):
    view.set_zoom(zoom)
    view.centerOn(middle.boundingRect().center())  # the longest flow, and others
    app.processEvents()
    own, own_grey = look(False)
    bulk, bulk_grey = look(True)
    # the pixels only: each line's bytes past the width are padding, never drawn
    width, line = own_grey.width(), own_grey.bytesPerLine()
    raw = [image.constBits().tobytes() for image in (own_grey, bulk_grey)]
    a, b = ([data[i : i + width] for i in range(0, len(data), line)] for data in raw)
    a, b = b"".join(a), b"".join(b)
    out[str(zoom)] = {
        "ratio": own.width() / view.viewport().width(),
        "flows": len([f for f in scene.flows.values() if f.sceneBoundingRect().intersects(
            view.mapToScene(view.viewport().rect()).boundingRect())]),
        "differ": sum(1 for x, y in zip(a, b) if abs(x - y) > 24),
    }
print(json.dumps(out))
window.close()
"""


@pytest.mark.parametrize("scale", ["2", "1.5"])
def test_flows_in_bulk_are_sharp_on_a_high_dpi_screen(tmp_path, scale):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale,
               MAPPER_DATA_DIR=str(tmp_path / "data"))  # fmt: skip
    done = subprocess.run([sys.executable, "-c", LOOKS, str(tmp_path), str(MAP)], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    looks = json.loads(done.stdout.strip().splitlines()[-1])
    for zoom, look in looks.items():
        assert look["ratio"] == float(scale), zoom  # the screen's pixels were grabbed
        assert look["flows"] > 5, zoom  # flows in view
        assert look["differ"] == 0, (zoom, look)


def test_a_view_needing_more_tiles_than_are_kept_settles_and_keeps_them(
    manager, qtbot, monkeypatch
):
    """A 5K screen (or a 2,400-pixel-wide window on a Retina one) needs more tiles than
    the few screens' worth kept: the view dropped tiles of its own while drawing them, so
    every repaint drew them again and the lines never settled (a core kept busy)."""
    window = manager.show(Document(make_map(400)))
    window.resize(1200, 800)
    qtbot.waitExposed(window)
    window.view.set_zoom(1.0)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # mid-map: flows all over the view
    qtbot.waitUntil(lambda: not window.scene.pending)  # (the flows come after the cards)
    monkeypatch.setattr(flow_tiles, "MAX_TILES", 2)  # fewer than this view needs
    item = window.scene.flow_layer.item
    item.forget()
    window.view.viewport().repaint()
    qtbot.waitUntil(lambda: not item.rough, timeout=5000)
    drawn = []
    draw_tile = flow_tiles.FlowLayerItem._draw_tile

    def counted(self, i, j):
        drawn.append((i, j))
        return draw_tile(self, i, j)

    monkeypatch.setattr(flow_tiles.FlowLayerItem, "_draw_tile", counted)
    window.view.viewport().repaint()  # nothing changed: every tile is at hand
    assert drawn == []
    assert len(item._tiles) > 2
