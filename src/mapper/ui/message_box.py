"""Message boxes that show names and messages as written. Qt takes a box's text for
markup when its first line holds something like a tag, so a map called "<i>Draft</i>"
would be asked about as an italic "Draft", and one called "R&amp;D <br>" as "R&D"."""

from __future__ import annotations

import html

from PySide6 import QtWidgets  # (QMessageBox: its type is made when a box is first made)
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QWidget


def as_written(text: str) -> str:
    """``text`` for QMessageBox's static functions (which guess the format): unchanged
    unless Qt would take it for markup, else escaped into markup that shows it as it is
    (line breaks and runs of spaces kept)."""
    if not QtGui.mightBeRichText(text):
        return text
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def plain_box(
    icon: QtWidgets.QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QtWidgets.QMessageBox:
    """A message box whose text and informative text are shown as plain text."""
    box = QtWidgets.QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # (the informative text follows it)
    return box
