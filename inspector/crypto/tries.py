"""Wrong passphrases slow the next try.

Each try costs an Argon2id derivation (~0.3 s), which is what protects a copied key file; on
this laptop the app also makes a person at the keyboard wait after wrong passphrases: none
after the first, then 1, 2, 4, 8… seconds, at most 30, before the next try is accepted, and
says how many were wrong. The count is kept in the data directory's plain part
(``unlock-tries.json`` beside ``vault.json``: it must be read before anything is decrypted), so
quitting the app does not reset it; a right passphrase does. Whoever can delete that file can
also copy the key file and try offline: this is a brake on guessing at the keyboard, not the
protection itself.

The clock is a parameter, so the rule is tested without waiting.
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.crypto.vault import Keys, Vault, VaultError, WrongPassphrase
from inspector.files import write_atomically

TRIES = "unlock-tries.json"
CAP_SECONDS = 30
DAMAGED_COUNT = 7  # the first count whose wait is the cap


class TryLater(VaultError):
    """The wait after wrong passphrases is not over: the passphrase was not tried."""


def now() -> float:
    """Wall-clock time: the count outlives the process, so a monotonic clock would not do."""
    return time.time()


def delay_after(wrong: int) -> int:
    """Seconds to wait after ``wrong`` wrong passphrases in a row: 0, 0, 1, 2, 4, 8… ≤ 30."""
    if wrong <= 1:
        return 0
    return min(CAP_SECONDS, 2 ** (wrong - 2))


@dataclass
class UnlockTries:
    """The wrong passphrases in a row on one data directory and when the last one was."""

    root: Path
    clock: Callable[[], float] | None = None  # None: the system's (:func:`now`)

    def _now(self) -> float:
        return self.clock() if self.clock is not None else now()

    @property
    def path(self) -> Path:
        return self.root / TRIES

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return max(0, int(data["wrong"])), float(data["at"])
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, KeyError, TypeError):
            # Damaged (or unreadable): the longest wait from when it was written, so that
            # spoiling the file does not lift the wait; the next wrong try writes it whole.
            try:
                at = self.path.stat().st_mtime
            except OSError:
                at = self._now()
            return DAMAGED_COUNT, at

    def _write(self, wrong: int, at: float) -> None:
        payload = json.dumps({"wrong": wrong, "at": at}).encode("utf-8")
        # A read-only directory keeps no count: the Argon2id cost of each try still holds.
        with contextlib.suppress(OSError):
            write_atomically(self.path, payload, mode=0o600)

    @property
    def wrong(self) -> int:
        return self._read()[0]

    def wait(self) -> float:
        """Seconds before the next try is accepted (0: now)."""
        wrong, at = self._read()
        delay = delay_after(wrong)
        if delay == 0:
            return 0.0
        now = self._now()
        if now < at:  # the clock was set back: the wait counts from now, not from the future
            self._write(wrong, now)
            at = now
        return max(0.0, at + delay - now)

    def check(self) -> None:
        """Raises :class:`TryLater` while the wait is not over."""
        left = self.wait()
        if left > 0:
            raise TryLater(
                "已连续输错 {count} 次口令，请等待 {seconds} 秒后再试。",
                count=self.wrong,
                seconds=math.ceil(left),
            )

    def failed(self) -> int:
        wrong = self._read()[0] + 1
        self._write(wrong, self._now())
        return wrong

    def reset(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def unlock_counted(vault: Vault, holder: str, passphrase: str, tries: UnlockTries) -> Keys:
    """``vault.unlock`` under the rule above: refused unseen while the wait lasts; a wrong
    passphrase counted (the message says how many and how long to wait); a right one resets
    the count."""
    tries.check()
    try:
        keys = vault.unlock(holder, passphrase)
    except WrongPassphrase as error:
        wrong = tries.failed()
        delay = delay_after(wrong)
        if delay:
            raise WrongPassphrase(
                "口令不正确，数据目录未打开（已连续输错 {count} 次）；请等待 {seconds} 秒后再试。",
                count=wrong,
                seconds=delay,
            ) from error
        raise WrongPassphrase(
            "口令不正确，数据目录未打开（已连续输错 {count} 次）。", count=wrong
        ) from error
    tries.reset()
    return keys
