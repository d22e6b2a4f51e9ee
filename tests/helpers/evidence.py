"""An inspection to add evidence to, and the check that the evidence store and the database
agree."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from inspector.db.models import Evidence
from inspector.evidence.shot import camera_jpeg
from inspector.inspections import (
    TeamMember,
    create_inspection,
)
from inspector.workspace import Workspace

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]


def new_inspection(ws: Workspace) -> str:
    return create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=TEAM,
    )


def assert_store_agrees(ws: Workspace) -> None:
    files, named, hashes = stored_evidence(ws)
    assert named <= files, f"rows without files: {named - files}"
    assert files <= named, f"files no row names: {files - named}"
    for path in files:
        if not ws.encrypted:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.stem
    for sha, suffix in hashes:  # through the store: decrypted where the store is encrypted
        assert ws.store.hash_of(sha, suffix) == sha
    leftovers = list(ws.store.incoming.iterdir()) if ws.store.incoming.is_dir() else []
    assert leftovers == []


def stored_evidence(ws: Workspace) -> tuple[set[Path], set[Path], set[tuple[str, str]]]:
    files = set(ws.store.files())
    named: set[Path] = set()
    hashes: set[tuple[str, str]] = set()
    with ws.db.session() as session:
        for row in session.scalars(select(Evidence)):
            from inspector.evidence.manage import stored_files

            for _role, sha, suffix in stored_files(row):
                named.add(ws.store.path_for(sha, suffix))
                hashes.add((sha, suffix))
    return files, named, hashes


def photo_taken_at(folder: Path, taken: datetime) -> Path:
    """A small JPEG whose EXIF says it was taken at ``taken`` (by "test camera")."""
    path = folder / f"photo-{taken:%H%M}.jpg"
    path.write_bytes(camera_jpeg(Image.new("RGB", (64, 48), "white"), taken, "test camera"))
    return path
