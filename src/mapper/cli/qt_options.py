"""Qt's own command-line options (``-style Fusion``, ``-reverse``, ``-platform offscreen``...),
which every Qt application takes: they are set aside for the editor's window, the rest is
Mapper's command line. Qt-free: the command line is read before Qt loads."""

from __future__ import annotations

from collections.abc import Sequence

# Those of QGuiApplication and QApplication (and the X11 ones), by whether a value follows.
WITH_VALUE = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
    "qwindowicon", "qwindowtitle", "style", "stylesheet", "session", "display", "geometry",
    "title", "name", "visual", "ncols",
})  # fmt: skip
FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync", "cmap"})


class QtOptionError(ValueError):
    """A Qt option without the value it needs (the message names it)."""


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``argv`` (without the program's name) as Qt's options, each with its value, and
    the rest in order. Both ``-style X`` and ``--style=X`` forms are Qt's; anything after
    ``--`` is Mapper's (a file named ``-reverse``)."""
    qt: list[str] = []
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            rest.append(arg)
            rest.extend(args)
            break
        name, has_value, _ = arg.lstrip("-").partition("=")
        if not arg.startswith("-") or arg.startswith("---"):
            rest.append(arg)
        elif name in FLAGS and not has_value:
            qt.append(arg)
        elif name in WITH_VALUE:
            qt.append(arg)
            if not has_value:
                value = next(args, None)
                if value is None:
                    raise QtOptionError(f"{arg} needs a value (e.g. {arg} {_EXAMPLES[name]})")
                qt.append(value)
        else:
            rest.append(arg)
    return qt, rest


_EXAMPLES = {
    "platform": "xcb", "platformpluginpath": "PATH", "platformtheme": "gtk3", "plugin": "NAME",
    "qwindowgeometry": "1200x800+0+0", "qwindowicon": "FILE", "qwindowtitle": "TITLE",
    "style": "Fusion", "stylesheet": "FILE.qss", "session": "ID", "display": ":0",
    "geometry": "1200x800", "title": "TITLE", "name": "NAME", "visual": "TrueColor",
    "ncols": "256",
}  # fmt: skip


def names_a_platform(qt_options: Sequence[str]) -> bool:
    """Whether the options choose Qt's platform (then Qt, not DISPLAY, says where the
    window goes: ``-platform offscreen`` needs no screen)."""
    return any(
        option.startswith("-") and option.lstrip("-").partition("=")[0] == "platform"
        for option in qt_options
    )
