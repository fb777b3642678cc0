"""Load problems, reported as ``FILE: WHERE: what is wrong``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem of a file: where (a JSON path) and what, in the user's words."""

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

    def __init__(
        self,
        source: str | Path,
        problems: Sequence[Problem],
        more: int = 0,
        stopped: bool = False,
        repairable: bool = True,
    ) -> None:
        self.source = str(source)
        self.problems = list(problems)
        self.more = more  # problems found but not listed
        self.stopped = stopped  # checking stopped early: there may be more than that
        # False: not JSON, not a journey map or from a newer Mapper, with nothing a
        # repair could keep (it works item by item on a map this Mapper reads)
        self.repairable = repairable
        super().__init__("\n".join(self.lines()))

    def more_text(self) -> str:
        """``and 30 more problems``, or empty when every problem found is listed."""
        if not self.more:
            return ""
        return f"and {'at least ' if self.stopped else ''}{self.more:,} more problems"

    def lines(self) -> list[str]:
        lines = [p.format(self.source) for p in self.problems]
        if self.more:
            lines.append(f"{self.source}: ... {self.more_text()}")
        return lines
