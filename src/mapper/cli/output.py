"""Everything the command line prints goes through here.

Map text and file names reach the terminal in messages, summaries and problem lists. A
title holding ``ESC ] 0 ;`` would retitle the terminal, ``ESC [ 2 J`` would clear it,
U+202E would reverse what follows and a newline would forge a line of output. So every
control character (C0, DEL, C1), bidi control, line separator and lone surrogate is shown
as an escape, like Python shows it (``\\x1b``, ``\\u202e``), and a terminal that cannot show
a character gets a ``\\uXXXX`` escape instead of an encoding error.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# C0, DEL and C1 controls; the Arabic letter mark, LRM and RLM; line and paragraph
# separators; bidi embeddings, overrides and isolates; surrogates (never valid on their own).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")  # json.dumps escapes C0 itself
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        code -= 0xDC00
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """``text`` as one line with every character that could drive a terminal escaped."""
    return _UNSAFE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """Like :func:`visible` but keeps line breaks (for help and usage texts we wrote)."""
    return "\n".join(visible(line) for line in text.split("\n"))


def json_text(data: Any) -> str:
    """``data`` as indented JSON, readable (non-ASCII letters kept) but terminal safe."""
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False))


def json_safe(text: str) -> str:
    """JSON text with the unsafe characters ``json.dumps`` leaves (it escapes only C0
    controls) written as ``\\uXXXX``. Outside strings JSON text is plain ASCII, and inside
    them the escape means the same character to any JSON reader."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(line: object = "", *, err: bool = False) -> None:
    """Print one line (stdout, or stderr with ``err``), escaped with :func:`visible`."""
    write(visible(str(line)) + "\n", sys.stderr if err else sys.stdout)


class StreamError(Exception):
    """Standard output or error cannot be written (closed, a full disk): the command's
    own failure, said in one line, not an unexpected error. A reader that went away (a
    pipe into ``head``) is a :class:`BrokenPipeError` instead, and needs no words."""

    def __init__(self, message: str, *, on_stdout: bool = True) -> None:
        super().__init__(message)
        self.on_stdout = on_stdout


def write(text: str, stream: SupportsWrite[str] | None) -> None:
    """Write already safe text; characters the stream cannot encode become escapes."""
    if stream is None:  # started with the stream closed (``>&-``): Python gives None
        raise _stream_error(stream, "it is closed")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: ASCII is always safe
        text = text.encode("ascii", "backslashreplace").decode("ascii")
    try:
        stream.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stream_error(stream, reason(exc)) from exc


def flush_stdout() -> None:
    """Write out what standard output still holds, so that its failure is one we report
    (Python's own flush at exit would print a traceback-like complaint instead)."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StreamError(f"cannot write to standard output: {reason(exc)}") from exc


def reason(exc: OSError) -> str:
    """An OSError's reason as a message's last part: 'no space left on device'."""
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _stream_error(stream: object, why: str) -> StreamError:
    if stream is sys.stderr:
        return StreamError(f"cannot write to standard error: {why}", on_stdout=False)
    return StreamError(f"cannot write to standard output: {why}")
