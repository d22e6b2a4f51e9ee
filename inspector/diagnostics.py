"""What is kept when something goes wrong: a rotating log in the data directory
(``logs/inspector.log``, 1 MB × 4 files) that the app and the command line set up; core modules
log through ``logging.getLogger(__name__)``.

What the log holds. Ids and actions only (an inspection's id, an item's code, the name of an
action), never names, notes, institutions or file names: it is meant to be sent to whoever
looks into a problem without being read first. So:

- only our own loggers (``inspector``, ``ui``) write to it: libraries log what they handle
  (pyHanko a certificate's subject, that is a person's name);
- a traceback is written as its frames (file, line, function, the line of code) and each
  exception's type, SQLite's error name and a core error's message id (its template, without
  the values): an exception's message may quote data ("invalid literal for int(): '张伟'").
  The crash dialog shows the full text on the screen, for the user to copy or not;
- file paths are cut to the part inside the program (a user's folder can carry their name).

An encrypted data directory (``vault.json``) keeps no plain log of actions: even ids and times
tell who worked on what, and its promise is that nothing readable about the work stays on the
disk. Only crash entries (frames, as above: code, not data) are written there, so that a crash
still leaves something to report. ``home encrypt`` deletes the plain log it leaves behind
(inspector/crypto/home.py).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Iterator
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from inspector.paths import DataDir

LOG_DIR = "logs"
LOG_FILE = "inspector.log"
MAX_BYTES = 1 << 20
BACKUPS = 3
OURS = ("inspector", "ui")  # the loggers that write to the file (see the module docstring)
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
# The part of a frame's path kept: from the first of these folders on.
_ROOTS = ("inspector", "ui", "site-packages", "lib")

ENV_LOG = "INSPECTOR_LOG"
CRASH = "crash"  # the LogRecord attribute that marks a crash entry (kept in encrypted dirs too)


def log_path(data_dir: DataDir) -> Path:
    return data_dir.root / LOG_DIR / LOG_FILE


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for index, part in enumerate(parts):
        if part in _ROOTS:
            return "/".join(parts[index:])
    return parts[-1] if parts else filename


def _describe(error: BaseException) -> str:
    """The exception's type and what of it carries no data: SQLite's error name, a core
    error's message id."""
    kind = type(error)
    text = kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"
    original = getattr(error, "orig", None) or error
    name = getattr(original, "sqlite_errorname", None)
    if isinstance(name, str):
        text += f" [{name}]"
    template = getattr(error, "template", None)
    if isinstance(template, str) and template:
        text += f" «{template}»"
    return text


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The exceptions that led to ``error``, first cause first."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        cause = current.__cause__
        current = (
            cause if cause is not None or current.__suppress_context__ else current.__context__
        )
    return reversed(chain)


def frames_only(error: BaseException) -> str:
    """A traceback without messages or locals (see the module docstring)."""
    lines: list[str] = []
    for index, link in enumerate(_chain(error)):
        if index:
            lines.append("During or because of it:")
        lines.append("Traceback (frames only):")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(_describe(link))
    return "\n".join(lines)


def full_report(error: BaseException) -> str:
    """The whole traceback, messages included: for the crash dialog, on the user's screen."""
    from inspector import __version__

    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"Inspector {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n\n{text}"


class SafeFormatter(logging.Formatter):
    """Writes an exception as :func:`frames_only` (also a ``log.exception`` anywhere)."""

    def formatException(  # noqa: N802  (logging's name)
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        error = ei[1]
        return frames_only(error) if error is not None else ""

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return ""  # a stack's lines are code too, but not needed: keep the log short


class _Handler(RotatingFileHandler):
    """Ours, so that a second set-up replaces it (the app's tests open many directories)."""

    def __init__(self, data_dir: DataDir) -> None:
        path = log_path(data_dir)
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self.data_dir = data_dir
        self.setFormatter(SafeFormatter(FORMAT))
        self.addFilter(self._keep)

    def _open(self) -> TextIOWrapper:
        # The folder at the first entry: a command that logs nothing makes no directory.
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        pass  # a full or read-only disk: the entry is lost, the program's output stays clean

    def _keep(self, record: logging.LogRecord) -> bool:
        # Asked on each entry: a directory encrypted while the app runs keeps no more actions.
        return bool(getattr(record, CRASH, False)) or not self.data_dir.encrypted


def setup_logging(data_dir: DataDir, level: int = logging.INFO) -> Path | None:
    """The data directory's log for our loggers; None when switched off (``INSPECTOR_LOG=off``:
    the test suite, whose checks compare whole data directories) or when it cannot be made (an
    entry that cannot be written is dropped: the program works on without its log)."""
    stop_logging()
    if os.environ.get(ENV_LOG, "").lower() == "off":
        return None
    try:
        handler = _Handler(data_dir)
    except OSError:
        return None
    for name in OURS:
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
    return Path(handler.baseFilename)


def stop_logging() -> None:
    for name in OURS:
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, _Handler)]:
            logger.removeHandler(handler)
            handler.close()


def drop_plain_log(root: Path) -> None:
    """A directory just encrypted: its plain log goes (see the module docstring)."""
    for name in OURS:
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, _Handler) and handler.data_dir.root == root:
                handler.close()  # reopened by the next crash entry, if any
    folder = root / LOG_DIR
    for path in folder.glob(f"{LOG_FILE}*") if folder.is_dir() else ():
        path.unlink(missing_ok=True)


def log_crash(logger: logging.Logger, what: str, error: BaseException) -> None:
    """A crash entry: kept in every data directory, encrypted or not."""
    logger.error(
        "%s", what, exc_info=(type(error), error, error.__traceback__), extra={CRASH: True}
    )
