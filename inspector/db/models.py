"""The stored domain. Every entity has a UUID and the device that made it, so that the records of
many laptops can be merged at the office without clashing keys."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from inspector.db.enums import InspectionStatus, MemberRole, Result


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


# Ids from natural keys: the same person or hospital gets the same id on every laptop, so
# records merge without renaming. Fixed for ever: changing it would re-key every database.
NAMESPACE = uuid.UUID("6f1c2d3e-8b7a-5c4d-9e0f-1a2b3c4d5e6f")


def natural_id(kind: str, *parts: str) -> str:
    """uuid5 of ``kind`` and the key's parts (stripped), under :data:`NAMESPACE`."""
    key = "\x1f".join([kind, *(part.strip() for part in parts)])
    return str(uuid.uuid5(NAMESPACE, key))


def inspector_id(cert_no: str) -> str:
    """An inspector's id from the 执法证号."""
    return natural_id("inspector", cert_no)


def institution_id(agreement_no: str | None, name: str, district: str) -> str:
    """An institution's id from its agreement number (协议编号), else name and district."""
    if agreement_no and agreement_no.strip():
        return natural_id("institution-agreement", agreement_no)
    return natural_id("institution", name, district)


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC (SQLite has no time zones), always handed out as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# Constraint names stable across databases, so that migrations can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Synced:
    """Columns every merged entity carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The last change (inspector/audit.py): the device that made it and that device's audit
    # event number, so that sync can tell which laptop changed a row last and the log says why.
    change_device_id: Mapped[str | None] = mapped_column(String(36))
    change_seq: Mapped[int | None] = mapped_column(Integer)


def _enum(cls: type[enum.StrEnum]) -> Enum:
    # Store the values ("ok"), not the names ("OK"); a CHECK keeps stray strings out.
    return Enum(
        cls,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=True,
        length=32,
        name=cls.__name__.lower(),
    )


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DocumentNumber(Base):
    """A document number (文号) this laptop gave out: one row each, never changed or removed
    (triggers), so that no number is given twice (inspector/bureaus.py)."""

    __tablename__ = "document_numbers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bureau: Mapped[str] = mapped_column(String(100))  # the bureau's name
    kind: Mapped[str] = mapped_column(String(32))  # record, interview, order
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100))
    subject_id: Mapped[str] = mapped_column(String(36))  # the inspection, interview or order
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("bureau", "kind", "year", "seq", name="uq_document_numbers_seq"),
        UniqueConstraint("bureau", "number", name="uq_document_numbers_number"),
    )


class Institution(Synced, Base):
    __tablename__ = "institutions"
    name: Mapped[str] = mapped_column(String(200))
    type_code: Mapped[str] = mapped_column(String(32))
    district: Mapped[str] = mapped_column(String(100))
    agreement_no: Mapped[str | None] = mapped_column(String(100))
    agreement_expiry: Mapped[date | None] = mapped_column(Date)
    level: Mapped[str | None] = mapped_column(String(50))
    # The 双随机 draw (seed 001: 风险等级和信用水平): weights in resources/planning/weights.yaml.
    risk_level: Mapped[str | None] = mapped_column(String(16))
    credit_rating: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_institutions_name_district", "name", "district"),
        Index("ix_institutions_agreement_no", "agreement_no"),
    )


class Inspector(Synced, Base):
    __tablename__ = "inspectors"
    name: Mapped[str] = mapped_column(String(100))
    # 执法证号: the enforcement certificate identifies an inspector across laptops.
    cert_no: Mapped[str] = mapped_column(String(64), unique=True)
    district: Mapped[str | None] = mapped_column(String(100))
    # On the roster for the 双随机 draw, and whether this inspector may lead a team.
    on_roster: Mapped[bool] = mapped_column(default=False, server_default="0")
    can_lead: Mapped[bool] = mapped_column(default=False, server_default="0")


class InspectorConflict(Synced, Base):
    """An inspector who must not inspect an institution (利害关系回避): kept out of its team."""

    __tablename__ = "inspector_conflicts"
    inspector_id: Mapped[str] = mapped_column(ForeignKey("inspectors.id"))
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"))
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (UniqueConstraint("inspector_id", "institution_id"),)


class Draw(Synced, Base):
    """A 双随机 draw: its published inputs (candidates, roster, sources, rules) as canonical
    JSON, their SHA-256, and the result, so that anyone can run it again (``draw verify``)."""

    __tablename__ = "draws"
    method: Mapped[str] = mapped_column(String(32))  # rfc3797 | sha256-weighted
    key: Mapped[str] = mapped_column(Text)  # the RFC 3797 key string of the sources
    inputs: Mapped[str] = mapped_column(Text)  # canonical JSON, as published
    inputs_sha256: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]]


class Inspection(Synced, Base):
    __tablename__ = "inspections"
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"))
    mode: Mapped[str] = mapped_column(String(32))
    status: Mapped[InspectionStatus] = mapped_column(
        _enum(InspectionStatus), default=InspectionStatus.DRAFT
    )
    district: Mapped[str] = mapped_column(String(100))  # the district inspected
    team_district: Mapped[str | None] = mapped_column(String(100))  # home district (交叉检查)
    place: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    focus: Mapped[list[Any]] = mapped_column(default=list)
    # The checklist as composed when the visit was planned: a later library update does not
    # change the items of a visit under way or of its record.
    snapshot_sha256: Mapped[str] = mapped_column(ForeignKey("checklist_snapshots.sha256"))
    # Kept beside the snapshot so that a list of inspections never reads the snapshot.
    item_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The party's opinion of the record (被检查单位意见) as given, and who gave it; the column
    # keeps its older name (陈述申辩 belongs to the case procedure, inspector/ledger/cases.py).
    party_statement: Mapped[str] = mapped_column(Text, default="", server_default="")
    party_representative: Mapped[str | None] = mapped_column(String(100))
    party_title: Mapped[str | None] = mapped_column(String(100))  # e.g. 院长, 负责人
    # The party as the record names it (migration 0014_record_party): 法定代表人/负责人, address,
    # phone and 统一社会信用代码, as shown on site (the registry does not hold them).
    party_legal_rep: Mapped[str | None] = mapped_column(String(100))
    party_address: Mapped[str | None] = mapped_column(String(300))
    party_phone: Mapped[str | None] = mapped_column(String(40))
    party_credit_code: Mapped[str | None] = mapped_column(String(18))
    # 记录人: the team member who writes the record (an inspector's id, uuid5 of the 执法证号).
    recorder_id: Mapped[str | None] = mapped_column(String(36))
    # The party was told of its right to ask for recusal (告知回避权利), and what it said.
    recusal_told: Mapped[bool] = mapped_column(default=False, server_default="0")
    recusal_reply: Mapped[str | None] = mapped_column(Text)
    # Inspectors of the inspected district kept on the team anyway, with the reason given:
    # [{"cert_no", "name", "district", "reason"}] (a cross-district check's recusal override).
    recusal_overrides: Mapped[list[Any]] = mapped_column(default=list)
    # Persons present for the party besides the one making the statement: [{"name", "title"}]
    # (migration 0018_signature_binding).
    party_present: Mapped[list[Any]] = mapped_column(default=list)
    # The law's minimums (migration 0020_legal_minimums, inspector/record/legal.py): a person
    # inspected (医师, 参保人员) is named by 身份证号, not a credit code; a 暗访 team's disclosure
    # time; each notice (告知) told, when and by whom (an inspector's id), with the party's answer.
    party_id_no: Mapped[str | None] = mapped_column(String(18))
    disclosed_at: Mapped[datetime | None]
    recusal_told_at: Mapped[datetime | None]
    recusal_told_by: Mapped[str | None] = mapped_column(String(36))
    duty_told_at: Mapped[datetime | None]  # 配合义务 (条例 art. 29)
    duty_told_by: Mapped[str | None] = mapped_column(String(36))
    duty_reply: Mapped[str | None] = mapped_column(Text)
    opinion_told_at: Mapped[datetime | None]  # the right to give its opinion of the record
    opinion_told_by: Mapped[str | None] = mapped_column(String(36))
    # Set when the first record is made; printed on every page of it.
    record_no: Mapped[str | None] = mapped_column(String(40))
    # The 执法主体 the visit is carried out in the name of (migration 0019_bureau_and_times): a
    # copy of the bureau as configured when named (inspector/bureaus.py), so that a later
    # change of the settings does not change what its documents say.
    bureau: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    # The team entered the start and end of the visit (检查时间); the clock no longer sets them.
    times_entered: Mapped[bool] = mapped_column(default=False, server_default="0")
    # A correction of a signed inspection is a new inspection that names the one it amends.
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    # A visit planned by a 双随机 draw names the draw (its team was drawn there too).
    draw_id: Mapped[str | None] = mapped_column(ForeignKey("draws.id"))
    # A 回头看 names the inspection whose findings it checks (inspector/ledger/follow_up.py).
    follows_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    # The campaign (专项行动) the visit is part of (migration 0029_campaigns): the office's
    # coverage and reports filter by it. No foreign key: a laptop or the server receiving the
    # inspection may not have installed the campaign yet.
    campaign_id: Mapped[str | None] = mapped_column(String(36))

    institution: Mapped[Institution] = relationship(lazy="joined")
    snapshot: Mapped[ChecklistSnapshot] = relationship()
    members: Mapped[list[InspectionMember]] = relationship(
        back_populates="inspection",
        order_by="InspectionMember.position",
        cascade="all, delete-orphan",
    )

    __table_args__ = (
        Index("ix_inspections_created_at", "created_at"),
        Index("ix_inspections_status_created_at", "status", "created_at"),
        Index("ix_inspections_district", "district"),
        Index("ix_inspections_institution_id", "institution_id"),
    )

    @property
    def checklist(self) -> dict[str, Any]:
        return self.snapshot.data

    @property
    def checklist_version(self) -> str:
        return self.snapshot.version


class ChecklistSnapshot(Base):
    """A composed checklist, kept once however many visits use it, under the SHA-256 of its
    canonical JSON: the same on every laptop, so merging needs no renaming, and apart from the
    inspections table, whose rows stay small for fast lists."""

    __tablename__ = "checklist_snapshots"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]]


class InspectionMember(Base):
    __tablename__ = "inspection_members"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    inspector_id: Mapped[str] = mapped_column(ForeignKey("inspectors.id"), primary_key=True)
    role: Mapped[MemberRole] = mapped_column(_enum(MemberRole))
    position: Mapped[int] = mapped_column(Integer)
    # When this member showed the 执法证件 to the party (行政处罚法 art. 42; 条例 art. 29); a
    # member recused (回避) stays listed but is not one of the 执法人员 present.
    cert_shown_at: Mapped[datetime | None]
    recused: Mapped[bool] = mapped_column(default=False, server_default="0")
    recusal_reason: Mapped[str | None] = mapped_column(Text)
    # The last change, as on every merged row (Synced): these facts change after the visit is
    # made, and a bundle or a push decides between two laptops' versions by these stamps.
    change_device_id: Mapped[str | None] = mapped_column(String(36))
    change_seq: Mapped[int | None] = mapped_column(Integer)

    inspection: Mapped[Inspection] = relationship(back_populates="members")
    inspector: Mapped[Inspector] = relationship(lazy="joined")


class Answer(Synced, Base):
    __tablename__ = "answers"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    item_code: Mapped[str] = mapped_column(String(16))
    result: Mapped[Result] = mapped_column(_enum(Result))
    note: Mapped[str] = mapped_column(Text, default="")
    # Money in fen (分): exact, no float rounding in sums.
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    violation_code: Mapped[str | None] = mapped_column(String(16))
    # A finding states an amount or that none is involved (不涉及金额), and has evidence or the
    # reason it has none (migration 0020_legal_minimums).
    no_amount: Mapped[bool] = mapped_column(default=False, server_default="0")
    no_evidence_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("inspection_id", "item_code"),
        CheckConstraint("amount_fen IS NULL OR amount_fen >= 0", name="amount_not_negative"),
    )


class Evidence(Synced, Base):
    """A stored file linked to an inspection, and optionally to one checklist item. The same
    file linked twice is two rows over one stored file (content-addressed by ``sha256``)."""

    __tablename__ = "evidence"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    item_code: Mapped[str | None] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    width: Mapped[int | None]
    height: Mapped[int | None]
    orientation: Mapped[int | None]  # EXIF orientation 1-8
    captured_at: Mapped[datetime | None]  # the camera's own clock (EXIF), where present
    captured_at_text: Mapped[str | None] = mapped_column(String(40))  # as the camera wrote it
    gps_lat: Mapped[float | None]
    gps_lon: Mapped[float | None]
    camera: Mapped[str | None] = mapped_column(String(200))
    metadata_warning: Mapped[str | None] = mapped_column(Text)  # why EXIF could not be read
    added_by: Mapped[str | None] = mapped_column(ForeignKey("inspectors.id"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)  # the laptop's clock
    # Added by migration 0002_evidence:
    caption: Mapped[str] = mapped_column(Text, default="", server_default="")
    pages: Mapped[int | None]  # frames of a multi-page scan (TIFF)
    # Copies made from the one decode at intake, upright, kept in the store under their hash.
    thumb_sha256: Mapped[str | None] = mapped_column(String(64))  # ~320 px JPEG
    print_sha256: Mapped[str | None] = mapped_column(String(64))  # the record's copy, JPEG
    # An annotated copy names the evidence and the bytes it was drawn from; an original has none.
    derived_from: Mapped[str | None] = mapped_column(ForeignKey("evidence.id"))
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    annotation: Mapped[list[Any] | None]  # the shapes drawn, to redraw or audit the copy
    time_warning: Mapped[str | None] = mapped_column(Text)  # camera time far from the visit

    __table_args__ = (
        Index("ix_evidence_inspection", "inspection_id"),
        Index("ix_evidence_sha256", "sha256"),
    )


class CustodyEvent(Synced, Base):
    """One entry of an inspection's chain of custody. Append-only (triggers refuse UPDATE and
    DELETE); ``body`` is the canonical JSON that was hashed, ``hash`` = SHA-256 of it, and the
    body holds the previous entry's hash, so any change to an entry breaks every later one."""

    __tablename__ = "custody_events"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3, ... per inspection and device
    event: Mapped[str] = mapped_column(String(32))
    evidence_id: Mapped[str | None] = mapped_column(String(36))  # no FK: removal keeps the entry
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # One chain per device (migration 0008): two laptops adding to one inspection each
        # extend their own, so the merged chains all verify.
        UniqueConstraint("inspection_id", "device_id", "seq"),
        Index("ix_custody_events_evidence", "evidence_id"),
    )


