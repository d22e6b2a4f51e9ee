"""The server's schema, on PostgreSQL (its own Alembic tree in ``migrations/``; nothing
SQLite-only, so stock PostgreSQL 15+ and the databases compatible with it run it).

The laptops' rows are kept as they travel in a bundle (``data/<table>.jsonl``): one JSONB
document per row, keyed by table and primary key, with the inspection it belongs to, so that a
push merges by id (no duplicates from two laptops holding the same inspection) and the office
reads one place."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# One-time enrollment codes (server enroll --district): only their hash is stored.
enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_sha256", String(64), primary_key=True),
    Column("district", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("used_by", String(64)),
)

# Enrolled laptops: the device key (its self-signed certificate) that signs every request, and
# the certificates whose bundles this device may push (its inspectors' keys and itself).
devices = Table(
    "devices",
    metadata,
    Column("id", String(64), primary_key=True),  # the key's SHA-256 fingerprint
    Column("laptop_device_id", String(64), nullable=False),  # the laptop's own device id
    Column("district", String(100), nullable=False),
    Column("certificate_pem", Text, nullable=False),
    Column("enrolled_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)
device_signers = Table(
    "device_signers",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("fingerprint_sha256", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("certificate_pem", Text, nullable=False),
)

# Nonces of signed requests, kept while their timestamps are inside the window (replays).
nonces = Table(
    "nonces",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("nonce", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False, index=True),
)

# The content-addressed files the server holds (the files themselves are in the store).
blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("suffix", String(16), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

# A push under way or done: its signed manifest; committed_at once merged.
pushes = Table(
    "pushes",
    metadata,
    Column("bundle_id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("manifest", Text, nullable=False),  # the exact bytes (UTF-8), as signed
    Column("signature", Text, nullable=False),  # base64 of manifest.p7s
    Column("manifest_sha256", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("committed_at", DateTime(timezone=True)),
    Column("summary", JSONB),
)

# Every row the laptops pushed, as the bundle carries it.
rows = Table(
    "rows",
    metadata,
    Column("table_name", String(64), primary_key=True),
    Column("row_key", Text, primary_key=True),
    Column("inspection_id", String(36), index=True),
    Column("data", JSONB, nullable=False),
    Column("change_device_id", String(64)),
    Column("change_seq", Integer),
    Column("bundle_id", String(36), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Index("ix_rows_change_stamp", "table_name", "change_device_id", "change_seq"),
)

# What each enrolled device delivered of each laptop's log (audit events it pushed that the
# server holds as pushed): how far the server knows that device to know another laptop's
# changes. A push's own claims (its manifest's ``heads``) count only up to this: a device
# that never delivered a laptop's change cannot claim to have seen it, and overwrite it.
pushed_logs = Table(
    "pushed_logs",
    metadata,
    Column("device_id", String(64), primary_key=True),  # the pushing device (devices.id)
    Column("log_device_id", String(64), primary_key=True),  # the laptop whose log it is
    Column("seq", Integer, nullable=False),  # the highest entry of that log it delivered
)

# One line per inspection for the office list (kept in step with its rows by the merge).
# The list's order has its index, alone and after each of the two district columns (a
# district's user sees the inspections in the district and those its teams made).
inspections = Table(
    "inspections",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("institution", Text, nullable=False),
    Column("district", String(100)),
    Column("team_district", String(100)),
    Column("type", String(32), index=True),
    Column("mode", String(32), index=True),
    Column("status", String(32), nullable=False, index=True),
    Column("record_no", String(64)),
    Column("started_at", DateTime(timezone=True)),
    Column("amends_id", String(36)),
    Column("device_id", String(64), nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False),
)
_LIST_ORDER = (inspections.c.started_at.desc().nulls_last(), inspections.c.id)
Index("ix_inspections_list", *_LIST_ORDER)
# with the filters' columns, so that a district's count reads the index alone
Index(
    "ix_inspections_district_list",
    inspections.c.district,
    *_LIST_ORDER,
    postgresql_include=["team_district", "type", "mode", "status"],
)
Index(
    "ix_inspections_team_district_list",
    inspections.c.team_district,
    *_LIST_ORDER,
    postgresql_include=["district", "type", "mode", "status"],
)

# The office list's filter values (name: district, type, mode or status), each with the
# districts of an inspection that has it ("" for none), so that a district's user is offered
# only its own. Kept by the commit; a value whose last inspection changed stays offered (and
# finds nothing).
office_filter_values = Table(
    "office_filter_values",
    metadata,
    Column("name", String(16), primary_key=True),
    Column("value", String(100), primary_key=True),
    Column("district", String(100), primary_key=True),
    Column("team_district", String(100), primary_key=True),
)

# The office's audit log: enrollment, revocation, pushes committed and refused.
server_events = Table(
    "server_events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("action", String(64), nullable=False),
    Column("device_id", String(64)),
    Column("inspection_id", String(36), index=True),
    Column("details", JSONB, nullable=False),
)

# Reference data the office publishes (sync pull): kind → the latest signed package.
publications = Table(
    "publications",
    metadata,
    Column("kind", String(32), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),  # the file's name (its suffix tells the reader)
    Column("body", LargeBinary, nullable=False),  # the exact signed bytes
    Column("signature", LargeBinary, nullable=False),  # detached CMS (DER)
    Column("signer", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
)

# The office page's users (server user add) and their sessions (only the tokens' hashes).
office_users = Table(
    "office_users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("district", String(100)),  # None: every district
    Column("password_hash", Text, nullable=False),  # argon2id$m=…,t=…,p=…$salt$hash
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
)

office_sessions = Table(
    "office_sessions",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("user_name", String(64), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

# Wrong passwords per client and name (inspector/central/office.py): kept in the database so
# that every server behind one address counts the same tries and a restart forgets none.
office_sign_in_failures = Table(
    "office_sign_in_failures",
    metadata,
    Column("client", String(64), primary_key=True),  # the address the request came from
    Column("user_name", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", Float, nullable=False, index=True),  # seconds since the epoch
)

# The server's own settings (name → value): "store_id", the id in the marker file of the one
# file store every server on this database uses (docs/deployment.md).
server_settings = Table(
    "server_settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The office's campaigns (专项行动, inspector/central/campaigns.py): the definition as laptops
# receive it (inspector.campaigns.Campaign.to_dict) and who made and closed it.
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("doc_no", String(100), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("data", JSONB, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
)

# --- the office assigns (inspector/central/assignments.py) -------------------------------------

# The 双随机 draws made at the office: their published inputs (canonical JSON, as the 抽查结果
# workbook prints them), their SHA-256, the RFC 3797 key and the result.
office_draws = Table(
    "office_draws",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("inputs", Text, nullable=False),
    Column("inputs_sha256", String(64), nullable=False),
    Column("key", Text, nullable=False),
    Column("result", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("campaign_id", String(36)),  # the campaign (专项行动) it was drawn within
)

# What the office assigned to a team: a planned visit (kind "inspection", from a draw: the
# inspection's id is chosen here, so the visit the laptop makes and pushes is this one) or a
# lead (kind "lead": its id, the lead's own). ``district``: the team's district (the devices
# of that district pull it); ``inspectors``: the team, the leader first.
assignments = Table(
    "assignments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("district", String(100), nullable=False, index=True),
    Column("inspectors", JSONB, nullable=False),
    Column("target", JSONB, nullable=False),  # the institution, or the lead as assigned
    Column("inspection_id", String(36), index=True),
    Column("lead_id", String(36), index=True),
    Column("draw_id", String(36)),
    Column("mode", String(32)),
    Column("assigned_on", Date, nullable=False),
    Column("deadline", Date),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("pulled_at", DateTime(timezone=True)),
    Column("pulled_by", String(64)),
    Column("withdrawn_at", DateTime(timezone=True)),
    Column("campaign_id", String(36), index=True),  # a visit drawn within a campaign
)

# --- Records that last (inspector/central/archive.py) ---------------------------------------
# The PAdES B-LTA version of each signed record PDF the laptops pushed: the pushed file (by its
# SHA-256, never replaced) and its archived version in the store (a new file of which the pushed
# one is a prefix), or "pending" (未归档: no TSA configured, or the TSA, OCSP or CRL service did
# not answer) with the reason; re-timestamped yearly (server retimestamp).
archived_pdfs = Table(
    "archived_pdfs",
    metadata,
    Column("source_sha256", String(64), primary_key=True),  # the pushed, signed PDF
    Column("inspection_id", String(36), index=True),  # NULL: a case opened from a lead
    # the row whose signed PDF it is: records, rectification_orders, enforcement_documents,
    # case_documents (inspector/central/archive.py: SIGNED)
    Column("table_name", String(40), nullable=False),
    Column("document_id", String(36), nullable=False, index=True),
    Column("state", String(16), nullable=False, index=True),  # pending | archived
    Column("archived_sha256", String(64)),  # the B-LTA file in the store (.pdf)
    Column("timestamps", Integer, nullable=False, default=0),
    Column("last_timestamp_at", DateTime(timezone=True)),
    Column("holds_until", DateTime(timezone=True), index=True),  # the last TSA cert's expiry
    Column("reason", Text),  # why still pending (the last attempt's error)
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
