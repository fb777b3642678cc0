"""PySide6 reads the source file of every module imported after it (its import hook looks
for ``from __feature__ import ...``, an opt-in to snake_case names). Mapper opts into none,
so its own modules are spared the read, and so are the modules loaded before the hook
was adjusted (the standard library's and the libraries' Mapper loads before Qt, which use no
PySide): some 130 files, about 15 ms of a map's first frame, and the Qt-free libraries
loaded later (``QT_FREE``). Other modules new to the process are still read, and an explicit
``from __feature__ import`` still works: PySide handles that import itself, whatever the
hook decided.

This module imports nothing but ``sys`` and Qt itself (no ``__future__``, ``typing`` or
``types``): each import statement before the hook is adjusted has PySide read the source of
the module it names, ``typing``'s among them (about 0.6 ms)."""

import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook this module adjusts)

HOOK_MODULE = "shibokensupport.feature"
HOOK_FUNCTION = "_mod_uses_pyside"
# Qt-free libraries Mapper may load after Qt (the graph algorithms when first asked, the
# schema when a file is validated, the PDF writer when one is exported): their answer is
# known ("no"), their sources need no reading
QT_FREE = ("networkx", "pydantic", "pydantic_core", "annotated_types", "typing_inspection",
           "reportlab", "bidi", "arabic_reshaper")  # fmt: skip
_spared: set[str] = set()


def spare_own_modules(package: str = "mapper") -> bool:
    """Tell PySide's hook that ``package``'s modules use PySide without features, instead of
    letting it read their sources to find out. False if this PySide has no such hook (a
    later one may not read sources at all)."""
    hook = sys.modules.get(HOOK_MODULE)
    reads_source = getattr(hook, HOOK_FUNCTION, None)
    if reads_source is None:
        return False
    if package in _spared:
        return True
    prefix = package + "."
    loaded_before = {name for name in sys.modules if not name.startswith(("PySide6", "shiboken"))}

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        if name == package or name.startswith(prefix):
            return True
        if name.partition(".")[0] in QT_FREE:
            return False
        return name not in loaded_before and bool(reads_source(module))

    setattr(hook, HOOK_FUNCTION, uses_pyside)
    _spared.add(package)
    return True
