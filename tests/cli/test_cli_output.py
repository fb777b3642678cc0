"""What the command line prints cannot drive the terminal: a map's text and file names
with control characters, bidi overrides or line breaks are shown as escapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factories import sample_map
from hostile import EVIL, assert_terminal_safe, hostile_map
from mapper import templates
from mapper.cli import summary
from mapper.cli.main import main
from mapper.cli.output import json_text, visible
from mapper.fileformat import save_journey

EVIL_SHOWN = r"\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x85\x00\r\n\x0b<b>&amp;</b> مرحبا 🚀"


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "hostile.journey"
    save_journey(hostile_map(), path)
    return path


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, accents é and emoji 🚀", "plain text, accents é and emoji 🚀"),
        ("\x1b]0;title\x07", r"\x1b]0;title\x07"),  # OSC: retitles the terminal
        ("\x1b[2J", r"\x1b[2J"),  # clears the screen
        ("a\nb\rc\td", r"a\nb\rc\td"),  # no forged lines
        ("\x00\x7f", r"\x00\x7f"),
        ("\x85\x9b", r"\x85\x9b"),  # C1: NEL, and CSI on 8-bit terminals
        ("abc\u202edef", r"abc\u202edef"),  # right-to-left override
        ("\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d", r"\u2066\u2067\u2068\u2069"
         r"\u202a\u202b\u202c\u202d"),  # isolates and embeddings
        ("\u200e\u200f\u061c", r"\u200e\u200f\u061c"),  # invisible direction marks
        ("\u2028\u2029", r"\u2028\u2029"),  # line and paragraph separators
        ("\ud800", r"\ud800"),  # a lone surrogate cannot even be encoded
        (b"\xff.journey".decode("utf-8", "surrogateescape"), r"\xff.journey"),  # a raw byte
        ("مرحبا עולם", "مرحبا עולם"),  # right-to-left letters are text, not controls
        ("👩\u200d💻 a\u200cb", "👩\u200d💻 a\u200cb"),  # joiners shape emoji and scripts
    ],
)  # fmt: skip
def test_visible_escapes_every_character_that_drives_a_terminal(text, shown):
    assert visible(text) == shown
    assert_terminal_safe(visible(text))


def test_info_shows_the_map_text_escaped(hostile_file, capsys):
    assert main(["info", str(hostile_file)]) == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    assert out.splitlines()[0] == f"Renew a phone contract {EVIL_SHOWN}"
    assert f"  personas:      Maya {EVIL_SHOWN}, Omar {EVIL_SHOWN}" in out.splitlines()
    # 13 lines of facts and averages, a heading and two pain points (titles with the text)
    assert len(out.splitlines()) == 16  # no line forged by a line break in the text


def test_info_json_escapes_c1_and_bidi_and_reads_back_exactly(hostile_file, capsys):
    assert main(["info", "--json", str(hostile_file)]) == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    assert r"\u202eevil\u0085" in out and "مرحبا 🚀" in out  # letters stay readable
    data = json.loads(out)
    assert data["title"] == f"Renew a phone contract {EVIL}"
    assert data["emotion_by_stage"][0]["stage"] == f"Awareness {EVIL}"
    assert json.loads(json_text(["\ud800", "\u2028"])) == ["\ud800", "\u2028"]


def test_validate_escapes_file_names_and_problems(tmp_path, capsys):
    good = tmp_path / "good\x1b[2J\nforged: ok.journey"
    save_journey(sample_map(), good)
    bad = tmp_path / "bad\x1b]0;x\x07.journey"
    bad.write_text('{"format": "mapper-journey", "schema_version": 1, "title": 5}')
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert_terminal_safe(out + err)
    assert out == f"{tmp_path}/good\\x1b[2J\\nforged: ok.journey: ok (8 cards, 4 flows)\n"
    assert err.startswith(f"{tmp_path}/bad\\x1b]0;x\\x07.journey: ")


def test_errors_about_file_names_are_escaped(tmp_path, capsys):
    missing = tmp_path / "no\x1b[31mfile\n.journey"
    assert main(["info", str(missing)]) == 1
    assert main(["new", str(tmp_path / "x\x1b[2J.txt")]) == 2
    err = capsys.readouterr().err
    assert_terminal_safe(err)
    assert "no\\x1b[31mfile\\n.journey" in err and "x\\x1b[2J.txt" in err
    assert len(err.splitlines()) == 2


def test_upgrade_escapes_file_names(tmp_path, capsys):
    path = tmp_path / "old\x1b[2J.journey"
    path.write_bytes(
        (Path(__file__).parents[1] / "fileformat/versions/format-1.journey").read_bytes()
    )
    assert main(["upgrade", str(path)]) == 0
    assert main(["upgrade", str(path), "-o", str(tmp_path / "x\x1b]0;t\x07.txt")]) == 2
    out, err = capsys.readouterr()
    assert_terminal_safe(out + err)
    assert "old\\x1b[2J.journey: upgraded from format 1" in out
    assert "x\\x1b]0;t\\x07.txt" in err


def test_templates_list_and_new_escape_the_template_text(tmp_path, monkeypatch, capsys):
    journey = sample_map()
    journey.update_info(description=f"Shown in the list {EVIL}")
    folder = tmp_path / "templates"
    folder.mkdir()
    save_journey(journey, folder / "evil\x1b[2J.journey")
    monkeypatch.setattr(templates, "templates_dir", lambda: folder)
    assert main(["templates"]) == 0
    assert main(["new", "--template", "evil\x1b[2J", str(tmp_path / "out.journey")]) == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    lines = out.splitlines()
    # the list shows the description's first line (NEL, U+0085, ends a line in Python)
    assert (
        lines[0]
        == r"evil\x1b[2J          Shown in the list \x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil"
    )
    assert lines[1] == f"created {tmp_path}/out.journey from the 'evil\\x1b[2J' template"


def test_usage_errors_escape_the_arguments_they_quote(capsys):
    assert main(["info", "x.journey", "--bo\x1b[2Jgus\nforged"]) == 2
    err = capsys.readouterr().err
    assert_terminal_safe(err)
    assert "unrecognized arguments: --bo\\x1b[2Jgus\\nforged" in err
    assert main(["export", "x.journey", "-o", "m.pdf", "--page", "\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert_terminal_safe(err)
    assert "unknown page size '\\x1b[2J'" in err


def test_unexpected_errors_are_escaped(monkeypatch, hostile_file, capsys):
    def explode(journey):
        raise RuntimeError(f"boom {journey.info.title}")

    monkeypatch.setattr(summary, "summarise", explode)
    assert main(["info", str(hostile_file)]) == 1
    err = capsys.readouterr().err
    assert_terminal_safe(err)
    assert err.startswith(r"mapper: unexpected error (RuntimeError: boom Renew a phone contract")
    assert err.count("\n") == 1


def _mapper(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "mapper", *args],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_a_real_terminal_gets_no_escape_bytes(hostile_file, tmp_path):
    """The bytes a terminal would receive, from a real process."""
    for args in (
        ["info", str(hostile_file)],
        ["info", "--json", str(hostile_file)],
        ["validate", str(hostile_file), str(tmp_path / "gone\x1b[2J.journey")],
    ):
        done = _mapper(*args)
        for stream in (done.stdout, done.stderr):
            assert b"\x1b" not in stream and b"\r" not in stream
            assert_terminal_safe(stream.decode("utf-8"))
        assert done.stdout


def test_a_terminal_that_cannot_show_unicode_gets_escapes_not_an_error(hostile_file):
    done = _mapper("info", str(hostile_file), encoding="ascii")
    assert done.returncode == 0, done.stderr
    first = done.stdout.decode("ascii").splitlines()[0]
    assert first.endswith(r"<b>&amp;</b> \u0645\u0631\u062d\u0628\u0627 \U0001f680")
    assert b"unexpected error" not in done.stderr


def test_a_file_name_that_is_not_utf8_is_shown_byte_by_byte(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9\x1b[2J.journey")  # Latin-1, from an old archive
    save_journey(sample_map(), path)
    done = _mapper("validate", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{tmp_path}/caf\\xe9\\x1b[2J.journey: ok (8 cards, 4 flows)\n".encode()
