"""Opening a big map: time to the first painted frame, peak memory, then scrolling.

    python bench/bench_open_big.py [--cards 20000] [--runs 3] [--steps 40]

1. First frame: a fresh process opens a saved N-card synthetic map in the editor (read,
   validate, build the model, lay it out, build the canvas, show the window) and stops at
   the first paint of the canvas; its peak memory is the process's max RSS at that moment.
   The baseline is a fresh process showing a bare QMainWindow with an empty QGraphicsView
   (as in bench_canvas.py). Both include Python start-up and imports; medians of --runs,
   the ratio run by run. Targets at 20,000 cards: first frame <= 5 s, peak < 1.5 GB.
2. The rest of the map: after the first frame, what it left (the other cards, the flows
   and their labels, the emotion curves) comes on later turns of the event loop; the CPU
   ms of the longest turn until all is there (the editor answers no click meanwhile) and
   of all of them, and the wall ms until all is there.
3. Scrolling, in the same process, at the zoom the map opens at: at --steps places spread
   from the top to the bottom of the map, one mouse-wheel notch down and the repaint Qt
   schedules (what a user sees); median and 90th percentile ms per notch, wall clock and
   CPU (CPU is steadier on a busy machine). Flows are densest mid-map: every card leads to
   a random card of the next stage, so thousands of flows cross the view there. For
   reference the worst case too: a notch followed by a forced synchronous repaint of the
   whole viewport. Target: median < 50 ms a notch.
4. Hovering: the mouse moving over the map with no button held, at places spread over
   the map (Qt asks which item is under the pointer on every move); median ms per move.
Always exits 0: this is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIRST_FRAME_S, PEAK_MB, STEP_MS = 5.0, 1536, 50.0


def _rss_mb() -> float:
    """Peak resident memory of this process since it started. On Linux from VmHWM: the
    getrusage peak carries over from before exec, so a child of a parent holding a big
    map would report the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: str, steps: int) -> None:
    """Run in a fresh process; prints one JSON line."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    class Paints(QObject):
        count = 0
        first_ms: float | None = None
        first_cpu: float | None = None

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                if self.first_ms is None:
                    self.first_ms = (time.perf_counter() - START) * 1000
                    self.first_cpu = time.process_time() * 1000
                self.count += 1
            return False

    paints = Paints()
    if kind == "bare":
        from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMainWindow

        window = QMainWindow()
        view = QGraphicsView(QGraphicsScene())
        window.setCentralWidget(view)
    else:
        from mapper.ui.app import WindowManager, create_application

        app = create_application()
        window = WindowManager().open_path(path, None)
        view = window.view
    viewport = view.viewport()
    viewport.installEventFilter(paints)
    window.resize(1600, 1000)
    window.show()
    _wait_for_paint(app, paints, 0)
    result = {"first_ms": paints.first_ms, "first_cpu_ms": paints.first_cpu, "rss_mb": _rss_mb()}
    if kind != "bare":
        result.update(_rest(app, window.scene))
        result.update(_scroll(app, view, paints, steps))
        result.update(_hover(app, view, steps))
        result["items"] = len(window.scene.items())
        result["rss_after_mb"] = _rss_mb()
    print(json.dumps(result))


def _wait_for_paint(app, paints, before: int, limit_s: float = 60.0) -> None:
    end = time.perf_counter() + limit_s
    while paints.count == before and time.perf_counter() < end:
        app.processEvents()


def _rest(app, scene, limit_s: float = 120.0) -> dict:
    """Turns of the event loop until what the first frame left is all there."""
    turns, t0 = [], time.perf_counter()
    while scene.pending and time.perf_counter() - t0 < limit_s:
        c0 = time.process_time()
        app.processEvents()
        turns.append((time.process_time() - c0) * 1000)
    return {
        "rest_longest_ms": max(turns, default=0.0),
        "rest_cpu_ms": sum(turns),
        "rest_wall_ms": (time.perf_counter() - t0) * 1000,
    }


def _scroll(app, view, paints, steps: int) -> dict:
    """At ``steps`` places spread from the top to the bottom of the map: one wheel notch
    down and the repaint Qt schedules, then the same notch with a forced full repaint."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    viewport = view.viewport()
    bar = view.verticalScrollBar()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)

    def notch() -> None:
        event = QWheelEvent(
            centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
            QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        app.sendEvent(viewport, event)

    wall, cpu, full = [], [], []
    for i in range(steps):
        bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum() - 200) * i // max(steps - 1, 1))
        before = paints.count
        _wait_for_paint(app, paints, before)  # the jump itself is not timed
        before = paints.count
        t0, c0 = time.perf_counter(), time.process_time()
        notch()
        _wait_for_paint(app, paints, before)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        t0 = time.perf_counter()
        notch()
        viewport.repaint()  # worst case: the whole viewport, synchronously
        app.processEvents()
        full.append((time.perf_counter() - t0) * 1000)
    return {
        "zoom": view.transform().m11(),
        "scroll_ms": statistics.median(wall),
        "scroll_p90_ms": sorted(wall)[int(0.9 * len(wall))],
        "scroll_cpu_ms": statistics.median(cpu),
        "scroll_full_ms": statistics.median(full),
    }


