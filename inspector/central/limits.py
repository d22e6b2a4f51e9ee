"""What one client may make the server hold: a body size per route, checked before the body is
read (a declared Content-Length over the limit is answered 413 at once, a chunked body is cut
off where it passes the limit), and the server's connection limits (uvicorn's options and an
idle timeout for a connection that has not sent its request's headers yet, which uvicorn
lacks). A 300 MB body to /api/enroll made the server hold 600 MiB; idle TLS connections from
one client used up the server's descriptors."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from inspector.bundle.format import MAX_MANIFEST_SIZE, MAX_SIGNATURE_SIZE
from inspector.errors import InspectorError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_CHUNK = 16 << 20  # a file chunk's body (the laptop sends 8 MiB: client.CHUNK)
SMALL_BODY = 64 << 10  # a request with nothing to carry (commit, GET pages)
# Per route (the path's pattern), the largest body it takes. The first match counts.
LIMITS: list[tuple[re.Pattern[str], int]] = [
    # the device certificate and the inspectors' certificates (PEM): a few kilobytes each
    (re.compile(r"^/api/enroll$"), 256 << 10),
    # a signed manifest and its signature, base64 in JSON: the bundle format's own limits
    (re.compile(r"^/api/push$"), (MAX_MANIFEST_SIZE + MAX_SIGNATURE_SIZE) * 4 // 3 + SMALL_BODY),
    (re.compile(r"^/api/push/[^/]+/(files|batch)$"), MAX_CHUNK + SMALL_BODY),
    (re.compile(r"^/office/(login|logout)$"), 16 << 10),  # a name, a password, a token
]

TOO_LARGE = "请求过大（此处至多 {limit} 字节），服务器未接收"
BAD_LENGTH = "请求的长度（Content-Length）无效"


def body_limit(path: str) -> int:
    return next((limit for pattern, limit in LIMITS if pattern.match(path)), SMALL_BODY)


class _TooLarge(Exception):
    pass


async def _refuse(scope: Scope, send: Send, status: int, error: InspectorError) -> None:
    """The refusal as the laptop reads it (JSON with the template) or, for an office page,
    the text; the connection closed after it (the rest of the body is not read)."""
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps(
            {"error": str(error), "template": error.template, "values": error.values},
            ensure_ascii=False,
        ).encode("utf-8")
        kind = b"application/json"
    else:
        from html import escape

        body = f"<!doctype html><p>{escape(str(error))}</p>".encode()
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: each route's body limit (LIMITS), before the app reads the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["path"])
        declared = [v for k, v in scope["headers"] if k.lower() == b"content-length"]
        if declared:
            try:
                length = int(declared[0])
            except ValueError:
                length = -1
            if length < 0 or len(declared) > 1:
                await _refuse(scope, send, 400, InspectorError(BAD_LENGTH))
                return
            if length > limit:
                await _refuse(scope, send, 413, InspectorError(TOO_LARGE, limit=limit))
                return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # a chunked body (no Content-Length) past the limit
                    raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except _TooLarge:
            if started:
                raise
            await _refuse(scope, send, 413, InspectorError(TOO_LARGE, limit=limit))


# --- the server's connections (uvicorn, started by ``server``) ---------------------------------

# Connections and requests at once; beyond it uvicorn answers 503. Kept under the process's
# descriptor limit (ulimit -n), with room for the database pool, the store's files and logs:
# 248 idle connections used up a server allowed 256 descriptors.
MAX_CONNECTIONS = 500
SPARE_DESCRIPTORS = 64
IDLE_SECONDS = 30  # a kept-alive connection with no next request (a laptop reading its next file)
HEADER_SECONDS = 10  # a new connection's request headers, complete within this
MAX_HEADER_BYTES = 16 << 10  # a request line and headers (h11's incomplete event)


def protocol(header_seconds: float) -> type:
    """uvicorn's h11 protocol with a deadline for a request's headers: from the connection's
    start (after TLS), and from the previous response plus the idle time. uvicorn's own
    keep-alive timeout stops at a request's first byte, so a client that sends nothing, or one
    byte now and then, held its connection (and a descriptor) for ever."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Protocol(H11Protocol):
        _deadline: Any = None

        def _arm(self, seconds: float) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._headers_late)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _serving(self) -> bool:
            return self.cycle is not None and not self.cycle.response_complete

        def _headers_late(self) -> None:
            self._deadline = None
            if not self._serving():
                self.timeout_keep_alive_handler()  # closes the connection as uvicorn does

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm(header_seconds)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self._serving():
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm(self.timeout_keep_alive + header_seconds)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return Protocol


def max_connections() -> int:
    """MAX_CONNECTIONS, or fewer where the descriptor limit is lower."""
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(1, min(MAX_CONNECTIONS, soft - SPARE_DESCRIPTORS))


def server_options(
    *,
    max_connections: int = MAX_CONNECTIONS,
    idle_seconds: int = IDLE_SECONDS,
    header_seconds: float = HEADER_SECONDS,
) -> dict[str, Any]:
    """uvicorn.run's keyword arguments for the limits (docs/operations.md)."""
    return {
        "http": protocol(header_seconds),
        "limit_concurrency": max_connections,
        "timeout_keep_alive": idle_seconds,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "backlog": max_connections,
    }
