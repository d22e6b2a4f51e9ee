"""The central service's HTTP face (Starlette under uvicorn): the laptops' API (enroll, push,
commit) and the office's pages, server-rendered in Chinese. The work is in service.py."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from inspector.central.auth import (
    H_DEVICE,
    H_NONCE,
    H_PAYLOAD,
    H_SIGNATURE,
    H_TIME,
    UNSIGNED,
    Unauthorized,
)
from inspector.central.service import Central, Device, Refused, publication, publications
from inspector.central.store import UploadMismatch
from inspector.errors import InspectorError

MAX_CHUNK = 16 << 20
PAGE = 50

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
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))


def _error(error: InspectorError) -> JSONResponse:
    body: dict[str, Any] = {"error": str(error)}
    if isinstance(error, Refused):
        body["code"] = error.code
    if isinstance(error, Unauthorized):
        return JSONResponse(body, status_code=401)
    if isinstance(error, UploadMismatch):
        return JSONResponse({**body, "offset": error.offset}, status_code=409)
    if isinstance(error, Refused):
        return JSONResponse(body, status_code=409)
    return JSONResponse(body, status_code=400)


def make_app(central: Central) -> Starlette:
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
            data = json.loads(await request.body())
            result = await run_in_threadpool(
                central.enroll,
                str(data["code"]),
                str(data["certificate"]),
                str(data["device_id"]),
                [str(p) for p in data.get("signers") or []],
            )
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": "登记请求无效"}, status_code=400)
        except InspectorError as error:
            return _error(error)
        return JSONResponse(result)

    async def push(request: Request) -> Response:
        try:
            device, body = await authenticated(request)
            data = json.loads(body)
            result = await run_in_threadpool(
                central.start_push,
                device,
                base64.b64decode(data["manifest"]),
                base64.b64decode(data["signature"]),
            )
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": "推送请求无效"}, status_code=400)
        except InspectorError as error:
            return _error(error)
        return JSONResponse(result)

    async def chunk(request: Request) -> Response:
        try:
            if int(request.headers.get("content-length") or 0) > MAX_CHUNK:
                return JSONResponse({"error": "分块过大"}, status_code=413)
            device, body = await authenticated(request, files=True)
            offset = await run_in_threadpool(
                central.put_chunk,
                device,
                request.path_params["bundle"],
                request.query_params["name"],
                int(request.query_params["offset"]),
                body,
            )
        except (ValueError, KeyError):
            return JSONResponse({"error": "上传请求无效"}, status_code=400)
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"offset": offset})

    async def batch(request: Request) -> Response:
        try:
            if int(request.headers.get("content-length") or 0) > MAX_CHUNK:
                return JSONResponse({"error": "分块过大"}, status_code=413)
            device, body = await authenticated(request, files=True)
            offsets = await run_in_threadpool(
                central.put_batch, device, request.path_params["bundle"], body
            )
        except ValueError:
            return JSONResponse({"error": "上传请求无效"}, status_code=400)
        except InspectorError as error:
            return _error(error)
        return JSONResponse({"offsets": offsets})

    async def commit(request: Request) -> Response:
        try:
            device, _body = await authenticated(request)
            result = await run_in_threadpool(central.commit, device, request.path_params["bundle"])
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
            return JSONResponse({"error": "请求无效"}, status_code=400)
        except InspectorError as error:
            return _error(error)
        return JSONResponse(item)

    async def office(request: Request) -> Response:
        q = request.query_params
        chosen = {
            k: q.get(k) or None for k in ("district", "type", "mode", "status", "since", "until")
        }
        page = max(0, int(q.get("page") or 0))
        try:
            total, items = await run_in_threadpool(
                lambda: central.list_inspections(
                    district=chosen["district"],
                    type_code=chosen["type"],
                    mode=chosen["mode"],
                    status=chosen["status"],
                    since=chosen["since"],
                    until=chosen["until"],
                    limit=PAGE,
                    offset=page * PAGE,
                )
            )
            values = await run_in_threadpool(central.filter_values)
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=400)
        more = (
            urlencode({**{k: v for k, v in chosen.items() if v}, "page": page + 1})
            if (page + 1) * PAGE < total
            else None
        )
        html = _env.get_template("list.html").render(
            total=total, items=items, values=values, chosen=chosen, labels=LABELS, more=more
        )
        return HTMLResponse(html)

    async def show(request: Request) -> Response:
        try:
            data = await run_in_threadpool(central.show, request.path_params["id"])
            records = await run_in_threadpool(_records, central, data)
        except InspectorError as error:
            return HTMLResponse(f"<p>{_escape(str(error))}</p>", status_code=404)
        rows = data["rows"]
        evidence = []
        for e in rows.get("evidence", []):
            from inspector.bundle.verify import evidence_files

            files = evidence_files(e)
            original = files[0]
            thumb = next((f for f in files if ".thumb" in f[1]), original)
            evidence.append(
                {
                    "sha256": original[0],
                    "suffix": original[1],
                    "thumb": thumb[0] + thumb[1],
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
            answers=sorted(rows.get("answers", []), key=lambda a: str(a.get("item_code"))),
            evidence=evidence,
            audit=audit,
            labels=LABELS,
        )
        return HTMLResponse(html)

    async def record_pdf(request: Request) -> Response:
        try:
            pdf = await run_in_threadpool(
                central.record_pdf, request.path_params["id"], request.path_params["record"]
            )
        except InspectorError:
            return Response(status_code=404)
        return Response(pdf, media_type="application/pdf")

    async def stored_file(request: Request) -> Response:
        name = request.path_params["name"]
        sha, dot, rest = name.partition(".")
        try:
            data = await run_in_threadpool(central.evidence_file, sha, dot + rest)
        except (InspectorError, OSError):
            return Response(status_code=404)
        media = "image/jpeg" if rest.endswith(("jpg", "jpeg")) else "application/octet-stream"
        return Response(data, media_type=media)

    async def home(_request: Request) -> Response:
        return Response(status_code=303, headers={"location": "/office"})

    return Starlette(
        routes=[
            Route("/", home),
            Route("/api/enroll", enroll, methods=["POST"]),
            Route("/api/push", push, methods=["POST"]),
            Route("/api/push/{bundle}/files", chunk, methods=["PUT"]),
            Route("/api/push/{bundle}/batch", batch, methods=["PUT"]),
            Route("/api/push/{bundle}/commit", commit, methods=["POST"]),
            Route("/api/pull", pull_list),
            Route("/api/pull/{kind}/{version}", pull_one),
            Route("/office", office),
            Route("/office/inspections/{id}", show),
            Route("/office/inspections/{id}/records/{record}.pdf", record_pdf),
            Route("/office/files/{name}", stored_file),
        ]
    )


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _records(central: Central, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each record with its signatures checked (pyHanko) on the server's copy."""
    from inspector.signing.verify import verify_pdf

    out = []
    for record in data["rows"].get("records", []):
        signatures = []
        try:
            pdf = central.record_pdf(data["inspection"]["id"], record["id"])
        except (InspectorError, OSError):
            pdf = b""
        if pdf:
            with tempfile.TemporaryDirectory(prefix="inspector-office-") as folder:
                target = Path(folder) / "record.pdf"
                target.write_bytes(pdf)
                report = verify_pdf(target)
            for sig in report.signatures:
                signatures.append(
                    {
                        "ok": sig.ok,
                        "signer": f"{sig.signer_name or '?'}（{sig.signer_cert_no or ''}）",
                    }
                )
        out.append({"id": record["id"], "kind": record.get("kind"), "signatures": signatures})
    return out
