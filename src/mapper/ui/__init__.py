"""The main window and its panels."""

from mapper.ui.import_hook import spare_own_modules

spare_own_modules()  # before the window's modules load: PySide need not read their files
