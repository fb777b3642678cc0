"""The report pages after the map: a page per persona, touchpoints stage by stage, and
the action plan (opportunities by priority, pain points by severity)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.persona_pages import persona_pages
from mapper.export.pdf.photos import PhotoCache
from mapper.export.pdf.priorities import priority_pages
from mapper.export.pdf.touchpoints import touchpoint_pages
from mapper.model import JourneyMap


def report_story(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None, photos: PhotoCache
) -> list[Flowable]:
    story: list[Flowable] = []
    if len(journey.personas):
        story += persona_pages(journey, doc, photos, 0)
    story += touchpoint_pages(journey, doc, persona_id)
    story += priority_pages(journey, doc, persona_id)
    # The "Report" outline entry comes before its sections, on the first report page.
    first = next(i for i, f in enumerate(story) if isinstance(f, OutlineEntry))
    story.insert(first, OutlineEntry("report", "Report", 0))
    return story
