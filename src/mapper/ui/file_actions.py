"""Opening and saving with clear messages: a failure never loses the open document."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtWidgets  # (dialogs: their types are made when one is first shown)
from PySide6.QtWidgets import QMainWindow, QWidget

from mapper.document import Document
from mapper.fileformat import JourneyFileError, atomic
from mapper.fileformat.atomic import ReadOnlyFile
from mapper.fileformat.io import read_map_bytes
from mapper.fileformat.save import UnsafeToWrite
from mapper.fileformat.signature import DiskSignature
from mapper.paths import same_file
from mapper.saving import SaveJob
from mapper.ui.message_box import as_written, plain_box
from mapper.ui.recent_files import recent_files, remember

FILTER = "Journey maps (*.journey);;All files (*)"


def window_title(name: str) -> str:
    """An editor window's title: the file's name, then the app's. A name in a right-to-left
    script starts with a left-to-right mark: else the title took the direction of its
    first letter and showed 'journey — Mapper.خريطة' (an isolate around the name does not
    do: openbox's title, laid out by Pango, then showed 'Mapper — journey.خريطة')."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in name):
        name = f"\u200e{name}"
    return f"{name}[*] — Mapper"


def problems_text(error: JourneyFileError, limit: int = 12) -> str:
    lines = [f"{p.where}: {p.message}" for p in error.problems[:limit]]
    more = len(error.problems[limit:]) + error.more
    if more:
        lines.append(f"… and {'at least ' if error.stopped else ''}{more:,} more")
    return "\n".join(lines)


def open_document(path: str | Path, parent: QWidget | None) -> Document | None:
    """Open a file; a file that fails validation gets the list of problems and a choice
    to repair it (keep what is valid, list what was dropped). Never a partial document
    without saying so. (The window that shows it puts it in the recent files.)"""
    path = Path(path)
    try:
        document = Document.open(path)
    except JourneyFileError as exc:
        # missing, a folder, not readable by this user: nothing to repair, say why at once
        if not path.is_file() or not os.access(path, os.R_OK):
            why = f"{path} cannot be opened: {exc.problems[0].message}."
            QtWidgets.QMessageBox.warning(parent, "Cannot open map", as_written(why))
            return None
        if not exc.repairable:  # not JSON, not a map, a newer Mapper's: nothing to keep
            why = f"{path.name} cannot be opened:\n{problems_text(exc)}"
            QtWidgets.QMessageBox.warning(parent, "Cannot open map", as_written(why))
            return None
        return offer_repair(path, exc, parent)
    return document


def offer_repair(path: Path, error: JourneyFileError, parent: QWidget | None) -> Document | None:
    box = plain_box(QtWidgets.QMessageBox.Icon.Warning, "Cannot open map",
                    f"{path.name} cannot be opened as it is.", parent)  # fmt: skip
    box.setInformativeText(
        "The problems are listed under Show Details. Repair opens what can be kept as a "
        "new, unsaved map and lists what had to be left out; the file itself is not changed."
    )
    box.setDetailedText(problems_text(error))
    repair = box.addButton("Repair…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not repair:
        return None
    from mapper.fileformat.repair import repair_journey  # damaged files only

    try:
        journey, dropped = repair_journey(read_map_bytes(path), str(path))
    except (JourneyFileError, OSError) as exc:
        detail = problems_text(exc) if isinstance(exc, JourneyFileError) else str(exc)
        QtWidgets.QMessageBox.critical(
            parent, "Cannot repair", as_written(f"{path.name} cannot be repaired:\n{detail}")
        )
        return None
    document = Document(journey, None, name=f"{path.stem} (repaired).journey")
    document.undo_stack.resetClean()
    report = plain_box(QtWidgets.QMessageBox.Icon.Information, "Repaired",
                       f"Opened what could be kept from {path.name}.", parent)  # fmt: skip
    things = "1 thing was" if len(dropped) == 1 else f"{len(dropped):,} things were"
    report.setInformativeText(f"{things} left out or mended (see Show Details).")
    report.setDetailedText("\n".join(dropped) or "nothing")
    report.exec()
    return document


def ask_open_path(parent: QWidget) -> str | None:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent, "Open journey map", open_folder(parent), FILTER
    )
    return path or None


def open_folder(parent: QWidget | None) -> str:
    """Where Open starts: the folder of the window's map, else of the map opened or saved
    last (a team's maps sit together); "" (Qt's own choice) when neither is there."""
    document = getattr(parent.window(), "document", None) if parent is not None else None
    own: Path | None = getattr(document, "path", None)
    for path in [*([own] if own is not None else []), *(Path(p) for p in recent_files()[:1])]:
        if path.parent.is_dir():
            return str(path.parent)
    return ""


def save_document(
    document: Document,
    parent: QWidget | None,
    save_as: bool = False,
    then: Callable[[bool], None] | None = None,
) -> bool:
    """Save (or Save As) in the background; the window stays usable meanwhile.

    Returns False if no save was started (cancelled, or the file may not be written).
    When the save ends, a failure is explained (the document stays open and unsaved), and
    ``then(saved)`` is called. A save asked for while one runs follows it."""
    if document.is_saving():
        after_save(document, lambda _job: save_document(document, parent, save_as, then))
        return True
    target, beside = document.path, False
    if not save_as and target is not None and document.changed_on_disk():
        answer = ask_about_conflict(document, parent)
        if answer == "cancel":
            return False
        save_as = answer == "save_as"
        beside = save_as and target.exists()  # their version is there: not over it
    if not save_as and target is not None and is_read_only(target):
        if not ask_about_read_only(document, parent):
            return False
        save_as = True
    if save_as or target is None:
        suggested = str(save_as_suggestion(document, beside))
        chosen = ask_save_path(parent, "Save journey map", suggested, FILTER, "journey")
        if chosen is None:
            return False
        if _open_in_another_window(document, parent, chosen):
            elsewhere = (f"{chosen.name} is open in another window. Close it there first, "
                         "or save this map under another name.")  # fmt: skip
            QtWidgets.QMessageBox.warning(
                parent, "Map open in another window", as_written(elsewhere)
            )
            return False
        target = chosen
    job = document.start_save(target)
    tell(parent, f"Saving {job.target.name}…", 0)
    after_save(document, lambda finished: _report(finished, parent, then))
    return True


def save_as_suggestion(document: Document, beside: bool = False) -> Path:
    """Where Save As starts: the map's file, unless it cannot be saved there: its folder
    is gone (the nearest folder that is there) or may not be written (the home folder: a
    save writes a temporary beside the file), or the file is read-only, or ``beside`` it
    is asked for (a copy's name beside it)."""
    target = document.path
    if target is None:
        return Path.home() / document.display_name()
    folder = target.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        folder = Path.home()
    if folder != target.parent or not (beside or is_read_only(target)):
        return folder / target.name
    copy, number = folder / f"{target.stem} (copy){target.suffix}", 2
    while copy.exists():
        copy, number = folder / f"{target.stem} (copy {number}){target.suffix}", number + 1
    return copy


def _open_in_another_window(document: Document, parent: QWidget | None, target: Path) -> bool:
    """Saving over a map open in another window would leave that window showing, as saved,
    a file that is no longer what it shows."""
    manager = getattr(parent.window(), "manager", None) if parent is not None else None
    return any(
        window.document is not document
        and window.document.path is not None
        and same_file(window.document.path, target)
        for window in getattr(manager, "windows", ())
    )


def _report(job: SaveJob, parent: QWidget | None, then: Callable[[bool], None] | None) -> None:
    if job.error is None:
        remember(job.target)
        tell(parent, f"Saved {job.target.name}")
    else:
        tell(parent, f"{job.target.name} was not saved")
        exc = job.error
        if isinstance(exc, OSError):
            reason = explain(exc, job.target)
        elif isinstance(exc, UnsafeToWrite):
            reason = str(exc)
        else:  # a bug (its traceback is in the log), and still a clear message
            reason = f"an unexpected error ({type(exc).__name__}: {exc})"
        QtWidgets.QMessageBox.critical(
            parent, "Not saved",
            as_written(f"Mapper could not save {job.target}:\n{reason}.\n\n"
                       "Your map is still open with all its changes. Try Save As to choose "
                       "another place."),
        )  # fmt: skip
    if then is not None:
        then(job.error is None)


def after_save(document: Document, action: Callable[[SaveJob], object]) -> None:
    """Run ``action(job)`` once, when the running save has finished."""

    def once(job: SaveJob) -> None:
        document.save_finished.disconnect(once)
        action(job)

    document.save_finished.connect(once)


def tell(parent: QWidget | None, text: str, milliseconds: int = 5000) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, milliseconds)


