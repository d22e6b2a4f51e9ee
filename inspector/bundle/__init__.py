"""Hand-over bundles (交接包): signed, verifiable zip files that carry inspections
between laptops and to the office. ``export`` makes one, ``verify`` checks one on its own,
``merge`` imports one; the format is documented in docs/bundle.md."""

from inspector.bundle.export import (
    ExportResult,
    PreparedBundle,
    choose_key,
    export_bundle,
    prepare_bundle,
)
from inspector.bundle.format import BundleError, BundleRefused
from inspector.bundle.merge import (
    ConflictView,
    ImportResult,
    import_bundle,
    list_conflicts,
    missing_files,
    preview_bundle,
    settle_conflict,
)
from inspector.bundle.verify import BundleReport, verify_bundle

__all__ = [
    "BundleError",
    "BundleRefused",
    "BundleReport",
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "PreparedBundle",
    "choose_key",
    "export_bundle",
    "import_bundle",
    "list_conflicts",
    "missing_files",
    "prepare_bundle",
    "preview_bundle",
    "settle_conflict",
    "verify_bundle",
]
