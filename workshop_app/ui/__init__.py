"""The PySide6 front end: windows, pages, item models, undo commands."""
