"""The main window wires the parts together: canvas, panels, menus and status bar.
It holds no editing logic of its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from mapper.canvas.editor_window import EditorWindow
from mapper.canvas.scene import JourneyScene
from mapper.canvas.view import JourneyView
from mapper.document import Document
from mapper.layout import Style
from mapper.ui.actions import (
    CARD_METRICS_KEY,
    THEME_ACTIONS,
    build_actions,
    card_metrics_shown,
    set_icons,
    show_icon,
)
from mapper.ui.disk_watch import DiskWatch
from mapper.ui.edit_controller import EditController
from mapper.ui.file_actions import after_save, ask_before_closing, save_document, window_title
from mapper.ui.first_paint import AfterFirstPaint
from mapper.ui.focus_order import next_stop
from mapper.ui.icons import icon
from mapper.ui.menu_bar import build_menus
from mapper.ui.panels import Panels
from mapper.ui.recovery_mark import RecoveryMark
from mapper.ui.selection_relay import SelectionRelay

if TYPE_CHECKING:
    from mapper.recovery.autosave import Autosaver
    from mapper.ui.appearance import Appearance
    from mapper.ui.find_bar import FindBar
    from mapper.ui.inspector import Inspector
    from mapper.ui.notice_bar import NoticeBar
    from mapper.ui.outline import OutlineWidget
    from mapper.ui.palette import PaletteWidget
    from mapper.ui.personas_panel import PersonasPanel


class WindowManager(Protocol):
    """What a window asks of ``ui.app``'s window manager (which imports this module)."""

    appearance: Appearance
    quitting: bool

    def forget(self, window: MainWindow) -> None: ...
    def quit(self) -> None: ...
    def open_path(self, path: str | Path, parent: QWidget | None) -> MainWindow | None: ...
    def new_from_chooser(self, parent: QWidget | None) -> MainWindow | None: ...
    def open_with_dialog(self, parent: QWidget) -> None: ...
    def open_copy(self, path: Path, parent: QWidget | None) -> MainWindow | None: ...
    def reload(self, window: MainWindow) -> MainWindow | None: ...


