"""PNG and SVG of the whole map, from the command line and from the editor."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from factories import sample_map
from mapper.cli.main import main
from mapper.export.errors import ExportError
from mapper.export.image import render_png, render_svg
from mapper.fileformat import save_journey
from mapper.layout import compute_layout


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "renewal.journey"
    journey = sample_map()
    journey.update_card("t1", title="Sale <b>50%</b> & more")
    save_journey(journey, path)
    return path


def test_png_at_a_chosen_resolution(map_file, tmp_path, qapp):
    out = tmp_path / "map.png"
    assert main(["export", str(map_file), "-o", str(out), "--dpi", "96"]) == 0
    image = QImage(str(out))
    layout = compute_layout(sample_map())
    assert (image.width(), image.height()) == (round(layout.width + 48), round(layout.height + 48))
    assert main(["export", str(map_file), "-o", str(out), "--dpi", "192"]) == 0
    assert QImage(str(out)).width() == round((layout.width + 48) * 2)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20  # a real picture, not a blank page


def test_svg_is_vector_with_real_text(map_file, tmp_path):
    out = tmp_path / "map.svg"
    assert main(["export", str(map_file), "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    root = ET.fromstring(text)  # well-formed XML
    assert root.tag.endswith("svg")
    assert "Sale &lt;b&gt;50%&lt;/b&gt; &amp; more" in text  # user text escaped, verbatim
    assert "Online checkout" in text and "<image" not in text  # cards drawn, not pasted


def test_image_errors(map_file, tmp_path, capsys):
    assert main(["export", str(map_file), "-o", str(tmp_path / "m.gif")]) == 2
    assert "use OUT.pdf, OUT.png or OUT.svg" in capsys.readouterr().err
    assert main(["export", str(map_file), "-o", str(tmp_path / "m.png"), "--dpi", "5"]) == 2
    assert "24..1200 dpi" in capsys.readouterr().err
    with pytest.raises(ExportError, match=r"choose \d+ dpi or less"):
        _huge_png()


def _huge_png():
    from mapper.model import Stage

    journey = sample_map()
    for i in range(40):
        journey.add_stage(Stage(f"wide{i}", "Wide", width=2000))
    render_png(journey, 1200)


def test_the_editor_exports_png_and_svg(manager, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from mapper.document import Document
    from mapper.ui import export_dialog

    window = manager.show(Document(sample_map()))
    for fmt in ("png", "svg"):
        target = tmp_path / f"editor.{fmt}"
        monkeypatch.setattr(export_dialog, "ask_save_path", lambda *a, t=target, **k: t)
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Screen (96 dpi)", True))
        window.actions_[f"export_{fmt}"].trigger()
        assert target.stat().st_size > 1000
    assert render_svg(window.document.journey).startswith(b"<?xml")


def test_the_editor_exports_a_pdf_through_its_dialog(isolated_settings, tmp_path, monkeypatch):
    from mapper.document import Document
    from mapper.ui import export_dialog

    def accept(dialog):
        dialog.page.setCurrentText("A3")
        dialog.tile.setChecked(True)
        dialog.open_after.setChecked(False)
        return True

    target = tmp_path / "dialog.pdf"
    from PySide6.QtWidgets import QMessageBox

    def no_error(*args):
        raise AssertionError(f"the export failed: {args[2]}")

    monkeypatch.setattr(QMessageBox, "critical", no_error)  # a modal box would hang the test
    monkeypatch.setattr(export_dialog.ExportOptionsDialog, "exec", accept)
    monkeypatch.setattr(export_dialog, "ask_save_path", lambda *a, **k: target)
    result = export_dialog.run_export_dialog(Document(sample_map()), None)
    assert result == target
    assert target.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    assert len(PdfReader(str(target)).pages) >= 3  # cover, tiles, report
