"""The `mapper` command line: every subcommand, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factories import sample_map
from mapper import __version__
from mapper.cli import summary
from mapper.cli.main import main
from mapper.fileformat import load_journey, save_journey
from mapper.model import Entity, JourneyMap


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "renewal.journey"
    save_journey(sample_map(), path)
    return path


def test_templates_lists_names_with_descriptions(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[0] for line in lines]
    assert names[:2] == ["blank", "customer-journey"]
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_new_from_default_and_named_template(tmp_path, capsys):
    out = tmp_path / "a.journey"
    assert main(["new", str(out)]) == 0
    assert [s.name for s in load_journey(out).stages] == [
        "Awareness", "Consideration", "Decision", "Purchase", "Retention", "Advocacy",
    ]  # fmt: skip
    assert main(["new", "--template", "blank", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "--template", "blank", "--force", str(out)]) == 0
    assert main(["new", "--template", "nope", str(tmp_path / "b.journey")]) == 2
    assert "no template named 'nope'" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "missing" / "c.journey")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_validate_reports_problems_and_exit_codes(map_file, tmp_path, capsys):
    assert main(["validate", str(map_file)]) == 0
    assert "ok (8 cards, 4 flows)" in capsys.readouterr().out
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "mapper-journey", "schema_version": 1, "stages": [{"id": 1}]}')
    assert main(["validate", str(map_file), str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: stages[0].id: Input should be a valid string" in err
    assert f"{bad}: stages[0].name: this field is required" in err


def test_info_text_and_json(map_file, capsys):
    assert main(["info", str(map_file)]) == 0
    out = capsys.readouterr().out
    assert "Renew a phone contract" in out
    assert "Purchase" in out and "-0.50" in out
    assert main(["info", "--json", str(map_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cards"] == 8 and data["flows"] == 4 and data["touchpoints"] == 4
    assert data["personas"] == ["Maya", "Omar"]
    assert data["pain_points"] == 2
    assert data["emotion_by_stage"][1] == {"stage": "Purchase", "average": -0.5, "scored": 2}


def test_info_says_whose_score_makes_each_pain_point(tmp_path, capsys):
    journey = sample_map()
    journey.update(Entity.CARD, "t2", emotions={"maya": -2, "omar": -3})
    path = tmp_path / "pains.journey"
    save_journey(journey, path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    start = out.index("  worst pain points (for Maya, Omar):")
    assert out[start + 1 : start + 3] == [
        "    Online checkout \u2605 \u00b7 Purchase \u2014 Omar \u22123, Maya \u22122",
        "    Hidden fees \u00b7 Purchase \u2014 marked as a pain point",
    ]
    assert main(["info", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pain_points"] == 2  # the existing key keeps its meaning: how many
    first = data["pain_point_details"][0]
    assert first["card_id"] == "t2" and first["whose"] == "Omar \u22123, Maya \u22122"
    assert first["scores"] == [
        {"persona": "Omar", "persona_id": "omar", "score": -3},
        {"persona": "Maya", "persona_id": "maya", "score": -2},
    ]
    journey.update(Entity.PERSONA, "omar", hidden=True)  # hidden: his pain is not listed
    save_journey(journey, path)
    assert main(["info", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["shown_personas"] == ["Maya"]
    assert data["pain_point_details"][0]["whose"] == "Maya \u22122"


def test_info_on_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "x.journey"
    bad.write_text("{")
    assert main(["info", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}: 1:2: the file ends too early")


def test_schema_and_version(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Mapper journey map"
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"mapper {__version__}"


@pytest.mark.parametrize("argv", [["validate"], ["info"], ["new"], ["info", "--bogus", "x"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["validate", "--help"]])
def test_help_everywhere(argv, capsys):
    assert main(argv) == 0
    assert "usage: mapper" in capsys.readouterr().out


def test_help_names_arguments_alike_and_states_the_exit_codes(capsys):
    """Every command's usage names files in capitals, as the README and the other
    commands do ('mapper info file' and 'mapper new output' did not), each argument says
    what it is, and the exit codes scripts rely on are in the main help."""
    import argparse

    from mapper.cli.main import build_parser

    parser = build_parser()
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 0 when it worked, 1 when it failed" in text and "2 for a usage" in text
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in commands.choices.items():
        for action in command._actions:
            if action.option_strings:
                assert action.metavar is None or action.metavar.isupper(), (name, action.dest)
            else:
                assert action.metavar and action.metavar.isupper(), (name, action.dest)
                assert action.help, (name, action.dest)


def test_unexpected_errors_are_logged_not_shown(monkeypatch, map_file, capsys, tmp_path):
    def explode(journey):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(summary, "summarise", explode)
    assert main(["info", str(map_file)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected error (RuntimeError: boom); details in" in err
    assert "Traceback" not in err
    log = err.rsplit("details in ", 1)[1].strip()
    assert "Traceback" in Path(log).read_text(encoding="utf-8")


def test_installed_entry_point_runs(map_file):
    result = subprocess.run(
        [sys.executable, "-m", "mapper", "validate", str(map_file)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_the_editor_without_a_screen_says_so(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["examples/coffee-chain.journey"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mapper: no screen to show the editor on") and err.count("\n") == 1


def test_info_on_a_map_without_stages_says_so(tmp_path, capsys):
    path = tmp_path / "empty.journey"
    save_journey(JourneyMap(), path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("average emotion by stage: (no stages)")


def test_info_lists_the_latest_workshops_top_voted(tmp_path, capsys):
    from mapper.edits.votes import set_votes

    journey = sample_map()
    set_votes(journey, "p1", "2026-12-06", 12).apply()
    set_votes(journey, "o1", "2026-12-06", 5).apply()
    set_votes(journey, "t2", "2026-11-20", 30).apply()
    path = tmp_path / "voted.journey"
    save_journey(journey, path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  top voted (the workshop on 6 December 2026):" in out
    assert "    Hidden fees \u00b7 Purchase \u2014 12 votes" in out and "30 votes" not in out
    assert main(["info", "--json", str(path)]) == 0
    voted = json.loads(capsys.readouterr().out)["top_voted"]
    assert voted["workshop"] == "2026-12-06"
    assert [(c["card_id"], c["votes"]) for c in voted["cards"]] == [("p1", 12), ("o1", 5)]


@pytest.mark.parametrize(("typed", "meant"), [("exprot", "export"), ("valdiate", "validate")])
def test_a_misspelt_command_is_named_not_opened_as_a_file(typed, meant, map_file, capsys):
    assert main([typed, str(map_file), "-o", "x.pdf"]) == 2
    err = capsys.readouterr().err
    assert f"no command or file '{typed}' (did you mean '{meant}'?)" in err


def test_a_file_named_like_a_command_still_opens(tmp_path, monkeypatch):
    from mapper.cli import commands

    opened = []
    monkeypatch.setattr(commands, "run_gui", lambda args: opened.append(args.file) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_text("{}")
    assert main(["exprot"]) == 0
    assert main(["my-map.journey"]) == 0  # not there yet: the editor says so, not a typo
    assert opened == ["exprot", "my-map.journey"]


def test_an_empty_template_name_is_refused_not_taken_for_the_default(tmp_path, capsys):
    """A script's unset variable (--template "$KIND") made the default map in silence."""
    out = tmp_path / "a.journey"
    assert main(["new", "--template", "", str(out)]) == 2
    assert "no template named ''" in capsys.readouterr().err
    assert not out.exists()
