"""A central service that holds under attack: the attacks of the held-out harness
done again, each shown refused with a 4xx/5xx and a message (never a hang, never a 500 for
bad input) and nothing stored changed. Concurrent sign-ins (Argon2id in two threads at once
deadlocked inside OpenSSL), hostile body sizes, malformed parameters, LIKE patterns in ids,
a named user locked out by an attacker, a full disk at commit.

Most run the app in this process over a throwaway PostgreSQL (an ASGI call that counts the
body bytes the app reads); the sign-in race runs against the real server over HTTPS."""

from __future__ import annotations

import asyncio
import html
import http.client
import re
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode

import pytest

from inspector.crypto.vault import ARGON2, kdf
from tests.helpers.bundle import full_visit, sign_by_keys
from tests.helpers.central import Cluster, Server, sync_enroll, sync_push

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
    deadline = time.monotonic() + WAIT  # one deadline for all, not WAIT each
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
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
    assert not isinstance(first, BaseException) and not isinstance(second, BaseException), (
        first,
        second,
    )  # (a TimeoutError: the server never answered)
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
    client: str = "127.0.0.1",
    scheme: str = "https",
) -> Answer:
    """One request through the ASGI app as uvicorn makes it. ``declared``: a Content-Length
    larger than ``body``; the rest is produced (zeros) only as the app asks for it."""
    path, _, query = path.partition("?")
    length = len(body) if declared is None else declared
    fields = {"host": "127.0.0.1", **(headers or {})}
    if length or method in ("POST", "PUT"):
        fields.setdefault("content-length", str(length))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": scheme,
        "path": unquote(path),
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in fields.items()],
        "client": (client, 50000),
        "server": ("127.0.0.1", 443),
    }
    state = {"read": 0, "status": 0, "headers": {}, "body": b""}
    piece = 1 << 16

    async def receive() -> dict[str, Any]:
        if state["read"] >= length:
            if state.get("done"):
                return {"type": "http.disconnect"}
            state["done"] = True
            return {"type": "http.request", "body": b"", "more_body": False}
        start = state["read"]
        data = body[start : start + piece] if start < len(body) else b""
        data = data or bytes(min(piece, length - start))
        state["read"] = start + len(data)
        state["done"] = state["read"] >= length
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


def sign_in(app: Any, name: str, password: str, client: str = "127.0.0.1") -> Answer:
    """The sign-in form as a browser posts it (its CSRF cookie first), from ``client``."""
    form = call(app, "GET", "/office/login", client=client)
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
        client=client,
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


# --- 2. body sizes and connections --------------------------------------------------------------

HOSTILE = 300 * 1000 * 1000  # the harness's 300 MB body


@pytest.mark.parametrize("path", ["/api/enroll", "/office/login", "/api/push/x/files?name=a"])
def test_a_300_mb_body_is_refused_before_a_byte_of_it_is_read(app: Any, path: str) -> None:
    """A 300 MB body (declared) to enrollment, the sign-in form or an unauthenticated upload:
    413 with the limit, and the app took in none of it (it held 600 MiB for each)."""
    answer = call(app, "POST" if "files" not in path else "PUT", path, declared=HOSTILE)
    assert answer.status == 413, answer.text
    assert answer.read == 0
    assert "请求过大" in answer.text and answer.headers["connection"] == "close"
    if path.startswith("/api/"):
        sent = json_of(answer)
        assert sent["template"] == "请求过大（此处至多 {limit} 字节），服务器未接收"
        assert sent["values"]["limit"] < HOSTILE


def json_of(answer: Answer) -> dict[str, Any]:
    import json

    found: dict[str, Any] = json.loads(answer.body)
    return found


def test_a_body_without_a_length_is_cut_off_at_the_limit(app: Any) -> None:
    """Chunked (no Content-Length): read only up to the route's limit, then 413."""
    from inspector.central.limits import body_limit

    limit = body_limit("/api/enroll")
    state = {"read": 0}

    async def endless() -> dict[str, Any]:
        state["read"] += 1 << 16
        assert state["read"] < 64 << 20, "the app kept reading"
        return {"type": "http.request", "body": bytes(1 << 16), "more_body": True}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "https", "path": "/api/enroll", "raw_path": b"/api/enroll", "root_path": "",
        "query_string": b"", "headers": [(b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 443),
    }  # fmt: skip
    asyncio.run(app(scope, endless, send))
    assert sent[0]["status"] == 413
    assert state["read"] <= limit + (1 << 16)


def test_a_bad_content_length_is_a_400(app: Any) -> None:
    answer = call(app, "POST", "/api/enroll", headers={"content-length": "-5"})
    assert answer.status == 400 and "Content-Length" in answer.text


