"""Issue 28, a central service that holds under attack: the attacks of the held-out harness
done again, each shown refused with a 4xx/5xx and a message (never a hang, never a 500 for
bad input) and nothing stored changed. Concurrent sign-ins (Argon2id in two threads at once
deadlocked inside OpenSSL), hostile body sizes, malformed parameters, LIKE patterns in ids,
a named user locked out by an attacker, a full disk at commit.

Most run the app in this process over a throwaway PostgreSQL (an ASGI call that counts the
body bytes the app reads); the sign-in race runs against the real server over HTTPS."""

from __future__ import annotations

import asyncio
import http.client
import re
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from inspector.crypto.vault import ARGON2, kdf

from .central_fixtures import Cluster, Server

PASSWORD = "局端测试口令 2026"
WAIT = 120  # seconds a thread may take before it counts as hung (a loaded 2-core machine)


def _all_finish(work: list[Any]) -> list[Any]:
    """Run each callable in its own thread, all released at once; their results, or fail
    naming the ones still running after WAIT seconds (a deadlock: no sleep, a bounded join)."""
    start = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = work[i]()
        except BaseException as error:  # reported below as the thread's result
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)
    hung = [i for i, thread in enumerate(threads) if thread.is_alive()]
    assert hung == [], f"threads {hung} never returned"
    return results


# --- 1. concurrent Argon2id ------------------------------------------------------------------


def test_two_argon2id_derivations_at_once_both_return() -> None:
    """The library alone: two (here three) ``vault.kdf`` calls at once used to never return."""
    salt = b"0123456789abcdef"
    got = _all_finish([lambda i=i: kdf(f"口令{i}", salt, ARGON2) for i in range(3)])
    assert all(isinstance(key, bytes) and len(key) == 32 for key in got), got
    # and a derivation afterwards still works (it raised MemoryError after the deadlock)
    assert kdf("口令0", salt, ARGON2) == got[0]


def _https(
    server: Server, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context(cafile=str(server.tls.ca))
    connection = http.client.HTTPSConnection(
        "127.0.0.1", server.port, context=context, timeout=WAIT
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def _login_token(server: Server) -> str:
    status, headers, _ = _https(server, "GET", "/office/login")
    assert status == 200
    found = re.search(r"inspector_login=([^;]+)", headers["set-cookie"])
    assert found is not None
    return found.group(1)


def _sign_in(server: Server, name: str, password: str) -> tuple[int, dict[str, str], bytes]:
    token = _login_token(server)
    form = urlencode({"name": name, "password": password, "csrf": token, "next": "/office"})
    return _https(
        server,
        "POST",
        "/office/login",
        form.encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"inspector_login={token}"},
    )


def test_two_office_sign_ins_at_once_both_answer_and_the_next_one_too(server: Server) -> None:
    """Two people sign in to the office page at the same moment (one with a wrong password):
    both answered, and the server signs in the next one (it hung for good, then 500)."""
    server.office_user("局端王", PASSWORD)
    server.office_user("局端李", PASSWORD)
    first, second = _all_finish(
        [lambda: _sign_in(server, "局端王", PASSWORD), lambda: _sign_in(server, "局端李", "错")]
    )
    assert first[0] == 303 and "inspector_office=" in first[1]["set-cookie"]
    assert second[0] == 401 and "用户名或口令不正确" in second[2].decode()
    status, headers, _ = _sign_in(server, "局端李", PASSWORD)
    assert status == 303 and headers["location"] == "/office"


# --- the app in this process ------------------------------------------------------------------


class Answer:
    def __init__(self, status: int, headers: dict[str, str], body: bytes, read: int) -> None:
        self.status, self.headers, self.body = status, headers, body
        self.read = read  # bytes of the request's body the app took in

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def call(
    app: Any,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    declared: int | None = None,
) -> Answer:
    """One request through the ASGI app as uvicorn makes it. ``declared``: a Content-Length
    larger than ``body``; the rest is produced (zeros) only as the app asks for it."""
    path, _, query = path.partition("?")
    length = len(body) if declared is None else declared
    fields = {"host": "127.0.0.1", **(headers or {})}
    if length or method in ("POST", "PUT"):
        fields["content-length"] = str(length)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in fields.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 443),
    }
    state = {"read": 0, "status": 0, "headers": {}, "body": b""}
    piece = 1 << 16

    async def receive() -> dict[str, Any]:
        if state["read"] >= length:
            return {"type": "http.disconnect"}
        start = state["read"]
        data = body[start : start + piece] if start < len(body) else b""
        data = data or bytes(min(piece, length - start))
        state["read"] = start + len(data)
        return {"type": "http.request", "body": data, "more_body": state["read"] < length}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            state["status"] = message["status"]
            state["headers"] = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            state["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return Answer(state["status"], state["headers"], state["body"], state["read"])


@pytest.fixture
def central(postgres: Cluster, tmp_path: Path) -> Iterator[Any]:
    from inspector.central.service import Central

    running = Central(postgres.create_database(), tmp_path / "store")
    try:
        yield running
    finally:
        running.close()


@pytest.fixture
def app(central: Any) -> Any:
    from inspector.central.app import make_app

    return make_app(central)


def sign_in(app: Any, name: str, password: str) -> Answer:
    """The sign-in form as a browser posts it (its CSRF cookie first)."""
    form = call(app, "GET", "/office/login")
    token = re.search(r"inspector_login=([^;]+)", form.headers["set-cookie"])
    assert token is not None
    fields = {"name": name, "password": password, "csrf": token.group(1), "next": "/office"}
    return call(
        app,
        "POST",
        "/office/login",
        urlencode(fields).encode(),
        {
            "content-type": "application/x-www-form-urlencoded",
            "cookie": f"inspector_login={token.group(1)}",
        },
    )


def test_sign_ins_beyond_the_queue_are_told_to_come_back(
    central: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sign-ins wait for the one Argon2id at a time in a queue of SIGN_IN_QUEUE; beyond it a
    503 with Retry-After and a message, not a thread held (here a queue of none)."""
    from inspector.central import office
    from inspector.central.app import make_app

    office.Office(central.engine).add_user("局端王", PASSWORD)
    monkeypatch.setattr(office, "SIGN_IN_QUEUE", 0)
    answer = sign_in(make_app(central), "局端王", PASSWORD)
    assert answer.status == 503 and answer.headers["retry-after"] == str(office.RETRY_AFTER)
    assert "登录的人太多" in answer.text and "inspector_office" not in answer.headers.get(
        "set-cookie", ""
    )