class SealItem(Synced, Base):
    """A line of the sealing list (封存清单): something sealed on site, with photo links."""

    __tablename__ = "seal_items"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    position: Mapped[int] = mapped_column(Integer)  # 序号, 1-based, never reused
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[str] = mapped_column(String(32))  # exact decimal as typed, e.g. "12"
    unit: Mapped[str] = mapped_column(String(16))  # 盒, 本, 台 ...
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    evidence_ids: Mapped[list[Any]] = mapped_column(default=list)
    added_by: Mapped[str | None] = mapped_column(ForeignKey("inspectors.id"))

    __table_args__ = (UniqueConstraint("inspection_id", "position"),)


class DrugCheck(Synced, Base):
    """What the team found for one entry of a reference list (附件1 重点药品耗材) at a visit: the
    count as typed (exact decimal), its unit and a note. One row per inspection, list and entry
    number; the 进销存 reconciliation adds its own figures beside it."""

    __tablename__ = "drug_checks"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    item_code: Mapped[str] = mapped_column(String(16))  # the checklist item it was checked on
    list_code: Mapped[str] = mapped_column(String(16))  # WM, TCM, HERB, CONS
    entry_no: Mapped[int] = mapped_column(Integer)  # 序号 in the list
    name: Mapped[str] = mapped_column(String(200))  # as the list names it, kept with the row
    count: Mapped[str | None] = mapped_column(String(32))  # e.g. "12", "0.5"
    unit: Mapped[str] = mapped_column(String(16), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (
        UniqueConstraint("inspection_id", "list_code", "entry_no"),
        Index("ix_drug_checks_inspection", "inspection_id"),
    )


class Record(Synced, Base):
    """A document made from an inspection (the PDF record), with the hash of its bytes."""

    __tablename__ = "records"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    kind: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(String(500))  # relative to the data directory
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)

    interview_id: Mapped[str | None] = mapped_column(ForeignKey("interviews.id"))
    # SHA-256 of the canonical JSON of what the record states (answers, team, evidence hashes):
    # printed in the QR code of every page, so a paper copy can be matched to the data.
    data_sha256: Mapped[str | None] = mapped_column(String(64))
    # The rule data_sha256 was made by (inspector.record.facts.HASH_FORMAT); None: format 1.
    hash_format: Mapped[int | None] = mapped_column(Integer)
    record_no: Mapped[str | None] = mapped_column(String(40))
    # Where each inspector's digital signature goes: {cert_no: [page index, x1, y1, x2, y2]}.
    signature_boxes: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_records_inspection", "inspection_id"),)


