"""The dialogs of the 案件 screen: one per step of the procedure, asking exactly what the core's
step (inspector/cases/steps.py) needs; a measure, a payment, opening a case from findings, and
what a stage document states that the case does not keep. Each returns the keyword arguments
of its core call (``values()``); the core checks them and its refusal is shown as its message."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from inspector.cases import rules
from inspector.cases.core import CaseView, MeasureView
from ui.strings import money


# Literal calls, so that lupdate finds every string.
def stage_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        rules.OPEN: translate("Names", "待立案"),
        rules.FILED: translate("Names", "已立案（调查取证）"),
        rules.INVESTIGATED: translate("Names", "调查终结"),
        rules.REVIEWED: translate("Names", "已法制审核"),
        rules.NOTIFIED: translate("Names", "已事先告知"),
        rules.HEARD: translate("Names", "陈述申辩/听证"),
        rules.DECIDED: translate("Names", "已决定"),
        rules.SERVED: translate("Names", "已送达"),
        rules.EXECUTED: translate("Names", "已执行"),
        rules.CLOSED: translate("Names", "已结案"),
        rules.NOT_FILED: translate("Names", "不予立案"),
        rules.WITHDRAWN: translate("Names", "已撤销"),
        rules.TERMINATED: translate("Names", "已终止"),
    }.get(code, code)


def step_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        rules.FILE: translate("Names", "立案"),
        rules.NOT_FILE: translate("Names", "不予立案"),
        rules.INVESTIGATE: translate("Names", "调查终结"),
        rules.REVIEW: translate("Names", "案件审核（法制审核）"),
        rules.NOTIFY: translate("Names", "事先告知"),
        rules.STATEMENT: translate("Names", "陈述申辩"),
        rules.WAIVE: translate("Names", "书面放弃陈述申辩和听证"),
        rules.HEARING_REQUEST: translate("Names", "申请听证"),
        rules.HEARING: translate("Names", "听证"),
        rules.DECIDE: translate("Names", "作出决定"),
        rules.SERVE: translate("Names", "送达"),
        rules.EXECUTE: translate("Names", "执行"),
        rules.CLOSE: translate("Names", "结案"),
        rules.WITHDRAW: translate("Names", "撤销立案"),
        rules.TERMINATE: translate("Names", "终止调查"),
        rules.EXTEND: translate("Names", "延长办案期限"),
    }.get(code, code)


def measure_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        rules.REFUND: translate("Names", "责令退回"),
        rules.FINE: translate("Names", "罚款"),
        rules.CONFISCATE: translate("Names", "没收违法所得"),
        rules.SUSPEND_SERVICE: translate("Names", "暂停相关责任部门医药服务"),
        rules.SUSPEND_PERSON: translate("Names", "暂停医疗费用联网结算"),
        rules.INTERVIEW: translate("Names", "约谈"),
        rules.REJECT: translate("Names", "拒付/追回"),
        rules.SUSPEND_SETTLEMENT: translate("Names", "暂停结算"),
        rules.HALT: translate("Names", "中止协议"),
        rules.TERMINATE_AGREEMENT: translate("Names", "解除协议"),
    }.get(code, code)


def role_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        rules.OFFICER: translate("Names", "承办人"),
        rules.APPROVER: translate("Names", "负责人"),
        rules.REVIEWER: translate("Names", "法制审核人员"),
        rules.HOST: translate("Names", "听证主持人"),
        rules.SERVER: translate("Names", "送达人"),
        rules.WITNESS: translate("Names", "见证人"),
        rules.RECIPIENT: translate("Names", "受送达人"),
    }.get(code, code)


def way_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "direct": translate("Names", "直接送达"),
        "lodged": translate("Names", "留置送达"),
        "post": translate("Names", "邮寄送达"),
        "electronic": translate("Names", "电子送达"),
        "public": translate("Names", "公告送达"),
    }.get(code, code)


def deadline_name(what: str) -> str:
    """The periods of inspector/cases/deadlines.py, named in the UI's language."""
    translate = QCoreApplication.translate
    return {
        "办案期限": translate("Names", "办案期限"),
        "陈述申辩期限": translate("Names", "陈述申辩期限"),
        "听证申请期限": translate("Names", "听证申请期限"),
        "决定书送达期限": translate("Names", "决定书送达期限"),
        "缴款期限": translate("Names", "缴款期限"),
    }.get(what, what)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit(qdate(day or date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


# The steps the buttons offer, in the order of the procedure; the ending ones after.
STEP_ORDER = (
    rules.FILE,
    rules.INVESTIGATE,
    rules.REVIEW,
    rules.NOTIFY,
    rules.STATEMENT,
    rules.WAIVE,
    rules.HEARING_REQUEST,
    rules.HEARING,
    rules.DECIDE,
    rules.SERVE,
    rules.EXECUTE,
    rules.CLOSE,
    rules.EXTEND,
    rules.NOT_FILE,
    rules.WITHDRAW,
    rules.TERMINATE,
)


def next_steps(stage: str) -> list[str]:
    """The steps the procedure allows after ``stage`` (rules.TRANSITIONS): the buttons shown.
    Whether a step may be taken now (its period passed, everything paid) is the core's to say."""
    return [kind for kind in STEP_ORDER if stage in rules.TRANSITIONS[kind].after]


class _Form(QDialog):
    """A form with OK/Cancel; subclasses add rows and say what the core gets."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)

    def finish(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)


class StepDialog(_Form):
    """One step of a case: its date and what the step's core function asks (people by name or
    执法证号, the facts, the way of service…). ``values()`` is its keyword arguments."""

    def __init__(self, kind: str, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(step_name(kind), parent)
        self.kind = kind
        self.case = case
        self.fields: dict[str, QWidget] = {}
        self.on_date = date_edit()
        self.form.addRow(self.tr("日期"), self.on_date)
        officers = [o.get("cert_no", "") for o in case.officers if o.get("cert_no")]
        me = officers[0] if officers else ""
        add = self._add
        if kind == rules.FILE:
            add("officers", self.tr("承办人执法证号（两名以上，逗号分隔）"), QLineEdit())
            add("approver", self.tr("批准立案的负责人"), QLineEdit())
            add("document_no", self.tr("立案文号（可空）"), QLineEdit())
        elif kind in (rules.NOT_FILE, rules.WITHDRAW, rules.TERMINATE):
            add("reason", self.tr("理由"), QPlainTextEdit())
            add("approver", self.tr("批准的负责人"), QLineEdit())
        elif kind == rules.INVESTIGATE:
            add("facts", self.tr("查明的违法事实"), QPlainTextEdit())
            add("evidence", self.tr("证据"), QPlainTextEdit())
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.REVIEW:
            add("reviewer", self.tr("法制审核人员（非本案承办人）"), QLineEdit())
            add("reviewer_no", self.tr("审核人员执法证号（可空）"), QLineEdit())
            add("opinion", self.tr("审核意见"), QPlainTextEdit())
            passed = QCheckBox(self.tr("审核通过（不通过则退回调查取证）"))
            passed.setChecked(True)
            add("passed", "", passed)
        elif kind in (rules.NOTIFY, rules.SERVE):
            way = QComboBox()
            for code in rules.SERVICE_WAYS:
                way.addItem(way_name(code), code)
            add("way", self.tr("送达方式"), way)
            add("recipient", self.tr("受送达人（签收人）"), QLineEdit())
            add("witness", self.tr("见证人（留置送达）"), QLineEdit())
            add("consent", "", QCheckBox(self.tr("当事人已书面同意电子送达")))
            if kind == rules.NOTIFY:
                days = QSpinBox()
                days.setRange(0, 60)
                days.setSpecialValueText(self.tr("按本局设置（默认 5 个工作日）"))
                add("statement_days", self.tr("陈述申辩期限（工作日）"), days)
                add("document_no", self.tr("告知书文号（可空）"), QLineEdit())
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.STATEMENT:
            add("text", self.tr("陈述申辩的内容"), QPlainTextEdit())
            add("oral", "", QCheckBox(self.tr("口头陈述（已制作笔录）")))
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.WAIVE:
            add("written", "", QCheckBox(self.tr("当事人已书面放弃陈述申辩和听证")))
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.HEARING_REQUEST:
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.HEARING:
            add("host", self.tr("听证主持人（非本案调查人员）"), QLineEdit())
            add("host_no", self.tr("主持人执法证号（可空）"), QLineEdit())
            add("summary", self.tr("听证情况"), QPlainTextEdit())
        elif kind == rules.DECIDE:
            add("approver", self.tr("作出决定的负责人"), QLineEdit())
            add("document_no", self.tr("决定书文号"), QLineEdit())
        elif kind == rules.EXECUTE:
            add("reason", self.tr("未全部缴清时的理由（可空）"), QPlainTextEdit())
            add("by", self.tr("承办人执法证号"), QLineEdit(me))
        elif kind == rules.CLOSE:
            add("approver", self.tr("批准结案的负责人"), QLineEdit())
        elif kind == rules.EXTEND:
            days = QSpinBox()
            days.setRange(1, 365)
            days.setValue(rules.FIRST_EXTENSION_DAYS)
            add("days", self.tr("延长天数"), days)
            add("approver", self.tr("批准的负责人"), QLineEdit())
            add("reason", self.tr("延期理由"), QPlainTextEdit())
            add("collective", "", QCheckBox(self.tr("经集体讨论决定")))
        self.finish()

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.form.addRow(label, widget)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {"on_date": day_of(self.on_date)}
        for name, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                found[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                found[name] = widget.text()
            elif isinstance(widget, QCheckBox):
                found[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                found[name] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                found[name] = widget.value() or None
        if "officers" in found:
            text = found["officers"].replace("，", ",").replace("、", ",")
            found["officers"] = [part.strip() for part in text.split(",") if part.strip()]
        for name in ("recipient", "witness", "by", "document_no", "reviewer_no", "host_no"):
            if name in found and not str(found[name]).strip():
                found[name] = None
        return found


class MeasureDialog(_Form):
    """A measure of the case: its kind, the amount, and for a fine the article (its range is
    the core's), the amount it is a multiple of and the reason for 从轻/减轻/从重."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("处理措施"))
        self.kind = QComboBox()
        for code in rules.MEASURE_NAMES:
            self.kind.addItem(measure_name(code), code)
        self.on_date = date_edit()
        self.amount = QLineEdit()
        self.article = QComboBox()
        self.article.addItem(self.tr("（不适用）"), None)
        for article, rule in rules.FINE_RULES.items():
            self.article.addItem(
                arg_text(self.tr("条例第%1条（%2）"), article, rule.text or ""), article
            )
        self.basis = QLineEdit()
        self.discretion = QComboBox()
        self.discretion.addItem(self.tr("无"), None)
        for code, label in (
            (rules.LIGHTER, self.tr("从轻")),
            (rules.MITIGATED, self.tr("减轻")),
            (rules.HEAVIER, self.tr("从重")),
        ):
            self.discretion.addItem(label, code)
        self.reason = QPlainTextEdit()
        self.months = QSpinBox()
        self.months.setRange(0, 36)
        self.months.setSpecialValueText(self.tr("（不适用）"))
        self.period_from = date_edit()
        self.period_to = date_edit()
        self.form.addRow(self.tr("措施"), self.kind)
        self.form.addRow(self.tr("日期"), self.on_date)
        self.form.addRow(self.tr("金额（元）"), self.amount)
        self.form.addRow(self.tr("罚款依据"), self.article)
        self.form.addRow(self.tr("损失或骗取金额（元）"), self.basis)
        self.form.addRow(self.tr("裁量"), self.discretion)
        self.form.addRow(self.tr("理由"), self.reason)
        self.form.addRow(self.tr("暂停月数"), self.months)
        self.form.addRow(self.tr("暂停结算/中止协议起"), self.period_from)
        self.form.addRow(self.tr("至"), self.period_to)
        self.finish()

    def values(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        periods = kind in (rules.SUSPEND_SETTLEMENT, rules.HALT)
        return {
            "kind": kind,
            "on_date": day_of(self.on_date),
            "amount": self.amount.text().strip() or None,
            "article": self.article.currentData(),
            "basis": self.basis.text().strip() or None,
            "discretion": self.discretion.currentData(),
            "reason": self.reason.toPlainText(),
            "months": self.months.value() or None,
            "period_from": day_of(self.period_from) if periods else None,
            "period_to": day_of(self.period_to) if periods else None,
        }


def arg_text(text: str, *values: object) -> str:
    from ui.errors import arg

    return arg(text, *values)


class PaymentDialog(_Form):
    """What was paid on one of the case's money measures, and when."""

    def __init__(self, measures: list[MeasureView], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("记录缴款"))
        self.measure = QComboBox()
        for m in measures:
            if m.kind in rules.MONEY and not m.cancelled:
                self.measure.addItem(
                    arg_text(
                        self.tr("%1 %2，未缴 %3"),
                        measure_name(m.kind),
                        money(m.amount_fen),
                        money(m.owed_fen),
                    ),
                    m.id,
                )
        self.amount = QLineEdit()
        if measures:
            first = next((m for m in measures if m.kind in rules.MONEY and m.owed_fen), None)
            if first is not None:
                self.measure.setCurrentIndex(max(self.measure.findData(first.id), 0))
        self.measure.currentIndexChanged.connect(lambda _i: self._owed(measures))
        self._owed(measures)
        self.on_date = date_edit()
        self.receipt_no = QLineEdit()
        self.note = QLineEdit()
        self.form.addRow(self.tr("措施"), self.measure)
        self.form.addRow(self.tr("缴纳金额（元）"), self.amount)
        self.form.addRow(self.tr("缴款日期"), self.on_date)
        self.form.addRow(self.tr("票据号"), self.receipt_no)
        self.form.addRow(self.tr("备注"), self.note)
        self.finish()

    def _owed(self, measures: list[MeasureView]) -> None:
        chosen = next((m for m in measures if m.id == self.measure.currentData()), None)
        if chosen is not None and chosen.owed_fen:
            self.amount.setText(f"{chosen.owed_fen / 100:.2f}")

    def values(self) -> dict[str, Any]:
        return {
            "measure": self.measure.currentData() or "",
            "amount": self.amount.text().strip(),
            "on_date": day_of(self.on_date),
            "receipt_no": self.receipt_no.text().strip(),
            "note": self.note.text().strip(),
        }


class OpenCaseDialog(_Form):
    """A case registered from the findings chosen in the 台账: its summary and date."""

    def __init__(self, described: list[str], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("登记案件"))
        self.listing = QLabel("\n".join(described))
        self.listing.setWordWrap(True)
        self.summary = QLineEdit()
        self.on_date = date_edit()
        self.form.addRow(self.tr("所选问题"), self.listing)
        self.form.addRow(self.tr("简要案情"), self.summary)
        self.form.addRow(self.tr("登记日期"), self.on_date)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"summary": self.summary.text(), "on_date": day_of(self.on_date)}


class DocumentDialog(_Form):
    """A stage document: which one (by default that of the latest step) and what it states
    that the case does not keep; what was given before is remembered by the core."""

    def __init__(
        self,
        kinds: list[tuple[str, str]],
        parent: QWidget | None = None,
        preview: Any = None,
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("制作案件文书"))
        self.preview = preview  # (kind, extra) → shows the document before it is made
        self.kind = QComboBox()
        self.kind.addItem(self.tr("本阶段的文书"), None)
        for code, title in kinds:
            self.kind.addItem(title, code)
        self.form.addRow(self.tr("文书"), self.kind)
        self.texts: dict[str, QLineEdit] = {}
        self.lines: dict[str, QPlainTextEdit] = {}
        for name, label in (
            ("party_address", self.tr("当事人地址")),
            ("party_code", self.tr("统一社会信用代码或身份证号")),
            ("party_representative", self.tr("法定代表人（负责人）")),
            ("contact", self.tr("联系人及电话")),
            ("place", self.tr("陈述申辩或听证地点")),
            ("host", self.tr("听证主持人")),
            ("host_no", self.tr("主持人执法证号")),
            ("clerk", self.tr("听证记录员")),
            ("adopted", self.tr("陈述申辩或听证意见的采纳情况")),
            ("payee", self.tr("罚没款缴入（收款单位及账号）")),
            ("reconsideration_body", self.tr("行政复议机关")),
            ("court", self.tr("人民法院")),
            ("medium", self.tr("公告载体（公告送达）")),
            ("tracking_no", self.tr("邮件单号（邮寄送达）")),
        ):
            edit = QLineEdit()
            self.texts[name] = edit
            self.form.addRow(label, edit)
        for name, label in (
            ("basis", self.tr("处罚依据（每行一条）")),
            ("violated", self.tr("违反的规定（每行一条）")),
        ):
            box = QPlainTextEdit()
            box.setMaximumHeight(60)
            self.lines[name] = box
            self.form.addRow(label, box)
        self.hearing = QCheckBox(self.tr("写明听证时间"))
        self.hearing_at = QDateTimeEdit(QDateTime(qdate(date.today()), QTime(9, 0)))
        self.hearing_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.hearing, self.hearing_at)
        self.form.addRow(QLabel(self.tr("留空的项目沿用本案上一份文书所填。")))
        if preview is not None:
            from PySide6.QtWidgets import QPushButton

            self.preview_button = QPushButton(self.tr("预览…"))
            self.preview_button.setToolTip(self.tr("制作前先看：不保存，不编号"))
            self.preview_button.clicked.connect(lambda: self.preview(*self.values()))
            self.form.addRow(self.preview_button)
        self.finish()

    def values(self) -> tuple[str | None, dict[str, Any]]:
        extra: dict[str, Any] = {name: edit.text().strip() for name, edit in self.texts.items()}
        for name, box in self.lines.items():
            extra[name] = tuple(
                line.strip() for line in box.toPlainText().splitlines() if line.strip()
            )
        if self.hearing.isChecked():
            extra["hearing_at"] = self.hearing_at.dateTime().toPython()
        return self.kind.currentData(), extra


# --- 封存 and 先行登记保存 (inspector/enforcement/measures.py) -------------------------------


def compulsory_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "seal": translate("Names", "封存"),
        "preserve": translate("Names", "先行登记保存"),
    }.get(code, code)


