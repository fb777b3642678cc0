"""Qt's own command-line options reach the editor's window (``mapper -style Fusion FILE``,
``mapper -reverse``), as in every Qt application; Mapper's own command line is unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from mapper.cli import commands
from mapper.cli.main import main
from mapper.cli.qt_options import QtOptionError, names_a_platform, split_qt_options


@pytest.mark.parametrize(
    ("argv", "qt", "rest"),
    [
        (["-style", "Fusion", "a.journey"], ["-style", "Fusion"], ["a.journey"]),
        (["a.journey", "--style=Windows"], ["--style=Windows"], ["a.journey"]),
        (["-reverse", "open", "a.journey"], ["-reverse"], ["open", "a.journey"]),
        (
            ["-platform", "offscreen", "-widgetcount"],
            ["-platform", "offscreen", "-widgetcount"],
            [],
        ),
        (["--", "-reverse"], [], ["--", "-reverse"]),  # a file named -reverse
        (["--help"], [], ["--help"]),
        (["--version"], [], ["--version"]),
        (["-reverse=1"], [], ["-reverse=1"]),  # not Qt's: argparse refuses it
        (["---style", "x"], [], ["---style", "x"]),
    ],
)
def test_qt_options_are_set_aside_with_their_values(argv, qt, rest):
    assert split_qt_options(argv) == (qt, rest)


def test_a_qt_option_without_its_value_is_refused():
    with pytest.raises(QtOptionError, match=r"-style needs a value \(e.g. -style Fusion\)"):
        split_qt_options(["a.journey", "-style"])


def test_the_platform_option_is_recognised():
    assert names_a_platform(["-platform", "offscreen"])
    assert names_a_platform(["--platform=xcb"])
    assert not names_a_platform(["-style", "platform"])


def test_the_editor_gets_the_qt_options(monkeypatch):
    seen = {}

    def fake_run_app(path, qt_options=None):
        seen.update(path=path, qt=qt_options)
        return 0

    import mapper.ui.app

    monkeypatch.setattr(mapper.ui.app, "run_app", fake_run_app)
    monkeypatch.setattr(commands, "has_screen", lambda: True)
    assert main(["-style", "Fusion", "map.journey", "-reverse"]) == 0
    assert seen == {"path": "map.journey", "qt": ["-style", "Fusion", "-reverse"]}


def test_a_platform_option_stands_in_for_a_screen(monkeypatch):
    seen = {}
    import mapper.ui.app

    monkeypatch.setattr(mapper.ui.app, "run_app", lambda p, q=None: seen.setdefault("qt", q) and 0)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["-platform", "offscreen", "map.journey"]) == 0
    assert seen["qt"] == ["-platform", "offscreen"]


def test_other_commands_keep_their_command_lines(capsys):
    """The commands show no window: a Qt option there is an unknown option, as before."""
    assert main(["validate", "-reverse", "x.journey"]) == 2
    assert "unrecognized arguments: -reverse" in capsys.readouterr().err


def test_a_missing_value_is_a_usage_error(capsys):
    assert main(["-style"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: mapper")
    assert err.rstrip().endswith("mapper: error: -style needs a value (e.g. -style Fusion)")


def test_qt_applies_them_to_the_application(tmp_path):
    """As ``mapper -style Fusion -reverse`` starts: Qt takes the style and the direction."""
    script = textwrap.dedent(
        """
        from mapper.ui import app

        def stop(path, qt_options):
            application = app.create_application(["mapper", *qt_options])
            print(application.style().name(), application.layoutDirection().name)
            return 0

        app.run_app = stop
        from mapper.cli.main import main
        raise SystemExit(main(["-style", "Windows", "-reverse", "x.journey"]))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MAPPER_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["windows", "RightToLeft"]
