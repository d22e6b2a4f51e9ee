"""Encryption at rest: nothing readable from a lost laptop's data directory; keys,
passphrases, recovery; ``home encrypt`` and its kill test."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from PIL import Image
from pytestqt.qtbot import QtBot

from inspector.crypto.files import SEGMENT, FileCipher
from inspector.crypto.home import STAGING, create_encrypted, encrypt_home, unlock
from inspector.crypto.vault import Vault, VaultError, WrongPassphrase
from inspector.errors import StorageError
from inspector.paths import DataDir
from inspector.workspace import Workspace
from tests.helpers.cli import Cli
from tests.helpers.homes import HOLDER, PASSPHRASE, PHOTOS, ROOT, open_home
from tests.helpers.lawful import lawful_cli
from tests.helpers.tasks import inline_tasks

# Markers: ASCII inside Chinese text, so one search finds them in UTF-8, UTF-16 and GBK alike.
MARKERS = {
    "institution": "绝密XQZINSTITUTION医院",
    "inspector": "王XQZINSPECTOR",
    "note": "床位空置XQZNOTE三张",
    "exif": "XQZEXIFMARK",
    "signer": "李XQZSIGNER",
    "patient": "患者XQZPATIENT",
    "drug": "数量不符XQZDRUGNOTE",
    "interview": "回家了XQZINTERVIEW",
    "case": "XQZCASEBODY医疗保障局",
}
STROKES = [[[0, 0], [20, 30], [40, 0], [60, 30]], [[5, 40], [55, 40]]]


def _marker_photo(path: Path) -> Path:
    image = Image.new("RGB", (640, 480), (120, 90, 60))
    exif = Image.Exif()
    exif[0x010E] = MARKERS["exif"]  # ImageDescription
    exif[0x013B] = MARKERS["exif"]  # Artist
    image.save(path, format="JPEG", quality=80, exif=exif.tobytes())
    return path


def _fill(cli: Cli, tmp_path: Path) -> str:
    """Institution, inspectors, a note, photos with a marker in EXIF, handwritten and digital
    signatures: a record signed by the whole team."""
    out, _ = cli(
        "inspection", "new", "--institution", MARKERS["institution"], "--type", "primary_care",
        "--mode", "surprise", "--district", "历城区",
        "--inspector", f"{MARKERS['inspector']}:370100001",
        "--inspector", f"{MARKERS['signer']}:370100002", "--leader", "370100002",
    )  # fmt: skip
    inspection_id = out.strip()
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", MARKERS["note"])
    photos = tmp_path / "card"
    photos.mkdir()
    _marker_photo(photos / "marker.jpg")
    shutil.copy(next(iter(sorted((PHOTOS / "gps").glob("*.jpg")))), photos / "gps.jpg")
    cli("evidence", "add", inspection_id, str(photos), "--item", "P5.1", "--by", "370100001")
    lawful_cli(cli, inspection_id)  # the law's minimums, captured before anyone signs
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(STROKES), encoding="utf-8")
    for name, cert in ((MARKERS["inspector"], "370100001"), (MARKERS["signer"], "370100002")):
        cli("record", "sign-hand", inspection_id, "--role", "inspector", "--name", name,
            "--cert-no", cert, "--strokes", str(strokes))  # fmt: skip
    cli("record", "refuse", inspection_id, "--representative", "王某", "--reason", "不认可",
        "--witness", "赵某", "--witness-id-no", "11010519491231002X",
        "--witness-relation", "无关系", "--witness-strokes", str(strokes))  # fmt: skip
    cli("inspection", "finish", inspection_id)
    cli("record", "build", inspection_id)
    keys = {}
    for name, cert in ((MARKERS["inspector"], "370100001"), (MARKERS["signer"], "370100002")):
        out, _ = cli("key", "trial", "--name", name, "--cert-no", cert, "--json")
        keys[cert] = json.loads(out)["key_id"]
    cli("record", "sign", inspection_id, "--key", keys["370100001"])
    cli("record", "sign", inspection_id, "--key", keys["370100002"])
    return inspection_id


def _fill_after_the_visit(cli: Cli, tmp_path: Path, signed: str) -> str:
    """The later parts of a visit, with markers: the ledger's entry of the signed record with a
    case step and a rectification order, and on a second visit an interview, a drug check, a
    claims sample (patients' names) and a 进销存 reconciliation kept as evidence; the ledger
    and the audit log exported (the exports go where the user asks, outside the directory)."""
    from tests.helpers.claims import generate, write_csv
    from tests.helpers.stock import Kind, ledger_files

    out, _ = cli("ledger", "list", "--json")
    (entry,) = json.loads(out)["entries"]
    cli("ledger", "case", entry["id"][:8], "--kind", "协议处理", "--date", "2026-11-02",
        "--body", MARKERS["case"], "--doc-no", "历医保协〔2026〕1号")  # fmt: skip
    cli("ledger", "order", signed, "--deadline", "2099-12-31")
    out, _ = cli(
        "inspection", "new", "--institution", MARKERS["institution"] + "二院",
        "--type", "public_hospital", "--mode", "surprise", "--district", "历城区",
        "--focus", "key_drugs_2023",
        "--inspector", f"{MARKERS['inspector']}:370100001", "--json",
    )  # fmt: skip
    visit = json.loads(out)["id"]
    out, _ = cli("interview", "new", visit, "--name", MARKERS["patient"], "--role", "护士",
                 "--json")  # fmt: skip
    cli("interview", "ask", json.loads(out)["id"], "-q", "病人在哪里？", "-a", MARKERS["interview"])
    cli("drug", visit, "FK.1", "1", "--count", "12", "--unit", "瓶", "--note", MARKERS["drug"])
    bills = generate(300)
    for row in bills:
        row[2] = f"{MARKERS['patient']}{row[2]}"
    claims = write_csv(tmp_path / "结算.csv", bills)
    cli("claims", "sample", visit[:8], str(claims), "--since", "2018-01-01", "--seed", "42",
        "--top", "10")  # fmt: skip
    files = ledger_files(tmp_path)
    cli("stock", "reconcile", visit, "--from", "2026-01-01", "--to", "2026-06-30",
        "--purchases", str(files[Kind.PURCHASES]), "--sales", str(files[Kind.SALES]),
        "--settlements", str(files[Kind.SETTLEMENTS]), "--opening", str(files[Kind.OPENING]),
        "--count", str(files[Kind.COUNT]), "--attach", "--violation", "VH07")  # fmt: skip
    cli("ledger", "export", "--out", str(tmp_path / "台账.xlsx"))
    cli("audit", "export", "--out", str(tmp_path / "操作记录.xlsx"))
    return visit


def _camera_shot(qtbot: QtBot, home: Path, inspection_id: str) -> None:
    """A photo from the camera dialog, through its in-memory path (a QVideoFrameInput in place
    of the device, as in test_evidence_ui)."""
    from PySide6.QtGui import QImage

    from ui.evidence import EvidenceStrip
    from ui.evidence.camera import CameraCheck, CameraDialog, available_cameras
    from ui.tasks import TaskRunner

    assert not available_cameras().available  # loads QtMultimedia as the app does
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

    ws = open_home(home)
    try:
        with inline_tasks():
            strip = EvidenceStrip(ws, TaskRunner())
            qtbot.addWidget(strip)
            strip.set_target(inspection_id)
            frames = QVideoFrameInput()
            dialog = CameraDialog(CameraCheck(), strip, frames=frames)
            strip.connect_camera(dialog)
            with qtbot.waitSignal(strip.changed):
                dialog.take()
                frames.sendVideoFrame(
                    QVideoFrame(QImage(str(PHOTOS / "orientation" / "portrait_6.jpg")))
                )
            assert not strip.unsaved_shots and len(strip.evidence) == 2  # the table and the shot
            dialog.accept()
    finally:
        ws.close()


# Whole-file magic numbers, searched at the start of each file; inside a file only signatures
# long enough that random ciphertext does not hold them by chance (5+ bytes: ~2^-40 a place).
HEAD_MAGIC = (b"\xff\xd8\xff", b"%PDF", b"SQLite format 3", b"\x89PNG", b"PK\x03\x04")
INNER_MAGIC = (b"%PDF-", b"SQLite format 3\x00", b"JFIF\x00", b"Exif\x00\x00", b"\x89PNG\r\n")


def _hits(home: Path) -> list[str]:
    needles = [m.encode(enc) for m in MARKERS.values() for enc in ("utf-8", "utf-16-le", "gbk")]
    needles += [m.encode("utf-16-be") for m in MARKERS.values()]
    # Their ASCII parts alone (7+ bytes: random ciphertext does not hold them by chance).
    ascii_parts = ["".join(c for c in m if c.isascii()) for m in MARKERS.values()]
    needles += [a.encode(enc) for a in ascii_parts for enc in ("ascii", "utf-16-le", "utf-16-be")]
    found = []
    for path in sorted(home.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        name = str(path.relative_to(home))
        found += [f"{name}: starts with {m!r}" for m in HEAD_MAGIC if data.startswith(m)]
        found += [f"{name}: holds {m!r}" for m in INNER_MAGIC if m in data]
        found += [f"{name}: marker {m!r}" for m in needles if m in data]
        if "XQZ" in name:
            found.append(f"{name}: marker in the name")
    return found


@pytest.fixture
def key_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "口令-正确-1234")


@pytest.mark.slow
@pytest.mark.qt_log_ignore("No RHI backend")  # offscreen: the camera's view converts on the CPU
@pytest.mark.parametrize("home", ["encrypted"], indirect=True)
def test_nothing_readable_in_an_encrypted_data_directory(
    cli: Cli,
    home: Path,
    tmp_path: Path,
    key_passphrase: None,
    system_temp: Path,
    qtbot: QtBot,
) -> None:
    inspection_id = _fill(cli, tmp_path)
    visit = _fill_after_the_visit(cli, tmp_path, inspection_id)
    _camera_shot(qtbot, home, visit)
    with open_home(home) as ws:  # a checkpoint: the WAL's pages go into the database file
        assert ws.encrypted
    assert _hits(home) == []
    assert _hits(system_temp) == []
    # And it is all there, through the keys: the signed record copied out verifies.
    copy = tmp_path / "记录.pdf"
    cli("record", "export", inspection_id, "--out", str(copy))
    assert copy.read_bytes().startswith(b"%PDF-")
    out, _ = cli("record", "verify", str(copy), "--json", expect=2)  # trial keys: untrusted
    report = json.loads(out)
    assert report["verdict"] == "untrusted" and not report["record_problems"]
    out, _ = cli("verify-evidence", inspection_id)
    assert "保管链完整" in out


@pytest.mark.slow
def test_the_same_data_in_a_plain_directory_is_found_by_the_search(
    cli: Cli, home: Path, tmp_path: Path, key_passphrase: None
) -> None:
    """The search can fail: on a plain directory it finds the markers and the magic numbers."""
    inspection_id = _fill(cli, tmp_path)
    _fill_after_the_visit(cli, tmp_path, inspection_id)
    with open_home(home):
        pass
    hits = "\n".join(_hits(home))
    for expected in ("SQLite format 3", r"\xff\xd8\xff", "%PDF", "XQZ"):
        assert expected in hits
    for marker in ("XQZPATIENT", "XQZDRUGNOTE", "XQZINTERVIEW", "XQZCASEBODY"):
        assert marker in hits


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_answers_evidence_and_records_work_on_both(cli: Cli, home: Path, tmp_path: Path) -> None:
    out, _ = cli(
        "inspection", "new", "--institution", "某药店", "--type", "retail_pharmacy",
        "--mode", "surprise", "--district", "市中区", "--inspector", "张伟:370100001",
        "--inspector", "李娜:370100002",  # two 执法人员 (行政处罚法 art. 42)
    )  # fmt: skip
    inspection_id = out.strip()
    cli("answer", inspection_id, "P1.1", "--result", "ok")
    cli("evidence", "add", inspection_id, str(PHOTOS / "gps"), "--by", "370100001")
    lawful_cli(cli, inspection_id)
    cli("inspection", "finish", inspection_id)
    pdf = tmp_path / "记录.pdf"
    cli("record", "build", inspection_id, "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    again = tmp_path / "再存.pdf"
    cli("record", "export", inspection_id, "--out", str(again))
    assert again.read_bytes() == pdf.read_bytes()
    assert "保管链完整" in cli("verify-evidence", inspection_id)[0]
    with open_home(home) as ws:
        assert ws.encrypted == (home / "vault.json").exists()


def test_wrong_passphrase_missing_vault_and_damaged_vault_say_so_and_change_nothing(
    cli: Cli, tmp_path: Path, encrypted_template: Path
) -> None:
    home = tmp_path / "enc"
    shutil.copytree(encrypted_template, home)
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase, match="口令不正确"):
        unlock(home, HOLDER, "not the passphrase")
    with pytest.raises(VaultError, match="没有口令"):
        unlock(home, "999999999", PASSPHRASE)
    with pytest.raises(VaultError, match="请先登录"):
        Workspace.open(home)
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope nope nope\n", encoding="utf-8")
    code = _cli_code(home, "inspection", "list", "--home-passphrase-file", str(wrong))
    assert code == 1
    # Damaged: cut in half. Then missing: the database is not taken for a new, empty one.
    vault = home / "vault.json"
    text = vault.read_bytes()
    vault.write_bytes(text[: len(text) // 2])
    with pytest.raises(VaultError, match="已损坏"):
        unlock(home, HOLDER, PASSPHRASE)
    vault.write_bytes(text.replace(b'"wrapped": "', b'"wrapped": "AAAA'))
    with pytest.raises(VaultError, match=r"已损坏|口令不正确"):
        unlock(home, HOLDER, PASSPHRASE)
    vault.unlink()
    with pytest.raises(VaultError, match=r"密钥文件 .* 缺失"):
        Workspace.open(home)
    vault.write_bytes(text)
    with Workspace.open(home, unlock(home, HOLDER, PASSPHRASE)) as ws:
        assert ws.encrypted


def _cli_code(home: Path, *args: str) -> int:
    from inspector.cli import main

    return main([*args, "--home", str(home)])


def test_a_passphrase_changes_and_inspectors_are_added_without_re_encrypting(
    tmp_path: Path, encrypted_template: Path
) -> None:
    home = tmp_path / "enc"
    shutil.copytree(encrypted_template, home)
    keys = unlock(home, HOLDER, PASSPHRASE)
    data = {p: p.read_bytes() for p in home.rglob("*") if p.is_file() and p.name != "vault.json"}
    vault = Vault.load(home)
    vault.set_passphrase(keys, HOLDER, "新的口令 battery staple")
    vault.set_passphrase(keys, "370100002", "李娜的口令 12345")
    vault.save()
    with pytest.raises(WrongPassphrase):
        unlock(home, HOLDER, PASSPHRASE)
    assert unlock(home, HOLDER, "新的口令 battery staple").master == keys.master
    assert unlock(home, "370100002", "李娜的口令 12345").master == keys.master
    assert Vault.load(home).holders() == [HOLDER, "370100002"]
    # Only the key file changed: the database and every file are as they were.
    assert {
        p: p.read_bytes() for p in home.rglob("*") if p.is_file() and p.name != "vault.json"
    } == data
    with pytest.raises(Exception, match="至少"):
        vault.set_passphrase(keys, HOLDER, "short")


def test_the_bureau_recovery_key_opens_a_forgotten_passphrase(
    tmp_path: Path, encrypted_template: Path
) -> None:
    home = tmp_path / "enc"
    shutil.copytree(encrypted_template, home)
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    keys = unlock(home, HOLDER, PASSPHRASE)
    vault = Vault.load(home)
    vault.set_recovery(keys, public_pem)
    vault.save()
    # The inspector forgot the passphrase: the office opens it and sets a new one.
    vault = Vault.load(home)
    recovered = vault.unlock_with_recovery(private_pem)
    assert recovered.master == keys.master
    vault.set_passphrase(recovered, HOLDER, "办公室重设的口令")
    vault.save()
    with Workspace.open(home, unlock(home, HOLDER, "办公室重设的口令")) as ws:
        assert ws.encrypted
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(VaultError, match="未用该恢复密钥登记"):
        vault.unlock_with_recovery(
            other.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def test_a_missing_keyring_is_a_clear_message(
    tmp_path: Path, encrypted_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On this Linux machine keyring finds no backend (its "fail" backend): said so."""
    home = tmp_path / "enc"
    shutil.copytree(encrypted_template, home)
    keys = unlock(home, HOLDER, PASSPHRASE)
    vault = Vault.load(home)
    with pytest.raises(VaultError, match="钥匙串"):
        vault.set_keyring(keys, HOLDER)
    with pytest.raises(VaultError, match="钥匙串"):
        vault.unlock_with_keyring(HOLDER)
    assert _cli_code(home, "inspection", "list", "--keyring") == 1
    assert "钥匙串" in capsys.readouterr().err


class MemoryKeyring:
    """A keyring backend holding its secrets in memory: the OS stores (Windows Credential
    Manager, Keychain, Secret Service) do not exist on the test machine; keyring's API and our
    use of it are the same."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.secrets: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.secrets.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.secrets[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.secrets.pop((service, username), None)

        self.backend = Backend()


def test_the_keyring_opens_the_directory_and_can_be_withdrawn(
    tmp_path: Path, encrypted_template: Path
) -> None:
    import keyring

    home = tmp_path / "enc"
    shutil.copytree(encrypted_template, home)
    previous = keyring.get_keyring()
    memory = MemoryKeyring().backend
    keyring.set_keyring(memory)
    try:
        keys = unlock(home, HOLDER, PASSPHRASE)
        vault = Vault.load(home)
        vault.set_keyring(keys, HOLDER)
        vault.save()
        (secret,) = memory.secrets.values()
        assert len(bytes.fromhex(secret)) == 32  # only a 32-byte key goes into the keyring
        assert secret not in (home / "vault.json").read_text(encoding="utf-8")
        assert Vault.load(home).unlock_with_keyring(HOLDER).master == keys.master
        assert _cli_code(home, "inspection", "list", "--keyring") == 0
        memory.secrets.clear()  # deleted from the OS keyring: a clear message
        with pytest.raises(VaultError, match="钥匙串中没有"):
            Vault.load(home).unlock_with_keyring(HOLDER)
        vault.set_keyring(keys, HOLDER)
        vault.remove_keyring(HOLDER)
        vault.save()
        assert memory.secrets == {} and not Vault.load(home).has_keyring(HOLDER)
    finally:
        keyring.set_keyring(previous)


def test_encrypted_files_are_sealed_per_segment() -> None:
    cipher = FileCipher(os.urandom(32), os.urandom(32))
    data = os.urandom(2 * SEGMENT + 123)
    sealed = cipher.encrypt(data)
    assert cipher.decrypt(sealed) == data
    assert cipher.decrypt(cipher.encrypt(b"")) == b""
    # Random access, as Pillow and reportlab read.
    with cipher.reader(__import__("io").BytesIO(sealed)) as reader:
        reader.seek(SEGMENT + 5)
        assert reader.read(10) == data[SEGMENT + 5 : SEGMENT + 15]
        reader.seek(-3, os.SEEK_END)
        assert reader.read() == data[-3:]
    # A flipped bit, a cut at a segment's end, another directory's key: refused.
    flipped = bytearray(sealed)
    flipped[-40] ^= 1
    cut = sealed[: 76 + SEGMENT + 16]
    for bad, other in ((bytes(flipped), cipher), (cut, cipher), (sealed, None)):
        reader_cipher = other or FileCipher(os.urandom(32), os.urandom(32))
        with pytest.raises(StorageError):
            reader_cipher.decrypt(bad)
    assert cipher.name("a.jpg") != cipher.name("b.jpg") and "jpg" not in cipher.name("a.jpg")


def test_a_new_encrypted_directory_refuses_one_with_data(home: Path) -> None:
    with pytest.raises(VaultError, match="home encrypt"):
        create_encrypted(home, HOLDER, PASSPHRASE)


@pytest.mark.slow
def test_home_encrypt_turns_a_plain_directory_into_an_encrypted_one(
    cli: Cli, home: Path, tmp_path: Path, key_passphrase: None
) -> None:
    inspection_id = _fill(cli, tmp_path)
    before = cli("inspection", "show", inspection_id, "--json")[0]
    evidence = cli("evidence", "list", inspection_id, "--json")[0]
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    cli("home", "encrypt", "--as", HOLDER, "--new-passphrase-file", str(secret))
    assert (home / "vault.json").exists() and not (home / STAGING).exists()
    assert _hits(home) == []
    os.environ["INSPECTOR_HOME_PASSPHRASE_FILE"] = str(secret)
    try:
        assert cli("inspection", "show", inspection_id, "--json")[0] == before
        assert cli("evidence", "list", inspection_id, "--json")[0] == evidence
        assert "保管链完整" in cli("verify-evidence", inspection_id)[0]
        copy = tmp_path / "signed.pdf"
        cli("record", "export", inspection_id, "--out", str(copy))
        cli("record", "verify", str(copy), expect=2)
        assert "操作记录完好" in cli("audit", "verify")[0]
        _, err = cli("home", "encrypt", "--as", HOLDER, "--new-passphrase-file", str(secret),
                     expect=1)  # fmt: skip
        assert "已经加密" in err
    finally:
        del os.environ["INSPECTOR_HOME_PASSPHRASE_FILE"]


def _snapshot(cli: Cli, inspection_id: str) -> tuple[str, str]:
    return (
        cli("inspection", "show", inspection_id, "--json")[0],
        cli("evidence", "list", inspection_id, "--json")[0],
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_home_encrypt_at_random_moments_leaves_one_usable_directory(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = cli(
        "inspection", "new", "--institution", MARKERS["institution"], "--type", "primary_care",
        "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001",
    )  # fmt: skip
    inspection_id = out.strip()
    cli("answer", inspection_id, "P5.1", "--result", "problem", "--note", MARKERS["note"])
    card = tmp_path / "card"
    card.mkdir()
    for n, source in enumerate(sorted(PHOTOS.rglob("*.jpg"))[:30]):
        shutil.copy(source, card / f"{n:03d}.jpg")
    cli("evidence", "add", inspection_id, str(card), "--by", "370100001")
    expected = _snapshot(cli, inspection_id)
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pristine = tmp_path / "pristine"
    shutil.copytree(home, pristine)
    rng = random.Random(20261203)
    outcomes: list[str] = []
    for _run in range(8):
        shutil.rmtree(home)
        shutil.copytree(pristine, home)
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "home", "encrypt", "--as", HOLDER,
             "--new-passphrase-file", str(secret), "--home", str(home)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        )  # fmt: skip
        # Kill it once the copy has begun, at a seeded-random moment: while the database is
        # exported, files are encrypted, the copy verified, or the parts switched.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if (home / STAGING).exists():
                break
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.6))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        # The next start finishes or undoes it: either plain, or encrypted and complete.
        if DataDir(home).encrypted or (home / STAGING / "COMMITTED").exists():
            monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(secret))
        else:
            monkeypatch.delenv("INSPECTOR_HOME_PASSPHRASE_FILE", raising=False)
        assert _snapshot(cli, inspection_id) == expected
        outcomes.append("encrypted" if DataDir(home).encrypted else "plain")
        assert not (home / STAGING).exists()
        if DataDir(home).encrypted:
            assert _hits(home) == []
            assert "保管链完整" in cli("verify-evidence", inspection_id)[0]
        else:
            with Workspace.open(home) as ws:
                assert not ws.encrypted
    assert "plain" in outcomes, outcomes  # some kills landed before the commit


def test_a_switch_cut_short_after_the_commit_finishes_at_the_next_open(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kill test's moments may miss the switch itself: cut it after its first part."""
    import inspector.crypto.home as home_module

    out, _ = cli(
        "inspection", "new", "--institution", MARKERS["institution"], "--type", "primary_care",
        "--mode", "surprise", "--district", "历城区", "--inspector", "张伟:370100001",
    )  # fmt: skip
    inspection_id = out.strip()
    cli("evidence", "add", inspection_id, str(PHOTOS / "gps"), "--by", "370100001")
    expected = _snapshot(cli, inspection_id)

    def cut(root: Path, staging: Path) -> None:
        home_module._remove(root / "inspector.sqlite3")
        os.replace(staging / "inspector.sqlite3", root / "inspector.sqlite3")
        raise KeyboardInterrupt  # as a kill here would stop it

    monkeypatch.setattr(home_module, "_switch", cut)
    with pytest.raises(KeyboardInterrupt):
        encrypt_home(home, HOLDER, PASSPHRASE)
    monkeypatch.undo()
    # Half switched: the plain evidence is still there, the database is the encrypted one.
    assert (home / STAGING / "COMMITTED").exists() and not (home / "vault.json").exists()
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv("INSPECTOR_HOME_PASSPHRASE_FILE", str(secret))
    assert _snapshot(cli, inspection_id) == expected
    assert DataDir(home).encrypted and not (home / STAGING).exists()
    assert _hits(home) == []


@pytest.mark.parametrize("home", ["plain", "encrypted"], indirect=True)
def test_a_new_keys_request_is_written_where_it_can_be_sent_from(
    cli: Cli, home: Path, tmp_path: Path, key_passphrase: None
) -> None:
    csr = tmp_path / "请求.pem"
    out, _ = cli("key", "new", "--name", "张伟", "--cert-no", HOLDER, "--org", "济南市医疗保障局",
                 "--csr-out", str(csr), "--json")  # fmt: skip
    assert csr.read_bytes().startswith(b"-----BEGIN CERTIFICATE REQUEST-----")
    assert json.loads(out)["csr_path"] == str(csr)
    kept = [p.read_bytes() for p in (home / "keys").rglob("*") if p.is_file()]
    encrypted = DataDir(home).encrypted
    assert all((b"-----BEGIN" not in data and "张伟".encode() not in data) for data in kept) == (
        encrypted
    )


def test_an_older_encrypted_database_is_migrated_and_its_backup_is_encrypted(
    tmp_path: Path,
) -> None:
    from alembic import command
    from alembic.config import Config

    from inspector.db.engine import connect, make_engine
    from inspector.db.migrate import MIGRATIONS

    home = tmp_path / "old"
    keys = create_encrypted(home, HOLDER, PASSPHRASE)
    engine = make_engine(home / "inspector.sqlite3", keys.database)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008_unit_of_work")
    engine.dispose()
    with Workspace.open(home, keys) as ws:
        assert any("备份" in notice for notice in ws.notices)
    (copy,) = (home / "backups").iterdir()
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    old = connect(copy, keys.database)
    try:
        versions = [r[0] for r in old.execute("select version_num from alembic_version")]
    finally:
        old.close()
    assert versions == ["0008_unit_of_work"]
    assert _hits(home) == []