def _raw(server: Server) -> ssl.SSLSocket:
    import socket

    context = ssl.create_default_context(cafile=str(server.tls.ca))
    raw = socket.create_connection(("127.0.0.1", server.port), timeout=WAIT)
    return context.wrap_socket(raw, server_hostname="127.0.0.1")


def _read_all(connection: ssl.SSLSocket) -> bytes:
    """Everything the server sends until it closes the connection (bounded by the timeout)."""
    got = b""
    while True:
        try:
            data = connection.recv(65536)
        except (ConnectionResetError, ssl.SSLError):
            return got
        if not data:
            return got
        got += data


def test_the_server_answers_a_hostile_length_and_closes_idle_connections(
    server: Server,
) -> None:
    """Over the real server: a declared 300 MB body is answered 413 and the connection closed
    without waiting for the body; a connection that sends nothing, or headers a byte at a time
    and then stops, is closed after --header-seconds (it was held for ever); beyond
    --max-connections a request is answered 503."""
    server.kill()
    server.options = ["--header-seconds", "1", "--max-connections", "3"]
    server.start()
    with _raw(server) as hostile:
        hostile.sendall(
            b"POST /api/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 300000000\r\n\r\n{"
        )
        answer = _read_all(hostile)  # returns: the server closed it, the body never sent
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert "请求过大".encode() in answer
    with _raw(server) as idle, _raw(server) as slow:
        slow.sendall(b"GET /office/login HTTP/1.1\r\nHo")
        assert _read_all(idle) == b"" and _read_all(slow) == b""
    held = [_raw(server) for _ in range(3)]
    try:
        held[-1].sendall(b"GET /office/login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _read_all(held[-1]).startswith(b"HTTP/1.1 503 ")
    finally:
        for connection in held:
            connection.close()
    status, _, _ = _https(server, "GET", "/office/login")
    assert status == 200  # and the server serves on


# --- 3. malformed parameters: a 400 with a message, never a 500 ------------------------------


def test_a_json_body_nested_50000_deep_is_a_400(app: Any) -> None:
    deep = b"[" * 50_000 + b"]" * 50_000
    answer = call(app, "POST", "/api/enroll", deep, {"content-type": "application/json"})
    assert answer.status == 400 and json_of(answer)["template"] == "登记请求无效"
    nested = b'{"code": ' + deep + b"}"
    assert call(app, "POST", "/api/enroll", nested).status == 400


def test_a_push_id_that_is_no_id_is_a_400_before_the_database(app: Any) -> None:
    """A NUL in a query's text is refused by PostgreSQL (a 500): the id is checked first."""
    for path in ("/api/push/%00%25/commit", "/api/push/a%00/files?name=x&offset=0"):
        answer = call(app, "POST" if path.endswith("commit") else "PUT", path)
        assert answer.status == 400 and json_of(answer)["template"] == "推送编号无效：{bundle}"


def _session(app: Any, central: Any, district: str | None = None) -> dict[str, str]:
    from inspector.central.office import Office

    Office(central.engine).add_user("局端王", PASSWORD, district)
    answer = sign_in(app, "局端王", PASSWORD)
    assert answer.status == 303, answer.text
    token = re.search(r"inspector_office=([^;]+)", answer.headers["set-cookie"])
    assert token is not None
    return {"cookie": f"inspector_office={token.group(1)}"}


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("page=%C2%B2", "页码无效：²"),  # "²".isdigit() is True; int("²") is not
        ("page=99999999999999999999999", "页码无效"),  # an OFFSET beyond bigint
        ("page=-1", "页码无效"),
        ("district=%E5%8E%86%00", "筛选条件无效"),  # a NUL: PostgreSQL refuses it
        ("district=" + "%E5%8E%BF" * 101, "筛选条件无效"),  # longer than the column
        ("since=2025-13-01", "日期无效"),
        ("after=x", "翻页位置无效"),  # a page key no page link gave
        ("after=2026-01-01T00:00:00%2B00:00,%00", "翻页位置无效"),
        ("after=2026-01-01,abc", "翻页位置无效"),  # a start time without its zone
    ],
)
def test_a_malformed_office_list_parameter_is_a_400_with_a_message(
    app: Any, central: Any, query: str, says: str
) -> None:
    headers = _session(app, central)
    answer = call(app, "GET", f"/office/inspections?{query}", headers=headers)
    assert answer.status == 400, answer.text
    assert says in answer.text