def outcome_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "release": translate("Names", "解除"),
        "seal": translate("Names", "转为封存"),
        "confiscate": translate("Names", "依法没收"),
        "examine": translate("Names", "送检验鉴定"),
        "transfer": translate("Names", "移交有关部门"),
    }.get(code, code)


def compulsory_state_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "open": translate("Names", "期限内"),
        "due": translate("Names", "即将到期"),
        "late": translate("Names", "已逾期未处理"),
        "ended": translate("Names", "已结束"),
    }.get(code, code)


class CompulsoryDialog(_Form):
    """A 封存 or 先行登记保存 decided under the case (行政强制法 arts. 18, 24; 行政处罚法 art.
    56): the decision's number and reason, the 负责人 approving it, two officers of the visit's
    team, the list (one line each: 名称，数量，单位)."""

    def __init__(self, officers: list[str], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("封存或先行登记保存"))
        self.kind = QComboBox()
        for code in ("seal", "preserve"):
            self.kind.addItem(compulsory_name(code), code)
        self.decision_no = QLineEdit()
        self.decided_on = date_edit()
        self.reason = QPlainTextEdit()
        self.approved_by = QLineEdit()
        self.officers = QLineEdit(", ".join(officers))
        self.place = QLineEdit()
        self.items = QPlainTextEdit()
        self.items.setPlaceholderText(self.tr("每行一项：名称，数量，单位"))
        self.form.addRow(self.tr("措施"), self.kind)
        self.form.addRow(self.tr("决定书文号"), self.decision_no)
        self.form.addRow(self.tr("决定日期"), self.decided_on)
        self.form.addRow(self.tr("理由"), self.reason)
        self.form.addRow(self.tr("批准的负责人"), self.approved_by)
        self.form.addRow(self.tr("实施的执法人员执法证号（两名以上）"), self.officers)
        self.form.addRow(self.tr("地点"), self.place)
        self.form.addRow(self.tr("清单"), self.items)
        self.finish()

    def values(self) -> dict[str, Any]:
        from inspector.enforcement.measures import MeasureItem

        items = []
        for n, line in enumerate(self.items.toPlainText().splitlines(), start=1):
            parts = [p.strip() for p in line.replace("，", ",").split(",")]
            if not any(parts):
                continue
            parts += [""] * (3 - len(parts))
            items.append(MeasureItem(n, parts[0], parts[1], parts[2]))
        text = self.officers.text().replace("，", ",").replace("、", ",")
        return {
            "kind": self.kind.currentData(),
            "decision_no": self.decision_no.text(),
            "decided_on": day_of(self.decided_on),
            "reason": self.reason.toPlainText(),
            "approved_by": self.approved_by.text(),
            "officers": [p.strip() for p in text.split(",") if p.strip()],
            "place": self.place.text(),
            "items": items,
        }


