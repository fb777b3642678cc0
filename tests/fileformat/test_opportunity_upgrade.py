"""Format 2's opportunity records become opportunity cards, losing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from mapper.cli.main import main
from mapper.fileformat import dumps_journey, load_journey, loads_journey
from mapper.model import CardKind, JourneyMap, LaneKind
from mapper.model.opportunities import opportunities

VERSIONS = Path(__file__).parent / "versions"


def v2(**lists) -> dict:
    data = {
        "format": "mapper-journey",
        "schema_version": 2,
        "stages": [{"id": "s1", "name": "Look"}, {"id": "s2", "name": "Buy"}],
        "lanes": [{"id": "l-tp", "name": "Touchpoints", "kind": "touchpoints"}],
        "cards": [
            {"id": "t1", "stage_id": "s1", "lane_id": "l-tp", "title": "Ad"},
            {
                "id": "p1",
                "stage_id": "s2",
                "lane_id": "l-tp",
                "title": "Fees",
                "kind": "pain_point",
            },
        ],
    }
    data.update(lists)
    return data


def load(data: dict) -> JourneyMap:
    return loads_journey(json.dumps(data).encode())


RECORD = {
    "id": "o1",
    "title": "Show fees upfront",
    "description": "On the first page",
    "impact": 5,
    "effort": 2,
    "owner": "Pricing",
    "pain_point_ids": ["p1", "t1"],
    "stage_id": "s2",
}


def test_a_record_becomes_a_card_in_its_stage_in_a_new_opportunities_lane():
    journey = load(v2(opportunities=[RECORD]))
    lane = journey.lanes.get("opportunities")
    assert (lane.name, lane.kind) == ("Opportunities", LaneKind.OPPORTUNITIES)
    assert journey.lanes.ids() == ["l-tp", "opportunities"]  # added at the bottom
    card = journey.card("o1")
    assert (card.stage_id, card.lane_id, card.kind) == ("s2", "opportunities", CardKind.OPPORTUNITY)
    assert (card.title, card.description, card.owner) == (
        "Show fees upfront",
        "On the first page",
        "Pricing",
    )
    assert (card.impact, card.effort, card.pain_point_ids) == (5, 2, ("p1", "t1"))
    assert [c.id for c in journey.linked_by("p1")] == ["o1"]


def test_records_go_to_the_maps_opportunities_lane_after_its_cards_in_their_order():
    lanes = [
        {"id": "l-tp", "name": "Touchpoints", "kind": "touchpoints"},
        {"id": "ideas", "name": "Ideas", "kind": "opportunities"},
        {"id": "more", "name": "More ideas", "kind": "opportunities"},
    ]
    data = v2(lanes=lanes)
    data["cards"].append(
        {"id": "c9", "stage_id": "s2", "lane_id": "ideas", "title": "X", "kind": "opportunity"}
    )
    second = {"id": "o2", "title": "Callback slots", "stage_id": "s2"}
    journey = load({**data, "opportunities": [RECORD, second]})
    assert [c.id for c in journey.cards_in_cell("s2", "ideas")] == ["c9", "o1", "o2"]
    assert len(journey.lanes) == 3


def test_a_record_without_a_stage_goes_to_the_first_stage():
    record = {"id": "o2", "title": "Callback slots", "effort": 4}
    journey = load(v2(opportunities=[record]))
    card = journey.card("o2")
    assert (card.stage_id, card.impact, card.effort) == ("s1", 3, 4)


def test_records_on_a_map_without_stages_get_an_all_stages_stage():
    data = v2(stages=[], lanes=[], cards=[])
    records = [{"id": "o1", "title": "A"}, {"id": "o2", "title": "B", "impact": 1}]
    journey = load({**data, "opportunities": records})
    assert [(s.id, s.name) for s in journey.stages] == [("all-stages", "All stages")]
    assert [c.title for c in journey.cards_in_cell("all-stages", "opportunities")] == ["A", "B"]
    assert journey.card("o2").impact == 1


def test_a_record_merges_into_the_opportunity_card_of_its_stage_with_its_title():
    data = v2()
    data["cards"].append(
        {"id": "c9", "stage_id": "s2", "lane_id": "l-tp", "title": " show FEES upfront ",
         "kind": "opportunity", "owner": "Pricing"}
    )  # fmt: skip
    journey = load({**data, "opportunities": [RECORD]})
    assert not journey.has_card("o1") and "opportunities" not in journey.lanes.ids()
    card = journey.card("c9")  # keeps its id, title and place
    assert (card.title, card.lane_id) == (" show FEES upfront ", "l-tp")
    assert (card.description, card.owner) == ("On the first page", "Pricing")
    assert (card.impact, card.effort, card.pain_point_ids) == (5, 2, ("p1", "t1"))


def test_a_record_stays_a_card_of_its_own_when_merging_would_lose_something():
    same_title = {"stage_id": "s2", "lane_id": "l-tp", "title": "Show fees upfront"}
    cases = [
        {"id": "c9", **same_title, "kind": "opportunity", "owner": "Sales"},
        {"id": "c9", **same_title, "kind": "opportunity", "description": "Other words"},
        {"id": "c9", **same_title, "kind": "touchpoint"},
        {"id": "c9", **same_title, "stage_id": "s1", "kind": "opportunity"},
    ]
    for card in cases:
        data = v2()
        data["cards"].append(card)
        journey = load({**data, "opportunities": [RECORD]})
        assert journey.card("o1").title == "Show fees upfront", card
        assert journey.card("o1").owner == "Pricing"
        assert journey.card("c9").impact == 3
    # a record addressing the card it would merge into stays apart, as does a second one
    data = v2()
    data["cards"].append({"id": "c9", **same_title, "kind": "opportunity"})
    twice = [{**RECORD, "pain_point_ids": ["c9"]}, {**RECORD, "id": "o2"}, {**RECORD, "id": "o3"}]
    journey = load({**data, "opportunities": twice})
    assert journey.card("o1").pain_point_ids == ("c9",)
    assert journey.card("c9").impact == 5  # o2 merged
    assert journey.card("o3").impact == 5  # c9 was taken: o3 is a card of its own


def test_a_record_whose_id_a_card_has_takes_a_new_one():
    data = v2()
    record = {**RECORD, "id": "t1", "pain_point_ids": ["p1"]}
    journey = load({**data, "opportunities": [record, {**record, "title": "Other"}]})
    assert journey.card("t1").title == "Ad"
    assert journey.card("t1-2").title == "Show fees upfront"
    assert journey.card("t1-3").title == "Other"


def test_every_record_of_the_format_2_fixture_is_kept(tmp_path):
    raw = json.loads((VERSIONS / "format-2.journey").read_text("utf-8"))
    journey = load_journey(VERSIONS / "format-2.journey")
    kept = {c.id: c for c in opportunities(journey)}
    for record in raw["opportunities"]:
        card = kept[record["id"]]
        assert card.title == record["title"]
        assert card.impact == record.get("impact", 3) and card.effort == record.get("effort", 3)
        assert card.owner == record.get("owner", "")
        assert list(card.pain_point_ids) == record.get("pain_point_ids", [])
        assert card.stage_id == record.get("stage_id", journey.stages.ids()[0])
    # mapper upgrade writes them as cards, and the result loads to the same map
    path = tmp_path / "old.journey"
    path.write_bytes((VERSIONS / "format-2.journey").read_bytes())
    assert main(["upgrade", str(path)]) == 0
    saved = json.loads(path.read_text("utf-8"))
    assert "opportunities" not in saved
    assert sum(c.get("kind") == "opportunity" for c in saved["cards"]) == len(raw["opportunities"])
    assert dumps_journey(load_journey(path)) == dumps_journey(journey)


def test_an_empty_record_list_simply_goes():
    journey = load(v2(opportunities=[]))
    assert "opportunities" not in json.loads(dumps_journey(journey))
    assert journey.lanes.ids() == ["l-tp"]
