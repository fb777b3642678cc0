"""No import cycles in Mapper, type-only imports included: items reach the scene through a
protocol, never by importing it; a helper names what it is handed by its shape (a Protocol
or a base class) rather than importing the module that calls it."""

from __future__ import annotations

import copy

import grimp
import pytest


def cycles(graph, package: str) -> list[list[str]]:
    """Every module of ``package`` that reaches itself through imports inside it."""
    modules = {m for m in graph.find_descendants(package)} | {package}
    edges = {
        m: {n for n in graph.find_modules_directly_imported_by(m) if n in modules} for m in modules
    }
    found = []
    for start in sorted(modules):
        path, seen = [start], {start}
        stack = [iter(sorted(edges[start]))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                path.pop()
                continue
            if nxt == start:
                found.append([*path, start])
                break
            if nxt not in seen:
                seen.add(nxt)
                path.append(nxt)
                stack.append(iter(sorted(edges[nxt])))
    return found


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("mapper")  # counts imports under TYPE_CHECKING too


def test_no_module_reaches_itself(graph):
    assert cycles(graph, "mapper") == []


def test_the_cycle_finder_finds_a_cycle(graph):
    graph = copy.deepcopy(graph)
    graph.add_import(importer="mapper.canvas.card_item", imported="mapper.canvas.scene")
    assert any("mapper.canvas.card_item" in c for c in cycles(graph, "mapper.canvas"))


def test_items_do_not_import_the_scene(graph):
    for item in ("card_item", "header_items", "emotion_items", "flow_item"):
        module = f"mapper.canvas.{item}"
        assert not graph.chain_exists(module, "mapper.canvas.scene"), module
