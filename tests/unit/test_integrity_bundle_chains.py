"""The bundle's import on a laptop: an invented device's audit chain, a distributed zip
bomb, a forged continuation of the receiver's own chain, a full disk during an import, and a
zip member with permission bits but no file type. Each attack is crafted as someone with a
trusted key would make it and shown refused with the receiver unchanged (rows, audit head,
files)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import uuid
import zipfile
from pathlib import Path
from typing import IO, Any

import pytest
from cryptography.hazmat.primitives import serialization

from inspector.bundle import import_bundle
from inspector.bundle.format import MANIFEST
from inspector.hashing import canonical_json
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace
from tests.helpers.bundle import (
    PASSPHRASE,
    bundle_export,
    bundle_import,
    full_visit,
    laptop_data,
    laptop_state,
    make_laptop,
    resign_bundle,
    rewrite_bundle,
)
from tests.helpers.cli import Cli, new_inspection
from tests.helpers.signing_pki import make_ca, make_p12

Items = list[tuple[zipfile.ZipInfo, bytes]]
AUDIT = "data/audit_events.jsonl"
CUSTODY = "data/custody_events.jsonl"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _head(home: Path) -> str:
    from inspector.audit import audit_head

    with Workspace.open(home) as ws:
        return audit_head(ws)


def _unchanged(home: Path) -> tuple[Any, str, list[str]]:
    """What must not move: every row and file (``laptop_state``), the log's head, and every file
    anywhere under the data directory (a staged or half-written one included)."""
    return (
        laptop_state(home),
        _head(home),
        sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()),
    )


def _du(home: Path) -> int:
    return sum(p.stat().st_size for p in home.rglob("*") if p.is_file())


def _event(device: str, seq: int, prev: str, action: str = "answer.save") -> dict[str, Any]:
    """An audit event as a bundle's rows carry it, hashed and linked as the real ones are."""
    at = f"2026-12-01T08:{seq % 60:02d}:00.123456+00:00"
    facts = {
        "device_id": device,
        "seq": seq,
        "prev": prev,
        "at": at,
        "actor": "370100001",
        "action": action,
        "inspection_id": None,
        "entity_type": None,
        "entity_id": None,
        "state_sha256": None,
        "details": {},
    }
    body = canonical_json(facts)
    return {
        "id": str(uuid.uuid4()),
        **{k: v for k, v in facts.items() if k not in ("prev", "details")},
        "body": body,
        "prev_hash": prev,
        "hash": _sha(body.encode("utf-8")),
    }


def _with_rows(
    items: Items, home: Path, member: str, extra: list[dict[str, Any]], order: tuple[str, ...]
) -> Items:
    """The bundle's rows of ``member`` with ``extra`` added (in the chain's order), the
    manifest's member entry made to fit, signed again with the exporting laptop's device key."""
    out: Items = []
    body = b""
    for info, data in items:
        if info.filename == member:
            lines = [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
            lines = sorted([*lines, *extra], key=lambda r: tuple(r[k] for k in order))
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines).encode()
            body = data
        out.append((info, data))

    def edit(manifest: dict[str, Any]) -> None:
        for entry in manifest["members"]:
            if entry["name"] == member:
                entry.update(sha256=_sha(body), size=len(body))

    return resign_bundle(out, home, edit)


def _with_events(items: Items, home: Path, extra: list[dict[str, Any]]) -> Items:
    return _with_rows(items, home, AUDIT, extra, ("device_id", "seq"))


def _custody_of(items: Items, device: str) -> dict[str, Any]:
    """The bundle's first custody entry, made over as the first entry of ``device``'s chain."""
    data = dict(items)
    first = json.loads(next(v for k, v in data.items() if k.filename == CUSTODY).splitlines()[0])
    facts = {**json.loads(first["body"]), "device_id": device, "seq": 1, "prev": "0" * 64}
    body = canonical_json(facts)
    return {
        **first,
        "id": str(uuid.uuid4()),
        "device_id": device,
        "seq": 1,
        "prev_hash": "0" * 64,
        "body": body,
        "hash": _sha(body.encode("utf-8")),
    }


def _with_custody(items: Items, home: Path, device: str) -> Items:
    order = ("inspection_id", "device_id", "seq")
    return _with_rows(items, home, CUSTODY, [_custody_of(items, device)], order)


def _device_cert(home: Path, where: Path) -> Path:
    with Workspace.open(home) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
    where.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    return where


def _fictitious_chain(device: str = "f1c7f1c7-0000-4000-8000-000000000003") -> list[Any]:
    first = _event(device, 1, "0" * 64, "inspection.create")
    second = _event(device, 2, first["hash"])
    return [first, second]


# --- audit chains only from known devices ---------------------------------------------------------


