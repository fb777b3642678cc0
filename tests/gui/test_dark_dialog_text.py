"""Coloured text in dialogs (a warning, a refusal, the stages where personas differ most)
reads at 4.5:1 or more on the dialog in the dark look as in the light one."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from mapper.layout.theme import contrast


def ink_and_paper(label: QLabel) -> tuple[str, str]:
    label.ensurePolished()  # (a style sheet's colour is in the palette once polished)
    palette = label.palette()
    return (palette.color(QPalette.ColorRole.WindowText).name(),
            palette.color(QPalette.ColorRole.Window).name())  # fmt: skip


@pytest.fixture(params=["light", "dark"])
def look(request, window):
    window.actions_[f"theme_{request.param}"].trigger()
    QApplication.processEvents()
    return window


def test_what_choose_what_to_present_leaves_out_reads_in_either_look(look):
    from mapper.present.setup_dialog import SetupDialog

    dialog = SetupDialog(look.document.journey, look)
    for lane in list(look.document.journey.lanes)[1:]:  # "Stage ... would show no cards"
        dialog.set_shown("lanes", lane.id, False)
    dialog.show()
    QApplication.processEvents()
    assert dialog.warning.isVisible()
    assert contrast(*ink_and_paper(dialog.warning)) >= 4.5
    dialog.close()


def test_a_refused_channel_name_reads_in_either_look(look):
    from mapper.ui.channel_field import ChannelDialog

    dialog = ChannelDialog(look, "New channel", "Web", True, lambda _n, _o: "Taken already")
    dialog.show()
    dialog.accept()
    QApplication.processEvents()
    assert dialog.problem.isVisible()
    assert contrast(*ink_and_paper(dialog.problem)) >= 4.5
    dialog.close()


def test_where_personas_differ_most_reads_in_either_look(look):
    from mapper.ui.compare_dialog import HIGHLIGHT, HIGHLIGHT_INK, CompareDialog

    dialog = CompareDialog(look.document.journey, look)
    dialog.show()
    QApplication.processEvents()
    text = dialog.divergent.text()
    assert HIGHLIGHT_INK in text
    # the ranked stage names are set on their band, as in the table: dark on light in
    # either look (alone on the dark dialog the brown was 1.9:1)
    assert f"color:{HIGHLIGHT_INK}; background-color:{HIGHLIGHT}" in text
    assert contrast(HIGHLIGHT_INK, HIGHLIGHT) >= 4.5
    dialog.close()
