"""What a PDF reader is told: the document's language, bookmarks shown on opening, and in
invariant mode no made-up date (none at all, or SOURCE_DATE_EPOCH's)."""

from __future__ import annotations

import io

from export_helpers import one_line, pdftotext
from pypdf import PdfReader

from factories import sample_map
from mapper.export import PdfOptions, export_pdf, render_pdf

EPOCH = "1767225600"  # 2026-01-01 00:00:00 UTC


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def test_language_and_bookmarks_shown_on_opening():
    pdf = reader(render_pdf(sample_map(), PdfOptions()).data)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/PageMode"] == "/UseOutlines"
    assert pdf.outline  # there are bookmarks to show


def test_invariant_without_source_date_prints_and_stamps_no_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "m.pdf"
    export_pdf(sample_map(), path, PdfOptions(invariant=True))
    data = path.read_bytes()
    info = reader(data).metadata
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert info["/Title"] == "Renew a phone contract"
    text = one_line(pdftotext(path))
    assert "2000" not in text and "Date" not in pdftotext(path, 1, 1)
    assert b"D:2000" not in data
    assert render_pdf(sample_map(), PdfOptions(invariant=True)).data == data


def test_invariant_with_source_date_epoch_uses_that_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    path = tmp_path / "m.pdf"
    export_pdf(sample_map(), path, PdfOptions(invariant=True))
    info = reader(path.read_bytes()).metadata
    assert info["/CreationDate"].startswith("D:20260101000000")
    assert info["/ModDate"].startswith("D:20260101000000")
    page = one_line(pdftotext(path, 1, 1))
    assert "Date 2026-01-01" in page
    assert "Renew a phone contract \u00b7 2026-01-01" in page  # the footer
    again = render_pdf(sample_map(), PdfOptions(invariant=True)).data
    assert again == path.read_bytes()


def test_a_normal_export_is_dated_today(tmp_path, monkeypatch):
    import datetime as dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render_pdf(sample_map(), PdfOptions()).data
    assert "/CreationDate" in reader(data).metadata
    path = tmp_path / "m.pdf"
    path.write_bytes(data)
    assert dt.date.today().isoformat() in pdftotext(path, 1, 1)
