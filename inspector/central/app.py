"""The central service's HTTP face (Starlette under uvicorn): the laptops' API (enroll, push,
commit) and the office's pages, server-rendered in Chinese. The work is in service.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from inspector import ids
from inspector.bundle.verify import evidence_files
from inspector.central import dashboard
from inspector.central.archive import TABLES as ARCHIVED_TABLES
from inspector.central.archive import archived_pdf, signed_documents
from inspector.central.archive import states as archive_states
from inspector.central.auth import (
    H_DEVICE,
    H_NONCE,
    H_PAYLOAD,
    H_SIGNATURE,
    H_TIME,
    UNSIGNED,
    Unauthorized,
)
from inspector.central.limits import MAX_CHUNK, BodyLimit
from inspector.central.office import (
    RETRY_AFTER,
    SESSION_HOURS,
    Busy,
    Office,
    OfficeUser,
    TooManyTries,
)
from inspector.central.office_signer import OfficeSigner, require
from inspector.central.service import (
    Central,
    Device,
    Proof,
    Refused,
    publication,
    publications,
)
from inspector.central.store import StoreFull, TempFull, UploadMismatch
from inspector.errors import InspectorError

PAGE = 50
SESSION_COOKIE = "inspector_office"
LOGIN_COOKIE = "inspector_login"  # the sign-in form's CSRF token (double submit)
# Office pages hold patients' and staff's data: not kept by the browser, not framed elsewhere.
PRIVATE = {"Cache-Control": "no-store", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"}

LABELS = {
    "status": {
        "draft": "草稿",
        "in_progress": "检查中",
        "awaiting_signatures": "待签字",
        "signed": "已签字",
    },
    "mode": {
        "surprise": "突击检查",
        "covert": "暗访",
        "flying": "飞行检查",
        "cross": "交叉检查",
        "random": "双随机抽查",
        "third_party": "第三方复核",
        "follow_up": "回头看",
    },
}

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The office pages' one stylesheet, put inline in every page by base.html (no request of its
# own, nothing cached apart from the page it styles) and admitted by the CSP's hash of it.
STYLESHEET = Path(__file__).resolve().parent / "static" / "office.css"
OfficePage = Callable[[Request, OfficeUser], Awaitable[Response]]
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
_env.globals["css"] = Markup(STYLESHEET.read_text(encoding="utf-8"))
# The office pages' menu (base.html): (path, name). A page of its own adds its line here.
NAV: list[tuple[str, str]] = [
    ("/office", "工作台"),
    ("/office/inspections", "检查列表"),
    ("/office/campaigns", "专项行动"),
    ("/office/assignments", "任务分派"),
    ("/office/report", "情况报告"),
]
_env.globals["nav"] = NAV


def _style_hash() -> str:
    """The CSP source of the office pages' one stylesheet, inline in every page: its SHA-256,
    so that the policy admits it and no other inline style or script (an injected one)."""
    digest = hashlib.sha256(str(_env.globals["css"]).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# No script at all on the office pages (none is needed); images and forms from this server.
CSP = (
    "default-src 'none'; style-src {style}; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HSTS = "max-age=31536000"  # a year (HTTPS only: the header is ignored, and not sent, over HTTP)


class SecurityHeaders:
    """ASGI middleware: ``nosniff`` on every answer, the CSP on HTML, HSTS over HTTPS."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.csp = CSP.format(style=_style_hash() or "'none'").encode("ascii")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                headers.append((b"x-content-type-options", b"nosniff"))
                if kind.startswith(b"text/html"):
                    headers.append((b"content-security-policy", self.csp))
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", HSTS.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, headed)


def _pdf_name(record: dict[str, Any], inspection: dict[str, Any]) -> str:
    """Content-Disposition of a record's PDF: its record number as the file's name (RFC 6266,
    the UTF-8 name in filename*; an ASCII one for old clients), inline to view it."""
    number = str(record.get("record_no") or inspection.get("record_no") or record["id"])
    kind = str(record.get("kind") or "")
    name = number if not kind or record.get("record_no") else f"{number}-{kind}"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "_", name).strip(". ")[:120] or "record"
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", str(record["id"]))[:64]
    return f"inline; filename=\"{ascii_name}.pdf\"; filename*=UTF-8''{quote(name + '.pdf')}"


def _message(error: InspectorError) -> dict[str, Any]:
    """An error as the laptop shows it in its own language: the Chinese text, and its
    template (a message id of ui/core_messages.py) with the values, a cause nested as such."""
    values = {
        k: _message(v) if isinstance(v, InspectorError) else v if isinstance(v, int) else str(v)
        for k, v in error.values.items()
    }
    return {"error": str(error), "template": error.template, "values": values}


def _invalid(template: str, status: int = 400) -> JSONResponse:
    return JSONResponse(_message(InspectorError(template)), status_code=status)


def _json(body: bytes) -> Any:
    """A request's JSON; ValueError for anything else (a body nested 50,000 deep raised
    RecursionError, answered 500)."""
    try:
        return json.loads(body)
    except RecursionError as error:
        raise ValueError("nested too deep") from error


# The office list's filters (service.list_inspections), ``findings=1`` apart (a flag).
LIST_FILTERS = ("district", "type", "mode", "status", "since", "until", "category")

BUNDLE = re.compile(r"^[0-9A-Za-z-]{1,64}$")  # a push's id (a UUID) in a URL
MAX_PAGE = 100_000  # the office list's pages (50 each): five million inspections


def _bundle(request: Request) -> str:
    bundle = str(request.path_params["bundle"])
    if not BUNDLE.match(bundle):
        raise InspectorError("推送编号无效：{bundle}", bundle=bundle[:40])
    return bundle


