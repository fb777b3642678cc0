"""Never lose work: recovery copies written while a document has unsaved changes."""

from mapper.recovery.store import RecoveryEntry, RecoveryStore, Typing

__all__ = ["RecoveryEntry", "RecoveryStore", "Typing"]