class CompulsoryStepDialog(_Form):
    """The extension of a 封存 (once, 行政强制法 art. 25) or the end of a measure (解除, art. 28;
    the decision on a 先行登记保存, 行政处罚法 art. 56): which measure, the date, the number,
    the reason."""

    def __init__(
        self, end: bool, measures: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("解除或处理") if end else self.tr("延长封存期限"))
        self.end = end
        self.measure = QComboBox()
        for measure_id, label in measures:
            self.measure.addItem(label, measure_id)
        self.on_date = date_edit()
        self.document_no = QLineEdit()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.form.addRow(self.tr("措施"), self.measure)
        self.form.addRow(self.tr("日期"), self.on_date)
        self.form.addRow(self.tr("决定文号"), self.document_no)
        self.approved_by = QLineEdit()
        self.outcome = QComboBox()
        self.seal_no = QLineEdit()
        if end:
            for code in ("release", "seal", "confiscate", "examine", "transfer"):
                self.outcome.addItem(outcome_name(code), code)
            for code, label in (
                ("expired", self.tr("封存期限已经届满")),
                ("decided", self.tr("已对违法行为作出处理决定，不再需要封存")),
                ("no_violation", self.tr("当事人没有违法行为")),
                ("unrelated", self.tr("封存的资料、财物与违法行为无关")),
                ("other", self.tr("其他不再需要采取封存措施的情形")),
            ):
                self.reason.addItem(label, code)
            self.form.addRow(self.tr("处理决定"), self.outcome)
            self.form.addRow(self.tr("理由"), self.reason)
            self.form.addRow(self.tr("转为封存的决定书文号"), self.seal_no)
            self.form.addRow(self.tr("批准的负责人（转为封存时）"), self.approved_by)
        else:
            self.form.addRow(self.tr("延长理由"), self.reason)
            self.form.addRow(self.tr("批准延长的负责人"), self.approved_by)
        self.finish()

    def values(self) -> dict[str, Any]:
        index = self.reason.currentIndex()
        chosen = self.reason.itemData(index) if index >= 0 else None
        typed = self.reason.currentText().strip()
        reason = chosen if chosen and typed == self.reason.itemText(index) else typed
        if self.end:
            return {
                "measure_id": self.measure.currentData() or "",
                "ended_on": day_of(self.on_date),
                "outcome": self.outcome.currentData(),
                "reason": reason,
                "document_no": self.document_no.text(),
                "seal_decision_no": self.seal_no.text().strip() or None,
                "approved_by": self.approved_by.text().strip() or None,
            }
        return {
            "measure_id": self.measure.currentData() or "",
            "extended_on": day_of(self.on_date),
            "reason": reason,
            "approved_by": self.approved_by.text(),
            "extension_no": self.document_no.text(),
        }


