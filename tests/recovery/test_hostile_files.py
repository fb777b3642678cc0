"""Mutated and hostile files either load as a valid map or give a clear error: never a
crash, never a hang."""

from __future__ import annotations

import base64
import json
import struct
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import sample_map
from mapper.fileformat import JourneyFileError, dumps_journey, loads_journey
from mapper.model import Card, Flow

VALID = json.loads(dumps_journey(sample_map()))


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


ALL_PATHS = [p for p in paths(VALID) if p]
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=30), st.lists(st.integers(), max_size=3), st.just({}), st.just("t1"),
)  # fmt: skip


def mutate(data, path, action, value):
    data = json.loads(json.dumps(data))
    *parents, last = path
    node = data
    for part in parents:
        node = node[part]
    if action == "drop":
        del node[last]
    elif action == "duplicate" and isinstance(node, list):
        node.insert(last, json.loads(json.dumps(node[last])))
    else:
        node[last] = value
    return data


def must_load_or_explain(raw: bytes) -> None:
    try:
        journey = loads_journey(raw, "fuzz.journey")
    except JourneyFileError as exc:
        assert exc.problems and all(line.startswith("fuzz.journey: ") for line in exc.lines())
    else:
        assert loads_journey(dumps_journey(journey).encode()) is not None  # and it is valid


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), st.sampled_from(["drop", "duplicate", "retype"]), ODD_VALUES)
def test_mutated_fields(path, action, value):
    must_load_or_explain(json.dumps(mutate(VALID, path, action, value)).encode())


RAW = dumps_journey(sample_map()).encode()


@settings(max_examples=200, deadline=2000)
@given(st.integers(0, len(RAW)), st.binary(min_size=1, max_size=8))
def test_random_bytes_and_truncation(position, noise):
    must_load_or_explain(RAW[:position])
    must_load_or_explain(RAW[:position] + noise + RAW[position + len(noise) :])


def test_thousands_of_flows_load():
    journey = sample_map()
    for i in range(2000):
        journey.add(Card(f"x{i}", "s1", "l-tp", f"Card {i}"))
    for i in range(1999):
        journey.add(Flow(f"fx{i}", f"x{i}", f"x{i + 1}"))
    again = loads_journey(dumps_journey(journey).encode())
    assert again.flow_count() == journey.flow_count()


def test_self_loops_are_refused_clearly():
    data = json.loads(dumps_journey(sample_map()))
    data["flows"] = [{"id": f"l{i}", "source": "t1", "target": "t1"} for i in range(3000)]
    try:
        loads_journey(json.dumps(data).encode(), "m.journey")
    except JourneyFileError as exc:
        assert "a flow cannot lead from a card to itself" in exc.lines()[0]
        assert len(exc.problems) <= 50  # a readable list, not 3,000 lines
    else:
        raise AssertionError("self-loops must be refused")


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\x00" * 16)  # fmt: skip


def test_a_decompression_bomb_photo_is_refused_before_decoding():
    data = json.loads(dumps_journey(sample_map()))
    data["personas"][0]["photo"]["data"] = base64.b64encode(png_header(100_000, 100_000)).decode()
    try:
        loads_journey(json.dumps(data).encode(), "m.journey")
    except JourneyFileError as exc:
        assert "100000×100000 pixels" in exc.lines()[0]
    else:
        raise AssertionError("the bomb must be refused")


def test_a_huge_string_is_refused():
    data = json.loads(dumps_journey(sample_map()))
    data["notes"] = "x" * 1_000_000
    try:
        loads_journey(json.dumps(data).encode(), "m.journey")
    except JourneyFileError as exc:
        assert "notes: String should have at most 50000 characters" in exc.lines()[0]
    else:
        raise AssertionError("a million-character note must be refused")


def test_photos_are_decoded_under_a_limit(qapp):
    from factories import PNG_1PX
    from mapper.ui.images import safe_pixmap

    assert safe_pixmap(PNG_1PX) is not None
    assert safe_pixmap(png_header(100_000, 100_000)) is None
    assert safe_pixmap(b"\xff\xd8\xff\xe0garbage") is None
