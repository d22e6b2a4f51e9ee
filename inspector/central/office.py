"""The office's sign-in (the page lists patients' and staff's data): users an administrator
adds on the server (``server user add NAME [--district D]``), their passwords kept as Argon2id
hashes (the laptop's KDF, inspector/crypto/vault.py: 64 MiB, 3 passes), sessions as random
tokens of which the server keeps only the SHA-256, each with its expiry and its own CSRF token.
A user with a district sees only that district's inspections."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert

from inspector.central import schema as s
from inspector.crypto.vault import ARGON2, kdf  # the laptop's passphrase KDF and its settings
from inspector.errors import InspectorError, InvalidInput

SESSION_HOURS = 8  # a working day; then the user signs in again
MIN_PASSWORD = 10
# Wrong passwords are counted per client (its address) and name: an attacker's guesses slow
# down the attacker, never the real user signing in from another machine (five wrong passwords
# from anyone locked a named user out). After FREE_TRIES wrong ones that client waits before
# its next try for that name, 1 s, 2 s, 4 s… at most MAX_DELAY (no CAPTCHA, no lockout for
# good); forgotten FORGET_SECONDS after its last wrong password, or at a right one. The counts
# live in the database: servers behind one address share them, a restart keeps them.
FREE_TRIES = 5
MAX_DELAY = 15 * 60
FORGET_SECONDS = 24 * 3600
MAX_TRACKED = 100_000  # (client, name) pairs remembered at most (the oldest go first)
TRIM_EVERY = 1_000  # wrong passwords between two checks of that bound
# Sign-ins waiting for their password check at once. Argon2id runs one at a time per process
# (inspector/crypto/vault.py: concurrent ones deadlock in OpenSSL), about 0.1-0.3 s each: a
# queue of 8 is answered within a few seconds; more are told to come back (503, Retry-After)
# instead of holding the server's threads.
SIGN_IN_QUEUE = 8
RETRY_AFTER = 5  # seconds, the Retry-After of a full queue


class Busy(InspectorError):
    """The server is checking as many passwords as it queues: try again shortly."""


class TooManyTries(InspectorError):
    """This client gave wrong passwords for this name too often: it waits ``seconds``."""

    def __init__(self, seconds: int) -> None:
        super().__init__("尝试次数过多，请 {seconds} 秒后再试", seconds=seconds)
        self.seconds = seconds


def delay_after(failures: int) -> int:
    """Seconds a client waits after this many wrong passwords for a name."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** min(failures - FREE_TRIES, 20), MAX_DELAY)


@dataclass(frozen=True)
class OfficeUser:
    name: str
    district: str | None
    csrf: str  # this session's token for the forms that change something (sign-out)

    def sees(self, inspection: dict[str, Any]) -> bool:
        """A district's user sees the inspections in the district and those its teams made."""
        return self.district is None or self.district in (
            inspection.get("district"),
            inspection.get("team_district"),
        )


