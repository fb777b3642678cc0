"""A voting step too long for one screen: the clicker's next and back turn its pages
before they leave the step, so the room sees every item it is asked to vote on (with the
pick on the first item of the page shown), and the console's Next says so."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import keys
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from mapper.document import Document
from mapper.model import SequenceItem
from mapper.present.session import PresentationSession
from mapper.present.steps import StepKind

K = Qt.Key
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class FakeScreen:
    def __init__(self, name: str, x: int, width: int, height: int) -> None:
        self.name, self._geometry = name, QRect(x, 0, width, height)

    def geometry(self) -> QRect:
        return self._geometry


@pytest.fixture
def phone_window(manager, qtbot, tmp_path):
    """The phone-contract example (24 pain points to vote on), voting after the pain points."""
    path = tmp_path / "phone.journey"
    shutil.copy(EXAMPLES / "phone-contract-renewal.journey", path)
    win = manager.show(Document.open(path))
    win.resize(1200, 800)
    qtbot.waitExposed(win)
    journey = win.document.journey
    keys_ = ("pain_points", "vote:pain_points", "opportunities")
    sequence = tuple(SequenceItem(key) for key in keys_)
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    win.document.save()
    win.document.undo_stack.clear()
    return win


def present(window, screens, laptop):
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    QApplication.processEvents()
    return session


def at_the_first_vote(window):
    """Presenting on one laptop screen, stepped on to the first voting step."""
    laptop = FakeScreen("laptop", 0, 1280, 720)
    session = present(window, [laptop], laptop)
    while session.controller.step.kind is not StepKind.VOTE:
        keys(session.audience, K.Key_PageDown)
    return session


def test_next_and_back_turn_a_long_voting_steps_pages_on_one_screen(phone_window):
    session = at_the_first_vote(phone_window)
    room, controller = session.audience, session.controller
    step, slide = controller.step, room.view.vote
    typing = session.deck.voting.typing(step.key)
    pages = slide.pages()
    assert pages >= 2 and slide.page() == 0
    keys(room, K.Key_PageDown)  # the clicker's next: the second page, not the next step
    assert controller.step is step and slide.page() == 1
    assert typing.picked == slide.layout_().per_page  # the first item of that page
    keys(room, K.Key_Left)  # back: the first page again
    assert controller.step is step and slide.page() == 0 and typing.picked == 0
    for page in range(1, pages):
        keys(room, K.Key_Space)
        assert controller.step is step and slide.page() == page
    keys(room, K.Key_Right)  # past the last page: the next step
    assert controller.step.kind is StepKind.OPPORTUNITIES
    assert phone_window.document.undo_stack.count() == 0  # turning pages never votes
    session.end()


def test_an_entry_typed_with_spaces_votes_for_the_item_it_names(phone_window):
    """On a long list, ``3 = 12`` typed with its spaces gives item 3 its twelve votes: the
    spaces do not turn the page (which picked the next page's first item for the 12)."""
    session = at_the_first_vote(phone_window)
    room, controller = session.audience, session.controller
    step, slide = controller.step, room.view.vote
    assert slide.pages() >= 2
    keys(room, K.Key_3, K.Key_Space, K.Key_Equal, K.Key_Space, K.Key_1, K.Key_2, K.Key_Return)
    assert controller.step is step and slide.page() == 0
    items, tallies = session.deck.voting.items(step.key), session.deck.voting.tallies(step.key)
    assert tallies[2] == 12 and sum(tallies) == 12, (items[2].card_id, tallies)
    session.end()


def test_the_console_previews_a_voting_steps_next_page(phone_window):
    laptop = FakeScreen("laptop", 0, 1280, 800)
    projector = FakeScreen("projector", 1280, 1280, 720)
    session = present(phone_window, [laptop, projector], laptop)
    controller, console = session.controller, session.console
    index = next(i for i, s in enumerate(controller.navigator.steps) if s.kind is StepKind.VOTE)
    controller.go_to(index)
    QApplication.processEvents()
    title, pages = controller.step.title, session.audience.view.vote.pages()
    assert pages >= 2
    assert console.next_title.text() == f"Next: {title}, page 2 of {pages}"
    for _ in range(pages - 1):
        keys(console, K.Key_PageDown)
    assert console.position.text().endswith(f"page {pages} of {pages}")
    assert console.next_title.text() == "Next: Opportunities"
    session.end()


def test_item_titles_use_the_rows_room_before_being_cut(phone_window, monkeypatch):
    """At 1280x720 the titles used to be cut with "…" while the space kept for a four-digit
    count sat empty beside them: a title now runs up to its row's count, a little smaller
    if need be, and is cut only when even that does not fit."""
    import mapper.present.vote_slide as vote_slide

    laptop = FakeScreen("laptop", 0, 1280, 720)
    session = present(phone_window, [laptop], laptop)
    controller = session.controller
    index = next(i for i, s in enumerate(controller.navigator.steps) if s.kind is StepKind.VOTE)
    controller.go_to(index)
    session.audience.resize(1280, 720)  # what the full-screen room window is on a real screen
    QApplication.processEvents()
    slide = session.audience.view.vote
    drawn: list[tuple[str, float]] = []
    real = vote_slide.draw_lines

    def spy(painter, lines, x, y, size, bold=False):
        drawn.extend((line, size) for line in lines)
        return real(painter, lines, x, y, size, bold)

    monkeypatch.setattr(vote_slide, "draw_lines", spy)
    titles = [item.title for item in slide.items()]
    for page in range(slide.pages()):
        slide.show_step(controller.step, page)
        slide.grab()
    shown = {text for text, _size in drawn}
    whole = [title for title in titles if title in shown]
    assert len(whole) == len(titles), set(titles) - shown
    title_size = vote_slide.TITLE * slide.layout_().u
    sizes = [size for text, size in drawn if text in titles]
    assert min(sizes) >= 0.8 * title_size  # no smaller than a room can read
    session.end()


def test_a_clicker_sending_up_and_down_walks_the_items_then_leaves_the_step(phone_window):
    laptop = FakeScreen("laptop", 0, 1280, 720)
    session = present(phone_window, [laptop], laptop)
    room, controller = session.audience, session.controller
    index = next(i for i, s in enumerate(controller.navigator.steps) if s.kind is StepKind.VOTE)
    controller.go_to(index)
    step = controller.step
    typing = session.deck.voting.typing(step.key)
    count = len(session.deck.voting.items(step.key))
    keys(room, K.Key_Up)  # on the first item: back
    assert controller.step.kind is StepKind.PAIN_POINTS
    keys(room, K.Key_Right)
    assert controller.step is step and typing.picked == 0
    for item in range(1, count):
        keys(room, K.Key_Down)
        assert controller.step is step and typing.picked == item
        assert room.view.vote.page() == room.view.vote.layout_().page_of(item)
    keys(room, K.Key_Down)  # on the last item: next
    assert controller.step.kind is StepKind.OPPORTUNITIES
    assert phone_window.document.undo_stack.count() == 0
    session.end()


def test_a_count_and_the_next_columns_number_do_not_run_together():
    """Two columns at 1920x1080: item 1's count and item 9's number read "9 9" when the
    gap between the columns was narrower than a count."""
    from PySide6.QtCore import QRectF

    from mapper.layout.text import text_width
    from mapper.present.vote_slide import COUNT, VoteLayout

    lay = VoteLayout(QRectF(0, 0, 1920, 1080), 24, 1.0)
    assert lay.columns == 2
    gap = lay.box(lay.rows).left() - lay.box(0).right()
    assert gap >= text_width("00", COUNT * lay.u, bold=True)
