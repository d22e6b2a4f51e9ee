"""The laptop's side of the central service (``sync enroll``, ``sync push``, ``sync status``
and the app's 同步 button): HTTPS to the bureau's server checked against the bureau's CA, every
request signed by this laptop's device key (auth.py); a push is a bundle (inspector/bundle/)
sent member by member, only what the server lacks, in chunks it acknowledges, so a push that
was interrupted resumes from the server's last acknowledged byte."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import ssl
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select

from inspector.bundle import PreparedBundle, choose_key, prepare_bundle
from inspector.central.auth import TOO_FAR, fingerprint, sign_headers
from inspector.db.models import SyncPush, SyncServer
from inspector.errors import InspectorError, InvalidInput
from inspector.files import scratch_prefix
from inspector.progress import NullReporter, Reporter, check_cancel
from inspector.signing.keystore import KeyStore
from inspector.workspace import Workspace

CHUNK = 8 << 20  # bytes a chunk carries at most; the server acknowledges each (fsynced)
# Over a connection that drops (a field office's mobile link), a chunk cut off is sent again
# whole: the size halves after each one down to this, and grows back after successes.
MIN_CHUNK = 256 << 10
GROW_AFTER = 4  # chunks in a row that arrived before the size doubles (up to its ceiling)
RELAX_AFTER = 16  # ... before the ceiling a drop set doubles (up to CHUNK)
# A connection kept open this long without a request may have been closed by the server
# (uvicorn's keep-alive is 5 s by default; server --idle-seconds).
STALE = 1.0
DROPS = 12  # requests cut off in a row after which a push gives up (the link is down)
SMALL = 1 << 20  # files up to this size go several to a request
TIMEOUT = 60
# A laptop clock this far off the server's signs with the server's time and is told so (the
# Date header is whole seconds; a request is refused beyond auth.WINDOW = 300 s).
CLOCK_TOLERANCE = 30


class SyncError(InspectorError):
    pass


class ServerRefused(SyncError):
    """The server answered with a refusal; its reason is the message."""


class Dropped(SyncError):
    """The connection broke before the server's answer came (the request may be sent
    again: every request of a push is idempotent)."""


class Pace:
    """The size of a push's next upload request: halved after one the connection cut off
    (down to MIN_CHUNK), doubled after GROW_AFTER that arrived, up to the last size that
    failed halved; that ceiling doubles back after RELAX_AFTER arrived, up to ``largest``.
    Over a link that drops every few MiB the chunks settle below what it carries, so little
    is sent twice; on a good link they stay at ``largest``."""

    def __init__(self, largest: int) -> None:
        self.largest = max(1, largest)
        self.smallest = min(MIN_CHUNK, self.largest)
        self.size = self.ceiling = self.largest
        self.streak = 0
        self.drops = 0

    def arrived(self) -> None:
        self.drops = 0
        self.streak += 1
        if self.streak % GROW_AFTER == 0:
            self.size = min(self.ceiling, self.size * 2)
        if self.streak % RELAX_AFTER == 0:
            self.ceiling = min(self.largest, self.ceiling * 2)

    def dropped(self, error: Dropped) -> None:
        """After a request the connection cut off; raises ``error`` when they keep coming."""
        self.drops += 1
        if self.drops >= DROPS:
            raise error
        self.streak = 0
        self.size = self.ceiling = max(self.smallest, self.size // 2)


@dataclass
class PushResult:
    bundle_id: str
    members: int  # members the bundle lists
    sent_files: int  # members (or their rest) sent now
    sent_bytes: int
    skipped_bytes: int  # bytes the server already had (or had acknowledged before)
    summary: dict[str, Any] = field(default_factory=dict)
    already: bool = False
    commit_seconds: float = 0.0  # the server's verify and merge, as the laptop waited for it
    incremental: bool = False  # only what changed since the last push of everything confirmed
    clock_off: int = 0  # seconds this laptop's clock is off from the server's (when it mattered)
    attempted_bytes: int = 0  # file bytes put on the wire, cut-off requests included


class Connection:
    """One HTTPS (or, for a loopback test without TLS, HTTP) connection to the server."""

    def __init__(self, url: str, ca_pem: str | None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise InvalidInput("服务器地址无效（应为 https://主机:端口）：{url}", url=url)
        self.prefix = parts.path.rstrip("/")
        # The server's time minus this laptop's, from its Date headers: field laptops' clocks
        # are often wrong, and a request signed more than auth.WINDOW off is refused.
        self.skew = 0.0
        self.clock_off = 0  # |skew| in seconds once it was more than CLOCK_TOLERANCE
        self.answered_at = time.monotonic()
        if parts.scheme == "https":
            context = (
                ssl.create_default_context(cadata=ca_pem)
                if ca_pem
                else ssl.create_default_context()
            )
            self.http: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port or 443, context=context, timeout=TIMEOUT
            )
        else:
            self.http = http.client.HTTPConnection(
                parts.hostname, parts.port or 80, timeout=TIMEOUT
            )
        # The server's clock (its Date header) and this laptop's when the answer came: the
        # record's times are flagged when they differ by much (inspections.clock_warnings).
        self.clock: tuple[datetime, datetime] | None = None

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        *,
        signer: tuple[Any, str] | None = None,
        query: dict[str, Any] | None = None,
        files: bool = False,
        again: bool = True,
    ) -> tuple[int, dict[str, Any]]:
        """``again``: a kept-alive connection the server closed meanwhile (its idle timeout,
        while the laptop read the next file) is opened anew and the request sent once more;
        a caller that paces its uploads (``Pace``) says False and sends again itself."""
        target = self.prefix + path + (("?" + urlencode(query)) if query else "")
        reused = self.http.sock is not None
        try:
            status, data = self._once(method, target, body, signer, files)
        except Dropped:
            if not (again and reused):
                raise
            status, data = self._once(method, target, body, signer, files)
        if (
            status == 401
            and signer is not None
            and isinstance(data, dict)
            and data.get("template") == TOO_FAR
            and self.clock_off
        ):  # signed again with the server's time, which the refusal's Date told
            status, data = self._once(method, target, body, signer, files)
        return status, data

    def _once(
        self,
        method: str,
        target: str,
        body: bytes,
        signer: tuple[Any, str] | None,
        files: bool,
    ) -> tuple[int, dict[str, Any]]:
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(len(body))}
        if signer is not None:
            headers.update(
                sign_headers(
                    signer[0],
                    signer[1],
                    method,
                    target,
                    body,
                    unsigned=files,
                    now=time.time() + self.skew,
                )
            )
        sent = time.time()
        try:
            self.http.request(method, target, body=body, headers=headers)
            response = self.http.getresponse()
            raw = response.read()
        except ssl.SSLCertVerificationError as error:
            self.http.close()
            raise SyncError(
                "服务器的证书未通过验证（不是本局的服务器？）：{problem}",
                problem=error.verify_message,
            ) from error
        except (OSError, http.client.HTTPException) as error:
            self.http.close()  # the next request opens a new connection
            raise Dropped(
                "无法连接服务器：{problem}", problem=str(error) or type(error).__name__
            ) from error
        self.answered_at = time.monotonic()
        self._learn_time(response.getheader("Date"), sent, time.time())
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {"error": raw[:200].decode("utf-8", "replace")}
        return response.status, data

    def _learn_time(self, date: str | None, sent: float, received: float) -> None:
        """The skew from the server's Date (whole seconds: taken as the middle of its second,
        against the middle of the round trip)."""
        if not date:
            return
        try:
            said = parsedate_to_datetime(date)
            server = said.timestamp() + 0.5
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        middle = (sent + received) / 2
        # What the record's clock warning compares (inspections.clock_warnings): the server's
        # time as it said it and this laptop's at the last exchange.
        self.clock = (said.astimezone(UTC), datetime.fromtimestamp(middle, UTC))
        skew = server - middle
        if abs(skew) > CLOCK_TOLERANCE:
            self.skew = skew
            self.clock_off = round(abs(skew))
        else:
            self.skew = 0.0

    def keep_clock(self, ws: Workspace) -> None:
        """Keep the last clocks seen (this laptop's own bookkeeping, not an action)."""
        if self.clock is not None:
            from inspector.inspections import LAST_SYNC_CLOCK

            server, laptop = self.clock
            ws.db.set_setting(
                LAST_SYNC_CLOCK,
                json.dumps({"server": server.isoformat(), "laptop": laptop.isoformat()}),
            )

    def idle(self) -> float:
        """Seconds the open connection has waited since its last answer (0: none open)."""
        if self.http.sock is None:
            return 0.0
        return time.monotonic() - self.answered_at

    def close(self) -> None:
        self.http.close()


def enrolled(ws: Workspace) -> SyncServer | None:
    with ws.db.session() as session:
        return session.scalars(select(SyncServer).order_by(SyncServer.created_at.desc())).first()


def enroll(ws: Workspace, url: str, code: str, ca_file: Path | None = None) -> SyncServer:
    """Register this laptop's device key with the server, using the one-time code the
    administrator gave; the certificates of this laptop's inspector keys go with it, so that
    bundles they sign are accepted from this laptop."""
    ca_pem = Path(ca_file).read_text(encoding="ascii") if ca_file else None
    keys = KeyStore.of(ws)
    device_key = keys.device_key(ws.db.device_id)
    signers = [
        keys.certificate(info.key_id).public_bytes(Encoding.PEM).decode("ascii")
        for info in keys.list_keys()
        if info.has_certificate
    ]
    body = json.dumps(
        {
            "code": code,
            "certificate": device_key.certificate.public_bytes(Encoding.PEM).decode("ascii"),
            "device_id": ws.db.device_id,
            "signers": signers,
        }
    ).encode("utf-8")
    connection = Connection(url, ca_pem)
    try:
        # signed by the device key: the server registers a key only from whoever holds it
        signer = (device_key.private_key, fingerprint(device_key.certificate))
        status, data = connection.request("POST", "/api/enroll", body, signer=signer)
    finally:
        connection.close()
    if status != 200:
        raise ServerRefused("服务器拒绝登记：{reason}", reason=_reason(data, status))
    with ws.change(None, "sync.enroll") as ch:
        row = ch.add(
            SyncServer(
                url=url.rstrip("/"),
                server_device=str(data["device"]),
                district=str(data["district"]),
                ca_pem=ca_pem,
            )
        )
        ch.entity(row)
        ch.details.update({"url": url, "district": data["district"]})
    assert fingerprint(device_key.certificate) == data["device"]
    return row


def push(
    ws: Workspace,
    *,
    inspections: list[str] | None = None,
    reporter: Reporter | None = None,
    chunk: int = CHUNK,
    key_id: str | None = None,
    passphrase: str | None = None,
    full: bool = False,
) -> PushResult:
    """Push this laptop's inspections (or ``inspections``) to the enrolled server. A push of
    everything is incremental: only what changed since the last push of everything the server
    confirmed (a full one if the server does not hold what that push sent, or ``full``)."""
    reporter = reporter or NullReporter()
    server = enrolled(ws)
    if server is None:
        raise InvalidInput("本机尚未登记到服务器，请先执行 sync enroll 服务器地址 登记码")
    device_key = KeyStore.of(ws).device_key(ws.db.device_id)
    signer = (device_key.private_key, server.server_device)
    key = choose_key(ws, key_id, passphrase)
    whole = not inspections
    marks = confirmed_heads(ws, server.url) if whole and not full else None
    connection = Connection(server.url, server.ca_pem)
    try:
        while True:
            # No bundle file: the rows in memory, the files read from the stores as they go.
            prepared = prepare_bundle(
                ws, inspections=inspections, marks=marks, receiver=server.url, key=key
            )
            try:
                result = _send(ws, server, connection, signer, prepared, reporter, chunk, whole)
                result.incremental = marks is not None
                result.clock_off = connection.clock_off
                return result
            except _BaseUnknown:
                if marks is None:
                    raise SyncError("服务器出错：{reason}", reason=BASE_UNKNOWN) from None
                marks = None  # the server lacks what the last push sent: everything again
    finally:
        connection.keep_clock(ws)
        connection.close()


BASE_UNKNOWN = "base_unknown"


class _BaseUnknown(Exception):
    """The server does not hold what an incremental push builds on."""


def confirmed_heads(ws: Workspace, url: str) -> dict[str, int] | None:
    """The change numbers of the last push of everything the server at ``url`` confirmed."""
    with ws.db.session() as session:
        for row in session.scalars(
            select(SyncPush).where(SyncPush.url == url).order_by(SyncPush.confirmed_at.desc())
        ):
            if row.summary.get("whole"):
                return {str(k): int(v) for k, v in row.heads.items()}
    return None


def _reason(data: Any, status: int) -> InspectorError | str:
    """The server's refusal as an error of the laptop's own messages (its template and values,
    so the app shows it in its language); its Chinese text if it came without."""
    if isinstance(data, dict) and isinstance(data.get("template"), str):
        raw = data.get("values")
        values = {
            str(k): _reason(v, status) if isinstance(v, dict) else v
            for k, v in (raw if isinstance(raw, dict) else {}).items()
        }
        try:
            return InspectorError(data["template"], **values)
        except (KeyError, IndexError, ValueError):  # a template this laptop cannot fill
            pass
    if isinstance(data, dict):
        return str(data.get("error", f"HTTP {status}"))
    return str(data)


def _answer(status: int, data: dict[str, Any]) -> dict[str, Any]:
    if status == 200:
        return data
    if data.get("code") == BASE_UNKNOWN:
        raise _BaseUnknown()
    reason = _reason(data, status)
    if status in (401, 409):
        raise ServerRefused("服务器拒绝：{reason}", reason=reason)
    if status in (503, 507):  # full disks, a full queue: the server's own, for a while
        raise SyncError("服务器暂时无法接收推送，请稍后重试：{reason}", reason=reason)
    raise SyncError("服务器出错：{reason}", reason=reason)


def _send(
    ws: Workspace,
    server: SyncServer,
    connection: Connection,
    signer: tuple[Any, str],
    prepared: PreparedBundle,
    reporter: Reporter,
    chunk: int,
    whole: bool,
) -> PushResult:
    manifest = prepared.manifest
    listed = json.loads(manifest)
    body = json.dumps(
        {
            "manifest": base64.b64encode(manifest).decode("ascii"),
            "signature": base64.b64encode(prepared.signature).decode("ascii"),
        }
    ).encode("ascii")
    answer = _answer(*connection.request("POST", "/api/push", body, signer=signer))
    bundle_id = str(answer["bundle_id"])
    total = sum(int(m["size"]) for m in listed["members"])
    result = PushResult(bundle_id, len(listed["members"]), 0, 0, total)
    if answer.get("committed"):
        result.already = True
        result.summary = dict(answer.get("summary") or {})
        _confirm(ws, server, listed, manifest, result.summary, whole)
        return result
    missing = answer["missing"]
    to_send = sum(int(m["size"]) - int(m["offset"]) for m in missing)
    result.skipped_bytes = total - to_send
    reporter.start(max(to_send, 1), "推送到服务器")
    sent = 0
    pace = Pace(chunk)

    def upload(target: str, data: bytes, carried: int, query: dict[str, Any] | None = None) -> Any:
        """One paced upload request carrying ``carried`` bytes of files: None when the
        connection cut it off (``pace`` got smaller; the caller sends again from what the
        server acknowledged)."""
        result.attempted_bytes += carried
        # kept alive longer than a server keeps an idle connection (a slow read of the next
        # file): a break is the server's close, not the link's, and costs no smaller chunks
        stale = connection.idle() > STALE
        try:
            answer = connection.request(
                "PUT", target, data, signer=signer, query=query, files=True, again=stale
            )
        except Dropped as error:
            pace.dropped(error)
            return None
        pace.arrived()
        return answer

    # Small whole files go several to a request (a request costs more than its bytes).
    small = [m for m in missing if int(m["offset"]) == 0 and int(m["size"]) <= SMALL]
    pending: list[tuple[str, bytes]] = []
    for member in small:
        check_cancel(reporter)
        with prepared.open(ws, str(member["name"])) as source:
            pending.append((str(member["name"]), source.read()))
    while pending:
        check_cancel(reporter)
        batch = pending[:1]
        for item in pending[1:]:
            if sum(len(d) for _n, d in batch) + len(item[1]) > pace.size:
                break
            batch.append(item)
        head = json.dumps([[n, len(d)] for n, d in batch]).encode("utf-8")
        body = b"".join([head, b"\n", *(d for _n, d in batch)])
        answered = upload(f"/api/push/{bundle_id}/batch", body, sum(len(d) for _n, d in batch))
        if answered is None:
            continue  # the same files again, fewer to a request (a whole file is taken once)
        _answer(*answered)
        pending = pending[len(batch) :]
        result.sent_files += len(batch)
        result.sent_bytes += sum(len(d) for _n, d in batch)
        sent += sum(len(d) for _n, d in batch)
        reporter.advance(sent, batch[-1][0])
    batched = {id(m) for m in small}
    for member in (m for m in missing if id(m) not in batched):
        name, size, offset = str(member["name"]), int(member["size"]), int(member["offset"])
        result.sent_files += 1
        with prepared.open(ws, name) as source:
            if offset:
                source.seek(offset)
            first = True  # an empty member is sent once, as an empty chunk
            while offset < size or first:
                first = False
                check_cancel(reporter)
                data = source.read(min(pace.size, size - offset))
                answered = upload(
                    f"/api/push/{bundle_id}/files",
                    data,
                    len(data),
                    {"name": name, "offset": offset},
                )
                if answered is None:
                    source.seek(offset)  # from the server's end: it answers where that is
                    first = offset == 0 and size == 0
                    continue
                status, reply = answered
                if status == 409 and "offset" in reply:
                    # another laptop is sending the same file, or a chunk we sent was
                    # acknowledged after our connection broke: go on from the server's end
                    offset = int(reply["offset"])
                    source.seek(offset)
                    continue
                reply = _answer(status, reply)
                result.sent_bytes += len(data)
                sent += len(data)
                offset = int(reply["offset"])
                if offset >= size:
                    break
                reporter.advance(sent, name)
        reporter.advance(sent, name)
    started = time.perf_counter()
    status, reply = connection.request("POST", f"/api/push/{bundle_id}/commit", signer=signer)
    result.commit_seconds = time.perf_counter() - started
    result.summary = _answer(status, reply)
    _confirm(ws, server, listed, manifest, result.summary, whole)
    return result


def _confirm(
    ws: Workspace,
    server: SyncServer,
    listed: dict[str, Any],
    manifest: bytes,
    summary: dict[str, Any],
    whole: bool,
) -> None:
    """The server committed the bundle: note it here (what the bureau has; ``whole``: all of
    this laptop's changes up to its heads, which the next push builds on)."""
    bundle_id = str(listed["bundle_id"])
    with ws.db.session() as session:
        if session.scalar(select(SyncPush.id).where(SyncPush.bundle_id == bundle_id)):
            return
    ids = [str(i.get("id")) for i in listed.get("inspections") or []]
    with ws.change(None, "sync.push") as ch:
        row = ch.add(
            SyncPush(
                url=server.url,
                bundle_id=bundle_id,
                manifest_sha256=hashlib.sha256(manifest).hexdigest(),
                heads=dict(listed.get("heads") or {}),
                inspections=ids,
                summary={**summary, "whole": whole},
                confirmed_at=datetime.now(UTC),
            )
        )
        ch.entity(row)
        ch.details.update({"url": server.url, "bundle_id": bundle_id, "inspections": len(ids)})


def confirmed(ws: Workspace) -> dict[str, str]:
    """Inspection id → when the server last confirmed it."""
    out: dict[str, str] = {}
    with ws.db.session() as session:
        for row in session.scalars(select(SyncPush).order_by(SyncPush.confirmed_at)):
            for inspection in row.inspections:
                out[str(inspection)] = row.confirmed_at.isoformat()
    return out


@dataclass
class PullResult:
    installed: list[tuple[str, int, str]] = field(default_factory=list)  # kind, version, note
    refused: list[tuple[str, int, str]] = field(default_factory=list)  # kind, version, why
    current: list[str] = field(default_factory=list)  # kinds already at the latest version


def pull(ws: Workspace, *, reporter: Reporter | None = None) -> PullResult:
    """Install the reference data the office published since the last pull: each package's
    signature is checked against this laptop's trust list (the bureau's CA) first; one that
    fails is not installed and the last good one stays in use."""
    from inspector.bundle.merge import trust_for
    from inspector.bundle.signature import verify_manifest

    reporter = reporter or NullReporter()
    server = enrolled(ws)
    if server is None:
        raise InvalidInput("本机尚未登记到服务器，请先执行 sync enroll 服务器地址 登记码")
    device_key = KeyStore.of(ws).device_key(ws.db.device_id)
    signer = (device_key.private_key, server.server_device)
    roots = trust_for(ws)
    result = PullResult()
    connection = Connection(server.url, server.ca_pem)
    pulled = dict(server.pulled or {})
    try:
        items = _answer(*connection.request("GET", "/api/pull", signer=signer))["items"]
        reporter.start(len(items), "从服务器更新基础数据")
        for done, item in enumerate(items, start=1):
            check_cancel(reporter)
            kind, version = str(item["kind"]), int(item["version"])
            if int(pulled.get(kind, 0)) >= version:
                result.current.append(kind)
                continue
            data = _answer(*connection.request("GET", f"/api/pull/{kind}/{version}", signer=signer))
            body = base64.b64decode(data["body"])
            signature = base64.b64decode(data["signature"])
            try:
                check = verify_manifest(body, signature, roots)
                if not check.trusted:
                    raise SyncError("签名者不在本机信任列表中（不是本局发布的）")
                note = _install(ws, kind, Path(str(data["name"])).name, body, version)
            except InspectorError as error:
                result.refused.append((kind, version, str(error)))
                continue
            pulled[kind] = version
            result.installed.append((kind, version, note))
            reporter.advance(done, kind)
    finally:
        connection.keep_clock(ws)
        connection.close()
    if result.installed:
        with ws.change(None, "sync.pull") as ch:
            row = ch.session.get(SyncServer, server.id)
            assert row is not None
            row.pulled = pulled
            ch.entity(row)
            ch.details.update({"installed": [f"{k} v{v}" for k, v, _ in result.installed]})
    return result


def _install(ws: Workspace, kind: str, name: str, body: bytes, version: int = 0) -> str:
    with tempfile.TemporaryDirectory(prefix=scratch_prefix(), dir=ws.home.root) as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        if kind == "checklist":
            from inspector.checklists.library import install_file

            loaded = install_file(path, ws.home.checklists)
            return f"{loaded.data.id} {loaded.data.version}"
        if kind == "registry":
            from inspector.registry import apply, preview

            planned = preview(path, ws)
            counts = apply(ws, planned).counts
            return "，".join(f"{status.value} {n}" for status, n in counts.items() if n)
        if kind in ("rules", "knowledge"):
            from inspector.rules.library import install

            # Checked alone and with the installed ones; one not newer is refused, and said.
            installed = install(path, ws.home)
            return f"{installed.data.id} {installed.data.version}"
        if kind == "roster":
            from inspector.planning.service import add_to_roster

            try:
                people = json.loads(body)
                entries = [
                    (str(p["name"]), str(p["cert_no"]), str(p["district"]), bool(p.get("can_lead")))
                    for p in people
                ]
            except (ValueError, KeyError, TypeError) as error:
                raise SyncError("检查人员名录格式无效") from error
            for person_name, cert_no, district, can_lead in entries:
                add_to_roster(
                    ws, name=person_name, cert_no=cert_no, district=district, can_lead=can_lead
                )
            return f"{len(entries)} 人"
        if kind == "campaign":
            from inspector.campaigns.local import install_package

            return install_package(ws, body, version)  # every campaign: one package
        if kind == "bureaus":
            from inspector.bureaus import Bureau, set_bureaus

            try:
                bureaus = [Bureau.of(item) for item in json.loads(body)]
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise SyncError("执法主体名单格式无效") from error
            set_bureaus(ws, bureaus)  # checked as one set by hand is; one audited event
            return "、".join(b.name for b in bureaus)
    raise SyncError("不认识的发布类型：{kind}", kind=kind)
