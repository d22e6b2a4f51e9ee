"""The QR code on every page of a record, an interview record and a rectification order scans:
each page rendered by poppler (150-600 dpi) and by MuPDF (150-300 dpi) is read by zbar and
says what the document encodes; and the code, with its quiet zone, keeps 12 mm from every
edge of the page (the modules were overlapping rectangles filled
even-odd, with white seams, 7 pt from the bottom edge)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from inspector.inspections import finish_inspection, get_inspection, save_answer
from inspector.ledger.order import build_order, order_qr_payload
from inspector.record.build import build_interview_record, build_record
from inspector.record.content import (
    add_question,
    add_signature,
    new_interview,
    record_refusal,
)
from inspector.record.facts import data_hash, gather_facts, qr_payload
from inspector.record.layout import (
    QR_BOTTOM_MARGIN,
    QR_EDGE,
    QR_QUIET_MODULES,
    qr_box,
    qr_modules,
)
from inspector.record.signing import sign_record
from inspector.workspace import Workspace
from tests.helpers.homes import open_home
from tests.helpers.lawful import lawful
from tests.helpers.ledger import LEADER, PASSPHRASE, STROKES, TEAM, plan, team_keys
from tests.helpers.record import WITNESS

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "mutool", "zbarimg")),
    reason="needs poppler-utils, mupdf-tools and zbar-tools (scripts/setup.sh installs them)",
)

POPPLER_DPI = (150, 200, 300, 600)
MUPDF_DPI = (150, 200, 300)


@pytest.fixture(scope="module")
def documents(
    template_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[Path, str]]]:
    """A record (with enough findings to run to more than one page), its interview record and
    its rectification order, each with the payload its QR code must say."""
    folder = tmp_path_factory.mktemp("qr")
    home = folder / "home"
    shutil.copytree(template_home, home)
    ws: Workspace = open_home(home)
    try:
        keys = team_keys(ws)
        inspection = plan(ws, "甲社区卫生服务中心")
        for code in ("P5.1", "P5.2"):
            save_answer(ws, inspection, code, "problem", note="情况说明。" * 120, amount="100")
        interview = new_interview(ws, inspection, "王某", role="收费员", recorder=LEADER)
        add_question(ws, interview, "今天谁在收费？", "我。")
        lawful(ws, inspection)  # the law's minimums, captured before anyone signs
        for member in TEAM:
            add_signature(ws, inspection, "inspector", member.name, STROKES, cert_no=member.cert_no)
        record_refusal(ws, inspection, "王某", "不认可检查结论", "赵某", STROKES, **WITNESS)
        finish_inspection(ws, inspection)
        interview_pdf, _ = build_interview_record(ws, interview, folder / "interview.pdf")
        record_pdf, _ = build_record(ws, inspection, folder / "record.pdf")
        sign_record(ws, inspection, keys["370100001"], PASSPHRASE)
        sign_record(ws, inspection, keys[LEADER], PASSPHRASE)
        order = build_order(ws, inspection, deadline=date.today() + timedelta(days=30))
        order_pdf = ws.records.save_copy(
            _order_path(ws, order.id), folder / "order.pdf", order.sha256
        )
        record_no = gather_facts(ws, get_inspection(ws, inspection)).record_no
        yield {
            "record": (record_pdf, qr_payload(record_no, data_hash(ws, inspection))),
            "interview": (
                interview_pdf,
                qr_payload(f"{record_no}-W01", data_hash(ws, inspection, interview)),
            ),
            "order": (order_pdf, order_qr_payload(order.order_no, record_no)),
        }
    finally:
        ws.close()


def _order_path(ws: Workspace, order_id: str) -> str:
    from inspector.db.models import RectificationOrder

    with ws.db.session() as session:
        row = session.get(RectificationOrder, order_id)
        assert row is not None
        return row.path


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def _render(renderer: str, pdf: Path, dpi: int, page: int, out: Path) -> Path:
    if renderer == "poppler":
        prefix = out / f"{pdf.stem}-{renderer}-{dpi}-{page}"
        # At 600 dpi the lower third of the page only (where the code is), full width: a
        # whole page takes zbar seconds.
        crop = []
        if dpi > 300:
            height = round(A4[1] / 72 * dpi)
            crop = ["-y", str(height * 2 // 3), "-H", str(height - height * 2 // 3)]
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
             "-gray", "-png", *crop, str(pdf), str(prefix)],
            check=True, capture_output=True,
        )  # fmt: skip
        return prefix.with_suffix(".png")
    png = out / f"{pdf.stem}-{renderer}-{dpi}-{page}.png"
    subprocess.run(
        ["mutool", "draw", "-q", "-r", str(dpi), "-c", "gray", "-o", str(png), str(pdf), str(page)],
        check=True, capture_output=True,
    )  # fmt: skip
    return png


def _decode(png: Path) -> list[str]:
    """The text of each code zbar reads in the image."""
    found = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return found.stdout.splitlines()


def _dark_box(png: Path, dpi: int) -> tuple[int, int, int, int] | None:
    """The box of the dark pixels under the text frame, right of the page's middle: where
    the code is drawn (the footer and the initials line are grey or on the left). Its top
    and bottom from the page's bottom edge (the image may be the page's lower part)."""
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        top = height - round(QR_BOTTOM_MARGIN / 72 * dpi)
        strip = gray.crop((width // 2, top, width, height))
        box = strip.point(lambda v: 255 if v < 64 else 0).getbbox()
    if box is None:
        return None
    page_height = round(A4[1] / 72 * dpi)
    return (
        box[0] + width // 2,
        page_height - (height - top - box[1]),
        box[2] + width // 2,
        page_height - (height - top - box[3]),
    )


@pytest.mark.parametrize(
    ("renderer", "dpi"),
    [("poppler", dpi) for dpi in POPPLER_DPI] + [("mupdf", dpi) for dpi in MUPDF_DPI],
)
@pytest.mark.parametrize("kind", ["record", "interview", "order"])
def test_every_page_scans_and_keeps_off_the_edges(
    documents: dict[str, tuple[Path, str]], kind: str, renderer: str, dpi: int, tmp_path: Path
) -> None:
    pdf, payload = documents[kind]
    pages = _pages(pdf)
    if kind == "record":
        assert pages > 1  # the test reads more than a first page
    width_px, height_px = A4[0] / 72 * dpi, A4[1] / 72 * dpi
    edge_px = QR_EDGE / 72 * dpi
    for page in range(1, pages + 1):
        png = _render(renderer, pdf, dpi, page, tmp_path)
        assert _decode(png) == [payload], (kind, renderer, dpi, page)
        box = _dark_box(png, dpi)
        assert box is not None
        # The modules at least 12 mm in from every edge.
        left, top, right, bottom = box
        assert left >= edge_px and top >= edge_px, (kind, page, box)
        assert width_px - right >= edge_px and height_px - bottom >= edge_px, (kind, page, box)


def test_the_quiet_zone_keeps_off_the_edges_too() -> None:
    code = qr_modules("INSPECTOR-RECORD/JC20261207-ABCDEF12/" + "A" * 64)
    x, y, size = qr_box(code)
    quiet = size * QR_QUIET_MODULES / len(code)
    assert x - quiet >= QR_EDGE - 0.01 and y - quiet >= QR_EDGE - 0.01
    assert A4[0] - (x + size + quiet) >= QR_EDGE - 0.01
    assert A4[1] - (y + size + quiet) >= QR_EDGE - 0.01
    assert 12 * mm <= QR_EDGE
