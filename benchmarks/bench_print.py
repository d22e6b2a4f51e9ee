"""Printing a record: an 18-page record printed through the app's ``print_pdf`` to a
PDF file offscreen with Qt's high-resolution printer (1200 dpi), as the print dialog's printer
is set up. Prints the seconds and the size of the job; target under 10 s for 18 pages.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_print.py [--dpi 300] [--pages N]

``--dpi 1200`` (or the printer's own resolution) measures the old way: every page at full
resolution. ``--pages N`` prints only the first N pages (the old way takes minutes).
``--cups QUEUE --spooled FILE`` prints the PDF itself on a CUPS queue (the app's way on Linux)
and times it until the queue's backend has written FILE (tests/data/cups/inspector-file).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHOTOS = ROOT / "tests" / "data" / "photos"


def make_record(home: Path) -> bytes:
    """Not timed: a public hospital visit with every focus pack, answers and 33 photos."""
    from inspector.evidence.intake import add_evidence
    from inspector.inspections import TeamMember, create_inspection, get_inspection, record_answer
    from inspector.record.build import build_record
    from inspector.workspace import Workspace

    with Workspace.open(home) as ws:
        team = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
        focus = [p.code for p in ws.library.focus_packs_for("public_hospital")]
        inspection = create_inspection(
            ws,
            institution="济南市某二级公立医院",
            type_code="public_hospital",
            mode="surprise",
            district="天桥区",
            team=team,
            focus=focus,
        )
        for index, item in enumerate(get_inspection(ws, inspection).checklist.items):
            problem = index % 5 == 0
            record_answer(
                ws,
                inspection,
                item.code,
                "problem" if problem else "ok",
                note="住院一览表 23 人，在床 17 人；6 张床位无人，病人称“晚上回家住”。" * 2,
                amount="1,234.50" if problem else None,
            )
        photos = sorted(p for p in PHOTOS.glob("*/*.jpg") if "invalid" not in p.parts)
        add_evidence(ws, inspection, photos)
        pdf, _sha = build_record(ws, inspection, home / "record.pdf")
        return pdf.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=None)
    parser.add_argument("--pages", type=int, default=None)
    parser.add_argument("--cups", metavar="QUEUE")
    parser.add_argument("--spooled", metavar="FILE", type=Path)
    args = parser.parse_args()

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    from ui.record_preview import PRINT_DPI, cups_command, print_pdf, send_to_cups

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        data = make_record(Path(scratch) / "home")
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        pages = document.pageCount()
        if args.cups:
            queue = QPrinter(QPrinterInfo.printerInfo(args.cups))
            command = cups_command(queue, "bench")
            assert command is not None and args.spooled is not None, "a CUPS queue and --spooled"
            args.spooled.unlink(missing_ok=True)
            start = time.perf_counter()
            send_to_cups(command, data)
            while not args.spooled.exists():  # the backend renames its file when done
                time.sleep(0.01)
            seconds = time.perf_counter() - start
            size = args.spooled.stat().st_size
            print(
                f"record: {pages} pages, {len(data) / 1e6:.1f} MB; as the PDF itself on CUPS queue "
                f"{args.cups}: {seconds:.2f} s to the backend's file, job {size / 1e6:.1f} MB"
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = Path(scratch) / "printed.pdf"
        printer.setOutputFileName(str(out))
        if args.pages:
            printer.setFromTo(1, args.pages)

        class Pages:  # the first N pages of the document, for the slow old way
            def __init__(self, count: int) -> None:
                self.count = count

            def pageCount(self) -> int:  # noqa: N802 (QPdfDocument's name)
                return self.count

            def __getattr__(self, name: str) -> object:
                return getattr(document, name)

        source = Pages(args.pages) if args.pages else document
        dpi = args.dpi or PRINT_DPI
        start = time.perf_counter()
        sent = print_pdf(source, printer, dpi)  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
        print(
            f"record: {pages} pages, {len(data) / 1e6:.1f} MB; printed {sent} pages at "
            f"{dpi} dpi (printer {printer.resolution()} dpi): {seconds:.1f} s, "
            f"job {out.stat().st_size / 1e6:.1f} MB"
        )
    del app


if __name__ == "__main__":
    main()
