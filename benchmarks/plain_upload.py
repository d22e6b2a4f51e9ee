"""The baseline of bench_central.py: a plain HTTPS upload of the same bytes, received by a
minimal Starlette app under uvicorn that streams the body to a file and fsyncs it. Run by the
benchmark as ``uvicorn plain_upload:app``; UPLOAD_DIR says where the file goes."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def upload(request: Request) -> JSONResponse:
    target = Path(os.environ["UPLOAD_DIR"]) / "upload.bin"
    size = 0
    with target.open("wb") as out:
        async for chunk in request.stream():
            out.write(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return JSONResponse({"size": size})


app = Starlette(routes=[Route("/upload", upload, methods=["PUT"])])
