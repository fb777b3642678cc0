"""Trustworthy output: user text printed exactly as typed, safe links, every character
accounted for, and no input that can hang the export."""

from __future__ import annotations

import io
import time

from export_helpers import (
    HOSTILE,
    IMG_TAG,
    image_count,
    link_uris,
    one_line,
    pdftotext,
    qpdf_check,
    rich_map,
)
from PIL import Image

from factories import sample_map
from mapper.export import PdfOptions, export_pdf
from mapper.model import Card, CardKind, Entity, Evidence, Persona, Photo


def test_markup_in_user_text_prints_literally(tmp_path):
    journey = sample_map()
    journey.update_info(title=HOSTILE, author=HOSTILE)
    journey.update(Entity.STAGE, "s1", name=HOSTILE, description=IMG_TAG)
    journey.update(
        Entity.PERSONA,
        "maya",
        name=HOSTILE,
        bio=IMG_TAG,
        goals=(HOSTILE, IMG_TAG),
        quote=HOSTILE,
        demographics={HOSTILE: IMG_TAG},
    )
    journey.update(
        Entity.CARD,
        "t1",
        title=HOSTILE,
        notes=IMG_TAG,
        description=HOSTILE,
        owner=IMG_TAG,
        evidence=(Evidence(IMG_TAG, HOSTILE),),
        tags=("<i>x</i>",),
    )
    journey.update(Entity.CARD, "t2", title=IMG_TAG)
    journey.update(Entity.CARD, "o1", title=HOSTILE, description=IMG_TAG, owner=HOSTILE)
    path = tmp_path / "hostile.pdf"
    assert export_pdf(journey, path, PdfOptions()) == []
    qpdf_check(path)
    text = one_line(pdftotext(path))
    assert text.count(HOSTILE) >= 8
    assert text.count(IMG_TAG) >= 6
    assert "#<i>x</i>" in text
    assert image_count(path) == 1  # the persona photo, nothing loaded from /etc


def test_only_http_https_and_mailto_become_links(tmp_path):
    journey = rich_map()  # t2 https, t4 mailto, t5 http
    for i, url in enumerate(
        (
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://example.com/x",
            "data:text/html,hi",
            "https://exa mple.com/space",
            "http://",
        )
    ):
        journey.add(Card(f"bad{i}", "s1", "l-tp", f"Bad link {i}", url=url))
    path = tmp_path / "links.pdf"
    export_pdf(journey, path, PdfOptions())
    uris = link_uris(path)
    assert set(uris) == {
        "https://example.com/checkout",
        "mailto:support@example.com",
        "http://example.org/renew",
    }
    assert uris.count("https://example.com/checkout") == 2  # the map card and the report row
    raw = path.read_bytes()
    assert b"javascript" not in raw.lower()
    text = one_line(pdftotext(path))
    assert "file:///etc/passwd" in text  # shown as text, not linked


def test_accented_greek_and_cyrillic_text(tmp_path):
    journey = sample_map()
    titles = ["Crème brûlée façade", "Ελληνικά γράμματα", "Кириллица и ёж", "Łódź Straße"]
    for i, title in enumerate(titles):
        journey.add(Card(f"u{i}", "s1", "l-tp", title, channel="website"))
    journey.update(Entity.PERSONA, "maya", name="Zoë Ångström")
    path = tmp_path / "unicode.pdf"
    assert export_pdf(journey, path, PdfOptions()) == []
    text = one_line(pdftotext(path, 1, 1))
    for title in [*titles, "Zoë Ångström"]:
        assert title in text


def test_huge_text_exports_quickly_and_wraps(tmp_path):
    words = ("journey " * 250).strip()  # 2,000 characters with spaces
    blob = "x" * 2000  # and without any
    journey = sample_map()
    journey.update_info(title=words)
    journey.update(Entity.STAGE, "s1", name=blob, description=words)
    journey.update(Entity.CARD, "t1", title=words, notes=blob, description=words)
    journey.update(Entity.CARD, "t2", title=blob, owner=blob)
    journey.update(Entity.PERSONA, "maya", bio=words * 5, quote=blob, goals=(blob,) * 60)
    journey.add(
        Card("o3", "s3", "opportunities", blob, CardKind.OPPORTUNITY, words * 3, owner=blob)
    )
    journey.update(Entity.FLOW, "f1", label=words)
    path = tmp_path / "huge.pdf"
    start = time.perf_counter()
    export_pdf(journey, path, PdfOptions())
    assert time.perf_counter() - start < 5
    qpdf_check(path)
    text = one_line(pdftotext(path))
    assert "journey journey" in text and "\u2026" in text  # elided with an ellipsis


def _png(size=(64, 48), colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_persona_photo_is_embedded_once_per_use_and_bad_photos_warn(tmp_path):
    journey = sample_map()
    journey.update(Entity.PERSONA, "maya", photo=Photo("image/png", _png()))
    journey.add(Persona("zed", "Zed", photo=Photo("image/jpeg", b"not an image")))
    path = tmp_path / "photos.pdf"
    warnings = export_pdf(journey, path, PdfOptions())
    assert any("photo of persona 'Zed'" in w for w in warnings)
    assert image_count(path) == 1  # Maya's, shared by the title block and her page
    qpdf_check(path)
