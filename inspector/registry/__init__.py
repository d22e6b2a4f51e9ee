"""The registry of designated institutions (定点医药机构名单): importing the bureau's list from an
Excel (.xlsx) or CSV file, searching it, and checking an institution's agreement (point 1 of the
eight inspection points: P1.1 是否签订协议, P1.2 协议是否到期).

By concern: ``cells`` (columns and cell parsers), ``source`` (reading the file), ``plan`` (the
import previewed, then applied in one change), ``agreement`` (the point-1 check), ``queries``
(search and lookup). An import is read first (:func:`preview`: every row with what would happen
to it, and why a row is refused), then applied (:func:`apply`) in one transaction: the accepted
rows all, or nothing. A re-import updates, never duplicates: a row is the same institution as a
stored one when it has the same agreement number, or, failing that, the same name and district.
A blank optional cell leaves the stored value as it is.
"""

from inspector.registry.agreement import AgreementCheck, AgreementStatus, agreement_status
from inspector.registry.cells import (
    TYPE_SYNONYMS,
    CellError,
    RowStatus,
    parse_date_cell,
    parse_type_cell,
)
from inspector.registry.plan import ImportResult, Preview, PreviewRow, RegistryEntry, apply, preview
from inspector.registry.queries import (
    InstitutionInfo,
    check_agreement,
    find_institution,
    get_institution,
    search_institutions,
)
from inspector.registry.source import SourceFile, detect_encoding, read_source

__all__ = [
    "TYPE_SYNONYMS",
    "AgreementCheck",
    "AgreementStatus",
    "CellError",
    "ImportResult",
    "InstitutionInfo",
    "Preview",
    "PreviewRow",
    "RegistryEntry",
    "RowStatus",
    "SourceFile",
    "agreement_status",
    "apply",
    "check_agreement",
    "detect_encoding",
    "find_institution",
    "get_institution",
    "parse_date_cell",
    "parse_type_cell",
    "preview",
    "read_source",
    "search_institutions",
]