class MainWindow(EditorWindow):
    def __init__(self, document: Document, manager: WindowManager) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.document, self.manager = document, manager
        self.autosaver: Autosaver  # set by the window manager
        self._closing_after_save = False
        style = Style(card_metrics=card_metrics_shown())
        # flows come a moment after the first paint: a big map shows sooner
        self.scene = JourneyScene(document, self, style=style, defer_flows=True)
        self.view = JourneyView(self.scene)
        self.edit = EditController(document, self.scene)
        self._find_bar: FindBar | None = None  # hidden until asked for: made then
        central = QWidget()
        self._column = layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._notice: NoticeBar | None = None  # hidden until something is said: made then
        layout.addWidget(self.view)
        self.setCentralWidget(central)

        self.panels = Panels(self, document)  # the docks; what is in them comes later
        self.docks = self.panels.docks

        self.actions_ = build_actions(self)
        menus = build_menus(
            self, self.actions_, document.undo_stack, self.docks, self.view, manager.appearance,
            lambda path: manager.open_path(path, self),
        )  # fmt: skip
        self.undo_action, self.redo_action = menus.undo, menus.redo
        self.file_menu, self.recent_menu, self.theme_menu = menus.file, menus.recent, menus.theme
        self._build_status_bar()
        self.recovery_mark = RecoveryMark(self, lambda: self.notice)  # copies off: says so
        self.disk_watch = DiskWatch(  # a file changed by another program: says so
            self, document, lambda: self.notice, self._update_title, lambda: manager.reload(self),
            lambda path: manager.open_copy(path, self), lambda: self.save(save_as=True),
        )  # fmt: skip
        self.selection = SelectionRelay(self.scene, self.view, self.panels, self.selection_label)
        self._connect()
        self.after_first_frame = AfterFirstPaint(self.view.viewport())
        if self._restore_settings():  # the docks' places and sizes: the panels come later
            self.after_first_frame.add(self.panels.make_all)
        else:  # a first start: the panels' own sizes set the docks', a share of the window
            self.panels.make_all()
            self.panels.leave_room_for_the_map(self.width())
        self.after_first_frame.add(self._name_tab_bars)  # then whenever a panel moves
        self.after_first_frame.add(self.panels.show_floating_again)
        for dock in self.docks.values():
            dock.dockLocationChanged.connect(lambda _area: self._name_tab_bars())
        self._update_title()
        self._theme_changed(manager.appearance.theme)

    # ------------------------------------------------------------ building
    @property
    def find_bar(self) -> FindBar:
        """The find bar above the canvas, made the first time it is needed."""
        if self._find_bar is None:
            from mapper.ui.find_bar import FindBar

            self._find_bar = FindBar(self.scene)
            self._find_bar.focus_card.connect(self._focus_card)
            self._column.insertWidget(self._column.indexOf(self.view), self._find_bar)
        return self._find_bar

    @property
    def notice(self) -> NoticeBar:
        """The notice bar at the top, above the find bar and the map, made when needed."""
        if self._notice is None:
            from mapper.ui.notice_bar import NoticeBar

            self._notice = NoticeBar()
            self._column.insertWidget(0, self._notice)
        return self._notice

    @property
    def palette_panel(self) -> PaletteWidget:
        return self.panels.palette

    @property
    def inspector(self) -> Inspector:
        return self.panels.inspector

    @property
    def outline(self) -> OutlineWidget:
        return self.panels.outline

    @property
    def personas(self) -> PersonasPanel:
        return self.panels.personas

    def _build_status_bar(self) -> None:
        self.selection_label = QLabel()
        self.saved_label = QLabel()
        self.zoom_label = QLabel()
        for label in (self.selection_label, self.saved_label, self.zoom_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self._show_zoom(self.view.zoom())

    def _connect(self) -> None:
        a, m = self.actions_, self.manager
        a["new"].triggered.connect(lambda: m.new_from_chooser(self))
        a["open"].triggered.connect(lambda: m.open_with_dialog(self))
        a["save"].triggered.connect(lambda: self.save())
        a["save_as"].triggered.connect(lambda: self.save(save_as=True))
        a["export_pdf"].triggered.connect(self.export_pdf)
        a["export_png"].triggered.connect(lambda: self.export_image("png"))
        a["export_svg"].triggered.connect(lambda: self.export_image("svg"))
        a["export_slides"].triggered.connect(self.export_slides)
        a["present"].triggered.connect(lambda: self.present())
        a["present_here"].triggered.connect(lambda: self.present(from_selection=True))
        a["present_setup"].triggered.connect(self.choose_what_to_present)
        a["compare_personas"].triggered.connect(self._compare_personas)
        a["close"].triggered.connect(self.close)
        a["quit"].triggered.connect(m.quit)
        a["cut"].triggered.connect(self.edit.cut)
        a["copy"].triggered.connect(self.edit.copy)
        a["paste"].triggered.connect(self.edit.paste)
        a["duplicate"].triggered.connect(self.edit.duplicate)
        a["delete"].triggered.connect(self.edit.delete_selection)
        a["score_up"].triggered.connect(lambda: self.edit.step_score(1))
        a["score_down"].triggered.connect(lambda: self.edit.step_score(-1))
        a["select_all"].triggered.connect(lambda: self.scene.select_ids(list(self.scene.cards)))
        a["find"].triggered.connect(lambda: self.find_bar.open_bar())
        a["zoom_in"].triggered.connect(lambda: self.view.zoom_by(1.25))
        a["zoom_out"].triggered.connect(lambda: self.view.zoom_by(0.8))
        a["zoom_fit"].triggered.connect(self.view.fit)
        a["zoom_100"].triggered.connect(lambda: self.view.set_zoom(1.0))
        a["add_stage"].triggered.connect(self.edit.add_stage)
        a["add_lane"].triggered.connect(self.edit.add_lane)
        a["insert_card"].triggered.connect(self.view.keys.insert_card)
        a["connect"].triggered.connect(self.view.keys.start_connect)
        a["rename"].triggered.connect(lambda: self.view.keys.edit_selected())
        self.panels.palette_chosen.connect(self.view.keys.insert_from_palette)
        self.panels.outline_selected.connect(self.selection.outline_selected)
        self.panels.escaped.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.scene.hint.connect(self._hint)
        a["card_metrics"].toggled.connect(self._show_card_metrics)
        for name, choice in THEME_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, c=choice: m.appearance.set_choice(c))
        m.appearance.changed.connect(self._theme_changed)
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.problem.connect(self._tell)
        self.document.refused.connect(self._tell)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.palette_dropped.connect(self.scene.create_from_palette)
        self.view.nudged.connect(self.edit.nudge)
        self.edit.tell = self._tell

    # ------------------------------------------------------------ reactions
    def _update_title(self, _clean: bool = False) -> None:
        self.setWindowTitle(window_title(self.document.display_name()))
        modified, gone = self.document.is_modified(), self.disk_watch.gone  # gone: not saved
        self.setWindowModified(modified or gone)
        if modified:
            self.saved_label.setText("Unsaved changes")
        else:
            saved = "Saved" if self.document.path else "Not saved yet"
            self.saved_label.setText("Not on disk" if gone else saved)

    def _theme_changed(self, theme) -> None:
        self.view.set_theme(theme)
        self.panels.restyle()
        set_icons(self.actions_, theme.dark)
        show_icon(self.undo_action, icon("undo", theme.dark))
        show_icon(self.redo_action, icon("redo", theme.dark))

    def _name_tab_bars(self) -> None:
        """Tabbed panels get a tab bar from Qt: name it for screen readers."""
        for bar in self.findChildren(QTabBar):
            if not bar.accessibleName():
                bar.setAccessibleName("Panel tabs")

    def _tell(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _hint(self, text: str) -> None:
        """What a keyboard gesture expects, shown until it ends."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def save(self, save_as: bool = False) -> bool:
        """Save (a title still being typed in place goes in first)."""
        self.scene.finish_editing()
        return save_document(self.document, self, save_as=save_as)

    # ------------------------------------------------------------ keyboard focus
    def tab_parts(self) -> list[QWidget]:
        """What Tab walks through, in order (the notice's choices first while it shows)."""
        notice = [self._notice] if self._notice is not None else []
        return [*notice, self.palette_panel, self.view, self.inspector, self.outline, self.personas]

    def focusNextPrevChild(self, next: bool) -> bool:
        target = next_stop(self.tab_parts(), QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def _selection_changed(self) -> None:
        self.selection.selection_changed()

    def _show_card_metrics(self, shown: bool) -> None:
        QSettings().setValue(CARD_METRICS_KEY, shown)
        self.scene.layout_style = Style(card_metrics=shown)
        self.scene.sync()

    def _focus_card(self, card_id: str) -> None:
        item = self.scene.card_item(card_id)
        if item is not None:
            self.scene.select_ids([card_id])
            self.view.centerOn(item)

    # ------------------------------------------------------------ commands
    def _compare_personas(self) -> None:
        from mapper.ui.compare_dialog import open_compare

        open_compare(self.document.journey, self)

    def export_pdf(self) -> None:
        from mapper.ui.export_dialog import run_export_dialog

        run_export_dialog(self.document, self)

    def export_image(self, fmt: str) -> None:
        from mapper.ui.export_dialog import run_image_export

        run_image_export(self.document, self, fmt)

    def export_slides(self) -> None:
        from mapper.ui.export_dialog import run_slides_export

        run_slides_export(self.document, self)

    def present(self, from_selection: bool = False) -> None:
        from mapper.present import start_presentation

        start_presentation(self, from_selection)

    def choose_what_to_present(self) -> None:
        from mapper.present import choose_what_to_present

        choose_what_to_present(self)

    # ------------------------------------------------------------ closing
    def maybe_save(self) -> bool:
        """Ask about unsaved changes (or a file gone); False means the user cancelled."""
        self.scene.finish_editing()  # a title typed in place counts
        return ask_before_closing(self.document, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.document.is_saving() and not self.maybe_save():
            event.ignore()
            return
        if self.document.is_saving():  # closing waits for the save to be on disk
            event.ignore()
            self._close_after_save()
            return
        self._save_settings()
        self.autosaver.close()  # saved or deliberately discarded: the recovery copy goes
        self.disk_watch.stop()
        self.manager.appearance.changed.disconnect(self._theme_changed)
        self.document.undo_stack.cleanChanged.disconnect(self._update_title)
        self.document.path_changed.disconnect(self._update_title)
        self.after_first_frame.cancel()
        for part in (self.view.keys, self.scene, self.panels):
            part.detach()
        self.document.dispose()
        self.manager.forget(self)
        event.accept()

    def _close_after_save(self) -> None:
        if self._closing_after_save:
            return
        self._closing_after_save = True

        def saved(job) -> None:
            self._closing_after_save = False
            if job.error is not None:  # not saved (already explained): stay open
                self.manager.quitting = False
            elif self.manager.quitting:
                self.manager.quit()
            else:
                self.close()

        after_save(self.document, saved)

    def _save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def _restore_settings(self) -> bool:
        """The window's size and place, and its docks' layout; True if there was one."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # first start: most of the screen, centred
            area = self.screen().availableGeometry()
            self.resize(int(area.width() * 0.92), int(area.height() * 0.92))
            self.move(area.center() - self.rect().center())
        state = settings.value("window/state")
        return state is not None and self.restoreState(state)

    # ------------------------------------------------------------ file drops
    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().endswith(".journey") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".journey"):
                self.manager.open_path(url.toLocalFile(), self)
        event.acceptProposedAction()