def test_the_next_pages_link_carries_the_last_rows_key(app: Any, central: Any) -> None:
    """Page links carry the last row's start time and id: the next page is read from there
    (the same rows as counting from the start), however deep."""
    from sqlalchemy import text

    with central.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO inspections (id, institution, district, status, started_at, "
                "device_id, pushed_at) SELECT 'i' || lpad(n::text, 5, '0'), '医院' || n, "
                "'历城区', 'signed', CASE WHEN n % 9 = 0 THEN NULL ELSE "
                "timestamptz '2026-01-01 00:00+00' - (n / 2) * interval '1 hour' END, 'd', now() "
                "FROM generate_series(1, 120) AS n"
            )
        )
    headers = _session(app, central)
    seen: list[str] = []
    path = "/office/inspections?status=signed"
    while True:
        answer = call(app, "GET", path, headers=headers)
        assert answer.status == 200, answer.text
        seen += re.findall(r'href="/office/inspections/([^"]+)"', answer.text)
        more = re.search(r'<a href="\?([^"]+)">下一页</a>', answer.text)
        if more is None:
            break
        link = html.unescape(more.group(1))
        assert "after=" in link and "status=signed" in link
        path = "/office/inspections?" + link
    assert seen == [i["id"] for i in central.list_inspections(limit=200)[1]]
    assert len(seen) == 120


def test_the_last_day_there_is_lists_everything(app: Any, central: Any) -> None:
    """``until=9999-12-31``: the day after it overflowed (500); it is simply every moment."""
    headers = _session(app, central)
    answer = call(app, "GET", "/office/inspections?until=9999-12-31", headers=headers)
    assert answer.status == 200 and "共 0 次" in answer.text


def test_a_team_district_longer_than_the_servers_column_is_refused_with_what_to_correct(
    server: Server, cli: Any, tmp_path: Path
) -> None:
    """An inspection whose team's district is 101 characters: the commit failed with a
    database error (500) on every retry. Now refused, saying which field of which
    inspection to correct, and the server holds nothing of the push."""

    long = "县" * 101
    inspection = full_visit(cli, tmp_path, "--team-district", long)
    sync_enroll(cli, server)
    _, err = sync_push(cli, expect=1)
    assert "检查组所属区县过长" in err and inspection[:8] in err and "100" in err
    assert server.sql("select count(*) from inspections").strip() == "0"
    assert server.sql("select count(*) from rows").strip() == "0"
    assert "500" not in err


# --- 4. ids in URLs ------------------------------------------------------------------------------


def test_an_inspection_id_in_a_url_is_no_pattern(app: Any, central: Any) -> None:
    """``_6004b5f`` resolved the inspection 6004b5f… (LIKE's ``_``), ``%`` scanned: both are
    404 now, on every office URL; the documented prefix of 8 characters still works."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from inspector.central import schema as s

    inspection = "6004b5f0-0000-4000-8000-000000000001"
    with central.engine.begin() as c:
        c.execute(
            insert(s.inspections).values(
                id=inspection, institution="历城区某医院", district="历城区",
                type="primary_care", mode="surprise", status="signed", device_id="ab" * 32,
                pushed_at=datetime.now(UTC),
            )
        )  # fmt: skip
    headers = _session(app, central)
    assert call(app, "GET", "/office/inspections/6004b5f0", headers=headers).status == 200
    for pattern in ("_004b5f0", "_6004b5f", "%25", "%25%25%25%25%25%25%25%25", "________"):
        for tail in ("", "/records/x.pdf", "/files/" + "a" * 64 + ".jpg"):
            answer = call(app, "GET", f"/office/inspections/{pattern}{tail}", headers=headers)
            assert answer.status == 404, (pattern, tail, answer.status)


# --- 5. wrong passwords: the attacker slowed down, not the user -------------------------------


def test_an_attackers_wrong_passwords_never_lock_the_real_user_out(app: Any, central: Any) -> None:
    """Five wrong passwords for a name from one client locked that name out for everyone
    (for 15 minutes, again and again). Now that client alone waits, longer after each wrong
    password (1 s, 2 s, 4 s… at most MAX_DELAY), and the real user, from another machine,
    signs in meanwhile; the attacker's own wait never becomes for good."""
    from inspector.central import office

    now = [1000.0]
    app.state.office.clock = lambda: now[0]
    office.Office(central.engine).add_user("局端王", PASSWORD)
    attacker, user = "203.0.113.9", "10.20.30.40"
    for _ in range(office.FREE_TRIES):
        assert sign_in(app, "局端王", "猜的口令", attacker).status == 401
    answer = sign_in(app, "局端王", PASSWORD, attacker)  # even the right one must wait
    assert answer.status == 429 and "尝试次数过多" in answer.text
    assert answer.headers["retry-after"] == "2" and "inspector_office" not in answer.text
    assert sign_in(app, "局端王", PASSWORD, user).status == 303  # the real user is not locked
    # progressive: each wrong password after the wait doubles it, up to MAX_DELAY
    waits = []
    for _ in range(14):
        now[0] += office.MAX_DELAY + 1
        assert sign_in(app, "局端王", "猜的口令", attacker).status == 401
        waits.append(int(sign_in(app, "局端王", "猜的口令", attacker).headers["retry-after"]))
    assert waits[:4] == [3, 5, 9, 17] and max(waits) == office.MAX_DELAY + 1
    assert sign_in(app, "局端王", PASSWORD, user).status == 303
    now[0] += office.MAX_DELAY + 1  # never for good: after the longest wait, a right password
    assert sign_in(app, "局端王", PASSWORD, attacker).status == 303


