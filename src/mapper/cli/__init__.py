"""The `mapper` command line."""