class HandwrittenSignature(Synced, Base):
    """A signature drawn on screen (strokes and their picture), or the party's refusal to sign
    with the reason, which a witness then signs."""

    __tablename__ = "handwritten_signatures"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    interview_id: Mapped[str | None] = mapped_column(ForeignKey("interviews.id"))
    role: Mapped[str] = mapped_column(String(16))  # inspector | party | witness | interviewee
    inspector_id: Mapped[str | None] = mapped_column(ForeignKey("inspectors.id"))
    signer_name: Mapped[str] = mapped_column(String(100))
    strokes: Mapped[list[Any]] = mapped_column(default=list)
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    refused: Mapped[bool] = mapped_column(default=False)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # On an interview record: the SHA-256 of the interview's content the signature was given on
    # (migration 0017); a later change to the content voids the signature.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    # What was signed (migration 0018_signature_binding): the document's data hash without the
    # hand signatures (inspector.record.facts.content_hash), in its hash format. A signature given
    # on other data than the data now is void: it is kept, never printed and never counted.
    data_sha256: Mapped[str | None] = mapped_column(String(64))
    hash_format: Mapped[int | None] = mapped_column(Integer)
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(String(200))
    # A 拒签 witness's identity (居民身份证号) and relation to the party.
    id_no: Mapped[str | None] = mapped_column(String(40))
    relation: Mapped[str | None] = mapped_column(String(100))
    # How the party confirmed the record, with its signature: "signature" (it read the rendered
    # record on the signing screen and signed the signature page) or "initials" (it initialled
    # every page of the printed copy). None: not recorded, and the record says nothing of it.
    confirmation: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (Index("ix_handwritten_signatures_inspection", "inspection_id"),)


