"""File format versions: every old format keeps loading, newer ones are refused clearly,
and the schema never changes without a version bump."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from factories import sample_map
from mapper.cli.main import main
from mapper.fileformat import SCHEMA_VERSION, JourneyFileError, dumps_journey, load_journey
from mapper.fileformat.jsonschema import schema_text
from mapper.fileformat.migrations import UPGRADES
from mapper.model import Entity, SequenceItem
from mapper.model.palette import PERSONA_PALETTE, next_persona_color

VERSIONS = Path(__file__).parent / "versions"


def test_every_format_version_has_a_fixture_and_an_upgrade_step():
    for version in range(1, SCHEMA_VERSION + 1):
        assert (VERSIONS / f"format-{version}.journey").is_file(), f"add a format-{version} fixture"
    for version in range(1, SCHEMA_VERSION):
        assert version in UPGRADES, f"add an upgrade step from format {version}"


def test_the_schema_has_not_changed_without_a_version_bump():
    snapshot = VERSIONS / f"format-{SCHEMA_VERSION}.schema.json"
    assert snapshot.read_text("utf-8") == schema_text(), (
        "the file schema changed: raise SCHEMA_VERSION, add an upgrade step, a fixture "
        "format-N.journey and format-N.schema.json (see docs/file-format.md)"
    )


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_every_old_format_keeps_loading_the_same_map(version):
    journey = load_journey(VERSIONS / f"format-{version}.journey")
    expected = sample_map()
    if version >= 2:
        from mapper.model import Metrics

        expected.update(Entity.STAGE, "s1", metrics=Metrics(nps=12.5, lifetime_value=480.0))
    if version >= 3:
        expected.update(Entity.PERSONA, "omar", hidden=True)
        expected.update(Entity.STAGE, "s1", prompt="What made you hesitate?")
        shown = expected.info.presentation
        expected.update_info(
            presentation=replace(
                shown, timeboxes={"s1": 10, "s2": 15}, agenda=True, interleave=True,
                top_pain_points=12,
            )
        )  # fmt: skip
        expected.update(Entity.CARD, "a1", sensitive=True)
    if version >= 4:
        expected.update(Entity.CARD, "p1", votes={"2026-12-06": 12})
        expected.update(Entity.CARD, "o1", votes={"2026-11-20": 3, "2026-12-06": 5})
        sequence = (
            SequenceItem("overview"),
            SequenceItem("slide:welcome", title="Welcome", text="Coffee first"),
            SequenceItem("stage:s2"),
            SequenceItem("stage:s1"),
            SequenceItem("agenda", skip=True),
            SequenceItem("vote:pain_points"),
        )
        expected.update_info(presentation=replace(expected.info.presentation, sequence=sequence))
    assert dumps_journey(journey) == dumps_journey(expected)


def test_a_format_1_file_written_with_lifetime_value_still_opens(tmp_path):
    data = json.loads((VERSIONS / "format-2.journey").read_text("utf-8"))
    data["schema_version"] = 1
    path = tmp_path / "clv-v1.journey"
    path.write_text(json.dumps(data), "utf-8")
    assert load_journey(path).stages.get("s1").metrics.lifetime_value == 480.0


def test_a_file_from_a_newer_mapper_says_so_even_with_unknown_fields(tmp_path):
    data = json.loads(dumps_journey(sample_map()))
    data["schema_version"] = SCHEMA_VERSION + 1
    data["stages"][0]["mood_board"] = "a field this Mapper does not know"
    path = tmp_path / "newer.journey"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(JourneyFileError) as caught:
        load_journey(path)
    lines = caught.value.lines()
    assert lines == [
        f"{path}: schema_version: this map was made by a newer Mapper (format "
        f"{SCHEMA_VERSION + 1}); this one reads up to format {SCHEMA_VERSION}. "
        "Update Mapper to open it"
    ]


def test_upgrade_rewrites_in_place_and_keeps_the_original(tmp_path, capsys):
    path = tmp_path / "old.journey"
    original = (VERSIONS / "format-1.journey").read_bytes()
    path.write_bytes(original)
    assert main(["upgrade", str(path)]) == 0
    out = capsys.readouterr().out
    backup = tmp_path / "old.format1.journey"
    assert out == f"{path}: upgraded from format 1 to {SCHEMA_VERSION}; the original is {backup}\n"
    assert backup.read_bytes() == original
    assert json.loads(path.read_text("utf-8"))["schema_version"] == SCHEMA_VERSION
    assert dumps_journey(load_journey(path)) == dumps_journey(sample_map())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.format1.journey", "old.journey"]

    # a second run has nothing to do and leaves the file alone
    before = path.stat().st_mtime_ns
    assert main(["upgrade", str(path)]) == 0
    assert "already in the current format" in capsys.readouterr().out
    assert path.stat().st_mtime_ns == before


def test_upgrade_never_overwrites_an_earlier_backup(tmp_path, capsys):
    path = tmp_path / "old.journey"
    path.write_bytes((VERSIONS / "format-1.journey").read_bytes())
    (tmp_path / "old.format1.journey").write_text("someone's own file", "utf-8")
    assert main(["upgrade", str(path)]) == 0
    assert (tmp_path / "old.format1.journey").read_text("utf-8") == "someone's own file"
    assert (tmp_path / "old.format1-2.journey").read_bytes() == (
        VERSIONS / "format-1.journey"
    ).read_bytes()


def test_upgrade_to_another_file(tmp_path, capsys):
    source = VERSIONS / "format-1.journey"
    before = source.read_bytes()
    out = tmp_path / "new.journey"
    assert main(["upgrade", str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out} (format {SCHEMA_VERSION}, from format 1)\n"
    assert source.read_bytes() == before
    assert json.loads(out.read_text("utf-8"))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("spelling", ["old.journey", "./old.journey", "link.journey"])
def test_upgrade_to_the_file_itself_keeps_the_original_as_in_place(
    tmp_path, monkeypatch, capsys, spelling
):
    """``-o`` naming the source (however spelled) replaced it with no copy of the original
    left anywhere: now it is the in-place upgrade, the original kept beside it."""
    monkeypatch.chdir(tmp_path)
    original = (VERSIONS / "format-1.journey").read_bytes()
    Path("old.journey").write_bytes(original)
    Path("link.journey").symlink_to("old.journey")
    assert main(["upgrade", "old.journey", "-o", spelling]) == 0
    assert "the original is old.format1.journey" in capsys.readouterr().out
    assert Path("old.format1.journey").read_bytes() == original
    assert json.loads(Path("old.journey").read_text("utf-8"))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("argv", "suffix"),
    [
        (["new"], ".journey"),
        (["upgrade", str(VERSIONS / "format-1.journey"), "-o"], ".journey"),
        (["export", str(VERSIONS / "format-1.journey"), "-o"], ".pdf"),
    ],
)
def test_every_command_says_why_it_cannot_write_the_same_way(tmp_path, capsys, argv, suffix):
    """new, upgrade -o and export -o said it three ways ('is a folder', 'Is a directory',
    'No such file or directory')."""
    folder = tmp_path / f"taken{suffix}"
    folder.mkdir()
    nowhere = tmp_path / "missing" / f"m{suffix}"
    for out, why in [
        (nowhere, f"the folder {nowhere.parent} does not exist"),
        (folder, "it is a folder"),
    ]:
        assert main([*argv, str(out)]) == 1
        assert capsys.readouterr().err == f"mapper: {out}: cannot write: {why}\n"


def test_upgrade_refuses_bad_files_and_bad_usage(tmp_path, capsys):
    broken = tmp_path / "broken.journey"
    broken.write_text('{"format": "mapper-journey", "schema_version": 1, "stages": 3}', "utf-8")
    assert main(["upgrade", str(broken)]) == 1
    assert f"{broken}: stages:" in capsys.readouterr().err
    assert broken.read_text("utf-8").endswith('"stages": 3}')
    assert not (tmp_path / "broken.format1.journey").exists()
    assert main(["upgrade", str(VERSIONS / "format-1.journey"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["upgrade"]) == 2
    assert main(["upgrade", str(tmp_path / "missing.journey")]) == 1


def test_upgrade_leaves_a_read_only_file_alone_even_for_root(tmp_path, capsys):
    path = tmp_path / "locked.journey"
    original = (VERSIONS / "format-1.journey").read_bytes()
    path.write_bytes(original)
    path.chmod(0o444)
    assert main(["upgrade", str(path)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.journey"]  # no backup either


def test_personas_without_a_colour_take_distinct_palette_colours_by_their_order(tmp_path):
    data = json.loads((VERSIONS / "format-2.journey").read_text("utf-8"))
    for persona in data["personas"]:
        del persona["color"]  # format 2 left the shared default out
    path = tmp_path / "no-colours.journey"
    path.write_text(json.dumps(data), "utf-8")
    journey = load_journey(path)
    assert [p.color for p in journey.personas] == list(PERSONA_PALETTE[:2])
    saved = json.loads(dumps_journey(journey))
    assert [p["color"] for p in saved["personas"]] == list(PERSONA_PALETTE[:2])


def test_a_new_persona_takes_the_first_palette_colour_no_one_has():
    assert next_persona_color([]) == PERSONA_PALETTE[0]
    assert (
        next_persona_color([PERSONA_PALETTE[0].upper(), PERSONA_PALETTE[2]]) == PERSONA_PALETTE[1]
    )
    assert next_persona_color(PERSONA_PALETTE + PERSONA_PALETTE[1:]) == PERSONA_PALETTE[0]
