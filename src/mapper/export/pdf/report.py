"""The pages after the map: the summary, then the report (a page per persona, touchpoints
stage by stage, and the action plan: opportunities by priority, pain points by severity).

A map with nothing to report gets none of these pages."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mapper.export.pdf.doc import MapperDocument, OutlineEntry
from mapper.export.pdf.persona_pages import persona_pages
from mapper.export.pdf.photos import PhotoCache
from mapper.export.pdf.priorities import priority_pages
from mapper.export.pdf.summary import summary_story
from mapper.export.pdf.touchpoints import touchpoint_pages
from mapper.gcpause import paused_gc
from mapper.model import JourneyMap, Persona


def personas_in_order(journey: JourneyMap, persona_id: str | None) -> list[Persona]:
    """The map's personas, the one whose emotions the export shows first."""
    personas = list(journey.personas)
    return sorted(personas, key=lambda p: p.id != persona_id)


def report_story(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None, photos: PhotoCache
) -> list[Flowable]:
    with paused_gc():
        return _story(journey, doc, persona_id, photos)


def _story(
    journey: JourneyMap, doc: MapperDocument, persona_id: str | None, photos: PhotoCache
) -> list[Flowable]:
    if not journey.card_count():
        return []  # an empty map (a new one, a template): nothing to summarise or report
    personas = personas_in_order(journey, persona_id)
    story: list[Flowable] = summary_story(journey, doc, personas)
    report: list[Flowable] = []
    if personas:
        report += persona_pages(personas, doc, journey, photos)
    report += touchpoint_pages(journey, doc, persona_id)
    report += priority_pages(journey, doc)
    if report:
        # The "Report" outline entry comes before its sections, on the first report page.
        first = next(i for i, f in enumerate(report) if isinstance(f, OutlineEntry))
        report.insert(first, OutlineEntry("report", "Report", 0))
    return story + report
