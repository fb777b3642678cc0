"""Regenerate resources/fonts/*.metrics.json from the bundled TrueType fonts.

The layout measures text from these files so it needs neither Qt nor reportlab; a test
checks they still match the fonts. Run: python packaging/make_font_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def metrics_of(ttf: Path) -> dict:
    face = TTFont(ttf.stem, str(ttf)).face
    runs: list[list] = []
    for code in sorted(face.charWidths):
        width = round(face.charWidths[code], 2)
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(width)
        else:
            runs.append([code, [width]])
    return {
        "font": ttf.name,
        "units_per_em": 1000,
        "ascent": round(face.ascent, 2),
        "descent": round(face.descent, 2),
        "default_width": round(face.defaultWidth, 2),
        "runs": runs,
    }


def main() -> None:
    for ttf in sorted(FONTS.glob("*.ttf")):
        out = ttf.with_suffix(".metrics.json")
        out.write_text(json.dumps(metrics_of(ttf), separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {out.name}")


if __name__ == "__main__":
    main()
