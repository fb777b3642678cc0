"""A background writer: one thread that runs the jobs it is given in their order.

The thread (and ``concurrent.futures``, about 1 ms to load) is made with the first job,
not as the module loads: opening a map writes nothing before its first frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor


class Writer:
    """Jobs run one at a time, in order, on a thread named ``name``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, job: Callable[..., Any], *args: Any) -> Future:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # (joins its thread at exit)

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)
        return self._pool.submit(job, *args)

    def wait(self) -> None:
        """Block until every job given so far is done (at once if none ever was)."""
        if self._pool is not None:
            self._pool.submit(lambda: None).result()