class TrustedCertificate(Synced, Base):
    """A CA certificate of the bureau on the trust list: a record's signers must chain to one
    (``config trust add``; later pulled from the central service). Never a self-signed
    trial certificate, never a signer's own certificate."""

    __tablename__ = "trusted_certificates"
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the DER
    subject: Mapped[str] = mapped_column(String(500))
    not_before: Mapped[datetime]
    not_after: Mapped[datetime]
    pem: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(String(200))


class RecordSignature(Synced, Base):
    """A digital (PAdES) signature made on a record PDF, in the order they were made."""

    __tablename__ = "record_signatures"
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id"))
    inspector_id: Mapped[str] = mapped_column(ForeignKey("inspectors.id"))
    field_name: Mapped[str] = mapped_column(String(64))
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))  # the PDF's bytes after this signature
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_record_signatures_record", "record_id"),)


class Interview(Synced, Base):
    """An interview record (询问笔录): questions and answers, signed like the record."""

    __tablename__ = "interviews"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    interviewee_name: Mapped[str] = mapped_column(String(100))
    interviewee_role: Mapped[str | None] = mapped_column(String(100))  # 院长, 医生, 患者 ...
    interviewee_id_no: Mapped[str | None] = mapped_column(String(40))
    place: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    questions: Mapped[list[Any]] = mapped_column(default=list)  # [{"q": ..., "a": ...}]
    recorder_id: Mapped[str | None] = mapped_column(String(36))  # 记录人 (migration 0013)
    # The interview as a document (migration 0017_interview_document, inspector/record/
    # interview.py): the 询问人 chosen (inspector ids, at least two 执法人员), the interviewee's
    # relation to the party, who showed the 执法证件 and when [{"cert_no", "at"}], the rights
    # told [{"right", "at", "reply"}], and the interviewee's own closing confirmation, typed
    # or written on the pad, printed only as captured.
    interviewer_ids: Mapped[list[Any]] = mapped_column(default=list)
    interviewee_relation: Mapped[str | None] = mapped_column(String(100))
    credentials_shown: Mapped[list[Any]] = mapped_column(default=list)
    rights_told: Mapped[list[Any]] = mapped_column(default=list)
    confirmation_text: Mapped[str | None] = mapped_column(Text)
    confirmation_strokes: Mapped[list[Any] | None]
    confirmation_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    confirmed_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_interviews_inspection", "inspection_id"),)


class ClaimSample(Synced, Base):
    """A sample of settled bills for on-site review (seeds 003, 004), attached to an
    inspection: the file it was drawn from (name, SHA-256, rows) and the rules with their seed,
    so that the same file and rules give the same list again."""

    __tablename__ = "claim_samples"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    source_name: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64))
    source_rows: Mapped[int] = mapped_column(Integer)
    rules: Mapped[dict[str, Any]]  # since, threshold, rate, seed, year, top, counts

    __table_args__ = (Index("ix_claim_samples_inspection", "inspection_id"),)


class ClaimBill(Synced, Base):
    """One bill on a sample's list, as the export gave it, and the team's verdict on it."""

    __tablename__ = "claim_bills"
    sample_id: Mapped[str] = mapped_column(ForeignKey("claim_samples.id"))
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    rule: Mapped[str] = mapped_column(String(16))  # large_inpatient | random | top_outpatient
    source_row: Mapped[int] = mapped_column(Integer)  # the row in the file, as Excel shows it
    bill_no: Mapped[str] = mapped_column(String(100))
    patient_name: Mapped[str] = mapped_column(String(100))
    patient_id: Mapped[str] = mapped_column(String(64))
    institution: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # inpatient | outpatient
    bill_date: Mapped[date] = mapped_column(Date)
    admitted: Mapped[date | None] = mapped_column(Date)
    discharged: Mapped[date | None] = mapped_column(Date)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    fund_fen: Mapped[int | None] = mapped_column(BigInteger)
    items: Mapped[str] = mapped_column(Text, default="", server_default="")
    spender_rank: Mapped[int | None] = mapped_column(Integer)  # among the top outpatient spenders
    # The team's verdict: pending | ok (核实无误) | problem (发现问题), with a note and evidence.
    verdict: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    evidence_ids: Mapped[list[Any]] = mapped_column(default=list)

    __table_args__ = (
        UniqueConstraint("sample_id", "bill_no"),
        Index("ix_claim_bills_inspection", "inspection_id"),
    )


class Lead(Synced, Base):
    """A lead (疑点/线索) to verify: from the office's file, from a rule's hit over the
    settlement detail, a 举报 registered by hand, or a case another department referred. Who
    reported it is never stored in clear: ``reporter_sealed`` is sealed to the office's public
    key (inspector/leads/reporter.py), so no laptop can read it."""

    __tablename__ = "leads"
    number: Mapped[str] = mapped_column(String(64), unique=True)  # 线索编号
    source: Mapped[str] = mapped_column(String(16))  # office | rules | report | referral
    institution_name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)  # 线索内容
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)  # 涉及金额 as reported
    received_on: Mapped[date] = mapped_column(Date)
    # 交办: who assigned it, to whom, when, and the last day to answer.
    assigned_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    assigned_to: Mapped[str] = mapped_column(String(100), default="", server_default="")
    assigned_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    reporter_sealed: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="", server_default="")  # 办理结果
    reward_fen: Mapped[int | None] = mapped_column(BigInteger)  # 举报奖励
    rule_code: Mapped[str | None] = mapped_column(String(32))
    settlement_nos: Mapped[list[Any]] = mapped_column(default=list)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))

    __table_args__ = (Index("ix_leads_inspection", "inspection_id"),)