# --- referrals (inspector/enforcement/referrals.py) ----------------------------------------


def department_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "police": translate("Names", "公安机关"),
        "discipline": translate("Names", "纪检监察机关"),
        "health": translate("Names", "卫生健康部门"),
        "market": translate("Names", "市场监督管理部门"),
        "drug": translate("Names", "药品监督管理部门"),
    }.get(code, code)


def referral_status_name(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "referred": translate("Names", "已移送"),
        "received": translate("Names", "已接收"),
        "answered": translate("Names", "已反馈"),
        "returned": translate("Names", "已退回"),
    }.get(code, code)


class ReferDialog(_Form):
    """A referral (移送) of the case: the department and its name, the 移送书's number and
    date, the facts and basis, where the evidence bundle goes, and the key it is signed with
    (the device's, or the handing officer's: then the 移送书 and 案卷清单 carry their signature
    too)."""

    def __init__(self, keys: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        super().__init__("", parent)
        self.setWindowTitle(self.tr("移送"))
        self.department = QComboBox()
        for code in ("police", "discipline", "health", "market", "drug"):
            self.department.addItem(department_name(code), code)
        self.receiver = QLineEdit()
        self.receiver.setPlaceholderText(self.tr("如：历城区公安分局"))
        self.referral_no = QLineEdit()
        self.referred_on = date_edit()
        self.facts = QPlainTextEdit()
        self.basis = QLineEdit()
        self.basis.setPlaceholderText(self.tr("留空：按移送部门的通常依据"))
        self.bundle = QLineEdit()
        choose = QPushButton(self.tr("选择…"))

        choose.clicked.connect(self._choose_bundle)
        where = QHBoxLayout()
        where.addWidget(self.bundle, 1)
        where.addWidget(choose)
        self.key = QComboBox()
        self.key.addItem(self.tr("本机设备密钥（未使用检查人员的密钥）"), None)
        for key_id, label in keys:
            self.key.addItem(label, key_id)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("移送部门"), self.department)
        self.form.addRow(self.tr("接收单位"), self.receiver)
        self.form.addRow(self.tr("移送书文号"), self.referral_no)
        self.form.addRow(self.tr("移送日期"), self.referred_on)
        self.form.addRow(self.tr("涉嫌违法的事实"), self.facts)
        self.form.addRow(self.tr("移送依据"), self.basis)
        self.form.addRow(self.tr("证据包保存为"), where)
        self.form.addRow(self.tr("签名密钥"), self.key)
        self.form.addRow(self.tr("密钥口令"), self.passphrase)
        self.finish()

    def _choose_bundle(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("移送证据包"), "移送证据包.zip", self.tr("证据包 (*.zip)")
        )
        if name:
            self.bundle.setText(name)

    def values(self) -> dict[str, Any]:
        return {
            "department": self.department.currentData(),
            "receiver": self.receiver.text(),
            "referral_no": self.referral_no.text(),
            "referred_on": day_of(self.referred_on),
            "facts": self.facts.toPlainText(),
            "basis": self.basis.text(),
            "bundle_out": self.bundle.text().strip(),
            "key_id": self.key.currentData(),
            "passphrase": self.passphrase.text(),
        }