def _error(error: InspectorError) -> JSONResponse:
    body: dict[str, Any] = _message(error)
    if isinstance(error, Refused):
        body["code"] = error.code
    if isinstance(error, Unauthorized):
        return JSONResponse(body, status_code=401)
    if isinstance(error, StoreFull):  # 507 Insufficient Storage (RFC 4918)
        return JSONResponse(body, status_code=507, headers={"Retry-After": "600"})
    if isinstance(error, TempFull):
        return JSONResponse(body, status_code=503, headers={"Retry-After": "60"})
    if isinstance(error, UploadMismatch):
        return JSONResponse({**body, "offset": error.offset}, status_code=409)
    if isinstance(error, Refused):
        return JSONResponse(body, status_code=409)
    return JSONResponse(body, status_code=400)


def make_app(central: Central, signer: OfficeSigner | None = None) -> Starlette:
    """``signer``: the office's key (inspector/central/office_signer.py) that signs what the
    office makes on its pages for laptops; None: those pages say it is missing."""

    async def authenticated(request: Request, files: bool = False) -> tuple[Device, bytes]:
        """The device that signed the request. ``files``: an upload of files' bytes, which may
        leave its body out of the signature (auth.UNSIGNED)."""
        body = await request.body()
        unsigned = request.headers.get(H_PAYLOAD) == UNSIGNED
        if unsigned and not files:
            raise Unauthorized("请求的签名未包含请求内容")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        h = request.headers
        device = await run_in_threadpool(
            central.authenticate,
            h.get(H_DEVICE, ""),
            request.method,
            target,
            h.get(H_TIME, ""),
            h.get(H_NONCE, ""),
            body,
            h.get(H_SIGNATURE, ""),
            unsigned,
        )
        return device, body

    async def enroll(request: Request) -> Response:
        try:
            body = await request.body()
            data = _json(body)
            h = request.headers
            proof = Proof(
                device=h.get(H_DEVICE, ""),
                target=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
                stamp=h.get(H_TIME, ""),
                nonce=h.get(H_NONCE, ""),
                signature=h.get(H_SIGNATURE, ""),
                body=body,
            )
            result = await run_in_threadpool(
                central.enroll,
                str(data["code"]),
                str(data["certificate"]),
                str(data["device_id"]),
                [str(p) for p in data.get("signers") or []],
                proof,
            )
        except (ValueError, KeyError, TypeError):
            return _invalid("登记请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse(result)

    async def push(request: Request) -> Response:
        try:
            # a manifest may be large (the bundle format's limit): read it only from a device
            # the server knows, so that anyone else cannot make the server hold it
            await run_in_threadpool(central.admits, request.headers.get(H_DEVICE, ""))
            device, body = await authenticated(request)
            data = _json(body)
            result = await run_in_threadpool(
                central.start_push,
                device,
                base64.b64decode(data["manifest"]),
                base64.b64decode(data["signature"]),
            )
        except (ValueError, KeyError, TypeError):
            return _invalid("推送请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse(result)

    async def chunk(request: Request) -> Response:
        try:
            if int(request.headers.get("content-length") or 0) > MAX_CHUNK:
                return _invalid("分块过大", 413)
            bundle = _bundle(request)
            device, body = await authenticated(request, files=True)
            offset = await run_in_threadpool(
                central.put_chunk,
                device,
                bundle,
                request.query_params["name"],
                int(request.query_params["offset"]),
                body,
            )
        except (ValueError, KeyError):
            return _invalid("上传请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"offset": offset})

    async def batch(request: Request) -> Response:
        try:
            if int(request.headers.get("content-length") or 0) > MAX_CHUNK:
                return _invalid("分块过大", 413)
            bundle = _bundle(request)
            bundle = _bundle(request)
            device, body = await authenticated(request, files=True)
            offsets = await run_in_threadpool(central.put_batch, device, bundle, body)
        except ValueError:
            return _invalid("上传请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"offsets": offsets})

    async def commit(request: Request) -> Response:
        try:
            bundle = _bundle(request)
            device, _body = await authenticated(request)
            result = await run_in_threadpool(central.commit, device, bundle)
        except InspectorError as error:
            return _error(error)
        return JSONResponse(result)

    async def pull_list(request: Request) -> Response:
        try:
            await authenticated(request)
            items = await run_in_threadpool(publications, central)
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"items": items})

    async def pull_one(request: Request) -> Response:
        try:
            await authenticated(request)
            item = await run_in_threadpool(
                publication,
                central,
                request.path_params["kind"],
                int(request.path_params["version"]),
            )
        except ValueError:
            return _invalid("请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse(item)

    office_users = Office(central.engine)

    def signed_in(handler: OfficePage) -> Callable[[Request], Awaitable[Response]]:
        """An office page: for a signed-in user only (else to the sign-in form and back)."""

        async def page(request: Request) -> Response:
            user = await run_in_threadpool(office_users.user, request.cookies.get(SESSION_COOKIE))
            if user is None:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(
                    "/office/login?" + urlencode({"next": target}), status_code=303
                )
            response = await handler(request, user)
            response.headers.update(PRIVATE)
            return response

        return page

    def login_page(
        request: Request, next_page: str, error: str = "", status: int = 200
    ) -> Response:
        # one token per browser, not per form: a second tab's form leaves the first one's valid
        held = request.cookies.get(LOGIN_COOKIE) or ""
        token = held if len(held) == 32 else secrets.token_urlsafe(24)
        html = _env.get_template("login.html").render(csrf=token, next=next_page, error=error)
        response = HTMLResponse(html, status_code=status, headers=PRIVATE)
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            max_age=3600,
            path="/office/login",
            httponly=True,
            secure=request.url.scheme == "https",
            samesite="strict",
        )
        return response

    async def login_form(request: Request) -> Response:
        return login_page(request, _safe_next(request.query_params.get("next")))

    async def login(request: Request) -> Response:
        form = _form(await request.body())
        next_page = _safe_next(form.get("next"))
        expected = request.cookies.get(LOGIN_COOKIE) or ""
        if not expected or not hmac.compare_digest(form.get("csrf", ""), expected):
            return login_page(request, next_page, "页面已过期，请重新登录", 403)
        try:
            token = await run_in_threadpool(
                office_users.sign_in,
                form.get("name", "").strip(),
                form.get("password", ""),
                request.client.host if request.client else "",
            )
        except Busy as error:
            busy = login_page(request, next_page, str(error), 503)
            busy.headers["Retry-After"] = str(RETRY_AFTER)
            return busy
        except TooManyTries as error:
            wait = login_page(request, next_page, str(error), 429)
            wait.headers["Retry-After"] = str(error.seconds)
            return wait
        if token is None:
            return login_page(request, next_page, "用户名或口令不正确", 401)
        response = RedirectResponse(next_page, status_code=303)
        response.delete_cookie(LOGIN_COOKIE, path="/office/login")
        response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=SESSION_HOURS * 3600,
            path="/office",
            httponly=True,
            secure=request.url.scheme == "https",
            samesite="strict",
        )
        return response

    async def logout(request: Request, user: OfficeUser) -> Response:
        form = _form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)
        await run_in_threadpool(office_users.sign_out, request.cookies.get(SESSION_COOKIE, ""))
        response = RedirectResponse("/office/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/office")
        return response

    async def office(request: Request, user: OfficeUser) -> Response:
        q = request.query_params
        chosen = {k: q.get(k) or None for k in LIST_FILTERS}
        findings = q.get("findings") == "1"
        asked = q.get("page") or "0"
        # str.isdigit() takes "²" (and int() then fails): ASCII digits only, and a bound
        if not (asked.isascii() and asked.isdigit()) or int(asked) > MAX_PAGE:
            wrong = InspectorError("页码无效：{page}", page=asked[:20])
            return HTMLResponse(f"<p>{_escape(str(wrong))}</p>", status_code=400, headers=PRIVATE)
        page = int(asked)
        after = q.get("after")
        try:
            total, items = await run_in_threadpool(
                lambda: central.list_inspections(
                    district=chosen["district"],
                    type_code=chosen["type"],
                    mode=chosen["mode"],
                    status=chosen["status"],
                    since=chosen["since"],
                    until=chosen["until"],
                    area=user.district,
                    limit=PAGE,
                    # the page links carry the last row's key: a deep page is read from the
                    # list's index where the one before ended (OFFSET would read and sort
                    # every row before it)
                    offset=0 if after is not None else page * PAGE,
                    after=after,
                    category=chosen["category"],
                    findings=findings,
                )
            )
            values = await run_in_threadpool(central.filter_values, user.district)
            values["category"] = await run_in_threadpool(
                dashboard.category_values, central, user.district
            )
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=400)
        more = (
            urlencode(
                {
                    **{k: v for k, v in chosen.items() if v},
                    **({"findings": "1"} if findings else {}),
                    "page": page + 1,
                    "after": central.page_key(items[-1]),
                }
            )
            if items and (page + 1) * PAGE < total
            else None
        )
        for name in ("district", "type", "mode", "status", "category"):
            # a figure's link may name a value the filter's table does not offer yet
            if chosen[name] and chosen[name] not in values.setdefault(name, []):
                values[name].append(chosen[name])
        labels = {
            **LABELS,
            "category": {v: dashboard.category_name(v) for v in values["category"]},
            "type": {v: dashboard.type_name(v) for v in values["type"]},
        }
        names = {"district": "区县", "type": "机构类型", "mode": "检查方式", "status": "状态"}
        active = [
            f"{title}：{labels.get(name, {}).get(chosen[name], chosen[name])}"
            for name, title in {**names, "category": "问题类别"}.items()
            if chosen[name]
        ]
        if chosen["since"] or chosen["until"]:
            active.append(f"期间：{chosen['since'] or '最早'} 至 {chosen['until'] or '今天'}")
        if findings:
            active.append("只看发现问题的")
        html = _env.get_template("list.html").render(
            total=total,
            items=items,
            values=values,
            chosen=chosen,
            findings=findings,
            active=active,
            labels=labels,
            more=more,
            user=user,
            here="/office/inspections",
        )
        return HTMLResponse(html)

    # --- the office's desk (工作台): the figures, each linking to its list (dashboard.py) ----

    async def desk(request: Request, user: OfficeUser) -> Response:
        q = request.query_params
        if any(k in q for k in LIST_FILTERS if k not in ("since", "until")) or any(
            k in q for k in ("findings", "page", "after")
        ):
            # the list's own links and bookmarks from when /office was the list
            return RedirectResponse(f"/office/inspections?{request.url.query}", status_code=303)
        since, until = q.get("since") or None, q.get("until") or None
        try:
            figures = await run_in_threadpool(dashboard.desk, central, user.district, since, until)
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=400)
        shown = dashboard.panels(figures, LABELS["status"])
        extra = await run_in_threadpool(_desk_extras, central, user)
        html = _env.get_template("desk.html").render(
            d=figures, user=user, here="/office", **shown, **extra
        )
        return HTMLResponse(html)

    def visible(user: OfficeUser, inspection_id: str) -> dict[str, Any]:
        """The inspection's data if this user may see it (else as if it did not exist)."""
        data = central.show(inspection_id, user.district)
        if not user.sees(data["inspection"]):  # show() looked only in the user's area
            raise InspectorError(ids.SERVER_INSPECTION.not_found, text=inspection_id)
        return data

    async def show(request: Request, user: OfficeUser) -> Response:
        try:
            data = await run_in_threadpool(visible, user, request.path_params["id"])
            records = await run_in_threadpool(_records, central, data)
            archive = await run_in_threadpool(archive_states, central, data["inspection"]["id"])
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=404)
        rows = data["rows"]
        evidence = []
        for e in rows.get("evidence", []):
            original = evidence_files(e)[0]
            evidence.append(
                {
                    "sha256": original[0],
                    "suffix": original[1],
                    # shown by its thumbnail (thumbs route), never the original scaled down
                    "image": str(e.get("media_type") or "").startswith("image/"),
                    "caption": e.get("caption"),
                }
            )
        audit = sorted(
            (
                {"at": a.get("at"), "action": a.get("action"), "actor": a.get("actor")}
                for a in rows.get("audit_events", [])
            ),
            key=lambda a: str(a["at"]),
        ) + [
            {"at": e["at"], "action": "服务器：" + e["action"], "actor": (e["device_id"] or "")[:8]}
            for e in data["server_events"]
        ]
        html = _env.get_template("show.html").render(
            i=data["inspection"],
            records=records,
            documents=signed_documents(data),
            archive=archive,
            answers=sorted(rows.get("answers", []), key=lambda a: str(a.get("item_code"))),
            evidence=evidence,
            audit=audit,
            labels=LABELS,
            user=user,
            here="/office/inspections",
        )
        return HTMLResponse(html)

    async def record_pdf(request: Request, user: OfficeUser) -> Response:
        wanted = request.path_params["record"]
        try:
            data = await run_in_threadpool(visible, user, request.path_params["id"])
            pdf = await run_in_threadpool(central.record_pdf, data, wanted)
        except InspectorError:
            return Response(status_code=404)
        record = next(r for r in data["rows"].get("records", []) if r["id"] == wanted)
        disposition = _pdf_name(record, data["inspection"])
        return Response(
            pdf, media_type="application/pdf", headers={"Content-Disposition": disposition}
        )

    # --- Records that last: a signed record's or document's archived (PAdES B-LTA) version ---
    async def record_lta_pdf(request: Request, user: OfficeUser) -> Response:
        wanted = request.path_params.get("record") or request.path_params["document"]
        try:
            data = await run_in_threadpool(visible, user, request.path_params["id"])
            pdf = await run_in_threadpool(archived_pdf, central, data, wanted)
        except InspectorError:
            return Response(status_code=404)
        row = next(
            r for table in ARCHIVED_TABLES for r in data["rows"].get(table, []) if r["id"] == wanted
        )
        number = (
            row.get("record_no") or row.get("order_no") or row.get("document_no")
            or row.get("doc_no") or data["inspection"].get("record_no") or row["id"]
        )  # fmt: skip
        disposition = _pdf_name({**row, "record_no": f"{number}-归档"}, data["inspection"])
        return Response(
            pdf, media_type="application/pdf", headers={"Content-Disposition": disposition}
        )

    def evidence_of(user: OfficeUser, inspection: str, sha: str, suffix: str) -> bytes:
        if not user.sees(central.head(inspection)):
            raise InspectorError(ids.SERVER_INSPECTION.not_found, text=inspection)
        if (sha, suffix) not in central.evidence_names(inspection):
            raise InspectorError("没有这个证据文件：{sha256}", sha256=sha[:12])
        return central.evidence_file(sha, suffix)

    async def stored_file(request: Request, user: OfficeUser) -> Response:
        name = request.path_params["name"]
        sha, dot, rest = name.partition(".")
        try:
            data = await run_in_threadpool(
                evidence_of, user, request.path_params["id"], sha, dot + rest
            )
        except (InspectorError, OSError):
            return Response(status_code=404)
        media = "image/jpeg" if rest.endswith(("jpg", "jpeg")) else "application/octet-stream"
        return Response(data, media_type=media)

    def thumbnail_of(user: OfficeUser, inspection: str, sha: str, suffix: str) -> bytes:
        if not user.sees(central.head(inspection)):
            raise InspectorError(ids.SERVER_INSPECTION.not_found, text=inspection)
        return central.evidence_thumbnail(inspection, sha, suffix)

    async def thumbnail(request: Request, user: OfficeUser) -> Response:
        sha, dot, rest = request.path_params["name"].partition(".")
        try:
            data = await run_in_threadpool(
                thumbnail_of, user, request.path_params["id"], sha, dot + rest
            )
        except (InspectorError, OSError):
            return Response(status_code=404)
        return Response(data, media_type="image/jpeg", headers={"Cache-Control": "private"})

    # --- campaigns (专项行动: inspector/central/campaigns.py) --------------------------------
    # The office makes a campaign on its form; the service signs and publishes it with its
    # key (office_signer.py). A district's user makes campaigns of that district only and sees
    # that district's coverage.

    def campaign_form_page(
        user: OfficeUser, fields: dict[str, Any], error: str = "", status: int = 200
    ) -> Response:
        from inspector.campaigns import FORMS, PHASE_NAMES
        from inspector.central.campaigns import known

        found = known(central)
        districts = sorted(found.districts)
        if user.district:
            districts = [d for d in districts if d == user.district]
        html = _env.get_template("campaign_form.html").render(
            here="/office/campaigns",  # its line in the menu
            user=user,
            f=_CampaignFields(fields),
            error=error,
            rows=CAMPAIGN_ROWS,
            phase_names=PHASE_NAMES,
            types=sorted(found.types.items()),
            districts=districts,
            packs=sorted(found.focus_packs.items()),
            forms=list(FORMS.items()),
            signer=signer is not None,
        )
        return HTMLResponse(html, status_code=status)

    async def campaign_list(request: Request, user: OfficeUser) -> Response:
        from inspector.central.campaigns import campaign_progress, campaigns

        def read() -> list[dict[str, Any]]:
            return [
                campaign_progress(central, c.id, area=user.district) for c in campaigns(central)
            ]

        items = await run_in_threadpool(read)
        html = _env.get_template("campaigns.html").render(
            here="/office/campaigns",  # its line in the menu
            user=user,
            items=items,
            signer=signer is not None,
        )
        return HTMLResponse(html)

    async def campaign_new(request: Request, user: OfficeUser) -> Response:
        return await run_in_threadpool(campaign_form_page, user, {})

    async def campaign_create(request: Request, user: OfficeUser) -> Response:
        from inspector.central.campaigns import create_campaign

        fields = _campaign_form(await request.body())
        if not hmac.compare_digest(str(fields.get("csrf", "")), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)

        def make() -> str:
            campaign = _campaign_of(fields)
            if user.district and set(campaign.districts) - {user.district}:
                raise InspectorError(
                    "只能制定本区县（{district}）的专项行动", district=user.district
                )
            made, _version = create_campaign(central, signer, campaign, user.name)
            return made.id

        try:
            made = await run_in_threadpool(make)
        except InspectorError as error:
            return await run_in_threadpool(campaign_form_page, user, fields, str(error), 400)
        return RedirectResponse(f"/office/campaigns/{quote(made)}?made=1", status_code=303)

    def campaign_page(
        user: OfficeUser, campaign_id: str, message: str = "", error: str = "", status: int = 200
    ) -> Response:
        from inspector.campaigns import percent
        from inspector.central.campaigns import campaign_progress, known

        progress = campaign_progress(central, campaign_id, area=user.district)
        found = known(central)
        c = progress["campaign"]
        html = _env.get_template("campaign.html").render(
            here="/office/campaigns",  # its line in the menu
            user=user,
            p=progress,
            percent=percent,
            type_names=[found.types.get(t, t) for t in c["types"]],
            pack_names=[found.focus_packs.get(f, f) for f in c["focus_packs"]],
            message=message,
            error=error,
            signer=signer is not None,
        )
        return HTMLResponse(html, status_code=status)

    async def campaign_show(request: Request, user: OfficeUser) -> Response:
        made = request.query_params.get("made") == "1"
        closed = request.query_params.get("closed") == "1"
        message = "已制定并签名发布；笔记本 sync pull 后可见" if made else ""
        message = "已结束并发布" if closed else message
        if request.query_params.get("submitted") == "1":
            message = "已标记为已报送并发布；笔记本 sync pull 后不再显示逾期"
        if request.query_params.get("followed") == "1":
            message = "回头看已标记为已完成并发布；笔记本 sync pull 后不再显示逾期"
        try:
            return await run_in_threadpool(campaign_page, user, request.path_params["id"], message)
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=404)

    async def campaign_change(
        request: Request,
        user: OfficeUser,
        change: Callable[[Any, dict[str, str]], str],
        refused: Callable[[str], InspectorError],
        outcome: str,
    ) -> Response:
        """A change the office makes to one campaign from its page (结束, 已报送, 回头看 已完成):
        the session's CSRF token, a district's user only on a campaign of that district alone
        (``refused`` says so), ``change`` publishing the campaign again; back to its page with
        ``outcome`` said, or with the reason."""
        from inspector.central.campaigns import get_campaign

        form = _form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)
        wanted = request.path_params["id"]

        def work() -> str:
            found = get_campaign(central, wanted)
            if user.district and set(found.districts) - {user.district}:
                raise refused(user.district)
            return change(found, form)

        try:
            done = await run_in_threadpool(work)
        except InspectorError as error:
            try:
                return await run_in_threadpool(campaign_page, user, wanted, "", str(error), 400)
            except InspectorError:
                return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=404)
        return RedirectResponse(f"/office/campaigns/{quote(done)}?{outcome}=1", status_code=303)

    def marking_refused(district: str) -> InspectorError:
        return InspectorError("只能标记本区县（{district}）的专项行动", district=district)

    async def campaign_close(request: Request, user: OfficeUser) -> Response:
        from inspector.central.campaigns import close_campaign

        def close(found: Any, _form: dict[str, str]) -> str:
            return close_campaign(central, signer, found.id, user.name)[0].id

        def refused(district: str) -> InspectorError:
            return InspectorError("只能结束本区县（{district}）的专项行动", district=district)

        return await campaign_change(request, user, close, refused, "closed")

    # 已报送: the office marks a report deadline of a campaign handed in; the campaign is
    # published again, so laptops stop showing it late after their next pull.
    async def campaign_submitted(request: Request, user: OfficeUser) -> Response:
        from inspector.campaigns import parse_day
        from inspector.central.campaigns import mark_submitted

        def mark(found: Any, form: dict[str, str]) -> str:
            due = parse_day(form.get("due", ""), "报送期限")
            marked = mark_submitted(central, signer, found.id, form.get("form", ""), due, user.name)
            return marked[0].id

        return await campaign_change(request, user, mark, marking_refused, "submitted")

    # 回头看 已完成: the office marks a round of a campaign's 回头看 done, as a report is marked
    # 已报送 above; published again, so laptops stop showing it late after their next pull.
    async def campaign_follow_up_done(request: Request, user: OfficeUser) -> Response:
        from inspector.campaigns import parse_day
        from inspector.central.campaigns import mark_follow_up_done

        def mark(found: Any, form: dict[str, str]) -> str:
            due = parse_day(form.get("due", ""), "回头看日期")
            return mark_follow_up_done(central, signer, found.id, due, user.name)[0].id

        return await campaign_change(request, user, mark, marking_refused, "followed")

    # --- the office assigns (inspector/central/assignments.py) -------------------------------
    # A laptop pulls the assignments of its districts and inspectors as one package signed by
    # the office's key (app.state.office_signer), checked on the laptop against its trust
    # list; it says which it installed (已领取). The office's page runs the draw, assigns
    # pushed leads, withdraws, and shows each assignment's state; only a user of every
    # district (no district of their own) assigns.

    async def assignments_pull(request: Request) -> Response:
        from inspector.central import assignments

        try:
            device, _body = await authenticated(request)
            signer = require(request.app.state.office_signer)
            body = await run_in_threadpool(assignments.package, central, device)
            signature = await run_in_threadpool(signer.sign, body)
        except InspectorError as error:
            return _error(error)
        return JSONResponse(
            {
                "body": base64.b64encode(body).decode("ascii"),
                "signature": base64.b64encode(signature).decode("ascii"),
            }
        )

    async def assignments_ack(request: Request) -> Response:
        from inspector.central import assignments

        try:
            device, body = await authenticated(request)
            wanted = [str(i) for i in _json(body)["ids"]][:10_000]
            done = await run_in_threadpool(assignments.acknowledge, central, device, wanted)
        except (ValueError, KeyError, TypeError):
            return _invalid("请求无效")
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"acknowledged": done})

    def assignments_page(
        user: OfficeUser,
        message: str = "",
        status: int = 200,
        shown: dict[str, str] | None = None,
        campaign: str = "",
    ) -> Response:
        """``shown``: the list's filters (kind: inspection|lead, state: 已下达…逾期), so that a
        figure of the office's desk links to the assignments behind it; ``campaign``: the
        campaign the draw form offers first (在本专项行动中抽查, from its page)."""
        from inspector.central import assignments
        from inspector.central.campaigns import campaigns as all_campaigns
        from inspector.planning.draw import METHODS

        rows = [
            r
            for r in assignments.assignment_rows(central, user.district)
            if all(r.get(k) == v for k, v in (shown or {}).items())
        ]
        html = _env.get_template("assignments.html").render(
            here="/office/assignments",  # its line in the menu
            campaigns=all_campaigns(central, active_only=True) if user.district is None else [],
            chosen_campaign=campaign,
            rows=rows,
            status=assignments.assignment_status(central, user.district),
            draws=assignments.draws(central) if user.district is None else [],
            leads=assignments.pushed_leads(central) if user.district is None else [],
            methods=METHODS,
            message=message,
            user=user,
        )
        return HTMLResponse(html, status_code=status)

    async def assignments_view(request: Request, user: OfficeUser) -> Response:
        q = request.query_params
        shown = {k: str(q[k])[:16] for k in ("kind", "state") if q.get(k)}
        chosen = str(q.get("campaign", ""))[:36]  # 在本专项行动中抽查 (its page)
        return await run_in_threadpool(lambda: assignments_page(user, shown=shown, campaign=chosen))

    async def office_form(request: Request, user: OfficeUser) -> dict[str, str] | Response:
        """The posted form, its token checked; a district's user may look, not assign."""
        form = _form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)
        if user.district is not None:
            return HTMLResponse("<p>只有市局用户可以下达任务</p>", status_code=403)
        return form

    async def assignments_draw(request: Request, user: OfficeUser) -> Response:
        from inspector.central import assignments

        form = await office_form(request, user)
        if isinstance(form, Response):
            return form

        campaign = form.get("campaign", "").strip() or None

        def work() -> str:
            inputs = assignments.prepare_draw(
                central,
                campaign=campaign,
                method=form.get("method") or "rfc3797",
                sources=form.get("sources", ""),
                count=_number(form.get("count"), "抽取机构数"),
                team_size=_number(form.get("team_size") or "2", "每组人数"),
                cross_district=form.get("cross") == "1",
                districts=[d for d in form.get("district", "").split("，") if d.strip()],
                title=form.get("title", ""),
            )
            days = form.get("days", "").strip()
            made = assignments.run_draw(
                central,
                inputs,
                by=user.name,
                days=_number(days, "办理时限") if days else None,
                campaign=campaign,
            )
            count = len(made.assignments)
            return f"抽查 {made.id[:8]} 已下达 {count} 项检查（密钥串 {made.result.key}）"

        try:
            done = await run_in_threadpool(work)
        except InspectorError as error:
            said = str(error)
            return await run_in_threadpool(
                lambda: assignments_page(user, said, 400, campaign=campaign or "")
            )
        return await run_in_threadpool(assignments_page, user, done)

    async def assignments_leads(request: Request, user: OfficeUser) -> Response:
        from inspector.central import assignments

        form = await office_form(request, user)
        if isinstance(form, Response):
            return form

        def work() -> str:
            numbers = [n.strip() for n in re.split(r"[,，\s]+", form.get("numbers", "")) if n]
            options: dict[str, Any] = {
                "inspectors": [c for c in re.split(r"[,，\s]+", form.get("inspectors", "")) if c],
                "by": user.name,
                "days": _number(form.get("days"), "办理时限"),
            }
            pasted = form.get("rows", "").strip()
            if bool(numbers) == bool(pasted):
                raise InspectorError("请填写已推送线索的编号，或粘贴线索文件的内容，二者选一")
            if numbers:
                made = assignments.assign_pushed(central, numbers, **options)
            else:  # the office's lead file, pasted as CSV (its header row first)
                with tempfile.TemporaryDirectory(prefix="inspector-leads-") as folder:
                    path = Path(folder) / "线索.csv"
                    path.write_text(pasted + "\n", encoding="utf-8")
                    made = assignments.assign_leads(
                        central, assignments.read_lead_file(path), **options
                    )
            return f"已交办 {len(made)} 条线索"

        try:
            done = await run_in_threadpool(work)
        except InspectorError as error:
            return await run_in_threadpool(assignments_page, user, str(error), 400)
        return await run_in_threadpool(assignments_page, user, done)

    async def assignments_withdraw(request: Request, user: OfficeUser) -> Response:
        from inspector.central import assignments

        form = await office_form(request, user)
        if isinstance(form, Response):
            return form
        try:
            found = await run_in_threadpool(
                assignments.withdraw, central, request.path_params["id"], user.name
            )
        except InspectorError as error:
            return await run_in_threadpool(assignments_page, user, str(error), 400)
        return await run_in_threadpool(assignments_page, user, f"已撤回任务 {found[:8]}")

    async def draw_xlsx(request: Request, user: OfficeUser) -> Response:
        from inspector.central import assignments

        def work() -> bytes:
            with tempfile.TemporaryDirectory(prefix="inspector-draw-") as folder:
                target = Path(folder) / "draw.xlsx"
                assignments.draw_workbook(central, request.path_params["id"], target)
                return target.read_bytes()

        try:
            data = await run_in_threadpool(work)
        except InspectorError:
            return Response(status_code=404)
        name = quote("抽查结果-" + request.path_params["id"][:8] + ".xlsx")
        return Response(
            data,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
        )

    # --- end of the office assigns ------------------------------------------------------------
    # --- the 情况报告 over every laptop (inspector/central/reports.py) -----------------------
    # A form (GET) and the download (POST, with the session's CSRF token: making a report is
    # work the server does, not for another site to start). A district's user gets its own.

    def report_page(
        user: OfficeUser, asked: dict[str, str], error: str = "", status: int = 200
    ) -> Response:
        from inspector.central.campaigns import campaigns

        values = central.filter_values(user.district)
        offered = [  # 专项行动: those a district's user has a part in
            c for c in campaigns(central) if user.district is None or user.district in c.districts
        ]
        html = _env.get_template("report.html").render(
            user=user, values=values, asked=asked, error=error, campaigns=offered
        )
        return HTMLResponse(html, status_code=status)

    async def report_form(request: Request, user: OfficeUser) -> Response:
        return await run_in_threadpool(report_page, user, {})

    def make_report(user: OfficeUser, form: dict[str, str]) -> tuple[bytes, str, str]:
        from inspector.central.reports import ask, central_report, issuing_unit, report_file

        kind = form.get("format") or "pdf"
        if form.get("campaign", "").strip():  # the campaign's districts, types and period
            from inspector.central.campaign_reports import ask_campaign

            asked = ask_campaign(
                central,
                form["campaign"].strip()[:36],
                form.get("since") or None,
                form.get("until") or None,
                None,
                form.get("district"),
                form.get("type"),
                area=user.district,
            )
        else:
            asked = ask(
                form.get("since"),
                form.get("until"),
                form.get("district"),
                form.get("type"),
                area=user.district,
            )
        if kind not in ("xlsx", "pdf"):
            raise InspectorError("报告文件的扩展名应为 .xlsx 或 .pdf")
        bureau = issuing_unit(central.engine, asked.district)
        data, name = report_file(central_report(central.engine, asked), bureau, kind)
        return data, name, kind

    async def report_download(request: Request, user: OfficeUser) -> Response:
        form = _form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)
        try:
            data, name, kind = await run_in_threadpool(make_report, user, form)
        except InspectorError as error:
            return await run_in_threadpool(report_page, user, form, str(error), 400)
        return _report_response(data, name, kind)

    # --- a campaign's reports due (inspector/central/campaign_reports.py) --------------------
    # Each report due on the campaign's page (情况报告, 季度统计表, 总结) is downloaded by a
    # POST with the session's CSRF token, as the 情况报告; a district's user gets its own.

    def make_due(user: OfficeUser, campaign_id: str, form: dict[str, str]) -> tuple[bytes, str]:
        from inspector.campaigns import parse_day
        from inspector.central.campaign_reports import Statistics, campaign_report, due_file
        from inspector.central.reports import issuing_unit

        kind = form.get("format") or "pdf"
        if kind not in ("xlsx", "pdf"):
            raise InspectorError("报告文件的扩展名应为 .xlsx 或 .pdf")
        due = parse_day(form.get("due", ""), "报送期限")
        code = form.get("form", "")
        produced = campaign_report(central, campaign_id, code, due, area=user.district)
        district = None if isinstance(produced, Statistics) else produced.district
        return due_file(produced, issuing_unit(central.engine, district), code, due, kind)

    async def campaign_due_download(request: Request, user: OfficeUser) -> Response:
        form = _form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), user.csrf):
            return HTMLResponse("<p>请求无效</p>", status_code=403)
        wanted = request.path_params["id"]
        try:
            data, name = await run_in_threadpool(make_due, user, wanted, form)
        except InspectorError as error:
            try:
                return await run_in_threadpool(campaign_page, user, wanted, "", str(error), 400)
            except InspectorError:
                return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=404)
        return _report_response(data, name, form.get("format") or "pdf")

    # --- end of a campaign's reports due -------------------------------------------------------

    async def home(_request: Request) -> Response:
        return Response(status_code=303, headers={"location": "/office"})

    application = Starlette(
        routes=[
            Route("/", home),
            Route("/api/enroll", enroll, methods=["POST"]),
            Route("/api/push", push, methods=["POST"]),
            Route("/api/push/{bundle}/files", chunk, methods=["PUT"]),
            Route("/api/push/{bundle}/batch", batch, methods=["PUT"]),
            Route("/api/push/{bundle}/commit", commit, methods=["POST"]),
            Route("/api/pull", pull_list),
            Route("/api/pull/{kind}/{version}", pull_one),
            Route("/office/login", login_form, methods=["GET"]),
            Route("/office/login", login, methods=["POST"]),
            Route("/office/logout", signed_in(logout), methods=["POST"]),
            Route("/office", signed_in(desk)),
            Route("/office/inspections", signed_in(office)),
            Route("/office/inspections/{id}", signed_in(show)),
            # Records that last: the archived version (before .pdf, which would take it)
            Route("/office/inspections/{id}/records/{record}.lta.pdf", signed_in(record_lta_pdf)),
            Route(
                "/office/inspections/{id}/documents/{document}.lta.pdf", signed_in(record_lta_pdf)
            ),
            Route("/office/inspections/{id}/records/{record}.pdf", signed_in(record_pdf)),
            Route("/office/inspections/{id}/thumbs/{name}", signed_in(thumbnail)),
            Route("/office/inspections/{id}/files/{name}", signed_in(stored_file)),
            # campaigns (专项行动)
            Route("/office/campaigns", signed_in(campaign_list), methods=["GET"]),
            Route("/office/campaigns", signed_in(campaign_create), methods=["POST"]),
            Route("/office/campaigns/new", signed_in(campaign_new)),
            Route("/office/campaigns/{id}", signed_in(campaign_show)),
            Route("/office/campaigns/{id}/close", signed_in(campaign_close), methods=["POST"]),
            Route(  # a campaign's report due (campaign_reports.py)
                "/office/campaigns/{id}/report",
                signed_in(campaign_due_download),
                methods=["POST"],
            ),
            Route(
                "/office/campaigns/{id}/submitted",
                signed_in(campaign_submitted),
                methods=["POST"],
            ),
            Route(
                "/office/campaigns/{id}/follow-up-done",
                signed_in(campaign_follow_up_done),
                methods=["POST"],
            ),
            # the office assigns
            Route("/api/assignments", assignments_pull),
            Route("/api/assignments/ack", assignments_ack, methods=["POST"]),
            Route("/office/assignments", signed_in(assignments_view)),
            Route("/office/assignments/draw", signed_in(assignments_draw), methods=["POST"]),
            Route("/office/assignments/leads", signed_in(assignments_leads), methods=["POST"]),
            Route(
                "/office/assignments/{id}/withdraw",
                signed_in(assignments_withdraw),
                methods=["POST"],
            ),
            Route("/office/draws/{id}.xlsx", signed_in(draw_xlsx)),
            # the 情况报告 (inspector/central/reports.py)
            Route("/office/report", signed_in(report_form), methods=["GET"]),
            Route("/office/report", signed_in(report_download), methods=["POST"]),
        ],
        middleware=[
            Middleware(SecurityHeaders),  # outermost: on every answer, the limits' own too
            Middleware(BodyLimit),  # each route's body limit, before it is read
        ],
    )
    application.state.office = office_users  # its sign-in limits (a test's clock)
    application.state.office_signer = signer  # what the office makes is published signed
    return application


