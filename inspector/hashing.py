"""One canonical JSON form for everything whose hash is kept or printed: checklist snapshots,
the record's data (its QR code), custody entries. The same data gives the same bytes on every
laptop: sorted keys, no spaces, UTF-8, no NaN."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> str:
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def sha256_of(data: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``data``."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
