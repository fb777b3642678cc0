"""An open map's objects are kept out of the garbage collector's walks while its window
is open, and given back when it closes."""

from __future__ import annotations

import gc

from factories import sample_map
from mapper.document import Document


def test_an_open_map_is_kept_out_of_collections_until_its_window_closes(manager, qtbot):
    gc.unfreeze()
    first = manager.show(Document(sample_map()))
    assert gc.get_freeze_count() > 0
    second = manager.show(Document(sample_map()))
    first.document.undo_stack.setClean()
    first.close()
    assert gc.get_freeze_count() == 0  # the closed map's cycles can be collected
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)  # the other map is kept again
    second.close()
    qtbot.wait(10)
    assert gc.get_freeze_count() == 0


def test_the_first_window_ends_the_start_up_pause_of_the_collector(manager, qtbot):
    from mapper.gcpause import pause_for_start_up

    gc.enable()
    pause_for_start_up()  # as 'mapper FILE' does before it loads the editor
    assert not gc.isenabled()
    window = manager.show(Document(sample_map()))
    assert gc.isenabled()
    window.close()


def test_starting_the_editor_holds_the_collector_off_until_a_window_shows(monkeypatch):
    import argparse

    import mapper.ui.app
    from mapper.cli import commands

    seen = []
    monkeypatch.setattr(mapper.ui.app, "run_app", lambda path: seen.append(gc.isenabled()) or 0)
    gc.enable()
    try:
        assert commands.run_gui(argparse.Namespace(file=None)) == 0
        assert seen == [False]
    finally:
        from mapper.gcpause import end_start_up_pause

        end_start_up_pause()
    assert gc.isenabled()


def test_other_commands_run_with_the_collector_on_after_their_parser_loads(monkeypatch):
    from mapper.cli import commands
    from mapper.cli.main import main

    seen = []
    monkeypatch.setattr(commands, "run_templates", lambda args: seen.append(gc.isenabled()) or 0)
    gc.enable()
    assert main(["templates"]) == 0
    assert seen == [True]
    assert main(["--version"]) == 0 and gc.isenabled()  # and after a parser's own exit
