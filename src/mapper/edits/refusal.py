"""A user's mistake, in words for the status bar (not a bug: no traceback)."""


class EditRefused(ValueError):
    """An intent that cannot become a change, e.g. connecting two connected cards."""
