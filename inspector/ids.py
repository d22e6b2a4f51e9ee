"""Ids typed by a user: the whole id or its first characters, found the same way everywhere.

Every command, dialog and the office site that takes an id from a person goes through
:func:`resolve_prefix` (a table), :func:`pick` (a list already in memory) or
:func:`prefix_filter` (a filter that may match many rows). The text is stripped and
lower-cased (every id here is lower-case hex, uuids with their hyphens); a character outside
the id's alphabet is "not found" at once, so no LIKE wildcard (``%``, ``_``) ever reaches SQL,
and the prefix is escaped as well. An ambiguous prefix names a few of its candidates, each
with what tells it apart (the institution, the interviewee, …)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select

from inspector.errors import InvalidInput, NotFound, Term

T = TypeVar("T")

HEX = frozenset("0123456789abcdef")
UUID = HEX | {"-"}  # str(uuid.uuid4()): hex digits and hyphens
# A laptop's ids are UUIDs, but a data directory made by an older version may hold others: any
# ASCII letter or digit and the hyphen are looked up (escaped), never a LIKE wildcard.
LOCAL = UUID | frozenset("ghijklmnopqrstuvwxyz")
SHOWN = 5  # candidates named when a prefix is ambiguous
SHORTEST_SHOWN = 8  # characters of a candidate's id shown at least (what the lists print)

NOT_FOUND = "没有编号为 {text} 的{what}"
TOO_SHORT = "{what}编号至少需要 {count} 个字符"
AMBIGUOUS = "编号 {text} 对应多个{what}，请多写几位：{candidates}"


@dataclass(frozen=True)
class IdKind:
    """What an id names and how much of it a person must type."""

    what: Term  # 检查, 证据, … (filled into the messages, translated by the UI)
    min_length: int = 4
    alphabet: frozenset[str] = LOCAL
    # Characters people write inside an id that it does not hold (a fingerprint's colons).
    ignored: str = ""
    not_found: str = NOT_FOUND  # a template with {text} (and {what})
    too_short: str = TOO_SHORT  # a template with {count} (and {what})
    # Besides its id, what tells one candidate from another in an ambiguity message.
    describe: Callable[[Any], str] | None = None


def _when(value: Any) -> str:
    return f"{value:%Y-%m-%d}" if value is not None else "—"


INSPECTION = IdKind(Term("检查"), describe=lambda r: f"{r.institution.name}，{r.district}")
CONFLICT = IdKind(Term("冲突"), describe=lambda r: str(r.label))
LEDGER_ENTRY = IdKind(
    Term("台账问题"), describe=lambda r: f"{r.institution_name}，{r.item_code} {r.item_title}"
)
CASE = IdKind(Term("案件"), describe=lambda r: f"{r.party_name}，{r.summary}")
CASE_MEASURE = IdKind(Term("处理措施"), describe=lambda r: str(r.kind))
ORDER = IdKind(Term("整改通知书"), describe=lambda r: str(r.order_no))
CASE_DOCUMENT = IdKind(Term("案件文书"), describe=lambda r: f"{r.title} {r.doc_no or ''}".strip())
INTERVIEW = IdKind(Term("询问笔录"), describe=lambda r: str(r.interviewee_name))
EVENT = IdKind(Term("操作记录"), describe=lambda r: f"{r.action}，{_when(r.at)}")
EVIDENCE = IdKind(Term("证据"), describe=lambda r: str(r.original_name))
DRAW = IdKind(Term("抽查"), describe=lambda r: _when(r.created_at))
KEY = IdKind(Term("密钥"), alphabet=HEX, describe=lambda info: str(info.name))
# A certificate on the trust list, by the hex digits of its SHA-256 fingerprint.
TRUSTED_CERTIFICATE = IdKind(
    Term("证书"),
    min_length=6,
    alphabet=HEX,
    ignored=":",
    not_found="信任列表中没有指纹为 {text} 的证书",
    too_short="请给出证书指纹（SHA-256）的至少前 {count} 位",
    describe=lambda r: str(r.subject),
)
# The central server: ids reach it in URLs too, so a prefix must say more.
SERVER_INSPECTION = IdKind(
    Term("检查"),
    min_length=8,
    alphabet=UUID,
    not_found="服务器上没有这次检查：{text}",
    describe=lambda r: f"{r.institution}，{r.district}",
)
DEVICE = IdKind(
    Term("设备"),
    min_length=8,
    alphabet=HEX,  # the SHA-256 fingerprint of the device's certificate
    not_found="没有这台设备（或已吊销）：{text}",
    describe=lambda r: str(r.district),
)


def clean(text: str, kind: IdKind, *, short_ok: bool = False) -> str:
    """The prefix to look for: stripped, lower-cased, only the id's own characters."""
    shown = text.strip()
    prefix = shown.lower()
    for char in kind.ignored:
        prefix = prefix.replace(char, "")
    if not prefix or not set(prefix) <= kind.alphabet:
        raise NotFound(kind.not_found, text=shown, what=kind.what)
    if len(prefix) < kind.min_length and not short_ok:
        raise InvalidInput(kind.too_short, what=kind.what, count=kind.min_length)
    return prefix


def resolve_prefix(
    session: Any,
    column: Any,
    text: str,
    kind: IdKind,
    *,
    where: Sequence[ColumnElement[bool]] = (),
) -> Any:
    """The one row whose ``column`` starts with ``text``, among those ``where`` admits.

    ``column`` is a mapped attribute (``Inspection.id``, an ORM session: the entity) or a
    Core column (``devices.c.id``, a connection: the row)."""
    prefix = clean(text, kind)
    owner = getattr(column, "class_", None)  # a mapped attribute's class
    query = (
        select(owner if owner is not None else column.table)
        .where(column.startswith(prefix, autoescape=True), *where)
        .order_by(column)
        .limit(SHOWN + 1)
    )
    found = list(session.scalars(query) if owner is not None else session.execute(query))
    return _one(found, text, kind, lambda row: str(getattr(row, column.key)))


def pick(items: Iterable[T], text: str, kind: IdKind, id_of: Callable[[T], str]) -> T:
    """The one of ``items`` whose id starts with ``text``."""
    prefix = clean(text, kind)
    found = sorted((item for item in items if id_of(item).startswith(prefix)), key=id_of)
    return _one(found, text, kind, id_of)


def prefix_filter(column: Any, text: str, kind: IdKind) -> ColumnElement[bool]:
    """A condition on ``column`` for the rows whose id starts with ``text`` (a filter: it may
    match many, and a short prefix is allowed)."""
    return column.startswith(clean(text, kind, short_ok=True), autoescape=True)


def _one(found: list[T], text: str, kind: IdKind, id_of: Callable[[T], str]) -> T:
    if not found:
        raise NotFound(kind.not_found, text=text.strip(), what=kind.what)
    if len(found) > 1:
        raise InvalidInput(
            AMBIGUOUS, text=text.strip(), what=kind.what, candidates=_candidates(found, kind, id_of)
        )
    return found[0]


def _candidates(found: list[T], kind: IdKind, id_of: Callable[[T], str]) -> str:
    """A few candidates, each by the shortest start of its id that tells it apart."""
    shown = found[:SHOWN]
    ids = [id_of(item) for item in shown]
    width = SHORTEST_SHOWN
    while width < max(len(i) for i in ids) and len({i[:width] for i in ids}) < len(ids):
        width += 4
    parts = [
        f"{i[:width]}（{kind.describe(item)}）" if kind.describe else i[:width]
        for i, item in zip(ids, shown, strict=True)
    ]
    return "、".join(parts) + ("…" if len(found) > SHOWN else "")