def _report_response(data: bytes, name: str, kind: str) -> Response:
    """A report file (xlsx or pdf) as a download under its Chinese name."""
    media = (
        "application/pdf"
        if kind == "pdf"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = f"attachment; filename=\"report.{kind}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


def _form(body: bytes) -> dict[str, str]:
    """An HTML form's fields (application/x-www-form-urlencoded), the first of each name."""
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in fields.items()}


CAMPAIGN_ROWS = 6  # the campaign form's rows of phases and of report deadlines


class _CampaignFields(dict[str, Any]):
    """The campaign form's fields as typed (to show them again with the message)."""

    def __getattr__(self, name: str) -> Any:
        if name in ("types", "districts", "focus"):
            return self.get(name[:-1] if name != "focus" else name) or []
        value = self.get(name, "")
        return value if isinstance(value, str) else ""


def _campaign_form(body: bytes) -> dict[str, Any]:
    """The campaign form's fields: the first of each name, the checkboxes (type, district,
    focus) as lists."""
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v if k in ("type", "district", "focus") else v[0] for k, v in fields.items()}


def _campaign_of(fields: dict[str, Any]) -> Any:
    from inspector.campaigns import build

    def one(name: str) -> str:
        value = fields.get(name, "")
        return value if isinstance(value, str) else ""

    return build(
        name=one("name"),
        doc_no=one("doc_no"),
        phases=[
            (one(f"phase_name_{i}"), one(f"phase_start_{i}"), one(f"phase_end_{i}"))
            for i in range(CAMPAIGN_ROWS)
        ],
        types=list(fields.get("type") or []),
        districts=list(fields.get("district") or []),
        focus_packs=list(fields.get("focus") or []),
        reports=[(one(f"report_form_{i}"), one(f"report_due_{i}")) for i in range(CAMPAIGN_ROWS)],
        follow_up=(one("follow_first"), one("follow_every") or "6", one("follow_count") or "1"),
    )


