"""A map's cards and flows as a directed graph (cards are nodes, flows are edges), kept in
the very dicts a NetworkX ``DiGraph`` keeps its nodes and edges in: a node's attributes
(``{"card": card}``), each node's successors and predecessors, one data dict per edge
(``{"flow": flow}``) shared by both. :meth:`CardGraph.networkx` wraps those dicts in a
``DiGraph`` without copying them, so NetworkX's algorithms see the map as it is after
every later change.

NetworkX is imported by that first call, not with the model: importing it costs about
100 ms (it loads every algorithm it has and looks through the installed packages for
backends), a third of the first frame of a big map and most of a small one's, and opening
or editing a map needs none of its algorithms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper.model.entities import Card, Flow

if TYPE_CHECKING:
    import networkx as nx


class CardGraph:
    """Cards by id and the flows between them. It checks nothing: the map checks an edit
    before it makes it (ids new, ends known, no flow to itself or twice)."""

    __slots__ = ("_networkx", "nodes", "predecessors", "successors")

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Card]] = {}
        self.successors: dict[str, dict[str, dict[str, Flow]]] = {}
        self.predecessors: dict[str, dict[str, dict[str, Flow]]] = {}
        self._networkx: nx.DiGraph | None = None

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.nodes

    def card(self, card_id: str) -> Card:
        """The card with that id (KeyError: none)."""
        return self.nodes[card_id]["card"]

    def flow(self, source: str, target: str) -> Flow:
        """The flow from ``source`` to ``target`` (KeyError: none)."""
        return self.successors[source][target]["flow"]

    def has_flow(self, source: str, target: str) -> bool:
        ends = self.successors.get(source)
        return ends is not None and target in ends

    def flow_count(self) -> int:
        return sum(map(len, self.successors.values()))

    def flows_of(self, card_id: str) -> list[Flow]:
        """The flows into the card, then those out of it (none: not a card)."""
        ends = (*self.predecessors.get(card_id, {}).values(),
                *self.successors.get(card_id, {}).values())  # fmt: skip
        return [data["flow"] for data in ends]

    def add_card(self, card: Card) -> None:
        self.nodes[card.id] = {"card": card}
        self.successors[card.id] = {}
        self.predecessors[card.id] = {}

    def set_card(self, card: Card) -> None:
        """``card`` in place of the card with its id."""
        self.nodes[card.id]["card"] = card

    def remove_card(self, card_id: str) -> None:
        """Remove the card and the flows still into or out of it."""
        for target in self.successors.pop(card_id):
            del self.predecessors[target][card_id]
        for source in self.predecessors.pop(card_id):
            del self.successors[source][card_id]
        del self.nodes[card_id]

    def add_flow(self, flow: Flow) -> None:
        data = {"flow": flow}  # one dict for both directions, as NetworkX keeps an edge
        self.successors[flow.source][flow.target] = data
        self.predecessors[flow.target][flow.source] = data

    def set_flow(self, flow: Flow) -> None:
        """``flow`` in place of the flow between its ends."""
        self.successors[flow.source][flow.target]["flow"] = flow

    def remove_flow(self, source: str, target: str) -> None:
        del self.successors[source][target]
        del self.predecessors[target][source]

    def load(self, cards: Sequence[Card], flows: Sequence[Flow]) -> bool:
        """Add a whole map's cards and flows at once; False if they are not one: a repeated
        card id, a flow whose end is no card or that leads to its own card, two flows
        between the same cards (what was added stays, for the caller to drop)."""
        nodes, successors, predecessors = self.nodes, self.successors, self.predecessors
        count = len(nodes)
        for card in cards:
            nodes[card.id] = {"card": card}
            successors[card.id] = {}
            predecessors[card.id] = {}
        if len(nodes) != count + len(cards):
            return False
        for flow in flows:
            source, target = flow.source, flow.target
            ends, starts = successors.get(source), predecessors.get(target)
            if ends is None or starts is None or source == target or target in ends:
                return False
            ends[target] = starts[source] = {"flow": flow}
        return True

    def networkx(self) -> nx.DiGraph:
        """The graph as a NetworkX ``DiGraph`` over these very dicts (made once): what it
        reads follows every later change. Changed through the map only: a change made on
        the ``DiGraph`` would bypass the map's indexes and checks."""
        if self._networkx is None:
            import networkx as nx

            graph: nx.DiGraph = nx.DiGraph()
            own: Any = graph  # (its dicts are not in its typed interface)
            own._node = self.nodes
            own._adj = self.successors  # (NetworkX's setter makes it _succ too)
            own._pred = self.predecessors
            # it caches converted copies for backends, cleared by its own methods only
            own.__networkx_cache__ = None
            self._networkx = graph
        return self._networkx
