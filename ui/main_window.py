"""The main window: home list and checklist screen in one window, menus for the rest.

The window can be made before the core is imported (``MainWindow()``: frame, menus and the home
list's placeholder, painted at once) and given the workspace later (``attach``), when the core
has been loaded off the UI thread (ui/app.py). ``MainWindow(workspace)`` does both at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

# Not the Qt namespace (Qt.AlignmentFlag...): PySide builds all its enums on first import, 24 ms
# that the first paint need not wait for; the methods that use it import it.
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector import __version__
from ui.errors import arg

if TYPE_CHECKING:
    from inspector.inspections import KnownInspector
    from inspector.workspace import Workspace
    from ui.autosave import AutoSaver
    from ui.case_page import CaseDueBanner, CasePage
    from ui.checklist_page import ChecklistPage
    from ui.home import HomePage, ListSource
    from ui.ledger_page import DueBanner, LedgerPage
    from ui.lock import Curtain, IdleLock
    from ui.ops import OpChanges
    from ui.tasks import TaskRunner

LAST_INSPECTION = "last_inspection"


def _nothing_shown() -> OpChanges:
    from ui.ops import OpChanges

    return OpChanges()


def _evidence_factory(workspace: Workspace, runner: TaskRunner) -> object | None:
    try:
        from ui.evidence import EvidenceStrip  # type: ignore[attr-defined]
    except ImportError:
        return None
    return lambda parent: EvidenceStrip(workspace, runner, parent)


def _minutes(text: str | None, default: int) -> int:
    try:
        value = int(text or default)
    except ValueError:
        return default
    return value if value >= 1 else default


def _shortcut(action: QAction, keys: QKeySequence) -> None:
    """``action.setShortcut(keys)``. setShortcut's overloads make PySide build the whole Qt
    namespace to resolve the call (see the imports); setShortcuts with a list does not."""
    action.setShortcuts([keys])


class LoadingPage(QWidget):
    """What the home list looks like while the core loads: its title and a line saying so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("本机的检查"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        self.message = QLabel(self.tr("正在打开检查列表…"))
        # Centred by stretches, not by an alignment flag (see the imports above).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message)
        row.addStretch(1)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    language_requested = Signal(str)  # "zh_CN" or "en"
    loaded = Signal()  # the workspace is attached and the home list filled
    unlocked = Signal()  # the passphrase was given again after a lock

    workspace: Workspace
    runner: TaskRunner
    saver: AutoSaver
    home: HomePage
    checklist: ChecklistPage
    ledger: LedgerPage
    due_banner: DueBanner
    cases: CasePage
    case_banner: CaseDueBanner

    def __init__(
        self,
        workspace: Workspace | None = None,
        language: str = "zh_CN",
        data_root: str | None = None,
    ) -> None:
        super().__init__()
        self.language = language
        self.data_root = data_root
        self.attached = False
        self.ready = False  # attached and the home list read (``loaded`` emitted)
        self._previewed = False  # the home list was filled before the core (preview)
        self._pending_open: str | None = None
        self._opening: str | None = None  # an inspection being read, to be shown
        self.setWindowTitle(self.tr("医保基金现场检查 Inspector"))
        self.resize(1280, 720)
        self.setMinimumSize(960, 600)

        self.pages = QStackedWidget()
        self.loading = LoadingPage()
        self.pages.addWidget(self.loading)
        # Notices the user must read (a checklist pack that broke and was replaced by its last
        # good copy): above the pages until closed.
        self.notice = QPushButton()
        self.notice.setFlat(True)
        self.notice.setStyleSheet(
            "QPushButton { background: #fff4e5; color: #8a4b00; padding: 8px; text-align: left; }"
        )
        self.notice.setToolTip(self.tr("点击关闭此提示"))
        self.notice.clicked.connect(self.notice.hide)
        self.notice.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._home_stale = False
        self._needs_workspace: list[QAction] = []
        self._build_menus()
        if workspace is not None:
            self.attach(workspace)

    def preview(self, source: ListSource) -> None:
        """The home list filled before the core is loaded (ui/app.py): rows read straight from
        the database file. Scrolling and filters work; opening an inspection waits for
        ``attach``, and what needs the workspace stays disabled until then."""
        if self.attached or self._previewed:
            return
        from ui.home import HomePage

        self.home = HomePage(source)
        self.home.new_button.setEnabled(False)
        self._show_home_page()
        self._previewed = True

    def _show_home_page(self) -> None:
        self.pages.addWidget(self.home)
        self.pages.setCurrentWidget(self.home)
        self.pages.removeWidget(self.loading)
        self.loading.deleteLater()
        self.home.open_requested.connect(self.open_inspection)
        self.home.new_requested.connect(self.new_inspection)

    def attach(self, workspace: Workspace) -> None:
        """Build the pages over the loaded core, fill the home list, emit ``loaded``."""
        from ui.autosave import AutoSaver
        from ui.checklist_page import ChecklistPage
        from ui.home import HomePage
        from ui.ops import ops
        from ui.tasks import TaskRunner

        self.workspace = workspace
        self.data_root = str(workspace.home.root)
        self.runner = TaskRunner(self)
        self.saver = AutoSaver(self)
        if self._previewed:
            self.home.attach(workspace)
            self.home.new_button.setEnabled(True)
        else:
            self.home = HomePage(workspace)
        factory = _evidence_factory(workspace, self.runner)
        self.checklist = ChecklistPage(workspace, self.saver, factory)  # type: ignore[arg-type]
        self.pages.addWidget(self.checklist)
        self._attach_ledger(workspace)
        if not self._previewed:
            self._show_home_page()
        self.checklist.back_requested.connect(self.show_home)
        self.checklist.loaded.connect(self._checklist_loaded)
        self.checklist.record_requested.connect(self.open_record)
        self.checklist.stock_requested.connect(lambda _id: self.reconcile_stock())
        self.checklist.trace_requested.connect(lambda _id: self.sweep_trace_codes())
        # Every change of data, whichever screen made it, arrives here as typed changes.
        ops().changed.connect(self._on_changes)
        for action in self._needs_workspace:
            action.setEnabled(True)
        self.attached = True
        self.idle: IdleLock | None = None
        self.lock_minutes: int | None = None  # read by _start_lock, kept by set_lock_minutes
        self._locked_curtains: list[tuple[QWidget, Curtain]] = []
        self.lock_dialog: QDialog | None = None
        self._start_lock()
        if not workspace.encrypted:
            self.encrypt_action.setEnabled(True)
            self.statusBar().showMessage(
                self.tr("本机数据未加密：可在“文件 → 加密本机数据…”中设置口令"), 15000
            )
        # Who acts on this laptop, always in sight: every action is logged in their name.
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        self.show_current_inspector()
        if workspace.notices:
            # A broken checklist pack replaced by its last good copy, a database upgraded: shown
            # until read and closed, not for a few seconds in the status bar.
            self.notice.setText("⚠ " + "\n⚠ ".join(workspace.notices))
            self.notice.show()
        if self.isVisible():
            self.home.table.setFocus()
        if self._pending_open:  # asked for on the early list, before the core was in
            pending, self._pending_open = self._pending_open, None
            self.open_inspection(pending)
        # ``loaded`` once the home list is read again (on the database executor).
        if self.home.model.reading:
            self.home.model.filled.connect(self._home_filled)
        else:
            self._loaded()

    def _home_filled(self) -> None:
        if not self.home.model.reading:
            self.home.model.filled.disconnect(self._home_filled)
            self._loaded()

    def _loaded(self) -> None:
        self.ready = True
        self.loaded.emit()

    def _attach_ledger(self, workspace: Workspace) -> None:
        """The 台账 screen, and the deadlines due on the home screen."""
        from ui.ledger_page import DueBanner, LedgerPage

        self.ledger = LedgerPage(workspace, self.runner)
        self.pages.addWidget(self.ledger)
        self.ledger.back_requested.connect(self.show_home)
        self.ledger.open_requested.connect(self._open_new)
        self.due_banner = DueBanner(workspace)
        self.home.layout().insertWidget(1, self.due_banner)  # type: ignore[union-attr]
        self.due_banner.open_requested.connect(lambda: self.show_ledger(due=True))
        self._attach_cases(workspace)

    def _attach_cases(self, workspace: Workspace) -> None:
        """The 案件 screen beside the 台账, and the case deadlines due on the home screen."""
        from ui.case_page import CaseDueBanner, CasePage

        self.cases = CasePage(workspace, self.runner)
        self.pages.addWidget(self.cases)
        self.cases.back_requested.connect(self.show_home)
        self.cases.ledger_requested.connect(lambda: self.show_ledger())
        self.ledger.case_requested.connect(self.show_cases)
        self.case_banner = CaseDueBanner(workspace)
        self.home.layout().insertWidget(2, self.case_banner)  # type: ignore[union-attr]
        self.case_banner.open_requested.connect(self.show_cases)
        self.case_banner.inspection_requested.connect(self.open_inspection)

    def show_cases(self, case_id: str = "") -> None:
        """The 案件 screen; ``case_id``: with that case chosen."""
        if case_id:
            self.cases.show_case(case_id)
        else:
            self.cases.reload()
        self.pages.setCurrentWidget(self.cases)
        self.cases.table.setFocus()

    def _open_new(self, inspection_id: str) -> None:
        self.open_inspection(inspection_id)

    def show_ledger(self, due: bool = False) -> None:
        self.ledger.reload()
        if due:
            self.ledger.due.setCurrentIndex(self.ledger.due.findData(7))
        self.pages.setCurrentWidget(self.ledger)
        self.ledger.table.setFocus()

    def make_report(self) -> None:
        self.show_ledger()
        self.ledger.make_report()

    def _waits_for_workspace(self, action: QAction) -> QAction:
        action.setEnabled(False)
        self._needs_workspace.append(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        new = self._waits_for_workspace(QAction(self.tr("新建检查…"), self))
        _shortcut(new, QKeySequence(QKeySequence.StandardKey.New))
        new.triggered.connect(self.new_inspection)
        file_menu.addAction(new)
        registry = self._waits_for_workspace(QAction(self.tr("导入机构名录…"), self))
        registry.triggered.connect(self.import_registry)
        file_menu.addAction(registry)
        keys = self._waits_for_workspace(QAction(self.tr("数字签名密钥…"), self))
        keys.triggered.connect(self.manage_keys)
        file_menu.addAction(keys)
        who = self._waits_for_workspace(QAction(self.tr("切换当前检查人员…"), self))
        who.triggered.connect(self.choose_inspector)
        file_menu.addAction(who)
        report = self._waits_for_workspace(QAction(self.tr("情况报告…"), self))
        report.triggered.connect(self.make_report)
        file_menu.addAction(report)
        verify = self._waits_for_workspace(QAction(self.tr("验证记录文件…"), self))
        verify.triggered.connect(self.verify_record_file)
        file_menu.addAction(verify)
        file_menu.addSeparator()
        export_bundle = self._waits_for_workspace(QAction(self.tr("导出交接包…"), self))
        export_bundle.triggered.connect(self.export_bundle)
        file_menu.addAction(export_bundle)
        import_bundle = self._waits_for_workspace(QAction(self.tr("导入交接包…"), self))
        import_bundle.triggered.connect(self.import_bundle)
        file_menu.addAction(import_bundle)
        conflicts = self._waits_for_workspace(QAction(self.tr("交接冲突…"), self))
        conflicts.triggered.connect(self.bundle_conflicts)
        file_menu.addAction(conflicts)
        sync = self._waits_for_workspace(QAction(self.tr("同步…"), self))
        sync.triggered.connect(self.sync)
        file_menu.addAction(sync)
        # Enabled by attach for an encrypted data directory only (a plain one has no key).
        self.lock_action = QAction(self.tr("锁定"), self)
        self.lock_action.setEnabled(False)
        _shortcut(self.lock_action, QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        file_menu.addAction(self.lock_action)
        self.lock_time_action = QAction(self.tr("自动锁定时间…"), self)
        self.lock_time_action.setEnabled(False)
        self.encrypt_action = QAction(self.tr("加密本机数据…"), self)
        self.encrypt_action.setEnabled(False)
        self.encrypt_action.triggered.connect(self.encrypt_data)
        file_menu.addAction(self.encrypt_action)
        self.lock_time_action.triggered.connect(self.choose_lock_minutes)
        file_menu.addAction(self.lock_time_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        _shortcut(quit_action, QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        plan_menu = menu.addMenu(self.tr("计划(&P)"))
        draw = self._waits_for_workspace(QAction(self.tr("双随机抽查…"), self))
        draw.triggered.connect(self.plan_draw)
        plan_menu.addAction(draw)
        claims = self._waits_for_workspace(QAction(self.tr("结算数据抽样…"), self))
        claims.triggered.connect(self.sample_claims)
        plan_menu.addAction(claims)
        leads = self._waits_for_workspace(QAction(self.tr("线索与疑点…"), self))
        leads.triggered.connect(self.verify_leads)
        plan_menu.addAction(leads)
        stock = self._waits_for_workspace(QAction(self.tr("进销存核对…"), self))
        stock.triggered.connect(self.reconcile_stock)
        plan_menu.addAction(stock)
        trace = self._waits_for_workspace(QAction(self.tr("追溯码扫码核查…"), self))
        trace.triggered.connect(self.sweep_trace_codes)
        plan_menu.addAction(trace)

        view_menu = menu.addMenu(self.tr("查看(&V)"))
        home = self._waits_for_workspace(QAction(self.tr("检查列表"), self))
        _shortcut(home, QKeySequence("Ctrl+H"))
        home.triggered.connect(self.show_home)
        view_menu.addAction(home)
        ledger = self._waits_for_workspace(QAction(self.tr("问题台账"), self))
        _shortcut(ledger, QKeySequence("Ctrl+T"))
        ledger.triggered.connect(lambda: self.show_ledger())
        view_menu.addAction(ledger)
        cases = self._waits_for_workspace(QAction(self.tr("案件"), self))
        _shortcut(cases, QKeySequence("Ctrl+J"))
        cases.triggered.connect(lambda: self.show_cases())
        view_menu.addAction(cases)
        language = view_menu.addMenu(self.tr("语言 / Language"))
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = self._waits_for_workspace(QAction(label, self))
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            language.addAction(action)

        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        keys = QAction(self.tr("快捷键"), self)
        keys.triggered.connect(self.show_keys)
        help_menu.addAction(keys)
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- navigation ----------------------------------------------------------------------

    def show_home(self) -> None:
        if self._home_stale:
            self.home.reload()
            self._home_stale = False
        self.due_banner.refresh()
        self.case_banner.refresh()
        self.pages.setCurrentWidget(self.home)
        self.home.table.setFocus()

    def open_inspection(
        self, inspection_id: str, failure: Callable[[str], None] | None = None
    ) -> None:
        """The checklist of an inspection: read on the database executor, shown when it
        arrives (the checklist page's ``loaded``). ``failure``: instead of a message box when it
        cannot be read."""
        if not self.attached:  # the early list: opened once the core is in (attach)
            self._pending_open = inspection_id
            return
        self._opening = inspection_id

        def failed(message: str) -> None:
            if self._opening == inspection_id:
                self._opening = None
            if failure is not None:
                failure(message)
            else:
                QMessageBox.warning(self, self.tr("无法打开检查"), message)

        self.checklist.load(inspection_id, failure=failed)

    def _checklist_loaded(self, inspection_id: str) -> None:
        if inspection_id != self._opening:
            return  # the page shown read again (after a change), not one being opened
        self._opening = None
        self.pages.setCurrentWidget(self.checklist)
        self.checklist.tree.setFocus()
        self.saver.submit(
            LAST_INSPECTION,
            lambda: self.workspace.db.set_setting(LAST_INSPECTION, inspection_id),
            _nothing_shown(),  # the UI's own state
        )

    def reopen_last(self) -> bool:
        """After a restart (or a crash), go back to the inspection that was open (its id, then
        the inspection, read on the database executor). True when it is known to be open
        already: one opened from the early list, or the executor inline (as in tests)."""
        from ui.ops import ops

        if self.pages.currentWidget() is self.checklist or self._opening:
            return True  # one was opened from the early list meanwhile: that one wins

        def reopen(last: str | None) -> None:
            if not last or self.pages.currentWidget() is self.checklist or self._opening:
                return  # nothing kept, or one was opened meanwhile: that one wins
            # Deleted or unreadable: start at home instead, without a word.
            self.open_inspection(last, failure=lambda _message: None)

        ws = self.workspace
        ops().query(lambda: ws.db.setting(LAST_INSPECTION), parent=self, success=reopen)
        return self.pages.currentWidget() is self.checklist

    def _on_changes(self, changes: OpChanges, _initiator: object) -> None:
        """The home list refreshes from the app's one signal of changes: at once when it is
        shown, else when it is shown next."""
        if not changes.home_list:
            return
        if self.pages.currentWidget() is self.home:
            self.home.reload()
            self._home_stale = False
        else:
            self._home_stale = True

    def new_inspection(self) -> None:
        from ui.new_inspection import NewInspectionDialog

        dialog = NewInspectionDialog(self.workspace, self)
        if dialog.exec() and dialog.created_id:
            self.home.reload()
            self.open_inspection(dialog.created_id)

    def import_registry(self) -> None:
        from ui.registry_dialog import RegistryImportDialog

        dialog = RegistryImportDialog(self.workspace, self.runner, self)
        dialog.exec()

    def plan_draw(self) -> None:
        """The 双随机 draw; the visits it plans appear on the home list."""
        from ui.plan_dialog import PlanDialog

        dialog = PlanDialog(self.workspace, self)
        dialog.exec()
        if self.pages.currentWidget() is self.home:
            self.show_home()

    def _chosen_inspection(self) -> str | None:
        """The inspection open on the checklist page, else the one selected on the home list."""
        if self.pages.currentWidget() is self.checklist and self.checklist.view is not None:
            return self.checklist.inspection_id
        from PySide6.QtCore import Qt

        index = self.home.table.currentIndex()
        if index.isValid():
            return self.home.model.data(index, Qt.ItemDataRole.UserRole)
        return None

    def sample_claims(self) -> None:
        """Claims sampling for the open (or selected) inspection."""
        from ui.claims_dialog import ClaimsDialog

        inspection_id = self._chosen_inspection()
        if inspection_id is None:
            QMessageBox.information(
                self, self.tr("结算数据抽样"), self.tr("请先在检查列表中选中或打开一项检查。")
            )
            return
        # The institution's name, for the title, is read by the dialog on the database executor.
        dialog = ClaimsDialog(self.workspace, self.runner, inspection_id, None, self)
        dialog.exec()

    def verify_leads(self) -> None:
        """线索与疑点 for the open (or selected) inspection."""
        from ui.leads_dialog import LeadsDialog

        inspection_id = self._chosen_inspection()
        if inspection_id is None:
            QMessageBox.information(
                self, self.tr("线索与疑点"), self.tr("请先在检查列表中选中或打开一项检查。")
            )
            return
        dialog = LeadsDialog(self.workspace, self.runner, inspection_id, None, self)
        dialog.exec()

    def reconcile_stock(self) -> None:
        """进销存核对 for the open (or selected) inspection; the table goes on P6.5."""
        from ui.stock_dialog import StockDialog

        inspection_id = self._chosen_inspection()
        if inspection_id is None:
            QMessageBox.information(
                self, self.tr("进销存核对"), self.tr("请先在检查列表中选中或打开一项检查。")
            )
            return
        dialog = StockDialog(self.workspace, self.runner, inspection_id, self)
        dialog.exec()
        if self.pages.currentWidget() is self.checklist and self.checklist.view is not None:
            self.checklist.load(self.checklist.view.id)  # the answer and evidence of P6.5

    def sweep_trace_codes(self) -> None:
        """The 追溯码 sweep for the open (or selected) inspection; its log and hits go on P6.5."""
        from ui.trace_dialog import TraceDialog

        inspection_id = self._chosen_inspection()
        if inspection_id is None:
            QMessageBox.information(
                self, self.tr("追溯码扫码核查"), self.tr("请先在检查列表中选中或打开一项检查。")
            )
            return
        dialog = TraceDialog(self.workspace, self.runner, inspection_id, self)
        dialog.exec()
        if self.pages.currentWidget() is self.checklist and self.checklist.view is not None:
            self.checklist.load(self.checklist.view.id)  # the answer and evidence of P6.5

    def open_record(self, inspection_id: str) -> None:
        """The record: preview, make or update it, sign, print."""
        from ui.record_dialog import RecordDialog

        self.saver.flush()
        dialog = RecordDialog(self.workspace, self.runner, inspection_id, self)
        dialog.signatures_requested.connect(lambda id_: self.open_signing(id_, dialog))
        amendment: list[str] = []
        dialog.amended.connect(amendment.append)
        dialog.exec()
        if amendment:
            self.open_inspection(amendment[0])
            return
        if self.pages.currentWidget() is self.checklist and self.checklist.view is not None:
            self.checklist.load(self.checklist.view.id, at=self.checklist.current)

    def open_signing(self, inspection_id: str, record_dialog: QWidget | None = None) -> None:
        from ui.signing_dialog import SigningDialog

        dialog = SigningDialog(self.workspace, self.runner, inspection_id, self)
        dialog.exec()
        if record_dialog is not None and hasattr(record_dialog, "refresh"):
            record_dialog.refresh()

    def show_current_inspector(self) -> None:
        """Who is working, read on the database executor, shown in the status bar."""
        from inspector.inspections import current_inspector
        from ui.current_inspector import describe
        from ui.ops import ops

        def show(person: KnownInspector | None) -> None:
            self.who.setText(
                arg(self.tr("当前检查人员：%1"), describe(person))
                if person is not None
                else self.tr("未选择当前检查人员")
            )

        ws = self.workspace
        ops().query(lambda: current_inspector(ws), parent=self, success=show)

    def choose_inspector(self) -> bool:
        """Ask who is working; True when someone was chosen."""
        from ui.current_inspector import CurrentInspectorDialog

        dialog = CurrentInspectorDialog(self.workspace, self)
        chosen = dialog.exec() == CurrentInspectorDialog.DialogCode.Accepted
        self.show_current_inspector()
        return chosen

    def manage_keys(self) -> None:
        from inspector.signing.keystore import KeyStore
        from ui.keys_dialog import KeysDialog

        KeysDialog(KeyStore.of(self.workspace), self, workspace=self.workspace).exec()

    def export_bundle(self) -> None:
        """A hand-over bundle of everything, or of the inspection open on screen."""
        from ui.bundle_dialog import BundleExportDialog

        self.saver.flush()
        showing = self.pages.currentWidget() is self.checklist and self.checklist.view is not None
        current = self.checklist.inspection_id if showing else None
        BundleExportDialog(self.workspace, self.runner, current, self).exec()

    def sync(self) -> None:
        """Push to the bureau's central server (and enroll, pull) with progress."""
        from ui.sync_dialog import SyncDialog

        self.saver.flush()
        SyncDialog(self.workspace, self.runner, self).exec()

    def import_bundle(self) -> None:
        from ui.bundle_dialog import BundleImportDialog

        self.saver.flush()
        dialog = BundleImportDialog(self.workspace, self.runner, self)
        dialog.imported.connect(lambda _result: self._after_import())
        dialog.exec()

    def bundle_conflicts(self) -> None:
        from ui.bundle_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.workspace, self)
        dialog.settled.connect(lambda _view: self._after_import())
        dialog.exec()

    def _after_import(self) -> None:
        self.home.reload()
        if self.pages.currentWidget() is self.checklist and self.checklist.view is not None:
            self.checklist.load(self.checklist.inspection_id)

    def verify_record_file(self) -> None:
        from ui.trust_dialog import VerifyDialog

        VerifyDialog(self.workspace, self.runner, self).exec()

    # --- the lock (encrypted data directories) ---------------------------------------------

    def _start_lock(self) -> None:
        if not self.workspace.encrypted:
            return
        from ui.lock import DEFAULT_LOCK_MINUTES, LOCK_MINUTES, IdleLock
        from ui.ops import ops

        # The default until the setting is read on the database executor (a few ms).
        self.lock_minutes = DEFAULT_LOCK_MINUTES
        self.idle = IdleLock(DEFAULT_LOCK_MINUTES, self)
        self.idle.idle.connect(self.lock_now)
        self.lock_action.setEnabled(True)
        self.lock_time_action.setEnabled(True)
        self.encrypt_action.setEnabled(False)
        ws = self.workspace
        ops().query(
            lambda: _minutes(ws.db.setting(LOCK_MINUTES), DEFAULT_LOCK_MINUTES),
            parent=self,
            success=self._lock_after,
        )

    def _lock_after(self, minutes: int) -> None:
        self.lock_minutes = minutes
        if self.idle is not None:
            self.idle.set_minutes(minutes)

    def encrypt_data(self) -> None:
        """Offer ``home encrypt`` for a plain data directory: the copy is made, verified and
        switched on the task runner; the window goes on over the encrypted directory."""
        from ui.lock import EncryptDialog

        if self.workspace.encrypted:
            return
        dialog = EncryptDialog(self.workspace.home.root, self.workspace.actor, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen_passphrase is None:
            return
        holder, passphrase = dialog.holder or "", dialog.chosen_passphrase
        dialog.chosen_passphrase = None
        self.start_encryption(holder, passphrase)

    def start_encryption(self, holder: str, passphrase: str) -> None:
        self.saver.flush()
        self.runner.wait()

        def done(_result: object) -> None:
            self._start_lock()
            self.statusBar().showMessage(self.tr("本机数据已加密"), 15000)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("加密本机数据"),
                self.tr(
                    "本机数据已加密，明文文件已删除。此后每次启动和锁定后需输入口令。\n"
                    "提示：删除文件不会擦除磁盘上的旧数据块；建议同时清除磁盘空闲空间。"
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            from PySide6.QtCore import Qt

            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec: the window goes on at once
            self.encrypted_notice = box

        self.runner.run(
            lambda reporter: self.workspace.encrypt(holder, passphrase, reporter),
            on_success=done,
            on_failure=lambda message: QMessageBox.warning(
                self, self.tr("未能加密本机数据"), message
            ),
            progress_parent=self,
            label=self.tr("正在加密本机数据…"),
        )

    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def lock_now(self) -> None:
        """Save what was typed, close the database and forget the keys; hide what is on the
        screen (the pages and any open dialog keep their contents) until the passphrase is
        given again. Reopens exactly where it was: nothing is rebuilt."""
        if not self.attached or not self.workspace.encrypted or self.is_locked:
            return
        from ui.lock import Curtain, SignInDialog

        self.saver.flush()  # every answer and note typed so far is on disk
        self.runner.wait()  # a record being built finishes first: it needs the keys
        self.saver.flush()
        holder = self.workspace.actor
        self.workspace.lock()
        if self.idle is not None:
            self.idle.pause()
        # The window's pages are covered; other windows (an open dialog) covered
        # without closing them (hiding a dialog would end it and lose what it holds).
        from PySide6.QtCore import Qt

        self._locked_page = QLabel(self.tr("已锁定"))
        self._locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._before_lock = self.pages.currentWidget()
        self.pages.addWidget(self._locked_page)
        self.pages.setCurrentWidget(self._locked_page)
        self.menuBar().setEnabled(False)
        app = QApplication.instance()
        others = [
            w
            for w in (app.topLevelWidgets() if isinstance(app, QApplication) else [])
            if w is not self and w.isVisible()
        ]
        self._locked_curtains = [(w, Curtain(w)) for w in others]
        for widget, _curtain in self._locked_curtains:
            widget.setEnabled(False)
        dialog = SignInDialog(self.workspace.home.root, self, holder=holder, unlocking=True)
        dialog.setModal(True)
        self.lock_dialog = dialog
        dialog.finished.connect(self._lock_dialog_done)
        dialog.open()

    def _lock_dialog_done(self, result: int) -> None:
        from ui.lock import SignInDialog

        dialog = self.lock_dialog
        assert isinstance(dialog, SignInDialog)
        if result != QDialog.DialogCode.Accepted or dialog.keys is None:
            # 退出 while locked: everything typed was saved before the lock.
            self.lock_dialog = None
            dialog.deleteLater()
            self.close()
            QApplication.quit()
            return
        self.workspace.unlock(dialog.keys)
        if dialog.holder and dialog.holder != self.workspace.actor:
            self.sign_in_as(dialog.holder)
        self.lock_dialog = None
        dialog.deleteLater()
        for widget, curtain in self._locked_curtains:
            curtain.lift()
            widget.setEnabled(True)
        self._locked_curtains = []
        self.pages.setCurrentWidget(self._before_lock)
        self.pages.removeWidget(self._locked_page)
        self._locked_page.deleteLater()
        self.menuBar().setEnabled(True)
        if self.idle is not None:
            self.idle.resume()
        self.unlocked.emit()

    def sign_in_as(self, holder: str) -> None:
        from inspector.inspections import set_current_inspector
        from ui.ops import OpChanges, ops

        def refused(_message: str) -> None:  # not yet an inspector in the database: ask
            self.choose_inspector()
            self.show_current_inspector()

        ws = self.workspace
        ops().mutate(
            lambda: set_current_inspector(ws, holder),
            OpChanges(settings=True),
            parent=self,
            success=lambda _person: self.show_current_inspector(),
            failure=refused,
        )

    def choose_lock_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ui.lock import DEFAULT_LOCK_MINUTES

        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("自动锁定时间"),
            self.tr("无操作多少分钟后自动锁定："),
            int(self.lock_minutes or DEFAULT_LOCK_MINUTES),
            1,
            240,
        )
        if ok:
            self.set_lock_minutes(minutes)

    def set_lock_minutes(self, minutes: int) -> None:
        from inspector.inspections import change_setting
        from ui.lock import LOCK_MINUTES
        from ui.ops import OpChanges, ops

        def done(_result: object) -> None:
            self.lock_minutes = minutes
            if self.idle is not None:
                self.idle.set_minutes(minutes)

        ws = self.workspace
        ops().mutate(
            # Audited: a security choice.
            lambda: change_setting(ws, LOCK_MINUTES, str(minutes)),
            OpChanges(settings=True),
            parent=self,
            success=done,
            failure=lambda message: QMessageBox.warning(self, self.tr("自动锁定时间"), message),
        )

    def show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("快捷键"),
            self.tr(
                "Ctrl+1 符合　Ctrl+2 发现问题　Ctrl+3 不适用　Ctrl+4 未检查\n"
                "（在左侧列表中直接按 1-4）\n"
                "Alt+↓ / Alt+↑　下一项 / 上一项\n"
                "F8　下一个未检查的条目\n"
                "Ctrl+Z / Ctrl+Y　撤销 / 重做\n"
                "Ctrl+N　新建检查　Ctrl+H　检查列表　Ctrl+T　问题台账　Ctrl+J　案件　Ctrl+L　锁定"
            ),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于 Inspector"),
            arg(
                self.tr("医保基金现场检查 Inspector %1\n数据目录：%2"),
                __version__,
                self.data_root or "",
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.attached and self.idle is not None:
            self.idle.stop()
        if self.attached and self.is_locked:
            super().closeEvent(event)  # saved before the lock; the database is closed
            return
        if self.attached:
            self.saver.close()
            self.runner.wait()
        super().closeEvent(event)