def test_wrong_passwords_count_on_every_server_and_across_a_restart(central: Any) -> None:
    """Two servers behind one address each kept their own counts in memory: an attacker
    alternating between them had twice the free tries, and a restart forgave every wrong
    password. The counts live in the database: the attacker waits whichever server answers,
    after a restart too, and the real user from another machine still signs in."""
    from inspector.central import office

    now = [1000.0]
    first, second = office.Office(central.engine), office.Office(central.engine)
    first.clock = second.clock = lambda: now[0]
    first.add_user("局端李", PASSWORD)
    attacker, user = "203.0.113.7", "10.20.30.41"
    for attempt in range(office.FREE_TRIES):
        server = first if attempt % 2 else second
        assert server.sign_in("局端李", "猜的口令", attacker) is None
    for server in (first, second):
        with pytest.raises(office.TooManyTries):
            server.sign_in("局端李", PASSWORD, attacker)
    restarted = office.Office(central.engine)
    restarted.clock = lambda: now[0]
    with pytest.raises(office.TooManyTries) as waited:
        restarted.sign_in("局端李", PASSWORD, attacker)
    assert waited.value.seconds == 2
    assert second.sign_in("局端李", PASSWORD, user) is not None
    now[0] += office.MAX_DELAY + 1
    assert restarted.sign_in("局端李", PASSWORD, attacker) is not None  # and then forgotten
    now[0] += 1
    assert first.sign_in("局端李", "猜的口令", attacker) is None
    assert first.sign_in("局端李", PASSWORD, attacker) is not None  # one wrong: no wait


# --- 6. a full disk at the server ---------------------------------------------------------------


@pytest.fixture
def served(central: Any) -> Iterator[str]:
    """The app under uvicorn in a thread of this process (plain HTTP on loopback), so that a
    test can put a full disk at the store's and the commit's seams of this very server."""
    import uvicorn

    from inspector.central.app import make_app
    from tests.helpers.central import free_port, wait_for_port

    port = free_port()
    config = uvicorn.Config(
        make_app(central), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    wait_for_port(port, None)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=WAIT)


