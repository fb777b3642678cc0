"""Every model operation and its exact reversal, compared as saved files."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.fileformat import dumps_journey
from mapper.model import (
    Action,
    Card,
    CardKind,
    Entity,
    Flow,
    JourneyMap,
    Lane,
    ModelError,
    ModelEvent,
    Persona,
    Presentation,
    Stage,
)


@pytest.fixture
def journey() -> JourneyMap:
    return sample_map()


def test_graph_is_the_live_store(journey):
    assert set(journey.graph.nodes) == {c.id for c in journey.cards()}
    assert journey.graph.has_edge("t1", "t2")
    assert journey.graph.edges["t4", "t2"]["flow"].label == "calls back"
    assert journey.graph.nodes["t1"]["card"].title == "Instagram ad"


def test_cards_come_in_document_order(journey):
    assert [c.id for c in journey.cards()] == ["a1", "t1", "o2", "t2", "t3", "p1", "o1", "t4"]
    journey.move(Entity.STAGE, "s3", 0)
    assert next(journey.cards()).id == "t4"


@pytest.mark.parametrize(
    ("do", "undo"),
    [
        (lambda j: j.insert(1, Stage("s9", "New")), lambda j, r: j.stages.remove("s9")),
        (lambda j: j.move(Entity.STAGE, "s1", 2), lambda j, r: j.move(Entity.STAGE, "s1", r)),
        (lambda j: j.update(Entity.STAGE, "s2", name="Buy", width=300.0), lambda j, r: j.update(Entity.STAGE, "s2", **r)),
        (lambda j: j.remove(Entity.STAGE, "s2"), lambda j, r: j.restore(r)),
        (lambda j: j.insert(0, Lane("l9", "Ideas")), lambda j, r: j.remove(Entity.LANE, "l9")),
        (lambda j: j.move(Entity.LANE, "l-pain", 0), lambda j, r: j.move(Entity.LANE, "l-pain", r)),
        (lambda j: j.update(Entity.LANE, "l-tp", hidden=True), lambda j, r: j.update(Entity.LANE, "l-tp", **r)),
        (lambda j: j.remove(Entity.LANE, "l-tp"), lambda j, r: j.restore(r)),
        (lambda j: j.insert(0, Card("n1", "s2", "l-tp", "New")), lambda j, r: j.remove(Entity.CARD, "n1")),
        (lambda j: j.move_cards(["t2"], "s3", "l-act", 0), lambda j, r: j.put_cards_back(r)),
        (lambda j: j.move_cards(["t3"], "s2", "l-tp", 0), lambda j, r: j.put_cards_back(r)),
        (lambda j: j.place_cards([(["t2", "t3"], "s1", "l-tp", 0), (["t1"], "s2", "l-tp", 1)]), lambda j, r: j.put_cards_back(r)),
        (lambda j: j.move_cards(["t3", "t2"], "s2", "l-tp", 1), lambda j, r: j.put_cards_back(r)),
        (lambda j: j.update(Entity.CARD, "t1", title="X", emotions={"maya": -2}), lambda j, r: j.update(Entity.CARD, "t1", **r)),
        (lambda j: j.remove(Entity.CARD, "t2"), lambda j, r: j.restore(r)),
        (lambda j: j.remove(Entity.CARD, "p1"), lambda j, r: j.restore(r)),
        (lambda j: j.add(Flow("f9", "a1", "t4")), lambda j, r: j.remove(Entity.FLOW, "f9")),
        (lambda j: j.update(Entity.FLOW, "f1", label="taps"), lambda j, r: j.update(Entity.FLOW, "f1", **r)),
        (lambda j: j.remove(Entity.FLOW, "f3"), lambda j, r: j.restore(r)),
        (lambda j: j.insert(0, Persona("p9", "Pat")), lambda j, r: j.remove(Entity.PERSONA, "p9")),
        (lambda j: j.move(Entity.PERSONA, "omar", 0), lambda j, r: j.move(Entity.PERSONA, "omar", r)),
        (lambda j: j.update(Entity.PERSONA, "maya", quote="Hi"), lambda j, r: j.update(Entity.PERSONA, "maya", **r)),
        (lambda j: j.remove(Entity.PERSONA, "maya"), lambda j, r: j.restore(r)),
        (lambda j: j.insert(0, Card("o9", "s3", "opportunities", "Idea", CardKind.OPPORTUNITY, pain_point_ids=("t4", "o1"))), lambda j, r: j.remove(Entity.CARD, "o9")),
        (lambda j: j.update(Entity.CARD, "o1", impact=1, effort=5), lambda j, r: j.update(Entity.CARD, "o1", **r)),
        (lambda j: j.update(Entity.CARD, "o2", pain_point_ids=("t4", "p1")), lambda j, r: j.update(Entity.CARD, "o2", **r)),
        (lambda j: j.remove(Entity.CARD, "o1"), lambda j, r: j.restore(r)),
        (lambda j: j.remove(Entity.LANE, "opportunities"), lambda j, r: j.restore(r)),
        (lambda j: j.remove(Entity.LANE, "l-pain"), lambda j, r: j.restore(r)),
        (lambda j: j.update_info(title="T", active_persona_id="omar"), lambda j, r: j.update_info(**r)),
        (lambda j: j.update_info(presentation=Presentation(("l-act",), ("omar",))), lambda j, r: j.update_info(**r)),
        (lambda j: (j.update_info(presentation=Presentation(("l-act",), ("omar",))), j.remove(Entity.LANE, "l-act"))[1],
         lambda j, r: (j.restore(r), j.update_info(presentation=Presentation()))),
        (lambda j: (j.update_info(presentation=Presentation((), ("omar",))), j.remove(Entity.PERSONA, "omar"))[1],
         lambda j, r: (j.restore(r), j.update_info(presentation=Presentation()))),
    ],
)  # fmt: skip
def test_operation_changes_the_map_and_its_reversal_restores_it(journey, do, undo):
    before = dumps_journey(journey)
    result = do(journey)
    after = dumps_journey(journey)
    assert after != before
    undo(journey, result)
    assert dumps_journey(journey) == before
    # and the graph is rebuilt exactly, not just the file text
    assert sorted(journey.graph.edges) == sorted(sample_map().graph.edges)


def test_removing_a_stage_takes_its_cards_flows_and_links(journey):
    journey.update(Entity.CARD, "o2", pain_point_ids=("p1", "a1"))
    removal = journey.remove(Entity.STAGE, "s2")
    assert {c.id for c in removal.cards} == {"t2", "t3", "p1", "o1"}
    assert {f.id for f in removal.flows} == {"f1", "f2", "f3", "f4"}
    assert journey.flow_count() == 0
    assert journey.card("o2").pain_point_ids == ("a1",)
    journey.restore(removal)
    assert journey.card("o2").pain_point_ids == ("p1", "a1")


def test_removing_a_card_drops_it_from_the_opportunities_that_address_it(journey):
    journey.update(Entity.CARD, "o2", pain_point_ids=("t2",))
    assert [c.id for c in journey.linked_by("t2")] == ["o2", "o1"]
    removal = journey.remove(Entity.CARD, "t2")
    assert journey.card("o1").pain_point_ids == ("p1",)
    assert journey.card("o2").pain_point_ids == ()
    assert journey.linked_by("t2") == []
    journey.restore(removal)
    assert journey.card("o1").pain_point_ids == ("p1", "t2")
    assert journey.card("o2").pain_point_ids == ("t2",)
    assert [c.id for c in journey.linked_by("t2")] == ["o2", "o1"]


def test_removing_a_lane_keeps_links_among_its_cards_and_drops_links_into_it(journey):
    journey.update(Entity.CARD, "o2", pain_point_ids=("o1",))  # a link inside the lane
    journey.update(Entity.CARD, "t4", pain_point_ids=("p1",))  # from outside into l-pain
    removal = journey.remove(Entity.LANE, "l-pain")
    assert journey.card("o1").pain_point_ids == ("t2",)
    assert journey.card("t4").pain_point_ids == ()
    journey.restore(removal)
    assert journey.card("o1").pain_point_ids == ("p1", "t2")
    assert journey.card("t4").pain_point_ids == ("p1",)
    removal = journey.remove(Entity.LANE, "opportunities")
    assert journey.linked_by("p1") == [journey.card("t4")]
    journey.restore(removal)  # o2 addresses o1, which comes after it: restored all the same
    assert journey.card("o2").pain_point_ids == ("o1",)
    assert {c.id for c in journey.linked_by("p1")} == {"o1", "t4"}


def test_removing_a_persona_drops_its_scores(journey):
    journey.remove(Entity.PERSONA, "maya")
    assert all("maya" not in c.emotions for c in journey.cards())
    assert journey.info.active_persona_id is None
    assert journey.active_persona().id == "omar"


def test_events_are_emitted_for_each_change(journey):
    seen = []
    unsubscribe = journey.events.subscribe(seen.extend)
    journey.update(Entity.CARD, "t1", title="Changed")
    journey.move_cards(["t1"], "s3", "l-tp", 0)
    journey.remove(Entity.FLOW, "f1")
    assert [(e.entity, e.action, e.id) for e in seen] == [
        (Entity.CARD, Action.UPDATED, "t1"),
        (Entity.CARD, Action.MOVED, "t1"),
        (Entity.FLOW, Action.REMOVED, "f1"),
    ]
    assert seen[0].fields == {"title"}
    unsubscribe()
    journey.update(Entity.CARD, "t1", title="Again")
    assert len(seen) == 3


def test_batched_events_arrive_together_once(journey):
    deliveries = []
    journey.events.subscribe(deliveries.append)
    with journey.events.batch():
        journey.remove(Entity.STAGE, "s2")
        with journey.events.batch():
            journey.update_info(title="x")
        assert deliveries == []
    assert len(deliveries) == 1
    assert deliveries[0][-2].entity is Entity.STAGE
    assert deliveries[0][-1].entity is Entity.MAP


def test_a_map_nobody_listens_to_makes_no_events_but_a_batch_still_delivers_them(
    journey, monkeypatch
):
    import mapper.model.journey as journey_module

    made = []

    def counting(*args):
        made.append(args)
        return ModelEvent(*args)

    monkeypatch.setattr(journey_module, "ModelEvent", counting)
    rebuilt = JourneyMap.from_snapshot(journey.snapshot())  # as loading a file builds one
    assert made == []
    deliveries = []
    with rebuilt.events.batch():
        rebuilt.update(Entity.CARD, "t1", title="Changed")
        rebuilt.events.subscribe(deliveries.append)  # in the batch: still told
    assert [(e.entity, e.id) for e in deliveries[0]] == [(Entity.CARD, "t1")]
    assert rebuilt.card("t1").title == "Changed"


@pytest.mark.parametrize(
    "bad",
    [
        lambda j: j.add(Flow("fx", "t1", "ghost")),
        lambda j: j.add(Flow("fx", "t1", "t1")),
        lambda j: j.add(Flow("fx", "t1", "t2")),
        lambda j: j.add(Flow("f1", "a1", "t4")),
        lambda j: j.add(Card("t1", "s1", "l-tp", "dup")),
        lambda j: j.add(Card("n", "nowhere", "l-tp", "x")),
        lambda j: j.add(Card("n", "s1", "l-tp", "x", channel="telepathy")),
        lambda j: j.add(Card("n", "s1", "l-tp", "x", emotions={"ghost": 1})),
        lambda j: j.update(Entity.CARD, "t1", emotions={"maya": 9}),
        lambda j: j.update(Entity.CARD, "t1", stage_id="s2"),
        lambda j: j.update(Entity.CARD, "t1", colour="red"),
        lambda j: j.update(Entity.STAGE, "s1", width=5.0),
        lambda j: j.update(Entity.CARD, "o1", impact=0),
        lambda j: j.update(Entity.CARD, "o1", effort=6),
        lambda j: j.update(Entity.CARD, "o1", pain_point_ids=("ghost",)),
        lambda j: j.update(Entity.CARD, "o1", pain_point_ids=("o1",)),
        lambda j: j.add(Card("n", "s1", "l-tp", "x", pain_point_ids=("ghost",))),
        lambda j: j.update_info(active_persona_id="ghost"),
        lambda j: j.add(Stage("s1", "dup")),
        lambda j: j.move_cards(["ghost"], "s1", "l-tp", 0),
    ],
)
def test_refused_operations_leave_the_map_untouched(journey, bad):
    before = dumps_journey(journey)
    nodes = set(journey.graph.nodes)
    with pytest.raises(ModelError):
        bad(journey)
    assert dumps_journey(journey) == before
    assert set(journey.graph.nodes) == nodes  # NetworkX must not grow phantom nodes


def test_derived_values(journey):
    t2 = journey.card("t2")
    assert t2.sentiment("maya").value == "pain"
    assert journey.card("t3").sentiment("maya").value == "love"
    assert journey.card("t1").confidence.value == "validated"
    assert journey.card("t4").confidence is None
    assert journey.stages.get("s2").effective_phase.value == "purchase"
    assert journey.card("o1").is_quick_win
    assert journey.card("o1").quadrant.value == "Quick win"
    assert journey.card("o2").quadrant.value == "Reconsider"
    assert journey.card("o1").priority > journey.card("o2").priority


def test_presentation_choices_follow_removed_lanes_and_personas(journey):
    journey.update_info(presentation=Presentation(("l-act",), ("omar",)))
    lane_removal = journey.remove(Entity.LANE, "l-act")
    persona_removal = journey.remove(Entity.PERSONA, "omar")
    assert journey.info.presentation == Presentation()
    journey.restore(persona_removal)
    journey.restore(lane_removal)
    assert journey.info.presentation == Presentation(("l-act",), ("omar",))
    with pytest.raises(ModelError):
        journey.update_info(presentation=Presentation(("ghost",)))


def test_a_map_rebuilt_from_a_snapshot_is_equal_and_independent(journey):
    copy = JourneyMap.from_snapshot(journey.snapshot())
    assert dumps_journey(copy) == dumps_journey(journey)
    journey.remove(Entity.CARD, "t1")
    assert copy.has_card("t1") and copy.graph.has_edge("t1", "t2")


def test_a_whole_map_loads_at_once_as_adding_each_card_and_flow_would(journey):
    snapshot = journey.snapshot()
    one_by_one = JourneyMap(snapshot.info)
    for group in (snapshot.personas, snapshot.stages, snapshot.lanes):
        for entity in group:
            one_by_one.add(entity)
    one_by_one.add_cards(snapshot.cards)
    for flow in snapshot.flows:
        one_by_one.add(flow)
    at_once = JourneyMap.from_snapshot(snapshot)
    assert dumps_journey(at_once) == dumps_journey(one_by_one)
    assert at_once.linked_by("p1") == one_by_one.linked_by("p1") != []
    assert at_once.flows() == one_by_one.flows()
    assert at_once.cell_cards("s1", "l-tp") == one_by_one.cell_cards("s1", "l-tp")


def _empty_like(journey: JourneyMap) -> JourneyMap:
    empty = JourneyMap(journey.info)
    for group in (journey.personas, journey.stages, journey.lanes):
        for entity in group:
            empty.add(entity)
    return empty


@pytest.mark.parametrize(
    "cards, flows",
    [
        (lambda cs: [*cs, cs[0]], lambda fs: fs),  # a card twice
        (lambda cs: cs, lambda fs: [*fs, Flow("fx", fs[0].source, fs[0].target)]),  # a pair
        (lambda cs: cs, lambda fs: [*fs, Flow(fs[0].id, "t1", "t3")]),  # a flow id twice
        (lambda cs: cs, lambda fs: [*fs, Flow("fx", "t1", "ghost")]),  # an end no card
        # a card twice and an end no card: the counts of the two would make up for each other
        (lambda cs: [*cs, cs[0]], lambda fs: [*fs, Flow("fx", "t1", "ghost")]),
        (lambda cs: cs, lambda fs: [*fs, Flow("fx", "t1", "t1")]),  # a card to itself
    ],
)
def test_a_map_that_is_not_whole_is_refused_by_a_load(journey, cards, flows):
    snapshot = journey.snapshot()
    with pytest.raises(ModelError, match="not a whole map"):
        _empty_like(journey).load(cards(list(snapshot.cards)), flows(list(snapshot.flows)))


def test_only_an_empty_map_no_one_hears_is_loaded_at_once(journey):
    snapshot = journey.snapshot()
    with pytest.raises(ModelError, match="only a new map"):
        journey.load(snapshot.cards, snapshot.flows)  # it has cards already
    heard = _empty_like(journey)
    heard.events.subscribe(lambda events: None)
    with pytest.raises(ModelError, match="only a new map"):
        heard.load(snapshot.cards, snapshot.flows)
