"""No traceback ever reaches the user: unexpected errors go to a log file."""

from __future__ import annotations

import traceback

from mapper.cli.output import say, visible


def report_unexpected(exc: BaseException) -> str:
    """Log the full traceback; return one line for the user."""
    where = "(could not write the log)"
    try:
        from mapper.logs import log_file, open_log  # only when something went wrong

        logger = open_log()
        logger.error("unexpected error\n%s", "".join(traceback.format_exception(exc)).rstrip())
        where = str(log_file())
    except Exception:  # the log itself failed: still say something useful
        pass
    summary = visible(f"{type(exc).__name__}: {exc}".splitlines()[0])[:300]
    line = f"mapper: unexpected error ({summary}); details in {where}"
    say(line, err=True)
    return visible(line)
