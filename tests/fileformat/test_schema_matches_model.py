"""The file schema and the live model describe the same things with the same defaults and
limits, so a field added to one and forgotten in the other fails here, not in a user's file."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import BaseModel

from mapper.fileformat import schema
from mapper.fileformat.build import journey_from_plain
from mapper.model import entities
from mapper.model.vocabulary import METRICS, STAGE_WIDTH_MAX, STAGE_WIDTH_MIN

PAIRS = [
    (schema.MetricsFile, entities.Metrics),
    (schema.EvidenceFile, entities.Evidence),
    (schema.PhotoFile, entities.Photo),
    (schema.ScenarioFile, entities.Scenario),
    (schema.CustomChannelFile, entities.CustomChannel),
    (schema.SequenceItemFile, entities.SequenceItem),
    (schema.PresentationFile, entities.Presentation),
    (schema.PersonaFile, entities.Persona),
    (schema.StageFile, entities.Stage),
    (schema.LaneFile, entities.Lane),
    (schema.CardFile, entities.Card),
    (schema.FlowFile, entities.Flow),
]
# what the file keeps at the top level instead of in MapInfo, and MapInfo's own fields
# fields whose file default means "work it out": a persona without a colour takes a palette
# colour by its place (the model's default is the first of them)
BY_PLACE = {("PersonaFile", "color")}
FILE_ONLY = {"format", "schema_version", "personas", "stages", "lanes", "cards", "flows"}


def _model_default(field: dataclasses.Field) -> object:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING


def _file_default(model: type[BaseModel], name: str) -> object:
    info = model.model_fields[name]
    if info.is_required():
        return dataclasses.MISSING
    return info.get_default(call_default_factory=True)


def _comparable(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _comparable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_comparable(v) for v in value]
    return value


@pytest.mark.parametrize("file_model, entity", PAIRS, ids=lambda x: x.__name__)
def test_fields_and_defaults_agree(file_model, entity):
    fields = {f.name: f for f in dataclasses.fields(entity)}
    assert set(file_model.model_fields) == set(fields)
    for name, field in fields.items():
        if (file_model.__name__, name) in BY_PLACE:
            assert _file_default(file_model, name) is None
            continue
        assert _comparable(_file_default(file_model, name)) == _comparable(_model_default(field)), (
            name
        )


def test_the_map_header_agrees_with_map_info():
    fields = {f.name: f for f in dataclasses.fields(entities.MapInfo)}
    file_fields = set(schema.JourneyFile.model_fields) - FILE_ONLY
    assert file_fields == set(fields)
    for name in file_fields:
        assert _comparable(_file_default(schema.JourneyFile, name)) == _comparable(
            _model_default(fields[name])
        ), name


def test_every_metric_has_words_and_a_scale():
    assert set(METRICS) == {f.name for f in dataclasses.fields(entities.Metrics)}


def test_the_stage_width_limits_are_the_same_in_file_and_model():
    bounds = schema.StageFile.model_json_schema()["properties"]["width"]
    assert (bounds["minimum"], bounds["maximum"]) == (STAGE_WIDTH_MIN, STAGE_WIDTH_MAX)
    with pytest.raises(ValueError):
        entities.Stage("s", "S", width=STAGE_WIDTH_MIN - 1)
    entities.Stage("s", "S", width=STAGE_WIDTH_MIN)


# One valid entity of each kind whose text the model checks; a map loaded from a file skips
# that check (the schema held the text already), so the two limits must be the very same.
SAMPLES = {
    "EvidenceFile": entities.Evidence("t"),
    "ScenarioFile": entities.Scenario(),
    "CustomChannelFile": entities.CustomChannel("k", "label", True),
    "SequenceItemFile": entities.SequenceItem("overview"),
    "JourneyFile": entities.MapInfo(),
    "PersonaFile": entities.Persona("p", "P"),
    "StageFile": entities.Stage("s", "S"),
    "LaneFile": entities.Lane("l", "L"),
    "CardFile": entities.Card("c", "s", "l", "T"),
    "FlowFile": entities.Flow("f", "a", "b"),
}


def _text_limit(prop: dict) -> int | None:
    """The most characters a text field (or each text in a list or mapping) may hold."""
    for part in (prop, prop.get("items", {}), prop.get("additionalProperties", {})):
        if "maxLength" in part:
            return int(part["maxLength"])
    return None


def _bounded_otherwise(prop: dict) -> bool:
    """An id, colour or fixed word: a pattern or a choice bounds its length."""
    parts = [prop, *prop.get("anyOf", []), prop.get("items", {})]
    return any("pattern" in p or "enum" in p or "const" in p or "$ref" in p for p in parts) or (
        "patternProperties" in prop
    )


def _of_length(sample: object, name: str, n: int) -> object:
    text = "x" * n
    current = getattr(sample, name)
    if isinstance(current, tuple):
        return (text,)
    if isinstance(current, dict):
        return {text: text}
    return text


@pytest.mark.parametrize("file_name", list(SAMPLES))
def test_text_limits_are_the_same_in_file_and_model(file_name):
    file_model = getattr(schema, file_name)
    sample = SAMPLES[file_name]
    properties = file_model.model_json_schema()["properties"]
    checked = 0
    for f in dataclasses.fields(sample):
        value = getattr(sample, f.name)
        if not isinstance(value, str | tuple | dict) or f.name in FILE_ONLY:
            continue
        limit = _text_limit(properties[f.name])
        if limit is None:
            assert _bounded_otherwise(properties[f.name]), f.name
            continue
        dataclasses.replace(sample, **{f.name: _of_length(sample, f.name, limit)})
        with pytest.raises(ValueError, match="longer than"):
            dataclasses.replace(sample, **{f.name: _of_length(sample, f.name, limit + 1)})
        checked += 1
    assert checked


def test_a_map_built_from_a_file_takes_text_the_schema_allowed_without_measuring_it_again():
    card = {"id": "c", "stage_id": "s", "lane_id": "l", "title": "x" * schema.SHORT_TEXT}
    data = {
        "format": schema.FORMAT_NAME, "schema_version": schema.SCHEMA_VERSION,
        "stages": [{"id": "s", "name": "S"}], "lanes": [{"id": "l", "name": "L"}],
        "cards": [card],
    }  # fmt: skip
    measured = []
    real = entities._TEXT_FIELDS
    entities._TEXT_FIELDS = _Recording(measured)
    try:
        schema.JourneyFile.model_validate(data)
        journey = journey_from_plain(data)
        assert measured == []  # nothing measured while building from the file
        entities.Card("d", "s", "l", "T")
        assert measured  # an entity made by an edit is measured as before
    finally:
        entities._TEXT_FIELDS = real
    assert journey.card("c").title == card["title"]
    with pytest.raises(ValueError, match="longer than"):
        entities.Card("d", "s", "l", "x" * (schema.SHORT_TEXT + 1))


class _Recording(dict):
    """The per-class field lists of check_text, noting each class looked up."""

    def __init__(self, seen: list) -> None:
        super().__init__()
        self.seen = seen

    def get(self, key, default=None):
        self.seen.append(key)
        return super().get(key, default)


@pytest.mark.parametrize("file_model", [schema.JourneyFile, *(f for f, _ in PAIRS)])
def test_the_schema_annotations_are_objects_pydantic_need_not_evaluate(file_model):
    # postponed (string) annotations cost pydantic an eval each while the editor starts
    strings = [n for n, a in file_model.__annotations__.items() if isinstance(a, str)]
    assert strings == []


@pytest.mark.parametrize("file_model", [schema.CardFile, schema.PersonaFile])
def test_an_item_left_without_a_list_gets_a_new_empty_one_not_a_copy(file_model):
    # a literal [] or {} default is deep-copied by pydantic for every item leaving the
    # field out (thousands of cards); a factory makes a new one at a fraction of the cost
    literal = [
        name
        for name, info in file_model.model_fields.items()
        if isinstance(info.default, list | dict)
    ]
    assert literal == []
    fields = ["tags", "emotions"] if file_model is schema.CardFile else ["goals", "demographics"]
    data = {"id": "x", "stage_id": "s", "lane_id": "l", "title": "T", "name": "N"}
    data = {k: v for k, v in data.items() if k in file_model.model_fields}
    one, two = file_model.model_validate(data), file_model.model_validate(data)
    for name in fields:
        assert getattr(one, name) == getattr(two, name) == type(getattr(one, name))()
        assert getattr(one, name) is not getattr(two, name)
