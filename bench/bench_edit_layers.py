"""Where one edit of a big map spends its UI-thread time, layer by layer: the layout, the
flow labels, the flows on the canvas (their labels left out, the flow layer settling its
chunks once they have their routes included), the cards and the emotion lane's items.

    python bench/bench_edit_layers.py [--cards 5000] [--runs 15]

The same edits as bench_edits.py (a title that re-wraps, a card moved to another cell,
undo and redo of a 100-card paste), each timed in CPU time of this process (steadier than
wall time while other programs run), with the collector as the editor runs it. The
baseline, measured in the same run, is each edit followed by the old full relayout.
Measured on the synthetic map as it is, then on the same map with an emotion lane.
Also prints how many flows an undo of the paste routed again and how many of those only
moved (a row moved down whole, see ``MapLayout.shifts_since``). Always exits 0.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

LAYERS = ("layout", "labels", "flows", "cards", "emotion")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    import mapper.canvas.emotion_layer as emotion_layer_module
    import mapper.canvas.flow_layer as flow_layer_module
    import mapper.canvas.scene as scene_module
    import mapper.layout.labels as labels_module
    from big_map_edits import BigMapEdits
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document
    from mapper.gcpause import keep_heap
    from synthetic import make_map

    spent: dict[str, float] = {}
    inside: list[str] = []  # the layers being timed, outermost first

    def timed(module: object, name: str, layer: str) -> None:
        real = getattr(module, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            if inside and layer == "settle":  # counted already, in what called it
                return real(*args, **kwargs)
            inside.append(layer)
            start = time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                spent[layer] = spent.get(layer, 0.0) + time.process_time() - start
                inside.pop()

        setattr(module, name, wrapper)

    timed(scene_module, "compute_layout", "layout")
    # looked up by the canvas when used (a Mapper from before update_labels: flow_labels)
    placing = "update_labels" if hasattr(labels_module, "update_labels") else "flow_labels"
    timed(labels_module, placing, "labels")
    timed(scene_module, "sync_flows", "flows")  # labels included: taken off below
    timed(scene_module, "sync_cards", "cards")
    # the flow layer settles its chunks once the flows have their routes: a flows' cost
    timed(flow_layer_module.FlowLayer, "flush", "settle")
    timed(emotion_layer_module.EmotionLayer, "sync", "emotion")

    def run(emotion_lane: bool) -> None:
        journey = make_map(args.cards, emotion_lane=emotion_lane)
        document = Document(journey)
        scene = JourneyScene(document)
        keep_heap()
        edits = BigMapEdits(document)
        title_rewrap, move_to_another_cell = edits.title_rewrap, edits.move_to_another_cell

        def measure(action: Callable[[], object], runs: int) -> dict[str, float]:
            rows = []
            for _ in range(runs):
                spent.clear()
                start = time.process_time()
                action()
                total = time.process_time() - start
                flows = (
                    spent.get("flows", 0.0) - spent.get("labels", 0.0) + spent.get("settle", 0.0)
                )
                rows.append({"total": total, **spent, "flows": flows})
            keys = ("total", *LAYERS)
            return {k: statistics.median(row.get(k, 0.0) for row in rows) * 1000 for k in keys}

        def full(action: Callable[[], object]) -> Callable[[], object]:
            return lambda: (action(), scene.sync(force=True))

        stack = document.undo_stack
        results = [
            ("card title edit (re-wrap)", title_rewrap, full(title_rewrap)),
            ("move a card to another cell", move_to_another_cell, full(move_to_another_cell)),
        ]
        lane = "with an emotion lane" if emotion_lane else "no emotion lane"
        print(f"{args.cards} cards, {journey.flow_count()} flows, {lane}; CPU ms, "
              f"medians of {args.runs}")  # fmt: skip
        print(f"  {'':<30} {'total':>7} " + " ".join(f"{k:>7}" for k in LAYERS))

        def show(name: str, ours: dict[str, float], base: dict[str, float]) -> None:
            print(
                f"  {name:<30} {ours['total']:7.1f} " + " ".join(f"{ours[k]:7.1f}" for k in LAYERS)
            )
            print(
                f"  {'  full relayout':<30} {base['total']:7.1f} "
                + " ".join(f"{base[k]:7.1f}" for k in LAYERS)
                + f"   ({base['total'] / ours['total']:.1f}x)"
            )

        for name, action, baseline in results:
            show(name, measure(action, args.runs), measure(baseline, max(3, args.runs // 3)))
        document.push(edits.paste_100())
        before = scene.layout
        stack.undo()
        says = getattr(scene.layout, "shifts_since", None)  # None: a Mapper from before it
        found = says(before) if says is not None else None
        stack.redo()
        runs = max(3, args.runs // 2)
        undo = measure(lambda: (stack.undo(), stack.redo()), runs)  # a pair: the map stays
        undo_full = measure(lambda: (stack.undo(), scene.sync(force=True), stack.redo()), 3)
        show("undo + redo a 100-card paste", undo, undo_full)
        if found is not None:
            rerouted, shifts = found
            print(
                f"  undo of the paste: {len(rerouted)} flows routed again, {len(shifts)} only moved"
            )

    app = QApplication([])  # noqa: F841 - the scene needs one
    for emotion_lane in (False, True):
        run(emotion_lane)
        gc.collect()  # the first map's scene goes before the second is built
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
