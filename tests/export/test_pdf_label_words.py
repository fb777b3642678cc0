"""On the exported PDFs of the examples no two flow-label words overlap and no label word
overlaps a card's text (title, metrics line, badge labels): measured with pdfplumber."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from mapper.export import PdfOptions, render_pdf
from mapper.fileformat.io import load_journey
from mapper.layout import theme

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*.journey"))
MUTED = tuple(round(int(theme.MUTED_INK[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))
INK = tuple(round(int(theme.INK[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))


def _colour(word: dict) -> tuple[float, ...]:
    return tuple(round(v, 3) for v in word["non_stroking_color"] or ())


def _overlap(a: dict, b: dict) -> bool:
    e = 0.2  # glyph boxes of neighbouring lines may touch
    return (a["x0"] < b["x1"] - e and b["x0"] < a["x1"] - e
            and a["top"] < b["bottom"] - e and b["top"] < a["bottom"] - e)  # fmt: skip


def _page_words(page) -> tuple[list[dict], list[dict]]:
    """(label words, card words) of a map page, told apart by size relative to the
    page's card titles (12 map pixels) and colour."""
    words = page.extract_words(extra_attrs=["size", "non_stroking_color"])
    titles = Counter(round(w["size"], 2) for w in words if _colour(w) == INK)
    if not titles:
        return [], []
    scale = titles.most_common(1)[0][0] / 12

    def sized(w: dict, size: float) -> bool:
        return abs(w["size"] - size * scale) < 0.02

    labels = [w for w in words if _colour(w) == MUTED and sized(w, 8.5)]
    cards = [w for w in words if w not in labels and any(sized(w, s) for s in (12, 9, 8, 7.5))]
    return labels, cards


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize(
    "options",
    [PdfOptions(report=False), PdfOptions(report=False, landscape=False),
     PdfOptions(report=False, page="A3"), PdfOptions(report=False, tile=True)],
    ids=["default", "portrait", "a3", "tile"],
)  # fmt: skip
def test_label_words_overlap_no_label_or_card_word(path, options):
    data = render_pdf(load_journey(path), options).data
    found = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            labels, cards = _page_words(page)
            found += len(labels)
            for i, a in enumerate(labels):
                for b in labels[i + 1 :]:
                    assert not _overlap(a, b), (number, a["text"], b["text"])
                for b in cards:
                    assert not _overlap(a, b), (number, a["text"], b["text"])
    assert found >= 20  # the labels were found: the check measured something


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_stage_header_metrics_print_whole(path):
    from mapper.export.values import metric_parts

    journey = load_journey(path)
    data = render_pdf(journey, PdfOptions(report=False)).data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = [line for page in pdf.pages[1:] for line in (page.extract_text() or "").split("\n")]
    shown = [line for line in lines if " · " in line]  # lines of metrics
    assert shown and not [line for line in shown if "…" in line]
    for stage in journey.stages:
        for part in metric_parts(stage.metrics):
            assert any(part in line for line in shown), (stage.name, part)
