"""The subcommands. Each returns an exit code; problems go to stderr, results to stdout."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mapper.cli.output import json_safe, json_text, say, visible, write
from mapper.fileformat import JourneyFileError, load_journey, save_journey
from mapper.layout.wording import short_names, whose_pain
from mapper.model import analysis
from mapper.model.analysis import PainPoint
from mapper.model.journey import JourneyMap
from mapper.model.opportunities import opportunities
from mapper.model.votes import by_votes, latest_vote_day, spoken_day, votes_on, votes_words
from mapper.templates import DEFAULT_TEMPLATE, available_templates, find_template


def _fail(message: str, code: int = 1) -> int:
    say(f"mapper: {message}", err=True)
    return code


def run_gui(args: argparse.Namespace) -> int:
    if not has_screen():
        return _fail(
            "no screen to show the editor on (DISPLAY is not set); the commands work without "
            "one, e.g. 'mapper export MAP.journey -o MAP.pdf' (see 'mapper --help')"
        )
    from mapper.gcpause import pause_for_start_up

    pause_for_start_up()  # until the first window shows
    from mapper.ui.app import run_app  # Qt is only imported for the editor

    return run_app(args.file)


def has_screen() -> bool:
    """Whether Qt can open windows here (Qt itself would abort the process if not)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_new(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix != ".journey":
        return _fail(f"{output}: the output should end in .journey", 2)
    if output.is_dir():
        return _fail(f"{output}: is a folder")
    if not output.parent.is_dir():
        return _fail(f"{output}: cannot write: the folder {output.parent} does not exist")
    if output.exists() and not args.force:
        return _fail(f"{output}: already exists (use --force to overwrite)")
    try:
        template = find_template(args.template or DEFAULT_TEMPLATE)
    except LookupError as exc:
        return _fail(str(exc), 2)
    journey = template.load()
    try:
        save_journey(journey, output)
    except OSError as exc:
        return _fail(f"{output}: cannot write: {exc.strerror or exc}")
    say(f"created {output} from the {template.name!r} template")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    for template in available_templates():
        say(f"{visible(template.name):<20} {template.description}")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            journey = load_journey(name)
        except JourneyFileError as exc:
            failed += 1
            for line in exc.lines():
                say(line, err=True)
        else:
            say(f"{name}: ok ({journey.card_count()} cards, {journey.flow_count()} flows)")
    return 1 if failed else 0


def run_info(args: argparse.Namespace) -> int:
    try:
        journey = load_journey(args.file)
    except JourneyFileError as exc:
        for line in exc.lines():
            say(line, err=True)
        return 1
    summary = summarise(journey)
    if args.json:
        write(json_text(summary) + "\n", sys.stdout)
    else:
        for line in format_summary(summary):
            say(line)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from mapper.fileformat.jsonschema import schema_text

    write(json_safe(schema_text()), sys.stdout)
    return 0


TOP_PAINS = 10  # pain points listed in the human output (the JSON has them all)


def summarise(journey: JourneyMap) -> dict:
    persona = journey.active_persona()
    persona_id = persona.id if persona else None
    pains = analysis.pain_points_by_persona(journey)  # the shown personas, as in the editor
    names = short_names(list(journey.personas))
    return {
        "title": journey.info.title,
        "personas": [p.name for p in journey.personas],
        "active_persona": persona.name if persona else None,
        "stages": len(journey.stages),
        "lanes": len(journey.lanes),
        "cards": journey.card_count(),
        "touchpoints": len(analysis.touchpoints(journey)),
        "flows": journey.flow_count(),
        "shown_personas": [p.name for p in analysis.shown_personas(journey)],
        "pain_points": len(pains),
        "pain_point_details": [_pain_detail(journey, point, names) for point in pains],
        "opportunities": len(opportunities(journey)),
        "emotion_by_stage": [
            {"stage": e.stage_name, "average": e.average, "scored": e.scored}
            for e in analysis.emotion_by_stage(journey, persona_id)
        ],
        "top_voted": _top_voted(journey),
    }


def _top_voted(journey: JourneyMap) -> dict | None:
    """The latest workshop's dot votes, most voted first (None: no workshop voted)."""
    day = latest_vote_day(journey)
    if day is None:
        return None
    cards = by_votes((c for c in journey.cards() if votes_on(c, day)), day)
    return {
        "workshop": day,
        "cards": [
            {
                "card": c.title,
                "card_id": c.id,
                "kind": c.kind.value,
                "stage": journey.stages.get(c.stage_id).name,
                "votes": votes_on(c, day),
            }
            for c in cards
        ],
    }


def _pain_detail(journey: JourneyMap, point: PainPoint, names: dict[str, str]) -> dict:
    card = point.card
    return {
        "card": card.title,
        "card_id": card.id,
        "stage": journey.stages.get(card.stage_id).name,
        "moment_of_truth": card.moment_of_truth,
        "marked": point.marked,
        "whose": whose_pain(point, names),
        "scores": [{"persona": p.name, "persona_id": p.id, "score": s} for p, s in point.hurt],
    }


def format_summary(summary: dict) -> list[str]:
    lines = [
        summary["title"],
        f"  personas:      {', '.join(summary['personas']) or '(none)'}",
    ]
    for key in ("stages", "lanes", "cards", "touchpoints", "flows", "pain_points", "opportunities"):
        lines.append(f"  {key.replace('_', ' ') + ':':<15}{summary[key]}")
    lines += _pain_lines(summary)
    lines += _vote_lines(summary)
    who = f" ({summary['active_persona']})" if summary["active_persona"] else ""
    if not summary["emotion_by_stage"]:
        lines.append("  average emotion by stage: (no stages)")
        return lines
    lines.append(f"  average emotion by stage{who}:")
    stages = [visible(e["stage"]) for e in summary["emotion_by_stage"]]  # aligned as shown
    width = max(map(len, stages), default=0)
    for stage, e in zip(stages, summary["emotion_by_stage"], strict=True):
        value = "-" if e["average"] is None else f"{e['average']:+.2f}"
        lines.append(f"    {stage:<{width}}  {value}")
    return lines


def _vote_lines(summary: dict) -> list[str]:
    voted = summary["top_voted"]
    if not voted:
        return []
    lines = [f"  top voted (the workshop on {spoken_day(voted['workshop'])}):"]
    for d in voted["cards"][:TOP_PAINS]:
        lines.append(f"    {d['card']} \u00b7 {d['stage']} \u2014 {votes_words(d['votes'])}")
    return lines


def _pain_lines(summary: dict) -> list[str]:
    """The worst pain points and whose score makes each one ("Zoë −3, Margot −2")."""
    details = summary["pain_point_details"]
    if not details:
        return []
    shown = ", ".join(summary["shown_personas"]) or "no persona shown"
    lines = [f"  worst pain points (for {shown}):"]
    for d in details[:TOP_PAINS]:
        star = " \u2605" if d["moment_of_truth"] else ""
        lines.append(f"    {d['card']}{star} \u00b7 {d['stage']} \u2014 {d['whose']}")
    if len(details) > TOP_PAINS:
        lines.append(f"    \u2026 and {len(details) - TOP_PAINS} more (--json lists them all)")
    return lines
