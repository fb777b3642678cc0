"""Every kind of bad file gets a clear ``FILE: WHERE: what`` message, never a traceback."""

from __future__ import annotations

import json

import pytest

from factories import sample_map
from mapper.fileformat import (
    JourneyFileError,
    dumps_journey,
    jsonparse,
    load_journey,
    loads_journey,
)


def good() -> dict:
    return json.loads(dumps_journey(sample_map()))


def encode(data: dict) -> bytes:
    return json.dumps(data).encode()


def problems_of(raw: bytes) -> list[str]:
    with pytest.raises(JourneyFileError) as info:
        loads_journey(raw, "m.journey")
    return info.value.lines()


def edited(change) -> bytes:
    data = good()
    change(data)
    return encode(data)


def with_width(number: bytes) -> bytes:
    stage = b'{"id": "s", "name": "S", "width": ' + number + b"}"
    return b'{"format": "mapper-journey", "schema_version": 1, "stages": [' + stage + b"]}"


CASES = [
    ("empty", b"", "m.journey: $: the file is empty"),
    ("blank", b" \n\t", "m.journey: $: the file is empty"),
    ("broken json", b'{"format": "mapper-journey",\n  "title": }', "m.journey: 2:12: not valid JSON"),
    ("truncated", encode(good())[:200], "not valid JSON"),
    ("not utf-8", b'{"title": "caf\xe9"}', "m.journey: 1:15: the file is not UTF-8 text (byte 0xe9)"),
    ("a list", b"[1, 2]", "m.journey: $: not a journey map"),
    ("other json", b'{"name": "package.json"}', "m.journey: format: not a Mapper journey map"),
    ("no version", edited(lambda d: d.pop("schema_version")), "schema_version: schema_version is missing"),
    ("too new", edited(lambda d: d.update(schema_version=99)), "schema_version: this map was made by a newer Mapper (format 99)"),
    ("bad version", edited(lambda d: d.update(schema_version="1")), "schema_version: schema_version must be a whole number"),
    ("wrong type", edited(lambda d: d["stages"][0].update(name=5)), "stages[0].name: Input should be a valid string"),
    ("number as text", edited(lambda d: d["cards"][1]["emotions"].update(maya="1")), "cards[1].emotions.maya: Input should be a valid integer"),
    ("out of range", edited(lambda d: d["cards"][1]["emotions"].update(maya=7)), "cards[1].emotions.maya: Input should be less than or equal to 3"),
    ("missing field", edited(lambda d: d["cards"][0].pop("title")), "cards[0].title: this field is required"),
    ("unknown field", edited(lambda d: d["lanes"][0].update(colour="red")), "lanes[0].colour: unknown field"),
    ("bad enum", edited(lambda d: d["cards"][1].update(creator="stolen")), "cards[1].creator: Input should be 'paid', 'owned' or 'earned'"),
    ("bad colour", edited(lambda d: d["stages"][0].update(color="red")), "stages[0].color: String should match pattern"),
    ("duplicate id", edited(lambda d: d["cards"][2].update(id="t1")), "cards[2].id: duplicate id 't1' (also cards[1])"),
    ("dangling stage", edited(lambda d: d["cards"][0].update(stage_id="s9")), "cards[0].stage_id: refers to stage 's9', which does not exist"),
    ("dangling flow", edited(lambda d: d["flows"][0].update(target="ghost")), "flows[0].target: refers to card 'ghost', which does not exist"),
    ("self loop", edited(lambda d: d["flows"][0].update(target=d["flows"][0]["source"])), "flows[0]: a flow cannot lead from a card to itself"),
    ("dangling persona", edited(lambda d: d["cards"][1]["emotions"].update(zed=1)), "cards[1].emotions.zed: refers to persona 'zed'"),
    ("dangling link", edited(lambda d: d["cards"][6]["pain_point_ids"].append("nope")), "cards[6].pain_point_ids[2]: refers to card 'nope', which does not exist"),
    ("self link", edited(lambda d: d["cards"][6]["pain_point_ids"].append("o1")), "cards[6].pain_point_ids[2]: a card cannot address itself"),
    ("impact out of range", edited(lambda d: d["cards"][6].update(impact=6)), "cards[6].impact: Input should be less than or equal to 5"),
    ("old record, dangling link", edited(lambda d: d.update(schema_version=2, opportunities=[{"id": "r", "title": "R", "pain_point_ids": ["nope"]}])), "cards[8].pain_point_ids[0]: refers to card 'nope', which does not exist"),
    ("old record, bad effort", edited(lambda d: d.update(schema_version=2, opportunities=[{"id": "r", "title": "R", "effort": "2"}])), "cards[8].effort: Input should be a valid integer"),
    ("old records not a list", edited(lambda d: d.update(schema_version=2, opportunities={"id": "r"})), "opportunities: unknown field"),
    ("unknown channel", edited(lambda d: d["cards"][1].update(channel="telepathy")), "cards[1].channel: refers to channel 'telepathy'"),
    ("active persona", edited(lambda d: d.update(active_persona_id="ghost")), "active_persona_id: refers to persona 'ghost'"),
    ("nan", b'{"format": "mapper-journey", "schema_version": 1,\n "stages": [{"id": "s", "name": "S", "width": NaN}]}', "m.journey: 2:47: NaN is not allowed"),
    ("infinity", b'{"format": "mapper-journey", "schema_version": 1, "x": -Infinity}', "-Infinity is not allowed"),
    ("huge number", b'{"format": "mapper-journey", "schema_version": 1, "stages": [{"id": "s", "name": "S", "width": 1e999}]}', "stages[0].width: Input should be a finite number"),
    ("duplicate key", b'{"format": "mapper-journey", "schema_version": 1, "stages": [{"id": "s", "name": "A", "name": "B"}]}', "m.journey: stages[0]: duplicate key 'name'"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "m.journey: $: the data is nested too deeply"),
    ("moderate nesting", b'{"format": "mapper-journey", "schema_version": 1, "notes": ' + b"[" * 500 + b"]" * 500 + b"}", "notes: Input should be a valid string"),
    ("long string", edited(lambda d: d["cards"][0].update(title="x" * 3000)), "cards[0].title: String should have at most 2000 characters"),
    ("bad photo", edited(lambda d: d["personas"][0]["photo"].update(data="AAAA")), "personas[0].photo.data: photo data is not a PNG or JPEG image"),
    ("bad base64", edited(lambda d: d["personas"][0]["photo"].update(data="***")), "personas[0].photo.data: photo data is not valid base64"),
    ("number too long", with_width(b"9" * 4301), "m.journey: stages[0].width: number too long (4,301 digits; at most 4,300)"),
    ("negative number too long", with_width(b"-" + b"1" * 5000), "m.journey: stages[0].width: number too long (5,000 digits"),
    ("long number in a list", edited(lambda d: d["cards"][0].update(tags=["a", 7, 8])).replace(b"7, 8", b"7, " + b"8" * 9000), "m.journey: cards[0].tags[2]: number too long"),
    ("long number beside a short one", with_width(b"9" * 4300), "m.journey: stages[0].width: Input should be a valid number"),
    ("too many cards", edited(lambda d: d.update(cards=[1] * 100_001)), "m.journey: cards: 100,001 items; a map holds at most 100,000 cards"),
    ("too many custom channels", edited(lambda d: d.update(custom_channels=[{}] * 501)), "m.journey: custom_channels: 501 items; a map holds at most 500 custom channels"),
    ("wrong tags", edited(lambda d: d["cards"][0].update(tags=[1] * 100_000)), "cards[0].tags[0]: Input should be a valid string"),
    ("too many keys", edited(lambda d: d["personas"][0].update(demographics={f"k{i}": "v" for i in range(1001)})), "m.journey: personas[0].demographics: an object with 1,001 keys; no object in a journey map has more than 1,000"),
    ("too many objects", b"[" + b"{}," * 1_000_000 + b"{}]", "m.journey: $: more than 1,000,000 objects: too many for a journey map"),
    ("no votes", edited(lambda d: d["cards"][1].update(votes={"2026-12-06": 0})), "m.journey: cards[1].votes.2026-12-06: Input should be greater than or equal to 1"),
    ("votes as text", edited(lambda d: d["cards"][1].update(votes={"2026-12-06": "12"})), "m.journey: cards[1].votes.2026-12-06: Input should be a valid integer"),
    ("votes not per day", edited(lambda d: d["cards"][1].update(votes={"Tuesday": 3})), "m.journey: cards[1].votes.Tuesday.[key]: String should match pattern"),
    ("bad step", edited(lambda d: d.update(presentation={"sequence": [{"key": "rm -rf"}]})), "m.journey: presentation.sequence[0].key: String should match pattern"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_message(name, raw, expected):
    lines = problems_of(raw)
    assert any(expected in line for line in lines), lines
    assert all(line.startswith("m.journey: ") for line in lines)
    assert not any("Traceback" in line for line in lines)


def test_a_long_list_of_problems_says_how_many_were_left_out():
    data = good()
    data["stages"] = [{"id": f"s{i}"} for i in range(80)]  # 80 missing names
    lines = problems_of(encode(data))
    assert len(lines) == 51
    assert lines[-1] == "m.journey: ... and 30 more problems"


def test_problems_stop_at_a_fixed_number():
    data = good()
    data["cards"] = [{"id": f"c{i}", "colour": "red"} for i in range(20_000)]  # 4 each
    lines = problems_of(encode(data))
    assert len(lines) == 51
    assert lines[0] == "m.journey: cards[0].stage_id: this field is required"
    assert lines[-1] == "m.journey: ... and at least 950 more problems"


def test_each_bad_item_of_a_list_is_reported():
    data = good()
    for card in data["cards"]:
        card["kind"] = "bogus"
    lines = problems_of(encode(data))
    assert [line.split(": ")[1] for line in lines] == [f"cards[{i}].kind" for i in range(8)]


def test_reference_problems_are_listed_alongside_field_problems():
    def break_both(d):
        d["cards"][0].update(kind="bogus", stage_id="s9")  # a bad field, a dangling stage
        d["flows"][0]["target"] = "ghost"
        d["stages"][1]["color"] = "red"  # its id is still readable: no dangling reference

    lines = problems_of(edited(break_both))
    assert lines == [
        "m.journey: stages[1].color: String should match pattern '^#[0-9a-fA-F]{6}$'",
        "m.journey: cards[0].kind: Input should be 'touchpoint', 'action', 'thought', "
        "'pain_point', 'opportunity' or 'note'",
        "m.journey: cards[0].stage_id: refers to stage 's9', which does not exist",
        "m.journey: flows[0].target: refers to card 'ghost', which does not exist",
    ]


def test_a_list_over_its_limit_does_not_make_references_to_it_look_dangling():
    data = good()
    data["stages"] = [{"id": f"s{i}", "name": "S"} for i in range(1_001)]
    data["cards"][0]["kind"] = "bogus"
    lines = problems_of(encode(data))
    assert [line.split(": ")[1] for line in lines] == ["stages", "cards[0].kind"]


def test_unreadable_ids_are_not_reported_twice():
    def break_ids(d):
        d["cards"][0]["stage_id"] = 5  # a type problem, not also a dangling reference
        d["cards"][1]["emotions"] = {"bad id!": 1}
        d["cards"].append("not a card")

    lines = problems_of(edited(break_ids))
    assert [line.split(": ")[1] for line in lines] == [
        "cards[0].stage_id",
        "cards[1].emotions.bad id!.[key]",
        "cards[8]",
    ], lines


def test_all_problems_are_listed_at_once():
    def break_twice(d):
        d["stages"][0]["name"] = 1
        d["lanes"][1]["kind"] = "nonsense"

    lines = problems_of(edited(break_twice))
    assert len(lines) == 2


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonparse, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr("mapper.fileformat.io.MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.journey"
    path.write_bytes(b" " * 2000)
    with pytest.raises(
        JourneyFileError,
        match=r"big.journey: \$: the file is 0.0 MB; Mapper opens maps of up to 0 MB",
    ):
        load_journey(path)
    with pytest.raises(JourneyFileError, match="Mapper opens maps of up to"):
        loads_journey(b" " * 2000)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "this is a folder, not a file"),
    ],
)
def test_unreadable_paths(tmp_path, setup, expected):
    path = tmp_path / "x.journey"
    setup(path)
    with pytest.raises(JourneyFileError, match=expected):
        load_journey(path)


