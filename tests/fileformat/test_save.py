"""Saving is atomic and keeps permissions; the JSON Schema file is in sync."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factories import sample_map
from mapper.fileformat import dumps_journey, load_journey, save_journey
from mapper.fileformat.jsonschema import schema_text
from mapper.resources import resources_dir


def test_failure_mid_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "map.journey"
    journey = sample_map()
    save_journey(journey, path)
    original = path.read_bytes()
    journey.update_info(title="Changed")

    real_fsync = os.fsync

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_journey(journey, path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.journey"]  # no temp file left


def test_failure_during_replace_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    original = path.read_bytes()

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    journey = sample_map()
    journey.update_info(title="Changed")
    with pytest.raises(PermissionError):
        save_journey(journey, path)
    assert path.read_bytes() == original
    assert len(list(tmp_path.iterdir())) == 1


def test_permissions_are_kept(tmp_path):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    os.chmod(path, 0o640)
    save_journey(sample_map(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_journey(path).info.title == "Renew a phone contract"


def test_saved_text_matches_dumps(tmp_path):
    path = tmp_path / "map.journey"
    journey = sample_map()
    save_journey(journey, path)
    assert path.read_text("utf-8") == dumps_journey(journey)


def test_json_schema_file_is_in_sync():
    committed = (resources_dir() / "journey.schema.json").read_text("utf-8")
    assert committed == schema_text(), "run: mapper schema > resources/journey.schema.json"


def test_every_template_and_example_is_valid():
    root = Path(__file__).parents[2]
    files = [*root.glob("resources/templates/*.journey"), *root.glob("examples/*.journey")]
    assert len(files) >= 2
    for path in files:
        journey = load_journey(path)
        assert journey.stages, path
        assert path.read_text("utf-8") == dumps_journey(journey), f"{path} is not canonical"


def test_a_map_that_would_not_open_again_is_not_written(tmp_path):
    from dataclasses import replace

    from mapper.fileformat.io import UnsafeToWrite
    from mapper.model import Card, Flow

    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    before = path.read_bytes()
    snapshot = sample_map().snapshot()
    for broken in (
        replace(snapshot, cards=(*snapshot.cards, Card("ghost", "nowhere", "l-tp", "Lost"))),
        replace(snapshot, flows=(*snapshot.flows, Flow("fz", "t1", "t1"))),
        replace(snapshot, info=replace(snapshot.info, title="bad \ud800 text")),
    ):
        with pytest.raises(UnsafeToWrite):
            save_journey(broken, path)
    assert path.read_bytes() == before
