"""The stored enumerations, in a module of their own so that what reads the home list before
SQLAlchemy is imported (inspector/listing.py, ui/strings.py) can name them;
inspector/db/models.py maps them to columns."""

from __future__ import annotations

import enum


class InspectionStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    AWAITING_SIGNATURES = "awaiting_signatures"
    SIGNED = "signed"


class Result(enum.StrEnum):
    OK = "ok"
    PROBLEM = "problem"
    NOT_APPLICABLE = "na"
    UNCHECKED = "unchecked"


class MemberRole(enum.StrEnum):
    LEADER = "leader"
    MEMBER = "member"
