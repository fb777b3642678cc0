"""File > Export as PDF: choose the page options, export with a progress dialog (the work
runs off the UI thread), and offer to open the result."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QLocale, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mapper.document import Document
from mapper.gcpause import paused_gc
from mapper.model import JourneyMap
from mapper.ui.file_actions import ask_save_path
from mapper.ui.message_box import as_written

PAGES = ["A4", "A3", "Letter", "Tabloid"]


def local_paper() -> str:
    """The paper the user's country prints on, until they choose: Letter in the US (and
    the few countries measuring as it does), else A4, as ``mapper export`` defaults to."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


class ExportOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export as PDF")
        settings = QSettings()
        self.page = QComboBox()
        self.page.addItems(PAGES)
        self.page.setCurrentText(str(settings.value("export/page", local_paper())))
        self.page.setAccessibleName("Page size")  # (not only the size chosen)
        self.portrait = QCheckBox("Portrait")
        self.portrait.setChecked(settings.value("export/portrait", "false") == "true")
        self.readable = QRadioButton(
            "Readable: one page if the text stays readable, else an overview and detail pages"
        )
        self.fit = QRadioButton("Fit the whole map on one page, however small the text")
        self.tile = QRadioButton("Tile over several pages (for a poster)")
        chosen = str(settings.value("export/layout", "readable"))
        {"fit": self.fit, "tile": self.tile}.get(chosen, self.readable).setChecked(True)
        self.report = QCheckBox("Add report pages (personas, touchpoints, opportunities)")
        self.report.setChecked(settings.value("export/report", "true") == "true")
        self.open_after = QCheckBox("Open the PDF when done")
        self.open_after.setChecked(settings.value("export/open", "true") == "true")
        form = QFormLayout()
        form.addRow("Page size", self.page)
        form.addRow("", self.portrait)
        form.addRow("Layout", self.readable)
        form.addRow("", self.fit)
        form.addRow("", self.tile)
        form.addRow("", self.report)
        form.addRow("", self.open_after)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def remember(self) -> None:
        settings = QSettings()
        settings.setValue("export/page", self.page.currentText())
        layout = "fit" if self.fit.isChecked() else "tile" if self.tile.isChecked() else "readable"
        settings.setValue("export/layout", layout)
        for key, box in (("portrait", self.portrait), ("report", self.report),
                         ("open", self.open_after)):  # fmt: skip
            settings.setValue(f"export/{key}", "true" if box.isChecked() else "false")

    def options(self):
        from mapper.export.options import PdfOptions

        return PdfOptions(
            page=self.page.currentText(),
            landscape=not self.portrait.isChecked(),
            tile=self.tile.isChecked(),
            fit=self.fit.isChecked(),
            report=self.report.isChecked(),
        )


def run_export_dialog(document: Document, parent: QWidget) -> Path | None:
    dialog = ExportOptionsDialog(parent)
    if not dialog.exec():
        return None
    dialog.remember()
    suggested = (document.path or Path.home() / "journey").with_suffix(".pdf")
    target = ask_save_path(parent, "Export as PDF", str(suggested), "PDF (*.pdf)", "pdf")
    if target is None:
        return None
    try:
        warnings = export_with_progress(document, target, dialog.options(), parent)
    except Exception as exc:  # an export problem is reported, never a crash
        QMessageBox.critical(
            parent, "Export failed", as_written(f"The PDF could not be written:\n{exc}")
        )
        return None
    if warnings:
        QMessageBox.information(parent, "Exported with warnings", as_written("\n\n".join(warnings)))
    if dialog.open_after.isChecked():
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def _export_paused(journey: JourneyMap, target: Path, options: Any) -> list[str]:
    """The export on the worker thread, with no cyclic collection meanwhile: one there
    could free the window's Qt objects on the wrong thread, which they do not survive."""
    from mapper.export import export_pdf

    with paused_gc():
        return export_pdf(journey, target, options)


def export_with_progress(document: Document, target: Path, options, parent) -> list[str]:
    """Export in a worker thread while a (modal) progress dialog keeps the UI alive."""
    journey = JourneyMap.from_snapshot(document.journey.snapshot())  # edits go on meanwhile
    progress = QProgressDialog("Exporting the map…", "", 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setCancelButton(None)
    progress.setMinimumDuration(300)
    progress.setWindowTitle("Mapper")
    loop = QEventLoop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future: Future = pool.submit(_export_paused, journey, target, options)
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if future.done() else None)
        timer.start(30)
        loop.exec()
        timer.stop()
    progress.close()
    return future.result()


RESOLUTIONS = [("Screen (96 dpi)", 96.0), ("Sharp (192 dpi)", 192.0), ("Print (300 dpi)", 300.0)]


def run_image_export(document: Document, parent: QWidget, fmt: str) -> Path | None:
    """File > Export as PNG / SVG: the whole map as drawn on the canvas."""
    from PySide6.QtWidgets import QApplication, QInputDialog

    from mapper.export.errors import ExportError
    from mapper.export.image import render_png, render_svg
    from mapper.fileformat.io import write_atomic
    from mapper.ui.actions import card_metrics_shown

    dpi = 192.0
    if fmt == "png":
        labels = [label for label, _ in RESOLUTIONS]
        label, ok = QInputDialog.getItem(parent, "Export as PNG", "Resolution:", labels, 1, False)
        if not ok:
            return None
        dpi = dict(RESOLUTIONS)[label]
    suffix = f".{fmt}"
    suggested = (document.path or Path.home() / "journey").with_suffix(suffix)
    target = ask_save_path(
        parent, f"Export as {fmt.upper()}", str(suggested), f"{fmt.upper()} (*{suffix})", fmt
    )
    if target is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        metrics = card_metrics_shown()  # as the canvas shows the cards
        if fmt == "png":
            data = render_png(document.journey, dpi, card_metrics=metrics)
        else:
            data = render_svg(document.journey, card_metrics=metrics)
        write_atomic(target, data)
    except (ExportError, OSError) as exc:
        QMessageBox.critical(
            parent, "Export failed", as_written(f"{target.name} could not be written:\n{exc}")
        )
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return target


def run_slides_export(document: Document, parent: QWidget) -> Path | None:
    """File > Export Slides: every step of the presentation as a 16:9 PDF page."""
    from PySide6.QtWidgets import QApplication

    from mapper.fileformat.io import write_atomic
    from mapper.present.slides import render_slides

    base = document.path or Path.home() / "journey"
    suggested = base.with_name(f"{base.stem} slides.pdf")
    target = ask_save_path(parent, "Export Slides", str(suggested), "PDF (*.pdf)", "pdf")
    if target is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data, _pages = render_slides(document.journey)
        write_atomic(target, data)
    except OSError as exc:
        QMessageBox.critical(
            parent, "Export failed", as_written(f"{target.name} could not be written:\n{exc}")
        )
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return target
