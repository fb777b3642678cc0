"""What the emotion lane costs on a big map: its curves, points and the active persona's
ghost points (one per unscored card).

    python bench/bench_emotion.py [--cards 5000] [--personas 3] [--runs 15]

The synthetic map gets an emotion lane; most of its cards are not scored by the active
persona, so it shows thousands of ghost points. The baseline, measured in the same run, is
the same scene without ghost points. Measured: building the scene; two edits (scoring a
card, which makes the ghosts again, and a card title edit, which keeps them); a repaint of
the whole map (fitted) and of a 1600 x 900 view on the lane at 100 %, with the number of
Python paint calls the emotion items make per repaint. Target: ghosts add at most 20 % to
an edit and to a repaint. Prints PASS/MISS and peak memory; always exits 0.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_edits import median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--personas", type=int, default=3)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsView

    from mapper.canvas import emotion_items
    from mapper.canvas.emotion_layer import EmotionLayer
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document
    from mapper.edits import Update, intents
    from mapper.model import Entity, Lane, LaneKind
    from synthetic import make_map

    app = QApplication([])  # noqa: F841 - the scene needs one
    journey = make_map(args.cards, personas=args.personas)
    journey.add(Lane("emotion", "Emotion", LaneKind.EMOTION))
    active = journey.active_persona()
    assert active is not None
    cards = list(journey.cards())
    unscored = [c for c in cards if active.id not in c.emotions]
    print(f"{len(cards)} cards, {args.personas} personas; {len(unscored)} unscored by the "
          f"active one (ghost points); medians of {args.runs}")  # fmt: skip

    paints = {"calls": 0}
    kinds: list[type] = [emotion_items.EmotionPointItem, emotion_items.GhostRowItem]
    try:  # a stage's points drawn by one item (a Mapper from before: a point per card)
        from mapper.canvas.point_rows import PointRowItem

        kinds.append(PointRowItem)
    except ImportError:
        pass
    for cls in kinds:
        original = cls.paint

        def counted(self, *a, _original=original, **k):
            paints["calls"] += 1
            return _original(self, *a, **k)

        cls.paint = counted  # type: ignore[method-assign]

    no_ghosts = lambda self, active_id, everything: None  # noqa: E731
    with_ghosts = EmotionLayer._sync_ghosts

    def measure(ghosts: bool) -> dict[str, float]:
        EmotionLayer._sync_ghosts = with_ghosts if ghosts else no_ghosts  # type: ignore[method-assign]
        document = Document(journey)
        start = time.perf_counter()
        scene = JourneyScene(document)
        build = (time.perf_counter() - start) * 1000
        rows = len(scene.ghost_rows())
        probe = unscored[len(unscored) // 2]
        toggle = iter(range(10**9))

        def score() -> None:  # a ghost dragged to a score, then the score cleared
            step = next(toggle) % 2
            value = 2 if step == 0 else None
            document.push(intents.set_emotion(journey, probe.id, active.id, value))

        def title() -> None:
            text = f"Renamed {next(toggle)}"
            document.push(Update(journey, Entity.CARD, probe.id, {"title": text}))

        result = {"build": build, "rows": rows}
        result["score"] = median_ms(score, args.runs)
        result["title"] = median_ms(title, args.runs)
        view = QGraphicsView(scene)
        view.resize(1600, 900)
        lane = scene.layout.emotion_lane
        assert lane is not None

        def repaint(area: QRectF, size: tuple[int, int]) -> tuple[float, int]:
            image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
            times, calls = [], 0
            for _ in range(args.runs):
                image.fill(0xFFFFFFFF)
                paints["calls"] = 0
                start = time.perf_counter()
                painter = QPainter(image)
                scene.render(painter, QRectF(image.rect()), area)
                painter.end()
                times.append((time.perf_counter() - start) * 1000)
                calls = paints["calls"]
            return statistics.median(times), calls

        whole = scene.sceneRect()
        result["fit"], result["fit_calls"] = repaint(whole, (1600, 900))
        window = QRectF(lane.row.x + 160, lane.row.center[1] - 450, 1600, 900)
        result["view"], result["view_calls"] = repaint(window, (1600, 900))
        scene.detach()
        document.undo_stack.clear()
        return result

    base = measure(ghosts=False)
    ghosts = measure(ghosts=True)
    EmotionLayer._sync_ghosts = with_ghosts  # type: ignore[method-assign]
    print(f"  scene built                 {ghosts['build']:8.1f} ms   without ghosts "
          f"{base['build']:8.1f} ms ({ghosts['build'] / base['build']:.2f}x); "
          f"{ghosts['rows']:.0f} ghost items (one per stage)")  # fmt: skip
    measured = (
        ("score", "score a card (ghosts anew)"),
        ("title", "card title edit"),
        ("fit", "repaint, whole map"),
        ("view", "repaint, 1600x900 at 100%"),
    )
    for key, label in measured:
        ratio = ghosts[key] / max(base[key], 1e-6)
        ok = ratio <= 1.2
        calls = ""
        if key in ("fit", "view"):
            calls = (
                f"; emotion paint calls {ghosts[key + '_calls']:.0f} vs {base[key + '_calls']:.0f}"
            )
        print(f"  {label:<27} {ghosts[key]:8.2f} ms   without ghosts {base[key]:8.2f} ms "
              f"({ratio:.2f}x){calls}   target <= 1.2x: {'PASS' if ok else 'MISS'}")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
