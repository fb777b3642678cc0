"""No traceback ever reaches the user: unexpected errors go to a log file."""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from mapper.cli.output import say, visible
from mapper.paths import log_dir

LOG_NAME = "mapper.log"


def log_file() -> Path:
    return log_dir() / LOG_NAME


def open_log() -> logging.Logger:
    """The application log, rotated (1 MB x 3) in the user's data folder."""
    logger = logging.getLogger("mapper")
    path = log_file()
    for handler in list(logger.handlers):  # the data folder moved (a test, a new setting)
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) != path.absolute()
        ):
            logger.removeHandler(handler)
            handler.close()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


def report_unexpected(exc: BaseException) -> str:
    """Log the full traceback; return one line for the user."""
    where = "(could not write the log)"
    try:
        logger = open_log()
        logger.error("unexpected error\n%s", "".join(traceback.format_exception(exc)).rstrip())
        where = str(log_file())
    except Exception:  # the log itself failed: still say something useful
        pass
    summary = visible(f"{type(exc).__name__}: {exc}".splitlines()[0])[:300]
    line = f"mapper: unexpected error ({summary}); details in {where}"
    say(line, err=True)
    return visible(line)
