"""Opening and saving with clear messages: a failure never loses the open document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mapper.document import Document
from mapper.fileformat import JourneyFileError
from mapper.ui.recent_files import remember

FILTER = "Journey maps (*.journey);;All files (*)"


def problems_text(error: JourneyFileError, limit: int = 12) -> str:
    lines = [f"{p.where}: {p.message}" for p in error.problems[:limit]]
    if len(error.problems) > limit:
        lines.append(f"… and {len(error.problems) - limit} more")
    return "\n".join(lines)


def open_document(path: str | Path, parent: QWidget | None) -> Document | None:
    try:
        document = Document.open(path)
    except JourneyFileError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open map",
                          f"{Path(path).name} cannot be opened.", parent=parent)  # fmt: skip
        box.setInformativeText("The file has these problems:")
        box.setDetailedText(problems_text(exc))
        box.exec()
        return None
    remember(document.path)  # type: ignore[arg-type]
    return document


def ask_open_path(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open journey map", "", FILTER)
    return path or None


def save_document(document: Document, parent: QWidget, save_as: bool = False) -> bool:
    """Save (or Save As); on failure say why and keep the document open and unsaved."""
    target = document.path
    if save_as or target is None:
        suggested = str(target or Path.home() / document.display_name())
        chosen, _ = QFileDialog.getSaveFileName(parent, "Save journey map", suggested, FILTER)
        if not chosen:
            return False
        target = Path(chosen if chosen.endswith(".journey") else chosen + ".journey")
    try:
        document.save(target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        QMessageBox.critical(
            parent, "Not saved",
            f"Mapper could not save {target}:\n{reason}.\n\n"
            "Your map is still open with all its changes. Try Save As to choose another place.",
        )  # fmt: skip
        return False
    remember(target)
    return True
