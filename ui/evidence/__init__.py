"""Evidence widgets over inspector/evidence: the strip of thumbnails for an inspection or one
checklist item (add files, a folder, drag and drop, the camera), the viewer with its caption and
link, the annotation editor and the sealing list. Embed :class:`EvidenceStrip` in a screen::

    strip = EvidenceStrip(workspace, runner, parent)
    strip.set_target(inspection_id, item_code)   # item_code None: the whole inspection
    strip.changed.connect(...)                    # evidence added, changed or removed
"""

from ui.evidence.annotate import AnnotationEditor
from ui.evidence.camera import CameraDialog, available_cameras
from ui.evidence.sealing import SealingListDialog
from ui.evidence.strip import EvidenceStrip
from ui.evidence.viewer import EvidenceViewer

__all__ = [
    "AnnotationEditor",
    "CameraDialog",
    "EvidenceStrip",
    "EvidenceViewer",
    "SealingListDialog",
    "available_cameras",
]
