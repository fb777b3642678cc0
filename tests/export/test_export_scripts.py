"""Every script prints: right-to-left text in reading order, fallback fonts for what the
bundled DejaVu lacks (embedded as subsets), and one warning naming what no font has."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from export_helpers import pdffonts, pdftotext, run, tool

from factories import sample_map
from mapper.export import PdfOptions, export_pdf
from mapper.export.pdf import fonts
from mapper.layout.text import text_width
from mapper.model import Entity

ARABIC = "رحلة العميل"
ARABIC_CARD = "يرى إعلانا على الإنترنت"
HEBREW = "מסע הלקוח"
HEBREW_CARD = "מודעה באינסטגרם"
CHINESE = "在线结账"
JAPANESE = "カスタマージャーニー"
KOREAN = "고객 지원"
EMOJI = "\u2728"  # sparkles: in no DejaVu face, in outline emoji fonts such as Symbola
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def scripts_map():
    journey = sample_map()
    journey.update_info(title=f"{ARABIC} {HEBREW}")
    journey.update(Entity.STAGE, "s1", name=ARABIC)
    journey.update(Entity.STAGE, "s2", name=HEBREW)
    journey.update(Entity.STAGE, "s3", name=JAPANESE)
    journey.update(Entity.CARD, "a1", title=ARABIC_CARD)
    journey.update(Entity.CARD, "t1", title=HEBREW_CARD)
    journey.update(Entity.CARD, "t2", title=CHINESE)
    journey.update(Entity.CARD, "t3", title=f"Store visit {EMOJI}")
    journey.update(Entity.CARD, "t4", title=KOREAN)
    return journey


def readable(text: str) -> str:
    """pdftotext's output as a reader searches it: presentation forms folded to letters
    (NFKC), bidi embedding marks dropped, whitespace folded."""
    text = unicodedata.normalize("NFKC", text).translate(BIDI_MARKS)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def scripts_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    warnings = export_pdf(scripts_map(), path, PdfOptions())
    return path, warnings


def test_right_to_left_text_is_found_in_reading_order(scripts_pdf):
    path, _ = scripts_pdf
    text = readable(pdftotext(path, 1, 1))
    for words in (ARABIC, ARABIC_CARD, HEBREW, HEBREW_CARD):
        assert words in text
        assert words[::-1] not in text


def test_arabic_prints_in_joined_letter_forms(scripts_pdf):
    path, _ = scripts_pdf
    raw = pdftotext(path, 1, 1)
    # joined (initial / medial / final) forms, not isolated letters: shaped
    assert any(unicodedata.name(ch, "").endswith(("INITIAL FORM", "MEDIAL FORM")) for ch in raw)


def test_characters_dejavu_lacks_print_with_an_embedded_fallback_subset(scripts_pdf):
    path, warnings = scripts_pdf
    assert warnings == []
    found = pdffonts(path)
    fallback = [f for f in found if "DejaVu" not in f["name"]]
    assert fallback, found
    for f in found:
        assert (f["emb"], f["sub"], f["uni"]) == ("yes", "yes", "yes"), f
        assert f["name"][6] == "+"  # a subset tag: only the glyphs used are embedded
    text = readable(pdftotext(path, 1, 1))
    for words in (CHINESE, JAPANESE, KOREAN, EMOJI):
        assert words in text


def test_text_a_fallback_font_draws_fits_its_measured_width(tmp_path):
    """A full-width glyph is measured full width, so wrapping leaves room for it."""
    assert text_width(CHINESE, 10) == pytest.approx(40)
    journey = sample_map()
    long_title = CHINESE * 12
    journey.update(Entity.CARD, "t2", title=long_title)
    path = tmp_path / "wide.pdf"
    assert export_pdf(journey, path, PdfOptions()) == []
    bbox = run(tool("pdftotext"), "-bbox", "-f", "1", "-l", "1", path, "-")
    words = [line for line in bbox.splitlines() if "在" in line]
    assert words
    for line in words:  # each printed line of the title stays inside the card's column
        x_min = float(line.split('xMin="')[1].split('"')[0])
        x_max = float(line.split('xMax="')[1].split('"')[0])
        assert 0 < x_max - x_min < 200


def test_characters_no_installed_font_has_are_reported_once(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "installed_fonts", lambda embeddable_only=True: ())
    monkeypatch.setattr(fonts, "_by_char", {})
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title=f"Loves it \U0001f680 {CHINESE}")
    journey.update(Entity.CARD, "t2", title=f"Again \U0001f680 {CHINESE}")
    path = tmp_path / "glyphs.pdf"
    warnings = export_pdf(journey, path, PdfOptions())
    assert len(warnings) == 1
    for ch in f"\U0001f680{CHINESE}":
        assert f"U+{ord(ch):04X}" in warnings[0]
    assert "5 characters" in warnings[0]
    assert "Loves it" in pdftotext(path, 1, 1)  # the rest of the title is still there
    assert all("DejaVu" in f["name"] for f in pdffonts(path))


def test_fonts_reportlab_cannot_embed_are_skipped():
    listing = (
        "/f/Nimbus.otf\t0\tCFF\tFalse\t20-7e 4e00-9fff\n"
        "/f/ColorEmoji.ttf\t0\tTrueType\tTrue\t1f600-1f64f\n"
        "/f/Old.pfb\t0\tType 1\tFalse\t20-7e\n"
        "/f/Cjk.ttc\t2\tTrueType\tFalse\t20-7e 3000-30ff 4e00-9fff\n"
        "broken line\n"
    )
    found = fonts.parse_fc_list(listing)
    assert [(f.path, f.index) for f in found] == [("/f/Cjk.ttc", 2)]
    assert found[0].covers(0x4E2D) and found[0].covers(0x3000) and not found[0].covers(0x2FFF)
    assert len(fonts.parse_fc_list(listing, embeddable_only=False)) == 4


def test_invariant_output_with_fallback_fonts_is_identical_across_processes(tmp_path):
    """Fallback fonts loaded by an earlier export in the same process change nothing."""
    import subprocess
    import sys

    from export_helpers import ROOT

    code = (
        "import sys\n"
        "from test_export_scripts import scripts_map\n"
        "from factories import sample_map\n"
        "from mapper.export import PdfOptions, render_pdf\nfrom mapper.model import Entity\n"
        "journey = sample_map()\n"
        "journey.update(Entity.CARD, 't1', title='\u2728 \uac00')\n"
        "if sys.argv[1] == 'warm':\n"
        "    render_pdf(journey, PdfOptions(invariant=True))\n"
        "sys.stdout.buffer.write(render_pdf(scripts_map(), PdfOptions(invariant=True)).data)\n"
    )
    paths = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "tests" / "export")]
    env = {"PYTHONPATH": ":".join(paths), "PATH": "/usr/bin:/bin"}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", code, mode], capture_output=True, env=env, check=True
        ).stdout
        for mode in ("cold", "warm")
    ]
    assert outputs[0].startswith(b"%PDF") and outputs[0] == outputs[1]


def test_a_wrapped_right_to_left_paragraph_reads_from_its_first_line(tmp_path):
    """A bio of several lines in Hebrew: its first words print on its first line."""
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    words = [a + b + "ה" for a in letters[:6] for b in letters[6:16]]  # 60 distinct words
    journey = sample_map()
    journey.update(Entity.PERSONA, "maya", bio=" ".join(words))
    path = tmp_path / "rtl-bio.pdf"
    export_pdf(journey, path, PdfOptions())
    assert " ".join(words) in readable(pdftotext(path))  # in reading order, line after line


def test_right_to_left_text_after_a_label_or_before_a_summary_reads_in_order(tmp_path):
    """The scenario's goal follows a bold "Goal:" label, a stage's description comes before
    its summary line: wrapped in Hebrew, both still read from their first words."""
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    goal = " ".join(a + b + "ו" for a in letters[:5] for b in letters[5:17])  # 60 words
    description = " ".join(a + b + "ם" for a in letters[5:10] for b in letters[:12])
    journey = sample_map()
    info = journey.info
    journey.update_info(scenario=replace(info.scenario, title=goal[:120], goal=goal))
    journey.update(Entity.STAGE, journey.stages.ids()[0], description=description)
    path = tmp_path / "rtl-goal.pdf"
    export_pdf(journey, path, PdfOptions())
    text = readable(pdftotext(path))
    assert f"Goal: {goal}" in text
    assert description in text
    assert goal[:120].rsplit(" ", 1)[0] in text  # the bold scenario title too


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("(שלום)", "(םולש)"),  # Hebrew in brackets: the brackets face the words
        ("מודעה (באינסטגרם)", "(םרגטסניאב) העדומ"),
        ("קופה [אונליין] 50%", "50% [ןיילנוא] הפוק"),
        ("abc (שלום) def", "abc (םולש) def"),  # a left-to-right line keeps its own
        ("שלום, עולם!", "!םלוע ,םולש"),  # nothing to mirror: the fast path
    ],
)
def test_brackets_in_right_to_left_text_print_facing_the_right_way(logical, drawn):
    """A PDF has no renderer to mirror brackets: the glyph drawn is the mirror image of
    the character where the text reads right to left ("(שלום)" printed ")םולש(")."""
    from mapper.export.pdf.markup import visual

    assert visual(logical) == drawn
