"""Saving is atomic and keeps permissions; the JSON Schema file is in sync."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
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


def test_a_long_list_is_checked_in_chunks_and_problems_keep_their_place(tmp_path):
    """The check before writing validates cards a chunk at a time (so a background save
    never holds the interpreter for long); a bad card far down is still found, by index."""
    from dataclasses import replace

    from mapper.fileformat import save
    from mapper.fileformat.io import UnsafeToWrite
    from mapper.model import Card

    snapshot = sample_map().snapshot()
    extra = tuple(Card(f"x{i}", "s1", "l-tp", f"Card {i}") for i in range(save.CHUNK * 2))
    cards = (*snapshot.cards, *extra)
    bad = len(cards) - 3
    object.__setattr__(cards[bad], "title", "T" * 2001)  # past the model's own guard
    with pytest.raises(UnsafeToWrite, match=rf"cards\[{bad}\]\.title"):
        save_journey(replace(snapshot, cards=cards), tmp_path / "map.journey")
    assert not (tmp_path / "map.journey").exists()


# ------------------------------------------------------- temporaries left by a killed save
def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_our_stale_temporaries_are_removed_on_the_next_save_and_nothing_else(tmp_path):
    from mapper.fileformat import atomic

    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    host, me, gone = atomic._host_tag(), os.getpid(), dead_pid()
    names = {
        "dead writer": f".map.journey.{gone}@{host}.k3j9s0.mapper-tmp",
        "old": f".map.journey.{me}@{host}.a8d7f1.mapper-tmp",
        "running writer": f".map.journey.{me}@{host}.q0w9e8.mapper-tmp",
        "other machine": f".map.journey.{gone}@0f0f0f0f.z1x2c3.mapper-tmp",
        "other program": ".map.journey.x8Kd91.tmp",
        "other file": f".other.journey.{gone}@{host}.m4n5b6.mapper-tmp",
        "user's file": f".map.journey.{gone}@{host}.notes.mapper-tmp.txt",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x" * 1000)
    hour_ago = time.time() - 3600
    os.utime(tmp_path / names["old"], (hour_ago, hour_ago))

    save_journey(sample_map(), path)
    left = {p.name for p in tmp_path.iterdir()}
    assert names["dead writer"] not in left and names["old"] not in left
    kept = {"running writer", "other machine", "other program", "other file", "user's file"}
    assert {names[k] for k in kept} <= left
    assert left == {"map.journey"} | {names[k] for k in kept}


def test_a_save_killed_mid_write_leaves_a_temporary_that_the_next_open_removes(tmp_path):
    """For real: a process is killed (SIGKILL) after writing its temporary file, before the
    rename; the map is intact and opening it again clears what the dead save left."""
    from mapper.document import Document

    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    before = path.read_bytes()
    code = (
        "import os, sys, time\n"
        "from mapper.fileformat import atomic\n"
        "def stuck(src, dst):\n"
        "    print('written', flush=True)\n"
        "    time.sleep(60)\n"
        "os.replace = stuck\n"
        f"atomic.write_atomic({str(path)!r}, b'{{' * 4_000_000)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                             text=True)  # fmt: skip
    try:
        assert child.stdout.readline().strip() == "written"
    finally:
        child.kill()
        child.wait()
    (leftover,) = [p for p in tmp_path.iterdir() if p.name != "map.journey"]
    assert leftover.name.endswith(".mapper-tmp") and leftover.stat().st_size == 4_000_000
    assert path.read_bytes() == before  # the map itself is untouched

    Document.open(path)
    assert [p.name for p in tmp_path.iterdir()] == ["map.journey"]


# ---------------------------------------------------------------- read-only files
WRITERS = """
import sys
from pathlib import Path
from mapper.fileformat import save_journey, load_journey
from mapper.fileformat.io import write_atomic
target = Path(sys.argv[1])
try:
    save_journey(load_journey(sys.argv[2]), target)
except PermissionError as exc:
    print("save refused:", exc.strerror)
try:
    write_atomic(target, b"an export")
except PermissionError as exc:
    print("write refused:", exc.strerror)
"""


def test_a_read_only_file_is_never_replaced_by_any_writer(tmp_path):
    """As an ordinary user, with a writable folder (all the atomic rename needs): saving,
    exporting and `mapper new --force` / `mapper export -o` over a 0444 file are refused
    with a clear message, and the file is unchanged."""
    from ordinary_user import run_as_user, shared_folder

    folder = shared_folder(tmp_path / "shared")
    source = folder / "source.journey"
    save_journey(sample_map(), source)
    locked = folder / "locked.journey"
    save_journey(sample_map(), locked)
    locked.chmod(0o444)
    pdf = folder / "locked.pdf"
    pdf.write_bytes(b"%PDF- someone's report")
    pdf.chmod(0o444)
    before = locked.read_bytes()

    result = run_as_user(["-c", WRITERS, str(locked), str(source)], folder)
    assert result.stdout.splitlines() == [
        "save refused: the file is read-only (you may not change it)",
        "write refused: the file is read-only (you may not change it)",
    ], result.stderr
    new = run_as_user(["-m", "mapper", "new", "--force", str(locked)], folder)
    assert new.returncode == 1
    assert "read-only" in new.stderr and "Traceback" not in new.stderr
    export = run_as_user(["-m", "mapper", "export", str(source), "-o", str(pdf)], folder)
    assert export.returncode == 1 and "cannot write: the file is read-only" in export.stderr
    assert locked.read_bytes() == before and pdf.read_bytes() == b"%PDF- someone's report"
    assert sorted(p.name for p in folder.iterdir()) == [
        "locked.journey", "locked.pdf", "source.journey",
    ]  # fmt: skip
    # a writable file in the same folder is still saved, by the same user
    writable = folder / "mine.journey"
    save_journey(sample_map(), writable)
    writable.chmod(0o666)
    ok = run_as_user(["-m", "mapper", "new", "--force", str(writable)], folder)
    assert ok.returncode == 0, ok.stderr


def test_a_capture_for_a_background_save_orders_like_the_live_map():
    """The save takes a quick capture on the UI thread and orders it on the writer thread;
    the file must be exactly what the live map's own order gives."""
    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    from synthetic import make_map

    journey = make_map(300)
    journey.move_cards(["card-000010"], journey.stages.ids()[-1], journey.lanes.ids()[0], 0)
    snapshot = journey.capture().snapshot()
    assert snapshot.cards == tuple(journey.cards())
    assert snapshot.flows == tuple(journey.flows())
    assert dumps_journey(snapshot) == dumps_journey(journey)


def test_a_file_marked_read_only_for_everyone_is_never_replaced_even_by_root(tmp_path):
    """Root may write anything, but 0444 is a "do not change" the user asked for."""
    import pytest

    from mapper.fileformat.atomic import ReadOnlyFile, write_atomic

    path = tmp_path / "locked.journey"
    path.write_text("mine", "utf-8")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFile):
        write_atomic(path, b"theirs")
    assert path.read_text("utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.journey"]
