"""Standard output that cannot be written: a pipe whose reader went away, a closed or
full stream. One line on stderr (or none, for a pipe into ``head``), exit 1, never a
traceback or an 'unexpected error'."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from mapper.cli.main import main

EXAMPLE = "examples/coffee-chain.journey"


class _FullDisk:
    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass


class _GoneReader(_FullDisk):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _run_with_closed_pipe(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``mapper ARGV`` writing into a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "mapper", *argv],
            stdout=write_end, stderr=subprocess.PIPE, text=True, check=False, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write_end)


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["--version"]])
def test_help_into_a_pipe_nobody_reads_is_no_traceback(argv):
    result = _run_with_closed_pipe(*argv)
    assert result.returncode == 1
    assert result.stderr == ""


def test_a_summary_into_a_pipe_nobody_reads_says_nothing():
    result = _run_with_closed_pipe("info", EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv", [["schema"], ["templates"], ["validate", EXAMPLE], ["info", EXAMPLE], ["--help"]]
)
def test_a_full_disk_under_stdout_is_one_line(monkeypatch, capsys, argv):
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err == "mapper: cannot write to standard output: no space left on device\n"


def test_a_closed_stdout_is_one_line_not_an_unexpected_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["validate", EXAMPLE]) == 1
    assert capsys.readouterr().err == "mapper: cannot write to standard output: it is closed\n"


def test_a_reader_gone_in_process_is_quiet(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    assert main(["templates"]) == 1
    assert capsys.readouterr().err == ""


def test_a_closed_stderr_still_gives_the_exit_code(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["validate", str(tmp_path / "missing.journey")]) == 1
