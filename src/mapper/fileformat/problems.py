"""Load problems, reported as ``FILE: WHERE: what is wrong``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def format(self, source: str | Path) -> str:
        return f"{source}: {self.where}: {self.message}"


def json_path(location: Iterable[str | int]) -> str:
    """``('cards', 3, 'title')`` -> ``cards[3].title``; the root is ``$``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "$"


class JourneyFileError(Exception):
    """A file that cannot be opened as a journey map, with every problem found."""

    def __init__(self, source: str | Path, problems: Sequence[Problem], more: int = 0) -> None:
        self.source = str(source)
        self.problems = list(problems)
        self.more = more  # problems found but not listed
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        lines = [p.format(self.source) for p in self.problems]
        if self.more:
            lines.append(f"{self.source}: ... and {self.more} more problems")
        return lines
