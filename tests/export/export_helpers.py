"""Maps and real PDF readers (poppler, qpdf, pypdf) for the export tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from factories import sample_map
from mapper.model import Card, CardKind, Confidence, Entity, Evidence, JourneyMap, Lane, LaneKind

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "<b>Sale</b> & <font size=80>"
IMG_TAG = "<img src=/etc/passwd>"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils and qpdf (scripts/setup.sh --test)")
    return path


def run(*args: str | Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"{args[0]} failed: {done.stderr}"
    return done.stdout


def pdftotext(
    path: Path, first: int | None = None, last: int | None = None, raw: bool = False
) -> str:
    """The text as poppler extracts it; ``raw``: in content-stream order, which keeps
    labels whole on tiles where clipped card text surrounds them."""
    pages = ["-raw"] if raw else []
    if first is not None:
        pages += ["-f", str(first)]
    if last is not None:
        pages += ["-l", str(last)]
    return run(tool("pdftotext"), "-enc", "UTF-8", *pages, path, "-")


def one_line(text: str) -> str:
    """Extracted text with line breaks and runs of spaces folded (titles may wrap)."""
    return " ".join(text.split())


def pdffonts(path: Path) -> list[dict[str, str]]:
    lines = run(tool("pdffonts"), path).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def qpdf_check(path: Path) -> None:
    done = subprocess.run(
        [tool("qpdf"), "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def link_uris(path: Path) -> list[str]:
    uris = []
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def image_count(path: Path) -> int:
    """Distinct image objects in the file (the same photo on two pages counts once)."""
    seen = set()
    for page in PdfReader(path).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                seen.add(ref.idnum)
    return len(seen)


def bench_make_map():
    """bench/synthetic.py's make_map (a realistic big map)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synthetic import make_map
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return make_map


def rich_map() -> JourneyMap:
    """The factories' sample map plus an emotion lane, links and evidence."""
    journey = sample_map()
    journey.insert(2, Lane("l-emo", "Emotion curve", LaneKind.EMOTION))
    journey.update(
        Entity.CARD,
        "t4",
        url="mailto:support@example.com",
        evidence=(Evidence("Long hold times", "Call logs", Confidence.SOME_EVIDENCE),),
        emotions={"maya": -2, "omar": 1},
        owner="Customer care",
    )
    journey.add(
        Card(
            "t5",
            "s3",
            "l-tp",
            "Renewal email",
            channel="email",
            url="http://example.org/renew",
            emotions={"maya": 3},
        )
    )
    journey.add(Card("n1", "s1", "l-act", "Compares tariffs", kind=CardKind.THOUGHT))
    return journey
