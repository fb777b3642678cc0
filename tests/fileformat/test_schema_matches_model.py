"""The file schema and the live model describe the same things with the same defaults and
limits, so a field added to one and forgotten in the other fails here, not in a user's file."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import BaseModel

from mapper.fileformat import schema
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
