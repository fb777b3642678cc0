"""The application log: a rotated file in the user's data folder (no Qt).

The command line and the editor both write there; nothing of it reaches the terminal."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

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