def _hover(app, view, steps: int) -> dict:
    """Mouse moves with no button held at places spread over the map (Qt asks which item
    is under the pointer on every move: thousands of flows cross the middle of the map)."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    viewport = view.viewport()
    bar = view.verticalScrollBar()
    times = []
    for i in range(steps):
        bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum()) * i // max(steps - 1, 1))
        app.processEvents()
        for j in range(5):
            x = 40 + (i * 37 + j * 101) % max(viewport.width() - 80, 1)
            p = QPointF(x, viewport.height() / 2 + j * 7)
            event = QMouseEvent(
                QEvent.Type.MouseMove, p, QPointF(viewport.mapToGlobal(p.toPoint())),
                Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip
            t0 = time.perf_counter()
            app.sendEvent(viewport, event)
            app.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
    return {
        "hover_ms": statistics.median(times),
        "hover_p90_ms": sorted(times)[int(0.9 * len(times))],
    }


def run_child(kind: str, path: Path, steps: int) -> dict:
    env = {**os.environ, "MAPPER_DATA_DIR": tempfile.mkdtemp()}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), "--steps", str(steps)],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def report(cards: int, path: Path, runs: int, steps: int) -> None:
    bare, mine = [], []
    for _ in range(runs):
        bare.append(run_child("bare", path, steps))
        mine.append(run_child("mapper", path, steps))

    def med(results: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in results)

    first, peak = med(mine, "first_ms"), med(mine, "rss_mb")
    pairs = zip(mine, bare, strict=True)
    ratio = statistics.median(m["first_ms"] / b["first_ms"] for m, b in pairs)
    print(f"first paint, bare QGraphicsView : {med(bare, 'first_ms'):8.1f} ms, "
          f"max RSS {med(bare, 'rss_mb'):.0f} MB (median of {runs})")  # fmt: skip
    print(f"first paint, {cards} cards     : {first:8.1f} ms "
          f"(CPU {med(mine, 'first_cpu_ms'):.0f} ms), max RSS {peak:.0f} MB, "
          f"{mine[0]['items']} scene items")  # fmt: skip
    verdict = "PASS" if first <= FIRST_FRAME_S * 1000 and peak < PEAK_MB else "MISS"
    print(f"  ratio {ratio:.1f}x the bare window; target <= {FIRST_FRAME_S:.0f} s and "
          f"< {PEAK_MB / 1024:.1f} GB: {verdict}")  # fmt: skip
    print(f"the rest of the map after the first frame: longest turn "
          f"{med(mine, 'rest_longest_ms'):.0f} ms CPU, all turns {med(mine, 'rest_cpu_ms'):.0f} "
          f"ms CPU, all there {med(mine, 'rest_wall_ms'):.0f} ms later")  # fmt: skip
    step = med(mine, "scroll_ms")
    print(f"scroll one wheel notch at {mine[0]['zoom']:.2f} zoom: {step:.1f} ms median "
          f"(p90 {med(mine, 'scroll_p90_ms'):.1f} ms, CPU {med(mine, 'scroll_cpu_ms'):.1f} ms) "
          f"over {steps} steps; target < {STEP_MS:.0f} ms: "
          f"{'PASS' if step < STEP_MS else 'MISS'}")  # fmt: skip
    print(f"  worst case, scroll + forced full repaint: {med(mine, 'scroll_full_ms'):.1f} ms")
    print(f"hover, mouse move over the map: {med(mine, 'hover_ms'):.2f} ms median "
          f"(p90 {med(mine, 'hover_p90_ms'):.2f} ms)")  # fmt: skip
    print(f"max RSS after scrolling: {med(mine, 'rss_after_mb'):.0f} MB")


def compile_mapper() -> None:
    """Byte-compile the package as a user's first start does (see bench_canvas.py)."""
    import compileall

    import mapper

    compileall.compile_dir(Path(mapper.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--map", type=Path, help="open this file instead of a synthetic map")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.steps)
        return
    compile_mapper()
    path = args.map
    if path is None:
        from mapper.fileformat import save_journey
        from synthetic import make_map

        path = Path(tempfile.mkdtemp()) / f"bench-{args.cards}.journey"
        save_journey(make_map(args.cards), path)
    print(f"map: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    report(args.cards, path, args.runs, args.steps)


START = time.perf_counter()

if __name__ == "__main__":
    main()
