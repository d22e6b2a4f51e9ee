"""The bundle's container: a plain zip file (docs/bundle.md) a bureau opens with common tools.

Members: ``manifest.json`` (what the bundle holds: every other member with its SHA-256 and
size, who made it, from which laptop), ``manifest.p7s`` (a detached CMS signature over the
manifest's bytes), ``data/<table>.jsonl`` (the rows, one JSON object a line), ``evidence/``
(files by hash) and ``records/`` (record PDFs). JPEGs, PDFs and every other evidence file are
stored, not compressed; only the JSON lines are deflated.

Opening a bundle checks the container before anything is read from it: a truncated file,
names that climb out (``..``), absolute names, links, directories, duplicate names (also
differing only in case), compression methods other than stored and deflate, and members or a
total over the limits below (a zip bomb) are refused with a message saying which.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from inspector.errors import InspectorError

FORMAT = "inspector-bundle"
VERSION = 1  # a bundle of a higher version is refused: made by a newer Inspector
MANIFEST = "manifest.json"
SIGNATURE = "manifest.p7s"

# Limits against hostile bundles (a handover of a year of photos stays well within them).
MAX_MEMBERS = 500_000
MAX_MEMBER_SIZE = 8 << 30  # 8 GiB: a long video
MAX_TOTAL_SIZE = 256 << 30  # 256 GiB
MAX_MANIFEST_SIZE = 256 << 20
MAX_SIGNATURE_SIZE = 1 << 20
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB
MAX_LINE = 64 << 20  # one row of data/*.jsonl
# All members together, unpacked, against the bundle's file: photos and PDFs are stored (1:1),
# JSON lines deflate about 10:1. Many members each under the ratio floor above (a distributed
# zip bomb) are caught here; a small bundle of rows only may always unpack to the floor.
MAX_TOTAL_RATIO = 50
TOTAL_RATIO_FLOOR = 64 << 20

_NAME = re.compile(r"^[A-Za-z0-9_.\-/]+$")


class BundleError(InspectorError):
    """A bundle that cannot be read, is not whole, or may not be imported."""


class BundleRefused(BundleError):
    """A bundle whose data conflicts with this laptop's (a signed inspection differs)."""


def check_name(name: str) -> str | None:
    """Why a member name is unsafe (None when it is fine): relative, plain ASCII parts,
    nothing that climbs out of the folder it is unpacked into."""
    if not name or name.startswith("/") or "\\" in name or ":" in name or "\x00" in name:
        return "绝对路径或含非法字符"
    if not _NAME.match(name):
        return "含非法字符"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "含 .. 或空的路径段"
    return None


@dataclass(frozen=True)
class Member:
    name: str
    size: int


def open_zip(path: Path) -> zipfile.ZipFile:
    """The bundle's zip, its directory checked (see the module docstring)."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise BundleError("找不到交接包：{path}", path=path) from error
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise BundleError(
            "交接包不完整或已损坏（可能被截断），不是有效的 zip 文件：{path}", path=path
        ) from error
    try:
        check_directory(archive)
        check_total(archive, path)
    except BaseException:
        archive.close()
        raise
    return archive


def check_directory(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BundleError(
            "交接包中的文件太多（{count} 个，上限 {limit} 个）", count=len(infos), limit=MAX_MEMBERS
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        problem = check_name(name)
        if problem is not None:
            raise BundleError(
                "交接包中的文件名不安全（{problem}）：{name}", problem=problem, name=name
            )
        if name.lower() in seen:
            raise BundleError("交接包中有重名的文件：{name}", name=name)
        seen.add(name.lower())
        mode = info.external_attr >> 16
        # Permission bits without a file type (some zip tools write only 0o644) are a plain
        # file; a type other than a regular file (a link, a device, a fifo) is refused.
        if info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
            raise BundleError("交接包中有链接、文件夹或特殊文件：{name}", name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError("交接包中的文件使用了不支持的压缩方式：{name}", name=name)
        if info.flag_bits & 0x1:
            raise BundleError("交接包中的文件被加密了：{name}", name=name)
        if info.file_size > MAX_MEMBER_SIZE:
            raise BundleError("交接包中的文件过大：{name}", name=name)
        if (
            info.compress_type == zipfile.ZIP_DEFLATED
            and info.file_size > (1 << 20)
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise BundleError("交接包中的文件压缩比异常（疑似压缩炸弹），已拒绝：{name}", name=name)
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise BundleError("交接包中的文件大小记录不一致：{name}", name=name)
        total += info.file_size
        if total > MAX_TOTAL_SIZE:
            raise BundleError("交接包解开后过大（超过 {limit} GB）", limit=MAX_TOTAL_SIZE >> 30)


def check_total(archive: zipfile.ZipFile, path: Path) -> None:
    """The members' declared sizes together against the bundle's file (see MAX_TOTAL_RATIO):
    refused before anything is unpacked."""
    declared = sum(info.file_size for info in archive.infolist())
    size = Path(path).stat().st_size
    if declared > max(TOTAL_RATIO_FLOOR, MAX_TOTAL_RATIO * size):
        raise BundleError(
            "交接包解开后的总大小（{declared} MB）与文件大小（{size} MB）极不相称"
            "（疑似压缩炸弹），已拒绝",
            declared=declared >> 20,
            size=round(size / (1 << 20), 1),
        )


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A small member (manifest, signature) whole, within ``limit`` bytes."""
    try:
        info = archive.getinfo(name)
    except KeyError as error:
        raise BundleError("交接包中缺少 {name}", name=name) from error
    if info.file_size > limit:
        raise BundleError("交接包中的 {name} 过大", name=name)
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise BundleError("交接包中的 {name} 已损坏：{error}", name=name, error=error) from error
    if len(data) != info.file_size:
        raise BundleError("交接包中的 {name} 已损坏（长度不符）", name=name)
    return data


# Members of evidence and records are stored: these formats are compressed already.
def stored_member(name: str) -> bool:
    return not name.endswith(".jsonl")
