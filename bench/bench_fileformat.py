"""How fast `.journey` files load and save, against plain `json`.

    /tmp/venv/bin/python bench/bench_fileformat.py [--sizes 100 1000 5000] [--repeat 7] [--profile]
    /tmp/venv/bin/python bench/bench_fileformat.py --hostile   # memory of refusing bad files

For each size a synthetic map (bench/synthetic.py, seed 0) is saved to a temporary file, then:

* load      ``mapper.fileformat.load_journey(path)`` of a file this Mapper has not opened or
            written before: read, strict parse, upgrade, pydantic validation, reference
            checks, building the live model and its graph (a file known valid skips the
            validation: "load, known valid" among the steps);
  json.loads  ``json.loads(path.read_bytes())``. Both include reading the file.
* save      ``mapper.fileformat.save_journey(journey, path)``: model -> dict, ``json.dumps``
            (indent=2, ensure_ascii=False), an atomic write (temp file, fsync, rename, fsync
            of the folder);
  json.dumps  ``json.dumps(data, indent=2)`` of the same, already converted dict, written with
            a plain ``open().write()`` (no fsync). Both include writing the file.

Times are the best of ``--repeat`` runs (time.perf_counter, a gc.collect() before each).
Memory: the tracemalloc peak of one load (and of one json.loads, for scale), and the
process's max RSS so far (resource.getrusage). The script prints PASS/MISS against the
targets but always exits 0: a benchmark is not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from mapper.fileformat import load_journey, save_journey
from mapper.fileformat.build import journey_from_plain
from mapper.fileformat.convert import check_references, journey_to_plain
from mapper.fileformat.io import write_atomic
from mapper.fileformat.jsonparse import parse_json_bytes
from mapper.fileformat.migrations import upgrade
from mapper.fileformat.schema import JourneyFile
from synthetic import make_map

SIZES = (100, 1_000, 5_000)
LOAD_RATIO_MAX = 8.0  # load within 8x json.loads
SAVE_RATIO_MAX = 4.0  # save within 4x json.dumps + write
ABSOLUTE_MAX_MS = 1_000.0  # both well under a second at the largest size


def first_load(path: Path) -> object:
    """A load of a file this Mapper has not validated or written before: with a data folder
    of its own, nothing is known valid (see mapper.fileformat.trust)."""
    os.environ["MAPPER_DATA_DIR"] = tempfile.mkdtemp()
    return load_journey(path)


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def traced_peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak / 1e6


def max_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1e6 if sys.platform == "darwin" else rss * 1024 / 1e6


def plain_write(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, indent=2))


def measure(size: int, folder: Path, repeat: int) -> dict:
    start = time.perf_counter()
    journey = make_map(size)
    generate_ms = (time.perf_counter() - start) * 1000
    path = folder / f"map-{size}.journey"
    save_journey(journey, path)
    raw = path.read_bytes()
    data = journey_to_plain(journey)

    r: dict = {
        "size": size,
        "cards": journey.card_count(),
        "flows": journey.flow_count(),
        "mb": len(raw) / 1e6,
        "generate": generate_ms,
    }
    r["load"] = best_ms(lambda: first_load(path), repeat)
    r["json_loads"] = best_ms(lambda: json.loads(path.read_bytes()), repeat)
    out = folder / f"out-{size}.journey"
    r["save"] = best_ms(lambda: save_journey(journey, out), repeat)
    plain = folder / f"plain-{size}.json"
    r["json_dumps"] = best_ms(lambda: plain_write(plain, data), repeat)

    # Where the time goes, stage by stage (each timed on its own, so sums are approximate).
    parsed = parse_json_bytes(raw)
    doc = JourneyFile.model_validate(upgrade(parsed))
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    payload = text.encode("utf-8")
    r["steps_load"] = {
        "read": best_ms(path.read_bytes, repeat),
        "parse_json_bytes": best_ms(lambda: parse_json_bytes(raw), repeat),
        "validate": best_ms(lambda: JourneyFile.model_validate(upgrade(parsed)), repeat),
        "check_references": best_ms(lambda: check_references(doc), repeat),
        "journey_from_plain": best_ms(lambda: journey_from_plain(parsed), repeat),
        "load, known valid": best_ms(lambda: load_journey(path), repeat),
    }
    r["steps_save"] = {
        "journey_to_plain": best_ms(lambda: journey_to_plain(journey), repeat),
        "json.dumps": best_ms(lambda: json.dumps(data, indent=2, ensure_ascii=False), repeat),
        "encode": best_ms(lambda: text.encode("utf-8"), repeat),
        "write_atomic": best_ms(lambda: write_atomic(out, payload), repeat),
        "plain write": best_ms(lambda: out.write_bytes(payload), repeat),
    }
    r["peak_load"] = traced_peak_mb(lambda: load_journey(path))
    r["peak_json"] = traced_peak_mb(lambda: json.loads(path.read_bytes()))
    r["rss"] = max_rss_mb()
    return r


def print_table(rows: list[dict]) -> None:
    head = (
        f"{'size':>6} {'MB':>6} {'load ms':>9} {'json.loads':>10} {'ratio':>6}"
        f" {'save ms':>9} {'json.dumps':>10} {'ratio':>6}"
        f" {'peak load MB':>12} {'peak json MB':>12} {'max RSS MB':>10}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['size']:>6,} {r['mb']:>6.2f} {r['load']:>9.1f} {r['json_loads']:>10.1f}"
            f" {r['load'] / r['json_loads']:>5.1f}x {r['save']:>9.1f} {r['json_dumps']:>10.1f}"
            f" {r['save'] / r['json_dumps']:>5.1f}x {r['peak_load']:>12.1f}"
            f" {r['peak_json']:>12.1f} {r['rss']:>10.1f}"
        )


def print_steps(rows: list[dict]) -> None:
    for key, title in (("steps_load", "load steps"), ("steps_save", "save steps")):
        names = list(rows[0][key])
        print(f"\n{title} (ms, best of runs){'':<4}" + "".join(f"{n:>18}" for n in names))
        for r in rows:
            cells = "".join(f"{r[key][n]:>18.1f}" for n in names)
            print(f"{r['size']:>6,} cards{'':<21}" + cells)


def verdicts(rows: list[dict]) -> list[str]:
    lines = []
    for r in rows:
        load_ratio = r["load"] / r["json_loads"]
        save_ratio = r["save"] / r["json_dumps"]
        lines.append(
            f"{r['size']:>6,}: load {load_ratio:4.1f}x json.loads "
            f"(<= {LOAD_RATIO_MAX:g}x) {'PASS' if load_ratio <= LOAD_RATIO_MAX else 'MISS'}; "
            f"save {save_ratio:4.1f}x json.dumps (<= {SAVE_RATIO_MAX:g}x) "
            f"{'PASS' if save_ratio <= SAVE_RATIO_MAX else 'MISS'}"
        )
    big = max(rows, key=lambda r: r["size"])
    for what in ("load", "save"):
        ok = big[what] < ABSOLUTE_MAX_MS
        lines.append(
            f"{big['size']:>6,}: {what} {big[what]:.0f} ms (< {ABSOLUTE_MAX_MS:.0f} ms) "
            f"{'PASS' if ok else 'MISS'}"
        )
    return lines


def profile(size: int, folder: Path, limit: int = 25) -> None:
    """cProfile one load and one save of the given size, top functions by own time."""
    journey = make_map(size)
    path = folder / f"profile-{size}.journey"
    save_journey(journey, path)
    for label, fn in (
        ("load_journey", lambda: load_journey(path)),
        ("save_journey", lambda: save_journey(journey, path)),
    ):
        gc.collect()
        prof = cProfile.Profile()
        prof.runcall(fn)
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("cumulative").print_stats(limit)
        stats.sort_stats("tottime").print_stats(limit)
        print(f"\n===== cProfile: {label}, {size:,} cards =====")
        print(out.getvalue())


# ------------------------------------------------------------------ hostile files
HOSTILE_HEADER = b'{"format": "mapper-journey", "schema_version": 1, '
HOSTILE_CARD = b'{"id": 1, "stage_id": 2, "lane_id": 3, "title": 4, "kind": 5, "a": 1},'
HOSTILE = {
    "5M wrong cards (10 MB)": lambda: HOSTILE_HEADER + b'"cards": [' + b"1," * 4_999_999 + b"1]}",
    "30M wrong cards (60 MB)": lambda: HOSTILE_HEADER + b'"cards": [' + b"1," * 29_999_999
    + b"1]}",
    "a card with 5M wrong tags": lambda: HOSTILE_HEADER
    + b'"cards": [{"id": "c", "stage_id": "s", "lane_id": "l", "title": "t", "tags": ['
    + b"1," * 4_999_999 + b"1]}]}",
    "100k cards, 6 problems each": lambda: HOSTILE_HEADER + b'"cards": ['
    + HOSTILE_CARD * 99_999 + HOSTILE_CARD[:-1] + b"]}",
    "1M+ empty objects": lambda: HOSTILE_HEADER + b'"cards": [' + b"{}," * 1_200_000 + b"{}]}",
}  # fmt: skip
HOSTILE_CHILD = """
import resource, sys, time
from mapper.fileformat import JourneyFileError, load_journey
start = time.perf_counter()
try:
    load_journey(sys.argv[1])
    first = "loaded"
