"""Pictures of stored evidence for the widgets, read through the store (never by a path): a
file that cannot be read shows as no picture, and the viewer says why where it has room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage

from inspector.errors import InspectorError


def stored_image(read: Callable[[], bytes | None]) -> QImage:
    """The image the store gives (QImage: safe off the UI thread); null when there is none."""
    try:
        data = read()
    except InspectorError:
        return QImage()
    if not data:
        return QImage()
    image = QImage()
    image.loadFromData(data)
    return image
