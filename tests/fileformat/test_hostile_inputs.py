"""Hostile inputs cost bounded memory and never block: huge lists of wrong items, numbers
too long for Python, pipes and devices given as a map, a recovery copy or a photo."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mapper.cli.main import main
from mapper.fileformat import JourneyFileError, load_journey

SRC = Path(__file__).resolve().parents[2] / "src"
HEADER = b'{"format": "mapper-journey", "schema_version": 1, '
MB = 1024 * 1024

# Loads a file in a fresh interpreter; prints the first problem and the peak memory.
CHILD = r"""
import resource, sys
from mapper.fileformat import JourneyFileError, load_journey
try:
    load_journey(sys.argv[1])
    print("loaded")
except JourneyFileError as exc:
    print(exc.lines()[0])
    print(len(exc.lines()))
try:  # this process's own peak (ru_maxrss would count the parent's memory at fork)
    with open("/proc/self/status") as status:
        print(next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def five_million_wrong_cards() -> bytes:
    return HEADER + b'"cards": [' + b"1," * 4_999_999 + b"1]}"


def a_card_with_five_million_wrong_tags() -> bytes:
    card = b'{"id": "c", "stage_id": "s", "lane_id": "l", "title": "t", "tags": ['
    return HEADER + b'"cards": [' + card + b"1," * 4_999_999 + b"1]}]}"


def a_hundred_thousand_cards_with_many_problems() -> bytes:
    card = b'{"id": 1, "stage_id": 2, "lane_id": 3, "title": 4, "kind": 5, "owner": 6, "a": 1, "b": 2, "c": 3},'
    return HEADER + b'"cards": [' + card * 99_999 + card[:-1] + b"]}"


def run_child(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    """A fresh interpreter on this source tree, its memory capped so that a regression
    fails the test instead of exhausting the machine."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 * 1024 * MB, 4 * 1024 * MB))

    paths = [str(SRC), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env=env,
        preexec_fn=limit_memory,
    )  # fmt: skip


def peak_memory_of_loading(path: Path) -> tuple[list[str], int]:
    result = run_child(["-c", CHILD, str(path)], timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    *lines, peak = result.stdout.splitlines()
    return lines, int(peak)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (five_million_wrong_cards, "cards: 5,000,000 items; a map holds at most 100,000 cards"),
        (a_card_with_five_million_wrong_tags, "cards[0].tags[0]: Input should be a valid string"),
        (
            a_hundred_thousand_cards_with_many_problems,
            "cards[0].id: Input should be a valid string",
        ),
    ],
)
def test_validating_a_hostile_file_takes_bounded_memory(tmp_path, make, expected):
    path = tmp_path / "hostile.journey"
    path.write_bytes(make())
    size = path.stat().st_size
    assert 9 * MB < size < 11 * MB
    lines, peak = peak_memory_of_loading(path)
    assert lines[0] == f"{path}: {expected}"
    assert int(lines[1]) <= 51  # at most 50 problems and a line saying how many more
    assert peak < 10 * size + 150 * MB, f"peak {peak / MB:.0f} MB for a {size / MB:.0f} MB file"
    print(f"peak {peak / MB:.0f} MB for a {size / MB:.1f} MB file")


def test_a_number_too_long_for_python_is_a_problem_not_a_crash(tmp_path, capsys):
    path = tmp_path / "long.journey"
    path.write_bytes(
        HEADER + b'"stages": [{"id": "s", "name": "S", "width": ' + b"7" * 4301 + b"}]}"
    )
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"{path}: stages[0].width: number too long (4,301 digits; at most 4,300)\n"


def test_the_schema_refuses_a_list_over_its_limit_before_its_items():
    """So the check before saving (which validates with the schema) never lets a map over
    a limit be written, and refuses it without validating its items."""
    from pydantic import ValidationError

    from mapper.fileformat.schema import SCHEMA_VERSION, JourneyFile

    data = {"format": "mapper-journey", "schema_version": SCHEMA_VERSION}
    data["stages"] = [{"id": f"s{i}", "name": "S"} for i in range(1_001)]
    with pytest.raises(ValidationError) as info:
        JourneyFile.model_validate_json(json.dumps(data))
    errors = info.value.errors()
    assert [(e["loc"], e["msg"]) for e in errors] == [
        (("stages",), "Value error, 1,001 items; a map holds at most 1,000 stages")
    ]
    data["stages"] = data["stages"][:1_000]
    assert len(JourneyFile.model_validate_json(json.dumps(data)).stages) == 1_000


# --------------------------------------------------------- pipes and devices
def finishes(fn, pipe: Path | None = None, seconds: float = 10.0):
    """Run ``fn`` in a thread; if it blocks (on ``pipe``), unblock it and fail."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if pipe is not None:  # a writer that closes at once ends the reader's wait
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(seconds)
        pytest.fail(f"{fn} blocked")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.journey"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_without_waiting(fifo):
    with pytest.raises(JourneyFileError) as info:
        finishes(lambda: load_journey(fifo), fifo)
    assert info.value.lines() == [f"{fifo}: $: this is a named pipe, not a regular file"]


def test_a_device_is_refused_without_reading(tmp_path):
    with pytest.raises(JourneyFileError) as info:
        finishes(lambda: load_journey("/dev/zero"))
    assert info.value.lines() == ["/dev/zero: $: this is a device, not a regular file"]


def test_validate_on_a_pipe_and_a_device_answers_at_once(fifo):
    try:
        result = run_child(["-m", "mapper", "validate", str(fifo), "/dev/zero"], timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("mapper validate blocked on a named pipe")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{fifo}: $: this is a named pipe, not a regular file",
        "/dev/zero: $: this is a device, not a regular file",
    ]


def test_a_file_that_grows_past_the_limit_is_not_read_past_it(tmp_path, monkeypatch):
    from mapper.fileformat import io, reading

    path = tmp_path / "growing.journey"
    path.write_bytes(b" " * 5000)
    real_fstat = os.fstat

    def claims_ten_bytes(fd):  # as a file that grows after fstat, or a /proc file
        values = list(real_fstat(fd))
        values[6] = 10
        return os.stat_result(values)

    monkeypatch.setattr(io, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(reading.os, "fstat", claims_ten_bytes)
    with pytest.raises(JourneyFileError, match=r"\$: the file is more than 0 MB"):
        load_journey(path)


def test_a_recovery_description_that_is_a_pipe_is_skipped(tmp_path):
    from mapper.recovery.store import RecoveryStore

    store = RecoveryStore(tmp_path)
    os.mkfifo(tmp_path / "abc.json")
    (tmp_path / "abc.journey").write_text("{}")
    assert finishes(store.recoverable, tmp_path / "abc.json") == []


def test_a_photo_that_is_a_pipe_or_device_is_refused(fifo, qapp):
    from mapper.ui.personas_panel import load_photo

    with pytest.raises(ValueError, match="The photo cannot be read: this is a named pipe"):
        finishes(lambda: load_photo(str(fifo)), fifo)
    with pytest.raises(ValueError, match="The photo cannot be read: this is a device"):
        finishes(lambda: load_photo("/dev/zero"))