RECEIPT, FEEDBACK, RETURN = "receipt", "feedback", "return"


class ReferralStepDialog(_Form):
    """What came back from a referral: the receipt (签收), the department's feedback, or its
    return (退回) of the case."""

    def __init__(
        self, step: str, referrals: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__("", parent)
        titles = {
            RECEIPT: self.tr("登记签收"),
            FEEDBACK: self.tr("登记反馈"),
            RETURN: self.tr("登记退回"),
        }
        self.setWindowTitle(titles[step])
        self.step = step
        self.referral = QComboBox()
        for referral_id, label in referrals:
            self.referral.addItem(label, referral_id)
        self.on_date = date_edit()
        self.text = QLineEdit() if step == RECEIPT else QPlainTextEdit()
        label = {
            RECEIPT: self.tr("签收人"),
            FEEDBACK: self.tr("反馈内容"),
            RETURN: self.tr("退回理由"),
        }[step]
        self.form.addRow(self.tr("移送"), self.referral)
        self.form.addRow(self.tr("日期"), self.on_date)
        self.form.addRow(label, self.text)
        self.finish()

    def values(self) -> dict[str, Any]:
        text = self.text.text() if isinstance(self.text, QLineEdit) else self.text.toPlainText()
        day = day_of(self.on_date)
        found: dict[str, Any] = {"referral_id": self.referral.currentData() or ""}
        if self.step == RECEIPT:
            found.update(received_on=day, received_by=text)
        elif self.step == FEEDBACK:
            found.update(feedback_on=day, feedback=text)
        else:
            found.update(returned_on=day, reason=text)
        return found


def enforcement_title(kind: str) -> str:
    """A 封存/先行登记保存 or referral document's title, by the kind the core keeps."""
    translate = QCoreApplication.translate
    return {
        "seal-decision": translate("Names", "封存决定书"),
        "preserve-decision": translate("Names", "先行登记保存通知书"),
        "seal-list": translate("Names", "封存清单"),
        "preserve-list": translate("Names", "先行登记保存清单"),
        "seal-extension": translate("Names", "延长封存期限通知书"),
        "seal-end": translate("Names", "解除封存决定书"),
        "preserve-end": translate("Names", "先行登记保存处理决定书"),
        "referral-letter": translate("Names", "移送书"),
        "referral-list": translate("Names", "案卷清单"),
    }.get(kind, kind)


class MeasureDocumentDialog(_Form):
    """Which document of which 封存 or 先行登记保存 to make: its decision, the list for the
    party, the extension, or the release (or decision on what was preserved)."""

    def __init__(self, measures: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("制作强制措施文书"))
        self.measure = QComboBox()
        for measure_id, label in measures:
            self.measure.addItem(label, measure_id)
        self.kind = QComboBox()
        for code, label in (
            ("decision", self.tr("决定书（通知书）")),
            ("list", self.tr("清单（交当事人）")),
            ("extension", self.tr("延长封存期限通知书")),
            ("end", self.tr("解除或处理决定书")),
        ):
            self.kind.addItem(label, code)
        self.form.addRow(self.tr("措施"), self.measure)
        self.form.addRow(self.tr("文书"), self.kind)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"measure_id": self.measure.currentData() or "", "kind": self.kind.currentData()}


