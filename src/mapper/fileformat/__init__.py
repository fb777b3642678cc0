"""The `.journey` file format: schema, upgrades, loading and saving."""

from mapper.fileformat.io import dumps_journey, load_journey, loads_journey, save_journey
from mapper.fileformat.problems import JourneyFileError, Problem
from mapper.fileformat.schema import SCHEMA_VERSION, JourneyFile

__all__ = [
    "SCHEMA_VERSION",
    "JourneyFile",
    "JourneyFileError",
    "Problem",
    "dumps_journey",
    "load_journey",
    "loads_journey",
    "save_journey",
]
