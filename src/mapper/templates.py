"""The bundled map templates in ``resources/templates`` (one `.journey` file each).

A template's map holds only what a user may keep: example structure and content. What
tells the user what to write (a scenario to describe, a persona's bio) is a hint, kept
beside the map in ``NAME.hints.json`` and never part of it: the editor shows hints as
placeholder text in empty fields, and nothing saves, prints or presents them. That file
also says what the template is about, for the template chooser::

    {"about": "What the template is for.",
     "hints": {"map.scenario": "...", "persona.bio@persona-1": "...",
               "stage.notes@stage-book": "..."}}

Hint keys are ``ENTITY.FIELD`` (any of that kind) or ``ENTITY.FIELD@ID`` (one of them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mapper.fileformat import load_journey
from mapper.model import JourneyMap
from mapper.resources import templates_dir

DEFAULT_TEMPLATE = "customer-journey"
TITLES = {
    "blank": "Blank map",
    "customer-journey": "Customer journey",
    "service-blueprint": "Service blueprint",
    "saas-onboarding": "SaaS onboarding",
}
TEMPLATE_ORDER = ("blank", "customer-journey", "service-blueprint", "saas-onboarding")


@dataclass(frozen=True)
class Template:
    """A bundled map a new map can start from."""

    name: str
    path: Path

    def load(self) -> JourneyMap:
        return load_journey(self.path)

    @property
    def title(self) -> str:
        """A readable name: "SaaS onboarding" for saas-onboarding."""
        return TITLES.get(self.name, self.name.replace("-", " ").capitalize())

    @property
    def description(self) -> str:
        """The first line of what the template is about (else of its map's description)."""
        about = self._extras.get("about")
        text = about if isinstance(about, str) else self.load().info.description
        return (text.strip().splitlines() or [""])[0]

    @property
    def hints(self) -> dict[str, str]:
        """Placeholder hints for a new map's empty fields (see the module's docstring)."""
        found = self._extras.get("hints")
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}

    @cached_property
    def _extras(self) -> dict[str, object]:
        """The template's ``.hints.json``; nothing when it is missing or unreadable."""
        try:
            found = json.loads(self.path.with_suffix(".hints.json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}


def available_templates() -> list[Template]:
    found = {p.stem: Template(p.stem, p) for p in templates_dir().glob("*.journey")}
    ordered = [found.pop(name) for name in TEMPLATE_ORDER if name in found]
    return ordered + sorted(found.values(), key=lambda t: t.name)


def find_template(name: str) -> Template:
    for template in available_templates():
        if template.name == name:
            return template
    names = ", ".join(t.name for t in available_templates())
    raise LookupError(f"no template named {name!r} (available: {names})")
