"""Hypothesis strategies for random, valid journey maps (for the layout properties)."""

from __future__ import annotations

from hypothesis import strategies as st

from mapper.model import Card, CardKind, JourneyMap, Lane, LaneKind, Persona, Stage

# Letters from several scripts, digits, punctuation, spaces and newlines: enough to exercise
# wrapping (long words, explicit breaks, wide and narrow glyphs) without control characters.
ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?-–—'\"()")
    + list("éèàüßçñøåæœ ΑΒΓΔαβγδ АБВГДабвгд אבגד ابتث 漢字かなカナ 한국 ✓★♥ …")
    + ["\n", "  ", "W" * 5, "m" * 12]
)
TEXT = st.lists(ALPHABET, max_size=60).map("".join)
SHORT = st.lists(ALPHABET, min_size=1, max_size=20).map(lambda parts: "".join(parts).strip() or "x")


@st.composite
def journey_maps(draw: st.DrawFn, max_cards: int = 24) -> JourneyMap:
    journey = JourneyMap()
    personas = draw(st.integers(0, 3))
    for p in range(personas):
        journey.add(Persona(f"p{p}", f"Persona {p}"))
    for s in range(draw(st.integers(1, 5))):
        width = draw(st.floats(80, 600, allow_nan=False).map(lambda w: round(w, 1)))
        journey.add(Stage(f"s{s}", draw(SHORT), width=width))
    for n in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(list(LaneKind)))
        journey.add(
            Lane(
                f"l{n}",
                draw(SHORT),
                kind,
                collapsed=draw(st.integers(0, 4)) == 0,
                hidden=draw(st.integers(0, 5)) == 0,
            )
        )
    stage_ids = [stage.id for stage in journey.stages]
    lane_ids = [lane.id for lane in journey.lanes]
    for c in range(draw(st.integers(0, max_cards))):
        emotions = {
            persona.id: score
            for persona in journey.personas
            if (score := draw(st.none() | st.integers(-3, 3))) is not None
        }
        journey.add(
            Card(
                f"c{c}",
                draw(st.sampled_from(stage_ids)),
                draw(st.sampled_from(lane_ids)),
                draw(TEXT),
                kind=draw(st.sampled_from(list(CardKind))),
                emotions=emotions,
            )
        )
    return journey