class LeadCheck(Synced, Base):
    """A lead attached to an inspection: an item to verify on site, and the team's verdict
    (属实 confirmed / 部分属实 partly / 不属实 unfounded), note, evidence and amount. Part of
    what the signed record states (inspector/record/facts.py), so its number and summary are
    copied from the lead when attached."""

    __tablename__ = "lead_checks"
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"))
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    number: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    evidence_ids: Mapped[list[Any]] = mapped_column(default=list)

    __table_args__ = (
        UniqueConstraint("lead_id", "inspection_id"),
        Index("ix_lead_checks_inspection", "inspection_id"),
    )


class LedgerEntry(Synced, Base):
    """A row of the problem ledger (问题台账): one finding of a signed inspection, entered when
    the inspection is locked (inspector/ledger/). What it states of the finding (institution,
    item, amount, category) is copied from the locked answer, so a filter over thousands of
    rows reads this table only; the status is the ledger's own:
    pending (待整改) → in_progress (整改中) → rectified (已整改, 销号, only by a signed 回头看)
    or transferred (移交)."""

    __tablename__ = "ledger_entries"
    # Its id is a uuid5 of the answer's id: two laptops entering the same finding agree.
    # A finding is an answer of the checklist or a lead verified on site (属实/部分属实): one
    # of the two, the row's id a uuid5 of its id.
    answer_id: Mapped[str | None] = mapped_column(ForeignKey("answers.id"), unique=True)
    lead_check_id: Mapped[str | None] = mapped_column(ForeignKey("lead_checks.id"), unique=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"))
    institution_name: Mapped[str] = mapped_column(String(200))
    type_code: Mapped[str] = mapped_column(String(32))
    district: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(32))
    found_on: Mapped[date] = mapped_column(Date)  # the day the visit ended (China time)
    item_code: Mapped[str] = mapped_column(String(16))
    item_title: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    violation_code: Mapped[str | None] = mapped_column(String(16))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    evidence_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    recovered_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    deadline: Mapped[date | None] = mapped_column(Date)  # from the rectification order
    progress_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The signed 回头看 that closed it (销号), and its last verdict on the finding.
    closed_by_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    follow_up_verdict: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_ledger_entries_status_found_on", "status", "found_on"),
        Index("ix_ledger_entries_district_found_on", "district", "found_on"),
        Index("ix_ledger_entries_found_on", "found_on"),
        Index("ix_ledger_entries_institution", "institution_id"),
        Index("ix_ledger_entries_inspection", "inspection_id"),
        Index("ix_ledger_entries_deadline", "deadline"),
    )


class CaseAction(Synced, Base):
    """A step of a finding's case path (案件处理): 协议处理, 行政处罚, 移送公安 or 移送纪检监察,
    with its date, the receiving body, the document number and the party's statement and
    defence (陈述申辩) on it."""

    __tablename__ = "case_actions"
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger_entries.id"))
    kind: Mapped[str] = mapped_column(String(16))  # agreement | penalty | police | discipline
    on_date: Mapped[date] = mapped_column(Date)
    receiving_body: Mapped[str] = mapped_column(String(200))
    document_no: Mapped[str] = mapped_column(String(100))
    statement: Mapped[str] = mapped_column(Text, default="", server_default="")
    statement_on: Mapped[date | None] = mapped_column(Date)
    recovered_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_case_actions_entry", "entry_id"),)


class FollowUpItem(Synced, Base):
    """A ledger entry checked again by a 回头看: the follow-up's checklist item for it and the
    team's verdict, rectified (已整改), not_rectified (未整改) or partial (部分整改)."""

    __tablename__ = "follow_up_items"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))  # the follow-up
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger_entries.id"))
    item_code: Mapped[str] = mapped_column(String(16))
    verdict: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        UniqueConstraint("inspection_id", "item_code"),
        Index("ix_follow_up_items_entry", "entry_id"),
    )


class RectificationOrder(Synced, Base):
    """A rectification order (整改通知书) made for a signed inspection: the PDF in the record
    store (``path``, relative to the data directory) and its hash, signed like the record."""

    __tablename__ = "rectification_orders"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    order_no: Mapped[str] = mapped_column(String(40))
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    deadlines: Mapped[dict[str, Any]] = mapped_column(default=dict)  # entry id → ISO date
    signature_box: Mapped[list[Any]] = mapped_column(default=list)  # page, x1, y1, x2, y2
    signed_by: Mapped[str | None] = mapped_column(String(64))  # 执法证号, once signed

    __table_args__ = (Index("ix_rectification_orders_inspection", "inspection_id"),)


class CaseDocument(Synced, Base):
    """A document of a case (立案审批表 … 结案报告, inspector/cases/documents.py): the PDF in
    the record store and its hash, what it was rendered from, and who may sign it (the
    person the law names for that document, as held in the case when it was made)."""

    __tablename__ = "case_documents"
    case_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(40))
    doc_no: Mapped[str | None] = mapped_column(String(100))  # 文号, for documents sent out
    issued_on: Mapped[date] = mapped_column(Date)
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the facts it states
    signer_role: Mapped[str] = mapped_column(String(16))
    signers: Mapped[list[Any]] = mapped_column(default=list)  # [{cert_no, name}] who may sign
    # One box per signature it takes: [[page, x1, y1, x2, y2], ...].
    signature_box: Mapped[list[Any]] = mapped_column(default=list)
    signatures: Mapped[list[Any]] = mapped_column(default=list)  # [{cert_no, name, at}] made
    signed_by: Mapped[str | None] = mapped_column(String(64))  # the last signer, once complete
    signed_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_case_documents_case", "case_id", "kind"),)


class AuditEvent(Base):
    """One user action (全过程记录), written by :mod:`inspector.audit` in the transaction of the
    change. Append-only (triggers refuse UPDATE and DELETE) and hash-chained per device: ``body``
    is the canonical JSON that was hashed and holds the previous event's hash of this device."""

    __tablename__ = "audit_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3, ... per device: the monotonic order
    at: Mapped[datetime]  # the laptop's clock
    actor: Mapped[str | None] = mapped_column(String(64))  # 执法证号 of the current inspector
    action: Mapped[str] = mapped_column(String(64))
    inspection_id: Mapped[str | None] = mapped_column(String(36))  # no FK: the log outlives rows
    entity_type: Mapped[str | None] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    state_sha256: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_audit_events_inspection", "inspection_id"),
    )


