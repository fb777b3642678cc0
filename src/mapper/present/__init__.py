"""Present mode: walk a room through the map, full screen, stage by stage.

The editor starts it with :func:`start_presentation` (F5, or Shift+F5 from the selected
stage); the team chooses what to show beforehand with :func:`choose_what_to_present`.
Presenting only reads the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mapper.canvas.editor_window import EditorWindow
    from mapper.present.session import PresentationSession


def start_presentation(
    window: EditorWindow, from_selection: bool = False
) -> PresentationSession | None:
    """Present the window's map; a second F5 while presenting brings the show back.

    F5 soon after a show ended offers to resume where it stopped (with its clock);
    ``from_selection`` starts at the selected stage instead. None: the user cancelled."""
    from mapper.present.resume import where_to_start
    from mapper.present.session import PresentationSession

    running = [s for s in window.findChildren(PresentationSession) if s.running]
    if running:
        running[0].audience.activateWindow()
        return running[0]
    start = where_to_start(window, from_selection)
    if start is None:
        return None
    session = PresentationSession(window, start=start)
    session.start()
    return session


def presenting(window: EditorWindow) -> bool:
    """Whether the window's map is being presented now."""
    from mapper.present.session import PresentationSession

    return any(s.running for s in window.findChildren(PresentationSession))


def choose_what_to_present(window: EditorWindow) -> bool:
    """The dialog for the lanes and personas to show; True if the choice was changed."""
    from mapper.present.setup_dialog import run_setup_dialog

    return run_setup_dialog(window.document, window)
