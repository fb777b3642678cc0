"""The bundled map templates in ``resources/templates`` (one `.journey` file each)."""

from __future__ import annotations

from dataclasses import dataclass
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
        """The first line of the template map's description."""
        return (self.load().info.description.strip().splitlines() or [""])[0]


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
