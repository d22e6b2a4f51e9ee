"""The keys dialog and the signature pad, offscreen."""

from __future__ import annotations

import io
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from inspector.signing import KeyStore
from tests.helpers.signing_pki import PASS, make_ca, make_p12
from ui.keys_dialog import KIND, STATUS, KeyForm, KeysDialog
from ui.signature_pad import SignaturePad

NEW_PASS = "a new passphrase"


def test_keys_dialog_import_new_attach_and_trial(
    qtbot: QtBot, tmp_path: Path, synchronous_tasks: None
) -> None:
    store = KeyStore(tmp_path / "home")
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.attach_button.isEnabled()

    ca = make_ca()
    p12 = tmp_path / "zw.p12"
    p12.write_bytes(make_p12(ca, "张伟", "370100001"))
    assert dialog.import_pkcs12(p12, "wrong passphrase") is None
    assert "口令不正确" in dialog.message.text()
    with qtbot.waitSignal(dialog.keys_changed):
        imported = dialog.import_pkcs12(p12, PASS)
    assert imported is not None and dialog.table.rowCount() == 1
    row = dialog.row_of(imported.key_id)
    assert dialog.table.item(row, STATUS).text() == "可用"
    assert "医保局签发" in dialog.table.item(row, KIND).text()

    csr_out = tmp_path / "lina.csr.pem"
    created = dialog.new_key("李娜", "370100002", "济南市医疗保障局", NEW_PASS, csr_out)
    assert created is not None and str(csr_out) in dialog.message.text()
    assert dialog.selected_key_id() == created.key_id and dialog.attach_button.isEnabled()
    assert dialog.table.item(dialog.row_of(created.key_id), STATUS).text() == "等待证书"

    csr = x509.load_pem_x509_csr(csr_out.read_bytes())
    cert = tmp_path / "lina.pem"
    issued = ca.issue(csr.public_key(), csr.subject)
    cert.write_bytes(issued.public_bytes(serialization.Encoding.PEM))
    assert dialog.attach_certificate(created.key_id, tmp_path / "missing.pem") is None
    assert "无法读取证书文件" in dialog.message.text()
    assert dialog.attach_certificate(created.key_id, cert) is not None
    assert dialog.table.item(dialog.row_of(created.key_id), STATUS).text() == "可用"
    assert not dialog.attach_button.isEnabled()

    assert dialog.make_trial("王五", "370100009", "short") is None
    assert "口令太短" in dialog.message.text()
    trial = dialog.make_trial("王五", "370100009", NEW_PASS)
    assert trial is not None and trial.trial
    assert "试用" in dialog.table.item(dialog.row_of(trial.key_id), KIND).text()
    assert dialog.table.rowCount() == 3

    # A second dialog over the same store lists the same keys.
    again = KeysDialog(KeyStore(tmp_path / "home"))
    qtbot.addWidget(again)
    assert again.table.rowCount() == 3


def test_key_form_checks_the_passphrase_twice(qtbot: QtBot) -> None:
    form = KeyForm("生成试用证书（自签名）", with_org=False)
    qtbot.addWidget(form)
    form.passphrase.setText("one passphrase")
    form.confirm.setText("another one")
    form._check()
    assert form.result() == 0 and "不一致" in form.message.text()
    form.confirm.setText("one passphrase")
    form._check()
    assert form.result() == 1


def _draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    canvas = pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_signature_pad_strokes_undo_clear_and_png(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 240)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty() and not pad.undo_button.isEnabled() and not pad.clear_button.isEnabled()

    with qtbot.waitSignal(pad.changed):
        _draw(qtbot, pad, [(40, 60), (80, 90), (120, 70), (160, 110)])
    with qtbot.waitSignal(pad.changed):
        _draw(qtbot, pad, [(200, 50), (260, 120)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) == 4 and len(strokes[1]) == 2
    x, y, t, pressure = strokes[0][0]
    assert (x, y, pressure) == (40.0, 60.0, 1.0) and isinstance(t, int)
    assert [p[:2] for p in strokes[1]] == [(200.0, 50.0), (260.0, 120.0)]
    times = [p[2] for s in strokes for p in s]
    assert times == sorted(times)
    assert pad.undo_button.isEnabled() and not pad.is_empty()

    png = pad.to_png(800)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "RGBA"
    assert (
        image.width == 800
        and abs(image.height - 800 * pad.canvas.height() / pad.canvas.width()) <= 1
    )
    alpha = image.getchannel("A")
    assert alpha.getbbox() is not None  # ink was drawn
    left, top, right, bottom = alpha.getbbox()
    scale = 800 / pad.canvas.width()
    assert left <= 40 * scale <= right and top <= 50 * scale and bottom >= 110 * scale

    with qtbot.waitSignal(pad.changed):
        pad.undo_button.click()
    assert len(pad.strokes()) == 1
    with qtbot.waitSignal(pad.changed):
        pad.clear_button.click()
    assert pad.is_empty() and pad.strokes() == []
    assert Image.open(io.BytesIO(pad.to_png(200))).getchannel("A").getbbox() is None

    # A right-button drag draws nothing.
    qtbot.mousePress(pad.canvas, Qt.MouseButton.RightButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(pad.canvas, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    assert pad.is_empty()


def test_a_click_is_a_dot(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    qtbot.mouseClick(pad.canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 80))
    assert [len(s) for s in pad.strokes()] == [1]
    assert Image.open(io.BytesIO(pad.to_png(400))).getchannel("A").getbbox() is not None


def test_touch_and_stylus_strokes(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    pad.show()
    qtbot.waitExposed(pad)
    canvas = pad.canvas

    screen = QTest.createTouchDevice()
    QTest.touchEvent(canvas, screen).press(0, QPoint(20, 30)).commit()
    QTest.touchEvent(canvas, screen).move(0, QPoint(60, 70)).commit()
    QTest.touchEvent(canvas, screen).release(0, QPoint(90, 80)).commit()
    # Offscreen, QTest's touch points land within a few pixels of where they were asked for.
    touched = [p[:2] for p in pad.strokes()[0]]
    expected = [(20, 30), (60, 70), (90, 80)]
    assert len(touched) == 3
    assert all(
        abs(x - ex) <= 3 and abs(y - ey) <= 3
        for (x, y), (ex, ey) in zip(touched, expected, strict=True)
    )

    stylus = QPointingDevice(
        "stylus",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )

    def tablet(kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
        buttons = (
            Qt.MouseButton.NoButton
            if kind == QEvent.Type.TabletRelease
            else (Qt.MouseButton.LeftButton)
        )
        event = QTabletEvent(
            kind,
            stylus,
            QPointF(x, y),
            QPointF(canvas.mapToGlobal(QPoint(int(x), int(y)))),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(canvas, event)

    with qtbot.waitSignal(pad.changed):
        tablet(QEvent.Type.TabletPress, 150, 60, 0.2)
        tablet(QEvent.Type.TabletMove, 170, 80, 0.6)
        tablet(QEvent.Type.TabletMove, 190, 90, 0.9)
        tablet(QEvent.Type.TabletRelease, 190, 90, 0.0)
    stroke = pad.strokes()[1]
    assert [(p[0], p[1], p[3]) for p in stroke] == [
        (150.0, 60.0, 0.2),
        (170.0, 80.0, 0.6),
        (190.0, 90.0, 0.9),
    ]
    assert len(pad.strokes()) == 2