def _number(text: str | None, what: str) -> int:
    """A whole number typed into an office form (ASCII digits, at most six of them)."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        raise InspectorError("{what}应为整数：{value}", what=what, value=text[:20])
    return int(text)


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: an office page of this server, nothing else."""
    if target and target.startswith("/office") and "\\" not in target and "//" not in target:
        return target
    return "/office"


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _records(central: Central, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each record with its signatures checked (pyHanko) on the server's copy."""
    from inspector.signing.verify import verify_pdf_data

    out = []
    for record in data["rows"].get("records", []):
        signatures = []
        try:
            pdf = central.record_pdf(data, record["id"])
        except (InspectorError, OSError):
            pdf = b""
        if pdf:
            report = verify_pdf_data(pdf, Path(f"{record['id']}.pdf"))
            for sig in report.signatures:
                signatures.append(
                    {
                        "ok": sig.ok,
                        "signer": f"{sig.signer_name or '?'}（{sig.signer_cert_no or ''}）",
                    }
                )
        out.append(
            {
                "id": record["id"],
                "kind": record.get("kind"),
                "signatures": signatures,
                "sha256": record.get("sha256"),  # the archive state's key
                # a record's versions (the unsigned build, the signed one) told apart by
                # their state and time: one link each, never two alike
                "at": record.get("updated_at") or record.get("created_at"),
            }
        )
    out.sort(key=lambda r: str(r["at"] or ""), reverse=True)  # the newest first
    out.sort(key=lambda r: str(r["kind"]))
    return out


def _desk_extras(central: Central, user: OfficeUser) -> dict[str, Any]:
    """The desk's panels of the other parts of the office: the active campaigns' progress, the
    late assignments and unanswered leads, and the report periods offered for download."""
    from inspector.central.assignments import assignment_status
    from inspector.central.campaigns import campaign_progress, campaigns

    return {
        "campaigns": [
            dashboard.campaign_view(campaign_progress(central, c.id, area=user.district), n)
            for n, c in enumerate(campaigns(central, active_only=True))
        ],
        "late": dashboard.late_view(assignment_status(central, user.district)),
        "reports": dashboard.report_periods(),
    }
