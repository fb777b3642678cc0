"""On a high-DPI screen (a viewport pixel is 2, or 1.5, screen pixels) flows drawn in bulk
into tiles must be as sharp as a flow painting itself: tiles of viewport pixels were blown
up on screen, blurred. The screen's scale is fixed when Qt starts, so the view is drawn
in a Python of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    a, b = own_grey.constBits().tobytes(), bulk_grey.constBits().tobytes()
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