def is_read_only(path: Path) -> bool:
    """An existing file that is read-only (see :func:`fileformat.atomic.is_read_only`)."""
    return atomic.is_read_only(path)


def ask_before_closing(document: Document, parent: QWidget | None) -> bool:
    """Unsaved changes, or a file gone: whether the window may close (False: cancelled)."""
    if document.is_modified():
        return ask_to_save(document, parent)
    return ask_if_gone(document, parent)


def ask_to_save(document: Document, parent: QWidget | None) -> bool:
    """Before closing a modified map: Save (True once the save started), Discard (True)
    or Cancel (False)."""
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.warning(
        parent, "Unsaved changes",
        as_written(f"Save the changes to {document.display_name()} before closing?"),
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save,
    )  # fmt: skip
    if answer == buttons.Save:
        return save_document(document, parent)
    return answer == buttons.Discard


def ask_if_gone(document: Document, parent: QWidget | None) -> bool:
    """Before closing an unchanged map: if its file was moved, renamed or deleted, the
    window may hold the only copy. Save it (True once the save started), close (True) or
    cancel (False); True at once while the file is there."""
    if document.path is None or DiskSignature.stat(document.path) is not None:
        return True
    answer = _warn(
        parent, "File no longer there",
        f"{document.display_name()} was moved, renamed or deleted since you opened it.",
        "This window may hold the only copy of the map. Save it before closing?",
        [("Save As…", QtWidgets.QMessageBox.ButtonRole.AcceptRole, "save_as"),
         ("Save Again There", QtWidgets.QMessageBox.ButtonRole.ActionRole, "again"),
         ("Close Without Saving", QtWidgets.QMessageBox.ButtonRole.DestructiveRole, "close")],
    )  # fmt: skip
    if answer in ("cancel", "close"):
        return answer == "close"
    if answer == "again":
        document.disk_signature = None  # the user knows the file is gone: no second question
    return save_document(document, parent, save_as=answer == "save_as")


