"""poppler's ``pdfsig`` as a second opinion on a signed PDF.

pdfsig exits 0 even when a digest does not match, so its verdict is read from its output: each
signature's "Signature Validation:" line and whether it says "Total document signed". It checks
each signature's bytes only: a later incremental update that replaces a page's content leaves
every earlier signature "Valid" and only the "Not total document signed" line hints at it, where
our verification (pyHanko's difference analysis) names the change. Certificate validation is
skipped (``-nocert``): trust is reported separately, and offline there are no roots anyway.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from inspector.signing.verify import VerifyReport

VALID = "Signature is Valid."
UNCHECKED = "Signature has not yet been verified."
TIMEOUT_S = 60


@dataclass(frozen=True)
class PdfsigSignature:
    number: int
    field: str | None
    signer: str | None
    validation: str  # the text after "Signature Validation:"
    total_document_signed: bool
    signed: bool = True  # pdfsig also lists empty signature fields ("... is not signed.")
    kind: str | None = None  # "Signature Type": ETSI.CAdES.detached, or unknown

    @property
    def valid(self) -> bool:
        return self.validation == VALID

    @property
    def judged(self) -> bool:
        """pdfsig validated it: a document timestamp (the archive's, PAdES B-LTA) it lists as
        of an unknown type, "not yet been verified" (poppler does not check RFC 3161 tokens);
        pyHanko checks those."""
        return not (self.kind == "unknown" and self.validation == UNCHECKED)


@dataclass(frozen=True)
class PdfsigVerdict:
    available: bool  # pdfsig is installed
    exit_code: int | None
    signatures: tuple[PdfsigSignature, ...]  # signed fields and empty ones, as pdfsig lists
    output: str

    @property
    def signed(self) -> list[PdfsigSignature]:
        """The signatures pdfsig judged (not empty fields, not document timestamps)."""
        return [s for s in self.signatures if s.signed and s.judged]

    @property
    def readable(self) -> bool:
        """pdfsig read the file and listed signatures."""
        return self.available and self.exit_code == 0 and bool(self.signed)

    @property
    def ok(self) -> bool:
        return self.readable and all(s.valid for s in self.signed)

    @property
    def last_not_total(self) -> bool:
        """The last signature does not cover the whole file: pdfsig's only hint of a change."""
        signed = self.signed
        return bool(signed) and not signed[-1].total_document_signed


class Agreement(Enum):
    AGREE = "agree"  # both say ok, or both say not ok
    STRICTER = "stricter"  # we fail a file pdfsig passes with "Not total document signed"
    DISAGREE = "disagree"  # anything else: a bug on one side
    UNAVAILABLE = "unavailable"  # no pdfsig on this machine


def pdfsig_verdict(path: Path) -> PdfsigVerdict:
    """Run ``pdfsig -nocert`` on the file and parse what it says."""
    exe = shutil.which("pdfsig")
    if exe is None:
        return PdfsigVerdict(False, None, (), "")
    done = subprocess.run(
        [exe, "-nocert", str(path)],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C"},
        timeout=TIMEOUT_S,
        check=False,
    )
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    return PdfsigVerdict(True, done.returncode, tuple(parse_pdfsig(output)), output)


def parse_pdfsig(output: str) -> list[PdfsigSignature]:
    signatures: list[PdfsigSignature] = []
    blocks = re.split(r"^Signature #(\d+):\s*$", output, flags=re.MULTILINE)
    # blocks: [preamble, number, body, number, body, ...]
    for number, body in zip(blocks[1::2], blocks[2::2], strict=True):
        fields: dict[str, str] = {}
        total = False
        signed = True
        for raw in body.splitlines():
            line = raw.strip().removeprefix("- ").strip()
            if line == "Total document signed":
                total = True
            elif line.endswith("is not signed."):
                signed = False
            elif ":" in line:
                key, _, value = line.partition(":")
                fields.setdefault(key.strip(), value.strip())
        signatures.append(
            PdfsigSignature(
                number=int(number),
                field=fields.get("Signature Field Name"),
                signer=fields.get("Signer Certificate Common Name"),
                validation=fields.get("Signature Validation", "（pdfsig 未给出验证结果）"),
                total_document_signed=total,
                signed=signed,
                kind=fields.get("Signature Type"),
            )
        )
    return signatures


def compare(report: VerifyReport, verdict: PdfsigVerdict) -> tuple[Agreement, str]:
    """How our verdict relates to pdfsig's, with a sentence for people."""
    if not verdict.available:
        return Agreement.UNAVAILABLE, "本机没有 pdfsig（poppler-utils），未做对照"
    if report.ok == verdict.ok:
        said = "通过" if verdict.ok else "未通过"
        return Agreement.AGREE, f"与 pdfsig 一致（pdfsig：{said}）"
    if not report.ok and verdict.ok and verdict.last_not_total:
        return (
            Agreement.STRICTER,
            "pdfsig 认为各签名有效，但提示最后一个签名未覆盖整个文件（Not total document "
            "signed）；本工具检查了签名后的修改，判定未通过",
        )
    return Agreement.DISAGREE, f"与 pdfsig 不一致（pdfsig：{'通过' if verdict.ok else '未通过'}）"
