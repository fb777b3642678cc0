"""File > New: choose a template, each shown with a thumbnail of its map."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from mapper.screen_fit import fit_to_screen
from mapper.templates import DEFAULT_TEMPLATE, Template, available_templates

THUMB = QSize(320, 200)


def thumbnail(template: Template, ratio: float = 1.0) -> QPixmap:
    """The template's map drawn in ``THUMB``, with ``ratio`` pixels a point: sharp on a
    high-DPI screen (drawn at 1 and scaled up, its little text blurred)."""
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document

    document = Document(template.load())
    scene = JourneyScene(document)
    pixmap = QPixmap(THUMB * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    source = scene.itemsBoundingRect()
    scene.render(painter, QRectF(4, 4, THUMB.width() - 8, THUMB.height() - 8), source,
                 Qt.AspectRatioMode.KeepAspectRatio)  # fmt: skip
    painter.end()
    scene.detach()
    return pixmap


class TemplateDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New journey map")
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 64))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.setAccessibleName("Templates")
        ratio = (parent or self).devicePixelRatioF()
        for template in available_templates():
            label = f"{template.title}\n{template.description}"
            picture = thumbnail(template, ratio)
            icon = QIcon(picture)
            icon.addPixmap(picture, QIcon.Mode.Selected)  # not washed out when chosen
            item = QListWidgetItem(icon, label)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(template.description)
            self.list.addItem(item)
            if template.name == DEFAULT_TEMPLATE:
                self.list.setCurrentItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel("&Start from a template:")
        heading.setBuddy(self.list)  # Alt+S goes to the list
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit_to_screen(self, 3 * (THUMB.width() + 24) + 40, 2 * (THUMB.height() + 64) + 90)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