def ask_about_read_only(document: Document, parent: QWidget | None) -> bool:
    """The file is read-only: offer Save As (True) or Cancel (False); never overwrite."""
    box = plain_box(QtWidgets.QMessageBox.Icon.Warning, "File is read-only",
                    f"{document.display_name()} is read-only: Mapper will not replace it.",
                    parent)  # fmt: skip
    box.setInformativeText("Save your map under another name, or cancel.")
    save_as = box.addButton("Save As…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, name_filter: str, suffix: str
) -> Path | None:
    """A save dialog that adds ``.suffix`` itself, so its overwrite question covers the
    name actually written (adding the suffix afterwards would overwrite unasked)."""
    dialog = QtWidgets.QFileDialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def explain(exc: OSError, target: Path) -> str:
    """A save failure in the user's words."""
    import errno

    if isinstance(exc, ReadOnlyFile):
        return "the file is read-only"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "you do not have permission to write there (the file or folder is read-only)"
    if exc.errno == errno.ENOENT:
        return f"the folder {target.parent} does not exist"
    return exc.strerror or str(exc)


def ask_about_conflict(document: Document, parent: QWidget | None) -> str:
    """Someone saved over our file since we opened it: never overwrite silently."""
    if document.path is not None and not document.path.exists():
        return _ask_about_missing(document, parent)
    answer = _warn(
        parent, "File changed on disk",
        f"{document.display_name()} was changed by someone else since you opened it.",
        "Save your version under a new name, open their version next to yours, or overwrite "
        "their changes.",
        [("Save As…", QtWidgets.QMessageBox.ButtonRole.AcceptRole, "save_as"),
         ("Open Their Version", QtWidgets.QMessageBox.ButtonRole.ActionRole, "theirs"),
         ("Overwrite", QtWidgets.QMessageBox.ButtonRole.DestructiveRole, "overwrite")],
    )  # fmt: skip
    if answer == "theirs" and parent is not None:
        window = parent.window()
        manager = getattr(window, "manager", None)
        if manager is not None and document.path is not None:
            manager.open_copy(document.path, window)
    return "cancel" if answer == "theirs" else answer


def _ask_about_missing(document: Document, parent: QWidget | None) -> str:
    """Our file was moved, renamed or deleted (its folder too, perhaps): there is no
    version of theirs to open, only where to put ours."""
    return _warn(
        parent, "File no longer there",
        f"{document.display_name()} was moved, renamed or deleted since you opened it.",
        "Save your map under a new name, or save it again where it was.",
        [("Save As…", QtWidgets.QMessageBox.ButtonRole.AcceptRole, "save_as"),
         ("Save Again There", QtWidgets.QMessageBox.ButtonRole.ActionRole, "overwrite")],
    )  # fmt: skip


def _warn(
    parent: QWidget | None,
    title: str,
    text: str,
    details: str,
    choices: list[tuple[str, QtWidgets.QMessageBox.ButtonRole, str]],
) -> str:
    """A warning offering ``choices`` (label, role, answer; the first is the default) and
    Cancel: the answer of the button pressed, "cancel" for Cancel or Esc."""
    box = plain_box(QtWidgets.QMessageBox.Icon.Warning, title, text, parent)
    box.setInformativeText(details)
    answers = [(box.addButton(label, role), answer) for label, role, answer in choices]
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(answers[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for button, answer in answers if button is clicked), "cancel")