def test_upgrade_chain_runs_older_versions(monkeypatch):
    from mapper.fileformat import migrations

    def v1_to_v2(data):
        data["title"] = data.pop("name")
        return data

    monkeypatch.setitem(migrations.UPGRADES, 1, v1_to_v2)
    old = {"format": "mapper-journey", "schema_version": 1, "name": "Old map"}
    assert migrations.upgrade(old, current=2) == {
        "format": "mapper-journey",
        "schema_version": 2,
        "title": "Old map",
    }
    assert old["name"] == "Old map"  # steps do not mutate their input


def test_a_file_cut_short_anywhere_says_so():
    """A copy or a sync that stopped: cut inside a string it said 'not valid JSON:
    Unterminated string starting at', inside ``true`` 'Expecting value'."""
    raw = dumps_journey(sample_map()).encode()
    for end in range(1, len(raw) - 2):
        if not raw[:end].strip():
            continue
        assert problems_of(raw[:end])[0].endswith(
            "the file ends too early: it was cut short (not valid JSON)"
        ), raw[:end][-40:]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"title": "a\nb"}', "m.journey: 1:13: not valid JSON: Invalid control character"),
        (b'{"title": "\\q"}', "m.journey: 1:12: not valid JSON: Invalid \\escape"),
    ],
)
def test_json_problems_end_without_a_dangling_at(raw, expected):
    assert problems_of(raw) == [expected]