except JourneyFileError as exc:
    first = exc.problems[0].where + ": " + exc.problems[0].message
print(time.perf_counter() - start)
try:  # this process's own peak (ru_maxrss would count the parent's memory at fork)
    with open("/proc/self/status") as status:
        print(next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
print(first)
"""


def hostile(folder: Path) -> None:
    """Each hostile file loaded in a fresh process: time, peak memory (max RSS, which
    includes the interpreter and imports) against the target 10x the file + 150 MB."""
    head = f"{'hostile file':<28} {'MB':>6} {'load s':>7} {'peak MB':>8} {'limit MB':>9}"
    print(head + "  first problem")
    for name, make in HOSTILE.items():
        path = folder / "hostile.journey"
        path.write_bytes(make())
        size = path.stat().st_size
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        command = [sys.executable, "-c", HOSTILE_CHILD, str(path)]
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            print(f"{name:<28} failed: {result.stderr.strip().splitlines()[-1:]}")
            continue
        seconds, peak, first = result.stdout.splitlines()[:3]
        limit = 10 * size + 150 * 1024 * 1024
        verdict = "PASS" if int(peak) < limit else "MISS"
        print(
            f"{name:<28} {size / 2**20:>6.1f} {float(seconds):>7.2f} {int(peak) / 2**20:>8.0f}"
            f" {limit / 2**20:>9.0f}  {verdict} {first[:60]}"
        )
        path.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement; best wins")
    parser.add_argument("--profile", action="store_true", help="also cProfile the largest size")
    parser.add_argument("--hostile", action="store_true", help="only the hostile files' memory")
    args = parser.parse_args(argv)
    if args.hostile:
        with tempfile.TemporaryDirectory(prefix="mapper-bench-") as tmp:
            hostile(Path(tmp))
        return 0

    print(
        f"Python {sys.version.split()[0]}, best of {args.repeat}; both load columns include "
        "reading the file, both save columns include writing it (save also fsyncs).\n"
    )
    with tempfile.TemporaryDirectory(prefix="mapper-bench-") as tmp:
        folder = Path(tmp)
        rows = []
        for size in args.sizes:
            rows.append(measure(size, folder, args.repeat))
            r = rows[-1]
            print(
                f"  measured {size:,} touchpoints: {r['cards']} cards, {r['flows']} flows, "
                f"{r['mb']:.2f} MB (generated in {r['generate']:.0f} ms)",
                flush=True,
            )
        print()
        print_table(rows)
        print_steps(rows)
        print("\ntargets:")
        for line in verdicts(rows):
            print("  " + line)
        if args.profile:
            profile(max(args.sizes), folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
