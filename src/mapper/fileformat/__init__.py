"""The `.journey` file format: schema, upgrades, loading and saving."""

from mapper.fileformat.header import SCHEMA_VERSION
from mapper.fileformat.io import dumps_journey, load_journey, loads_journey, save_journey
from mapper.fileformat.problems import JourneyFileError, Problem

__all__ = [
    "SCHEMA_VERSION",
    "JourneyFileError",
    "Problem",
    "dumps_journey",
    "load_journey",
    "loads_journey",
    "save_journey",
]