# The columns of an event that its hashed body states as well (the body adds ``prev`` and
# ``details``): written by the unit of work, compared by the log's check, by a bundle's
# verification and so by the server's. ``at`` is ISO 8601 in the body.
AUDIT_EVENT_FIELDS = (
    "device_id",
    "seq",
    "at",
    "actor",
    "action",
    "inspection_id",
    "entity_type",
    "entity_id",
    "state_sha256",
)


class Tombstone(Base):
    """What is left of a deleted synced row: which row, when, by which device and action, and
    the hash of what it held, so that a deletion syncs and is audited. A trigger on every synced
    table refuses a DELETE that has no tombstone."""

    __tablename__ = "tombstones"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    change_seq: Mapped[int] = mapped_column(Integer)
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)
    state_sha256: Mapped[str] = mapped_column(String(64))


class BundleExport(Synced, Base):
    """A hand-over bundle made here: to whom, and how far each device's changes went
    (``heads``: device id → its last change number in the log), so that ``--since`` that
    receiver exports only what changed after."""

    __tablename__ = "bundle_exports"
    bundle_id: Mapped[str] = mapped_column(String(36))
    receiver: Mapped[str | None] = mapped_column(String(200))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    heads: Mapped[dict[str, Any]] = mapped_column(default=dict)
    since: Mapped[dict[str, Any] | None]
    signer: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_bundle_exports_receiver", "receiver"),)


class BundleImport(Synced, Base):
    """A bundle merged here: which, signed by whom, from which laptop, what it changed."""

    __tablename__ = "bundle_imports"
    bundle_id: Mapped[str] = mapped_column(String(36))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    exporter_device_id: Mapped[str] = mapped_column(String(36))
    signer: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_bundle_imports_bundle", "bundle_id"),)


class BundleConflict(Synced, Base):
    """An unsigned inspection changed on both laptops: the import kept this laptop's version in
    its table and the incoming one here, for the team leader to settle (``bundle settle``)."""

    __tablename__ = "bundle_conflicts"
    inspection_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    local_id: Mapped[str | None] = mapped_column(String(64))  # the row kept here
    incoming_id: Mapped[str] = mapped_column(String(64))  # the bundle's row
    label: Mapped[str] = mapped_column(Text)  # what differs, for people: 条目 P5.1 ...
    fields: Mapped[list[Any]] = mapped_column(default=list)  # the columns that differ
    local_state: Mapped[dict[str, Any] | None]
    incoming_state: Mapped[dict[str, Any]]
    bundle_id: Mapped[str] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(Text)  # who handed the bundle over
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    settled_by: Mapped[str | None] = mapped_column(String(64))  # 执法证号 of the leader
    settled_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_bundle_conflicts_inspection", "inspection_id"),)


class SyncServer(Synced, Base):
    """The bureau's central server this laptop is enrolled with (``sync enroll``):
    its address, the CA certificate its HTTPS is checked against, and the device id the server
    gave (the fingerprint of this laptop's device key). No database credentials: every request
    is signed by the device key."""

    __tablename__ = "sync_servers"
    url: Mapped[str] = mapped_column(String(300))
    server_device: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(100))
    ca_pem: Mapped[str | None] = mapped_column(Text)
    # kind → the version of the reference data installed from the server (sync pull)
    pulled: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CampaignRow(Synced, Base):
    """A campaign (专项行动) the office published, as this laptop installed it from ``sync pull``
    (inspector/campaigns/local.py): ``data`` is inspector.campaigns.Campaign.to_dict();
    ``version`` the package it came in. The office's: never edited here."""

    __tablename__ = "campaigns"
    name: Mapped[str] = mapped_column(String(200))
    doc_no: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer)


class SyncPush(Synced, Base):
    """A push the central server confirmed (committed): which bundle, the inspections it held
    and how far each laptop's changes went, so the laptop knows what the bureau has."""

    __tablename__ = "sync_pushes"
    url: Mapped[str] = mapped_column(String(300))
    bundle_id: Mapped[str] = mapped_column(String(36))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    heads: Mapped[dict[str, Any]] = mapped_column(default=dict)
    inspections: Mapped[list[Any]] = mapped_column(default=list)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    confirmed_at: Mapped[datetime]

    __table_args__ = (Index("ix_sync_pushes_url", "url"),)


class OfficeAssignment(Synced, Base):
    """What the office assigned to this laptop's teams and the laptop pulled (``sync
    assignments``, inspector/central/pull_assignments.py): a planned visit (its inspection,
    made under the id the office chose) or a lead to answer, its deadline, and whether the
    office withdrew it (marked: work already begun is kept). This laptop's own bookkeeping:
    what travels back is the inspection and the lead themselves."""

    __tablename__ = "office_assignments"
    kind: Mapped[str] = mapped_column(String(16))  # inspection | lead
    inspection_id: Mapped[str | None] = mapped_column(String(36))
    lead_id: Mapped[str | None] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(Text)  # the institution, or the lead's number and summary
    team: Mapped[str] = mapped_column(Text)
    assigned_by: Mapped[str] = mapped_column(String(64))
    assigned_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    withdrawn: Mapped[bool] = mapped_column(default=False, server_default="0")


class RuleRun(Base):
    """One run of the rule engine over an inspection's settlement detail (inspector/rules/):
    which rule packs and knowledge files (versions and SHA-256), on what (the detail's row
    count, the institution's level, the 进销存 period) and what it found. Kept, not replaced:
    a later run is a new row, and the latest one is what leads and sampling read. The hits
    are this laptop's working data, made again from the detail by running the rules; what
    the team makes of them (leads, findings) is what travels."""

    __tablename__ = "rule_runs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    device_id: Mapped[str] = mapped_column(String(36))
    ran_at: Mapped[datetime] = mapped_column(default=utcnow)
    detail_rows: Mapped[int] = mapped_column(Integer)
    library: Mapped[dict[str, Any]]  # rule packs and knowledge files: id -> version, sha256
    context: Mapped[dict[str, Any]]  # institution level, 进销存 period, rules run and skipped
    hit_count: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_rule_runs_inspection", "inspection_id", "ran_at"),)


