"""PNG and SVG of the whole map, from the command line and from the editor."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.dom import minidom

import pytest
from export_helpers import qpdf_check
from PySide6.QtGui import QImage

from factories import sample_map
from hostile import EVIL, hostile_map
from mapper.cli.main import main
from mapper.export import PdfOptions, render_pdf
from mapper.export.errors import ExportError
from mapper.export.image import render_png, render_svg
from mapper.fileformat import save_journey
from mapper.layout import compute_layout
from mapper.model import Entity

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "renewal.journey"
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="Sale <b>50%</b> & more")
    save_journey(journey, path)
    return path


def test_png_at_a_chosen_resolution(map_file, tmp_path, qapp):
    out = tmp_path / "map.png"
    args = ["export", str(map_file), "-o", str(out), "--no-title-legend"]
    assert main([*args, "--dpi", "96"]) == 0
    image = QImage(str(out))
    layout = compute_layout(sample_map())
    assert (image.width(), image.height()) == (round(layout.width + 48), round(layout.height + 48))
    assert main([*args, "--dpi", "192"]) == 0
    assert QImage(str(out)).width() == round((layout.width + 48) * 2)
    assert main(["export", str(map_file), "-o", str(out), "--dpi", "96"]) == 0
    framed = QImage(str(out))  # the title above and the legend below, as wide as the map
    assert framed.width() == image.width() and framed.height() > image.height() + 60
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
        journey.add(Stage(f"wide{i}", "Wide", width=2000))
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


# XML 1.0 holds no control character but tab and line breaks; a parser turns CR LF into LF
HOSTILE_IN_SVG = EVIL.translate({0x1B: "\ufffd", 0x07: "\ufffd", 0x00: "\ufffd", 0x0B: "\ufffd"})
HOSTILE_IN_SVG = HOSTILE_IN_SVG.replace("\r\n", "\n")


def _parse_svg(data: bytes) -> ET.Element:
    """Our SVG read by two XML parsers (both refuse a control character)."""
    minidom.parseString(data)
    return ET.fromstring(data)


def test_svg_with_control_characters_in_every_field_is_valid_xml(tmp_path, capsys):
    path = tmp_path / "hostile.journey"
    save_journey(hostile_map(), path)
    out = tmp_path / "hostile.svg"
    assert main(["export", str(path), "-o", str(out)]) == 0
    root = _parse_svg(out.read_bytes())
    assert root.find(f"{SVG}title").text == f"Renew a phone contract {HOSTILE_IN_SVG}"
    text = "".join(root.itertext())
    for kept in ("<b>&amp;</b>", "مرحبا", "🚀", "\u202e", "Instagram ad", "Awareness"):
        assert kept in text  # markup as text, RTL, emoji and the rest survive
    assert "\ufffd]0;pwned\ufffd\ufffd[2J" in text  # each refused character leaves a mark


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("a\x00b\x1fc\x7fd", "a\ufffdb\ufffdc\x7fd"),  # DEL is allowed in XML 1.0
        ("tab\tlf\ncr\r.", "tab\tlf\ncr\n."),
        ("\ufffe\uffff", "\ufffd\ufffd"),  # not characters
        ("lone \ud800 \udfff", "lone \ufffd \ufffd"),
        ("\U0001f680 \U0010fffd \ue000", "\U0001f680 \U0010fffd \ue000"),
    ],
)
def test_svg_replaces_exactly_what_xml_cannot_hold(title, shown):
    journey = sample_map()
    journey.update_info(title=title)
    root = _parse_svg(render_svg(journey))
    assert root.find(f"{SVG}title").text == shown


def test_the_editor_exports_a_valid_svg_of_hostile_text(manager, tmp_path, monkeypatch):
    from mapper.document import Document
    from mapper.ui import export_dialog

    window = manager.show(Document(hostile_map()))
    target = tmp_path / "editor.svg"
    monkeypatch.setattr(export_dialog, "ask_save_path", lambda *a, **k: target)
    window.actions_["export_svg"].trigger()
    root = _parse_svg(target.read_bytes())
    assert root.find(f"{SVG}title").text == f"Renew a phone contract {HOSTILE_IN_SVG}"


def test_pdf_metadata_and_outline_with_control_characters(tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "hostile.pdf"
    out.write_bytes(render_pdf(hostile_map(), PdfOptions()).data)
    qpdf_check(out)
    reader = PdfReader(out)
    titles = [reader.metadata.title]
    pending = list(reader.outline)
    while pending:
        item = pending.pop()
        pending.extend(item) if isinstance(item, list) else titles.append(item.title)
    assert len(titles) > 10
    for title in titles:
        assert not re.search("[\x00-\x1f\x7f]", title), title
    assert reader.metadata.title.startswith("Renew a phone contract")
    assert "مرحبا 🚀" in reader.metadata.title
    assert all(page.extract_text() for page in reader.pages)


def test_the_export_dialog_offers_the_three_layouts_and_remembers_the_choice(isolated_settings):
    from mapper.ui.export_dialog import ExportOptionsDialog

    dialog = ExportOptionsDialog(None)
    assert dialog.readable.isChecked()  # the default: what the command line does
    options = dialog.options()
    assert not options.fit and not options.tile
    dialog.fit.setChecked(True)
    assert dialog.options().fit and not dialog.options().tile
    dialog.remember()
    again = ExportOptionsDialog(None)
    assert again.fit.isChecked() and again.options().fit


def test_the_export_dialog_starts_on_the_paper_of_the_users_country(isolated_settings):
    """A4, as ``mapper export`` does, or Letter where paper is measured in inches (it
    offered A3, which few offices print on); the user's own choice wins after."""
    from PySide6.QtCore import QLocale

    from mapper.ui.export_dialog import ExportOptionsDialog

    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert ExportOptionsDialog(None).page.currentText() == "A4"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        dialog = ExportOptionsDialog(None)
        assert dialog.page.currentText() == "Letter"
        dialog.page.setCurrentText("A3")
        dialog.remember()
        assert ExportOptionsDialog(None).page.currentText() == "A3"
    finally:
        QLocale.setDefault(QLocale.system())


def test_an_export_scene_taken_apart_is_freed_at_once_not_by_the_collector():
    """The collector freeing a scene's Qt objects at a random moment crashed test runs: the
    flow layer and the model subscription held the scene in cycles."""
    import gc
    import weakref

    from mapper.export.image import _scene, offscreen_application

    offscreen_application()
    gc.disable()
    try:
        scene = _scene(sample_map())
        gone = weakref.ref(scene)
        scene.detach()
        scene.clear()
        scene.document.dispose()
        del scene
        assert gone() is None
    finally:
        gc.enable()


_CTRL_C_WHILE_QT_DRAWS = """
import os, signal, sys
from mapper.canvas import card_item

drawn = card_item.CardItem.paint
def paint(self, *args):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C while Qt draws the cards
    return drawn(self, *args)
card_item.CardItem.paint = paint
from mapper.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_ctrl_c_while_a_picture_is_drawn_ends_it_without_a_crash(tmp_path, suffix):
    """A KeyboardInterrupt raised in an item's paint, called from Qt's C++, ended
    'mapper export MAP -o MAP.png' in a segmentation fault; now Ctrl+C ends it as any
    program, by the signal, and the file it would have replaced is untouched."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "coffee-chain.journey"
    out = tmp_path / f"map{suffix}"
    out.write_text("the picture from last week")
    result = subprocess.run(
        [sys.executable, "-c", _CTRL_C_WHILE_QT_DRAWS, "export", str(example), "-o", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == -signal.SIGINT, result.stderr
    assert out.read_text() == "the picture from last week"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
