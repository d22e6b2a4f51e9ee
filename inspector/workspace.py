"""Opening a data directory: migrate the database, load the checklist library, finish what an
interrupted run left. The command line and the desktop app both start here."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.change import Change, change
from inspector.checklists.library import Library, load_library
from inspector.crypto.vault import Keys, Locked, VaultError
from inspector.db.engine import Database
from inspector.db.migrate import upgrade
from inspector.evidence.recovery import referenced_in
from inspector.evidence.store import EvidenceStore
from inspector.files import clean_stale_scratch
from inspector.paths import DataDir, resolve_home

if TYPE_CHECKING:
    from inspector.checklists.composer import Checklist
    from inspector.db.models import Base, Inspector
    from inspector.progress import Reporter
    from inspector.record.store import RecordStore

log = logging.getLogger(__name__)

CURRENT_INSPECTOR = "current_inspector"  # setting: 执法证号 of who uses this laptop


@dataclass
class Workspace:
    home: DataDir
    db: Database
    store: EvidenceStore
    library: Library
    notices: list[str] = field(default_factory=list)  # things the user should be told once
    # 执法证号 of the inspector using this laptop: the actor of every audit event.
    actor: str | None = None
    # Parsed checklist snapshots by their hash (immutable: see inspections.checklist_of).
    checklists: dict[str, Checklist] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, home: str | Path | None = None, keys: Keys | None = None) -> Workspace:
        """Open a data directory. An encrypted one (``vault.json``) needs its ``keys``
        (:mod:`inspector.crypto.home` unlocks them from a passphrase, the keyring or the
        recovery key); a plain one opens without."""
        from inspector.crypto.home import finish_interrupted

        data_dir = resolve_home(home)
        finish_interrupted(data_dir.root)  # an interrupted `home encrypt`
        if data_dir.encrypted:
            if keys is None:
                raise Locked("数据目录已加密：请先登录（执法证号和口令）")
            data_dir = DataDir(data_dir.root, cipher=keys.file_cipher()).ensure()
            db = Database(data_dir.database, keys.database)
        else:
            if keys is not None:
                raise VaultError("数据目录未加密：可用 home encrypt 加密")
            _refuse_encrypted_without_vault(data_dir)
            data_dir = data_dir.ensure()
            db = Database(data_dir.database)
        try:
            made = upgrade(db.engine, data_dir.database, data_dir.backups)
            db.load_device_id()
            notices: list[str] = []
            if made is not None:
                notices.append(f"数据库已升级，升级前的备份：{made}")
            store = EvidenceStore(data_dir.evidence, data_dir.cipher)
            # Finish interrupted evidence work: files no row names are removed (store.py).
            leftovers = store.clean_incoming(referenced_in(db))
            if leftovers:
                notices.append(f"已清理上次中断的导入留下的 {leftovers} 个临时文件")
            # Record files an interrupted bundle import wrote before its rows were committed.
            from inspector.record.store import RecordStore, referenced_records

            RecordStore(data_dir).clean_incoming(referenced_records(db))
            # Scratch folders of record builds that a crash or kill interrupted.
            clean_stale_scratch(data_dir.root)
            library = load_library(user_dir=data_dir.checklists)
            notices.extend(library.warnings)
        except BaseException:
            db.dispose()
            raise
        actor = db.setting(CURRENT_INSPECTOR)
        log.info("opened: device %s, encrypted %s", db.device_id, data_dir.encrypted)
        return cls(home=data_dir, db=db, store=store, library=library, notices=notices, actor=actor)

    @property
    def encrypted(self) -> bool:
        return self.home.cipher is not None or self.db.locked

    @contextmanager
    def change(
        self,
        actor: Inspector | str | None,
        action: str,
        *,
        inspection: str | None = None,
        editable: bool = True,
        entity: Base | None = None,
    ) -> Iterator[Change]:
        """One audited user action (see :mod:`inspector.change`)."""
        with change(
            self, actor, action, inspection=inspection, editable=editable, entity=entity
        ) as ch:
            yield ch
        # After the commit: the action, what kind of row, the inspection's id; not the row's
        # id, which for some kinds is a person's 执法证号 (inspector/diagnostics.py).
        made = ch.entity_id if ch.entity_type == "inspections" else None
        log.info(
            "%s %s inspection=%s",
            action,
            ch.entity_type or "-",
            ch.inspection.id if ch.inspection else made or "-",
        )

    @property
    def records(self) -> RecordStore:
        """The kept record PDFs, read through here only (see inspector/record/store.py)."""
        from inspector.record.store import RecordStore

        return RecordStore(self.home)

    @property
    def locked(self) -> bool:
        return self.db.locked

    def lock(self) -> None:
        """Close the database and forget the keys (an encrypted directory only): every use is
        refused until :meth:`unlock`. The workspace object stays, so the app's pages keep
        what was typed and where they were."""
        if not self.encrypted:
            raise VaultError("数据目录未加密，不能锁定")
        if self.locked:
            return
        self.db.lock()
        self.store.lock()
        self.home = DataDir(self.home.root)

    def unlock(self, keys: Keys) -> None:
        self.db.unlock(keys.database)
        cipher = keys.file_cipher()
        self.store.unlock(cipher)
        self.home = DataDir(self.home.root, cipher=cipher)

    def encrypt(self, holder: str, passphrase: str, reporter: Reporter | None = None) -> None:
        """``home encrypt`` for the open workspace (the app's offer): its connections are
        closed while the directory is copied and switched, then it goes on, encrypted, as
        the same object (pages that hold it keep working). On failure it stays plain."""
        from inspector.crypto.home import encrypt_home

        if self.encrypted:
            raise VaultError("数据目录已经加密：{root}", root=self.home.root)
        self.db.lock()
        try:
            keys = encrypt_home(self.home.root, holder, passphrase, reporter)
        except BaseException:
            self.db.unlock(None)
            raise
        self.db = Database(self.home.database, keys.database)
        self.db.load_device_id()
        cipher = keys.file_cipher()
        self.store.unlock(cipher)
        self.home = DataDir(self.home.root, cipher=cipher)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_encrypted_without_vault(data_dir: DataDir) -> None:
    """A database that is not plain SQLite in a directory without its key file: the key file
    was lost or damaged. Say so rather than take it for a new, empty directory."""
    try:
        with data_dir.database.open("rb") as handle:
            head = handle.read(16)
    except OSError:  # none yet, or a folder that cannot be read: opening it says so
        return
    if head and head != SQLITE_MAGIC:
        raise VaultError(
            "数据库已加密，但密钥文件 {path} 缺失；请从备份恢复该文件。数据未被改动。",
            path=data_dir.vault,
        )