def _encode(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = kdf(password, salt, ARGON2)
    b64 = base64.b64encode
    return (
        f"argon2id$m={ARGON2['memory_kib']},t={ARGON2['iterations']},p={ARGON2['lanes']}"
        f"${b64(salt).decode()}${b64(digest).decode()}"
    )


def _matches(password: str, stored: str) -> bool:
    try:
        kind, params, salt, digest = stored.split("$")
        values = dict(p.split("=") for p in params.split(","))
        settings = {
            "memory_kib": int(values["m"]),
            "iterations": int(values["t"]),
            "lanes": int(values["p"]),
        }
        expected = base64.b64decode(digest)
        actual = kdf(password, base64.b64decode(salt), settings)
    except (ValueError, KeyError):
        return False
    return kind == "argon2id" and hmac.compare_digest(actual, expected)


def _now() -> datetime:
    return datetime.now(UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class Office:
    """Users and sessions over the server's database (``central.engine``)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        # A password checked for a name that does not exist costs the same as for one that
        # does (the time would otherwise tell which names exist).
        self._dummy = _encode(secrets.token_hex(8))
        self._since_trim = 0
        # Wall time, not monotonic: the counts are shared by servers and outlive a restart.
        self.clock = time.time  # (a test's own clock)
        self._queue = threading.BoundedSemaphore(SIGN_IN_QUEUE)

    def add_user(self, name: str, password: str, district: str | None = None) -> None:
        name = name.strip()
        if not name or len(name) > 64:
            raise InvalidInput("用户名无效：{name}", name=name)
        if len(password) < MIN_PASSWORD:
            raise InvalidInput("口令至少 {count} 个字符", count=MIN_PASSWORD)
        values = {
            "password_hash": _encode(password),
            "district": (district or "").strip() or None,
            "created_at": _now(),
            "disabled_at": None,
        }
        with self.engine.begin() as c:
            c.execute(
                insert(s.office_users)
                .values(name=name, **values)
                .on_conflict_do_update(index_elements=["name"], set_=values)
            )
            # a new password ends the user's sessions
            c.execute(delete(s.office_sessions).where(s.office_sessions.c.user_name == name))

    def disable_user(self, name: str) -> None:
        with self.engine.begin() as c:
            done = c.execute(
                update(s.office_users)
                .where(s.office_users.c.name == name, s.office_users.c.disabled_at.is_(None))
                .values(disabled_at=_now())
            ).rowcount
            if not done:
                raise InvalidInput("没有这个用户（或已停用）：{name}", name=name)
            c.execute(delete(s.office_sessions).where(s.office_sessions.c.user_name == name))

    def users(self) -> list[dict[str, Any]]:
        t = s.office_users
        with self.engine.connect() as c:
            found = c.execute(
                select(t.c.name, t.c.district, t.c.created_at, t.c.disabled_at).order_by(t.c.name)
            ).all()
        return [dict(r._mapping) for r in found]

    def sign_in(self, name: str, password: str, client: str = "") -> str | None:
        """A new session's token for the right name and password, else None. TooManyTries
        while this client must wait after its wrong passwords for the name; Busy when the
        password checks queue is full."""
        client, name = client[:64], name[:64]  # the table's columns; longer is no user's
        moment = self.clock()
        count, last = self._failures_of(client, name)
        if moment - last > FORGET_SECONDS:
            count = 0
        wait = delay_after(count) - (moment - last)
        if count and wait > 0:
            raise TooManyTries(int(wait) + 1)
        if not self._queue.acquire(blocking=False):
            raise Busy("登录的人太多，请 {seconds} 秒后再试", seconds=RETRY_AFTER)
        try:
            token = self._sign_in(name, password)
        finally:
            self._queue.release()
        if token is None:
            self._count_failure(client, name, self.clock())
        else:
            self._forget_failures(client, name)
        return token

    def _failures_of(self, client: str, name: str) -> tuple[int, float]:
        t = s.office_sign_in_failures
        with self.engine.connect() as c:
            row = c.execute(
                select(t.c.failures, t.c.last_at).where(t.c.client == client, t.c.user_name == name)
            ).first()
        return (row.failures, row.last_at) if row else (0, 0.0)

    def _count_failure(self, client: str, name: str, moment: float) -> None:
        """One more wrong password, counted in one statement so that two servers answering the
        same client at once both count (a count older than FORGET_SECONDS starts again)."""
        t = s.office_sign_in_failures
        fresh = insert(t).values(client=client, user_name=name, failures=1, last_at=moment)
        with self.engine.begin() as c:
            c.execute(
                fresh.on_conflict_do_update(
                    index_elements=[t.c.client, t.c.user_name],
                    set_={
                        "failures": case(
                            (fresh.excluded.last_at - t.c.last_at > FORGET_SECONDS, 1),
                            else_=t.c.failures + 1,
                        ),
                        "last_at": fresh.excluded.last_at,
                    },
                )
            )
        self._since_trim += 1
        if self._since_trim >= TRIM_EVERY:
            self._since_trim = 0
            self._trim(moment)

    def _trim(self, moment: float) -> None:
        """Forget counts past FORGET_SECONDS, and the oldest beyond MAX_TRACKED (an attacker
        cycling through addresses and names must not grow the table without end)."""
        t = s.office_sign_in_failures
        with self.engine.begin() as c:
            c.execute(delete(t).where(t.c.last_at < moment - FORGET_SECONDS))
            cutoff = c.execute(
                select(t.c.last_at).order_by(t.c.last_at.desc()).offset(MAX_TRACKED).limit(1)
            ).scalar()
            if cutoff is not None:
                c.execute(delete(t).where(t.c.last_at <= cutoff))

    def _forget_failures(self, client: str, name: str) -> None:
        t = s.office_sign_in_failures
        with self.engine.begin() as c:
            c.execute(delete(t).where(t.c.client == client, t.c.user_name == name))

    def _sign_in(self, name: str, password: str) -> str | None:
        t = s.office_users
        with self.engine.connect() as c:
            row = c.execute(
                select(t.c.password_hash).where(t.c.name == name, t.c.disabled_at.is_(None))
            ).first()
        if not _matches(password, row.password_hash if row else self._dummy) or row is None:
            return None
        token = secrets.token_urlsafe(32)
        now = _now()
        with self.engine.begin() as c:
            c.execute(
                s.office_sessions.insert().values(
                    token_sha256=_token_hash(token),
                    user_name=name,
                    csrf=secrets.token_urlsafe(24),
                    created_at=now,
                    expires_at=now + timedelta(hours=SESSION_HOURS),
                )
            )
            c.execute(delete(s.office_sessions).where(s.office_sessions.c.expires_at < now))
        return token

    def user(self, token: str | None) -> OfficeUser | None:
        """The user a session token belongs to (None: none, expired, or the user disabled)."""
        if not token:
            return None
        u, ss = s.office_users, s.office_sessions
        with self.engine.connect() as c:
            row = c.execute(
                select(u.c.name, u.c.district, ss.c.csrf)
                .join(u, u.c.name == ss.c.user_name)
                .where(
                    ss.c.token_sha256 == _token_hash(token),
                    ss.c.expires_at > _now(),
                    u.c.disabled_at.is_(None),
                )
            ).first()
        return None if row is None else OfficeUser(row.name, row.district, row.csrf)

    def sign_out(self, token: str) -> None:
        with self.engine.begin() as c:
            c.execute(
                delete(s.office_sessions).where(
                    s.office_sessions.c.token_sha256 == _token_hash(token)
                )
            )
