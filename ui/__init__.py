"""The desktop app (PySide6) over the core in ``inspector``."""
