"""The small pure pieces: escaping, link checks, values, icons, badges, flow labels."""

from __future__ import annotations

import itertools

import pytest
from export_helpers import HOSTILE, rich_map

from mapper.export.glyphs import missing_glyphs
from mapper.export.pdf.markup import clean, para, safe_url, shorten
from mapper.export.values import decimal, metric_value, metrics_text, percent, quadrant, signed
from mapper.layout import compute_layout, icons
from mapper.layout.badges import BadgeKind, card_badges, title_baselines
from mapper.layout.labels import flow_labels
from mapper.model import BUILTIN_CHANNELS, Card, CardKind, Entity, Metrics
from mapper.model.opportunities import by_priority


def test_para_escapes_markup_and_keeps_newlines():
    assert para(HOSTILE) == "&lt;b&gt;Sale&lt;/b&gt; &amp; &lt;font size=80&gt;"
    assert para("a\r\nb\x00c") == "a<br/>b c"
    assert para("word " * 100, limit=20).endswith("\u2026")
    assert len(shorten("x" * 5000, 100)) == 100
    assert clean("\ud800x") == " x"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a?b=c", True),
        ("http://example.com", True),
        ("mailto:team@example.com", True),
        ("HTTPS://EXAMPLE.COM", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,x", False),
        ("http://", False),
        ("https://a b.com", False),
        ("https://example.com/\x00", False),
        ("mailto:", False),
        ("", False),
        ("www.example.com", False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_numbers_print_with_units_and_sensible_precision():
    assert percent(0.012) == "1.2 %" and percent(0.31) == "31 %" and percent(0.315) == "31.5 %"
    assert percent(0.0005) == "0.05 %" and percent(42) == "42 %"  # already a percentage
    assert decimal(4.2345) == "4.23" and decimal(86.0) == "86" and decimal(-0.5) == "\u22120.5"
    assert decimal(12345.0) == "12,345" and decimal(0) == "0"
    assert metric_value("conversion_rate", 0.012) == "1.2 %"
    assert metric_value("customer_effort", 4.567) == "4.57"
    assert metric_value("volume", 2.5) == "2.5" and metric_value("volume", 3200) == "3,200"


def test_values():
    assert signed(-0.55) == "\u22120.6" and signed(1) == "+1.0"
    text = metrics_text(
        Metrics(
            csat=4.2, nps=-12, conversion_rate=0.31, volume=12000, cost=4.5, lifetime_value=1840
        )
    )
    assert text == (
        "CSAT 4.2 \u00b7 NPS \u221212 \u00b7 Conversion 31 % \u00b7 Volume 12,000 \u00b7 Cost 4.50"
        " \u00b7 CLV 1,840"
    )
    quick, big, fill, bad = (
        Card("a", "s", "l", "A", CardKind.OPPORTUNITY, impact=4, effort=2),
        Card("b", "s", "l", "B", CardKind.OPPORTUNITY, impact=5, effort=5),
        Card("c", "s", "l", "C", CardKind.OPPORTUNITY, impact=2, effort=1),
        Card("d", "s", "l", "D", CardKind.OPPORTUNITY, impact=2, effort=4),
    )
    assert [quadrant(o) for o in (quick, big, fill, bad)] == [
        "Quick win",
        "Major project",
        "Fill-in",
        "Reconsider",
    ]
    assert [o.id for o in by_priority([bad, fill, big, quick])] == ["a", "c", "b", "d"]


def test_missing_glyphs():
    assert missing_glyphs(["plain ascii", "Zoë Ελληνικά Кириллица \U0001f600"]) == []
    assert missing_glyphs(["\u4e2d", "x\U0001f680\u4e2d"]) == ["\u4e2d", "\U0001f680"]


def test_every_builtin_channel_has_its_own_icon_in_the_box():
    assert set(icons.ICONS) == set(BUILTIN_CHANNELS)
    assert icons.icon_for("kiosk") is icons.GENERIC and icons.icon_for(None) is icons.GENERIC
    shapes = {key: icon.shapes for key, icon in icons.ICONS.items()}
    assert len(set(shapes.values())) == len(shapes)  # no two look the same
    for icon in [*icons.ICONS.values(), icons.GENERIC]:
        for shape in icon.shapes:
            if isinstance(shape, icons.Line):
                points = [shape.start, shape.end]
            elif isinstance(shape, icons.Circle):
                (x, y), r = shape.center, shape.radius
                points = [(x - r, y - r), (x + r, y + r)]
            elif isinstance(shape, icons.Box):
                points = [(shape.x, shape.y), (shape.x + shape.width, shape.y + shape.height)]
            else:
                points = list(shape.points)
            assert all(0 <= v <= icons.ICON_BOX for p in points for v in p), icon.key


def test_badges_sit_in_the_card_and_do_not_overlap():
    layout = compute_layout(rich_map())
    checkout = layout.cards["t2"]  # website, owned, moment of truth, Maya -3
    badges = card_badges(checkout, layout.style, "maya")
    kinds = [b.kind for b in badges]
    assert kinds == [
        BadgeKind.CHANNEL,
        BadgeKind.CREATOR,
        BadgeKind.SENTIMENT,
        BadgeKind.MOMENT_OF_TRUTH,
    ]
    assert badges[2].text == "\u22123" and badges[1].text == "Owned"
    r = checkout.rect
    ordered = sorted(badges, key=lambda b: b.rect.x)
    for a, b in itertools.pairwise(ordered):
        assert a.rect.right <= b.rect.x
    assert all(r.x <= b.rect.x and b.rect.right <= r.right for b in badges)
    assert all(r.y <= b.rect.y and b.rect.bottom <= r.bottom for b in badges)
    (baseline,) = title_baselines(checkout, layout.style)
    assert r.y < baseline < min(b.rect.y for b in badges)
    assert card_badges(layout.cards["a1"], layout.style, "maya") == []  # not a touchpoint


def test_flow_labels_avoid_each_other():
    journey = rich_map()
    journey.update(Entity.FLOW, "f2", label="also clicks")
    labels = flow_labels(compute_layout(journey))
    assert [label.flow_id for label in labels] == ["f1", "f2", "f4"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            r, s = a.rect, b.rect
            assert not (r.x < s.right and s.x < r.right and r.y < s.bottom and s.y < r.bottom)