class ListSignatureDialog(_Form):
    """Both sides' signatures on the list handed to the party (行政强制法 art. 24: 一式二份):
    the party's signer, or their refusal noted with a witness (art. 18(8)(9))."""

    def __init__(self, measures: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("登记清单签名"))
        self.measure = QComboBox()
        for measure_id, label in measures:
            self.measure.addItem(label, measure_id)
        self.on_date = date_edit()
        self.party = QLineEdit()
        self.refused = QCheckBox(self.tr("当事人拒绝签名"))
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("当事人拒绝签名时必填"))
        self.form.addRow(self.tr("措施"), self.measure)
        self.form.addRow(self.tr("签名日期"), self.on_date)
        self.form.addRow(self.tr("签名的当事人"), self.party)
        self.form.addRow("", self.refused)
        self.form.addRow(self.tr("见证人"), self.witness)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "measure_id": self.measure.currentData() or "",
            "signed_on": day_of(self.on_date),
            "party_signer": self.party.text(),
            "party_refused": self.refused.isChecked(),
            "witness": self.witness.text(),
        }


class ReceiveReferralDialog(_Form):
    """A case 公安 or another department handed to the bureau: who sent it, their document's
    number and the day it came, whom it is about and what it says. It then becomes a lead
    (移送案件登记为线索…)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("登记收到的移送案件"))
        self.department = QComboBox()
        for code in ("police", "discipline", "health", "market", "drug"):
            self.department.addItem(department_name(code), code)
        self.department.addItem(self.tr("其他部门"), "other")
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("如：历城区公安分局"))
        self.document_no = QLineEdit()
        self.received_on = date_edit()
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("涉及的定点机构或人员"))
        self.summary = QPlainTextEdit()
        self.form.addRow(self.tr("移送部门"), self.department)
        self.form.addRow(self.tr("移送单位"), self.sender)
        self.form.addRow(self.tr("来文文号"), self.document_no)
        self.form.addRow(self.tr("收到日期"), self.received_on)
        self.form.addRow(self.tr("涉及的机构或人员"), self.subject)
        self.form.addRow(self.tr("案情摘要"), self.summary)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "department": self.department.currentData(),
            "sender": self.sender.text(),
            "document_no": self.document_no.text(),
            "received_on": day_of(self.received_on),
            "subject": self.subject.text(),
            "summary": self.summary.toPlainText(),
        }