class RuleHitRow(Base):
    """One hit of a run, as :class:`inspector.settlement.schema.RuleHit` states it."""

    __tablename__ = "rule_hits"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    run_id: Mapped[str] = mapped_column(ForeignKey("rule_runs.id"))
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    ordinal: Mapped[int] = mapped_column(Integer)  # the engine's order within the run
    rule_code: Mapped[str] = mapped_column(String(32))
    rule_name: Mapped[str] = mapped_column(String(200))
    rule_type: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[str | None] = mapped_column(String(64))
    settlement_nos: Mapped[list[Any]]
    row_nos: Mapped[list[Any]]
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    explanation: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("run_id", "ordinal"),
        Index("ix_rule_hits_inspection", "inspection_id"),
    )


class CompulsoryMeasure(Synced, Base):
    """A compulsory measure on things found at a visit (inspector/enforcement/measures.py):
    封存 (条例 art. 27(5); 行政强制法 arts. 24-28) or 先行登记保存 (行政处罚法 art. 56). The
    decision with its number, date and approval, the list handed to the party (``items``) with
    both sides' signatures, the time limit, one extension of a 封存, and its end: a release
    (解除) or, for a 先行登记保存, the decision taken on it (``outcome``)."""

    __tablename__ = "compulsory_measures"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    case_id: Mapped[str | None] = mapped_column(String(36))  # the case (案件), when there is one
    kind: Mapped[str] = mapped_column(String(16))  # seal (封存) | preserve (先行登记保存)
    decision_no: Mapped[str] = mapped_column(String(100))
    decided_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)  # 理由 (the facts that call for it)
    place: Mapped[str] = mapped_column(Text, default="", server_default="")  # where kept
    approved_by: Mapped[str] = mapped_column(String(100))  # 行政机关负责人 (art. 18(1))
    officers: Mapped[list[Any]] = mapped_column(default=list)  # 执法证号 of the 2+ officers
    # [{"position", "description", "quantity", "unit", "note", "seal_item_id"}]: the list
    items: Mapped[list[Any]] = mapped_column(default=list)
    last_day: Mapped[date] = mapped_column(Date)  # the time limit's last day as it stands
    provisional: Mapped[bool] = mapped_column(default=False, server_default="0")
    # Both sides' signatures on the list (art. 18(8)(9)): the party's signer, or its refusal
    # noted with a witness; the officers' (their 执法证号, in ``officers``) on the same day.
    list_signed_on: Mapped[date | None] = mapped_column(Date)
    party_signer: Mapped[str | None] = mapped_column(String(100))
    party_refused: Mapped[bool] = mapped_column(default=False, server_default="0")
    witness: Mapped[str | None] = mapped_column(String(100))
    # The one extension of a 封存 (行政强制法 art. 25)
    extended_on: Mapped[date | None] = mapped_column(Date)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extension_approved_by: Mapped[str | None] = mapped_column(String(100))
    extension_no: Mapped[str | None] = mapped_column(String(100))
    # The end: 解除 (行政强制法 art. 28) or the decision on a 先行登记保存 (行政处罚法 art. 56)
    ended_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))  # release|seal|confiscate|...
    end_reason: Mapped[str | None] = mapped_column(Text)
    end_no: Mapped[str | None] = mapped_column(String(100))
    follows_id: Mapped[str | None] = mapped_column(ForeignKey("compulsory_measures.id"))

    __table_args__ = (
        Index("ix_compulsory_measures_inspection", "inspection_id"),
        Index("ix_compulsory_measures_case", "case_id"),
    )


class Referral(Synced, Base):
    """A case handed to another department (移送): 公安, 纪检监察, 卫生健康, 市场监管 or 药监,
    with the 移送书's facts, its 案卷清单, the signed bundle of the case's evidence that went
    with it, the receipt, the feedback, and a return (退回: the case continues here)."""

    __tablename__ = "referrals"
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    case_id: Mapped[str | None] = mapped_column(String(36))
    department: Mapped[str] = mapped_column(String(16))  # police|discipline|health|market|drug
    receiver: Mapped[str] = mapped_column(String(200))  # the receiving body, by name
    referral_no: Mapped[str] = mapped_column(String(100))  # the 移送书's number
    referred_on: Mapped[date] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text)  # 涉嫌违法事实 and why it is theirs
    basis: Mapped[str] = mapped_column(Text, default="", server_default="")
    file_list: Mapped[list[Any]] = mapped_column(default=list)  # 案卷清单
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    bundle_sha256: Mapped[str | None] = mapped_column(String(64))  # of its signed manifest
    # The ledger rows handed over (移交) with the status each had: a return (退回) gives it back.
    entries: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_on: Mapped[date | None] = mapped_column(Date)
    received_by: Mapped[str | None] = mapped_column(String(100))
    feedback_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str | None] = mapped_column(Text)
    returned_on: Mapped[date | None] = mapped_column(Date)
    return_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_referrals_inspection", "inspection_id"),
        Index("ix_referrals_case", "case_id"),
    )


class ReceivedReferral(Synced, Base):
    """A case another department handed to the bureau (from 公安, 纪检监察, ...): registered
    with its document, date and subject, to become a lead (``lead_id``) and maybe a case."""

    __tablename__ = "received_referrals"
    department: Mapped[str] = mapped_column(String(16))  # police|discipline|health|...|other
    sender: Mapped[str] = mapped_column(String(200))  # the sending body, by name
    document_no: Mapped[str] = mapped_column(String(100))
    received_on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(200))  # the institution or person concerned
    institution_id: Mapped[str | None] = mapped_column(ForeignKey("institutions.id"))
    summary: Mapped[str] = mapped_column(Text)
    lead_id: Mapped[str | None] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36))


class EnforcementDocument(Synced, Base):
    """A document of a compulsory measure or a referral (decision, list, extension, release,
    移送书, 案卷清单), as a PDF in the record store with the hash of its bytes."""

    __tablename__ = "enforcement_documents"
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    measure_id: Mapped[str | None] = mapped_column(ForeignKey("compulsory_measures.id"))
    referral_id: Mapped[str | None] = mapped_column(ForeignKey("referrals.id"))
    kind: Mapped[str] = mapped_column(String(32))
    document_no: Mapped[str] = mapped_column(String(100))
    path: Mapped[str] = mapped_column(String(500))  # relative to the data directory
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    signers: Mapped[list[Any]] = mapped_column(default=list)  # 执法证号 who may sign it
    signature_box: Mapped[list[Any]] = mapped_column(default=list)  # page, x1, y1, x2, y2
    signed_by: Mapped[str | None] = mapped_column(String(64))  # 执法证号, once signed

    __table_args__ = (
        Index("ix_enforcement_documents_measure", "measure_id"),
        Index("ix_enforcement_documents_referral", "referral_id"),
    )