def _no_space(*_args: Any) -> None:
    import errno
    import os

    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_store_disk_is_a_507_the_laptop_shows_with_nothing_half_written(
    served: str, central: Any, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's disk fills up in the middle of a chunk: the server answered 500 and kept
    the half chunk. Now 507, the laptop says why, the upload ends where the server had
    acknowledged it, nothing is merged; once there is space again the push completes."""
    from inspector.central.store import ServerStore

    full_visit(cli, tmp_path)
    cli("sync", "enroll", served, central.new_code("历城区"))
    before = central.counts()

    def half_then_full(handle: Any, data: bytes) -> None:
        handle.write(data[: len(data) // 2])
        handle.flush()
        _no_space()

    monkeypatch.setattr(ServerStore, "_write", staticmethod(half_then_full))
    _, err = sync_push(cli, expect=1)
    assert "服务器暂时无法接收推送" in err and "文件库磁盘已满" in err, err
    assert central.counts() == before  # nothing merged, no file stored
    partials = list(central.store.uploads.glob("*.part"))
    assert partials and all(p.stat().st_size == 0 for p in partials)  # no half chunk kept

    monkeypatch.undo()  # the administrator made room
    summary, _ = sync_push(cli)
    assert central.counts()["inspections"] == 1 and summary


def test_a_full_temporary_directory_at_commit_is_a_503_and_changes_nothing(
    served: str, central: Any, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary directory fills up while the commit puts the bundle together: 503 with
    a message, the temporary files gone, no row merged, the push not committed; the next
    push commits."""

    full_visit(cli, tmp_path)
    cli("sync", "enroll", served, central.new_code("历城区"))
    used: list[Path] = []

    def full(path: Path, *_args: Any) -> None:
        used.append(path.parent)
        path.write_bytes(b"PK\x03\x04" + bytes(4096))  # part of the bundle, then no space
        _no_space()

    monkeypatch.setattr(central, "_assemble", full)
    _, err = sync_push(cli, expect=1)
    assert "临时目录已满" in err and "服务器数据未改变" in err, err
    assert used and not used[0].exists()
    counts = central.counts()
    assert counts["inspections"] == 0 and counts["rows"] == 0
    with central.engine.connect() as c:
        from sqlalchemy import text

        assert c.scalar(text("select count(*) from pushes where committed_at is not null")) == 0
    monkeypatch.undo()
    sync_push(cli)
    assert central.counts()["inspections"] == 1


# --- 7. a laptop whose clock is off --------------------------------------------------------------


def test_a_laptop_clock_1000_s_ahead_pushes_with_the_servers_time_and_is_told(
    server: Server, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Field laptops' clocks are often wrong: one 1000 s ahead could not push at all (every
    request refused, 请校准本机时间). Now the laptop signs with the server's time (its Date
    header), the push goes through, and the user is told the clock is off."""

    full_visit(cli, tmp_path)
    sync_enroll(cli, server)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 1000)  # this laptop's clock (the test's)
    pushed, _ = sync_push(cli)
    assert 990 <= pushed.get("clock_off", 0) <= 1010
    assert server.sql("select count(*) from inspections").strip() == "1"
    out, _ = cli("sync", "push")  # nothing new; said in words this time
    assert "请校准本机时间" in out
    assert re.search(r"相差约 (99\d|100\d) 秒", out), out
    monkeypatch.undo()
    out, _ = cli("sync", "push")  # a right clock: nothing said
    assert "请校准本机时间" not in out


# --- 7. security headers, the PDF's name ---------------------------------------------------------


def test_office_pages_allow_no_script_and_are_not_sniffed(app: Any) -> None:
    """No Content-Security-Policy, X-Content-Type-Options or HSTS were sent. Now the office's
    HTML admits no script and no inline style but its own stylesheet (by hash), every answer
    says nosniff, and HTTPS answers carry HSTS (plain HTTP, on loopback, does not)."""
    import base64
    import hashlib

    page = call(app, "GET", "/office/login")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "script-src" not in policy and "<script" not in page.text  # none needed, none allowed
    style = re.search(r"<style>(.*?)</style>", page.text, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy  # the page's own style, and only it
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["strict-transport-security"].startswith("max-age=")
    refused = call(app, "POST", "/api/enroll", declared=1 << 30)  # the limits' answers too
    assert refused.headers["x-content-type-options"] == "nosniff"
    plain = call(app, "GET", "/office/login", scheme="http")
    assert "strict-transport-security" not in plain.headers


def test_a_record_pdf_is_named_by_its_record_number(
    served: str,
    app: Any,
    central: Any,
    cli: Any,
    team_keys: dict[str, str],
    tmp_path: Path,
) -> None:
    """PDFs came without a file name (saved as 'x.pdf' of an id): now inline, named by the
    record's number (RFC 6266 filename*, UTF-8), with an ASCII name for old clients."""
    from urllib.parse import quote

    inspection = full_visit(cli, tmp_path)
    sign_by_keys(cli, inspection, team_keys, tmp_path)
    cli("sync", "enroll", served, central.new_code("历城区"))
    cli("sync", "push")
    record = central.show(inspection)["rows"]["records"][0]
    number = record.get("record_no") or central.head(inspection)["record_no"]
    assert number
    headers = _session(app, central)
    answer = call(
        app, "GET", f"/office/inspections/{inspection}/records/{record['id']}.pdf", headers=headers
    )
    assert answer.status == 200 and answer.body.startswith(b"%PDF-")
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("inline; filename=") and quote(number) in disposition
    assert f'filename="{record["id"]}.pdf"' in disposition
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in answer.headers  # the browser's PDF viewer works


def test_a_large_manifest_is_read_only_from_an_enrolled_device(app: Any) -> None:
    """/api/push takes a manifest as large as the bundle format allows; from a device the
    server does not know, it is refused (401) before a byte of the body is read."""
    answer = call(
        app, "POST", "/api/push", headers={"x-inspector-device": "ab" * 32}, declared=HOSTILE
    )
    assert answer.status == 401 and answer.read == 0
    assert json_of(answer)["template"] == "本设备未在服务器登记（请先 sync enroll）"
