"""Files Mapper validated or wrote before open without the schema, to the same map; any
other bytes are validated as always."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from test_roundtrip import journeys

from factories import sample_map
from mapper.fileformat import (
    JourneyFileError,
    dumps_journey,
    load_journey,
    save_journey,
    trust,
    validation,
)
from mapper.fileformat.build import journey_from_plain
from mapper.fileformat.schema import JourneyFile
from mapper.model import JourneyMap


@pytest.fixture
def validations(monkeypatch) -> list[str]:
    """The sources validated from now on (the schema is still applied)."""
    seen: list[str] = []
    real = validation.validate_file

    def spy(data: Any, source: Any) -> Any:
        seen.append(str(source))
        return real(data, source)

    monkeypatch.setattr(validation, "validate_file", spy)
    return seen


def same_map(a: JourneyMap, b: JourneyMap) -> bool:
    return (
        dumps_journey(a) == dumps_journey(b)
        and a.info == b.info
        and list(a.personas) == list(b.personas)
        and list(a.stages) == list(b.stages)
        and list(a.lanes) == list(b.lanes)
        and list(a.cards()) == list(b.cards())
        and list(a.flows()) == list(b.flows())
    )


def test_a_file_opened_once_opens_again_without_validation(tmp_path, validations):
    path = tmp_path / "m.journey"
    path.write_text(dumps_journey(sample_map()), encoding="utf-8")
    first = load_journey(path)
    assert validations == [str(path)]
    again = load_journey(path)
    assert validations == [str(path)]  # known valid: not validated again
    assert same_map(again, first)


def test_a_file_mapper_saved_opens_without_validation(tmp_path, validations):
    path = tmp_path / "m.journey"
    save_journey(sample_map(), path)  # a save checks what it writes as loading would
    assert same_map(load_journey(path), sample_map())
    assert validations == []


def test_a_changed_byte_is_validated_again(tmp_path, validations):
    path = tmp_path / "m.journey"
    save_journey(sample_map(), path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Renew a phone contract"', '"Renew a phone contrac"'))
    assert load_journey(path).info.title == "Renew a phone contrac"
    assert validations == [str(path)]


def test_an_invalid_file_is_never_known_valid(tmp_path, validations):
    data = json.loads(dumps_journey(sample_map()))
    data["cards"][0]["impact"] = 99
    path = tmp_path / "bad.journey"
    path.write_text(json.dumps(data), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(JourneyFileError, match="impact"):
            load_journey(path)
    assert validations == [str(path)] * 2
    assert not any(trust.known_valid().folder.glob("*"))


def test_a_data_folder_that_cannot_be_written_only_costs_the_speed(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("MAPPER_DATA_DIR", str(blocked))
    path = tmp_path / "m.journey"
    save_journey(sample_map(), path)
    assert same_map(load_journey(path), sample_map())
    assert same_map(load_journey(path), sample_map())


def test_the_record_keeps_the_files_used_last(tmp_path, monkeypatch):
    monkeypatch.setattr(trust, "KEEP", 3)
    known = trust.KnownValid(tmp_path)
    for i in range(5):
        known.add(f"{i:064x}")
        os.utime(known.folder / f"{i:064x}", ns=(i * 10**9, i * 10**9))
    known.add("f" * 64)
    assert sorted(p.name for p in known.folder.iterdir()) == sorted(
        [f"{3:064x}", f"{4:064x}", "f" * 64]
    )


def test_other_reading_rules_start_from_nothing_known(tmp_path):
    old = tmp_path / "0123456789abcdef"
    old.mkdir()
    (old / ("a" * 64)).touch()
    known = trust.KnownValid(tmp_path)
    assert "a" * 64 not in known
    known.add("b" * 64)
    assert not old.exists() and "b" * 64 in known


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_any_map_opens_the_same_whether_validated_or_known(journey):
    raw = dumps_journey(journey).encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MAPPER_DATA_DIR", os.environ["MAPPER_DATA_DIR"] + "-property")
        from mapper.fileformat import loads_journey

        validated = loads_journey(raw)
        known = loads_journey(raw)  # the second time: built without the schema
    assert same_map(known, validated) and same_map(validated, journey)


def _plain(value: Any) -> Any:
    """Entities and the schema's objects alike, as comparable values (types kept)."""
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return ("str", base64.b64encode(value).decode("ascii"))  # as the file holds it
    if isinstance(value, Enum):
        return (type(value).__name__, value.value)
    return (type(value).__name__, value)


def test_the_builder_reads_what_the_schema_reads_leniently():
    """Numbers as ints or strings and enums as their values are read as the schema reads
    them: each entity equals the schema's validated object, field for field and type for
    type."""
    data = json.loads(dumps_journey(sample_map()))
    data["stages"][0]["width"] = 300  # an int where the model holds a float
    data["stages"][0]["metrics"] = {"csat": 4, "nps": "12.5"}
    data["cards"][0]["metrics"] = {"cost": "7"}
    data["cards"][0]["kind"] = "opportunity"
    doc = JourneyFile.model_validate(data)
    journey = journey_from_plain(data)
    built = {
        "stages": list(journey.stages), "lanes": list(journey.lanes),
        "cards": list(journey.cards()), "flows": list(journey.flows()),
    }  # fmt: skip
    for name, entities in built.items():
        by_id = {entity.id: entity for entity in entities}
        for item in getattr(doc, name):
            assert _plain(by_id[item.id]) == _plain(item), (name, item.id)
    for persona in doc.personas:
        fields = _plain(persona)
        fields["color"] = _plain(journey.personas.get(persona.id).color)  # None: by place
        assert _plain(journey.personas.get(persona.id)) == fields
    assert journey.stages.get(data["stages"][0]["id"]).width == 300.0


def test_a_known_file_with_a_byte_order_mark_opens_again(tmp_path, validations):
    path = tmp_path / "bom.journey"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_journey(sample_map()).encode("utf-8"))
    first, again = load_journey(path), load_journey(path)
    assert validations == [str(path)] and same_map(again, first)


@pytest.mark.parametrize(
    "rules", ["schema.py", "convert.py", "images.py", "../model/vocabulary.py"]
)
def test_a_change_to_any_rule_a_map_is_checked_by_starts_from_nothing_known(monkeypatch, rules):
    """The references check, the photos' check and the model's limits (SHORT_TEXT_MAX, the
    card kinds) decide whether bytes are a valid map as much as the schema does."""
    changed = os.path.realpath(Path(trust.__file__).parent / rules)
    before = trust._rules_stamp()
    real_stat = Path.stat

    def stat(path: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(path, *args, **kwargs)
        if os.path.realpath(path) != changed:
            return info
        fields = list(info)
        fields[8] += 1  # st_mtime, a second later: the file was edited
        return os.stat_result(fields, {"st_mtime_ns": info.st_mtime_ns + 10**9})

    monkeypatch.setattr(Path, "stat", stat)
    assert trust._rules_stamp() != before
