"""View > Compare personas: the shown personas' average emotion per stage side by side,
drawn as curves and listed in a table, with the stages where they diverge most.

It only reads the model (``analysis.compare_personas``) and follows it while open."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.canvas.painting import qcolor
from mapper.layout import theme
from mapper.layout.persona_style import Marker, PersonaStyle, styles_by_id
from mapper.layout.wording import short_names, signed
from mapper.model import JourneyMap, ModelEvent, sentiment_of
from mapper.model.analysis import PersonaComparison, compare_personas
from mapper.screen_fit import fit_to_screen
from mapper.ui.compare_chart import HIGHLIGHT, HIGHLIGHT_INK, CompareChart

TOP_DIVERGENT = 3  # stages highlighted as where the personas differ most
NOT_SCORED = "\u2013"


class CompareDialog(QDialog):
    """Non-modal: it stays beside the map and follows its edits."""

    def __init__(self, journey: JourneyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare personas")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.journey = journey
        self.comparison: PersonaComparison | None = None
        self.message = QLabel()  # what is needed to compare, when it cannot
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # (persona names)
        self.message.setWordWrap(True)
        self.message.setObjectName("compare-message")
        self.divergent = QLabel()  # "Where they differ most: ..."
        self.divergent.setWordWrap(True)
        self.divergent.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # many personas, long names: lines, not a wider dialog
        self.chart = CompareChart()
        # the chart and the table are drawn in the map's own (light) colours, as on paper,
        # so they stay readable in dark mode
        self.chart.setPalette(_light_palette())
        scroll = QScrollArea()
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setAccessibleName("Chart of the personas' average emotion per stage")
        scroll.setAccessibleDescription("The table below lists the same averages")
        self.table = QTableWidget()
        self.table.setPalette(_light_palette())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("Average emotion per stage, by persona")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.divergent)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1180, 900)
        self.splitter.setSizes([440, 320])
        self._unsubscribe = journey.events.subscribe(self._on_model_events)
        # Esc (reject) deletes the dialog without a close event: stop following the map
        # whichever way it ends
        self.finished.connect(self._unsubscribe)
        self.refresh()

    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        self.refresh()

    def closeEvent(self, event) -> None:
        self._unsubscribe()
        super().closeEvent(event)

    # ------------------------------------------------------------------ content
    def refresh(self) -> None:
        comparison = compare_personas(self.journey)
        self.comparison = comparison
        top = [d.stage_index for d in comparison.divergent[:TOP_DIVERGENT]]
        self.message.setText(_needed(self.journey, comparison))
        self.message.setVisible(bool(self.message.text()))
        comparable = len(comparison.curves) > 0 and len(comparison.stages) > 0
        self.splitter.setVisible(comparable)
        self.legend.setVisible(comparable)
        self.divergent.setVisible(comparable and bool(comparison.divergent))
        styles = styles_by_id(self.journey.personas)
        self.legend.setText(_legend(comparison, styles))
        self.divergent.setText(_divergent_text(comparison, top))
        self.chart.set_comparison(comparison, top, styles)
        self._fill_table(comparison, top)

    def _fill_table(self, comparison: PersonaComparison, top: list[int]) -> None:
        names = short_names([c.persona for c in comparison.curves])
        headers = ["Stage", *(names[c.persona.id] for c in comparison.curves), "Average", "Gap"]
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(comparison.stages))
        table.setHorizontalHeaderLabels(headers)
        gaps = {d.stage_index: d.spread for d in comparison.divergent}
        rank = {index: n for n, index in enumerate(top, 1)}
        for row, stage in enumerate(comparison.stages):
            name = f"#{rank[row]}  {stage.name}" if row in rank else stage.name
            cells = [_cell(name)]
            cells += [_average_cell(c.averages[row]) for c in comparison.curves]
            cells.append(_average_cell(comparison.means[row]))
            gap = gaps.get(row)
            cells.append(_cell(NOT_SCORED if gap is None else f"{gap:.2f}", right=True))
            for column, item in enumerate(cells):
                if row in rank:
                    item.setBackground(QBrush(qcolor(HIGHLIGHT)))
                    if column in (0, len(cells) - 1):  # readable on the band in dark mode too
                        item.setForeground(QBrush(qcolor(HIGHLIGHT_INK)))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _needed(journey: JourneyMap, comparison: PersonaComparison) -> str:
    """What the map lacks for a comparison, in words ("" when nothing)."""
    hidden = sum(1 for p in journey.personas if p.hidden)
    show_hidden = f" or show one of the {hidden} hidden" if hidden else ""
    shown = [c.persona.name for c in comparison.curves]
    if not comparison.stages:
        return "This map has no stages yet: add stages and score cards to compare personas."
    if not shown:
        return (
            "No persona is shown. Comparing needs at least two shown personas: add "
            f"personas{show_hidden} in the Personas panel."
        )
    if len(shown) == 1:
        return (
            f"Only {shown[0]} is shown. Comparing needs at least two shown personas: add a "
            f"persona{show_hidden} in the Personas panel. Until then, {shown[0]}'s averages:"
        )
    if not any(a is not None for c in comparison.curves for a in c.averages):
        return (
            "No card has an emotion score yet. Score cards for each persona (in the "
            "inspector, or by dragging points on the emotion curve) to compare them."
        )
    if not comparison.divergent:
        return (
            "No stage is scored by two personas yet, so there is nothing to set side by "
            "side: score the same stages for each persona."
        )
    return ""


# each persona's marker in the legend, as the chart draws it on its curve
MARKER_GLYPHS = {
    Marker.CIRCLE: "\u25cf", Marker.SQUARE: "\u25a0", Marker.DIAMOND: "\u25c6",
    Marker.TRIANGLE: "\u25b2", Marker.TRIANGLE_DOWN: "\u25bc", Marker.HEXAGON: "\u2b22",
    Marker.STAR: "\u2605",
}  # fmt: skip


def _legend(comparison: PersonaComparison, styles: dict[str, PersonaStyle]) -> str:
    entries = [
        f'<span style="color:{c.persona.color}; font-size:16pt">'
        f"{MARKER_GLYPHS[styles[c.persona.id].marker]}"
        f"</span>&nbsp;{_name(c.persona.name)}"
        for c in comparison.curves
    ]
    if len(comparison.curves) > 1:
        entries.append(
            f'<span style="color:{theme.MUTED_INK}; font-size:12pt"><b>- - -</b></span>'
            "&nbsp;Average of the personas"
        )
    return "&nbsp;&nbsp;&nbsp; ".join(entries)  # (a line may break between entries)


def _name(name: str) -> str:
    """A persona's name for rich text, ended by a left-to-right mark: a right-to-left
    name (Arabic, Hebrew) keeps the next swatch, score or name on its own side, where
    two such names side by side swapped places and a score jumped before its name."""
    return f"{escape(name)}\u200e"


def _divergent_text(comparison: PersonaComparison, top: list[int]) -> str:
    """The most divergent stages, each with who feels it worst and best."""
    if not top:
        return ""
    names = short_names([c.persona for c in comparison.curves])
    averages = {c.persona.id: c.averages for c in comparison.curves}
    parts = []
    for rank, d in enumerate(comparison.divergent[: len(top)], 1):
        stage = comparison.stages[d.stage_index].name
        low, high = averages[d.lowest.id][d.stage_index], averages[d.highest.id][d.stage_index]
        assert low is not None and high is not None
        parts.append(
            f'<span style="color:{HIGHLIGHT_INK}; background-color:{HIGHLIGHT}">'
            f"<b>#{rank} {_name(stage)}</b></span>: "
            f"{_name(names[d.lowest.id])} {signed(low, 2)}, "
            f"{_name(names[d.highest.id])} {signed(high, 2)} (gap {d.spread:.2f})"
        )
    return "<b>Where they differ most</b><br>" + "<br>".join(parts)


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _average_cell(average: float | None) -> QTableWidgetItem:
    if average is None:
        item = _cell(NOT_SCORED, right=True)
        item.setForeground(QBrush(qcolor(theme.MUTED_INK)))
        item.setToolTip("No card in this stage is scored")
        return item
    item = _cell(signed(average, 2), right=True)
    item.setForeground(QBrush(qcolor(theme.SENTIMENT_COLORS[sentiment_of(round(average))])))
    return item


def open_compare(journey: JourneyMap, parent: QWidget) -> CompareDialog:
    """Show the comparison beside the window (the open one again if there is one)."""
    open_ones = [
        d for d in parent.findChildren(CompareDialog) if d.isVisible() and d.journey is journey
    ]
    dialog = open_ones[0] if open_ones else CompareDialog(journey, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _light_palette() -> QPalette:
    """Light colours for the chart and the table whatever the window's scheme."""
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.AlternateBase, "#f4f6f8"),
        (QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Text, theme.INK),
        (QPalette.ColorRole.WindowText, theme.INK), (QPalette.ColorRole.Button, "#eef1f4"),
        (QPalette.ColorRole.ButtonText, theme.INK),
    ):  # fmt: skip
        palette.setColor(role, QColor(color))
    return palette