def test_an_invented_devices_chain_re_signed_by_the_exporter_is_refused(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """The attack: a third device's chain, made up, added to a real bundle that is signed
    again by the exporting laptop's own key; the receiver has no trust list. Then the same
    bundle to a receiver that trusts that signer. Both refuse; nothing changes."""
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    forged = rewrite_bundle(
        good, tmp_path / "invented.zip", lambda i: _with_events(i, cli.home, _fictitious_chain())
    )
    before = _unchanged(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert "本机不认识的设备 f1c7f1c7" in err and "未改变" in err
    assert _unchanged(office.home) == before
    trusted = _device_cert(cli.home, tmp_path / "exporter-device.pem")
    out, _ = office("bundle", "verify", str(forged), "--trust", str(trusted))
    assert "验证通过" in out  # the bundle itself is whole and its signer trusted...
    _, err = bundle_import(office, forged, "--trust", str(trusted), expect=1)
    assert "本机不认识的设备 f1c7f1c7" in err  # ...but the invented laptop is not vouched for
    assert _unchanged(office.home) == before
    bundle_import(office, good)  # the real bundle still goes in
    out, _ = office("audit", "verify", "--json")
    report = json.loads(out)
    assert report["devices"] == 2  # the exporter and this laptop: no third one
    assert not any(o["device_id"].startswith("f1c7") for o in report["device_origins"])


def test_an_invented_device_with_a_head_statement_of_an_untrusted_key_is_refused(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """A smarter forgery: the invented device's head signed by a key of the attacker's own
    making. A receiver with a trust list refuses a head statement by a signer it does not
    trust, as it refuses such a bundle."""
    import base64

    from inspector.bundle.devices import _statement
    from inspector.bundle.signature import sign_manifest

    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    chain = _fictitious_chain()
    device = chain[0]["device_id"]
    attacker = make_laptop(cli.home, tmp_path / "attacker", device)
    shutil.rmtree(attacker / "keys")  # the attacker's own device key, naming the invented id
    with Workspace.open(attacker) as ws:
        key = KeyStore.of(ws).device_key(ws.db.device_id)
    text = _statement(device, 2, chain[1]["hash"])
    statement = {
        "statement": text,
        "signature": base64.b64encode(sign_manifest(text.encode(), key)).decode(),
    }

    def forge(items: Items) -> Items:
        items = _with_events(items, cli.home, chain)
        return resign_bundle(
            items, cli.home, lambda m: m["device_heads"].update({device: statement})
        )

    forged = rewrite_bundle(good, tmp_path / "invented-signed.zip", forge)
    trusted = _device_cert(cli.home, tmp_path / "exporter-device.pem")
    before = _unchanged(office.home)
    _, err = bundle_import(office, forged, "--trust", str(trusted), expect=1)
    assert "记录链头签名者不在本机信任的签名者之列" in err
    assert _unchanged(office.home) == before


def test_a_head_statement_must_match_the_chain_and_the_bundles_signer(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """The exporting laptop's head is signed by the manifest's signer and names the head the
    chain carries: a statement moved to another device, or a chain cut below it, is refused."""
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    exporter = manifest["exporter"]["device_id"]
    assert set(manifest["device_heads"]) == {exporter}

    def claim_other(items: Items) -> Items:
        return resign_bundle(
            items, cli.home, lambda m: m["exporter"].update(device_id="someone-else-laptop")
        )

    moved = rewrite_bundle(good, tmp_path / "moved.zip", claim_other)
    before = _unchanged(office.home)
    _, err = bundle_import(office, moved, expect=1)
    assert "清单却写明导出设备是" in err
    assert _unchanged(office.home) == before


def test_a_members_laptop_is_vouched_for_through_the_leaders_bundle_and_listed(
    cli: Cli, office: Cli, template_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ordinary hand-over chain still works: a member's laptop → the leader's → the
    office, which never met the member's laptop; ``audit verify`` lists each device and how
    it is known."""
    leader = Cli(make_laptop(template_home, tmp_path / "leader", "leader-laptop"), capsys)
    full_visit(cli, tmp_path)
    first = tmp_path / "member.zip"
    bundle_export(cli, first)
    bundle_import(leader, first)
    new_inspection(leader)
    second = tmp_path / "leader.zip"
    bundle_export(leader, second)
    with zipfile.ZipFile(second) as archive:
        heads = json.loads(archive.read(MANIFEST))["device_heads"]
    with Workspace.open(cli.home) as ws:
        member = ws.db.device_id
    assert set(heads) == {member, "leader-laptop"}  # the member's kept and forwarded
    out, _ = bundle_import(office, second)
    # No trust list here: the member's head is taken, and the import says it was not confirmed.
    assert f"新设备 {member[:8]} 的记录链头签名者" in out and "未经本机信任列表确认" in out
    out, _ = office("audit", "verify", "--json")
    report = json.loads(out)
    assert report["ok"] and report["devices"] == 3
    how = {o["device_id"]: o["how"] for o in report["device_origins"]}
    assert how["office-laptop"] == "本机"
    assert "导出设备" in how["leader-laptop"] and "设备密钥" in how["leader-laptop"]
    assert "经导出设备转交" in how[member]
    out, _ = office("audit", "verify")
    assert "leader-laptop" in out and "本机" in out


def test_with_a_trust_list_a_members_laptop_is_vouched_for_by_its_trusted_inspector(
    cli: Cli,
    office: Cli,
    template_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same chain of hand-overs where every laptop trusts the bureau's CA: the member's
    head is signed by the member's inspector key, which the office trusts."""
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", PASSPHRASE)
    ca = make_ca()
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.pem)
    leader = Cli(make_laptop(template_home, tmp_path / "leader", "leader-laptop"), capsys)
    keys = {}
    for laptop, name, cert_no in ((cli, "张伟", "370100001"), (leader, "李娜", "370100002")):
        p12 = tmp_path / f"{cert_no}.p12"
        p12.write_bytes(make_p12(ca, name, cert_no, passphrase=PASSPHRASE))
        out, _ = laptop("key", "import", str(p12), "--json")
        keys[cert_no] = json.loads(out)["key_id"]
        laptop("config", "trust", "add", str(ca_pem))
    office("config", "trust", "add", str(ca_pem))
    full_visit(cli, tmp_path)
    first = tmp_path / "member.zip"
    bundle_export(cli, first, "--key", keys["370100001"])
    bundle_import(leader, first)
    second = tmp_path / "leader.zip"
    bundle_export(leader, second, "--key", keys["370100002"])
    out, _ = bundle_import(office, second)
    assert "未经本机信任列表确认" not in out
    out, _ = office("audit", "verify", "--json")
    report = json.loads(out)
    with Workspace.open(cli.home) as ws:
        member = ws.db.device_id
    how = {o["device_id"]: o["how"] for o in report["device_origins"]}
    assert "经导出设备转交" in how[member] and "张伟" in how[member] and "（已确认）" in how[member]
    assert "李娜" in how["leader-laptop"]


def test_custody_entries_of_an_invented_device_or_of_the_receiver_itself_are_refused(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """The same rule for the evidence custody chains: an entry under a device id no one
    vouches for, or a first entry of the receiver's own chain that it never wrote."""
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    before = _unchanged(office.home)
    for device, word in (
        ("f1c7f1c7-0000-4000-8000-000000000003", "本机不认识的设备 f1c7f1c7 的证据保管记录"),
        ("office-laptop", "伪造的续写"),
    ):
        forged = rewrite_bundle(
            good,
            tmp_path / f"custody-{device}.zip",
            lambda i, d=device: _with_custody(i, cli.home, d),
        )
        _, err = bundle_import(office, forged, expect=1)
        assert word in err, (device, err)
        assert _unchanged(office.home) == before
    bundle_import(office, good)


# --- a forged continuation of the receiver's own chain --------------------------------------------


def test_a_forged_continuation_of_the_receivers_own_chain_is_refused_clearly(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """The bundle carries the next event of the receiver's own chain (linked to its head):
    only the receiver writes its chain. Refused in Chinese (not "UNIQUE constraint failed"),
    nothing changed."""
    import sqlite3

    new_inspection(office)  # the office's own log
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    connection = sqlite3.connect(office.home / "inspector.sqlite3")
    seq, head = connection.execute(
        "select seq, hash from audit_events where device_id = 'office-laptop' "
        "order by seq desc limit 1"
    ).fetchone()
    connection.close()
    forged_event = _event("office-laptop", seq + 1, head)
    forged = rewrite_bundle(
        good, tmp_path / "continued.zip", lambda i: _with_events(i, cli.home, [forged_event])
    )
    before = _unchanged(office.home)
    _, err = bundle_import(office, forged, expect=1)
    assert "伪造的续写" in err and "UNIQUE" not in err
    assert _unchanged(office.home) == before


# --- size limits that hold in total ---------------------------------------------------------------


def _bomb(items: Items, home: Path, count: int) -> Items:
    """``count`` members of 1 MiB each (not over the per-member floor), deflating several
    hundred to one, listed in the manifest with their true hashes; signed again by the exporter."""
    block = os.urandom(256)
    extra: Items = []
    entries = []
    for n in range(count):
        payload = (n.to_bytes(4, "big") + block).ljust(1 << 20, b"\0")
        sha = _sha(payload)
        name = f"evidence/{sha[:2]}/{sha}.jpg"
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        extra.append((info, payload))
        entries.append({"name": name, "sha256": sha, "size": len(payload)})
    return resign_bundle([*items, *extra], home, lambda m: m["members"].extend(entries))


def test_a_distributed_zip_bomb_is_refused_before_anything_is_written(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    new_inspection(cli)  # a bundle of rows only: small, as the attack's was
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    bomb = rewrite_bundle(good, tmp_path / "bomb.zip", lambda i: _bomb(i, cli.home, 120))
    with zipfile.ZipFile(bomb) as archive:
        infos = archive.infolist()
        declared = sum(i.file_size for i in infos)
    assert all(i.file_size <= 1 << 20 for i in infos)  # each under the per-member rule
    assert declared > 200 * bomb.stat().st_size  # over 200:1 in total
    before, size = _unchanged(office.home), _du(office.home)
    _, err = bundle_import(office, bomb, expect=1)
    assert "压缩炸弹" in err
    assert _du(office.home) - size < 2 << 20
    assert _unchanged(office.home) == before
    bundle_import(office, good)


def test_a_member_larger_than_it_declares_is_not_written_beyond_it(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """A member whose directory entry declares 4 KiB but whose data inflates to 8 MiB."""
    new_inspection(cli)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    payload = b"\0" * (8 << 20)
    small = b"\0" * 4096
    sha = _sha(small)
    name = f"evidence/{sha[:2]}/{sha}.jpg"

    def add(items: Items) -> Items:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        entry = {"name": name, "sha256": sha, "size": len(small)}
        return resign_bundle(
            [*items, (info, payload)], cli.home, lambda m: m["members"].append(entry)
        )

    liar = rewrite_bundle(good, tmp_path / "liar.zip", add)
    raw = bytearray(liar.read_bytes())
    # The central directory's uncompressed size of that member: 4 KiB instead of 8 MiB.
    entry = raw.rfind(name.encode()) - 46
    assert raw[entry : entry + 4] == b"PK\x01\x02"
    raw[entry + 24 : entry + 28] = len(small).to_bytes(4, "little")
    liar.write_bytes(bytes(raw))
    before, size = _unchanged(office.home), _du(office.home)
    _, err = bundle_import(office, liar, expect=1)
    assert "交接包" in err
    assert _du(office.home) - size < 1 << 20
    assert _unchanged(office.home) == before


def test_a_bundle_larger_than_the_free_space_is_refused_first(
    cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=(200 << 20) + 4096))
    before = _unchanged(office.home)
    _, err = bundle_import(office, good, expect=1)
    assert "磁盘空间不足" in err and "未改变" in err
    assert _unchanged(office.home) == before
    monkeypatch.undo()
    bundle_import(office, good)


# --- a full disk during the import ----------------------------------------------------------------


class _FullDisk:
    """A file that takes 64 KiB, then fails as a full disk does."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        if self.written > 64 << 10:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.handle.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def test_a_full_disk_during_an_import_says_so_and_leaves_nothing_half_written(
    cli: Cli, office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.errors import StorageError
    from inspector.evidence import store

    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real(fd, mode, *args, **kwargs)
        return _FullDisk(handle) if "w" in mode else handle

    before = _unchanged(office.home)
    monkeypatch.setattr(store.os, "fdopen", fdopen)
    _, err = bundle_import(office, good, expect=1)
    assert "磁盘已满" in err and "损坏" not in err
    with Workspace.open(office.home) as ws, pytest.raises(StorageError, match="磁盘已满"):
        import_bundle(ws, good)
    monkeypatch.undo()
    assert _unchanged(office.home) == before
    bundle_import(office, good)
    assert laptop_data(office.home) == laptop_data(cli.home)


# --- permission bits without a file type ----------------------------------------------------------


def test_a_member_with_permission_bits_and_no_file_type_is_a_plain_file(
    cli: Cli, office: Cli, tmp_path: Path
) -> None:
    """Some zip tools write only 0o644 (no S_IFREG): a regular file, accepted. A link, a
    device or a fifo is still refused."""
    full_visit(cli, tmp_path)
    good = tmp_path / "good.zip"
    bundle_export(cli, good)

    def bits_only(items: Items) -> Items:
        for info, _ in items:
            info.external_attr = 0o644 << 16
        return items

    plain = rewrite_bundle(good, tmp_path / "bits-only.zip", bits_only)
    bundle_import(office, plain)
    assert laptop_data(office.home) == laptop_data(cli.home)
    for kind in (stat.S_IFLNK, stat.S_IFIFO, stat.S_IFCHR):

        def typed(items: Items, kind: int = kind) -> Items:
            items[0][0].external_attr = (kind | 0o644) << 16
            return items

        odd = rewrite_bundle(good, tmp_path / f"typed-{kind}.zip", typed)
        before = _unchanged(office.home)
        _, err = bundle_import(office, odd, expect=1)
        assert "链接、文件夹或特殊文件" in err
        assert _unchanged(office.home) == before
