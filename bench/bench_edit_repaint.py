"""What the repaint after an edit costs in a view of a big map.

    python bench/bench_edit_repaint.py [--cards 1000 5000] [--runs 8]

The edit benchmarks (bench_edits.py, bench_edit_layers.py) time the edit alone: the model,
the layout and the scene's items. The view repaints afterwards, on the next turn of the
event loop, and that is UI-thread time too. Here a 1600 x 900 view of the synthetic map, a
third of the way down, at 100 % (flows drawn with a 1.6-px antialiased pen) and at 50 %
(one-pixel lines), times each edit and then the event processing that repaints the view,
in CPU ms of this process, medians. A repaint strokes a few hundred curves in full and
draws the rest of the tiles with one-pixel lines, drawn in full on later turns of the event
loop (canvas.flow_tiles): that later time is printed too. The baselines, measured in the
same run on the same view: a repaint with nothing changed (the flows' tiles kept, as when
scrolling back), and a repaint with every flow tile drawn again in full at once (what an
edit that changes more than a few dozen flows made the view do before). No target yet:
this shows what the edit targets leave out.
Prints peak memory; always exits 0.
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


def cpu_ms(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def run(cards: int, zoom: float, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from big_map_edits import BigMapEdits
    from mapper.canvas import flow_tiles
    from mapper.canvas.scene import JourneyScene
    from mapper.canvas.view import JourneyView
    from mapper.document import Document
    from mapper.gcpause import keep_heap
    from synthetic import make_map

    app = QApplication.instance()
    journey = make_map(cards)
    document = Document(journey)
    scene = JourneyScene(document)
    view = JourneyView(scene)
    view.resize(1600, 900)
    view.show()
    view.set_zoom(zoom)
    scene.complete()
    view.centerOn(scene.sceneRect().center().x(), scene.sceneRect().height() / 3)
    app.processEvents()
    keep_heap()  # as the editor does once a map's window is open (see mapper.gcpause)
    viewport = view.viewport()

    tiles = scene.flow_layer.item

    def redrawn() -> None:  # every flow tile drawn again, as after an edit of many flows
        tiles.forget()
        viewport.repaint()

    turns: list[float] = []  # the longest turn of each settling

    def settled() -> None:  # the tiles drawn with one-pixel lines first, drawn in full
        longest = 0.0
        while tiles.rough:
            longest = max(longest, cpu_ms(app.processEvents))
        turns.append(longest)

    warm = statistics.median(cpu_ms(viewport.repaint) for _ in range(runs))
    budget, flow_tiles.FULL_STROKES = flow_tiles.FULL_STROKES, sys.maxsize
    cold = statistics.median(cpu_ms(redrawn) for _ in range(runs))
    flow_tiles.FULL_STROKES = budget
    edits = BigMapEdits(document)
    rows = []
    for name, edit in (("move a card to another cell", edits.move_to_another_cell),
                       ("undo / redo a 100-card paste", None)):  # fmt: skip
        if edit is None:
            document.push(edits.paste_100())
            app.processEvents()
            stack = document.undo_stack
            steps = [stack.undo, stack.redo] * max(1, runs // 2)
        else:
            steps = [edit] * runs
        pushed, painted, settling = [], [], []
        for step in steps:
            pushed.append(cpu_ms(step))
            painted.append(cpu_ms(app.processEvents))
            settling.append(cpu_ms(settled))
        rows.append((name, *(statistics.median(t) for t in (pushed, painted, settling)),
                     max(turns, default=0.0)))  # fmt: skip
        turns.clear()
    print(f"{cards} cards, {journey.flow_count()} flows, a 1600 x 900 view at {zoom:.0%}; "
          f"CPU ms, medians of {runs}")  # fmt: skip
    print(f"  repaint, nothing changed       {warm:8.1f}")
    print(f"  repaint, every flow tile again in full {cold:8.1f}   ({cold / warm:.1f}x)")
    for name, push, paint, settle, turn in rows:
        print(f"  {name:<30} {push:8.1f} edit + {paint:8.1f} repaint"
              f"   (the repaint {paint / push:.1f}x the edit; then {settle:.1f} on later"
              f" turns till every line is drawn in full, the longest {turn:.1f})")  # fmt: skip
    view.close()
    scene.detach()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841 - the view needs one
    for cards in args.cards:
        for zoom in (1.0, 0.5):
            run(cards, zoom, args.runs)
            gc.collect()  # one map's scene goes before the next is built
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