# --- the case procedure (inspector/cases/) ----------------------------------------------------


class Case(Synced, Base):
    """A case (案件): opened from findings of signed inspections of one institution or from a
    lead, carried through its stages by steps (``case_steps``), with its measures and payments
    (inspector/cases/). ``stage`` is where the last step left it; the steps are the history."""

    __tablename__ = "cases"
    institution_id: Mapped[str | None] = mapped_column(ForeignKey("institutions.id"))
    party_name: Mapped[str] = mapped_column(String(200))  # 当事人
    party_kind: Mapped[str] = mapped_column(String(16))  # org (定点医药机构) | person (个人)
    # The inspection the findings came from first (None for a case from a lead) and the day its
    # visit ended: no step of the case can be dated before it.
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))
    lead_id: Mapped[str | None] = mapped_column(String(36))  # a lead (线索), leads package
    visit_on: Mapped[date] = mapped_column(Date)
    entry_ids: Mapped[list[Any]] = mapped_column(default=list)  # the ledger rows it takes
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")  # 案由
    # The 执法主体, copied from the inspection (inspector/bureaus.py) when the case is opened.
    bureau: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    stage: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    opened_on: Mapped[date] = mapped_column(Date)
    # The 承办人 (at least two 执法人员, 行政处罚法 art. 42): [{"cert_no", "name"}], from 立案.
    officers: Mapped[list[Any]] = mapped_column(default=list)
    filed_on: Mapped[date | None] = mapped_column(Date)  # 立案
    # The approved extensions of the 90 days: [{"days", "on", "approved_by", "reason"}].
    extensions: Mapped[list[Any]] = mapped_column(default=list)
    notified_on: Mapped[date | None] = mapped_column(Date)  # 事先告知 served
    statement_days: Mapped[int | None] = mapped_column(Integer)  # working days given at 告知
    hearing_days: Mapped[int | None] = mapped_column(Integer)  # None: no right to a hearing
    decided_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)  # 结案, 不予立案, 撤销 or 终止
    end_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_cases_stage", "stage"),
        Index("ix_cases_institution", "institution_id"),
    )


class CaseStep(Synced, Base):
    """One step of a case (立案, 调查终结, 法制审核, 事先告知, 陈述申辩, 听证, 决定, 送达, 执行,
    结案, 不予立案, 撤销, 终止, 延期): its date, the people who took it and the facts a document
    of that stage states (``facts``). Never changed: a correction is a further step."""

    __tablename__ = "case_steps"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[date] = mapped_column(Date)
    # [{"role", "cert_no", "name"}]: 承办人, 审核人, 负责人, 主持人, 送达人 ...
    people: Mapped[list[Any]] = mapped_column(default=list)
    document_no: Mapped[str | None] = mapped_column(String(100))
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_case_steps_case", "case_id"),)


class CaseMeasure(Synced, Base):
    """A measure of a case, each kept apart: 责令退回, 罚款 (with the article it is under, the
    amount the multiple is taken of, and the reason for 从轻/减轻/从重), 没收违法所得, a
    suspension, and the agreement's actions (约谈, 拒付/追回, 暂停结算, 中止/解除协议)."""

    __tablename__ = "case_measures"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(24))
    article: Mapped[str | None] = mapped_column(String(16))  # 条例 article, e.g. "40"
    basis_fen: Mapped[int | None] = mapped_column(BigInteger)  # 损失/骗取金额 of the multiple
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    discretion: Mapped[str | None] = mapped_column(String(16))  # lighter | mitigated | heavier
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    on_date: Mapped[date] = mapped_column(Date)  # proposed, or taken (agreement actions)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(default=False, server_default="0")

    __table_args__ = (Index("ix_case_measures_case", "case_id"),)


class CasePayment(Synced, Base):
    """What was paid on a measure (退回, 罚款, 没收, 追回) and when, with the receipt."""

    __tablename__ = "case_payments"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    measure_id: Mapped[str] = mapped_column(ForeignKey("case_measures.id"))
    on_date: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    receipt_no: Mapped[str] = mapped_column(String(100), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_case_payments_case", "case_id"),)


class TraceScan(Synced, Base):
    """One 追溯码 scanned on the institution's shelf (inspector/trace/): when, the code, how it
    was read and what it was found to be at that moment. Append-only (triggers refuse UPDATE
    and DELETE) and hash-chained per inspection and device like the custody chain: ``body`` is
    the canonical JSON hashed, holding the previous scan's hash, so a scan changed, removed or
    reordered breaks the chain from there on."""

    __tablename__ = "trace_scans"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3, ... per inspection and device
    scanned_at: Mapped[datetime]  # the laptop's clock, UTC
    code: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(16))  # scanner | camera | typed | stdin
    result: Mapped[str] = mapped_column(String(16))  # the classification shown at the scan
    repeat_of: Mapped[int | None] = mapped_column(Integer)  # seq of the first scan of this code
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("inspection_id", "device_id", "seq"),
        Index("ix_trace_scans_inspection_code", "inspection_id", "code"),
    )


class TracePurchase(Synced, Base):
    """One 追溯码 of the institution's purchase records (购进, with the codes of the boxes
    received), imported for an inspection from the institution's or the traceability
    platform's file; ``buyer`` is the receiving institution as the file names it ('' when the
    file is the institution's own and has no such column)."""

    __tablename__ = "trace_purchases"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    code: Mapped[str] = mapped_column(String(20))
    drug_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    purchased_on: Mapped[date | None] = mapped_column(Date)
    buyer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    own: Mapped[bool] = mapped_column(default=True, server_default="1")  # bought by the visited
    source_name: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64))
    row_no: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_trace_purchases_inspection_code", "inspection_id", "code"),)
