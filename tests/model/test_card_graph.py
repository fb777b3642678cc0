"""The map's cards and flows as NetworkX sees them (``JourneyMap.graph``): a DiGraph over
the map's own dicts, taken once, that follows every later edit and its undo; and NetworkX
is loaded by that first look only, not by opening, editing, laying out or saving a map."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx

import mapper
from factories import synthetic_map
from mapper.document import Document
from mapper.edits import Insert, MoveCards, Remove, Update
from mapper.model import Card, Entity, Flow, JourneyMap


def _rebuilt(journey: JourneyMap) -> nx.DiGraph:
    """The graph NetworkX would make from the map's cards and flows."""
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from((card.id, {"card": card}) for card in journey.cards())
    graph.add_edges_from((f.source, f.target, {"flow": f}) for f in journey.flows())
    return graph


def _assert_same(view: nx.DiGraph, journey: JourneyMap) -> None:
    expected = _rebuilt(journey)
    assert nx.utils.graphs_equal(view, expected)  # nodes, edges and their data
    assert dict(view.in_degree()) == dict(expected.in_degree())  # predecessors too
    start = next(iter(expected))
    assert nx.descendants(view, start) == nx.descendants(expected, start)


def test_the_networkx_graph_follows_every_edit_and_its_undo():
    document = Document(synthetic_map(120, seed=3))
    journey = document.journey
    view = journey.graph  # taken once, before the edits
    assert journey.graph is view
    _assert_same(view, journey)
    cards = list(journey.cards())
    first, last = cards[0], cards[-1]
    stage, lane = journey.stages.ids()[-1], journey.lanes.ids()[0]
    flow = journey.flows()[0]
    edits = [
        Insert(journey, Entity.CARD, 0, Card("new", stage, lane, "New")),
        Insert(journey, Entity.FLOW, 0, Flow("new-flow", first.id, "new", "there")),
        Update(journey, Entity.FLOW, flow.id, {"label": "relabelled"}),
        Update(journey, Entity.CARD, last.id, {"title": "Retitled"}),
        MoveCards(journey, [first.id, last.id], stage, lane, 1),
        Remove(journey, Entity.CARD, flow.target),  # with the flows into and out of it
        Remove(journey, Entity.FLOW, "new-flow"),
        Remove(journey, Entity.STAGE, journey.stages.ids()[0]),  # with its cards
    ]
    for edit in edits:
        document.push(edit)
        _assert_same(view, journey)
    assert "new" in view and view.nodes["new"]["card"].title == "New"
    for _ in edits:
        document.undo_stack.undo()
        _assert_same(view, journey)
    for _ in edits:
        document.undo_stack.redo()
        _assert_same(view, journey)


def test_a_map_loaded_whole_is_the_same_graph_as_one_built_card_by_card():
    journey = synthetic_map(200, seed=5)
    copy = JourneyMap.from_snapshot(journey.snapshot())  # loaded at once
    _assert_same(copy.graph, journey)
    assert copy.flow_count() == journey.flow_count() == copy.graph.number_of_edges()


# opening, editing, laying out and saving a map use no graph algorithm: NetworkX, about
# 100 ms to import, stays unloaded until one is asked
WITHOUT_NETWORKX = """
import sys
sys.path.insert(0, sys.argv[2])
from factories import sample_map
from mapper.document import Document
from mapper.edits import Insert, MoveCards, Remove
from mapper.fileformat import load_journey, save_journey
from mapper.layout import compute_layout
from mapper.model import Entity, Flow

journey = sample_map()
save_journey(journey, sys.argv[1])
document = Document(load_journey(sys.argv[1]))
journey = document.journey
stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
document.push(Insert(journey, Entity.FLOW, 0, Flow("f-new", "t3", "t1")))
document.push(MoveCards(journey, ["t3"], stage, lane, 0))
document.push(Remove(journey, Entity.CARD, "t2"))
document.undo_stack.undo()
compute_layout(journey)
save_journey(journey, sys.argv[1])
print("networkx" in sys.modules)
journey.graph
print("networkx" in sys.modules)
"""


def test_opening_editing_and_saving_a_map_leave_networkx_unloaded(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1]),
           "MAPPER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    tests = str(Path(__file__).parents[1])
    command = [sys.executable, "-c", WITHOUT_NETWORKX, str(tmp_path / "m.journey"), tests]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
