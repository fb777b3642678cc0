"""Autosave cost on the UI thread, for a 1,000- and a 5,000-touchpoint map.

    python bench/bench_autosave.py

Mapper's autosave takes an immutable snapshot on the UI thread and leaves JSON building and
writing to a background thread. Measured: the UI-thread part (``Autosaver.save_now``), the
background part, and as the baseline a naive autosave that serialises and writes on the UI
thread (``json.dumps`` of the same data plus the write). Target: under 50 ms on the UI
thread at 1,000 touchpoints. Always exits 0: this is not a test.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    from PySide6.QtCore import QCoreApplication

    from mapper.document import Document
    from mapper.fileformat.convert import journey_to_plain
    from mapper.recovery import RecoveryStore
    from mapper.recovery.autosave import Autosaver, wait_for_writes
    from synthetic import make_map

    QCoreApplication([])
    folder = Path(tempfile.mkdtemp())
    for size in (1_000, 5_000):
        document = Document(make_map(size))
        document.undo_stack.resetClean()
        saver = Autosaver(document, RecoveryStore(folder / "recovery"))
        ui, total, naive = [], [], []
        for _ in range(7):
            t0 = time.perf_counter()
            saver.save_now()
            t1 = time.perf_counter()
            wait_for_writes()
            t2 = time.perf_counter()
            ui.append((t1 - t0) * 1000)
            total.append((t2 - t0) * 1000)
            t0 = time.perf_counter()
            text = json.dumps(journey_to_plain(document.journey), indent=2)
            (folder / "naive.journey").write_text(text, "utf-8")
            naive.append((time.perf_counter() - t0) * 1000)
        u, t, n = (statistics.median(x) for x in (ui, total, naive))
        verdict = "PASS" if u < 50 else "MISS"
        print(f"{size:>6,} touchpoints: UI thread {u:6.1f} ms ({u / n:.2f}x a naive UI-thread "
              f"save of {n:.1f} ms), background write {t - u:6.1f} ms; "
              f"target < 50 ms on the UI thread: {verdict}")  # fmt: skip
        saver.close()
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
