"""Editing the sequence in Choose What to Present: move, skip, add a slide and a voting
step; one undo step saved with the map; the show, the console's previews and the slides
export follow it."""

from __future__ import annotations

import io

import pdfplumber
from helpers import keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mapper.fileformat import load_journey
from mapper.present import choose_what_to_present
from mapper.present.sequence import build_steps
from mapper.present.session import PresentationSession
from mapper.present.setup_dialog import SetupDialog
from mapper.present.slides import render_slides
from mapper.present.steps import StepKind

K = Qt.Key


def test_reorder_skip_and_add_steps_then_present_them(window, two_screens, monkeypatch):
    document = window.document

    def edit(self) -> int:
        seq = self.sequence
        assert [seq.list.item(i).text() for i in range(3)] == [
            "Overview: Renew a phone contract", "Stage: Awareness", "Stage: Purchase"]  # fmt: skip
        seq.select("stage:s2")
        seq.buttons["up"].click()  # Purchase before Awareness
        seq.set_skipped("stage:s3", True)
        seq.select("overview")
        seq.add_slide("Break: back at 14:30", "Coffee in the hall")
        seq.select("pain_points")
        seq.buttons["vote_pain"].click()
        assert not seq.buttons["vote_pain"].isEnabled()  # one voting step on them
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupDialog, "exec", edit)
    assert choose_what_to_present(window)
    journey = document.journey
    kinds = [(s.kind, s.title) for s in build_steps(journey)]
    assert kinds == [
        (StepKind.OVERVIEW, "Renew a phone contract"),
        (StepKind.SLIDE, "Break: back at 14:30"),
        (StepKind.STAGE, "Purchase"),
        (StepKind.STAGE, "Awareness"),
        (StepKind.PAIN_POINTS, "Pain points"),
        (StepKind.VOTE, "Vote: which pain points matter most?"),
        (StepKind.OPPORTUNITIES, "Opportunities"),
    ]
    assert document.undo_stack.count() == 1
    document.save()
    reopened = load_journey(document.path)
    assert [s.key for s in build_steps(reopened)] == [s.key for s in build_steps(journey)]
    dialog = SetupDialog(journey, window)  # the dialog shows the saved lineup, skips too
    assert dialog.choice() == journey.info.presentation
    assert dialog.sequence.items()[4].key == "stage:s3" and dialog.sequence.items()[4].skip

    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    console = session.console
    assert console.next_title.text() == "Next: Break: back at 14:30"
    keys(session.audience, K.Key_Right)
    assert session.audience.view.stack.currentWidget() is session.audience.view.text
    assert console.next_title.text() == "Next: Purchase"
    keys(session.audience, K.Key_Escape)

    from mapper.edits.votes import set_votes

    set_votes(journey, "p1", "2026-11-20", 14).apply()  # a past workshop's votes
    data, pages = render_slides(journey)  # the slides export follows the sequence
    assert pages == len(build_steps(journey))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert "Break: back at 14:30" in texts[1] and "Coffee in the hall" in texts[1]
    assert "Vote: which pain points matter most?" in texts[5]
    assert "the workshop on 20 November 2026 · 14 votes so far" in texts[5]  # its tallies
    set_votes(journey, "p1", "2026-11-20", 0).apply()
    document.undo_stack.undo()
    assert journey.info.presentation.sequence == ()
    assert [s.kind for s in build_steps(journey)][1] is StepKind.STAGE


def test_an_untouched_sequence_is_not_saved(window):
    dialog = SetupDialog(window.document.journey, window)
    dialog.agenda.setChecked(True)  # the agenda step joins the lineup in its usual place
    assert dialog.sequence.items()[1].key == "agenda"
    assert dialog.choice().sequence == ()
    dialog.sequence.select("agenda")
    dialog.sequence.buttons["down"].click()
    assert [i.key for i in dialog.choice().sequence][:3] == ["overview", "stage:s1", "agenda"]


def test_resume_follows_the_edited_sequence(window, monkeypatch):
    """Stopped on an added slide, F5 resumes on that slide, wherever the sequence put it;
    after the slide is moved the resumed show still finds it."""
    from dataclasses import replace

    from mapper.model import SequenceItem
    from mapper.present import resume, start_presentation

    journey = window.document.journey
    slide = SequenceItem("slide:q", title="What surprised you?")
    order = (SequenceItem("overview"), SequenceItem("stage:s1"), slide)
    journey.update_info(presentation=replace(journey.info.presentation, sequence=order))
    session = start_presentation(window)
    keys(session.audience, K.Key_Right, K.Key_Right)
    assert session.controller.step.title == "What surprised you?"
    keys(session.audience, K.Key_Escape)
    moved = (SequenceItem("overview"), slide, SequenceItem("stage:s1"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=moved))
    monkeypatch.setattr(resume, "ask_resume", lambda w, s: True)
    resumed = start_presentation(window)
    assert resumed.controller.step.kind is StepKind.SLIDE
    assert resumed.controller.navigator.index == 1
    keys(resumed.audience, K.Key_Escape)


def test_every_step_skipped_is_refused_and_a_file_saying_so_still_presents(window):
    from dataclasses import replace

    from mapper.model import SequenceItem

    journey = window.document.journey
    dialog = SetupDialog(journey, window)
    for item in dialog.sequence.items():
        dialog.sequence.set_skipped(item.key, True)
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == "Keep at least one step"
    dialog.sequence.set_skipped("stage:s2", False)
    assert dialog.ok_button.isEnabled()
    skipped = tuple(SequenceItem(s.key, skip=True) for s in build_steps(journey))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=skipped))
    assert [s.kind for s in build_steps(journey)] == [StepKind.OVERVIEW]  # never no step


def test_a_voting_step_that_cannot_be_added_says_why(manager, qtbot):
    from mapper.document import Document
    from mapper.templates import find_template

    blank = manager.show(Document(find_template("blank").load()))
    qtbot.waitExposed(blank)
    dialog = SetupDialog(blank.document.journey, blank)
    seq = dialog.sequence
    pain, ideas = seq.buttons["vote_pain"], seq.buttons["vote_opp"]
    assert not pain.isEnabled() and not ideas.isEnabled()  # nothing on the map to vote on
    assert pain.toolTip().startswith("No pain points to vote on")
    assert ideas.toolTip().startswith("No opportunities to vote on")
    dialog.reject()


def test_a_voting_step_already_in_the_sequence_says_so(window):
    dialog = SetupDialog(window.document.journey, window)
    seq = dialog.sequence
    assert seq.buttons["vote_pain"].isEnabled() and seq.buttons["vote_pain"].toolTip() == ""
    seq.select("pain_points")
    seq.buttons["vote_pain"].click()
    assert not seq.buttons["vote_pain"].isEnabled()
    assert seq.buttons["vote_pain"].toolTip() == "Already in the sequence"
    dialog.reject()
